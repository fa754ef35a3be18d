"""``commkit community add``: community profiles in a workspace."""

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated, Any, Literal

import typer

from commkit.cli.context import settings
from commkit.cli.options import Force, Workspace, date_option, group

Format = Literal["online", "offline", "mixed"]

community_app = group(
    "community",
    "Community profiles in a workspace.",
)


def _interactive() -> bool:
    """Whether a person can answer prompts (stdin is a terminal)."""
    return sys.stdin.isatty()


@community_app.command("add")
def community_add(
    ctx: typer.Context,
    workspace: Workspace = Path("."),
    name: Annotated[
        str | None, typer.Option("--name", help="The community's name.", show_default=False)
    ] = None,
    leader: Annotated[
        list[str] | None,
        typer.Option(
            "--leader", help="A leader's full name (repeat for several).", show_default=False
        ),
    ] = None,
    platform: Annotated[
        str | None,
        typer.Option("--platform", help="Where it meets: Telegram, a venue...", show_default=False),
    ] = None,
    members: Annotated[
        int | None,
        typer.Option(
            "--members", min=0, help="Members now (starts a snapshot).", show_default=False
        ),
    ] = None,
    events: Annotated[
        int | None, typer.Option("--events", min=0, help="Events held so far.", show_default=False)
    ] = None,
    projects: Annotated[
        int | None,
        typer.Option("--projects", min=0, help="Projects launched so far.", show_default=False),
    ] = None,
    fmt: Annotated[
        Format | None,
        typer.Option("--format", help="How it meets.", show_default=False),
    ] = None,
    formalised: Annotated[
        bool | None,
        typer.Option(
            "--formalised/--informal",
            help="A registered non-profit, or informal (no legal entity).",
            show_default=False,
        ),
    ] = None,
    founded: Annotated[
        str | None,
        typer.Option("--founded", help="YYYY, YYYY-MM or YYYY-MM-DD.", show_default=False),
    ] = None,
    description: Annotated[
        str | None, typer.Option("--description", help="One or two sentences.", show_default=False)
    ] = None,
    slug: Annotated[
        str | None,
        typer.Option("--slug", help="File name (default: from the name).", show_default=False),
    ] = None,
    as_of: Annotated[dt.date | None, date_option("Date of the figures (default: today).")] = None,
    force: Force = False,
) -> None:
    """Write a community profile to communities/<slug>.yaml. Give everything by flags, or
    run it in a terminal without --name to be asked.

    Examples:

    \b
      commkit community add -w perm --name "Franchising World" --leader "Yuliya Bogushevskaya" \\
          --leader "Maria Kizima" --platform Telegram --members 50 --events 5
      commkit community add -w perm          # asks the questions
    """
    from commkit import api
    from commkit.cli.output import err
    from commkit.errors import UserError

    s = settings(ctx)
    known: dict[str, Any] = {
        "name": name,
        "leaders": list(leader or []),
        "platform": platform,
        "members": members,
        "format": fmt,
        "formalised": formalised,
        "founded": founded,
    }
    if name is None:
        if not _interactive():
            raise UserError("--name is required (or run the command in a terminal to be asked)")
        from commkit.interactive.community import ask_profile

        known = ask_profile(known, s.lang)
    community = api.new_community(
        known["name"],
        slug=slug,
        leaders=known["leaders"],
        platform=known["platform"],
        format=known["format"] or "online",
        formalised=bool(known["formalised"]),
        founded=known["founded"],
        description=description,
        members=known["members"],
        events=events,
        projects=projects,
        snapshot_date=as_of,
    )
    path = api.write_community(workspace, community, force=force)
    err().print(f"Wrote {path}", markup=False, soft_wrap=True)
    sys.stdout.write(f"{community.slug}\n")


def register(app: typer.Typer) -> None:
    """Add the ``community`` group to the root app."""
    app.add_typer(community_app)

"""``commkit community add``: a community profile in a workspace, by flags or by questions."""

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated, Any, Literal

import typer

from commkit.cli.context import settings
from commkit.cli.options import Workspace, date_option, force_option, group, value_option

Format = Literal["online", "offline", "mixed"]
"""How a community meets."""

community_app = group(
    "community",
    "Community profiles in a workspace.",
)


def community_add(
    ctx: typer.Context,
    workspace: Workspace = Path("."),
    name: Annotated[str | None, value_option("--name", help="The community's name.")] = None,
    leader: Annotated[
        list[str] | None,
        value_option("--leader", help="A leader's full name (repeat for several)."),
    ] = None,
    platform: Annotated[
        str | None, value_option("--platform", help="Where it meets: Telegram, a venue, a chat.")
    ] = None,
    members: Annotated[
        int | None, value_option("--members", min=0, help="Members now (starts a snapshot).")
    ] = None,
    events: Annotated[
        int | None, value_option("--events", min=0, help="Events held so far.")
    ] = None,
    projects: Annotated[
        int | None, value_option("--projects", min=0, help="Projects launched so far.")
    ] = None,
    fmt: Annotated[
        Format | None, value_option("--format", help="online, offline or mixed.")
    ] = None,
    formalised: Annotated[
        bool | None,
        value_option(
            "--formalised/--informal",
            help="A registered non-profit, or informal (no legal entity).",
        ),
    ] = None,
    founded: Annotated[
        str | None, value_option("--founded", help="YYYY, YYYY-MM or YYYY-MM-DD.")
    ] = None,
    description: Annotated[
        str | None, value_option("--description", help="One or two sentences.")
    ] = None,
    slug: Annotated[
        str | None, value_option("--slug", help="File name (default: from the name).")
    ] = None,
    as_of: Annotated[dt.date | None, date_option("Date of the figures (default: today).")] = None,
    force: Annotated[bool, force_option("Overwrite an existing profile.")] = False,
) -> None:
    """Write a community profile to communities/<slug>.yaml. Give everything by flags, or
    run it in a terminal without --name to be asked.

    Examples:

    \b
      commkit community add -w perm --name "Franchising World" \\
          --leader "Yuliya Bogushevskaya" --leader "Maria Kizima" \\
          --platform Telegram --members 50 --events 5
      commkit community add -w perm          # asks the questions
    """
    from commkit import api
    from commkit.cli.output import err
    from commkit.errors import UserError
    from commkit.i18n import text

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

        known = ask_profile(known, s.lang_for(None))
    path = api.add_community(
        workspace,
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
        force=force,
    )
    err().print(text("cli.community_wrote", s.lang_for(None), path=path), markup=False)
    sys.stdout.write(f"{path.stem}\n")


def _interactive() -> bool:
    """Whether a person can answer prompts (stdin is a terminal)."""
    return sys.stdin.isatty()


def register(app: typer.Typer) -> None:
    """Add the ``community`` group to the root app."""
    community_app.command("add")(community_add)
    app.add_typer(community_app)

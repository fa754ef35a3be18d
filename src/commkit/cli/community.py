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

community_app = group("community")


def community_add(
    ctx: typer.Context,
    workspace: Workspace = Path("."),
    name: Annotated[str | None, value_option("--name")] = None,
    leader: Annotated[list[str] | None, value_option("--leader")] = None,
    platform: Annotated[str | None, value_option("--platform")] = None,
    members: Annotated[int | None, value_option("--members", min=0)] = None,
    events: Annotated[int | None, value_option("--events", min=0)] = None,
    projects: Annotated[int | None, value_option("--projects", min=0)] = None,
    fmt: Annotated[Format | None, value_option("--format")] = None,
    formalised: Annotated[bool | None, value_option("--formalised/--informal")] = None,
    founded: Annotated[str | None, value_option("--founded")] = None,
    description: Annotated[str | None, value_option("--description")] = None,
    slug: Annotated[str | None, value_option("--slug")] = None,
    as_of: Annotated[dt.date | None, date_option()] = None,
    force: Annotated[bool, force_option()] = False,
) -> None:
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

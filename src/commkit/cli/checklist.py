"""``commkit checklist export``: the checklist as a form to fill in outside the terminal."""

from pathlib import Path
from typing import Annotated, Literal

import typer

from commkit.cli.context import settings
from commkit.cli.options import (
    Lang,
    community_option,
    flag,
    group,
    out_option,
    value_option,
    workspace_option,
)

FormFormat = Literal["html", "xlsform", "xlsx", "md"]
"""The forms the checklist exports to (api.EXPORT_FORMATS)."""

checklist_app = group("checklist")


@checklist_app.command("export")
def export(
    ctx: typer.Context,
    format: Annotated[FormFormat, typer.Option("--format", metavar="html|xlsform|xlsx|md")],
    out: Annotated[Path, out_option()],
    lang: Annotated[Lang | None, value_option("--lang", metavar="en|ru")] = None,
    community: Annotated[str | None, community_option()] = None,
    workspace: Annotated[Path | None, workspace_option()] = None,
    force: Annotated[bool, flag("--force")] = False,
) -> None:
    from commkit import api
    from commkit.cli.output import err
    from commkit.i18n import text

    s = settings(ctx)
    language = lang or s.lang
    path = api.export_checklist(
        format,
        out,
        pack=s.pack(),
        lang=language,
        community=community,
        workspace=workspace,
        force=force,
    )
    err().print(text("cli.wrote", s.lang, path=path), markup=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.add_typer(checklist_app)

"""``commkit export``: a region's data for analysts (SQLite for Datasette)."""

from pathlib import Path
from typing import Annotated

import typer

from commkit.cli.context import settings
from commkit.cli.options import flag, group, json_option

export_app = group("export")


@export_app.command("sqlite")
def sqlite(
    ctx: typer.Context,
    workspace: Annotated[Path, typer.Argument()],
    database: Annotated[Path, typer.Argument()],
    replace: Annotated[bool, flag("--replace")] = False,
    full: Annotated[bool, flag("--full")] = False,
    as_json: Annotated[bool, json_option()] = False,
) -> None:
    from commkit import api
    from commkit.cli.output import err, print_json
    from commkit.i18n import plural, text

    s = settings(ctx)
    result = api.export_sqlite(
        workspace, database, lang=s.lang, pack=s.pack(), replace=replace, full=full
    )
    console = err()
    for diag in result.problems:
        console.print(diag.format(), markup=False, soft_wrap=True)
    if as_json:
        print_json(result.to_json())
        return
    lang = s.lang
    how = (
        text("cli.sqlite_rebuilt", lang)
        if result.full
        else text(
            "cli.sqlite_updated",
            lang,
            updated=plural("cli.communities_count", result.updated, lang),
            removed=result.removed,
            unchanged=result.unchanged,
        )
    )
    console.print(
        text(
            "cli.sqlite_wrote",
            lang,
            database=database,
            how=how,
            communities=plural("cli.communities_count", result.communities, lang),
            assessments=plural("cli.assessments_count", result.assessments, lang),
            answers=plural("cli.answers_count", result.answers, lang),
            metadata=result.metadata,
        ),
        markup=False,
        soft_wrap=True,
    )
    command = f"datasette {database} -m {result.metadata}"
    console.print(text("cli.sqlite_open", lang, command=command), markup=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.add_typer(export_app)

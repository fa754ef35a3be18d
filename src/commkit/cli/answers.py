"""``commkit answers import``: collected answers (HTML form, Kobo/ODK, workbook) to files."""

from pathlib import Path
from typing import Annotated

import typer

from commkit.cli.context import settings
from commkit.cli.options import argument, flag, group, out_option, workspace_option

answers_app = group("answers")


@answers_app.command("import")
def import_(
    ctx: typer.Context,
    files: Annotated[list[Path], argument(metavar="FILE…")],
    out: Annotated[Path | None, out_option()] = None,
    workspace: Annotated[Path | None, workspace_option()] = None,
    skip_bad: Annotated[bool, flag("--skip-bad")] = False,
    force: Annotated[bool, flag("--force")] = False,
) -> None:
    from commkit import api
    from commkit.cli.output import err
    from commkit.cli.output import out as stdout
    from commkit.i18n import plural, text

    s = settings(ctx)
    result = api.import_answers(
        files,
        out=out,
        workspace=workspace,
        pack=s.pack(),
        lang=s.lang,
        force=force,
        skip_bad=skip_bad,
    )
    if result.written:  # one print: a thousand separate ones cost a second
        paths = "\n".join(str(path) for path in result.written)
        stdout().print(paths, markup=False, highlight=False, soft_wrap=True)
    console = err()
    console.print(
        plural("import.wrote", len(result.written), s.lang, m=result.submissions), markup=False
    )
    if result.skipped:
        console.print(text("import.skipped", s.lang), markup=False)
        for d in result.skipped:
            console.print("  " + d.format(), markup=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.add_typer(answers_app)

"""``commkit progress``: how one community changed across assessments and snapshots."""

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from commkit.cli.context import settings
from commkit.cli.options import AsTable, Fmt, Json, Workspace


def progress_command(
    ctx: typer.Context,
    slug: Annotated[str, typer.Argument(help="The community's slug (its file name).")],
    workspace: Workspace = Path("."),
    as_json: Json = False,
    as_table: AsTable = False,
    fmt: Fmt = "simple",
) -> None:
    """Show how a community changed: its stage and each dimension across assessments, and
    each metric across snapshots, with the change since the previous one.

    Examples:

    \b
      commkit progress business-mentor --workspace examples/perm-krai
      commkit progress my-club -w my-region --json
      commkit progress my-club -w my-region --table --fmt grid
    """
    from commkit import api
    from commkit.cli.community_map import pack_or_none
    from commkit.cli.output import err, print_json

    s = settings(ctx)
    pack = pack_or_none(ctx)
    ws = api.load_workspace(workspace)
    result = api.progress(ws, slug, pack=pack, names=pack is not None)
    # a file read twice (latest and history) is reported once; the run goes on: warnings
    for warning in api.workspace_warnings(ws):
        err().print(str(warning), markup=False, soft_wrap=True)
    if as_json:
        print_json(result.to_json())
        return
    screen = api.progress_screen(result, s.lang)
    if as_table:
        from commkit.cli.output import print_rows

        sys.stdout.write(f"{screen.name} ({screen.slug})\n{screen.stage_path}\n")
        for view in screen.tables:
            sys.stdout.write("\n")
            print_rows(view, fmt)
        return
    print_progress(screen)


def print_progress(screen: Any) -> None:
    from rich.table import Table

    from commkit.cli.output import out

    console = out()
    console.print(f"[bold]{screen.name}[/] ({screen.slug})", soft_wrap=True)
    console.print(screen.stage_path, markup=False, soft_wrap=True)
    for view in screen.tables:
        table = Table(title=view.title, title_justify="left")
        for column in view.columns:
            table.add_column(column.header, justify=column.align)
        for cells in view.cells():
            table.add_row(*cells)
        console.print(table)


def register(app: typer.Typer) -> None:
    """Add ``progress`` to the root app."""
    app.command("progress")(progress_command)

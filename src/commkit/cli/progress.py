"""``commkit progress``: how one community changed across assessments and snapshots."""

from pathlib import Path
from typing import Annotated, Any

import typer

from commkit.cli.context import settings
from commkit.cli.options import (
    AsTable,
    Fmt,
    Workspace,
    flag,
    force_option,
    json_option,
    out_option,
    value_option,
)


def progress_command(
    ctx: typer.Context,
    slug: Annotated[str, typer.Argument()],
    workspace: Workspace = Path("."),
    as_json: Annotated[bool, json_option()] = False,
    out_path: Annotated[Path | None, out_option(metavar="PATH")] = None,
    charts: Annotated[bool, flag("--charts")] = False,
    html_path: Annotated[Path | None, value_option("--html")] = None,
    force: Annotated[bool, force_option()] = False,
    as_table: AsTable = False,
    fmt: Fmt = "simple",
) -> None:
    import sys
    from dataclasses import replace

    from commkit import api
    from commkit.cli.community_map import pack_or_none
    from commkit.cli.output import err, print_json
    from commkit.i18n import text

    s = settings(ctx)
    if charts and out_path is None:
        raise typer.BadParameter(text("cli.charts_need_out", s.lang), param_hint="--charts")
    pack = pack_or_none(ctx)
    ws = api.load_workspace(workspace)
    result = api.progress(ws, slug, pack=pack, ids_only=pack is None)
    # a file read twice (latest and history) is reported once; the run goes on: warnings
    for diag in dict.fromkeys(ws.diagnostics):
        err().print(replace(diag, severity="warning").format(), markup=False, soft_wrap=True)
    written = api.write_progress(
        result, out=out_path, charts=charts, html=html_path, lang=s.lang, force=force
    )
    for path in written:
        err().print(text("cli.wrote", s.lang, path=path), markup=False, soft_wrap=True)
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
    _print_progress(screen)


def _print_progress(screen: Any) -> None:
    from commkit.cli.output import esc, out, rich_table

    console = out()
    console.print(f"[bold]{esc(screen.name)}[/] ({esc(screen.slug)})", soft_wrap=True)
    console.print(screen.stage_path, markup=False, soft_wrap=True)
    for view in screen.tables:
        console.print(rich_table(view))


def register(app: typer.Typer) -> None:
    """Add ``progress`` to the root app."""
    app.command("progress")(progress_command)

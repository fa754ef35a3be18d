"""``commkit map``: the Business Community Map of a region's workspace."""

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from commkit.cli import options as opt
from commkit.cli.context import settings

SCREEN_ROWS = 100
"""The screen table shows at most this many communities; --out/--csv hold them all."""
PROGRESS_BAR_FROM = 200
"""Workspaces with at least this many profiles get a progress bar (on a terminal)."""


def map_command(
    ctx: typer.Context,
    workspace: Annotated[Path, typer.Argument()] = Path("."),
    out: Annotated[Path | None, opt.out_option(metavar="FILE")] = None,
    as_json: Annotated[bool, opt.json_option()] = False,
    csv_path: Annotated[Path | None, opt.value_option("--csv")] = None,
    html_path: Annotated[Path | None, opt.value_option("--html")] = None,
    charts: Annotated[bool, opt.flag("--charts")] = False,
    public: Annotated[bool, opt.flag("--public")] = False,
    xlsx_path: Annotated[Path | None, opt.value_option("--xlsx")] = None,
    as_of: Annotated[dt.date | None, opt.date_option()] = None,
    strict: Annotated[bool, opt.flag("--strict")] = False,
    force: Annotated[bool, opt.force_option()] = False,
    as_table: opt.AsTable = False,
    fmt: opt.Fmt = "simple",
) -> None:
    from commkit import api
    from commkit.cli.output import err
    from commkit.errors import ContentError
    from commkit.i18n import plural, text

    s = settings(ctx)
    if public:
        _public_map(
            workspace, s.lang_for(None), html_path, force, (out, csv_path, xlsx_path, as_json)
        )
        return
    if charts and out is None:
        raise typer.BadParameter("--charts goes with --out FILE", param_hint="--charts")
    files = api.MapFiles.of(out=out, csv=csv_path, html=html_path, xlsx=xlsx_path, charts=charts)
    files.check(force=force)
    pack = pack_or_none(ctx)
    ws = api.load_workspace(workspace)
    lang = s.lang_for(ws.region.language if ws.region is not None else None)
    total = len(ws.community_paths())
    console = err()
    # spill: the per-community lists wait in temp files, not in memory
    options: dict[str, Any] = {"pack": pack, "today": as_of, "spill": True, "ids_only": not pack}
    if total >= PROGRESS_BAR_FROM and console.is_terminal:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

        with Progress(
            "[progress.description]{task.description}",
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        ) as bar:
            task = bar.add_task(text("cli.map_reading", lang), total=total)

            def hook(done: int, _total: int) -> None:
                if done % 50 == 0 or done == _total:
                    bar.update(task, completed=done)

            region_map = api.build_map(ws, progress=hook, **options)
    else:
        region_map = api.build_map(ws, **options)

    if region_map.problems:
        diagnostics = [p.diagnostic("warning") for p in region_map.problems]
        problems = plural("cli.problems_count", len(diagnostics), lang)
        if strict:
            raise ContentError(
                text("cli.map_problems_strict", lang, problems=problems),
                [p.diagnostic("error") for p in region_map.problems],
            )
        for diag in diagnostics:
            console.print(
                diag.format(),
                style="yellow" if console.is_terminal else None,
                markup=False,
                soft_wrap=True,
            )
        console.print(text("cli.map_problems", lang, problems=problems), markup=False)

    for kind, path in api.write_map(region_map, files, lang=lang, pack=pack, force=force):
        console.print(_wrote(kind, path, lang), markup=False, soft_wrap=True)
    if as_json:
        # the same bytes as print_json(region_map.to_json()), written piece by piece
        from commkit.cli.narrow_encoding import json_for

        for chunk in api.map_json_chunks(region_map):
            sys.stdout.write(json_for(sys.stdout, chunk))
        sys.stdout.flush()
        return
    screen = api.map_screen(region_map, lang, limit=SCREEN_ROWS)
    if as_table:
        from commkit.cli.output import print_rows

        print_rows(screen.metrics, fmt)
        sys.stdout.write("\n")
        keys = [c.key for c in screen.communities.columns]
        print_rows(screen.communities, fmt, keys)
        return
    _print_map(screen, lang)


def _wrote(kind: str, path: Path, lang: str) -> str:
    """The line that says a file of the map was written."""
    from commkit.i18n import text

    if kind == "markdown":
        return text("cli.map_wrote", lang, path=path)
    return text(f"cli.map_wrote_{kind}", lang, path=path)


def _print_map(screen: Any, lang: str) -> None:
    from rich import box
    from rich.table import Table

    from commkit.cli.output import esc, out, rich_table
    from commkit.i18n import text

    console = out()
    console.print(
        f"[bold]{screen.title}: {esc(screen.region)}[/] · {screen.as_of} · {screen.count}",
        soft_wrap=True,
    )
    console.print(rich_table(screen.metrics))
    # Fit the terminal: every column from 140 characters, the essentials below that
    # (--out and --csv always hold everything).
    wide = console.width >= 140
    view = screen.communities
    columns = [
        c for c in view.columns if wide or c.key not in ("platform", "formalised", "projects")
    ]
    table = Table(title=view.title, title_justify="left", box=None if not wide else box.HEAVY_HEAD)
    keys = [c.key if wide or c.key != "leaders" else "leader_count" for c in columns]
    rows = list(view.cells(keys))
    # a name is broken at its spaces, never inside a word (up to 18 letters a word)
    words = [len(w) for row in rows for w in str(row[keys.index("community")]).split()]
    name_width = min(18, max([12, *words])) if "community" in keys else 12
    for c in columns:
        justify = c.align if wide or c.key != "leaders" else "right"
        table.add_column(
            c.header,
            justify=justify,  # type: ignore[arg-type]
            overflow="fold",
            min_width=name_width if c.key == "community" else None,
        )
    for row in rows:
        table.add_row(*(esc(cell) for cell in row))
    console.print(table)
    if screen.hidden > 0:
        console.print(text("cli.map_more", lang, n=screen.hidden), markup=False)
    console.print(screen.stages, markup=False)
    console.print(screen.gap, markup=False)
    # in a terminal, long notes wrap at spaces; piped, one line each
    if screen.attention:
        console.print(screen.attention, markup=False, soft_wrap=not console.is_terminal)
    for note in screen.versions:
        console.print(note, markup=False, soft_wrap=not console.is_terminal)


def pack_or_none(ctx: typer.Context) -> Any:
    """The content pack for names and stage titles; the map still builds without it."""
    from commkit.cli.output import warn
    from commkit.errors import CommkitError

    try:
        return settings(ctx).pack()
    except CommkitError as exc:
        first = str(exc).splitlines()[0] if str(exc) else "it does not load"
        warn(f"content pack not used ({first}): metric and stage ids are shown instead of names")
        return None


def _public_map(
    workspace: Path, lang: str, html: Path | None, force: bool, others: tuple[Any, ...]
) -> None:
    from commkit import api
    from commkit.cli.output import err

    if html is None or any(others):
        raise typer.BadParameter(
            "--public writes only the public HTML page: give --html FILE and no --out, --csv, "
            "--xlsx or --json",
            param_hint="--public",
        )
    path, count = api.write_public_map(workspace, html, lang=lang, force=force)
    from commkit.i18n import plural

    err().print(
        plural("cli.public_map_written", count, lang, path=path), markup=False, soft_wrap=True
    )


def register(app: typer.Typer) -> None:
    """Add ``map`` to the root app."""
    app.command("map")(map_command)

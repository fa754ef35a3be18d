"""``commkit map``: the Business Community Map of a workspace."""

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from commkit.cli.context import settings
from commkit.cli.options import AsTable, Fmt, Force, Json, date_option

PROGRESS_BAR_FROM = 200
"""Workspaces with at least this many profiles get a progress bar (on a terminal)."""


def pack_or_none(ctx: typer.Context) -> Any:
    """The content pack for names and stage titles; the map still builds without it."""
    from commkit import api
    from commkit.cli.output import warn

    pack, problems = api.pack_for_names(settings(ctx).content)
    for problem in problems:
        warn(str(problem))
    return pack


def map_command(
    ctx: typer.Context,
    workspace: Annotated[
        Path, typer.Argument(help="The workspace folder (region.yaml, communities/, ...).")
    ] = Path("."),
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            metavar="FILE",
            help="Write the whole map as Markdown here.",
            show_default=False,
        ),
    ] = None,
    as_json: Json = False,
    csv_path: Annotated[
        Path | None,
        typer.Option(
            "--csv",
            metavar="FILE",
            help="Write the community table as CSV here.",
            show_default=False,
        ),
    ] = None,
    today: Annotated[
        dt.date | None,
        date_option(
            "The map's date; assessments older than 6 months before it are flagged. Default: today."
        ),
    ] = None,
    strict: Annotated[
        bool,
        typer.Option("--strict", help="Fail (exit 1) on any broken file instead of skipping it."),
    ] = False,
    force: Force = False,
    as_table: AsTable = False,
    fmt: Fmt = "simple",
) -> None:
    """Build the Business Community Map: every community with its stage, score and figures,
    the seven final metrics totalled for the region, stages, leaders, the ecosystem (AS-IS
    and TO-BE, as a Mermaid graph), and communities whose assessment is missing or old.

    A broken file is reported as a warning with its file and line, and the rest of the map
    still builds; --strict makes any such problem an error.

    Examples:

    \b
      commkit map examples/perm-krai
      commkit --lang ru map my-region --out map.md --csv map.csv --date 2026-06-30
      commkit map my-region --json > map.json
      commkit map my-region --table --fmt github > map-table.md
    """
    from commkit import api
    from commkit.cli.output import err

    s = settings(ctx)
    api.check_targets(out, csv_path, force=force)
    pack = pack_or_none(ctx)
    ws = api.load_workspace(workspace)
    total = len(ws.community_paths())
    console = err()
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
            task = bar.add_task("Reading communities", total=total)

            def hook(done: int, _total: int) -> None:
                if done % 50 == 0 or done == _total:
                    bar.update(task, completed=done)

            result = api.map_workspace(ws, pack=pack, today=today, strict=strict, progress=hook)
    else:
        result = api.map_workspace(ws, pack=pack, today=today, strict=strict)
    region_map = result.region_map
    if result.warnings:
        for warning in result.warnings:
            console.print(
                str(warning),
                style="yellow" if console.is_terminal else None,
                markup=False,
                soft_wrap=True,
            )
        console.print(
            f"{len(result.warnings)} problem(s) in the workspace: the map was built without "
            "them (--strict fails instead).",
            markup=False,
            soft_wrap=True,
        )
    api.write_map(region_map, markdown=out, csv=csv_path, lang=s.lang, pack=pack, force=force)
    if out is not None:
        console.print(f"Wrote the map to {out}", markup=False, soft_wrap=True)
    if csv_path is not None:
        console.print(f"Wrote the table to {csv_path}", markup=False, soft_wrap=True)
    if as_json:
        # the same bytes as print_json(region_map.to_json()), written piece by piece
        for chunk in api.map_json_chunks(region_map):
            sys.stdout.write(chunk)
        sys.stdout.flush()
        return
    if as_table:
        from commkit.cli.output import print_rows

        screen = api.map_screen(region_map, s.lang, limit=len(region_map.communities))
        print_rows(screen.metrics, fmt)
        sys.stdout.write("\n")
        print_rows(screen.communities, fmt)
        return
    print_map(api.map_screen(region_map, s.lang))


def print_map(screen: Any) -> None:
    """The map on the terminal: metrics, then communities fitted to its width."""
    from rich import box
    from rich.markup import escape
    from rich.table import Table

    from commkit.cli.output import out

    lab = screen.labels
    console = out()
    console.print(
        f"[bold]{lab['title']}: {escape(screen.region)}[/] · {lab['as_of']} "
        f"{screen.date} · {screen.count} {lab['communities_count']}",
        soft_wrap=True,
    )
    metrics = Table(title=screen.metrics.title, title_justify="left")
    for column in screen.metrics.columns:
        metrics.add_column(column.header, justify=column.align)
    for cells in screen.metrics.cells():
        metrics.add_row(*cells)
    console.print(metrics)
    # Fit the terminal: every column from 140 characters, the essentials below that
    # (--out and --csv always hold everything).
    wide = console.width >= 140
    columns = screen.communities.columns
    if not wide:
        columns = [c for c in columns if c.key not in ("platform", "formalised", "projects")]
    table = Table(
        title=screen.communities.title,
        title_justify="left",
        box=None if not wide else box.HEAVY_HEAD,
    )
    for column in columns:
        narrow_leaders = column.key == "leaders" and not wide
        table.add_column(
            column.header,
            justify="right" if narrow_leaders else column.align,
            overflow="fold",
            min_width=12 if column.key == "community" else None,
        )
    keys = [c.key if wide or c.key != "leaders" else "leader_count" for c in columns]
    for cells in screen.communities.cells(keys):
        table.add_row(*cells)
    console.print(table)
    if screen.hidden > 0:
        console.print(
            f"… {screen.hidden} more: use --out FILE (Markdown) or --csv FILE for the whole map.",
            markup=False,
        )
    console.print(screen.stages, markup=False, soft_wrap=True)
    console.print(screen.gap, markup=False, soft_wrap=True)
    if screen.attention:
        console.print(f"{lab['attention']}: {screen.attention}", markup=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    """Add ``map`` to the root app."""
    app.command("map")(map_command)

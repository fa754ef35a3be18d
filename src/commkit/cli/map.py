"""``commkit map``, ``commkit progress`` and ``commkit community add``."""

import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from commkit.cli.context import settings

SCREEN_ROWS = 100
"""The screen table shows at most this many communities; --out/--csv hold them all."""
PROGRESS_BAR_FROM = 200
"""Workspaces with at least this many profiles get a progress bar (on a terminal)."""


def _interactive() -> bool:
    """Whether a person can answer prompts (stdin is a terminal)."""
    return sys.stdin.isatty()


def _parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a date such as 2026-01-12", param_hint=option
        ) from None


def _pack_or_none(ctx: typer.Context) -> Any:
    """The content pack for names and stage titles; the map still builds without it."""
    from commkit.cli.output import warn
    from commkit.errors import CommkitError

    try:
        return settings(ctx).pack()
    except CommkitError as exc:
        first = str(exc).splitlines()[0] if str(exc) else "it does not load"
        warn(f"content pack not used ({first}): metric and stage ids are shown instead of names")
        return None


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
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the map as one JSON document.")
    ] = False,
    csv_path: Annotated[
        Path | None,
        typer.Option("--csv", help="Write the community table as CSV here.", show_default=False),
    ] = None,
    html_path: Annotated[
        Path | None,
        typer.Option(
            "--html",
            help="Write the map as one self-contained HTML page with its charts.",
            show_default=False,
        ),
    ] = None,
    charts: Annotated[
        bool,
        typer.Option(
            "--charts",
            help="With --out: also draw the stage distribution and the seven metrics as SVG "
            "files next to it, linked from the Markdown.",
        ),
    ] = False,
    public: Annotated[
        bool,
        typer.Option(
            "--public",
            help="With --html: the public map for entrepreneurs instead (only communities with "
            "a 'public:' block, only what they publish; no scores, stages or notes).",
        ),
    ] = False,
    xlsx_path: Annotated[
        Path | None,
        typer.Option(
            "--xlsx",
            help="Write an Excel workbook here: metrics, communities, gaps.",
            show_default=False,
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--date",
            help="The map's date (YYYY-MM-DD); assessments older than 6 months before it "
            "are flagged. Default: today.",
            show_default=False,
        ),
    ] = None,
    strict: Annotated[
        bool,
        typer.Option("--strict", help="Fail (exit 1) on any broken file instead of skipping it."),
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite existing --out and --csv files.")
    ] = False,
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
      commkit --lang ru map my-region --xlsx map.xlsx
      commkit map my-region --out map.md --charts --html map.html
      commkit --lang ru map my-region --public --html communities.html
    """
    from commkit.cli.output import err
    from commkit.core.region_map import build_map
    from commkit.errors import ContentError
    from commkit.i18n import plural, text
    from commkit.model.workspace_loader import load_workspace

    s = settings(ctx)
    if public:
        _public_map(
            workspace, s.lang_for(None), html_path, force, (out, csv_path, xlsx_path, as_json)
        )
        return
    today = _parse_date(as_of, "--date")
    if charts and out is None:
        raise typer.BadParameter("--charts goes with --out FILE", param_hint="--charts")
    chart_files = (
        {name: out.with_name(f"{out.stem}-{name}.svg") for name in ("stages", "metrics")}
        if charts and out is not None
        else {}
    )
    for target in (out, csv_path, xlsx_path, html_path, *chart_files.values()):
        if target is not None and target.exists() and not force:
            from commkit.errors import OutputExistsError

            raise OutputExistsError(f"{target} already exists (use --force to overwrite it)")
    pack = _pack_or_none(ctx)
    ws = load_workspace(workspace)
    lang = s.lang_for(ws.region.language if ws.region is not None else None)
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
            task = bar.add_task(text("cli.map_reading", lang), total=total)

            def hook(done: int, _total: int) -> None:
                if done % 50 == 0 or done == _total:
                    bar.update(task, completed=done)

            region_map = build_map(ws, pack, today, progress=hook, spill=True)
    else:
        # spill: the per-community lists wait in temp files, not in memory (issue 8)
        region_map = build_map(ws, pack, today, spill=True)

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

    if out is not None:
        from commkit.fsutil import atomic_write_chunks
        from commkit.render.map_md import map_markdown_chunks

        template_dirs = pack.template_dirs if pack is not None else []
        links = {name: path.name for name, path in chart_files.items()}
        chunks = map_markdown_chunks(region_map, lang, template_dirs, links)
        atomic_write_chunks(out, chunks, force=force)
        if chart_files:
            from commkit import api
            from commkit.fsutil import atomic_write_text

            svgs = api.render_map_charts(region_map, lang)
            for name, path in chart_files.items():
                atomic_write_text(path, svgs[name], force=force)
                console.print(f"Wrote a chart to {path}", markup=False, soft_wrap=True)
        console.print(text("cli.map_wrote", lang, path=out), markup=False, soft_wrap=True)
    if csv_path is not None:
        from commkit.fsutil import atomic_write_chunks
        from commkit.render.map_csv import map_csv_chunks

        # the BOM as a first chunk: the same bytes as atomic_write_text(..., bom=True)
        atomic_write_chunks(csv_path, ("\ufeff", *map_csv_chunks(region_map)), force=force)
        console.print(text("cli.map_wrote_csv", lang, path=csv_path), markup=False, soft_wrap=True)
    if html_path is not None:
        from commkit import api
        from commkit.fsutil import atomic_write_text

        page = api.render_map_html(region_map, lang, pack=pack)
        atomic_write_text(html_path, page, force=force)
        console.print(f"Wrote the HTML map to {html_path}", markup=False, soft_wrap=True)
    if xlsx_path is not None:
        from commkit import api
        from commkit.fsutil import atomic_write_bytes

        atomic_write_bytes(xlsx_path, api.render_map_xlsx(region_map, lang), force=force)
        console.print(f"Wrote the workbook to {xlsx_path}", markup=False, soft_wrap=True)
    if as_json:
        from commkit.render.map_json import map_json_chunks

        # the same bytes as print_json(region_map.to_json()), written piece by piece
        for chunk in map_json_chunks(region_map):
            sys.stdout.write(chunk)
        sys.stdout.flush()
        return
    _print_map(region_map, lang)


def _print_map(region_map: Any, lang: str) -> None:
    from rich import box
    from rich.table import Table

    from commkit.cli.output import esc as escape
    from commkit.cli.output import out
    from commkit.i18n import plural, text
    from commkit.model.common import tr
    from commkit.render.map_md import fmt_num, labels, stage_title
    from commkit.render.report import fmt_score

    lab = labels(lang)
    console = out()
    console.print(
        f"[bold]{lab['title']}: {escape(tr(region_map.region, lang))}[/] · {lab['as_of']} "
        f"{region_map.date.isoformat()} · "
        f"{plural('count.communities', len(region_map.communities), lang)}",
        soft_wrap=True,
    )
    metrics = Table(title=lab["metrics"], title_justify="left")
    metrics.add_column(lab["metric"])
    metrics.add_column(lab["total"], justify="right")
    metrics.add_column(lab["reporting"], justify="right")
    metrics.add_column(lab["latest"])
    for metric in region_map.metrics:
        reporting = (
            "—"
            if metric.id == "communities"
            else f"{metric.reporting}/{len(region_map.communities)}"
        )
        latest = metric.latest.isoformat() if metric.latest else "—"
        metrics.add_row(
            escape(tr(metric.name, lang)), fmt_num(metric.total, lang), reporting, latest
        )
    console.print(metrics)
    # Fit the terminal: every column from 140 characters, the essentials below that
    # (--out and --csv always hold everything).
    wide = console.width >= 140
    columns = [
        ("community", "left"),
        ("stage", "left"),
        ("score", "right"),
        ("members", "right"),
        ("leaders", "left" if wide else "right"),
        ("events", "right"),
        ("projects", "right"),
        ("platform", "left"),
        ("formalised", "left"),
        ("last_assessment", "left"),
    ]
    if not wide:
        columns = [c for c in columns if c[0] not in ("platform", "formalised", "projects")]
    table = Table(
        title=lab["communities"], title_justify="left", box=None if not wide else box.HEAVY_HEAD
    )
    for key, justify in columns:
        table.add_column(
            lab[key],
            justify=justify,  # type: ignore[arg-type]
            overflow="fold",
            min_width=12 if key == "community" else None,
        )
    for row in region_map.communities[:SCREEN_ROWS]:
        cells = {
            "community": row.name,
            "stage": stage_title(region_map, row.stage, lang, lab["not_assessed"]),
            "score": fmt_score(row.score, lang),
            "members": fmt_num(row.members),
            "leaders": (", ".join(row.leaders) or "—") if wide else str(len(row.leaders)),
            "events": fmt_num(row.events),
            "projects": fmt_num(row.projects),
            "platform": row.platform or "—",
            "formalised": lab["yes"] if row.formalised else lab["no"],
            "last_assessment": (
                row.last_assessment.isoformat() if row.last_assessment else lab["never"]
            ),
        }
        table.add_row(*(escape(cells[key]) for key, _ in columns))
    console.print(table)
    hidden = len(region_map.communities) - SCREEN_ROWS
    if hidden > 0:
        console.print(text("cli.map_more", lang, n=hidden), markup=False)
    stages = ", ".join(f"{tr(s.title, lang)}: {s.count}" for s in region_map.stages if s.count)
    console.print(f"{lab['stages']}: {stages}", markup=False)
    gap = len(region_map.gap_actors), len(region_map.gap_links)
    console.print(
        f"{lab['gap']}: {lab['gap_actors'].lower()} — {gap[0]}; "
        f"{lab['gap_links'].lower()} — {gap[1]}",
        markup=False,
    )
    if region_map.attention:
        console.print(
            f"{lab['attention']}: {len(region_map.attention)}", markup=False, soft_wrap=True
        )


def progress_command(
    ctx: typer.Context,
    slug: Annotated[str, typer.Argument(help="The community's slug (its file name).")],
    workspace: Annotated[
        Path, typer.Option("--workspace", "-w", help="The workspace folder.")
    ] = Path("."),
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON document.")] = False,
    out_path: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", help="Also write the progress as Markdown here.", show_default=False
        ),
    ] = None,
    charts: Annotated[
        bool,
        typer.Option(
            "--charts", help="With --out: also draw the scores over time as an SVG next to it."
        ),
    ] = False,
    html_path: Annotated[
        Path | None,
        typer.Option(
            "--html", help="Also write one HTML page with the line chart.", show_default=False
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing files.")] = False,
) -> None:
    """Show how a community changed: its stage and each dimension across assessments, and
    each metric across snapshots, with the change since the previous one.

    Examples:

    \b
      commkit progress business-mentor --workspace examples/perm-krai
      commkit progress my-club -w my-region --json
      commkit --lang ru progress my-club -w my-region -o progress.md --charts \\
          --html p.html
    """
    from rich.table import Table

    from commkit.cli.output import esc, out, print_json
    from commkit.core.progress import community_progress
    from commkit.model.common import tr
    from commkit.model.workspace_loader import load_workspace
    from commkit.render.map_md import fmt_num, fmt_signed, labels
    from commkit.render.report import fmt_score

    s = settings(ctx)
    pack = _pack_or_none(ctx)
    ws = load_workspace(workspace)
    result = community_progress(ws, slug, pack)
    if ws.diagnostics:
        from dataclasses import replace

        from commkit.cli.output import err

        # a file read twice (latest and history) is reported once; the run goes on: warnings
        for diag in dict.fromkeys(ws.diagnostics):
            shown = replace(diag, severity="warning")
            err().print(shown.format(), markup=False, soft_wrap=True)
    _write_progress(result, s.lang, out_path, charts, html_path, force)
    if as_json:
        print_json(result.to_json())
        return
    lab = labels(s.lang)
    console = out()
    console.print(f"[bold]{esc(result.name)}[/] ({esc(result.slug)})", soft_wrap=True)
    if result.stages:
        path = " → ".join(
            f"{p.date.isoformat()}: {tr(result.stage_titles.get(p.stage, p.stage), s.lang)} "
            f"({fmt_score(p.overall, s.lang)})"
            for p in result.stages
        )
        console.print(f"{lab['stage']}: {path}", markup=False, soft_wrap=True)
    else:
        console.print(f"{lab['last_assessment']}: {lab['never']}", markup=False)
    for title, series_list in (
        (lab["dimensions"], result.dimensions),
        (lab["metrics_short"], result.metrics),
    ):
        if not series_list:
            continue
        dates = [p.date.isoformat() for p in series_list[0].points]
        table = Table(title=title, title_justify="left")
        table.add_column("")
        for d in dates:
            table.add_column(d, justify="right")
        table.add_column(lab["change"], justify="right")
        for series in series_list:
            table.add_row(
                esc(tr(series.title, s.lang)),
                *(fmt_num(p.value) for p in series.points),
                fmt_signed(series.change) or "—",
            )
        console.print(table)


def community_add(
    ctx: typer.Context,
    workspace: Annotated[
        Path, typer.Option("--workspace", "-w", help="The workspace folder.")
    ] = Path("."),
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
        typer.Option(
            "--platform", help="Where it meets: Telegram, a venue, a chat.", show_default=False
        ),
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
        str | None,
        typer.Option("--format", help="online, offline or mixed.", show_default=False),
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
    as_of: Annotated[
        str | None,
        typer.Option("--date", help="Date of the figures (default: today).", show_default=False),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing profile.")] = False,
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
    from commkit.cli.output import err
    from commkit.core.workspace_init import new_community, write_community
    from commkit.errors import UserError

    s = settings(ctx)
    snapshot_date = _parse_date(as_of, "--date")
    if fmt is not None and fmt not in ("online", "offline", "mixed"):
        raise typer.BadParameter("choose online, offline or mixed", param_hint="--format")
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
    community = new_community(
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
        snapshot_date=snapshot_date,
    )
    path = write_community(workspace, community, force=force)
    from commkit.i18n import text

    err().print(text("cli.community_wrote", s.lang_for(None), path=path), markup=False)
    sys.stdout.write(f"{community.slug}\n")


def _public_map(
    workspace: Path, lang: str, html: Path | None, force: bool, others: tuple[Any, ...]
) -> None:
    from commkit import api
    from commkit.cli.output import err
    from commkit.fsutil import atomic_write_text

    if html is None or any(others):
        raise typer.BadParameter(
            "--public writes only the public HTML page: give --html FILE and no --out, --csv, "
            "--xlsx or --json",
            param_hint="--public",
        )
    data = api.public_map(workspace)
    atomic_write_text(html, api.render_public_map_html(data, lang), force=force)
    err().print(
        f"Wrote the public map ({len(data.entries)} communities) to {html}",
        markup=False,
        soft_wrap=True,
    )


def _write_progress(
    result: Any, lang: str, out: Path | None, charts: bool, html: Path | None, force: bool
) -> None:
    """The files of ``progress --out/--charts/--html`` (all checked before any is written)."""
    from commkit import api
    from commkit.cli.output import err
    from commkit.errors import OutputExistsError
    from commkit.fsutil import atomic_write_text

    if charts and out is None:
        raise typer.BadParameter("--charts goes with --out FILE", param_hint="--charts")
    chart = out.with_name(f"{out.stem}-scores.svg") if charts and out is not None else None
    for target in (out, chart, html):
        if target is not None and target.exists() and not force:
            raise OutputExistsError(f"{target} already exists (use --force to overwrite it)")
    written = []
    if out is not None:
        text = api.render_progress_markdown(result, lang, chart=chart.name if chart else None)
        written.append(atomic_write_text(out, text, force=force))
    if chart is not None:
        svg = api.render_progress_chart(result, lang)
        written.append(atomic_write_text(chart, svg, force=force))
    if html is not None:
        page = api.render_progress_html(result, lang)
        written.append(atomic_write_text(html, page, force=force))
    for path in written:
        err().print(f"wrote {path}", markup=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    """Add ``map``, ``progress`` and the ``community`` group to the root app."""
    app.command("map")(map_command)
    app.command("progress")(progress_command)
    community_app = typer.Typer(
        name="community",
        help="Community profiles in a workspace.",
        no_args_is_help=True,
        rich_markup_mode="rich",
    )
    community_app.command("add")(community_add)
    app.add_typer(community_app)

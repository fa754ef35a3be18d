"""The Business Community Map of a region and the progress of one community, with every
format they are shown in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from commkit.api._common import PathLike, content, require, workspace
from commkit.i18n import resolve_lang

if TYPE_CHECKING:
    from commkit.core.progress import CommunityProgress
    from commkit.core.region_map import RegionMap
    from commkit.model.pack import ContentPack
    from commkit.model.workspace_loader import Workspace


def build_map(
    ws: Workspace | PathLike,
    *,
    pack: ContentPack | None = None,
    today: dt.date | None = None,
    strict: bool = False,
    progress: Callable[[int, int], None] | None = None,
    spill: bool = False,
    ids_only: bool = False,
) -> RegionMap:
    """The Business Community Map of a workspace as of ``today`` (default: today).

    Broken files are skipped and listed in ``RegionMap.problems``; with ``strict`` they
    raise :class:`commkit.errors.ContentError` instead. ``pack`` defaults to the built-in
    content (for metric names and stage titles); pass one to use a customised pack.
    ``spill`` keeps the per-community lists out of memory (for very large workspaces);
    ``ids_only`` builds it without any pack (ids instead of names), as when a pack is broken.
    """
    from commkit.core.region_map import build_map as _build
    from commkit.errors import ContentError

    names = None if ids_only else content(pack)
    region_map = _build(workspace(ws), names, today, progress=progress, spill=spill)
    if strict and region_map.problems:
        raise ContentError(
            f"the workspace has {len(region_map.problems)} problem(s)",
            [p.diagnostic("error") for p in region_map.problems],
        )
    return region_map


def progress(
    ws: Workspace | PathLike,
    slug: str,
    *,
    pack: ContentPack | None = None,
    ids_only: bool = False,
) -> CommunityProgress:
    """How one community's stage, dimensions and metrics changed over time (``ids_only``:
    without any pack, as when a pack is broken)."""
    from commkit.core.progress import community_progress

    return community_progress(workspace(ws), slug, None if ids_only else content(pack))


def render_map_markdown(
    region_map: RegionMap, lang: str | None = None, *, pack: ContentPack | None = None
) -> str:
    """The map as Markdown (a customised pack's ``templates/map.md.j2`` wins)."""
    from commkit.render.map_md import map_markdown

    lang = resolve_lang(lang, region_map.language)
    return map_markdown(region_map, lang, pack.template_dirs if pack is not None else ())


def render_map_csv(region_map: RegionMap, lang: str | None = None) -> str:
    """The map's community table as CSV text (names in ``lang``)."""
    from commkit.render.map_csv import map_csv

    return map_csv(region_map, resolve_lang(lang, region_map.language))


def render_map_xlsx(region_map: RegionMap, lang: str = "en") -> bytes:
    """The map as an Excel workbook: metrics, communities, gaps (needs the ``data`` extra)."""
    require("openpyxl", "openpyxl")
    from commkit.render.xlsx import map_workbook

    return map_workbook(region_map, lang)


def render_map_html(
    region_map: RegionMap, lang: str = "en", *, pack: ContentPack | None = None
) -> str:
    """The map as one self-contained HTML page with the stage and metric charts inline."""
    require("matplotlib", "matplotlib")
    from commkit.render.report_html import map_html

    return map_html(region_map, lang, pack.template_dirs if pack is not None else [])


def render_map_charts(region_map: RegionMap, lang: str = "en") -> dict[str, str]:
    """SVG charts of the map by name: ``stages`` (distribution) and ``metrics`` (the seven)."""
    require("matplotlib", "matplotlib")
    from commkit.render.report_html import map_charts

    return map_charts(region_map, lang)


def render_progress_markdown(
    progress: CommunityProgress, lang: str = "en", *, chart: str | None = None
) -> str:
    """A community's progress as Markdown; ``chart`` is the file name of its line chart."""
    from commkit.render.data_labels import data_labels
    from commkit.render.report_html import progress_markdown
    from commkit.render.text import md_inline

    link = None
    if chart is not None:
        link = f"![{md_inline(data_labels(lang)['chart_progress'])}](<{chart}>)"
    return progress_markdown(progress, lang, link)


def progress_lines(progress: CommunityProgress, lang: str = "en") -> list[str]:
    """The stage at each assessment as a terminal shows it, one line per assessment: the
    checklist version it was made with and, for an earlier version, the stage and score
    re-scored under the current one; then what a reader must know about mixed versions
    (the versions no migration leads from are named: never a silent comparison)."""
    from commkit.i18n import number, text
    from commkit.model.common import tr
    from commkit.render.report_html import version_notes

    def stage(stage_id: str) -> str:
        return tr(progress.stage_titles.get(stage_id), lang) or stage_id

    lines = []
    for p in progress.stages:
        line = f"{p.date.isoformat()}: {stage(p.stage)} ({number(p.overall, lang, 1)})"
        if p.version is not None and p.version != progress.current_version:
            line += f" [{text('versions.checklist', lang)} {p.version}"
            if p.rescored_stage is not None and p.rescored_overall is not None:
                again = text(
                    "versions.rescored_screen",
                    lang,
                    version=progress.current_version,
                    stage=stage(p.rescored_stage),
                    overall=number(p.rescored_overall, lang, 1),
                )
                line += f"; {again}"
            line += "]"
        lines.append(line)
    return lines + version_notes(progress, lang)


def render_progress_chart(progress: CommunityProgress, lang: str = "en") -> str:
    """SVG: the overall and dimension scores at each assessment."""
    require("matplotlib", "matplotlib")
    from commkit.render.report_html import progress_chart

    return progress_chart(progress, lang)


def render_progress_html(progress: CommunityProgress, lang: str = "en") -> str:
    """A community's progress as one self-contained HTML page with the line chart inline."""
    require("matplotlib", "matplotlib")
    from commkit.render.report_html import progress_html

    return progress_html(progress, lang)


def map_json_chunks(region_map: RegionMap) -> Iterator[str]:
    """The map's JSON document (``--json``) piece by piece: the same text as one dump of
    ``region_map.to_json()``, without the whole of it in memory."""
    from commkit.render.map_json import map_json_chunks as _chunks

    return _chunks(region_map)


@dataclass
class MapFiles:
    """The files one ``map`` run writes, known before the map is built so that a refusal
    to overwrite costs nothing: Markdown (``out``) with its ``charts``, CSV, HTML, XLSX."""

    out: Path | None = None
    csv: Path | None = None
    html: Path | None = None
    xlsx: Path | None = None
    charts: dict[str, Path] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        *,
        out: PathLike | None = None,
        csv: PathLike | None = None,
        html: PathLike | None = None,
        xlsx: PathLike | None = None,
        charts: bool = False,
    ) -> MapFiles:
        """The targets of a run; ``charts`` places ``<out>-stages.svg`` and
        ``<out>-metrics.svg`` beside the Markdown."""
        from commkit.errors import UserError

        md = Path(out) if out is not None else None
        if charts and md is None:
            raise UserError("--charts goes with --out FILE")
        svgs = {n: md.with_name(f"{md.stem}-{n}.svg") for n in ("stages", "metrics")} if md else {}
        return cls(
            md,
            Path(csv) if csv is not None else None,
            Path(html) if html is not None else None,
            Path(xlsx) if xlsx is not None else None,
            svgs if charts else {},
        )

    def check(self, *, force: bool = False) -> None:
        """Refuse (:class:`~commkit.errors.OutputExistsError`) when any target exists."""
        from commkit.fsutil import refuse_existing

        refuse_existing(
            (self.out, self.csv, self.xlsx, self.html, *self.charts.values()), force=force
        )


def write_map(
    region_map: RegionMap,
    files: MapFiles,
    *,
    lang: str = "en",
    pack: ContentPack | None = None,
    force: bool = False,
) -> list[tuple[str, Path]]:
    """Write the map's files; returns ``(kind, path)`` in the order written (kinds:
    ``chart``, ``markdown``, ``csv``, ``html``, ``xlsx``). Markdown and CSV are streamed, so a
    map of thousands of communities never sits whole in memory; the CSV carries a BOM for
    spreadsheets."""
    from commkit.fsutil import atomic_write_bytes, atomic_write_chunks, atomic_write_text

    written: list[tuple[str, Path]] = []
    if files.out is not None:
        from commkit.render.map_md import map_markdown_chunks

        template_dirs = pack.template_dirs if pack is not None else []
        links = {name: path.name for name, path in files.charts.items()}
        chunks = map_markdown_chunks(region_map, lang, template_dirs, links)
        atomic_write_chunks(files.out, chunks, force=force)
        if files.charts:
            svgs = render_map_charts(region_map, lang)
            for name, path in files.charts.items():
                atomic_write_text(path, svgs[name], force=force)
                written.append(("chart", path))
        written.append(("markdown", files.out))
    if files.csv is not None:
        from commkit.render.map_csv import map_csv_chunks

        # the BOM as a first chunk: the same bytes as atomic_write_text(..., bom=True)
        atomic_write_chunks(files.csv, ("\ufeff", *map_csv_chunks(region_map, lang)), force=force)
        written.append(("csv", files.csv))
    if files.html is not None:
        page = render_map_html(region_map, lang, pack=pack)
        atomic_write_text(files.html, page, force=force)
        written.append(("html", files.html))
    if files.xlsx is not None:
        atomic_write_bytes(files.xlsx, render_map_xlsx(region_map, lang), force=force)
        written.append(("xlsx", files.xlsx))
    return written


def write_progress(
    result: CommunityProgress,
    *,
    out: PathLike | None = None,
    charts: bool = False,
    html: PathLike | None = None,
    lang: str = "en",
    force: bool = False,
) -> list[Path]:
    """The files of ``progress``: Markdown (``out``) with its line chart (``charts``:
    ``<out>-scores.svg``) and an HTML page, all checked before any is written."""
    from commkit.errors import UserError
    from commkit.fsutil import atomic_write_text, refuse_existing

    md = Path(out) if out is not None else None
    page = Path(html) if html is not None else None
    if charts and md is None:
        raise UserError("--charts goes with --out FILE")
    chart = md.with_name(f"{md.stem}-scores.svg") if charts and md is not None else None
    refuse_existing((md, chart, page), force=force)
    written = []
    if md is not None:
        text = render_progress_markdown(result, lang, chart=chart.name if chart else None)
        written.append(atomic_write_text(md, text, force=force))
    if chart is not None:
        written.append(atomic_write_text(chart, render_progress_chart(result, lang), force=force))
    if page is not None:
        written.append(atomic_write_text(page, render_progress_html(result, lang), force=force))
    return written

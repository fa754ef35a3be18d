"""The Business Community Map of a region and the progress of one community, with every
format they are shown in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
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
) -> RegionMap:
    """The Business Community Map of a workspace as of ``today`` (default: today).

    Broken files are skipped and listed in ``RegionMap.problems``; with ``strict`` they
    raise :class:`commkit.errors.ContentError` instead. ``pack`` defaults to the built-in
    content (for metric names and stage titles); pass one to use a customised pack.
    """
    from commkit.core.region_map import build_map as _build
    from commkit.errors import ContentError

    region_map = _build(workspace(ws), content(pack), today, progress=progress)
    if strict and region_map.problems:
        raise ContentError(
            f"the workspace has {len(region_map.problems)} problem(s)",
            [p.diagnostic("error") for p in region_map.problems],
        )
    return region_map


def progress(
    ws: Workspace | PathLike, slug: str, *, pack: ContentPack | None = None
) -> CommunityProgress:
    """How one community's stage, dimensions and metrics changed over time."""
    from commkit.core.progress import community_progress

    return community_progress(workspace(ws), slug, content(pack))


def render_map_markdown(
    region_map: RegionMap, lang: str | None = None, *, pack: ContentPack | None = None
) -> str:
    """The map as Markdown (a customised pack's ``templates/map.md.j2`` wins)."""
    from commkit.render.map_md import map_markdown

    lang = resolve_lang(lang, region_map.language)
    return map_markdown(region_map, lang, pack.template_dirs if pack is not None else ())


def render_map_csv(region_map: RegionMap) -> str:
    """The map's community table as CSV text."""
    from commkit.render.map_csv import map_csv

    return map_csv(region_map)


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

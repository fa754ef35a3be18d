"""The Business Community Map as Markdown (template ``map.md.j2``), English or Russian.

Every piece of user text is escaped here (``md_cell``/``md_inline``) before it reaches the
template; a customised pack may override the template (its ``templates/`` come first).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from commkit.core.region_map import (
    COMMUNITY_METRICS,
    CommunityRow,
    MetricTotal,
    RegionMap,
)
from commkit.i18n import number, plural, score, section, text
from commkit.model.common import tr
from commkit.render.map_mermaid import mermaid_graph
from commkit.render.templating import template_chunks
from commkit.render.text import md_cell, md_inline

TEMPLATE = "map.md.j2"


def sector_name(sector: str, lang: str) -> str:
    """``state`` -> "state" / «государство» (a sector commkit does not know stays as written)."""
    return labels(lang).get("sector_" + sector.replace("-", "_"), sector)


def labels(lang: str) -> dict[str, str]:
    """UI labels in ``lang``."""
    return section("map", lang)


def fmt_num(value: float | int | None, lang: str = "en") -> str:
    """A count or a figure in ``lang``'s notation (thin-space thousands, decimal comma in
    Russian)."""
    if value is None:
        return "—"
    if isinstance(value, float) and not value.is_integer():
        return number(value, lang, 1)
    return f"{int(value):,}".replace(",", "\u202f")


def fmt_signed(value: float | None, lang: str = "en") -> str:
    if value is None:
        return ""
    text = fmt_num(abs(value), lang)
    return f"+{text}" if value > 0 else (f"−{text}" if value < 0 else "±0")


def _date(value: Any) -> str:
    return value.isoformat() if value is not None else "—"


def stage_title(region_map: RegionMap, stage: str | None, lang: str, none: str) -> str:
    if stage is None:
        return none
    for entry in region_map.stages:
        if entry.id == stage:
            return tr(entry.title, lang)
    return stage


def _snapshot_dates(row: CommunityRow) -> str:
    dates = sorted(set(row.metric_dates.values()))
    if not dates:
        return "—"
    if len(dates) == 1:
        return dates[0].isoformat()
    return f"{dates[0].isoformat()} – {dates[-1].isoformat()}"


def _change(before: float | None, after: float | None, lang: str) -> str:
    if before is None and after is None:
        return "—"
    if before is None:
        return fmt_num(after, lang)
    delta = None if after is None else after - before
    return f"{fmt_num(before, lang)} → {fmt_num(after, lang)} ({fmt_signed(delta, lang)})"


class Lazy:
    """A sequence the template may iterate several times without building it in memory:
    each iteration renders the rows afresh, so 10,000 communities never sit in memory as
    template dicts."""

    def __init__(self, make: Callable[[], Iterator[dict[str, Any]]], size: int) -> None:
        self._make = make
        self._size = size

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self._make())

    def __len__(self) -> int:
        return self._size


def map_context(region_map: RegionMap, lang: str = "en") -> dict[str, Any]:
    """Everything the template needs, with user text already escaped."""
    lab = labels(lang)
    metric_ids = [m.id for m in region_map.metrics if m.id != "communities"]
    names = {m.id: tr(m.name, lang) for m in region_map.metrics}

    def metric_row(metric: MetricTotal) -> dict[str, str]:
        if metric.level == "region" or metric.id == "communities":
            reporting = "—"
        else:
            reporting = f"{metric.reporting} / {len(region_map.communities)}"
        latest = _date(metric.latest)
        if metric.earliest and metric.latest and metric.earliest != metric.latest:
            latest = f"{metric.earliest.isoformat()} – {metric.latest.isoformat()}"
        return {
            "name": md_cell(tr(metric.name, lang)),
            "total": fmt_num(metric.total, lang),
            "reporting": reporting,
            "latest": latest,
        }

    none_stage = lab["not_assessed"]

    def community(row: CommunityRow) -> dict[str, Any]:
        return {
            "name": md_cell(tr(row.name, lang)),
            "stage": md_cell(stage_title(region_map, row.stage, lang, none_stage)),
            "score": score_cell(row, region_map, lang),
            "members": fmt_num(row.members),
            "leaders": md_cell(", ".join(tr(x, lang) for x in row.leaders)) if row.leaders else "—",
            "events": fmt_num(row.events),
            "projects": fmt_num(row.projects),
            "platform": md_cell(tr(row.platform, lang)) if row.platform else "—",
            "formalised": lab["yes"] if row.formalised else lab["no"],
            "last": _date(row.last_assessment) if row.last_assessment else lab["never"],
            "metrics": [fmt_num(row.metric(m), lang) for m in metric_ids],
            "snapshot": _snapshot_dates(row),
        }

    def moved(row: CommunityRow) -> bool:
        return row.previous_assessment is not None or bool(row.previous_metrics)

    def progress(row: CommunityRow) -> dict[str, Any]:
        metric_changes = [
            f"{md_inline(names.get(m, m))}: "
            f"{_change(row.previous_metrics[m], row.metrics[m], lang)}"
            for m in COMMUNITY_METRICS
            if m in row.previous_metrics and m in row.metrics
        ]
        stage = "—"
        if row.previous_stage is not None:
            stage = (
                f"{md_cell(stage_title(region_map, row.previous_stage, lang, none_stage))} → "
                f"{md_cell(stage_title(region_map, row.stage, lang, none_stage))}"
            )
        return {
            "name": md_cell(tr(row.name, lang)),
            "dates": (
                f"{_date(row.previous_assessment)} → {_date(row.last_assessment)}"
                if row.previous_assessment
                else "—"
            ),
            "stage": stage,
            "score": _change(row.previous_score, row.score, lang)
            if row.previous_score is not None
            else "—",
            "dimensions": "; ".join(
                f"{md_inline(tr(region_map.dimension_titles.get(d, d), lang))} "
                f"{fmt_signed(delta, lang)}"
                for d, delta in row.dimension_changes.items()
            )
            or "—",
            "metrics": "; ".join(metric_changes) or "—",
        }

    rows = region_map.communities
    stale_text = lab["stale"].format(months=region_map.stale_months)
    return {
        "lab": lab,
        "region": md_inline(tr(region_map.region, lang)),
        "country": md_inline(tr(region_map.country, lang)) if region_map.country else "",
        "date": region_map.date.isoformat(),
        "count": plural("count.communities", len(region_map.communities), lang),
        "metrics": [metric_row(m) for m in region_map.metrics],
        "metric_headers": [md_cell(names[m]) for m in metric_ids],
        "communities": Lazy(lambda: map(community, rows), len(rows)),
        "stages": [
            {"title": md_cell(tr(s.title, lang)), "count": s.count} for s in region_map.stages
        ],
        "leaders": Lazy(
            lambda: (
                {
                    "name": md_cell(tr(entry.name, lang)),
                    "role": md_cell(tr(entry.role, lang)) if entry.role else "—",
                    "community": md_cell(tr(entry.community_name, lang)),
                }
                for entry in region_map.leaders
            ),
            len(region_map.leaders),
        ),
        "actors": [
            {
                "name": md_cell(tr(actor.name, lang)),
                "sector": md_cell(sector_name(actor.sector, lang)),
                "status": lab.get(actor.status, actor.status),
                "links": actor.links,
            }
            for actor in region_map.actors
        ],
        "links": [
            {
                "source": md_cell(tr(link.source_name, lang)),
                "target": md_cell(tr(link.target_name, lang)),
                "kind": md_cell(tr(link.kind, lang)),
                "status": lab.get(link.status, link.status),
            }
            for link in region_map.links
        ],
        "mermaid": mermaid_graph(region_map, lang) if region_map.actors else "",
        "gap_actors": [
            md_inline(tr(a.name, lang)) + f" ({md_inline(sector_name(a.sector, lang))})"
            for a in region_map.gap_actors
        ],
        "gap_links": [
            f"{md_inline(tr(link.source_name, lang))} → {md_inline(tr(link.target_name, lang))}"
            f" ({md_inline(tr(link.kind, lang))})"
            for link in region_map.gap_links
        ],
        "attention": [
            {
                "name": md_cell(tr(entry.name, lang)),
                "status": lab["never_assessed"] if entry.status == "never-assessed" else stale_text,
                "last": _date(entry.last_assessment),
            }
            for entry in region_map.attention
        ],
        "attention_note": lab["attention_note"].format(
            months=region_map.stale_months, date=region_map.date.isoformat()
        ),
        "progress": Lazy(
            lambda: (progress(row) for row in rows if moved(row)),
            sum(1 for row in rows if moved(row)),
        ),
        "problems": [
            md_inline(p.diagnostic().location() + ": " + p.severity + ": " + p.message)
            for p in region_map.problems
        ],
        "version_notes": [md_inline(n) for n in map_version_notes(region_map, lang)],
    }


def map_version_notes(region_map: RegionMap, lang: str) -> list[str]:
    """Said when the latest assessments span checklist versions (named, never silent)."""
    from commkit.render.version_notes import versions_notes

    return versions_notes(
        region_map.versions, region_map.not_comparable, region_map.current_version, lang
    )


def score_cell(row: CommunityRow, region_map: RegionMap, lang: str) -> str:
    """A row's score; made with an earlier checklist, its version and the score re-scored
    under the current one (or the version alone when no migration leads there)."""
    shown = score(row.score, lang)
    current = region_map.current_version
    if row.version is None or current is None or row.version == current:
        return shown
    if row.rescored_score is None:
        return f"{shown} ({row.version})"
    return f"{shown} ({row.version}; {current}: {score(row.rescored_score, lang)})"


def map_markdown_chunks(
    region_map: RegionMap,
    lang: str = "en",
    template_dirs: Iterable[Path] = (),
    charts: dict[str, str] | None = None,
) -> Iterator[str]:
    """The map as Markdown, piece by piece (for writing a large map without holding it).

    ``charts`` maps ``stages``/``metrics`` to the file names of their SVG charts, linked
    under the matching table.
    """
    last = ""  # the latest chunk with text in it, held back with the blank ones after it
    blanks: list[str] = []
    context = map_context(region_map, lang)
    context["charts"] = {
        name: f"![{md_inline(text('data.chart_' + name, lang))}](<{file}>)"
        for name, file in (charts or {}).items()
    }
    for chunk in template_chunks(template_dirs, TEMPLATE, context):
        if not chunk.strip("\n"):
            blanks.append(chunk)
            continue
        yield last + "".join(blanks)
        last, blanks = chunk, []
    yield last.rstrip("\n") + "\n"  # exactly one newline at the end


def map_markdown(
    region_map: RegionMap, lang: str = "en", template_dirs: Iterable[Path] = ()
) -> str:
    """The whole map as one Markdown document."""
    return "".join(map_markdown_chunks(region_map, lang, template_dirs))

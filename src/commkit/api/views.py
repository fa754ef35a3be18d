"""What the terminal shows, as plain data: tables of text cells in one language.

The CLI lays these out (rich on a terminal, tabulate with ``--table``); the numbers are
formatted here once, the same way as in the Markdown reports.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from commkit.core.progress import CommunityProgress
    from commkit.core.region_map import RegionMap

SCREEN_ROWS = 100
"""A map on screen lists at most this many communities; its files hold them all."""

Align = Literal["left", "right"]


def json_text(data: Any, *, level: int = 0) -> str:
    """``data`` as ``--json`` prints it (``json.dumps`` with ``indent=2``, text as it is),
    every line after the first ``level`` steps in (an item of a streamed array)."""
    from commkit.render.json_text import dumps

    return dumps(data, level=level)


@dataclass
class Column:
    """One column of a :class:`TableView`: the key of its cells, its header, its side."""

    key: str
    header: str
    align: Align = "left"


@dataclass
class TableView:
    """A titled table: columns and rows of text cells keyed by column, so that one table
    prints on a terminal, as ``--table`` text or as JSON alike."""

    title: str
    columns: list[Column]
    rows: list[dict[str, str]] = field(default_factory=list)

    def cells(self, keys: list[str] | None = None) -> list[list[str]]:
        """The rows as lists of cells, in column order (only ``keys`` when given)."""
        chosen = keys if keys is not None else [c.key for c in self.columns]
        return [[row.get(k, "") for k in chosen] for row in self.rows]


@dataclass
class MapScreen:
    """A map for the terminal: a heading, the metrics, the communities (the first
    :data:`SCREEN_ROWS`), the stage counts, the ecosystem gap and what needs attention."""

    title: str
    region: str
    as_of: str
    count: str
    metrics: TableView
    communities: TableView
    hidden: int
    stages: str
    gap: str
    attention: str | None
    versions: list[str] = field(default_factory=list)
    """Notes when the figures span checklist versions (named, never a silent comparison)."""


def map_screen(region_map: RegionMap, lang: str = "en", limit: int = SCREEN_ROWS) -> MapScreen:
    """The map as the terminal shows it; each community row has ``leaders`` (names) and
    ``leader_count`` for narrow screens."""
    from commkit.i18n import plural
    from commkit.model.common import tr
    from commkit.render.map_md import fmt_num, labels, map_version_notes, score_cell, stage_title

    lab = labels(lang)
    total = len(region_map.communities)
    metrics = TableView(
        lab["metrics"],
        [
            Column("metric", lab["metric"]),
            Column("total", lab["total"], "right"),
            Column("reporting", lab["reporting"], "right"),
            Column("latest", lab["latest"]),
        ],
    )
    for metric in region_map.metrics:
        metrics.rows.append(
            {
                "metric": tr(metric.name, lang),
                "total": fmt_num(metric.total, lang),
                "reporting": "—" if metric.id == "communities" else f"{metric.reporting}/{total}",
                "latest": metric.latest.isoformat() if metric.latest else "—",
            }
        )
    keys: list[tuple[str, Align]] = [
        ("community", "left"),
        ("stage", "left"),
        ("score", "right"),
        ("members", "right"),
        ("leaders", "left"),
        ("events", "right"),
        ("projects", "right"),
        ("platform", "left"),
        ("formalised", "left"),
        ("last_assessment", "left"),
    ]
    communities = TableView(lab["communities"], [Column(k, lab[k], a) for k, a in keys])
    for row in region_map.communities[:limit]:
        communities.rows.append(
            {
                "community": tr(row.name, lang),
                "stage": stage_title(region_map, row.stage, lang, lab["not_assessed"]),
                "score": score_cell(row, region_map, lang),
                "members": fmt_num(row.members),
                "leaders": ", ".join(tr(x, lang) for x in row.leaders) or "—",
                "leader_count": str(len(row.leaders)),
                "events": fmt_num(row.events),
                "projects": fmt_num(row.projects),
                "platform": tr(row.platform, lang) or "—",
                "formalised": lab["yes"] if row.formalised else lab["no"],
                "last_assessment": (
                    row.last_assessment.isoformat() if row.last_assessment else lab["never"]
                ),
            }
        )
    stages = ", ".join(f"{tr(s.title, lang)}: {s.count}" for s in region_map.stages if s.count)
    actors, links = len(region_map.gap_actors), len(region_map.gap_links)
    return MapScreen(
        title=lab["title"],
        region=tr(region_map.region, lang),
        as_of=f"{lab['as_of']} {region_map.date.isoformat()}",
        count=plural("count.communities", total, lang),
        metrics=metrics,
        communities=communities,
        hidden=max(0, total - limit),
        stages=f"{lab['stages']}: {stages}",
        gap=f"{lab['gap']}: {lab['gap_actors'].lower()} — {actors}; "
        f"{lab['gap_links'].lower()} — {links}",
        attention=(
            f"{lab['attention']}: {len(region_map.attention)}" if region_map.attention else None
        ),
        versions=map_version_notes(region_map, lang),
    )


@dataclass
class ProgressScreen:
    """One community's progress for the terminal: its stage path and two tables
    (dimensions over assessments, metrics over snapshots)."""

    name: str
    slug: str
    stage_path: str
    tables: list[TableView]


def progress_screen(result: CommunityProgress, lang: str = "en") -> ProgressScreen:
    """A community's progress as the terminal shows it, in ``lang``."""
    from commkit.i18n import score
    from commkit.model.common import tr
    from commkit.render.map_md import fmt_num, fmt_signed, labels

    lab = labels(lang)
    if result.stages:
        from commkit.api.map import progress_lines

        stage_path = f"{lab['stage']}:\n" + "\n".join(
            f"  {line}" for line in progress_lines(result, lang)
        )
    else:
        stage_path = f"{lab['last_assessment']}: {lab['never']}"
    tables = []
    for title, series_list in (
        (lab["dimensions"], result.dimensions),
        (lab["metrics_short"], result.metrics),
    ):
        if not series_list:
            continue
        dates = [p.date.isoformat() for p in series_list[0].points]
        columns = [Column("title", "")]
        columns += [Column(f"p{i}", d, "right") for i, d in enumerate(dates)]
        columns.append(Column("change", lab["change"], "right"))
        table = TableView(title, columns)
        for series in series_list:
            change = fmt_signed(series.change, lang) or "—"
            row = {"title": tr(series.title, lang), "change": change}
            for i, p in enumerate(series.points):  # scores with one decimal, as everywhere
                scored = series_list is result.dimensions and p.value is not None
                row[f"p{i}"] = score(p.value, lang) if scored else fmt_num(p.value, lang)
            table.rows.append(row)
        tables.append(table)
    return ProgressScreen(tr(result.name, lang), result.slug, stage_path, tables)

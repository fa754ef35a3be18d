"""What the terminal shows, as plain data: tables of text cells in one language.

The CLI lays these out (rich on a terminal, tabulate with ``--table``); the numbers are
formatted here once, the same way as in the Markdown reports.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from commkit.core.progress import CommunityProgress
    from commkit.core.region_map import RegionMap
    from commkit.model.answers import Assessment
    from commkit.model.pack import ContentPack

SCREEN_ROWS = 100
"""A map on screen lists at most this many communities; its files hold them all."""


Align = Literal["left", "right"]


@dataclass
class Column:
    """One column of a :class:`TableView`: the key of its cells, its header, its side."""

    key: str
    header: str
    align: Align = "left"


@dataclass
class TableView:
    """A titled table: columns and rows of text cells keyed by column."""

    title: str
    columns: list[Column]
    rows: list[dict[str, str]] = field(default_factory=list)

    def cells(self, keys: list[str] | None = None) -> list[list[str]]:
        """The rows as lists of cells, in column order (only ``keys`` when given)."""
        chosen = keys if keys is not None else [c.key for c in self.columns]
        return [[row.get(k, "") for k in chosen] for row in self.rows]


@dataclass
class MapScreen:
    """A map for the terminal: metrics, communities (the first :data:`SCREEN_ROWS`)."""

    labels: dict[str, str]
    region: str
    date: str
    count: int
    metrics: TableView
    communities: TableView
    hidden: int
    stages: str
    gap: str
    attention: int


def map_screen(region_map: RegionMap, lang: str = "en", limit: int = SCREEN_ROWS) -> MapScreen:
    """The map as the terminal shows it (``leader_count`` beside ``leaders`` for narrow
    screens)."""
    from commkit.model.common import tr
    from commkit.render.map_md import fmt_num, labels, stage_title

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
                "total": fmt_num(metric.total),
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
                "community": row.name,
                "stage": stage_title(region_map, row.stage, lang, lab["not_assessed"]),
                "score": fmt_num(row.score),
                "members": fmt_num(row.members),
                "leaders": ", ".join(row.leaders) or "—",
                "leader_count": str(len(row.leaders)),
                "events": fmt_num(row.events),
                "projects": fmt_num(row.projects),
                "platform": row.platform or "—",
                "formalised": lab["yes"] if row.formalised else lab["no"],
                "last_assessment": (
                    row.last_assessment.isoformat() if row.last_assessment else lab["never"]
                ),
            }
        )
    stages = ", ".join(f"{tr(s.title, lang)}: {s.count}" for s in region_map.stages if s.count)
    actors, links = len(region_map.gap_actors), len(region_map.gap_links)
    return MapScreen(
        labels=lab,
        region=region_map.region,
        date=region_map.date.isoformat(),
        count=total,
        metrics=metrics,
        communities=communities,
        hidden=max(0, total - limit),
        stages=f"{lab['stages']}: {stages}",
        gap=f"{lab['gap']}: {lab['gap_actors'].lower()} {actors}, "
        f"{lab['gap_links'].lower()} {links}",
        attention=len(region_map.attention),
    )


def seminar_table(*, pack: ContentPack | None = None, lang: str = "en") -> TableView:
    """The seminar programme as a table: number, id, title, week, format, minutes and the
    numbers of the method's chapters each seminar serves."""
    from commkit.api.seminars import list_seminars
    from commkit.model.pack import load_pack
    from commkit.render.seminar_labels import labels

    pack = pack if pack is not None else load_pack(None)
    lab = labels(lang)
    numbers = {c.id: str(c.number) for c in pack.methodology.chapters}
    view = TableView(
        lab["programme"],
        [
            Column("number", "#", "right"),
            Column("id", "id"),
            Column("title", lab["seminar"]),
            Column("week", lab["week"], "right"),
            Column("format", lab["format"]),
            Column("minutes", lab["minutes"], "right"),
            Column("chapters", lab["chapters"].split()[0]),
        ],
    )
    for row in list_seminars(pack=pack, lang=lang):
        view.rows.append(
            {
                "number": str(row["number"]),
                "id": row["id"],
                "title": row["title"],
                "week": str(row["week"]),
                "format": lab[f"format_{row['format']}"],
                "minutes": str(row["minutes"]),
                "chapters": ", ".join(numbers.get(c, c) for c in row["chapters"]),
            }
        )
    return view


@dataclass
class ProgressScreen:
    """One community's progress for the terminal: its stage path and two tables."""

    labels: dict[str, str]
    name: str
    slug: str
    stage_path: str
    tables: list[TableView]


def progress_screen(result: CommunityProgress, lang: str = "en") -> ProgressScreen:
    """Stage path, dimensions across assessments and metrics across snapshots."""
    from commkit.model.common import tr
    from commkit.render.map_md import fmt_num, fmt_signed, labels

    lab = labels(lang)
    if result.stages:
        path = " → ".join(
            f"{p.date.isoformat()}: {tr(result.stage_titles.get(p.stage, p.stage), lang)} "
            f"({fmt_num(p.overall)})"
            for p in result.stages
        )
        stage_path = f"{lab['stage']}: {path}"
    else:
        stage_path = f"{lab['last_assessment']}: {lab['never']}"
    tables: list[TableView] = []
    for title, series_list in (
        (lab["dimensions"], result.dimensions),
        (lab["metrics_short"], result.metrics),
    ):
        if not series_list:
            continue
        dates = [p.date.isoformat() for p in series_list[0].points]
        columns = [Column("title", ""), *(Column(f"p{i}", d, "right") for i, d in enumerate(dates))]
        table = TableView(title, [*columns, Column("change", lab["change"], "right")])
        for series in series_list:
            row = {"title": tr(series.title, lang), "change": fmt_signed(series.change) or "—"}
            row.update({f"p{i}": fmt_num(p.value) for i, p in enumerate(series.points)})
            table.rows.append(row)
        tables.append(table)
    return ProgressScreen(lab, result.name, result.slug, stage_path, tables)


@dataclass
class DimensionRow:
    """One dimension on the summary screen."""

    title: str
    score: str
    bar: str
    answered: str
    tone: str
    """``none`` (not scored), ``strength``, ``gap`` (one of the three largest) or ``other``."""


@dataclass
class AssessmentSummary:
    """The final screen of ``assess``: dimensions with bars, the stage, what holds it
    back, the largest gaps."""

    name: str
    dimensions: list[DimensionRow]
    overall: str
    overall_bar: str
    stage: str
    meaning: str | None
    focus: str | None
    next_stage: tuple[str, str] | None
    """The next stage's title and its minimum score, or ``None`` at the top stage."""
    held_back: list[str]
    gaps: list[str]
    open_questions: int


def assessment_summary(
    assessment: Assessment, *, pack: ContentPack | None = None, lang: str = "en"
) -> AssessmentSummary:
    """What the terminal shows after an assessment, in ``lang``."""
    from commkit.core.scoring import checklist_for_ref
    from commkit.model.common import tr
    from commkit.model.pack import load_pack
    from commkit.render.report import bar, held_back_texts

    pack = pack if pack is not None else load_pack(None)
    checklist = checklist_for_ref(pack, assessment.checklist.id)
    result = assessment.result
    dims = {d.id: d for d in checklist.dimensions}
    stages = {s.id: s for s in checklist.stages}
    rows = []
    for d in result.dimensions:
        tone = (
            "none"
            if d.score is None
            else "strength"
            if d.id in result.strengths
            else "gap"
            if d.id in result.gaps[:3]
            else "other"
        )
        total = d.answered + d.dont_know + d.not_applicable + d.unanswered
        rows.append(
            DimensionRow(
                title=tr(dims[d.id].title, lang) if d.id in dims else d.id,
                score="—" if d.score is None else f"{d.score:.1f}",
                bar=bar(d.score, 20),
                answered=f"{d.answered}/{total}",
                tone=tone,
            )
        )
    stage = stages.get(result.stage)
    nxt = stages.get(result.next_stage) if result.next_stage else None
    scores = {d.id: d.score for d in result.dimensions}
    return AssessmentSummary(
        name=assessment.community.name,
        dimensions=rows,
        overall=f"{result.overall:.1f}",
        overall_bar=bar(result.overall, 20),
        stage=tr(stage.title, lang) if stage else result.stage,
        meaning=tr(stage.meaning, lang) if stage else None,
        focus=tr(stage.focus, lang) if stage else None,
        next_stage=(tr(nxt.title, lang), f"{nxt.min_score:g}") if nxt is not None else None,
        held_back=held_back_texts(checklist, assessment.answers, lang),
        gaps=[
            f"{tr(dims[g].title, lang) if g in dims else g} ({scores[g]:.1f})"
            for g in result.gaps[:3]
        ],
        open_questions=len(result.open_questions),
    )

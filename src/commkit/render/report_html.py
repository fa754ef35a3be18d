"""Self-contained HTML reports of an assessment, a plan, a map and a community's progress.

Each page is the Markdown report (the same sandboxed templates and escaping) rendered by
:mod:`commkit.render.html` (no raw HTML, no images, local links only), with the charts
placed inline as SVG; it needs no network and prints on A4.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from commkit.i18n import text
from commkit.i18n.text_pick import tr
from commkit.render import charts
from commkit.render.data_labels import data_labels
from commkit.render.html import markdown_to_html, page
from commkit.render.text import html_text
from commkit.render.version_notes import versions_notes

if TYPE_CHECKING:
    from commkit.core.peers import PeerComparison
    from commkit.core.progress import CommunityProgress
    from commkit.core.region_map import RegionMap
    from commkit.model.answers import Assessment
    from commkit.model.pack import ContentPack
    from commkit.model.plan import Plan

_MARK = "COMMKITCHART{}"
REPORT_CSS = """<style>
main { max-width: 76rem; }
section.doc table { font-size: .86rem; }
section.doc th, section.doc td { padding: .3rem .45rem; overflow-wrap: break-word; }
section.doc td:first-child { white-space: normal; min-width: 7rem; }
section.charts figure.chart { max-width: 52rem; }
@media print { main { max-width: none; } section.doc table { font-size: 8pt; }
  section.doc + section.doc { break-before: auto; } }
</style>
"""
_MERMAID = re.compile(r'<pre><code class="language-mermaid">.*?</code></pre>\n?', re.DOTALL)


def figure(svg: str, caption: str) -> str:
    """A chart inline in the page; its title is drawn in it, ``caption`` names it for
    screen readers."""
    return f'<figure class="chart">{charts.inline_svg(svg, caption)}</figure>'


def _split_title(markdown: str) -> tuple[str, str]:
    """The first ``# heading`` (shown in the page header) and the rest of the report."""
    first, _, rest = markdown.partition("\n")
    if first.startswith("# "):
        return first[2:].replace("\\", ""), rest
    return "", markdown


def _header(kicker: str, title: str, meta: list[str]) -> str:
    spans = "".join(f"<span>{html_text(m)}</span>" for m in meta if m)
    return (
        '<header class="page"><div class="inner">'
        f'<p class="kicker">{html_text(kicker)}</p><h1>{html_text(title)}</h1>'
        f'<p class="meta">{spans}</p></div></header>'
    )


def _document(
    lang: str, kicker: str, markdown: str, meta: list[str], figures: dict[str, str]
) -> str:
    title, body_md = _split_title(markdown)
    body = markdown_to_html(body_md)
    for key, html in figures.items():
        body = body.replace(f"<p>{_MARK.format(key)}</p>", html)
    return page(
        title=f"{kicker}: {title}",
        lang=lang,
        header=_header(kicker, title, meta),
        body=f'{REPORT_CSS}<section class="doc">\n{body}</section>',
        nav=[],
    )


def scores_chart(
    pack: ContentPack, assessment: Assessment, lang: str, peers: PeerComparison | None = None
) -> str:
    """The dimension scores against the next stage's threshold (and the peers' quartiles)."""
    from commkit.core.scoring import checklist_for_ref

    checklist = checklist_for_ref(pack, assessment.checklist.id)
    x = data_labels(lang)
    titles = {d.id: tr(d.title, lang) for d in checklist.dimensions}
    stages = {s.id: s for s in checklist.stages}
    result = assessment.result
    nxt = stages.get(result.next_stage) if result.next_stage else None
    threshold = nxt.min_score if nxt is not None else None
    label = x["chart_threshold"].format(score=f"{threshold:g}") if threshold is not None else ""
    bands = None
    if peers is not None and peers.dimensions:
        by_id = {d.id: charts.PeerBand(d.q1, d.median, d.q3) for d in peers.dimensions}
        bands = [by_id.get(d.id) for d in result.dimensions]
    return charts.dimension_chart(
        [titles.get(d.id, d.id) for d in result.dimensions],
        [d.score for d in result.dimensions],
        threshold=threshold,
        threshold_label=label,
        title=x["chart_scores"],
        peers=bands,
        peers_label=x["chart_peers"],
    )


def assessment_html(
    pack: ContentPack, assessment: Assessment, lang: str, peers: PeerComparison | None = None
) -> str:
    from commkit.render.report import assessment_markdown

    x = data_labels(lang)
    markdown = assessment_markdown(
        pack, assessment, lang, chart=_MARK.format("scores"), peers=peers
    )
    chart = figure(scores_chart(pack, assessment, lang, peers), x["chart_scores"])
    meta = [assessment.date.isoformat(), tr(assessment.community.region, lang)]
    return _document(lang, x["kicker_assessment"], markdown, meta, {"scores": chart})


def gantt_svg(plan: Plan, lang: str) -> str:
    rows = [(tr(a.title, lang), a.start, a.end, a.status == "later") for a in plan.actions]
    rows.sort(key=lambda r: (r[1], r[2]))
    milestones = [(tr(e.title, lang), e.date) for e in plan.seminars]
    return charts.gantt_chart(rows, milestones, title=data_labels(lang)["chart_gantt"])


def plan_html(plan: Plan, pack: ContentPack, lang: str) -> str:
    """The plan page: the Mermaid chart of the Markdown becomes an SVG timeline."""
    from commkit.render.plan_md import render_plan_md

    x = data_labels(lang)
    title, rest = _split_title(render_plan_md(plan, pack, lang))
    body = markdown_to_html(rest)
    gantt = figure(gantt_svg(plan, lang), x["chart_gantt"])
    body = _MERMAID.sub(lambda _: gantt, body, count=1)
    return page(
        title=f"{x['kicker_plan']}: {title}",
        lang=lang,
        header=_header(x["kicker_plan"], title, [plan.start.isoformat(), plan.end.isoformat()]),
        body=f'{REPORT_CSS}<section class="doc">\n{body}</section>',
        nav=[],
    )


def map_charts(region_map: RegionMap, lang: str) -> dict[str, str]:
    """SVG of the stage distribution and of the seven metrics, by name."""
    x = data_labels(lang)
    stages = [tr(s.title, lang) for s in region_map.stages]
    return {
        "stages": charts.count_chart(
            stages, [s.count for s in region_map.stages], title=x["chart_stages"]
        ),
        "metrics": charts.count_chart(
            [tr(m.name, lang) for m in region_map.metrics],
            [m.total for m in region_map.metrics],
            title=x["chart_metrics"],
        ),
    }


def map_html(region_map: RegionMap, lang: str, template_dirs: list[Path] | None = None) -> str:
    """The map page: both charts first, then the whole map (the Mermaid graph is left out:
    the actor and link tables say the same)."""
    from commkit.render.map_md import map_markdown

    x = data_labels(lang)
    title, rest = _split_title(map_markdown(region_map, lang, template_dirs or ()))
    body = _MERMAID.sub("", markdown_to_html(rest))
    svgs = map_charts(region_map, lang)
    figures = figure(svgs["stages"], x["chart_stages"])
    figures += figure(svgs["metrics"], x["chart_metrics"])
    return page(
        title=f"{x['kicker_map']}: {title}",
        lang=lang,
        header=_header(x["kicker_map"], title, [region_map.date.isoformat()]),
        body=f'{REPORT_CSS}<section class="doc charts">\n{figures}</section>\n'
        f'<section class="doc">\n{body}</section>',
        nav=[],
    )


def progress_chart(progress: CommunityProgress, lang: str) -> str:
    x = data_labels(lang)
    dates = [s.date for s in progress.stages]
    series: list[tuple[str, list[float | None]]] = [
        (x["chart_overall"], [s.overall for s in progress.stages])
    ]
    for dim in progress.dimensions:
        by_date = {p.date: p.value for p in dim.points}
        series.append((tr(dim.title, lang), [by_date.get(d) for d in dates]))
    return charts.line_chart(
        dates,
        series,
        title=x["chart_progress"],
        y_label=x["chart_score_axis"],
        highlight=x["chart_overall"],
    )


def version_notes(progress: CommunityProgress, lang: str) -> list[str]:
    """What a reader must know when a community's assessments span checklist versions:
    which versions, and which of them cannot be compared (no migration), by name."""
    return versions_notes(
        progress.versions, progress.not_comparable, progress.current_version, lang
    )


def progress_markdown(progress: CommunityProgress, lang: str, chart: str | None = None) -> str:
    """The progress of one community as Markdown: stages, dimension scores, metrics."""
    from commkit.render.text import md_cell, md_inline

    x = data_labels(lang)
    dates = [s.date.isoformat() for s in progress.stages]
    lines = [f"# {md_inline(x['progress_title'].format(name=tr(progress.name, lang)))}", ""]
    lines += [f"## {x['progress_stages']}", ""]
    notes = version_notes(progress, lang)
    if notes:
        lines += [*(md_inline(n) for n in notes), ""]
    mixed = len(progress.versions) > 1 or any(
        p.version != progress.current_version for p in progress.stages
    )
    head = f"| {x['date']} | {x['stage']} | {x['overall']} |"
    rule = "| --- | --- | ---: |"
    if mixed:
        head += f" {text('versions.checklist', lang)} |"
        head += f" {text('versions.rescored', lang, version=progress.current_version)} |"
        rule += " --- | --- |"
    lines += [head, rule]
    for s in progress.stages:
        title = tr(progress.stage_titles.get(s.stage), lang) or s.stage
        row = f"| {s.date.isoformat()} | {md_cell(title)} | {s.overall:.1f} |"
        if mixed:
            if s.version == progress.current_version:
                again = f"{md_cell(title)}, {s.overall:.1f}"
            elif s.rescored_stage is not None and s.rescored_overall is not None:
                stage = tr(progress.stage_titles.get(s.rescored_stage), lang) or s.rescored_stage
                again = f"{md_cell(stage)}, {s.rescored_overall:.1f}"
            else:
                again = "—"
            row += f" {s.version or '—'} | {again} |"
        lines.append(row)
    if chart:
        lines += ["", chart]
    lines += ["", f"## {x['progress_dimensions']}", ""]
    lines.append(f"| {x['dimension']} | " + " | ".join(dates) + " |")
    lines.append("| --- |" + " ---: |" * len(dates))
    for dim in progress.dimensions:
        values = ["—" if p.value is None else f"{p.value:.1f}" for p in dim.points]
        lines.append(f"| {md_cell(tr(dim.title, lang))} | " + " | ".join(values) + " |")
    if progress.metrics:
        snap_dates = sorted({p.date for m in progress.metrics for p in m.points})
        lines += ["", f"## {x['progress_metrics']}", ""]
        lines.append(f"| {x['metric']} | " + " | ".join(d.isoformat() for d in snap_dates) + " |")
        lines.append("| --- |" + " ---: |" * len(snap_dates))
        for metric in progress.metrics:
            by_date = {p.date: p.value for p in metric.points}
            cells = ["—" if by_date.get(d) is None else f"{by_date[d]:g}" for d in snap_dates]
            lines.append(f"| {md_cell(tr(metric.title, lang))} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def progress_html(progress: CommunityProgress, lang: str) -> str:
    x = data_labels(lang)
    markdown = progress_markdown(progress, lang, chart=_MARK.format("progress"))
    chart = figure(progress_chart(progress, lang), x["chart_progress"]) if progress.stages else ""
    return _document(lang, x["kicker_progress"], markdown, [], {"progress": chart})

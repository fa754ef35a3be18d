"""The Python API: everything the CLI does, as typed functions that return models.

Nothing here prints or prompts; errors are raised as :class:`commkit.errors.CommkitError`
(:class:`~commkit.errors.UserError` for bad input, with located diagnostics). The CLI is a
thin shell over the same functions.

A whole new-region workflow::

    from datetime import date
    from commkit import api

    api.init_region("kazan", name="Kazan", country="Russia", lang="ru")
    api.add_community("kazan", name="IT Club", leaders=["Ivan Petrov"], members=40)
    answers = api.load_answers("answers/it-club.yaml")
    assessment = api.assess(answers, today=date(2026, 3, 1))
    api.save_assessment("kazan", assessment)
    region_map = api.build_map("kazan", today=date(2026, 3, 1))
    markdown = api.render_map_markdown(region_map, lang="ru")
    roadmap = api.plan(assessment, start=date(2026, 3, 2))
    text = api.render_plan_markdown(roadmap)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from commkit.forms_api import (
    EXPORT_FORMATS,
    assess_team,
    check_answers_file,
    export_checklist,
    import_answers,
    team_raters_in_workspace,
)
from commkit.i18n import resolve_lang
from commkit.versions import (
    render_rescore_markdown,
    rescore,
    rescore_summary,
    write_rescore_report,
)

if TYPE_CHECKING:
    from commkit.core.pack_diff import PackDiff
    from commkit.core.peers import PeerComparison, PeerPool
    from commkit.core.progress import CommunityProgress
    from commkit.core.public_map import PublicMap
    from commkit.core.region_map import RegionMap
    from commkit.errors import DateWarning
    from commkit.export.sqlite import ExportResult
    from commkit.model.answers import Answers, Assessment
    from commkit.model.pack import ContentPack
    from commkit.model.plan import Plan
    from commkit.model.workspace_loader import Workspace

PathLike = str | Path

__all__ = [
    "EXPORT_FORMATS",
    "add_community",
    "assess",
    "assess_team",
    "build_map",
    "check_answers_file",
    "compare_with_peers",
    "date_warnings",
    "diff_content",
    "diff_json",
    "export_checklist",
    "export_sqlite",
    "import_answers",
    "init_region",
    "load_answers",
    "load_assessment",
    "load_content",
    "load_workspace",
    "method_overview",
    "migrate_answers",
    "peer_pool",
    "plan",
    "progress",
    "public_map",
    "region_plan",
    "render_assessment_chart",
    "render_assessment_html",
    "render_assessment_markdown",
    "render_diff_markdown",
    "render_map_charts",
    "render_map_csv",
    "render_map_html",
    "render_map_markdown",
    "render_map_xlsx",
    "render_plan_csv",
    "render_plan_html",
    "render_plan_ics",
    "render_plan_markdown",
    "render_plan_xlsx",
    "render_progress_chart",
    "render_progress_html",
    "render_progress_markdown",
    "render_public_map_html",
    "render_rescore_markdown",
    "rescore",
    "rescore_summary",
    "save_assessment",
    "team_raters_in_workspace",
    "write_rescore_report",
]


# ------------------------------------------------------------------ content and workspaces


def load_content(content: PathLike | None = None) -> ContentPack:
    """The content pack: the built-in default (``None``), a full copy or an overlay folder.

    Raises :class:`commkit.errors.ContentError` listing every problem with file:line.
    """
    from commkit.model.pack import load_pack

    return load_pack(content)


def load_workspace(path: PathLike) -> Workspace:
    """Open a workspace folder (``region.yaml``, ``communities/``, ``assessments/``).

    Only ``region.yaml`` is read now; profiles and assessments are streamed when a map or
    a progress report is built. Problems are collected in ``workspace.diagnostics``.
    """
    from commkit.model.workspace_loader import load_workspace as _load

    return _load(Path(path))


def init_region(
    directory: PathLike,
    name: str,
    country: str | None = None,
    lang: str = "en",
    *,
    force: bool = False,
) -> Path:
    """Scaffold a workspace (region.yaml with an ecosystem template, communities/,
    assessments/, README.md); returns the path of the new ``region.yaml``."""
    from commkit.core.workspace_init import init_region as _init

    result = _init(Path(directory), name, country, lang, force=force)
    return result.root / "region.yaml"


def add_community(
    workspace: PathLike,
    name: str,
    *,
    leaders: Iterable[str] = (),
    platform: str | None = None,
    format: str = "online",
    formalised: bool = False,
    founded: str | None = None,
    description: str | None = None,
    members: int | None = None,
    events: int | None = None,
    projects: int | None = None,
    snapshot_date: dt.date | None = None,
    slug: str | None = None,
    force: bool = False,
) -> Path:
    """Write ``communities/<slug>.yaml``; figures given become its first snapshot."""
    from commkit.core.workspace_init import new_community, write_community

    community = new_community(
        name,
        slug=slug,
        leaders=list(leaders),
        platform=platform,
        format=format,
        formalised=formalised,
        founded=founded,
        description=description,
        members=members,
        events=events,
        projects=projects,
        snapshot_date=snapshot_date,
    )
    return write_community(Path(workspace), community, force=force)


# ------------------------------------------------------------------ assessments and plans


def load_answers(path: PathLike) -> Answers:
    """Read an answers file (``kind: answers``), errors located by file:line."""
    from commkit.model.answers import Answers
    from commkit.model.loader import load_file

    answers: Answers = load_file(Path(path), Answers)
    return answers


def load_assessment(path: PathLike) -> Assessment:
    """Read an assessment file (``kind: assessment``), errors located by file:line."""
    from commkit.model.answers import Assessment
    from commkit.model.loader import load_file

    assessment: Assessment = load_file(Path(path), Assessment)
    return assessment


def assess(
    answers: Answers | PathLike,
    *,
    pack: ContentPack | None = None,
    today: dt.date | None = None,
) -> Assessment:
    """Score answers (a model or an answers file) against the checklist: stage, dimension
    scores, strengths, gaps, recommendations and the roadmap actions they call for."""
    from commkit.core.scoring import assess as _assess

    if isinstance(answers, str | Path):
        answers = load_answers(answers)
    return _assess(pack or load_content(), answers, today)


def date_warnings(
    assessment: Assessment | Answers,
    *,
    workspace: PathLike | None = None,
    today: dt.date | None = None,
    file: PathLike | None = None,
) -> list[DateWarning]:
    """Warnings about the date of an assessment (or dated answers): in the future, or
    before the community was founded (its profile in ``workspace``, when given)."""
    from commkit.core.dates import date_problems
    from commkit.errors import CommkitError, DateWarning

    if assessment.date is None:
        return []
    founded = None
    if workspace is not None:
        from commkit.fsutil import slugify

        slug = assessment.community.slug or slugify(assessment.community.name)
        try:
            founded = load_workspace(workspace).community(slug).founded
        except CommkitError:
            founded = None
    where = Path(file) if file is not None else None
    return [
        DateWarning(message, file=where, field="date")
        for message in date_problems(assessment.date, today or dt.date.today(), founded)
    ]


def save_assessment(workspace: PathLike, assessment: Assessment, *, force: bool = False) -> Path:
    """Store an assessment as ``assessments/<slug>/<date>.yaml`` (what ``map`` reads)."""
    from commkit.fsutil import atomic_write_text, safe_child, slugify
    from commkit.model.workspace_loader import ASSESSMENTS_DIR
    from commkit.render.report import to_yaml

    root = Path(workspace)
    slug = assessment.community.slug or slugify(assessment.community.name)
    path = safe_child(root, ASSESSMENTS_DIR, slug, f"{assessment.date.isoformat()}.yaml")
    return atomic_write_text(path, to_yaml(assessment), force=force)


def plan(
    assessment: Assessment,
    start: dt.date,
    *,
    pack: ContentPack | None = None,
    weeks: int = 26,
    capacity: Mapping[str, int] | None = None,
    holidays: Iterable[dt.date] = (),
) -> Plan:
    """A dated roadmap for an assessed community, starting on ``start``."""
    from commkit.core.scheduler import make_plan

    return make_plan(pack or load_content(), assessment, start, weeks, capacity, holidays)


def region_plan(
    workspace: Workspace | PathLike,
    start: dt.date,
    *,
    pack: ContentPack | None = None,
    weeks: int = 26,
    capacity: Mapping[str, int] | None = None,
    holidays: Iterable[dt.date] = (),
    today: dt.date | None = None,
) -> Plan:
    """The regional roadmap of a workspace, made from its map: the regional team's actions,
    with each regional institution brought in by the gaps of the region's communities (each
    judged on its latest assessment up to ``today``). The plan's date is that of the newest
    assessment used.

    Broken files are skipped like the map skips them; ``workspace.diagnostics`` lists them.
    """
    from commkit.core.region_plan import MapEntry, make_region_plan
    from commkit.fsutil import slugify
    from commkit.model.answers import CommunityRef
    from commkit.model.workspace_loader import Workspace

    ws = workspace if isinstance(workspace, Workspace) else load_workspace(workspace)
    day = today or dt.date.today()
    entries: list[MapEntry] = []
    seen: set[str] = set()
    for _path, community in ws.communities():
        if community is None:
            continue
        seen.add(community.slug)
        entries.append(MapEntry(community.slug, community.name, _latest(ws, community.slug, day)))
    for slug in ws.assessed_slugs():
        if slug not in seen:
            latest = _latest(ws, slug, day)
            if latest is not None:
                entries.append(MapEntry(slug, latest.community.name, latest))
    region = CommunityRef(name=ws.name, slug=slugify(ws.name), region=ws.name)
    dates = [e.assessment.date for e in entries if e.assessment is not None]
    map_date = max(dates, default=day)  # the map is as new as its newest assessment
    figures = ws.region.baseline if ws.region is not None else []
    return make_region_plan(
        pack or load_content(),
        region,
        entries,
        start,
        map_date,
        weeks,
        capacity,
        holidays,
        figures,
        ws.region.name if ws.region is not None else None,
    )


def _latest(ws: Workspace, slug: str, day: dt.date) -> Assessment | None:
    found = [a for a in ws.assessments(slug) if a.date <= day]
    return found[-1] if found else None


# ------------------------------------------------------------------ the map


def build_map(
    workspace: Workspace | PathLike,
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
    from commkit.model.workspace_loader import Workspace

    ws = workspace if isinstance(workspace, Workspace) else load_workspace(workspace)
    region_map = _build(ws, pack or load_content(), today, progress=progress)
    if strict and region_map.problems:
        raise ContentError(
            f"the workspace has {len(region_map.problems)} problem(s)",
            [p.diagnostic("error") for p in region_map.problems],
        )
    return region_map


def progress(
    workspace: Workspace | PathLike, slug: str, *, pack: ContentPack | None = None
) -> CommunityProgress:
    """How one community's stage, dimensions and metrics changed over time."""
    from commkit.core.progress import community_progress
    from commkit.model.workspace_loader import Workspace

    ws = workspace if isinstance(workspace, Workspace) else load_workspace(workspace)
    return community_progress(ws, slug, pack or load_content())


# ------------------------------------------------------------------ exports


def export_sqlite(
    workspace: Workspace | PathLike,
    database: PathLike,
    *,
    lang: str = "en",
    pack: ContentPack | None = None,
    replace: bool = False,
    full: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ExportResult:
    """The workspace as a SQLite database plus ``<name>.metadata.json`` for Datasette.

    An existing database is refused unless ``replace``; then only communities whose files
    changed since the last export are read again (``full`` rebuilds everything). Needs the
    ``data`` extra (sqlite-utils).
    """
    from commkit.model.workspace_loader import Workspace

    _require("sqlite_utils", "sqlite-utils")
    from commkit.export.sqlite import export_sqlite as _export

    ws = workspace if isinstance(workspace, Workspace) else load_workspace(workspace)
    return _export(
        ws,
        pack or load_content(),
        Path(database),
        lang=lang,
        replace=replace,
        full=full,
        progress=progress,
    )


def _require(module: str, package: str) -> None:
    """A clear message instead of an ImportError when an optional library is missing."""
    import importlib.util

    from commkit.errors import UserError

    if importlib.util.find_spec(module) is None:
        raise UserError(f"this needs the optional library {package}: pip install 'commkit[data]'")


# ------------------------------------------------------------------ rendering


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
    _require("openpyxl", "openpyxl")
    from commkit.render.xlsx import map_workbook

    return map_workbook(region_map, lang)


def render_plan_xlsx(plan: Plan, lang: str = "en", *, pack: ContentPack | None = None) -> bytes:
    """A plan as an Excel workbook: actions, calendar, the manager's week."""
    _require("openpyxl", "openpyxl")
    from commkit.render.xlsx import plan_workbook

    return plan_workbook(plan, pack or load_content(), lang)


def render_assessment_markdown(
    assessment: Assessment,
    lang: str | None = None,
    *,
    pack: ContentPack | None = None,
    chart: str | None = None,
    peers: PeerComparison | None = None,
) -> str:
    """The self-identification report of an assessment as Markdown; ``chart`` is the file
    name of its chart (linked under the dimension table), ``peers`` adds "you versus your
    peers"."""
    from commkit.render.report import assessment_markdown

    lang = resolve_lang(lang, assessment.language)
    link = None
    if chart is not None:
        from commkit.render.data_labels import data_labels
        from commkit.render.text import md_inline

        link = f"![{md_inline(data_labels(lang)['chart_scores'])}](<{chart}>)"
    return assessment_markdown(pack or load_content(), assessment, lang, chart=link, peers=peers)


def render_assessment_chart(
    assessment: Assessment,
    lang: str = "en",
    *,
    pack: ContentPack | None = None,
    peers: PeerComparison | None = None,
) -> str:
    """SVG: the dimension scores with the next stage's threshold (and the peers' quartiles)."""
    _require("matplotlib", "matplotlib")
    from commkit.render.report_html import scores_chart

    return scores_chart(pack or load_content(), assessment, lang, peers)


def render_assessment_html(
    assessment: Assessment,
    lang: str = "en",
    *,
    pack: ContentPack | None = None,
    peers: PeerComparison | None = None,
) -> str:
    """The report as one self-contained HTML page with its chart inline (prints on A4)."""
    _require("matplotlib", "matplotlib")
    from commkit.render.report_html import assessment_html

    return assessment_html(pack or load_content(), assessment, lang, peers)


def peer_pool(workspace: Workspace | PathLike) -> PeerPool:
    """The latest assessment of every community of a workspace, for peer comparisons
    (a folder with no assessments yet gives an empty pool)."""
    from commkit.core.peers import PeerPool
    from commkit.model.workspace_loader import Workspace

    ws = workspace if isinstance(workspace, Workspace) else Workspace(Path(workspace), None)
    return PeerPool.of(ws)


def compare_with_peers(
    pool: PeerPool, assessment: Assessment, *, named: bool = False
) -> PeerComparison | None:
    """ "You versus your peers": each dimension against the other communities at the same
    stage (median, quartiles), or ``None`` when fewer than five are there. Peers are named
    only with ``named``."""
    from commkit.fsutil import slugify

    slug = assessment.community.slug or slugify(assessment.community.name)
    return pool.compare(slug, assessment, named=named)


def render_plan_html(plan: Plan, lang: str = "en", *, pack: ContentPack | None = None) -> str:
    """A plan as one self-contained HTML page, its timeline drawn as an SVG chart."""
    _require("matplotlib", "matplotlib")
    from commkit.render.report_html import plan_html

    return plan_html(plan, pack or load_content(), lang)


def render_map_html(
    region_map: RegionMap, lang: str = "en", *, pack: ContentPack | None = None
) -> str:
    """The map as one self-contained HTML page with the stage and metric charts inline."""
    _require("matplotlib", "matplotlib")
    from commkit.render.report_html import map_html

    return map_html(region_map, lang, pack.template_dirs if pack is not None else [])


def public_map(workspace: Workspace | PathLike) -> PublicMap:
    """The public map for entrepreneurs: only communities with a ``public:`` block, and only
    what they chose to publish (never scores, stages, notes or leaders)."""
    from commkit.core.public_map import public_map as _public
    from commkit.model.workspace_loader import Workspace

    ws = workspace if isinstance(workspace, Workspace) else load_workspace(workspace)
    return _public(ws)


def render_public_map_html(data: PublicMap, lang: str = "en") -> str:
    """The public map as one self-contained page, searchable and filterable in the browser."""
    from commkit.render.public_map import public_map_html

    return public_map_html(data, lang)


def render_map_charts(region_map: RegionMap, lang: str = "en") -> dict[str, str]:
    """SVG charts of the map by name: ``stages`` (distribution) and ``metrics`` (the seven)."""
    _require("matplotlib", "matplotlib")
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


def render_progress_chart(progress: CommunityProgress, lang: str = "en") -> str:
    """SVG: the overall and dimension scores at each assessment."""
    _require("matplotlib", "matplotlib")
    from commkit.render.report_html import progress_chart

    return progress_chart(progress, lang)


def render_progress_html(progress: CommunityProgress, lang: str = "en") -> str:
    """A community's progress as one self-contained HTML page with the line chart inline."""
    _require("matplotlib", "matplotlib")
    from commkit.render.report_html import progress_html

    return progress_html(progress, lang)


def render_plan_markdown(
    plan: Plan, lang: str | None = None, *, pack: ContentPack | None = None
) -> str:
    """A plan as Markdown (table, phases, Gantt chart)."""
    from commkit.render.plan_md import render_plan_md

    return render_plan_md(plan, pack or load_content(), resolve_lang(lang, plan.language))


def render_plan_csv(plan: Plan, lang: str | None = None, *, pack: ContentPack | None = None) -> str:
    """A plan as CSV (one row per action)."""
    from commkit.render.plan_csv import render_plan_csv as _csv

    return _csv(plan, pack or load_content(), resolve_lang(lang, plan.language))


def render_plan_ics(
    plan: Plan, lang: str | None = None, *, pack: ContentPack | None = None
) -> bytes:
    """A plan as an iCalendar file (bytes)."""
    from commkit.render.plan_ics import render_plan_ics as _ics

    return _ics(plan, pack or load_content(), resolve_lang(lang, plan.language))


def method_overview(pack: ContentPack | None = None, lang: str = "en") -> dict[str, Any]:
    """The method in one language as plain data, with the templates the pack ships."""
    from commkit.core.method_view import overview
    from commkit.model.method_templates import method_templates

    pack = pack or load_content()
    data = overview(pack, lang)
    data["templates"] = [
        {"id": t.id, "title": t.title(lang), "file": f"templates/{t.id}.md"}
        for t in method_templates(pack)
    ]
    return data


# ------------------------------------------------------------------ method versions


def diff_content(old: PathLike | None, new: PathLike | None = None) -> PackDiff:
    """What changed from ``old`` to ``new``: two pack folders (``None``: the default pack) or
    two checklist files. Questions, options, dimensions, stages, roadmap actions, seminars and
    migrations added, removed and changed, by id, each change with its value before and after.
    """
    from commkit.versions import diff_content as _diff

    return _diff(old, new)


def diff_json(diff: PackDiff) -> dict[str, Any]:
    """A content diff as plain data (``--json``)."""
    from dataclasses import asdict

    return asdict(diff)


def render_diff_markdown(diff: PackDiff, lang: str = "en") -> str:
    """A content diff as a Markdown change log in ``lang``."""
    from commkit.render.pack_diff_md import render_diff_markdown as _render

    return _render(diff, lang)


def migrate_answers(answers: Answers, *, pack: ContentPack | None = None) -> Answers:
    """Answers given to an earlier version of their checklist, carried to the current one
    through the pack's migrations (``checklists/migrations/``): kept, mapped or left to be
    asked again, as the migration says. Answers to the current version come back unchanged.
    Raises :class:`commkit.errors.UserError` when no migration leads there."""
    from commkit.core.migrate import carry_answers

    pack = pack if pack is not None else load_content(None)
    if answers.checklist.id not in pack.checklists:
        return answers
    return carry_answers(pack, answers)[0]

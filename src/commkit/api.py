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
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from commkit.core.progress import CommunityProgress
    from commkit.core.region_map import RegionMap
    from commkit.errors import Diagnostic
    from commkit.importing import ImportResult
    from commkit.model.answers import Answers, Assessment
    from commkit.model.pack import ContentPack
    from commkit.model.plan import Plan
    from commkit.model.workspace_loader import Workspace

PathLike = str | Path

__all__ = [
    "add_community",
    "assess",
    "assess_team",
    "build_map",
    "check_answers_file",
    "export_checklist",
    "import_answers",
    "init_region",
    "load_answers",
    "load_assessment",
    "load_content",
    "load_workspace",
    "plan",
    "progress",
    "render_assessment_markdown",
    "render_map_csv",
    "render_map_markdown",
    "render_plan_csv",
    "render_plan_ics",
    "render_plan_markdown",
    "save_assessment",
    "team_raters_in_workspace",
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


def check_answers_file(
    path: PathLike, *, pack: ContentPack | None = None
) -> tuple[Answers, list[Diagnostic]]:
    """Read an answers file and check it against its checklist: (answers, warnings).

    Unknown questions, values that do not fit and missing required answers raise
    :class:`commkit.errors.ContentError` naming file, line and question.
    """
    from commkit.core.scoring import check_answers, checklist_for
    from commkit.errors import ContentError
    from commkit.model.answers import Answers
    from commkit.model.loader import parse_file, validate_document

    doc = parse_file(Path(path))
    answers = validate_document(doc, Answers)
    diags = check_answers(checklist_for(pack or load_content(), answers), answers, doc)
    if any(d.severity == "error" for d in diags):
        raise ContentError("", diags)
    return answers, diags


def assess_team(
    raters: Sequence[tuple[str, Answers]],
    *,
    pack: ContentPack | None = None,
    today: dt.date | None = None,
    anonymous: bool = False,
    lang: str = "en",
) -> Assessment:
    """Merge the raters of one community (``(name, answers)`` pairs) and score the consensus.

    The result is an ordinary assessment (``plan`` takes it) whose ``team`` block holds the
    raters, the range of their own results and every question's merge (see
    :mod:`commkit.core.team` for the rules).
    """
    from commkit.core.scoring import assess as _assess
    from commkit.core.scoring import checklist_for
    from commkit.core.team import merge_answers
    from commkit.render.report import labels

    pack = pack or load_content()
    if not raters:
        from commkit.errors import UserError

        raise UserError("a team assessment needs at least one answers file")
    checklist = checklist_for(pack, raters[0][1])
    merged = merge_answers(
        checklist,
        raters,
        lang=lang,
        anonymous=anonymous,
        anonymous_label=labels(lang)["team_rater_n"],
    )
    assessment = _assess(pack, merged.answers, today)
    return assessment.model_copy(update={"team": merged.summary})


def team_raters_in_workspace(workspace: PathLike, slug: str) -> list[Path]:
    """The latest answers file of every rater of a community in ``answers/<slug>/``.

    Files are named ``<rater>-<date>.yaml`` by ``commkit answers import --workspace``; the
    newest date per rater wins.
    """
    from commkit.errors import UserError
    from commkit.fsutil import safe_child
    from commkit.importing import ANSWERS_DIR

    folder = safe_child(Path(workspace), ANSWERS_DIR, slug)
    if not folder.is_dir():
        raise UserError(
            f"no answers for {slug!r} in {folder} "
            "(import them with 'commkit answers import --workspace')"
        )
    latest: dict[str, Path] = {}
    for path in sorted(folder.iterdir()):
        if path.suffix not in (".yaml", ".yml", ".json") or path.name.startswith("."):
            continue
        stem = path.stem
        rater = stem[:-11] if len(stem) > 11 and stem[-11] == "-" else stem
        latest[rater] = path  # sorted: a later date replaces an earlier one
    if not latest:
        raise UserError(f"no answers files in {folder}")
    return [latest[k] for k in sorted(latest)]


EXPORT_FORMATS = ("html", "xlsform", "xlsx", "md")


def export_checklist(
    format: str,
    out: PathLike,
    *,
    pack: ContentPack | None = None,
    lang: str = "en",
    community: str | None = None,
    workspace: PathLike | None = None,
    force: bool = False,
) -> Path:
    """Write the loaded checklist as a form to fill in outside the terminal; returns the file.

    ``html``: one self-contained page (offline, both languages, downloads an answers file);
    ``xlsform``: survey/choices/settings for KoboToolbox and ODK Central; ``xlsx``: a
    workbook with drop-down lists; ``md``: a printable questionnaire. ``community`` (a slug)
    is filled in; with ``workspace`` its name comes from ``communities/<slug>.yaml``.
    """
    from commkit.core.scoring import checklist_hash
    from commkit.errors import UserError
    from commkit.fsutil import atomic_write_bytes, atomic_write_text, safe_child
    from commkit.model.common import ID_RE

    if format not in EXPORT_FORMATS:
        raise UserError(f"unknown format {format!r}: choose one of {', '.join(EXPORT_FORMATS)}")
    pack = pack or load_content()
    checklist = pack.checklist
    digest = checklist_hash(checklist)
    who: dict[str, str] | None = None
    if community is not None:
        if not ID_RE.match(community):
            raise UserError(f"--community {community!r} is not a valid slug")
        who = {"slug": community, "name": ""}
        if workspace is not None:
            from commkit.model.loader import load_file
            from commkit.model.workspace import Community

            profile = safe_child(Path(workspace), "communities", f"{community}.yaml")
            if not profile.is_file():
                raise UserError(f"no community {community!r} in {workspace} ({profile} is missing)")
            who["name"] = load_file(profile, Community).name
    stem = checklist.id + (f"-{community}" if community else "")
    root = Path(out)
    if format == "html":
        from commkit.render.checklist_form import checklist_form_html

        text = checklist_form_html(checklist, digest, lang=lang, community=who)
        return atomic_write_text(safe_child(root, f"{stem}.html"), text, force=force)
    if format == "md":
        from commkit.render.questionnaire_md import questionnaire_markdown

        text = questionnaire_markdown(checklist, lang=lang, community=who)
        return atomic_write_text(safe_child(root, f"{stem}-{lang}.md"), text, force=force)
    if format == "xlsform":
        from commkit.render.xlsform import xlsform_bytes

        try:
            data = xlsform_bytes(checklist, digest, lang=lang, community=who)
        except ValueError as exc:
            raise UserError(f"the checklist cannot become an XLSForm: {exc}") from None
        return atomic_write_bytes(safe_child(root, f"{stem}-xlsform.xlsx"), data, force=force)
    from commkit.render.workbook import workbook_bytes

    data = workbook_bytes(checklist, digest, lang=lang, community=who)
    return atomic_write_bytes(safe_child(root, f"{stem}-{lang}-workbook.xlsx"), data, force=force)


def import_answers(
    files: Iterable[PathLike],
    *,
    out: PathLike | None = None,
    workspace: PathLike | None = None,
    pack: ContentPack | None = None,
    lang: str = "en",
    force: bool = False,
    skip_bad: bool = False,
    progress: Callable[[int], None] | None = None,
) -> ImportResult:
    """Read collected answers and write one checked answers file per submission.

    Reads the HTML form's downloads (JSON/YAML answers files), KoboToolbox / ODK Central
    exports of the XLSForm (CSV or XLSX) and filled workbooks. Files go to
    ``out/<community>-<rater>-<date>.yaml`` or
    ``workspace/answers/<community>/<rater>-<date>.yaml``.
    When any submission has a problem nothing is written and
    :class:`commkit.errors.ContentError` lists every problem with file, row and column;
    with ``skip_bad`` the good ones are written and the bad ones are in ``result.skipped``.
    """
    from commkit.importing import run_import

    return run_import(
        [Path(f) for f in files],
        out=Path(out) if out is not None else None,
        workspace=Path(workspace) if workspace is not None else None,
        pack=pack or load_content(),
        lang=lang,
        force=force,
        skip_bad=skip_bad,
        progress=progress,
    )


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


# ------------------------------------------------------------------ rendering


def render_map_markdown(
    region_map: RegionMap, lang: str = "en", *, pack: ContentPack | None = None
) -> str:
    """The map as Markdown (a customised pack's ``templates/map.md.j2`` wins)."""
    from commkit.render.map_md import map_markdown

    return map_markdown(region_map, lang, pack.template_dirs if pack is not None else ())


def render_map_csv(region_map: RegionMap) -> str:
    """The map's community table as CSV text."""
    from commkit.render.map_csv import map_csv

    return map_csv(region_map)


def render_assessment_markdown(
    assessment: Assessment, lang: str = "en", *, pack: ContentPack | None = None
) -> str:
    """The self-identification report of an assessment as Markdown."""
    from commkit.render.report import assessment_markdown

    return assessment_markdown(pack or load_content(), assessment, lang)


def render_plan_markdown(plan: Plan, lang: str = "en", *, pack: ContentPack | None = None) -> str:
    """A plan as Markdown (table, phases, Gantt chart)."""
    from commkit.render.plan_md import render_plan_md

    return render_plan_md(plan, pack or load_content(), lang)


def render_plan_csv(plan: Plan, lang: str = "en", *, pack: ContentPack | None = None) -> str:
    """A plan as CSV (one row per action)."""
    from commkit.render.plan_csv import render_plan_csv as _csv

    return _csv(plan, pack or load_content(), lang)


def render_plan_ics(plan: Plan, lang: str = "en", *, pack: ContentPack | None = None) -> bytes:
    """A plan as an iCalendar file (bytes)."""
    from commkit.render.plan_ics import render_plan_ics as _ics

    return _ics(plan, pack or load_content(), lang)

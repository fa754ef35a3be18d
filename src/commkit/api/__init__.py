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
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from commkit.core.progress import CommunityProgress
    from commkit.core.region_map import RegionMap
    from commkit.model.answers import Assessment
    from commkit.model.pack import ContentPack
    from commkit.model.plan import Plan
    from commkit.model.workspace_loader import Workspace

from commkit.api.assessments import (
    STDIN,
    AssessmentFiles,
    AssessmentWriter,
    CheckedAnswers,
    PlanInput,
    assess,
    check_answers,
    check_slug,
    checklist_of,
    expand_answer_files,
    explain,
    load_answers,
    load_assessment,
    plan_input,
    read_answers,
    render_assessment_markdown,
    report_language,
    save_assessment,
)
from commkit.api.content import load_content, validate

PathLike = str | Path

__all__ = [
    "STDIN",
    "AssessmentFiles",
    "AssessmentWriter",
    "CheckedAnswers",
    "PlanInput",
    "add_community",
    "assess",
    "build_map",
    "check_answers",
    "check_slug",
    "checklist_of",
    "expand_answer_files",
    "explain",
    "init_region",
    "load_answers",
    "load_assessment",
    "load_content",
    "load_holidays",
    "load_workspace",
    "plan",
    "plan_input",
    "progress",
    "read_answers",
    "render_assessment_markdown",
    "render_map_csv",
    "render_map_markdown",
    "render_plan_csv",
    "render_plan_ics",
    "render_plan_markdown",
    "report_language",
    "save_assessment",
    "validate",
]


# ------------------------------------------------------------------ content and workspaces


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


def load_holidays(path: PathLike) -> list[dt.date]:
    """Non-working days from a file: one YYYY-MM-DD (or FROM..TO range) a line, or a YAML
    list; bad lines raise :class:`commkit.errors.UserError` with file:line."""
    from commkit.core.calendar import load_holidays as _load

    return _load(Path(path))


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

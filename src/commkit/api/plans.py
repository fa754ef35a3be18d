"""Roadmaps: a dated plan from an assessment, and its Markdown, CSV and iCalendar files."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from commkit.errors import UserError

if TYPE_CHECKING:
    from commkit.model.answers import Assessment
    from commkit.model.pack import ContentPack
    from commkit.model.plan import Plan
    from commkit.model.workspace_loader import Workspace

PathLike = str | Path
MAX_CAPACITY = 100


def _pack(pack: ContentPack | None) -> ContentPack:
    from commkit.model.pack import load_pack

    return pack if pack is not None else load_pack(None)


def load_holidays(path: PathLike) -> list[dt.date]:
    """Non-working days from a file: one YYYY-MM-DD (or FROM..TO range) a line, or a YAML
    list; bad lines raise :class:`commkit.errors.UserError` with file:line."""
    from commkit.core.calendar import load_holidays as _load

    return _load(Path(path))


def next_monday(today: dt.date | None = None) -> dt.date:
    """The default first day of a plan: the Monday after ``today``."""
    from commkit.core.calendar import next_monday as _next

    return _next(today or dt.date.today())


def parse_capacity(values: Iterable[str], *, pack: ContentPack | None = None) -> dict[str, int]:
    """``ROLE=N`` items as a role -> count mapping, roles checked against the method."""
    import difflib

    roles = [r.id for r in _pack(pack).methodology.roles]
    result: dict[str, int] = {}
    for item in values:
        role, sep, number = item.partition("=")
        role = role.strip()
        if not sep or not number.strip().isdigit():
            raise UserError(f"--capacity {item!r}: use ROLE=N, e.g. --capacity community-manager=3")
        if role not in roles:
            hint = difflib.get_close_matches(role, roles, n=1)
            extra = f" (did you mean {hint[0]!r}?)" if hint else ""
            raise UserError(
                f"--capacity {item!r}: unknown role {role!r}{extra}; roles: {', '.join(roles)}"
            )
        count = int(number)
        if not 1 <= count <= MAX_CAPACITY:
            raise UserError(f"--capacity {item!r}: N must be between 1 and {MAX_CAPACITY}")
        result[role] = count
    return result


def plan(
    assessment: Assessment,
    start: dt.date,
    *,
    pack: ContentPack | None = None,
    weeks: int = 26,
    capacity: Mapping[str, int] | None = None,
    holidays: Iterable[dt.date] = (),
) -> Plan:
    """A dated roadmap for an assessed community, starting on ``start``: the actions the
    assessment calls for (and what they depend on) on working days under each role's
    capacity, with the seminars and the MeetUp in the timeline."""
    from commkit.core.scheduler import make_plan

    return make_plan(_pack(pack), assessment, start, weeks, capacity, holidays)


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
    from commkit.api.workspaces import load_workspace
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
        _pack(pack), region, entries, start, map_date, weeks, capacity, holidays, figures
    )


def _latest(ws: Workspace, slug: str, day: dt.date) -> Assessment | None:
    found = [a for a in ws.assessments(slug) if a.date <= day]
    return found[-1] if found else None


def plan_markdown_path(plan: Plan, out: PathLike) -> Path:
    """Where the Markdown plan goes: ``<out>/<slug>-plan-<start>.md`` (a regional plan:
    ``<slug>-regional-plan-<start>.md``)."""
    from commkit.fsutil import safe_child

    kind = "regional-plan" if plan.scope == "region" else "plan"
    return safe_child(Path(out), f"{plan.slug}-{kind}-{plan.start.isoformat()}.md")


def write_plan(
    plan: Plan,
    *,
    out: PathLike | None = ".",
    csv: PathLike | None = None,
    excel: bool = False,
    ics: PathLike | None = None,
    lang: str = "en",
    pack: ContentPack | None = None,
    force: bool = False,
) -> list[Path]:
    """Write the plan as Markdown into folder ``out`` (``None``: no Markdown), and as CSV
    (``excel``: a BOM and ``;``) and iCalendar files when given; returns the paths.

    Every target is checked first: without ``force`` nothing is written when one exists.
    """
    from commkit.errors import OutputExistsError
    from commkit.fsutil import atomic_write_bytes, atomic_write_text

    pack = _pack(pack)
    markdown = plan_markdown_path(plan, out) if out is not None else None
    csv_path = Path(csv) if csv is not None else None
    ics_path = Path(ics) if ics is not None else None
    if not force:
        for path in (markdown, csv_path, ics_path):
            if path is not None and path.exists():
                raise OutputExistsError(f"{path} already exists (use --force to overwrite it)")
    written: list[Path] = []
    if markdown is not None:
        written.append(
            atomic_write_text(markdown, render_plan_markdown(plan, lang, pack=pack), force=force)
        )
    if csv_path is not None:
        text = render_plan_csv(plan, lang, pack=pack, excel=excel)
        written.append(atomic_write_text(csv_path, text, force=force, bom=excel))
    if ics_path is not None:
        written.append(
            atomic_write_bytes(ics_path, render_plan_ics(plan, lang, pack=pack), force=force)
        )
    return written


def render_plan_markdown(plan: Plan, lang: str = "en", *, pack: ContentPack | None = None) -> str:
    """A plan as Markdown (table, phases, Gantt chart)."""
    from commkit.render.plan_md import render_plan_md

    return render_plan_md(plan, _pack(pack), lang)


def render_plan_csv(
    plan: Plan, lang: str = "en", *, pack: ContentPack | None = None, excel: bool = False
) -> str:
    """A plan as CSV (one row per action; ``excel``: ``;`` separators for spreadsheets)."""
    from commkit.render.plan_csv import render_plan_csv as _csv

    return _csv(plan, _pack(pack), lang, excel=excel)


def render_plan_ics(plan: Plan, lang: str = "en", *, pack: ContentPack | None = None) -> bytes:
    """A plan as an iCalendar file (bytes)."""
    from commkit.render.plan_ics import render_plan_ics as _ics

    return _ics(plan, _pack(pack), lang)

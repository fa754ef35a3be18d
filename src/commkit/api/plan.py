"""Plans: a dated roadmap for one community or a region, and its files.

What ``plan`` starts from is read here too (an assessment, or answers scored on the fly),
with the warning that the checklist changed since, so scripts and the CLI see the same.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from commkit.api._common import PathLike, content, require, workspace
from commkit.errors import ChecklistChangedWarning, CommkitWarning, UserError
from commkit.i18n import resolve_lang

if TYPE_CHECKING:
    from commkit.core.region_plan import MapEntry
    from commkit.model import plain_plan
    from commkit.model.answers import Assessment
    from commkit.model.loader import Document
    from commkit.model.pack import ContentPack
    from commkit.model.plan import Plan
    from commkit.model.workspace_loader import Workspace


@dataclass
class PlanInput:
    """What ``plan`` starts from: an assessment (stored, or scored from answers), with the
    warnings the caller should show."""

    assessment: Assessment
    warnings: list[CommkitWarning] = field(default_factory=list)


def plan_input(
    path: PathLike, *, pack: ContentPack | None = None, today: dt.date | None = None
) -> PlanInput:
    """An assessment written by ``assess``, or an answers file scored on the fly (answers
    may be incomplete here; bad ones raise :class:`commkit.errors.ContentError`). A stored
    assessment whose checklist changed since, or left the pack, comes with a
    :class:`~commkit.errors.ChecklistChangedWarning`: the plan uses the stored scores."""
    pack = content(pack)
    where = Path(path)
    plain = _read_plain(where, pack, today)
    if plain is not None:
        return plain
    from commkit.api.answers import document

    return _read(document(where), where, pack, today)


def _read_plain(where: Path, pack: ContentPack, today: dt.date | None) -> PlanInput | None:
    """What ``plan`` starts from, read without positions (faster), or ``None`` when the file
    has anything to say: it is then read again with positions, so that every error and
    located warning names its line, exactly as before."""
    from commkit.errors import AnswersWarning, ContentError
    from commkit.model.loader import parse_plain, read_text

    try:
        doc = parse_plain(read_text(where), where)
        if doc is None:
            return None
        found = _read(doc, where, pack, today)
    except ContentError:
        return None
    return None if any(isinstance(w, AnswersWarning) for w in found.warnings) else found


def _read(doc: Document, where: Path, pack: ContentPack, today: dt.date | None) -> PlanInput:
    from commkit.api.answers import checked, refuse_kind
    from commkit.core.scoring import assess as _assess
    from commkit.core.scoring import checklist_hash
    from commkit.model.answers import Answers, Assessment
    from commkit.model.loader import load_document

    refuse_kind(
        doc,
        ("assessment", "answers"),
        "expected an assessment (kind: assessment, written by 'commkit assess') "
        "or an answers file (kind: answers)",
    )
    model = load_document(doc)
    if isinstance(model, Answers):
        found = checked(model, doc, pack, require_complete=False)
        day = model.date or today or dt.date.today()
        return PlanInput(_assess(pack, model, day), list(found.warnings))
    assert isinstance(model, Assessment)
    checklist = pack.checklists.get(model.checklist.id)
    if checklist is None:
        message = f"{where}: checklist {model.checklist.id!r} is not in the content pack"
        return PlanInput(model, [ChecklistChangedWarning(message)])
    same = (checklist_hash(checklist), *checklist.earlier_wordings)
    if model.checklist.hash and model.checklist.hash not in same:
        message = (
            f"{where}: the checklist has changed since this assessment "
            f"({model.checklist.hash} -> {checklist_hash(checklist)}); "
            "the plan uses the stored scores"
        )
        return PlanInput(model, [ChecklistChangedWarning(message)])
    return PlanInput(model)


class QuickPlan:
    """A community's plan made and written by :func:`quick_plan`, as plain objects."""

    __slots__ = ("lang", "plan", "written")

    def __init__(self, plan: plain_plan.Plan, lang: str, written: list[Path]) -> None:
        self.plan = plan
        self.lang = lang
        self.written = written


QUICK_LIMIT = 256 * 1024
"""Larger assessment files go the full way (a bound on what the quick reader builds)."""
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def quick_plan(
    assessment: PathLike,
    start: dt.date | None = None,
    *,
    content: PathLike | None = None,
    weeks: int = 26,
    capacity: Iterable[str] = (),
    holidays: PathLike | None = None,
    out: PathLike = ".",
    lang: str | None = None,
    force: bool = False,
    today: dt.date | None = None,
) -> QuickPlan | None:
    """:func:`plan_input`, :func:`plan` and :func:`write_plan` (the Markdown into ``out``) for
    an assessment file, without the pack's models or pydantic, or ``None`` (nothing written)
    whenever the full way might say or do anything else: a file that is not surely valid, a
    warning (the checklist changed), a bad option, a file in the way, the cache off. The
    full way then runs and decides, with its own messages.

    The pack's parts a plan reads come from the pack cache as plain data
    (:mod:`commkit.core.plan_pack`), the file is checked by the generated validator
    (:func:`commkit.model.fast_check.surely_valid`), and the plan is made and written by
    the same scheduler and Markdown writer as the full way's."""
    from commkit.model import pack_cache

    if not pack_cache.enabled():
        return None
    try:
        return _quick(
            Path(assessment),
            start,
            content,
            weeks,
            capacity,
            holidays,
            Path(out),
            lang,
            force,
            today,
        )
    except Exception:  # _Doubt, or anything the full way would say in its own words
        return None


class _Doubt(Exception):
    """The quick way is not sure to do what the full way does."""


def _quick(
    where: Path,
    start: dt.date | None,
    content: PathLike | None,
    weeks: int,
    capacity: Iterable[str],
    holidays: PathLike | None,
    out: Path,
    lang: str | None,
    force: bool,
    today: dt.date | None,
) -> QuickPlan:
    from commkit.core.calendar import parse_holidays
    from commkit.core.plan_pack import PlanPack
    from commkit.core.scheduler import make_plain_plan
    from commkit.fsutil import atomic_write_text, safe_child
    from commkit.render.plan_md import TEMPLATE, render_plan_md
    from commkit.render.report_md import has_own_template

    pack: Any = PlanPack(_plan_pack_data(content))  # read as the scheduler reads a pack
    if has_own_template(pack.template_dirs, TEMPLATE):
        raise _Doubt  # the pack's own template: Jinja2
    caps = _capacity(pack.role_ids(), capacity)
    days_off = parse_holidays(_text(Path(holidays)), Path(holidays)) if holidays else []
    found = _quick_assessment(where, pack)
    first_day = start or next_monday(today)
    result = make_plain_plan(pack, found, first_day, weeks, caps, days_off)
    lang = resolve_lang(lang, result.language)
    target = safe_child(out, plan_file_name(result))
    if not force and target.exists():
        raise _Doubt  # the full way refuses, in its words
    text = render_plan_md(result, pack, lang)
    return QuickPlan(result, lang, [atomic_write_text(target, text, force=force)])


def _plan_pack_data(content: PathLike | None) -> dict[str, Any]:
    """The plain data of :func:`commkit.core.plan_pack.plan_pack_data`, from the pack cache
    (computed from the pack on a cold run; a pack that does not load: :class:`_Doubt`)."""
    from commkit.api._common import content_dir, pack_data
    from commkit.core.plan_pack import FORMAT, plan_pack_data

    folder = content_dir(content)

    def compute() -> dict[str, Any]:
        from commkit.model.pack import load_pack

        try:
            return plan_pack_data(load_pack(folder))
        except Exception as exc:  # the full way loads it again and reports
            raise _Doubt from exc

    data: dict[str, Any] = pack_data("plan-pack", [FORMAT], folder, compute)
    return data


def _text(path: Path) -> str:
    """A small UTF-8 file's text as :func:`commkit.model.loader.read_text` gives it, or
    :class:`_Doubt` (anything it would refuse or say)."""
    try:
        if path.stat().st_size > QUICK_LIMIT:
            raise _Doubt
        raw = path.read_bytes()
    except OSError:
        raise _Doubt from None
    if b"\x00" in raw or len(raw) > QUICK_LIMIT:
        raise _Doubt
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8").replace("\r\n", "\n")
    except UnicodeDecodeError:
        raise _Doubt from None


def _quick_assessment(where: Path, pack: Any) -> Any:
    """The assessment in ``where`` as plain objects, when the model surely accepts it and
    the full way would have nothing to say about it (no warning); else :class:`_Doubt`."""
    from commkit.core.plain import PlainChecklistRef, PlainCommunity, plain_answers
    from commkit.core.plan_pack import Record
    from commkit.model import line_yaml
    from commkit.model.fast_check import surely_valid

    text = _text(where)
    if "*" in text:
        raise _Doubt  # an alias maybe: the located reader counts what it expands to
    try:
        try:
            data = line_yaml.load(text)  # plain block YAML: PyYAML is not even imported
        except line_yaml.Refused:
            from commkit.model import fast_yaml

            data = fast_yaml.load(text)
    except Exception:
        raise _Doubt from None
    if type(data) is not dict or data.get("kind") != "assessment":
        raise _Doubt
    if not surely_valid("assessment", data):
        raise _Doubt
    day = data["date"]
    if type(day) is str and _DAY.fullmatch(day):
        day = dt.date.fromisoformat(day)
    if type(day) is not dt.date:
        raise _Doubt
    checklist = PlainChecklistRef.from_data(data["checklist"])
    stored = checklist.hash
    same = pack.checklist_hashes(checklist.id)
    if same is None or (stored and stored not in same):
        raise _Doubt  # the full way warns that the checklist changed
    result = data["result"]
    return Record(
        data,
        checklist=checklist,
        community=PlainCommunity.from_data(data["community"]),
        date=day,
        language=data.get("language", "en"),
        answers=plain_answers(data["answers"]),
        result=Record(
            {"next_stage": None, "actions": [], **result},
            dimensions=[
                Record({"score": None, **d}, score=_score(d)) for d in result["dimensions"]
            ],
        ),
    )


def _score(dimension: Mapping[str, Any]) -> float | None:
    """A dimension's score as the model holds it (a float; a whole number read as one)."""
    value = dimension.get("score")
    return float(value) if type(value) is int else value


def load_holidays(path: PathLike) -> list[dt.date]:
    """Non-working days from a file: one ``YYYY-MM-DD`` (or ``FROM..TO``) per line, or a YAML
    list; a bad line raises :class:`commkit.errors.ContentError` with its line."""
    from commkit.core.calendar import parse_holidays
    from commkit.model.loader import read_text

    where = Path(path)
    return parse_holidays(read_text(where), where)


def next_monday(today: dt.date | None = None) -> dt.date:
    """The default first day of a plan: the Monday after ``today``."""
    from commkit.core.calendar import next_monday as _next

    return _next(today or dt.date.today())


def parse_capacity(values: Iterable[str], *, pack: ContentPack | None = None) -> dict[str, int]:
    """``ROLE=N`` items (how many actions a role runs at once) checked against the method's
    roles, so that a typo is named (with the nearest role) before any plan is made."""
    return _capacity([r.id for r in content(pack).methodology.roles], values)


def _capacity(roles: list[str], values: Iterable[str]) -> dict[str, int]:
    import difflib

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
        if not 1 <= count <= 100:
            raise UserError(f"--capacity {item!r}: N must be between 1 and 100")
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
    """A dated roadmap for an assessed community, starting on ``start``."""
    from commkit.core.scheduler import make_plan

    return make_plan(content(pack), assessment, start, weeks, capacity, holidays)


def region_plan(
    ws: Workspace | PathLike,
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

    opened = workspace(ws)
    day = today or dt.date.today()
    entries: list[MapEntry] = []
    seen: set[str] = set()
    for _path, community in opened.communities():
        if community is None:
            continue
        seen.add(community.slug)
        latest = _latest(opened, community.slug, day)
        entries.append(MapEntry(community.slug, community.name, latest))
    for slug in opened.assessed_slugs():
        if slug not in seen:
            latest = _latest(opened, slug, day)
            if latest is not None:
                entries.append(MapEntry(slug, latest.community.name, latest))
    # the region's name in each of its languages (the plan is read in either)
    named = opened.region.name if opened.region is not None else opened.name
    region = CommunityRef(name=named, slug=slugify(opened.name), region=named)
    dates = [e.assessment.date for e in entries if e.assessment is not None]
    map_date = max(dates, default=day)  # the map is as new as its newest assessment
    figures = opened.region.baseline if opened.region is not None else []
    return make_region_plan(
        content(pack),
        region,
        entries,
        start,
        map_date,
        weeks,
        capacity,
        holidays,
        figures,
        opened.region.name if opened.region is not None else None,
    )


def _latest(ws: Workspace, slug: str, day: dt.date) -> Assessment | None:
    found = [a for a in ws.assessments(slug) if a.date <= day]
    return found[-1] if found else None


def plan_file_name(result: Plan | plain_plan.Plan) -> str:
    """The Markdown plan's file name: ``<slug>-plan-<start>.md`` (``-regional-plan-`` for
    a region), so that plans of different starts sit side by side."""
    kind = "regional-plan" if result.scope == "region" else "plan"
    return f"{result.slug}-{kind}-{result.start.isoformat()}.md"


def write_plan(
    result: Plan,
    *,
    out: PathLike | None = ".",
    csv: PathLike | None = None,
    excel: bool = False,
    ics: PathLike | None = None,
    html: PathLike | None = None,
    xlsx: PathLike | None = None,
    lang: str | None = None,
    pack: ContentPack | None = None,
    force: bool = False,
) -> list[Path]:
    """Write a plan's files: Markdown into the folder ``out`` (``None``: none) and each
    other format asked for. Every target is checked before any is written, so a refusal
    to overwrite (without ``force``) leaves nothing half done. Returns the files written."""
    from commkit.errors import OutputExistsError
    from commkit.fsutil import atomic_write_bytes, atomic_write_text, safe_child

    if excel and csv is None:
        raise UserError("--excel shapes the CSV: give --csv FILE too")
    pack = content(pack)
    lang = resolve_lang(lang, result.language)
    target = safe_child(Path(out), plan_file_name(result)) if out is not None else None
    paths = [Path(p) if p is not None else None for p in (csv, ics, html, xlsx)]
    csv_path, ics_path, html_path, xlsx_path = paths
    if not force:
        for path in (target, *paths):
            if path is not None and path.exists():
                raise OutputExistsError(f"{path} already exists (use --force to overwrite it)")
    written: list[Path] = []
    if target is not None:
        written.append(
            atomic_write_text(target, render_plan_markdown(result, lang, pack=pack), force=force)
        )
    if csv_path is not None:
        text = render_plan_csv(result, lang, pack=pack, excel=excel)
        written.append(atomic_write_text(csv_path, text, force=force, bom=excel))
    if ics_path is not None:
        data = render_plan_ics(result, lang, pack=pack)
        written.append(atomic_write_bytes(ics_path, data, force=force))
    if html_path is not None:
        page = render_plan_html(result, lang, pack=pack)
        written.append(atomic_write_text(html_path, page, force=force))
    if xlsx_path is not None:
        book = render_plan_xlsx(result, lang, pack=pack)
        written.append(atomic_write_bytes(xlsx_path, book, force=force))
    return written


def render_plan_markdown(
    plan: Plan, lang: str | None = None, *, pack: ContentPack | None = None
) -> str:
    """A plan as Markdown (table, phases, Gantt chart)."""
    from commkit.render.plan_md import render_plan_md

    return render_plan_md(plan, content(pack), resolve_lang(lang, plan.language))


def render_plan_csv(
    plan: Plan, lang: str | None = None, *, pack: ContentPack | None = None, excel: bool = False
) -> str:
    """A plan as CSV (one row per action); ``excel``: ';' separators for spreadsheets in
    locales with a decimal comma (the caller adds the BOM)."""
    from commkit.render.plan_csv import render_plan_csv as _csv

    return _csv(plan, content(pack), resolve_lang(lang, plan.language), excel=excel)


def render_plan_ics(
    plan: Plan, lang: str | None = None, *, pack: ContentPack | None = None
) -> bytes:
    """A plan as an iCalendar file (bytes)."""
    from commkit.render.plan_ics import render_plan_ics as _ics

    return _ics(plan, content(pack), resolve_lang(lang, plan.language))


def render_plan_html(plan: Plan, lang: str = "en", *, pack: ContentPack | None = None) -> str:
    """A plan as one self-contained HTML page, its timeline drawn as an SVG chart."""
    require("matplotlib", "matplotlib")
    from commkit.render.report_html import plan_html

    return plan_html(plan, content(pack), lang)


def render_plan_xlsx(plan: Plan, lang: str = "en", *, pack: ContentPack | None = None) -> bytes:
    """A plan as an Excel workbook: actions, calendar, the manager's week."""
    require("openpyxl", "openpyxl")
    from commkit.render.xlsx import plan_workbook

    return plan_workbook(plan, content(pack), lang)


__all__ = [
    "PlanInput",
    "load_holidays",
    "next_monday",
    "parse_capacity",
    "plan",
    "plan_file_name",
    "plan_input",
    "region_plan",
    "render_plan_csv",
    "render_plan_html",
    "render_plan_ics",
    "render_plan_markdown",
    "render_plan_xlsx",
    "write_plan",
]

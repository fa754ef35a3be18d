"""The plan as Markdown (a pack may override it with a Jinja2 template), with a Mermaid
Gantt chart.

:func:`plan_view` turns a :class:`~commkit.model.plan.Plan` (or the scheduler's plain
:class:`~commkit.model.plain_plan.Plan`) into plain localised strings (used by the Markdown,
CSV and iCalendar writers alike); the template only lays them out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from commkit import i18n
from commkit.i18n import section
from commkit.i18n.text_pick import tr
from commkit.render.mermaid import mermaid_id, mermaid_text, short_label

if TYPE_CHECKING:
    from commkit.model import plain_plan
    from commkit.model import plan as models
    from commkit.model.pack import ContentPack
    from commkit.model.workspace import RegionFigures

    Plan = models.Plan | plain_plan.Plan
    PlannedAction = models.PlannedAction | plain_plan.PlannedAction
    Reason = models.Reason | plain_plan.Reason

TEMPLATE = "plan.md.j2"


DAY_ORDER = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def labels(lang: str) -> dict[str, str]:
    return section("plan", lang)


def _day_name(day: str, lang: str) -> str:
    """``mon`` -> ``Monday`` / ``Понедельник`` (a table row heading)."""
    return i18n.text(f"date.weekday_{DAY_ORDER.index(day) + 1}", lang).capitalize()


def month_name(month: str, lang: str) -> str:
    """``2026-01`` -> ``January 2026`` / ``Январь 2026``."""
    year, number = month.split("-")
    return f"{i18n.month_name(int(number), lang)} {year}"


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _quote(text: str, lang: str) -> str:
    return f"«{text}»" if lang == "ru" else f"“{text}”"


class _Names:
    """Localised names of the pack's roles, chapters, metrics, dimensions, questions, stages."""

    def __init__(self, pack: ContentPack, plan: Plan, lang: str) -> None:
        m = pack.methodology
        checklist = pack.checklists.get(plan.checklist.id, pack.checklist)
        self.lang = lang
        self.roles = {r.id: tr(r.name, lang) for r in m.roles}
        self.functions = {f.id: tr(f.name, lang) for r in m.roles for f in r.functions}
        self.chapters = {c.id: tr(c.title, lang) for c in m.chapters}
        self.metrics = {x.id: tr(x.name, lang) for x in m.metrics}
        self.dimensions = {d.id: tr(d.title, lang) for d in checklist.dimensions}
        self.questions = {q.id: tr(q.text, lang) for q in checklist.questions}
        self.options = {
            (q.id, o.id): tr(o.label, lang) for q in checklist.questions for o in q.options
        }
        self.stages = {s.id: tr(s.title, lang) for s in checklist.stages}
        self.actions = {a.id: tr(a.title, lang) for a in plan.actions}


def reason_text(reason: Reason, names: _Names) -> str:
    """One reason as a short sentence in the report's language."""
    ru = names.lang == "ru"
    ref = reason.ref or ""

    def num(text: str | None) -> str:
        text = text or "?"
        return re.sub(r"(\d)\.(\d)", r"\1,\2", text) if ru else text

    test = f" {num(reason.threshold)}" if reason.threshold else ""
    if reason.kind == "always":
        return "входит в любой план" if ru else "part of every plan"
    if reason.kind == "assessment":
        return "рекомендовано по итогам оценки" if ru else "recommended by the assessment"
    if reason.kind == "stage":
        stage = _quote(names.stages.get(ref, ref), names.lang)
        return f"стадия {stage}" if ru else f"stage {stage}"
    if reason.kind == "dimension":
        dim = _quote(names.dimensions.get(ref, ref), names.lang)
        value = num(reason.value)
        return f"пробел в измерении {dim}: {value}{test}" if ru else f"gap in {dim}: {value}{test}"
    if reason.kind == "new":
        return "первый шаг нового сообщества" if ru else "a first step for a new community"
    if reason.kind == "map":
        return _map_reason(reason, names, num)
    if reason.kind == "dependency":
        needer = _quote(names.actions.get(ref, ref), names.lang)
        return f"нужно для {needer}" if ru else f"needed by {needer}"
    question = _quote(_short(names.questions.get(ref, ref)), names.lang)
    if reason.kind == "question_score":
        return (
            f"низкая оценка ответа на {question}: {num(reason.value)}{test}"
            if ru
            else f"low score on {question}: {reason.value}{test}"
        )
    shown = [_option(ref, part, names) for part in (reason.value or "").split(", ")]
    value = _quote(", ".join(shown), names.lang)
    return f"ответ {value} на {question}" if ru else f"answer {value} to {question}"


def _map_reason(reason: Reason, names: _Names, num: Callable[[str | None], str]) -> str:
    """``on the map: 3 of 6 communities with “Visibility” < 40: A, B, C``."""
    ru = names.lang == "ru"
    kind, _, ref = (reason.ref or "").partition(":")
    count, _, total = (reason.value or "?/?").partition("/")
    test = f" {num(reason.threshold)}" if reason.threshold else ""
    who = ", ".join(tr(c, names.lang) for c in reason.communities)
    if kind == "stage":
        stages = ", ".join(
            _quote(names.stages.get(s.strip(), s.strip()), names.lang) for s in ref.split(",")
        )
        if ru:
            return f"на карте: на стадии {stages} {count} из {total} сообществ: {who}"
        return f"on the map: {count} of {total} communities at stage {stages}: {who}"
    if kind == "dimension":
        dim = _quote(names.dimensions.get(ref, ref), names.lang)
        if ru:
            return f"на карте: измерение {dim}{test} у {count} из {total} сообществ: {who}"
        return f"on the map: {dim}{test} in {count} of {total} communities: {who}"
    question = _quote(_short(names.questions.get(ref, ref)), names.lang)
    op, _, values = (reason.threshold or "").partition(" ")
    if op in ("=", "∈"):
        shown = [_option(ref, v, names) for v in values.split(", ")]
        test = " " + _quote(", ".join(shown), names.lang)
        if ru:
            return f"на карте: ответ{test} на {question} у {count} из {total} сообществ: {who}"
        return f"on the map: answer{test} to {question} in {count} of {total} communities: {who}"
    if ru:
        return f"на карте: ответ на {question}{test} у {count} из {total} сообществ: {who}"
    return f"on the map: answer to {question}{test} in {count} of {total} communities: {who}"


def _option(question: str, value: str, names: _Names) -> str:
    """An answer value as the user saw it: the option's label, or yes/no in the language."""
    if value in ("yes", "no"):
        return {"yes": "да", "no": "нет"}[value] if names.lang == "ru" else value
    return names.options.get((question, value), value)


def plan_name(plan: Plan, lang: str) -> str:
    """The community's name, or the region's in ``lang`` for a regional plan."""
    return tr(plan.region_name, lang) if plan.region_name else tr(plan.community.name, lang)


def shown_level(plan: Plan) -> str:
    """The level of the actions a plan's timeline and month tables show: a community plan
    shows the community's own work (the region's is listed apart), a regional plan its own."""
    return "region" if plan.scope == "region" else "community"


def _count(value: int, lang: str) -> str:
    text = f"{value:,}"
    return text.replace(",", "\u00a0") if lang == "ru" else text


def figures_text(figures: RegionFigures, lang: str) -> str:
    """``2020-10-01 (the article): more than 20 communities, more than 10,000 members``."""
    lab = labels(lang)
    more = f"{lab['more_than']} " if figures.more_than else ""
    parts = [
        f"{more}{_count(value, lang)} {lab[key]}"
        for value, key in (
            (figures.communities, "n_communities_fig"),
            (figures.members, "n_members_fig"),
        )
        if value is not None
    ]
    text = f"{figures.date.isoformat()} ({lab['source_' + figures.source]}): " + ", ".join(parts)
    note = tr(figures.note, lang)
    return f"{text}. {note}" if note else text


def for_the_community(plan: Plan) -> list[PlannedAction]:
    """The short "what the region does for you" list of a community plan: the regional
    actions this community's answers call for, or that its own actions wait for. The
    seminars and the MeetUp have a table of their own; the rest of the regional team's
    work (forming the team, the ecosystem models...) is the regional plan's."""
    if plan.scope == "region":
        return []
    waited_for = {d for a in plan.actions if a.level == "community" for d in a.depends_on}
    return [
        a
        for a in plan.actions
        if a.level == "region"
        and a.seminar is None
        and (a.id in waited_for or any(r.kind not in ("always", "dependency") for r in a.reasons))
    ]


# ---------------------------------------------------------------- Mermaid

# A label longer than this may not fit beside its bar at 900 px (GitHub's width): Mermaid puts
# it inside the bar, right of it or left of it, and cuts what still does not fit. The plan's
# table below the chart carries the full titles.
GANTT_LABEL_LIMIT = 44


def gantt_label(text: str) -> str:
    return mermaid_text(short_label(text, GANTT_LABEL_LIMIT))


def gantt_lines(plan: Plan, names: _Names, lang: str) -> list[str]:
    """The body of the ```mermaid block: one task line per scheduled action."""
    lab = labels(lang)
    title = lab["region_title" if plan.scope == "region" else "title"]
    lines = [
        "gantt",
        f"    title {mermaid_text(title + ' - ' + plan_name(plan, lang))}",
        "    dateFormat YYYY-MM-DD",
        "    inclusiveEndDates",
        "    axisFormat %d.%m",
    ]
    excludes = ["weekends", *(d.isoformat() for d in plan.holidays if d.weekday() < 5)]
    lines.append("    excludes " + ", ".join(excludes))
    by_id = {a.id: a for a in plan.actions}
    for phase in plan.phases:
        shown = [by_id[a] for a in phase.actions if by_id[a].level == shown_level(plan)]
        if not shown:
            continue
        lines.append(f"    section {mermaid_text(month_name(phase.month, lang))}")
        for action in shown:
            lines.append(
                f"    {gantt_label(tr(action.title, lang))} :{mermaid_id(action.id)}, "
                f"{action.start.isoformat()}, {action.end.isoformat()}"
            )
    events = [e for e in plan.seminars if e.status == "scheduled"]
    if events:
        lines.append(f"    section {mermaid_text(lab['milestones'])}")
        for event in events:
            lines.append(
                f"    {gantt_label(tr(event.title, lang))} :milestone, "
                f"{mermaid_id('m-' + event.id)}, {event.date.isoformat()}, 0d"
            )
    return lines


# ---------------------------------------------------------------- the view


def day_ranges(days: list[date]) -> list[str]:
    """Consecutive days folded into ranges: ``2026-01-01 – 2026-01-08``."""
    runs: list[list[date]] = []
    for day in sorted(days):
        if runs and (day - runs[-1][1]).days == 1:
            runs[-1][1] = day
        else:
            runs.append([day, day])
    return [_dates(a, b) for a, b in runs]


def _dates(start: date, end: date) -> str:
    return start.isoformat() if start == end else f"{start.isoformat()} – {end.isoformat()}"


def action_row(action: PlannedAction, names: _Names, lang: str) -> dict[str, Any]:
    return {
        "id": action.id,
        "title": tr(action.title, lang),
        "chapter": names.chapters.get(action.chapter, action.chapter),
        "chapter_number": action.chapter_number,
        "owner": names.roles.get(action.owner, action.owner),
        "owner_id": action.owner,
        "start": action.start.isoformat(),
        "end": action.end.isoformat(),
        "dates": _dates(action.start, action.end),
        "duration": action.duration_days,
        "status": action.status,
        "level": action.level,
        "level_label": labels(lang)[f"level_{action.level}"],
        "depends_on": list(action.depends_on),
        "deliverables": [tr(d, lang) for d in action.deliverables],
        "metrics": [names.metrics.get(m, m) for m in action.metrics],
        "seminar": action.seminar,
        "why": [reason_text(r, names) for r in action.reasons],
        "description": tr(action.description, lang),
    }


def plan_view(plan: Plan, pack: ContentPack, lang: str = "en") -> dict[str, Any]:
    """Everything a writer shows, as plain strings in ``lang``."""
    names = _Names(pack, plan, lang)
    rows = {a.id: action_row(a, names, lang) for a in plan.actions}
    level = shown_level(plan)
    phases = [
        {
            "month": p.month,
            "name": month_name(p.month, lang),
            "actions": [rows[a] for a in p.actions if rows[a]["level"] == level],
        }
        for p in plan.phases
    ]
    phases = [p for p in phases if p["actions"]]
    own_later = [rows[a.id] for a in plan.later if a.level == level]
    for_you = [rows[a.id] for a in for_the_community(plan)]
    seminars = [
        {
            "id": e.id,
            "number": e.number,
            "type": labels(lang)["meetup" if e.type == "meetup" else "seminar"],
            "label": labels(lang)["meetup"]
            if e.type == "meetup"
            else f"{labels(lang)['seminar']} {e.number}",
            "title": tr(e.title, lang),
            "date": e.date.isoformat(),
            "week": e.week,
            "plan_week": (e.date - plan.start).days // 7 + 1,
            "status": e.status,
            "action": rows[e.action]["title"] if e.action is not None and e.action in rows else "",
        }
        for e in plan.seminars
    ]
    days: dict[str, list[dict[str, Any]]] = {}
    for slot in plan.manager_schedule:
        days.setdefault(slot.day, []).append(
            {
                "activity": tr(slot.activity, lang),
                "minutes": slot.minutes,
                "function": names.functions.get(slot.function or "", slot.function or ""),
            }
        )
    schedule = [{"day": _day_name(d, lang), "slots": days[d]} for d in DAY_ORDER if d in days]
    metrics = [
        {
            "id": m.id,
            "name": tr(m.name, lang),
            "unit": tr(m.unit, lang),
            "actions": [rows[a]["title"] for a in m.actions],
            "later": [rows[a]["title"] for a in m.later],
            "first_end": min((rows[a]["end"] for a in m.actions), default=""),
        }
        for m in plan.metrics
    ]
    return {
        "lang": lang,
        "labels": labels(lang),
        "community": plan_name(plan, lang),
        "slug": plan.slug,
        "scope": plan.scope,
        "stage": names.stages.get(plan.stage, plan.stage) if plan.stage else "",
        "own": [rows[a.id] for a in plan.actions if a.level == level],
        "own_scheduled": [rows[a.id] for a in plan.scheduled if a.level == level],
        "own_later": own_later,
        "region_does": for_you,
        "region_other": sum(1 for a in plan.actions if a.level != level) - len(for_you),
        "map": [
            {
                "name": tr(c.name, lang),
                "stage": names.stages.get(c.stage, c.stage) if c.stage else "",
                "assessed": c.assessed.isoformat() if c.assessed else "",
            }
            for c in plan.communities
        ],
        "n_assessed": sum(1 for c in plan.communities if c.assessed is not None),
        "figures": [figures_text(f, lang) for f in plan.region_figures],
        "assessment_date": plan.assessment_date.isoformat(),
        "start": plan.start.isoformat(),
        "end": plan.end.isoformat(),
        "weeks": plan.weeks,
        "holidays": day_ranges(plan.holidays),
        "actions": [rows[a.id] for a in plan.actions],
        "scheduled": [rows[a.id] for a in plan.scheduled],
        "later": [rows[a.id] for a in plan.later],
        "phases": phases,
        "gantt": gantt_lines(plan, names, lang),
        "seminars": seminars,
        "manager_role": names.roles.get(plan.manager_role or "", plan.manager_role or ""),
        "manager_schedule": schedule,
        "manager_minutes": sum(s.minutes for s in plan.manager_schedule),
        "metrics": metrics,
        "capacity": [
            {"role": names.roles.get(r, r), "capacity": c} for r, c in plan.capacity.items()
        ],
    }


def render_plan_md(plan: Plan, pack: ContentPack, lang: str = "en") -> str:
    """The Markdown report of ``plan`` (the pack's ``plan.md.j2`` wins over the default)."""
    from commkit.render.plan_md_text import plan_text
    from commkit.render.report_md import has_own_template

    view = plan_view(plan, pack, lang)
    if has_own_template(pack.template_dirs, TEMPLATE):
        from commkit.render.templating import render_template

        text = render_template(pack.template_dirs, TEMPLATE, view)
    else:  # the built-in template, as plain Python (the same text, without Jinja2)
        text = plan_text(view)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.rstrip("\n") + "\n"

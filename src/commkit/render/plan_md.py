"""The plan as Markdown (Jinja2, overridable), with a Mermaid Gantt chart.

:func:`plan_view` turns a :class:`~commkit.model.plan.Plan` into plain localised strings
(used by the Markdown, CSV and iCalendar writers alike); the template only lays them out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from commkit.model.common import tr
from commkit.model.plan import Plan, PlannedAction, Reason
from commkit.render.templating import render_template

if TYPE_CHECKING:
    from commkit.model.pack import ContentPack
    from commkit.model.workspace import RegionFigures

TEMPLATE = "plan.md.j2"

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Roadmap",
        "stage": "Stage",
        "assessed": "Assessment of",
        "horizon": "Horizon",
        "weeks": "weeks",
        "working_days": "Working days are Monday to Friday",
        "holidays": "holidays",
        "summary": "Summary",
        "n_scheduled": "Actions scheduled within the horizon",
        "n_later": "Actions that come later (beyond the horizon)",
        "timeline": "Timeline",
        "dates": "Dates",
        "action": "Action",
        "owner": "Owner",
        "deliverables": "Deliverables",
        "metrics_moved": "Final metrics moved",
        "why": "Why",
        "later": "Later: beyond the horizon",
        "later_intro": "These actions do not fit the horizon; the dates are the earliest "
        "they can take if the plan goes on.",
        "earliest": "Earliest dates",
        "seminars": "Online seminars and the MeetUp",
        "number": "No.",
        "date": "Date",
        "week": "Programme week",
        "plan_week": "Week of the plan",
        "first_end": "First result by",
        "event": "Event",
        "prepared_by": "Prepared in",
        "seminar": "Seminar",
        "meetup": "MeetUp",
        "manager": "The community manager's week",
        "manager_intro": "The standard weekly schedule of the community manager, kept "
        "throughout the plan.",
        "day": "Day",
        "activity": "Activity",
        "minutes": "Minutes",
        "function": "Function",
        "total": "Total per week",
        "metrics": "The final metrics the plan moves",
        "metric": "Metric",
        "unit": "Unit",
        "in_plan": "Actions in the plan",
        "later_short": "Later",
        "capacity": "Assumptions",
        "capacity_intro": "How many actions each role runs at once",
        "role": "Role",
        "at_once": "At once",
        "status": "Status",
        "scheduled": "scheduled",
        "later_status": "later",
        "id": "Id",
        "chapter": "Chapter",
        "start": "Start",
        "end": "End",
        "duration": "Working days",
        "depends_on": "Depends on",
        "milestones": "Seminars and MeetUp",
        "none": "none",
        "generated": "Made with commkit from the assessment",
        "region_title": "Regional plan",
        "map_of": "Map of",
        "generated_region": "Made with commkit from the map of",
        "n_own": "The community's own actions within the horizon",
        "n_region": "Actions of the regional team for the community",
        "region_does": "What the region does for you",
        "region_does_intro": "The regional team, the community manager, the government liaison "
        "and the business ambassadors run these actions because of this community's answers, "
        "or because the community's own actions above wait for them.",
        "region_other": "The regional team's other actions ({n}: its own preparation and the "
        "seminars) are in the regional plan.",
        "who": "Who",
        "n_communities": "Communities on the map",
        "n_assessed": "of them assessed",
        "map_section": "The map behind this plan",
        "map_intro": "Each community's latest assessment; the regional institutions come in "
        "where several communities share a gap.",
        "community_col": "Community",
        "assessed_on": "Latest assessment",
        "not_assessed": "not assessed",
        "level": "Level",
        "level_community": "community",
        "level_region": "region",
        "figures": "The region as a whole",
        "source_article": "the article",
        "source_illustrative": "illustrative",
        "source_reported": "reported",
        "n_communities_fig": "communities",
        "n_members_fig": "members",
        "more_than": "more than",
    },
    "ru": {
        "title": "Дорожная карта",
        "stage": "Стадия",
        "assessed": "Самооценка от",
        "horizon": "Горизонт",
        "weeks": "нед.",
        "working_days": "Рабочие дни — с понедельника по пятницу",
        "holidays": "праздничные дни",
        "summary": "Кратко",
        "n_scheduled": "Действий в пределах горизонта",
        "n_later": "Действий на потом (за пределами горизонта)",
        "timeline": "График",
        "dates": "Сроки",
        "action": "Действие",
        "owner": "Ответственный",
        "deliverables": "Результаты",
        "metrics_moved": "Итоговые показатели",
        "why": "Почему",
        "later": "Позже: за пределами горизонта",
        "later_intro": "Эти действия не помещаются в горизонт; указаны самые ранние сроки, "
        "если продолжить план.",
        "earliest": "Самые ранние сроки",
        "seminars": "Онлайн-семинары и MeetUp",
        "number": "№",
        "date": "Дата",
        "week": "Неделя программы",
        "plan_week": "Неделя плана",
        "first_end": "Первый результат к",
        "event": "Событие",
        "prepared_by": "Готовится в рамках",
        "seminar": "Семинар",
        "meetup": "MeetUp",
        "manager": "Неделя комьюнити-менеджера",
        "manager_intro": "Типовой недельный график комьюнити-менеджера на весь срок плана.",
        "day": "День",
        "activity": "Занятие",
        "minutes": "Минут",
        "function": "Функция",
        "total": "Всего в неделю",
        "metrics": "Итоговые показатели, на которые работает план",
        "metric": "Показатель",
        "unit": "Единица",
        "in_plan": "Действия в плане",
        "later_short": "Позже",
        "capacity": "Допущения",
        "capacity_intro": "Сколько действий каждая роль ведёт одновременно",
        "role": "Роль",
        "at_once": "Одновременно",
        "status": "Статус",
        "scheduled": "запланировано",
        "later_status": "позже",
        "id": "Код",
        "chapter": "Раздел",
        "start": "Начало",
        "end": "Окончание",
        "duration": "Рабочих дней",
        "depends_on": "Зависит от",
        "milestones": "Семинары и MeetUp",
        "none": "нет",
        "generated": "Подготовлено commkit по самооценке",
        "region_title": "Региональный план",
        "map_of": "Карта на",
        "generated_region": "Подготовлено commkit по карте сообществ на",
        "n_own": "Собственных действий сообщества в пределах горизонта",
        "n_region": "Действий региональной команды для сообщества",
        "region_does": "Что делает для вас регион",
        "region_does_intro": "Эти действия выполняют региональная команда, комьюнити-менеджер, "
        "куратор от органов власти и бизнес-амбассадоры — по итогам самооценки этого сообщества "
        "или потому, что от них зависят собственные действия сообщества выше.",
        "region_other": "Остальные действия региональной команды ({n}: её собственная подготовка "
        "и семинары) — в региональном плане.",
        "who": "Кто",
        "n_communities": "Сообществ на карте",
        "n_assessed": "из них прошли самооценку",
        "map_section": "Карта, по которой составлен план",
        "map_intro": "Последняя оценка каждого сообщества; региональные институты "
        "появляются в плане там, где пробел есть сразу у нескольких сообществ.",
        "community_col": "Сообщество",
        "assessed_on": "Последняя оценка",
        "not_assessed": "не оценивалось",
        "level": "Уровень ответственности",
        "level_community": "сообщество",
        "level_region": "регион",
        "figures": "Край в целом",
        "source_article": "по данным статьи",
        "source_illustrative": "условные данные",
        "source_reported": "по сообщениям сообществ",
        "n_communities_fig": "сообществ",
        "n_members_fig": "участников",
        "more_than": "более",
    },
}

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "ru": ["Январь", "Февраль", "Март", "Апрель", "Май", "Июнь", "Июль", "Август",
           "Сентябрь", "Октябрь", "Ноябрь", "Декабрь"],
}  # fmt: skip
DAYS = {
    "en": {"mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday",
           "fri": "Friday", "sat": "Saturday", "sun": "Sunday"},
    "ru": {"mon": "Понедельник", "tue": "Вторник", "wed": "Среда", "thu": "Четверг",
           "fri": "Пятница", "sat": "Суббота", "sun": "Воскресенье"},
}  # fmt: skip
DAY_ORDER = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def labels(lang: str) -> dict[str, str]:
    return LABELS.get(lang, LABELS["en"])


def month_name(month: str, lang: str) -> str:
    """``2026-01`` -> ``January 2026`` / ``Январь 2026``."""
    year, number = month.split("-")
    return f"{MONTHS.get(lang, MONTHS['en'])[int(number) - 1]} {year}"


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
        return "рекомендовано самооценкой" if ru else "recommended by the assessment"
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
    who = ", ".join(reason.communities)
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

_MERMAID_ID = re.compile(r"[^A-Za-z0-9_-]")
_MERMAID_ESCAPES = {":": "#58;", "#": "#35;", ";": "#59;"}


def mermaid_text(text: str) -> str:
    """A title safe inside a Mermaid gantt line: ':' '#' ';' become entity codes."""
    flat = " ".join(text.split())
    return "".join(_MERMAID_ESCAPES.get(ch, ch) for ch in flat) or "-"


def mermaid_id(value: str) -> str:
    return _MERMAID_ID.sub("_", value)


def gantt_lines(plan: Plan, names: _Names, lang: str) -> list[str]:
    """The body of the ```mermaid block: one task line per scheduled action."""
    lab = labels(lang)
    title = lab["region_title" if plan.scope == "region" else "title"]
    lines = [
        "gantt",
        f"    title {mermaid_text(title + ' - ' + plan.community.name)}",
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
                f"    {mermaid_text(tr(action.title, lang))} :{mermaid_id(action.id)}, "
                f"{action.start.isoformat()}, {action.end.isoformat()}"
            )
    events = [e for e in plan.seminars if e.status == "scheduled"]
    if events:
        lines.append(f"    section {mermaid_text(lab['milestones'])}")
        for event in events:
            lines.append(
                f"    {mermaid_text(tr(event.title, lang))} :milestone, "
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
    schedule = [
        {"day": DAYS.get(lang, DAYS["en"])[d], "slots": days[d]} for d in DAY_ORDER if d in days
    ]
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
        "community": plan.community.name,
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
                "name": c.name,
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
    text = render_template(pack.template_dirs, TEMPLATE, plan_view(plan, pack, lang))
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.rstrip("\n") + "\n"

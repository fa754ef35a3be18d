"""Turn the selected roadmap actions into a dated plan.

Scheduling is list scheduling on working days: actions are taken in a topological order
(ties broken by their unconstrained earliest start, then chapter number, then id) and each is
placed at the first working day on which its dependencies have ended, its seminar week has
come, the seminar that teaches it has been held (the day after the session) and its owner
role has a free slot for its whole duration (``capacity`` actions at once
per role). Everything is integer arithmetic on working-day indices, so the same input always
gives the same plan. Actions that end after the horizon are kept, marked ``later``, with the
dates they would get if the schedule went on.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from commkit.core.calendar import WorkCalendar
from commkit.errors import UserError
from commkit.model import plain_plan
from commkit.model.graph import find_cycle
from commkit.model.plain_plan import (
    Fields,
    MetricImpact,
    Phase,
    PlannedAction,
    Reason,
    SeminarEvent,
)

if TYPE_CHECKING:
    from commkit.model.answers import Assessment
    from commkit.model.methodology import Methodology, ScheduleSlot
    from commkit.model.pack import ContentPack
    from commkit.model.plan import Plan

DEFAULT_CAPACITY: dict[str, int] = {
    "community-manager": 2,
    "community-leader": 2,
    "regional-team": 3,
    "business-ambassador": 1,
    "government-liaison": 1,
}
"""How many actions one owner role runs at once unless ``--capacity`` says otherwise."""
FALLBACK_CAPACITY = 1
MANAGER_ROLE = "community-manager"


class CycleError(UserError):
    """The actions' dependencies form a cycle; ``cycle`` lists it."""

    def __init__(self, cycle: list[str]) -> None:
        self.cycle = cycle
        super().__init__(
            "the roadmap's dependencies form a cycle: " + " -> ".join([*cycle, cycle[0]])
        )


class Task:
    """One action for the scheduler, in working days (compared and hashed by value; not
    changed once made). Written out rather than made by ``dataclasses``: making the class
    was a visible part of a warm ``plan``."""

    __slots__ = ("after_session", "deps", "duration", "id", "owner", "priority", "release")

    def __init__(
        self,
        id: str,
        owner: str,
        duration: int,
        deps: tuple[str, ...] = (),
        release: int = 0,
        priority: tuple[int, ...] = (),
        after_session: tuple[str, ...] = (),
    ) -> None:
        self.id = id
        self.owner = owner
        self.duration = duration
        self.deps = deps
        self.release = release
        """Earliest working-day index it may start (a seminar's week)."""
        self.priority = priority
        """Tie-breaker before the id (e.g. the chapter number)."""
        self.after_session = after_session
        """Tasks whose session (their middle day) must be over before this one starts: the
        seminar that teaches it."""

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        return type(other) is Task and self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"Task({shown})"

    @property
    def predecessors(self) -> tuple[str, ...]:
        return self.deps + tuple(t for t in self.after_session if t not in self.deps)


def session_day(start: int, end: int) -> int:
    """The day a seminar's session is held within the action that runs it: its middle day
    (preparation before, homework after)."""
    return start + (end - start) // 2


def schedule_tasks(
    tasks: Iterable[Task],
    capacity: Mapping[str, int],
    default_capacity: int = FALLBACK_CAPACITY,
) -> dict[str, tuple[int, int]]:
    """Start and end (inclusive) working-day index of every task.

    Guarantees: a task starts after all its dependencies end, after the session day of every
    task in its ``after_session`` and not before its release; on
    any day a role runs at most its capacity; the result depends only on the input.
    Raises :class:`CycleError` for a dependency cycle and :class:`UserError` for a dependency
    on an unknown task or a capacity below 1.
    """
    by_id: dict[str, Task] = {}
    for task in tasks:
        if task.id in by_id:
            raise UserError(f"action {task.id!r} is listed twice")
        if task.duration < 1:
            raise UserError(f"action {task.id!r} needs a duration of at least one day")
        by_id[task.id] = task
    for task in by_id.values():
        for dep in task.predecessors:
            if dep not in by_id:
                raise UserError(f"action {task.id!r} depends on unknown action {dep!r}")
    cycle = find_cycle({t.id: list(t.predecessors) for t in by_id.values()})
    if cycle:
        raise CycleError(cycle)
    for role, cap in capacity.items():
        if cap < 1:
            raise UserError(f"capacity of {role!r} must be at least 1, got {cap}")

    dependents: dict[str, list[str]] = {t: [] for t in by_id}
    missing: dict[str, int] = {}
    for task in by_id.values():
        deps = set(task.predecessors)
        missing[task.id] = len(deps)
        for dep in deps:
            dependents[dep].append(task.id)

    # Unconstrained earliest starts (critical-path forward pass) order the ready list.
    earliest: dict[str, int] = {}
    ready = sorted(t for t, n in missing.items() if n == 0)
    pending = dict(missing)
    topo: list[str] = []
    while ready:
        current = ready.pop()
        topo.append(current)
        for nxt in dependents[current]:
            pending[nxt] -= 1
            if pending[nxt] == 0:
                ready.append(nxt)
    for tid in topo:
        task = by_id[tid]
        earliest[tid] = max(
            [
                task.release,
                *(earliest[d] + by_id[d].duration for d in task.deps),
                *(earliest[d] + (by_id[d].duration - 1) // 2 + 1 for d in task.after_session),
            ]
        )

    def key(tid: str) -> tuple[int, tuple[int, ...], str]:
        return (earliest[tid], by_id[tid].priority, tid)

    heap = [key(t) for t, n in missing.items() if n == 0]
    heapq.heapify(heap)
    usage: dict[str, list[int]] = {}
    placed: dict[str, tuple[int, int]] = {}
    while heap:
        _, _, tid = heapq.heappop(heap)
        task = by_id[tid]
        cap = capacity.get(task.owner, default_capacity)
        used = usage.setdefault(task.owner, [])
        start = max(
            [
                task.release,
                *(placed[d][1] + 1 for d in task.deps),
                *(session_day(*placed[d]) + 1 for d in task.after_session),
            ]
        )
        while True:
            end = start + task.duration - 1
            if len(used) <= end:
                used.extend([0] * (end + 1 - len(used)))
            busy = next((d for d in range(end, start - 1, -1) if used[d] >= cap), None)
            if busy is None:
                break
            start = busy + 1
        for day in range(start, end + 1):
            used[day] += 1
        placed[tid] = (start, end)
        for nxt in dependents[tid]:
            missing[nxt] -= 1
            if missing[nxt] == 0:
                heapq.heappush(heap, key(nxt))
    return placed


def role_capacity(
    methodology: Methodology, capacity: Mapping[str, int] | None = None
) -> dict[str, int]:
    """Capacity of every role of the method: defaults, overridden by ``capacity``."""
    result = {
        role.id: DEFAULT_CAPACITY.get(role.id, FALLBACK_CAPACITY) for role in methodology.roles
    }
    for role, cap in (capacity or {}).items():
        if cap < 1:
            raise UserError(f"capacity of {role!r} must be at least 1, got {cap}")
        result[role] = cap
    return dict(sorted(result.items()))


def _manager(methodology: Methodology) -> tuple[str | None, list[ScheduleSlot]]:
    roles = {r.id: r for r in methodology.roles}
    role = roles.get(MANAGER_ROLE)
    if role is None or not role.weekly_schedule:
        role = next((r for r in methodology.roles if r.weekly_schedule), None)
    if role is None:
        return None, []
    return role.id, list(role.weekly_schedule)


class Timeline(Fields):
    """What scheduling gives, before it is wrapped into a community or a regional plan."""

    __slots__ = (
        "actions",
        "capacity",
        "end",
        "holidays",
        "manager_role",
        "manager_schedule",
        "metrics",
        "phases",
        "seminars",
        "start",
        "weeks",
    )
    start: date
    end: date
    weeks: int
    capacity: dict[str, int]
    holidays: list[date]
    actions: list[PlannedAction]
    seminars: list[SeminarEvent]
    phases: list[Phase]
    metrics: list[MetricImpact]
    manager_role: str | None
    manager_schedule: list[ScheduleSlot]


def schedule_selection(
    pack: ContentPack,
    selected: Mapping[str, list[Reason]],
    start: date,
    weeks: int = 26,
    capacity: Mapping[str, int] | None = None,
    holidays: Iterable[date] = (),
    depends_on: Mapping[str, list[str]] | None = None,
) -> Timeline:
    """Date the selected actions (pure and deterministic).

    ``depends_on`` replaces an action's own dependencies (the regional plan passes the
    dependencies it keeps); by default an action waits for its selected dependencies.
    An action ``taught_in`` a seminar starts after that seminar's session: the day after the
    middle day of the action that runs the seminar, or, when no selected action runs it, the
    day after the seminar's programme week begins.
    """
    if not 1 <= weeks <= 260:
        raise UserError(f"the horizon must be 1 to 260 weeks, got {weeks}")
    holiday_list = sorted(set(holidays))
    calendar = WorkCalendar(start, holiday_list)
    horizon_end = start + timedelta(days=weeks * 7 - 1)
    horizon_days = calendar.count_before(horizon_end + timedelta(days=1))
    caps = role_capacity(pack.methodology, capacity)

    actions = {a.id: a for a in pack.roadmap.actions}
    chapters = {c.id: c.number for c in pack.methodology.chapters}
    seminars = {s.id: s for s in pack.seminars}
    runners = {actions[a].seminar: a for a in selected if actions[a].seminar is not None}

    def week_index(week: int) -> int:
        return calendar.index_on_or_after(start + timedelta(days=(week - 1) * 7))

    def deps(aid: str) -> list[str]:
        own = depends_on[aid] if depends_on is not None else actions[aid].depends_on
        return [d for d in own if d in selected]

    tasks = []
    for aid in selected:
        action = actions[aid]
        seminar = seminars.get(action.seminar) if action.seminar else None
        release = week_index(seminar.week) if seminar is not None else 0
        after: tuple[str, ...] = ()
        teacher = seminars.get(action.taught_in) if action.taught_in else None
        if teacher is not None:
            teaching = runners.get(teacher.id)
            if teaching is not None and teaching != aid:
                after = (teaching,)
            else:
                release = max(release, week_index(teacher.week) + 1)
        tasks.append(
            Task(
                id=aid,
                owner=action.owner,
                duration=action.duration_days,
                deps=tuple(deps(aid)),
                release=release,
                priority=(chapters.get(action.chapter, 99),),
                after_session=after,
            )
        )
    placed = schedule_tasks(tasks, caps)

    planned: list[PlannedAction] = []
    for aid, why in selected.items():
        action = actions[aid]
        first, last = placed[aid]
        planned.append(
            PlannedAction(
                id=aid,
                chapter=action.chapter,
                chapter_number=chapters.get(action.chapter, 99),
                title=action.title,
                description=action.description,
                owner=action.owner,
                duration_days=action.duration_days,
                depends_on=deps(aid),
                deliverables=list(action.deliverables),
                metrics=list(action.metrics),
                seminar=action.seminar,
                level=action.level,
                taught_in=action.taught_in,
                status="scheduled" if last < horizon_days else "later",
                start=calendar.day(first),
                end=calendar.day(last),
                reasons=list(why),
            )
        )
    planned.sort(key=lambda a: (a.start, a.chapter_number, a.id))

    events: list[SeminarEvent] = []
    for seminar in pack.seminars:
        run_by = next((a for a in planned if a.seminar == seminar.id), None)
        if run_by is not None:
            index = session_day(*placed[run_by.id])  # preparation, the session, homework
            status = run_by.status
        else:
            index = week_index(seminar.week)
            status = "scheduled" if index < horizon_days else "later"
        events.append(
            SeminarEvent(
                id=seminar.id,
                number=seminar.number,
                type=seminar.type,
                title=seminar.title,
                week=seminar.week,
                date=calendar.day(index),
                action=run_by.id if run_by is not None else None,
                status=status,
            )
        )
    events.sort(key=lambda e: (e.date, e.number, e.id))

    months: dict[str, list[PlannedAction]] = {}
    for item in planned:
        if item.status == "scheduled":
            months.setdefault(item.start.strftime("%Y-%m"), []).append(item)
    phases = [
        Phase(
            month=month,
            start=min(a.start for a in items),
            end=max(a.end for a in items),
            actions=[a.id for a in items],
        )
        for month, items in sorted(months.items())
    ]

    metrics = [
        MetricImpact(
            id=m.id,
            name=m.name,
            unit=m.unit,
            actions=[a.id for a in planned if m.id in a.metrics and a.status == "scheduled"],
            later=[a.id for a in planned if m.id in a.metrics and a.status == "later"],
        )
        for m in pack.methodology.metrics
    ]
    manager_role, manager_schedule = _manager(pack.methodology)
    return Timeline(
        start=start,
        end=horizon_end,
        weeks=weeks,
        capacity=caps,
        holidays=[d for d in holiday_list if start <= d <= horizon_end],
        actions=planned,
        seminars=events,
        phases=phases,
        metrics=metrics,
        manager_role=manager_role,
        manager_schedule=manager_schedule,
    )


def timeline_fields(timeline: Timeline) -> dict[str, Any]:
    """The fields of a :class:`Plan` that the timeline gives: each of its own, by name."""
    return {name: getattr(timeline, name) for name in timeline.__slots__}


def make_plan(
    pack: ContentPack,
    assessment: Assessment,
    start: date,
    weeks: int = 26,
    capacity: Mapping[str, int] | None = None,
    holidays: Iterable[date] = (),
) -> Plan:
    """The dated plan for one assessed community (pure and deterministic): the community's
    own actions and the regional actions it waits for or benefits from."""
    from commkit.model.plan import plan_model

    return plan_model(make_plain_plan(pack, assessment, start, weeks, capacity, holidays))


def make_plain_plan(
    pack: ContentPack,
    assessment: Assessment,
    start: date,
    weeks: int = 26,
    capacity: Mapping[str, int] | None = None,
    holidays: Iterable[date] = (),
) -> plain_plan.Plan:
    """:func:`make_plan`'s plan as plain objects, from the pack and the assessment or from
    plain objects with the same attributes (a warm ``plan`` has no models)."""
    from commkit.core.selection import select_actions
    from commkit.fsutil import slugify

    if not 1 <= weeks <= 260:
        raise UserError(f"the horizon must be 1 to 260 weeks, got {weeks}")
    selected = select_actions(pack, assessment)
    timeline = schedule_selection(pack, selected, start, weeks, capacity, holidays)
    community = assessment.community
    return plain_plan.Plan(
        community=community,
        slug=community.slug or slugify(community.name),
        checklist=assessment.checklist,
        roadmap=pack.roadmap.id,
        assessment_date=assessment.date,
        language=assessment.language,
        stage=assessment.result.stage,
        **timeline_fields(timeline),
    )

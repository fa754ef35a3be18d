"""The scheduler on random action graphs (hypothesis) and the working-day calendar."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commkit.core.calendar import WorkCalendar, next_monday, parse_holidays
from commkit.core.scheduler import CycleError, Task, schedule_tasks
from commkit.errors import UserError

ROLES = ["community-manager", "community-leader", "regional-team", "business-ambassador"]


@st.composite
def task_graphs(draw: st.DrawFn) -> tuple[list[Task], dict[str, int]]:
    """A random DAG: each task depends only on tasks drawn before it (so no cycles)."""
    count = draw(st.integers(min_value=1, max_value=25))
    tasks: list[Task] = []
    for i in range(count):
        deps = draw(st.lists(st.integers(0, i - 1), max_size=3, unique=True)) if i else []
        tasks.append(
            Task(
                id=f"a{i:02d}",
                owner=draw(st.sampled_from(ROLES)),
                duration=draw(st.integers(1, 15)),
                deps=tuple(f"a{d:02d}" for d in deps),
                release=draw(st.sampled_from([0, 0, 0, 5, 12])),
                priority=(draw(st.integers(1, 11)),),
            )
        )
    order = draw(st.permutations(tasks))
    capacity = {role: draw(st.integers(1, 3)) for role in ROLES[:3]}
    return list(order), capacity


@settings(max_examples=150, deadline=None)
@given(task_graphs())
def test_dependencies_end_before_dependents_start(graph: tuple[list[Task], dict[str, int]]):
    tasks, capacity = graph
    placed = schedule_tasks(tasks, capacity)
    for task in tasks:
        start, end = placed[task.id]
        assert end - start + 1 == task.duration
        assert start >= task.release
        for dep in task.deps:
            assert placed[dep][1] < start, f"{task.id} starts before {dep} ends"


@settings(max_examples=150, deadline=None)
@given(task_graphs())
def test_no_role_exceeds_its_capacity_on_any_day(graph: tuple[list[Task], dict[str, int]]):
    tasks, capacity = graph
    placed = schedule_tasks(tasks, capacity)
    load: Counter[tuple[str, int]] = Counter()
    for task in tasks:
        start, end = placed[task.id]
        for day in range(start, end + 1):
            load[task.owner, day] += 1
    for (role, day), running in load.items():
        assert running <= capacity.get(role, 1), f"{role} runs {running} actions on day {day}"


@settings(max_examples=100, deadline=None)
@given(task_graphs(), st.randoms(use_true_random=False))
def test_same_input_same_plan_whatever_the_order(graph: tuple[list[Task], dict[str, int]], rnd):
    tasks, capacity = graph
    shuffled = list(tasks)
    rnd.shuffle(shuffled)
    first = schedule_tasks(tasks, capacity)
    assert schedule_tasks(shuffled, capacity) == first
    assert set(first) == {t.id for t in tasks}


def test_capacity_one_serialises_a_role():
    tasks = [Task(f"t{i}", "solo", 3) for i in range(3)]
    placed = schedule_tasks(tasks, {"solo": 1})
    assert sorted(placed.values()) == [(0, 2), (3, 5), (6, 8)]


def test_capacity_two_runs_two_at_once():
    tasks = [Task(f"t{i}", "pair", 4) for i in range(3)]
    placed = schedule_tasks(tasks, {"pair": 2})
    assert sorted(placed.values()) == [(0, 3), (0, 3), (4, 7)]


def test_ties_are_broken_by_priority_then_id():
    tasks = [
        Task("b", "solo", 1, priority=(1,)),
        Task("a", "solo", 1, priority=(2,)),
        Task("c", "solo", 1, priority=(1,)),
    ]
    placed = schedule_tasks(tasks, {"solo": 1})
    assert [t for t, _ in sorted(placed.items(), key=lambda kv: kv[1])] == ["b", "c", "a"]


def test_a_short_task_fills_a_gap_left_by_a_dependency():
    tasks = [
        Task("long", "r", 10),
        Task("after", "r", 2, deps=("long",)),
        Task("free", "r", 2, release=3),
    ]
    placed = schedule_tasks(tasks, {"r": 2})
    assert placed["free"] == (3, 4)
    assert placed["after"] == (10, 11)


def test_cycle_error_names_the_cycle():
    tasks = [
        Task("a", "r", 1, deps=("c",)),
        Task("b", "r", 1, deps=("a",)),
        Task("c", "r", 1, deps=("b",)),
        Task("d", "r", 1),
    ]
    with pytest.raises(CycleError) as info:
        schedule_tasks(tasks, {})
    message = str(info.value)
    assert "cycle" in message
    assert all(name in message for name in ("a", "b", "c"))
    assert " -> " in message and "d" not in message.split(":", 1)[1]


def test_unknown_dependency_and_bad_capacity_are_user_errors():
    with pytest.raises(UserError, match="unknown action 'ghost'"):
        schedule_tasks([Task("a", "r", 1, deps=("ghost",))], {})
    with pytest.raises(UserError, match="at least 1"):
        schedule_tasks([Task("a", "r", 1)], {"r": 0})


# ---------------------------------------------------------------- calendar


def test_calendar_skips_weekends_and_holidays():
    cal = WorkCalendar(date(2026, 1, 1), [date(2026, 1, 2), date(2026, 1, 7)])  # a Thursday
    days = [cal.day(i) for i in range(5)]
    assert days == [
        date(2026, 1, 1),
        date(2026, 1, 5),
        date(2026, 1, 6),
        date(2026, 1, 8),
        date(2026, 1, 9),
    ]
    assert cal.index_on_or_after(date(2026, 1, 3)) == 1  # Saturday -> Monday
    assert cal.count_before(date(2026, 1, 10)) == 5


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)))
def test_next_monday_is_a_monday_within_a_week(today: date):
    monday = next_monday(today)
    assert monday.weekday() == 0
    assert timedelta(days=1) <= monday - today <= timedelta(days=7)


def test_parse_holidays_accepts_text_yaml_and_ranges():
    text = (
        "# Russian holidays\nholidays:\n- 2026-01-01..2026-01-03\n- '2026-02-23'\n"
        "2026-03-09  # moved\n\n"
    )
    days = parse_holidays(text, Path("h.yaml"))
    assert days == [
        date(2026, 1, 1),
        date(2026, 1, 2),
        date(2026, 1, 3),
        date(2026, 2, 23),
        date(2026, 3, 9),
    ]


def test_parse_holidays_reports_file_and_line():
    with pytest.raises(UserError) as info:
        parse_holidays("2026-01-01\n2026-02-30\n", Path("days.txt"))
    text = str(info.value)
    assert "days.txt:2" in text and "2026-02-30" in text

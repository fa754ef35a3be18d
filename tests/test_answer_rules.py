"""The quick test of a value never lets through what ``value_problem`` refuses."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from commkit.core.values import answer_rules, value_problem
from commkit.model.checklist import Checklist, Question
from commkit.model.pack import load_pack

ROOT = Path(__file__).resolve().parent.parent
PACKS = [None, *(ROOT / "tests" / "fixtures" / name / "pack" for name in ("assess", "plan"))]


@cache
def checklists() -> list[Checklist]:
    found: list[Checklist] = []
    for pack in PACKS:
        found.extend(load_pack(pack).checklists.values())
    return found


@cache
def questions() -> list[tuple[Checklist, Question]]:
    return [(c, q) for c in checklists() for q in c.questions]


def known_values(q: Question) -> list[Any]:
    """Values near the question's own: its options, its bounds and one past them."""
    values: list[Any] = [o.id for o in q.options]
    values += [[o.id] for o in q.options] + [[o.id for o in q.options]]
    values += [[o.id, o.id] for o in q.options[:1]]
    if q.scale is not None or q.type == "scale":
        low, high = q.scale_spec.min, q.scale_spec.max
        values += [low - 1, low, high, high + 1, float(low), low + 0.5]
    if q.number is not None:
        least = q.number.min
        values += [least - 1, least, least + 0.5, int(least), int(least) + 1, int(least) - 1]
        if q.number.max is not None:
            values += [q.number.max, q.number.max + 1, int(q.number.max), int(q.number.max) + 1]
    return values


VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 200),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["", "yes", "no", "x", "none", "other"]),
    st.lists(st.sampled_from(["a", "b", "none", "x", 1]), max_size=3),
    st.dictionaries(st.sampled_from(["en", "ru"]), st.text(max_size=3), max_size=2),
)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_a_value_that_fits_quickly_has_no_problem(data: st.DataObject) -> None:
    checklist, q = data.draw(st.sampled_from(questions()))
    value = data.draw(st.one_of(VALUES, st.sampled_from(known_values(q) or [None])))
    if answer_rules(checklist).fits[q.id](value):
        assert value_problem(q, value) is None, (q.id, q.type, value)


def test_every_kind_of_question_has_a_quick_test_that_takes_its_usual_values() -> None:
    taken = set()
    for checklist, q in questions():
        fits = answer_rules(checklist).fits[q.id]
        for value in [*known_values(q), True, "text", {"en": "x"}]:
            if fits(value):
                taken.add(q.type)
                assert value_problem(q, value) is None, (q.id, value)
    assert taken == {q.type for _, q in questions()}


def test_the_rules_are_made_once_per_checklist() -> None:
    checklist = checklists()[0]
    rules = answer_rules(checklist)
    assert answer_rules(checklist) is rules
    assert rules.questions == {q.id: q for q in checklist.questions}
    assert rules.required == {q.id for q in checklist.questions if q.required}
    assert answer_rules(checklist.model_copy()) is not rules

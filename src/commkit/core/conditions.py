"""The one evaluator of conditions: question ``when``, stage ``requires``, roadmap ``triggers``.

A condition has one subject and at most one test (see :mod:`commkit.model.condition`):

- ``question`` -- holds only when the question was *answered* (a value, not "don't know",
  "not applicable" or absent) and the test passes:

  * ``equals`` / ``any_of``: the value equals (one of) the given values. Yes/no answers
    compare as ``"yes"``/``"no"`` (``true``/``false`` are accepted too); for a ``multi``
    question the test passes when (one of) the given options was chosen.
  * ``at_least`` / ``below``: the numeric value (scale or number) is ``>=`` / ``<``.
  * ``score_below``: the question's normalised score (0..1) is below the limit.
- ``dimension`` -- the dimension score (0-100) is ``at_least`` / ``below`` the limit; a
  dimension with no score (nothing in it answered) satisfies neither.
- ``stage`` -- the community is at one of the listed stages.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from commkit.core.per_object import PerObject

if TYPE_CHECKING:
    from commkit.core.plain import AnyCondition, PlainAnswer
    from commkit.model.answers import Answer
    from commkit.model.common import AnswerValue
    from commkit.model.condition import Scalar

__all__ = [
    "TESTS",
    "ConditionTest",
    "compile_condition",
    "condition_test",
    "describe",
    "holds",
    "normalise_value",
    "value_test",
]


def normalise_value(value: AnswerValue | Scalar | None) -> AnswerValue | Scalar | None:
    """Booleans become ``"yes"``/``"no"`` so that yes/no answers compare one way."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str) and value.strip().lower() in ("yes", "no"):
        return value.strip().lower()
    return value


def _number(value: AnswerValue | None) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def holds(
    cond: AnyCondition,
    *,
    answers: Mapping[str, Answer | PlainAnswer],
    question_scores: Mapping[str, float | None],
    dimension_scores: Mapping[str, float | None],
    stage: str | None,
) -> bool:
    """Whether ``cond`` holds for these answers, scores and stage (pure, never raises)."""
    return condition_test(cond)(answers, question_scores, dimension_scores, stage)


TESTS = ("equals", "any_of", "at_least", "below", "score_below")
"""The value tests a condition may make, in the order they are read (one is set)."""


def value_test(cond: AnyCondition) -> tuple[str, Any] | None:
    """The test a condition makes on its question or dimension: ``(name, value)`` from
    :data:`TESTS`, or ``None`` (a stage condition, or a bare reference)."""
    for test in TESTS:
        value = getattr(cond, test)
        if value is not None:
            return test, value
    return None


def describe(cond: AnyCondition) -> str:
    """A short, language-neutral text of a condition, e.g. ``purpose.common-goal ≥ 3``."""
    if cond.stage is not None:
        return f"stage in [{', '.join(cond.stage)}]"
    name = cond.question if cond.question is not None else cond.dimension
    found = value_test(cond)
    if found is None:
        return str(name)
    test, value = found
    if test == "equals":
        return f"{name} = {normalise_value(value)}"
    if test == "any_of":
        return f"{name} in [{', '.join(str(normalise_value(v)) for v in value)}]"
    bound = f"< {value:g}" if test != "at_least" else f"≥ {value:g}"
    return f"score of {name} {bound}" if test == "score_below" else f"{name} {bound}"


_MAX_KNOWN = 1024
"""At most this many text answers are remembered per condition (a bound on memory)."""


def compile_condition(cond: AnyCondition) -> Callable[..., bool]:
    """``cond`` as a function ``(answers, question_scores, dimension_scores, stage) -> bool``
    (the rules are in the module's docstring). Use :func:`condition_test`, which compiles each
    condition once."""
    if cond.stage is not None:
        stages = cond.stage
        return lambda answers, qs, ds, stage: stage is not None and stage in stages
    if cond.dimension is not None:
        dim = cond.dimension
        if cond.at_least is not None:
            at_least = cond.at_least

            def dim_at_least(
                answers: Any, qs: Any, ds: Mapping[str, float | None], st: Any
            ) -> bool:
                value = ds.get(dim)
                return value is not None and value >= at_least

            return dim_at_least
        if cond.below is not None:
            below = cond.below

            def dim_below(answers: Any, qs: Any, ds: Mapping[str, float | None], st: Any) -> bool:
                value = ds.get(dim)
                return value is not None and value < below

            return dim_below
        return lambda answers, qs, ds, stage: False
    if cond.question is None:  # pragma: no cover - the model forbids it
        return lambda answers, qs, ds, stage: False
    qid = cond.question
    if cond.score_below is not None:
        limit = cond.score_below

        def score_below(
            answers: Mapping[str, Answer | PlainAnswer],
            qs: Mapping[str, float | None],
            ds: Any,
            st: Any,
        ) -> bool:
            answer = answers.get(qid)
            if answer is None or answer.status != "answered" or answer.value is None:
                return False
            q_score = qs.get(qid)
            return q_score is not None and q_score < limit

        return score_below
    if cond.equals is not None or cond.any_of is not None:
        wanted: list[Scalar] = [cond.equals] if cond.equals is not None else list(cond.any_of or [])
        wanted_str = [str(w) for w in wanted]
        # numbers compare as numbers, anything else as text; the wanted side normalised once
        wanted_norm = [
            (right, isinstance(right, int | float), str(right))
            for right in (normalise_value(w) for w in wanted)
        ]

        def equal(value: AnswerValue) -> bool:
            if isinstance(value, list):
                chosen = {str(v) for v in value}
                return any(w in chosen for w in wanted_str)
            left = normalise_value(value)
            if left is None:  # pragma: no cover - an answered value is never None
                return False
            left_number = isinstance(left, int | float)
            left_str = str(left)
            for right, right_number, right_str in wanted_norm:
                if left_number and right_number:
                    assert isinstance(left, int | float) and isinstance(right, int | float)
                    if float(left) == float(right):
                        return True
                elif left_str == right_str:
                    return True
            return False

        known: dict[str, bool] = {}  # text answers are a few words: each compared once

        def matches(answers: Mapping[str, Answer | PlainAnswer], qs: Any, ds: Any, st: Any) -> bool:
            answer = answers.get(qid)
            if answer is None or answer.status != "answered":
                return False
            value = answer.value
            if value is None:
                return False
            if type(value) is not str:
                return equal(value)
            found = known.get(value)
            if found is None:
                found = equal(value)
                if len(known) < _MAX_KNOWN:
                    known[value] = found
            return found

        return matches
    at_least_q, below_q = cond.at_least, cond.below

    def numeric(answers: Mapping[str, Answer | PlainAnswer], qs: Any, ds: Any, st: Any) -> bool:
        answer = answers.get(qid)
        if answer is None or answer.status != "answered" or answer.value is None:
            return False
        number = _number(answer.value)
        if number is None:
            return False
        if at_least_q is not None:
            return number >= at_least_q
        if below_q is not None:
            return number < below_q
        return False

    return numeric


ConditionTest = Callable[
    [
        Mapping[str, "Answer | PlainAnswer"],
        Mapping[str, float | None],
        Mapping[str, float | None],
        str | None,
    ],
    bool,
]

_TESTS: PerObject[AnyCondition, ConditionTest] = PerObject()


def condition_test(cond: AnyCondition) -> ConditionTest:
    """:func:`compile_condition` of ``cond``, compiled once per condition object (the
    content pack is loaded once and its conditions are evaluated for every answers file)."""
    test = _TESTS.get(cond)
    return test if test is not None else _TESTS.put(cond, compile_condition(cond))

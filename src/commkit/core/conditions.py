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

from collections.abc import Mapping

from commkit.model.answers import Answer, AnswerValue
from commkit.model.condition import Condition, Scalar

__all__ = ["describe", "holds", "normalise_value"]


def normalise_value(value: AnswerValue | Scalar | None) -> AnswerValue | Scalar | None:
    """Booleans become ``"yes"``/``"no"`` so that yes/no answers compare one way."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str) and value.strip().lower() in ("yes", "no"):
        return value.strip().lower()
    return value


def _same(a: AnswerValue | Scalar | None, b: Scalar) -> bool:
    left, right = normalise_value(a), normalise_value(b)
    if isinstance(left, int | float) and isinstance(right, int | float):
        return float(left) == float(right)
    return str(left) == str(right) if left is not None else False


def _number(value: AnswerValue | None) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def holds(
    cond: Condition,
    *,
    answers: Mapping[str, Answer],
    question_scores: Mapping[str, float | None],
    dimension_scores: Mapping[str, float | None],
    stage: str | None,
) -> bool:
    """Whether ``cond`` holds for these answers, scores and stage (pure, never raises)."""
    if cond.stage is not None:
        return stage is not None and stage in cond.stage
    if cond.dimension is not None:
        value = dimension_scores.get(cond.dimension)
        if value is None:
            return False
        if cond.at_least is not None:
            return value >= cond.at_least
        if cond.below is not None:
            return value < cond.below
        return False
    if cond.question is None:  # pragma: no cover - the model forbids it
        return False
    answer = answers.get(cond.question)
    if answer is None or answer.status != "answered" or answer.value is None:
        return False
    if cond.score_below is not None:
        qs = question_scores.get(cond.question)
        return qs is not None and qs < cond.score_below
    wanted: list[Scalar] | None = None
    if cond.equals is not None:
        wanted = [cond.equals]
    elif cond.any_of is not None:
        wanted = list(cond.any_of)
    if wanted is not None:
        if isinstance(answer.value, list):
            chosen = {str(v) for v in answer.value}
            return any(str(w) in chosen for w in wanted)
        return any(_same(answer.value, w) for w in wanted)
    number = _number(answer.value)
    if number is None:
        return False
    if cond.at_least is not None:
        return number >= cond.at_least
    if cond.below is not None:
        return number < cond.below
    return False


def describe(cond: Condition) -> str:
    """A short, language-neutral text of a condition, e.g. ``purpose.common-goal ≥ 3``."""
    if cond.stage is not None:
        return f"stage in [{', '.join(cond.stage)}]"
    name = cond.question if cond.question is not None else cond.dimension
    if cond.equals is not None:
        return f"{name} = {normalise_value(cond.equals)}"
    if cond.any_of is not None:
        return f"{name} in [{', '.join(str(normalise_value(v)) for v in cond.any_of)}]"
    if cond.at_least is not None:
        return f"{name} ≥ {cond.at_least:g}"
    if cond.below is not None:
        return f"{name} < {cond.below:g}"
    if cond.score_below is not None:
        return f"score of {name} < {cond.score_below:g}"
    return str(name)

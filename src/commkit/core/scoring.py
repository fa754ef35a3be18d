"""Scoring a self-identification checklist: pure functions, same answers -> same result.

Rules
=====

Per question, a *normalised* score in 0..1 (only for questions that were asked and answered
with a value that fits the question):

- ``yes_no``: yes = 1, no = 0; flipped when ``yes_is_good: false``.
- ``scale``: linear from ``min`` (0) to ``max`` (1).
- ``number``: the score of the highest band whose ``min`` <= the value (0 below every band).
- ``choice``: the chosen option's ``score``.
- ``multi``: ``min(1, sum of the chosen options' scores)``.
- ``text``: never scored (weight 0).

A ``number`` question with ``period_months`` counts over the last N months. For a community
younger than that (its ``founded`` date, set when it is ``new``, before the assessment date)
the count is scaled to the full period before banding: 10 events in the first 3 months count
as 40 a year. The age used is at least ``MIN_AGE_MONTHS``, so that a week-old community is not
extrapolated from one event; the answers themselves are never changed.

"Don't know", "not applicable", unanswered questions and conditional questions whose
``when`` does not hold (not asked) leave the score: they count neither for nor against.
A question whose ``when`` does not hold is not asked even if the answers file answers it.

Dimension score = weighted mean of its scored questions' normalised scores (question
``weight``) x 100, or ``None`` when nothing in it was scored. Overall = weighted mean of the
dimension scores that are not ``None`` (dimension ``weight``); 0 when nothing was scored.
Scores are rounded to one decimal (after removing floating-point noise) and every later
rule (stages, gaps, triggers) works on the rounded numbers, so the report and the rules agree.

Stage: walk the stages in order; the first one is always reached; each next one is reached
when overall >= its ``min_score`` and all its ``requires`` conditions hold; the walk stops at
the first stage that is not reached. ``next_stage`` is the stage after the one reached.

Target = the next stage's ``min_score`` (75 at the top stage). Gaps = dimensions below the
target, largest gap first (ties in checklist order). Strengths = dimensions at or above both
the target and ``STRENGTH_FLOOR`` (60): early on the target is low, and a dimension at 36 is
not a strength just because the next stage asks for 35.

Recommendations, in checklist order, for answered questions:

- ``choice``: the chosen option's recommendation; if it has none and the option is not the
  best one, the question's recommendation.
- ``multi``: the recommendations of the options *not* chosen; if none of those has one and
  the score is below 1, the question's recommendation.
- ``scale``, ``yes_no``, ``number``: the question's recommendation when the score is below 1.

Held back by: the gates of the next stage that do not hold (whatever the score).

Open questions: the questions (asked) answered "don't know". Roadmap actions (in
:func:`assess`): every action marked ``always`` or with at least one trigger that holds.
"""

from __future__ import annotations

import datetime as dt
import math
import operator
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, NamedTuple, TypedDict, overload

from commkit.core.conditions import ConditionTest, condition_test, describe, normalise_value
from commkit.core.per_object import PerObject
from commkit.core.plain import (
    PlainAnswer,
    PlainChecklist,
    PlainDimensionResult,
    PlainRecommendation,
    PlainResult,
    recommendation_model,
    result_model,
)
from commkit.core.values import answer_rules, value_problem
from commkit.errors import Diagnostic, format_path
from commkit.i18n import plural
from commkit.i18n.text_pick import tr

if TYPE_CHECKING:
    from commkit.core.plain import (
        AnyAnswers,
        AnyChecklist,
        AnyCondition,
        AnyQuestion,
        PlainAction,
        PlainQuestion,
    )
    from commkit.model.answers import (
        Answer,
        Answers,
        AnswerValue,
        Assessment,
        AssessmentResult,
        Recommendation,
    )
    from commkit.model.checklist import Checklist, Question
    from commkit.model.loader import Document
    from commkit.model.pack import ContentPack
    from commkit.model.roadmap import Action

__all__ = [
    "STRENGTH_FLOOR",
    "TOP_STAGE_TARGET",
    "Breakdown",
    "ScoringOptions",
    "asked_questions",
    "assess",
    "assessment_breakdown",
    "breakdown",
    "check_answers",
    "checklist_for",
    "checklist_for_ref",
    "checklist_hash",
    "fired_action_ids",
    "fired_actions",
    "months_active",
    "question_score",
    "score",
    "score_plain",
    "value_problem",
]

MIN_AGE_MONTHS = 3.0
"""A count is never scaled up by more than its period over three months."""
TOP_STAGE_TARGET = 75.0
"""At the top stage there is no next threshold: dimensions at or above this are strengths."""
STRENGTH_FLOOR = 60.0
"""No dimension below this is called a strength, whatever the next stage asks for."""


def _clean(x: float) -> float:
    """Round to one decimal, first removing floating-point noise (so 62.25 stays 62.2).

    Remembered: ``round`` to decimals is slow, and the same few hundred sums come back."""
    cleaned = _CLEANED.get(x)
    if cleaned is None:
        cleaned = round(round(x, 9), 1) + 0.0
        if len(_CLEANED) < _MAX_CLEANED:
            _CLEANED[x] = cleaned
    return cleaned


_CLEANED: dict[float, float] = {}
_MAX_CLEANED = 65536
"""At most this many numbers are remembered rounded (a bound on memory)."""


# ---------------------------------------------------------------- one question


_NUMBER = (int, float)
"""The types of a number answer (but not ``bool``, a subclass of ``int``)."""

_INVALID: Any = object()
"""What a scorer returns for a value that does not fit the question (see :func:`value_problem`)."""
_UNSCORED: Any = object()
"""What a scorer returns for a fitting ``text`` answer (counted as answered, never scored)."""


def _scorer(q: AnyQuestion) -> Callable[[Any], Any]:
    """The scoring rule of one question as a function ``value -> normalised score``, or
    ``_INVALID`` / ``_UNSCORED``; made once per question when a checklist is compiled."""
    qtype = q.type
    if qtype == "yes_no":
        yes_score, no_score = (1.0, 0.0) if q.yes_is_good else (0.0, 1.0)

        exact = {"yes": yes_score, "no": no_score}

        def yes_no(value: Any) -> Any:
            if value is True:
                return yes_score
            if value is False:
                return no_score
            if value.__class__ is str and value in exact:
                return exact[value]
            if isinstance(value, str):
                word = value.strip().lower()
                if word == "yes":
                    return yes_score
                if word == "no":
                    return no_score
            return _INVALID

        return yes_no
    if qtype == "scale":
        lo, hi = q.scale_spec.min, q.scale_spec.max

        def scale(value: Any) -> Any:
            if isinstance(value, bool) or not isinstance(value, _NUMBER):
                return _INVALID
            if not lo <= value <= hi or value != int(value):
                return _INVALID
            return (float(value) - lo) / (hi - lo)

        return scale
    if qtype == "number":
        assert q.number is not None
        integer, least, most = q.number.integer, q.number.min, q.number.max
        bands = [(band.min, band.score) for band in q.number.bands]

        def number(value: Any) -> Any:
            if isinstance(value, bool) or not isinstance(value, _NUMBER):
                return _INVALID
            if not math.isfinite(value) or value < least:
                return _INVALID
            if (integer and value != int(value)) or (most is not None and value > most):
                return _INVALID
            result = 0.0
            for band_min, band_score in bands:
                if band_min <= value:
                    result = band_score
            return result

        return number
    if qtype == "text":
        return lambda value: _UNSCORED if isinstance(value, str | dict) else _INVALID
    scores = {o.id: o.score for o in q.options}
    if qtype == "choice":
        return lambda value: (
            scores[value] if isinstance(value, str) and value in scores else _INVALID
        )

    options = frozenset(scores)
    alone = frozenset(o.id for o in q.options if o.exclusive)  # "none of these": ticked alone

    def multi(value: Any) -> Any:
        if not isinstance(value, list):
            return _INVALID
        chosen = set(value)
        if len(chosen) != len(value) or not chosen <= options:
            return _INVALID
        if len(value) > 1 and not alone.isdisjoint(chosen):
            return _INVALID
        return min(1.0, math.fsum([scores[v] for v in value]))

    return multi


def question_score(q: AnyQuestion, answer: Answer | PlainAnswer | None) -> float | None:
    """The normalised 0..1 score of one answer, or ``None`` when it does not count."""
    if answer is None or answer.status != "answered" or answer.value is None:
        return None
    normalised = _scorer(q)(answer.value)
    return None if normalised is _INVALID or normalised is _UNSCORED else float(normalised)


def _recommendations(q: AnyQuestion, value: AnswerValue, normalised: float, lang: str) -> list[str]:
    texts: list[str] = []
    if q.type == "choice":
        chosen = next(o for o in q.options if o.id == value)
        best = max(o.score for o in q.options)
        if chosen.recommendation is not None:
            texts.append(tr(chosen.recommendation, lang))
        elif chosen.score < best and q.recommendation is not None:
            texts.append(tr(q.recommendation, lang))
    elif q.type == "multi":
        chosen_ids = set(value) if isinstance(value, list) else set()
        texts = [
            tr(o.recommendation, lang)
            for o in q.options
            if o.id not in chosen_ids and o.recommendation is not None
        ]
        if not texts and normalised < 1 and q.recommendation is not None:
            texts.append(tr(q.recommendation, lang))
    elif normalised < 1 and q.recommendation is not None:
        texts.append(tr(q.recommendation, lang))
    return texts


# ---------------------------------------------------------------- young communities


def months_active(founded: str | None, on: dt.date | None) -> float | None:
    """Months between a (partial) founding date and ``on``; ``None`` when either is unknown.

    A year alone means its first of July, a month alone its 15th (the middle: the article
    often says only "summer 2020").
    """
    if founded is None or on is None:
        return None
    parts = [int(p) for p in founded.split("-")]
    year, month, day = parts[0], 7, 1
    if len(parts) >= 2:
        month, day = parts[1], 15
    if len(parts) == 3:
        day = parts[2]
    try:
        start = dt.date(year, month, day)
    except ValueError:
        return None
    return max(0.0, (on - start).days / (365.25 / 12))


def scaled_answers(
    checklist: AnyChecklist, answers: Mapping[str, Answer | PlainAnswer], months: float | None
) -> Mapping[str, Answer | PlainAnswer]:
    """``answers`` with period counts scaled for a community younger than the period."""
    if months is None:
        return answers
    out: dict[str, Answer | PlainAnswer] | None = None
    for q in checklist.questions:
        spec = q.number
        if spec is None or spec.period_months is None or months >= spec.period_months:
            continue
        answer = answers.get(q.id)
        if answer is None or answer.status != "answered" or value_problem(q, answer.value):
            continue
        assert isinstance(answer.value, int | float)
        factor = spec.period_months / max(months, MIN_AGE_MONTHS)
        if factor <= 1:
            continue
        if out is None:
            out = dict(answers)
        value = float(answer.value) * factor
        if spec.max is not None:
            value = min(value, spec.max)
        out[q.id] = PlainAnswer("answered", value, answer.note)
    return answers if out is None else out


# ---------------------------------------------------------------- the checklist, compiled


_ANSWERED, _DONT_KNOW, _NOT_APPLICABLE, _UNANSWERED = range(4)
"""The counts kept per dimension, in this order (a value that does not fit is unanswered)."""

_MAX_OUTCOMES = 4096
"""At most this many answer values are remembered per question (a bound on memory)."""

_MAX_SHARED = 4096
"""At most this many results (and sums of weights) are kept per dimension (a bound on
memory)."""

_HOLDS_NONE: frozenset[int] = frozenset()


class _Outcome:
    """How one answer to one question counts, worked out once per question and answer
    value, then shared by every assessment that gives that answer."""

    __slots__ = (
        "adds",
        "adds_weight",
        "code",
        "counts",
        "has_answer",
        "holds",
        "kind",
        "normalised",
        "recommends",
        "status",
        "step",
        "texts",
        "value",
    )

    def __init__(
        self,
        step: _Step,
        status: str,
        kind: int | None,
        normalised: float | None = None,
        value: Any = None,
    ) -> None:
        self.step = step
        self.status = status
        """answered, dont_know, not_applicable, unanswered, not_asked, invalid or unscored."""
        self.kind = kind
        """Which of its dimension's counts it adds one to (``None``: none, not asked)."""
        self.normalised = normalised
        adds = normalised is not None and step.weight > 0
        self.adds = step.weight * (normalised or 0.0) if adds else 0.0
        """What it adds to its dimension's weighted sum (a scored question of weight > 0)."""
        self.adds_weight = step.weight if adds else 0.0
        """What it adds to its dimension's sum of weights."""
        self.code = (step.units[kind] if kind is not None else 0) + (step.scored_bit if adds else 0)
        """What it adds to its dimension's code: one to the count of its kind, and its
        question's bit when it is scored (see :class:`_Dimension`)."""
        self.counts = status in ("answered", "unscored", "dont_know", "not_applicable")
        """Whether stage gates see the answer."""
        self.has_answer = status not in ("unanswered", "not_asked")
        self.value = value
        """The value it was worked out for (for the texts of its recommendations)."""
        self.holds = (
            step.holding(value, normalised, self.counts)
            if step.watchers and status in ("answered", "unscored", "invalid")
            else _HOLDS_NONE
        )
        """The conditions on its question that this answer makes hold (see :class:`_Plan`):
        a condition on a question holds only for an answered value."""
        self.texts: dict[str, tuple[PlainRecommendation, ...]] = {}
        self.recommends = normalised is not None and bool(
            _recommendations(step.question, value, normalised, "en")
        )
        """Whether it calls for recommendations (in any language: the texts of one come
        in every language)."""

    def recommendations(self, lang: str) -> tuple[PlainRecommendation, ...]:
        """The recommendations this answer calls for, made once per language."""
        made = self.texts.get(lang)
        if made is None:
            step, normalised = self.step, self.normalised
            assert normalised is not None  # only a scored answer calls for recommendations
            made = self.texts[lang] = step.recommendations(
                tuple(_recommendations(step.question, self.value, normalised, lang))
            )
        return made


def _read(answer: Answer | PlainAnswer) -> tuple[str, Any]:
    """An answer's status and value. A pydantic ``Answer`` is read from its ``__dict__``,
    where pydantic keeps its fields' values: quicker than through the model's attributes,
    which pydantic's ``__getattr__`` keeps CPython from specialising."""
    if type(answer) is PlainAnswer:
        return answer.status, answer.value
    fields = answer.__dict__
    return fields["status"], fields["value"]


def _answer_key(value: Any) -> Hashable:
    """How an answer value is looked up: a text or a whole number is its own key, any other
    value goes with its type (``1``, ``1.0`` and ``True`` are different answers)."""
    kind = type(value)
    if kind is str or kind is int:
        return value  # type: ignore[no-any-return]
    if kind is bool:
        return _TRUE_KEY if value else _FALSE_KEY
    if kind is list:
        return (list, *value)
    return (kind, value)


_TRUE_KEY = (bool, True)
_FALSE_KEY = (bool, False)
"""The keys of ``true`` and ``false``: always these two objects, so that a look-up finds its
key by identity, without comparing tuples."""


class _Step:
    """One question as the engine walks it: its rule, where it counts, and the outcome of
    each answer value met so far."""

    __slots__ = (
        "by_score",
        "by_status",
        "dimension",
        "id",
        "invalid",
        "not_asked",
        "outcomes",
        "question",
        "recommended",
        "rule",
        "scored_bit",
        "unanswered",
        "units",
        "unscored",
        "watchers",
        "weight",
        "when",
    )

    def __init__(
        self,
        q: AnyQuestion,
        when: int | None,
        watchers: list[tuple[int, ConditionTest, bool]],
        units: tuple[int, int, int, int] = (1, 1 << 8, 1 << 16, 1 << 24),
        scored_bit: int = 1 << 32,
    ) -> None:
        self.question = q
        self.id = q.id
        self.dimension = q.dimension
        self.weight = q.weight
        self.when = when
        """The number of its ``when`` condition (asked when it is among those that hold)."""
        self.rule = _scorer(q)
        self.units = units
        """What an outcome of each kind adds to its dimension's code (see :class:`_Dimension`)."""
        self.scored_bit = scored_bit
        """What a scored outcome adds to it besides (this question's own bit)."""
        self.watchers = watchers
        """The conditions that look at this question's answer: (number, test, whether it
        is a stage gate, which sees only an answer that counts)."""
        self.outcomes: dict[Hashable, _Outcome] = {}
        """Answered values (by :func:`_answer_key`) -> outcome."""
        self.recommended: dict[tuple[str, ...], tuple[PlainRecommendation, ...]] = {}
        """Its recommendations by their texts (a few per question and language)."""
        self.not_asked = _Outcome(self, "not_asked", None)
        self.unanswered = _Outcome(self, "unanswered", _UNANSWERED)
        self.invalid = _Outcome(self, "invalid", _UNANSWERED)
        self.unscored = _Outcome(self, "unscored", _ANSWERED)
        self.by_score: dict[tuple[float, float], _Outcome] | None = (
            None if q.type in ("choice", "multi") or watchers else {}
        )
        """Outcomes by normalised score, where the score alone decides how an answer
        counts and what it recommends (yes/no, scale, number: all the counts in one band
        are one outcome); ``None`` for a choice or a tick list, and for a question that
        conditions look at (they may tell apart values of one score, even invalid ones)."""
        self.by_status = {
            "dont_know": _Outcome(self, "dont_know", _DONT_KNOW),
            "not_applicable": _Outcome(self, "not_applicable", _NOT_APPLICABLE),
        }

    def recommendations(self, texts: tuple[str, ...]) -> tuple[PlainRecommendation, ...]:
        """Its recommendations with these texts, made once and shared by its outcomes (all
        the counts of a number question below its best band call for the same one)."""
        made = self.recommended.get(texts)
        if made is None:
            made = self.recommended[texts] = tuple(
                PlainRecommendation(self.id, self.dimension, text) for text in texts
            )
        return made

    def holding(self, value: Any, normalised: float | None, counts: bool) -> frozenset[int]:
        """The numbers of the conditions on this question that hold for an answered
        ``value`` (a stage gate only when the answer ``counts``)."""
        answers = {self.id: PlainAnswer("answered", value)}
        scores = {self.id: normalised}
        return frozenset(
            number
            for number, test, gate in self.watchers
            if (counts or not gate) and test(answers, scores, _NO_DIMENSIONS, None)
        )

    def outcome(self, answer: Answer | PlainAnswer) -> _Outcome:
        """The outcome of ``answer`` (the walk in :func:`breakdown` does the same, inline)."""
        status, value = _read(answer)
        if status == "answered":
            return self.answered(value)
        return self.by_status.get(status, self.invalid)

    def answered(self, value: Any) -> _Outcome:
        """The outcome of an answered ``value`` (remembered, except for floats, which
        ``-0.0 == 0.0`` and NaN make poor keys, and unhashable values)."""
        try:
            key = _answer_key(value)
            return self.outcomes[key]
        except KeyError:
            pass
        except TypeError:
            return self._outcome(value)
        made = self._outcome(value)
        if type(value) is not float and len(self.outcomes) < _MAX_OUTCOMES:
            self.outcomes[key] = made
        return made

    def _outcome(self, value: Any) -> _Outcome:
        scored = _INVALID if value is None else self.rule(value)
        if self.watchers:  # what conditions make of the value: one outcome per value
            if scored is _INVALID:
                return _Outcome(self, "invalid", _UNANSWERED, value=value)
            if scored is _UNSCORED:
                return _Outcome(self, "unscored", _ANSWERED, value=value)
            return _Outcome(self, "answered", _ANSWERED, scored, value)
        if scored is _INVALID:
            return self.invalid
        if scored is _UNSCORED:
            return self.unscored
        if self.by_score is None:  # a choice or tick list: its texts depend on the value
            return _Outcome(self, "answered", _ANSWERED, scored, value)
        key = (scored, math.copysign(1.0, scored))  # -0.0 (a scale from -0.0) stays apart
        made = self.by_score.get(key)
        if made is None:
            made = _Outcome(self, "answered", _ANSWERED, scored, value)
            if len(self.by_score) < _MAX_OUTCOMES:
                self.by_score[key] = made
        return made


class _Shape:
    """What a dimension's code decides (see :class:`_Dimension`): the sum of the weights of
    its scored questions and its counts."""

    __slots__ = ("counts", "weight_sum")

    def __init__(self, weight_sum: float, counts: tuple[int, int, int, int]) -> None:
        self.weight_sum = weight_sum
        self.counts = counts
        """answered, dont_know, not_applicable, unanswered."""


_Summed = tuple[float | None, PlainDimensionResult, tuple[str, float, float | None, float, float]]
"""A dimension's score, result and row of :attr:`Breakdown.dimension_rows`."""


class _Dimension:
    """One dimension as the engine sums it: its questions in checklist order, and what its
    *code* says. The walk adds up, per dimension, the codes of its questions' outcomes: an
    integer holding the four counts (answered, don't know, not applicable, unanswered) in
    fields of ``width`` bits and, above them, one bit per scored question. So one integer
    summed in the walk is the key of the counts and of the sum of the scored weights, with
    no second pass over the outcomes."""

    __slots__ = ("id", "results", "shapes", "steps", "sums", "weight", "width")

    def __init__(self, did: str, weight: float, questions: int) -> None:
        self.id = did
        self.weight = weight
        self.width = max(1, questions.bit_length())
        """Bits per count: room for every question of the dimension (and no more, so that
        a code is a small integer, quick to add)."""
        self.steps: list[_Step] = []
        self.shapes: dict[int, _Shape] = {}
        """Its shapes by code (a few different ones)."""
        self.results: dict[tuple[float | None, tuple[int, ...]], PlainDimensionResult] = {}
        """Its results by score and counts (immutable, shared by the results of
        assessments: scores are rounded and counts small, so they repeat)."""
        self.sums: dict[tuple[int, float], _Summed] = {}
        """What a code and a weighted sum make (a few hundred sums come back)."""

    def units(self) -> tuple[int, int, int, int]:
        """What one outcome of each kind adds to the code."""
        return (1, 1 << self.width, 1 << 2 * self.width, 1 << 3 * self.width)

    def scored_bit(self, place: int) -> int:
        """What the scored outcome of its ``place``-th question adds to the code besides."""
        return 1 << (4 * self.width + place)

    def shape(self, code: int) -> _Shape:
        """The shape of a code, made once per code."""
        width = self.width
        mask = (1 << width) - 1
        scored = code >> 4 * width
        made = _Shape(
            math.fsum([step.weight for i, step in enumerate(self.steps) if scored >> i & 1]),
            (code & mask, code >> width & mask, code >> 2 * width & mask, code >> 3 * width & mask),
        )
        if len(self.shapes) < _MAX_SHARED:
            self.shapes[code] = made
        return made

    def summed(self, code: int, total: float) -> _Summed:
        """Its score (``None``: nothing scored), result and row for a code and the weighted
        sum of its scores (all three immutable, shared by the assessments that come to
        them)."""
        shape = self.shapes.get(code) or self.shape(code)
        weight_sum = shape.weight_sum
        score = _clean(100.0 * total / weight_sum) if weight_sum > 0 else None
        key = (score, shape.counts)
        made = (
            score,
            self.results.get(key) or self.result(key),
            (self.id, self.weight, score, total, weight_sum),
        )
        if len(self.sums) < _MAX_SHARED:
            self.sums[code, total] = made
        return made

    def result(self, key: tuple[float | None, tuple[int, int, int, int]]) -> PlainDimensionResult:
        """Its result for a score and counts, made once."""
        score, counts = key
        made = PlainDimensionResult(self.id, score, *counts)
        if len(self.results) < _MAX_SHARED:
            self.results[key] = made
        return made


class _Plan:
    """A checklist in the engine's plain terms, made once per checklist object."""

    __slots__ = ("dimensions", "hash", "places", "runs", "stages", "steps")

    def __init__(self, checklist: AnyChecklist) -> None:
        # every ``when`` and stage gate gets a number; one on a question is worked out with
        # that question's outcome (per answer value), and the walk keeps the numbers of
        # those that hold; a ``when`` on anything else never holds (nothing is scored yet)
        watchers: dict[str, list[tuple[int, ConditionTest, bool]]] = {}
        numbers = iter(range(1_000_000))

        def number(cond: AnyCondition, gate: bool) -> int | None:
            n = next(numbers)
            if cond.question is not None:
                watchers.setdefault(cond.question, []).append((n, condition_test(cond), gate))
                return n
            return None if gate else n

        questions: Sequence[AnyQuestion] = checklist.questions
        whens = [number(q.when, False) if q.when is not None else None for q in questions]
        self.stages = [
            (
                s.id,
                s.min_score,
                [(number(c, True), condition_test(c), c, describe(c)) for c in s.requires],
            )
            for s in checklist.stages
        ]
        """Each stage's id, ``min_score`` and ``requires``: (the number of a gate on a
        question, else ``None``; test, condition, :func:`describe` text)."""
        sizes: dict[str, int] = {}
        for q in questions:
            sizes[q.dimension] = sizes.get(q.dimension, 0) + 1
        self.dimensions = [
            _Dimension(d.id, d.weight, sizes.get(d.id, 0)) for d in checklist.dimensions
        ]
        """The checklist's dimensions, in its order."""
        first = {d.id: i for i, d in reversed(list(enumerate(self.dimensions)))}
        groups = [*self.dimensions, _Dimension("", 0.0, len(questions))]  # and of none
        self.steps: list[_Step] = []
        self.runs: list[tuple[int, list[_Step]]] = []
        """What the walk goes through, in checklist order: each run of questions of one
        dimension, with the dimension's place in :attr:`dimensions` (the place after the
        last for the questions of no dimension). One run per dimension when the checklist
        lists its questions dimension by dimension, as it usually does."""
        for q, when in zip(questions, whens, strict=True):
            place = first.get(q.dimension, len(self.dimensions))
            group = groups[place]
            step = _Step(
                q, when, watchers.get(q.id, []), group.units(), group.scored_bit(len(group.steps))
            )
            group.steps.append(step)
            self.steps.append(step)
            if not self.runs or self.runs[-1][0] != place:
                self.runs.append((place, []))
            self.runs[-1][1].append(step)
        places = {step.id: i for i, step in enumerate(self.steps)}
        self.places = places if len(places) == len(self.steps) else None
        """Where each question is in :attr:`steps` (``None``: an id comes twice)."""
        self.hash: str | None = None


_COMPILED: PerObject[AnyChecklist, _Plan] = PerObject()


def _compile(checklist: AnyChecklist) -> _Plan:
    """The checklist's scoring plan, made once per checklist object (content models are not
    changed once loaded; a changed copy is another object, with its own plan)."""
    plan = _COMPILED.get(checklist)
    return plan if plan is not None else _COMPILED.put(checklist, _Plan(checklist))


def checklist_hash(checklist: AnyChecklist) -> str:
    """``content_hash(checklist)``, computed once per checklist object (a plain checklist's
    own ``content_hash`` when it carries one)."""
    plan = _compile(checklist)
    if plan.hash is None:
        if not isinstance(checklist, PlainChecklist):
            from commkit.model.pack import content_hash

            plan.hash = content_hash(checklist)
        elif checklist.content_hash is not None:
            plan.hash = checklist.content_hash
        else:
            from commkit.model.data_hash import data_hash

            plan.hash = data_hash(checklist.json_data)
    return plan.hash


# ---------------------------------------------------------------- the engine


class QuestionLine(NamedTuple):
    """How one question counted. ``status``: answered, dont_know, not_applicable,
    unanswered, not_asked, invalid (a value that does not fit) or unscored (text)."""

    question: str
    dimension: str
    status: str
    value: AnswerValue | None
    normalised: float | None
    weight: float


class DimensionLine(NamedTuple):
    id: str
    weight: float
    score: float | None
    weighted_sum: float
    weight_sum: float


class StageStep(NamedTuple):
    stage: str
    min_score: float
    reached: bool
    score_ok: bool
    failed_requires: list[str]
    """The ``requires`` conditions that do not hold (as :func:`describe` writes them)."""
    failed_conditions: list[AnyCondition]


@dataclass
class Breakdown:
    """Every number of an assessment and how it came about (for ``--explain`` and reports)."""

    outcomes: list[_Outcome]
    """How each question counted, in checklist order (shared objects: see :attr:`questions`)."""
    dimension_rows: list[tuple[str, float, float | None, float, float]]
    """The fields of :attr:`dimensions`, one plain tuple per dimension."""
    overall: float
    stage_steps: list[StageStep]
    target: float
    plain: PlainResult
    """The result as plain objects (:mod:`commkit.core.plain`)."""
    answers: Mapping[str, Answer | PlainAnswer] = field(default_factory=dict)
    """The answers as scored (counts scaled for a young community)."""
    lang: str = "en"
    dimension_scores: dict[str, float | None] = field(default_factory=dict)
    """Each dimension's score (``None``: nothing in it scored), in checklist order."""
    places: Mapping[str, int] | None = None
    """Where each question's outcome is in :attr:`outcomes` (by question id)."""

    @cached_property
    def result(self) -> AssessmentResult:
        """The result as a model (made on the first look: pydantic is imported then)."""
        return result_model(self.plain)

    @property
    def question_rows(self) -> list[tuple[str, str, str, AnswerValue | None, float | None, float]]:
        """The fields of :attr:`questions`, one plain tuple per question."""
        answers = self.answers
        return [
            (
                (step := o.step).id,
                step.dimension,
                o.status,
                answers[step.id].value if o.has_answer else None,
                o.normalised,
                step.weight,
            )
            for o in self.outcomes
        ]

    @cached_property
    def question_scores(self) -> dict[str, float | None]:
        """The normalised score of each asked question (``None``: not scored)."""
        return {o.step.id: o.normalised for o in self.outcomes if o.status != "not_asked"}

    @property
    def asked(self) -> list[str]:
        """The questions whose ``when`` held, in checklist order."""
        return [o.step.id for o in self.outcomes if o.status != "not_asked"]

    @property
    def dimensions(self) -> list[DimensionLine]:
        """How each dimension's score came about, in checklist order."""
        return [DimensionLine(*row) for row in self.dimension_rows]

    @property
    def questions(self) -> list[QuestionLine]:
        """How each question counted, in checklist order."""
        return [QuestionLine(*row) for row in self.question_rows]

    def recommendations(self, lang: str) -> list[Recommendation]:
        """The result's recommendations with their texts in ``lang``, as models."""
        return [recommendation_model(r) for r in self.plain_recommendations(lang)]

    def plain_recommendations(self, lang: str) -> list[PlainRecommendation]:
        """The result's recommendations with their texts in ``lang``."""
        if lang == self.lang:
            return self.plain.recommendations
        return [r for o in self.outcomes if o.recommends for r in o.recommendations(lang)]


_NO_DIMENSIONS: Mapping[str, float | None] = {}
_NO_ANSWERS: Mapping[str, Answer | PlainAnswer] = {}
"""What a gate on a dimension (or a stage) is given as answers: it never looks at them."""


@overload
def asked_questions(
    checklist: Checklist, answers: Mapping[str, Answer | PlainAnswer]
) -> list[Question]: ...
@overload
def asked_questions(
    checklist: PlainChecklist, answers: Mapping[str, Answer | PlainAnswer]
) -> list[PlainQuestion]: ...
def asked_questions(
    checklist: AnyChecklist, answers: Mapping[str, Answer | PlainAnswer]
) -> list[Question] | list[PlainQuestion]:
    """The questions whose ``when`` holds, in order (a ``when`` sees only earlier asked ones)."""
    asked: list[Any] = []
    held: set[int] = set()  # the conditions that hold (see :func:`breakdown`)
    for step in _compile(checklist).steps:
        if step.when is not None and step.when not in held:
            continue
        asked.append(step.question)
        answer = answers.get(step.id)
        if answer is not None and step.watchers:
            held.update(step.outcome(answer).holds)
    return asked


def breakdown(
    checklist: AnyChecklist,
    answers: Mapping[str, Answer | PlainAnswer],
    *,
    lang: str = "en",
    months: float | None = None,
) -> Breakdown:
    """Score ``answers`` and keep every intermediate number (``months``: the community's age).

    The one scoring engine: :func:`score` and :func:`assess` return its result. One walk
    over the checklist's plan, dimension by dimension: each question's answer is looked up
    in its table of outcomes (keyed by the value as read, worked out by the question's rule
    the first time a value comes), which says how it counts; each dimension's sums are
    added up in the same walk.
    """
    plan = _compile(checklist)
    answers = scaled_answers(checklist, answers, months)
    get = answers.get
    # ``outcomes.append(...)`` as written, not a bound ``append`` kept in a local: CPython
    # 3.11 specialises the written call (-3.2k instructions a call, 0.9 %, cachegrind)
    outcomes: list[_Outcome] = []
    recommendations: list[PlainRecommendation] = []
    open_questions: list[str] = []
    # the numbers of the ``when`` conditions and stage gates on the questions asked so far
    # that hold, as their outcomes say
    held: set[int] = set()
    # per dimension (and one more place for the questions of none): the sum of weight x
    # score of its scored questions, and its code (its counts and which questions are
    # scored, see _Dimension)
    totals = [0.0] * (len(plan.dimensions) + 1)
    codes = [0] * (len(plan.dimensions) + 1)
    for place, run in plan.runs:
        total = 0.0
        code = 0
        for step in run:
            when = step.when
            if when is not None and when not in held:
                outcomes.append(step.not_asked)
                continue
            answer = get(step.id)
            if answer is None:
                outcome = step.unanswered
            else:
                if type(answer) is PlainAnswer:
                    status = answer.status
                    value: Any = answer.value
                else:  # a model: see _read
                    fields = answer.__dict__
                    status = fields["status"]
                    value = fields["value"]
                if status == "answered":
                    kind = type(value)  # the key of the value, as _answer_key makes it
                    if kind is str or kind is int:
                        key: Any = value
                    elif kind is bool:
                        key = _TRUE_KEY if value else _FALSE_KEY
                    elif kind is list:
                        key = (list, *value)
                    else:
                        key = (kind, value)
                    try:
                        outcome = step.outcomes[key]
                    except (KeyError, TypeError):  # met for the first time, or unhashable
                        outcome = step.answered(value)
                    if outcome.recommends:
                        recommendations += outcome.texts.get(lang) or outcome.recommendations(lang)
                else:
                    outcome = step.by_status.get(status, step.invalid)
                    if outcome.kind == _DONT_KNOW:
                        open_questions.append(step.id)
                if outcome.holds:
                    held.update(outcome.holds)
            total += outcome.adds
            code += outcome.code
            outcomes.append(outcome)
        totals[place] += total
        codes[place] += code

    dimension_rows: list[tuple[str, float, float | None, float, float]] = []
    dimension_results: list[PlainDimensionResult] = []
    dim_scores: dict[str, float | None] = {}
    scored_weights: list[float] = []  # of the dimensions with a score
    weighted_scores: list[float] = []
    for dimension, total, code in zip(plan.dimensions, totals, codes, strict=False):
        dim_score, dim_result, row = dimension.sums.get((code, total)) or dimension.summed(
            code, total
        )
        dim_scores[dimension.id] = dim_score
        if dim_score is not None:
            scored_weights.append(dimension.weight)
            weighted_scores.append(dimension.weight * dim_score)
        dimension_rows.append(row)
        dimension_results.append(dim_result)
    total_weight = math.fsum(scored_weights)
    overall = _clean(math.fsum(weighted_scores) / total_weight) if total_weight > 0 else 0.0
    overall = min(100.0, max(0.0, overall))

    steps: list[StageStep] = []
    reached_index = 0
    stages = plan.stages
    for i, (stage_id, min_score, requires) in enumerate(stages):
        score_ok = i == 0 or overall >= min_score
        texts: list[str] = []
        conditions: list[AnyCondition] = []
        for gate, test, cond, text in requires:
            if gate is not None:  # a gate on a question: its answer's outcome said
                passed = gate in held
            else:
                passed = test(_NO_ANSWERS, _NO_DIMENSIONS, dim_scores, None)
            if not passed:
                texts.append(text)
                conditions.append(cond)
        reached = i == 0 or (score_ok and not texts)
        steps.append(StageStep(stage_id, min_score, reached, score_ok, texts, conditions))
        if not reached:
            break
        reached_index = i
    nxt = stages[reached_index + 1] if reached_index + 1 < len(stages) else None
    target = nxt[1] if nxt is not None else TOP_STAGE_TARGET
    held_back = steps[reached_index + 1].failed_requires if reached_index + 1 < len(steps) else []
    floor = max(target, STRENGTH_FLOOR)
    below = {d: s for d, s in dim_scores.items() if s is not None and s < target}
    # gaps: the largest first (the lowest score); a stable sort keeps ties in checklist order
    result = PlainResult(
        overall,
        stages[reached_index][0],
        nxt[0] if nxt is not None else None,
        dimension_results,
        [d for d, s in dim_scores.items() if s is not None and s >= floor],
        sorted(below, key=below.__getitem__),
        recommendations,
        [],
        open_questions,
        held_back,
    )
    return Breakdown(
        outcomes,
        dimension_rows,
        overall,
        steps,
        target,
        result,
        answers,
        lang,
        dim_scores,
        plan.places,
    )


class ScoringOptions(TypedDict, total=False):
    """The keywords of :func:`breakdown` that :func:`score` takes."""

    lang: str
    months: float | None


def score(
    checklist: AnyChecklist,
    answers: Mapping[str, Answer | PlainAnswer],
    *,
    lang: str = "en",
    months: float | None = None,
) -> AssessmentResult:
    """The scored result of ``answers`` as a model (``actions`` left empty: see
    :func:`assess`; :func:`score_plain` gives it without pydantic)."""
    # the breakdown and its plain result are dropped here: the model takes their lists
    return result_model(breakdown(checklist, answers, lang=lang, months=months).plain, copy=False)


def score_plain(
    checklist: AnyChecklist,
    answers: Mapping[str, Answer | PlainAnswer],
    *,
    lang: str = "en",
    months: float | None = None,
) -> PlainResult:
    """The scored result of ``answers`` as plain objects (``actions`` left empty)."""
    return breakdown(checklist, answers, lang=lang, months=months).plain


# ---------------------------------------------------------------- the whole assessment


def checklist_for(pack: ContentPack, answers: Answers) -> Checklist:
    """The checklist the answers were given to, or the pack's default one."""
    return checklist_for_ref(pack, answers.checklist.id)


def checklist_for_ref(pack: ContentPack, checklist_id: str) -> Checklist:
    """The pack's checklist with this id, or its default checklist."""
    return pack.checklists.get(checklist_id, pack.checklist)


def fired_actions(pack: ContentPack, info: Breakdown) -> list[str]:
    """Roadmap actions marked ``always`` or with a trigger that holds, in roadmap order."""
    return fired_action_ids(pack.roadmap.actions, info)


def fired_action_ids(actions: Sequence[Action | PlainAction], info: Breakdown) -> list[str]:
    """The ids of ``actions`` marked ``always`` or with a trigger that holds, in order."""
    firing = _firing(actions)
    dim_scores = info.dimension_scores
    stage = info.plain.stage
    answers = info.answers
    scores = _QuestionScores(info) if firing.needs_scores else _NO_DIMENSIONS
    fired: list[str] = []
    for action_id, tests in firing.actions:
        if tests is None:  # always
            fired.append(action_id)
            continue
        for test in tests:
            if test(answers, scores, dim_scores, stage):
                fired.append(action_id)
                break
    return fired


class _QuestionScores(Mapping[str, "float | None"]):
    """:attr:`Breakdown.question_scores` looked up one question at a time (a trigger on a
    question's score looks at one or two of them; making the whole table costs more)."""

    __slots__ = ("info",)

    def __init__(self, info: Breakdown) -> None:
        self.info = info

    def __getitem__(self, qid: str) -> float | None:
        info = self.info
        place = info.places.get(qid) if info.places is not None else None
        if place is None:
            return info.question_scores[qid]
        outcome = info.outcomes[place]
        if outcome.status == "not_asked":
            raise KeyError(qid)
        return outcome.normalised

    def __iter__(self) -> Iterator[str]:
        return iter(self.info.question_scores)

    def __len__(self) -> int:
        return len(self.info.question_scores)


class _Firing:
    """A roadmap's actions as :func:`fired_action_ids` walks them, made once per list."""

    __slots__ = ("actions", "needs_scores")

    def __init__(self, actions: Sequence[Action | PlainAction]) -> None:
        self.actions = [
            (a.id, None if a.always else tuple(condition_test(t) for t in a.triggers))
            for a in actions
        ]
        """Each action's id and its triggers' tests (``None``: marked ``always``)."""
        self.needs_scores = any(
            t.question is not None and t.score_below is not None
            for a in actions
            for t in a.triggers
        )
        """Whether a trigger looks at a question's score (the breakdown then lists them)."""


_FIRING: dict[int, tuple[Sequence[Any], tuple[Any, ...], _Firing]] = {}
_MAX_FIRING = 16


def _firing(actions: Sequence[Action | PlainAction]) -> _Firing:
    """The actions compiled, once per list of actions: kept with the list itself (so that
    its ``id`` is not reused) and the actions it held, and used only while it holds the very
    same action objects (content is not changed once loaded; a changed copy is another
    object)."""
    found = _FIRING.get(id(actions))
    if (
        found is not None
        and found[0] is actions
        and len(found[1]) == len(actions)
        and all(map(operator.is_, found[1], actions))
    ):
        return found[2]
    made = _Firing(actions)
    if len(_FIRING) >= _MAX_FIRING:
        _FIRING.clear()
    _FIRING[id(actions)] = (actions, tuple(actions), made)
    return made


_MADE: PerObject[Assessment, tuple[Checklist, Breakdown]] = PerObject()


def assess(pack: ContentPack, answers: Answers, today: dt.date | None = None) -> Assessment:
    """Score ``answers`` against the pack, pick the roadmap actions, record the checklist."""
    from commkit.fsutil import slugify
    from commkit.model.answers import Assessment, ChecklistRef
    from commkit.model.common import built

    checklist = checklist_for(pack, answers)
    when = today or answers.date or dt.date.today()
    months = months_active(answers.community.founded, when)
    info = breakdown(checklist, answers.answers, lang=answers.language, months=months)
    info.plain.actions = fired_actions(pack, info)
    community = answers.community.model_copy()
    if community.slug is None:
        community.slug = slugify(community.name)
    # made from validated parts without validating them again (``model_construct``): the
    # answers and their community are checked models, the result is the engine's own, the
    # slug a slugified name; the same model as the validated one (a test compares them)
    ref = {"id": checklist.id, "version": checklist.version, "hash": checklist_hash(checklist)}
    fields = {
        "version": "1",
        "kind": "assessment",
        "checklist": built(ChecklistRef, ref),
        "community": community,
        "date": when,
        "language": answers.language,
        "rater": None,
        "answers": dict(answers.answers),
        "result": info.result,
        "team": None,
    }
    assessment = built(Assessment, fields, set(_ASSESSMENT_GIVEN))
    remember_breakdown(assessment, checklist, info)
    return assessment


_ASSESSMENT_GIVEN = frozenset(
    ("version", "kind", "checklist", "community", "date", "language", "answers", "result")
)
"""The fields :func:`assess` sets (``rater`` and ``team`` keep their defaults)."""


def remember_breakdown(assessment: Any, checklist: Checklist, info: Breakdown) -> None:
    """Keep ``info`` as the breakdown ``assessment`` was scored with (for
    :func:`assessment_breakdown`), for an assessment made outside :func:`assess`."""
    _MADE.put(assessment, (checklist, info))


def assessment_breakdown(checklist: Checklist, assessment: Assessment) -> Breakdown:
    """The breakdown of an assessment (its community's age included).

    For an assessment that :func:`assess` has just made, with the same checklist, this is the
    breakdown it was scored with: the report and the summary after ``assess`` do not score
    the answers again.
    """
    made = _MADE.get(assessment)
    if made is not None and made[0] is checklist:
        return made[1]
    months = months_active(assessment.community.founded, assessment.date)
    return breakdown(checklist, assessment.answers, lang=assessment.language, months=months)


# ---------------------------------------------------------------- checking answers


def _locate(
    doc: Document | None,
    path: tuple[str | int, ...],
    message: str,
    severity: str = "error",
    key: bool = False,
) -> Diagnostic:
    if doc is not None:
        return doc.diagnostic(path, message, key=key, severity=severity)
    return Diagnostic(message, field=format_path(path), severity=severity)


def check_answers(
    checklist: AnyChecklist,
    answers: AnyAnswers,
    doc: Document | None = None,
    *,
    require_complete: bool = True,
    empty_ticks: bool = True,
) -> list[Diagnostic]:
    """Problems with ``answers`` for ``checklist``, each located in ``doc`` when given.

    ``empty_ticks=False`` lets an empty tick list stand (an earlier checklist version's rule:
    1.0 had no "none of these" option, so ``[]`` said it).

    Errors: answers to unknown questions, values that do not fit (type, range, option),
    required questions left unanswered (listed by id; skipped with
    ``require_complete=False``, as for a draft). When the answers were made with another
    version of the checklist (version or content hash differ), questions that disappeared
    or whose answer no longer fits are listed in one warning instead and left out of the
    score, and new required questions without an answer are a warning too.
    """
    diags: list[Diagnostic] = []
    ref = answers.checklist
    if ref.id != checklist.id:
        diags.append(
            _locate(
                doc,
                ("checklist", "id"),
                f"these answers are for checklist {ref.id!r}, not {checklist.id!r}",
                severity="warning",
            )
        )
    current_hash = checklist_hash(checklist)
    other_version = (
        ref.id != checklist.id
        or ref.version != checklist.version
        or (ref.hash is not None and ref.hash not in (current_hash, *checklist.earlier_wordings))
    )
    rules = answer_rules(checklist)
    by_id = rules.questions
    disappeared: list[str] = []
    changed: list[str] = []
    fits = rules.fits
    empty: list[Diagnostic] = []  # after the others, in the answers' order
    check_empty = empty_ticks and not other_version
    for qid, answer in answers.answers.items():
        q = by_id.get(qid)
        if q is None:
            if other_version:
                disappeared.append(qid)
                continue
            import difflib

            hint = difflib.get_close_matches(qid, list(by_id), n=1)
            extra = f" (did you mean {hint[0]!r}?)" if hint else ""
            diags.append(
                _locate(doc, ("answers", qid), f"unknown question {qid!r}{extra}", key=True)
            )
            continue
        status, value = _read(answer)
        if check_empty and value == []:
            problem = empty_ticks_problem(q)
            if problem is not None:
                empty.append(_locate(doc, ("answers", qid), f"question {qid}: {problem}"))
        if status != "answered" or fits[qid](value):
            continue
        problem = value_problem(q, value)
        if problem is None:
            continue
        if other_version:
            changed.append(qid)
            continue
        diags.append(_locate(doc, ("answers", qid, "value"), f"question {qid}: {problem}"))
    diags += empty
    missing = []  # every required question answered: none can be missing, asked or not
    if not answers.answers.keys() >= rules.required:
        asked = asked_questions(checklist, answers.answers)
        missing = [q.id for q in asked if q.required and q.id not in answers.answers]
    if other_version:
        parts = []
        if disappeared:
            parts.append("no longer in the checklist: " + ", ".join(disappeared))
        if changed:
            parts.append("changed (the answer no longer fits, left out): " + ", ".join(changed))
        if missing and require_complete:
            parts.append("new or changed, not answered: " + ", ".join(missing))
        was = f"{ref.id} {ref.version}" + (f" ({ref.hash})" if ref.hash else "")
        now = f"{checklist.id} {checklist.version} ({current_hash})"
        message = f"answers were made with checklist {was}; re-scored with {now}"
        if parts:
            message += ". " + "; ".join(parts)
        diags.append(_locate(doc, ("checklist",), message, severity="warning"))
    elif missing and require_complete:
        diags.append(
            _locate(
                doc,
                ("answers",),
                plural("msg.required_unanswered", len(missing), "en", ids=", ".join(missing)),
            )
        )
    return diags


def empty_ticks_problem(q: AnyQuestion) -> str | None:
    """Why an empty tick list does not answer ``q`` (``None`` when it may stay empty): a
    required question needs at least one option, or "don't know" / "not applicable"."""
    if q.type != "multi" or not q.required:
        return None
    alone = next((o.id for o in q.options if o.exclusive), None)
    tick = f" (tick {alone!r} when none of them applies)" if alone else ""
    return (
        f"a required tick list needs at least one option{tick}, "
        "or the answer dont_know or not_applicable"
    )


def explain_value(q: AnyQuestion, value: Any) -> str:
    """A short text of an answer value for explanations and reports (language-neutral)."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if q.type == "yes_no":
        return str(normalise_value(value))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)

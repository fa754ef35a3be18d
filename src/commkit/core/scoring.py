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
import weakref
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from commkit.core.conditions import compile_condition, describe, holds, normalise_value
from commkit.errors import Diagnostic
from commkit.i18n import plural
from commkit.model.answers import (
    Answer,
    Answers,
    AnswerValue,
    Assessment,
    AssessmentResult,
    ChecklistRef,
    DimensionResult,
    Recommendation,
)
from commkit.model.checklist import Checklist, Question
from commkit.model.common import tr
from commkit.model.condition import Condition

if TYPE_CHECKING:
    from commkit.model.loader import Document
    from commkit.model.pack import ContentPack

__all__ = [
    "STRENGTH_FLOOR",
    "TOP_STAGE_TARGET",
    "Breakdown",
    "asked_questions",
    "assess",
    "breakdown",
    "check_answers",
    "checklist_for",
    "checklist_for_ref",
    "checklist_hash",
    "months_active",
    "question_score",
    "score",
    "value_problem",
]

MIN_AGE_MONTHS = 3.0
"""A count is never scaled up by more than its period over three months."""
TOP_STAGE_TARGET = 75.0
"""At the top stage there is no next threshold: dimensions at or above this are strengths."""
STRENGTH_FLOOR = 60.0
"""No dimension below this is called a strength, whatever the next stage asks for."""


def _clean(x: float) -> float:
    """Round to one decimal, first removing floating-point noise (so 62.25 stays 62.2)."""
    return round(round(x, 9), 1) + 0.0


# ---------------------------------------------------------------- one question


def value_problem(q: Question, value: AnswerValue | None) -> str | None:
    """Why ``value`` does not fit question ``q`` (``None`` when it fits)."""
    if value is None:
        return "needs a value"
    if q.type == "yes_no":
        if isinstance(value, bool) or normalise_value(value) in ("yes", "no"):
            return None
        return f"expected yes or no, got {value!r}"
    if q.type == "scale":
        spec = q.scale_spec
        if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
            return f"expected a whole number from {spec.min} to {spec.max}, got {value!r}"
        if not spec.min <= value <= spec.max:
            return f"{value} is out of range: expected {spec.min} to {spec.max}"
        return None
    if q.type == "number":
        assert q.number is not None
        spec_n = q.number
        if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
            return f"expected a number, got {value!r}"
        if spec_n.integer and value != int(value):
            return f"expected a whole number, got {value!r}"
        if value < spec_n.min:
            return f"{value:g} is out of range: the smallest allowed is {spec_n.min:g}"
        if spec_n.max is not None and value > spec_n.max:
            return f"{value:g} is out of range: the largest allowed is {spec_n.max:g}"
        return None
    options = [o.id for o in q.options]
    if q.type == "choice":
        if isinstance(value, str) and value in options:
            return None
        return f"{value!r} is not an option (options: {', '.join(options)})"
    if q.type == "multi":
        if not isinstance(value, list):
            return f"expected a list of options (options: {', '.join(options)})"
        unknown = [v for v in value if v not in options]
        if unknown:
            return f"{unknown[0]!r} is not an option (options: {', '.join(options)})"
        if len(set(value)) != len(value):
            return "an option is listed twice"
        return None
    if q.type == "text":
        return None if isinstance(value, str) else f"expected a text, got {value!r}"
    return None  # pragma: no cover


def question_score(q: Question, answer: Answer | None) -> float | None:
    """The normalised 0..1 score of one answer, or ``None`` when it does not count."""
    if answer is None or answer.status != "answered" or q.type == "text":
        return None
    value = answer.value
    if value_problem(q, value) is not None:
        return None
    if q.type == "yes_no":
        yes = normalise_value(value) == "yes"
        return 1.0 if yes == q.yes_is_good else 0.0
    if q.type == "scale":
        spec = q.scale_spec
        assert isinstance(value, int | float)
        return (float(value) - spec.min) / (spec.max - spec.min)
    if q.type == "number":
        assert q.number is not None and isinstance(value, int | float)
        result = 0.0
        for band in q.number.bands:
            if band.min <= value:
                result = band.score
        return result
    scores = {o.id: o.score for o in q.options}
    if q.type == "choice":
        assert isinstance(value, str)
        return scores[value]
    assert isinstance(value, list)
    return min(1.0, math.fsum(scores[v] for v in value))


def _recommendations(q: Question, answer: Answer, normalised: float, lang: str) -> list[str]:
    texts: list[str] = []
    if q.type == "choice":
        chosen = next(o for o in q.options if o.id == answer.value)
        best = max(o.score for o in q.options)
        if chosen.recommendation is not None:
            texts.append(tr(chosen.recommendation, lang))
        elif chosen.score < best and q.recommendation is not None:
            texts.append(tr(q.recommendation, lang))
    elif q.type == "multi":
        chosen_ids = set(answer.value) if isinstance(answer.value, list) else set()
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
    checklist: Checklist, answers: Mapping[str, Answer], months: float | None
) -> Mapping[str, Answer]:
    """``answers`` with period counts scaled for a community younger than the period."""
    if months is None:
        return answers
    out: dict[str, Answer] | None = None
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
        out[q.id] = Answer.model_construct(status="answered", value=value, note=answer.note)
    return answers if out is None else out


# ---------------------------------------------------------------- the breakdown


@dataclass(frozen=True)
class QuestionLine:
    """How one question counted. ``status``: answered, dont_know, not_applicable,
    unanswered, not_asked, invalid (a value that does not fit) or unscored (text)."""

    question: str
    dimension: str
    status: str
    value: AnswerValue | None
    normalised: float | None
    weight: float


@dataclass(frozen=True)
class DimensionLine:
    id: str
    weight: float
    score: float | None
    weighted_sum: float
    weight_sum: float


@dataclass(frozen=True)
class StageStep:
    stage: str
    min_score: float
    reached: bool
    score_ok: bool
    failed_requires: list[str]
    """The ``requires`` conditions that do not hold (as :func:`describe` writes them)."""
    failed_conditions: list[Condition] = field(default_factory=list)


@dataclass
class Breakdown:
    """Every number of an assessment and how it came about (for ``--explain``)."""

    questions: list[QuestionLine]
    dimensions: list[DimensionLine]
    overall: float
    stage_steps: list[StageStep]
    target: float
    result: AssessmentResult
    asked: list[str] = field(default_factory=list)


def asked_questions(checklist: Checklist, answers: Mapping[str, Answer]) -> list[Question]:
    """The questions whose ``when`` holds, in order (a ``when`` sees only earlier asked ones)."""
    asked: list[Question] = []
    seen: dict[str, Answer] = {}
    scores: dict[str, float | None] = {}
    for q in checklist.questions:
        if q.when is not None and not holds(
            q.when, answers=seen, question_scores=scores, dimension_scores={}, stage=None
        ):
            continue
        asked.append(q)
        answer = answers.get(q.id)
        if answer is not None:
            seen[q.id] = answer
            scores[q.id] = question_score(q, answer)
    return asked


def breakdown(
    checklist: Checklist,
    answers: Mapping[str, Answer],
    *,
    lang: str = "en",
    months: float | None = None,
) -> Breakdown:
    """Score ``answers`` and keep every intermediate number (``months``: the community's age)."""
    answers = scaled_answers(checklist, answers, months)
    asked = asked_questions(checklist, answers)
    asked_ids = {q.id for q in asked}
    lines: list[QuestionLine] = []
    question_scores: dict[str, float | None] = {}
    counts: dict[str, dict[str, int]] = {
        d.id: {"answered": 0, "dont_know": 0, "not_applicable": 0, "unanswered": 0}
        for d in checklist.dimensions
    }
    sums: dict[str, list[float]] = {d.id: [] for d in checklist.dimensions}
    wsums: dict[str, list[float]] = {d.id: [] for d in checklist.dimensions}
    recommendations: list[Recommendation] = []
    open_questions: list[str] = []
    effective: dict[str, Answer] = {}
    for q in checklist.questions:
        answer = answers.get(q.id)
        if q.id not in asked_ids:
            lines.append(QuestionLine(q.id, q.dimension, "not_asked", None, None, q.weight))
            continue
        bucket = counts.setdefault(
            q.dimension, {"answered": 0, "dont_know": 0, "not_applicable": 0, "unanswered": 0}
        )
        if answer is None:
            status = "unanswered"
            bucket["unanswered"] += 1
        elif answer.status != "answered":
            status = answer.status
            bucket[answer.status] += 1
            if answer.status == "dont_know":
                open_questions.append(q.id)
        elif value_problem(q, answer.value) is not None:
            status = "invalid"
            bucket["unanswered"] += 1
        else:
            status = "unscored" if q.type == "text" else "answered"
            bucket["answered"] += 1
        if answer is not None and status != "invalid":
            effective[q.id] = answer
        normalised = question_score(q, answer) if status == "answered" else None
        question_scores[q.id] = normalised
        value = answer.value if answer is not None else None
        lines.append(QuestionLine(q.id, q.dimension, status, value, normalised, q.weight))
        if normalised is not None and answer is not None:
            if q.weight > 0:
                sums.setdefault(q.dimension, []).append(q.weight * normalised)
                wsums.setdefault(q.dimension, []).append(q.weight)
            for text in _recommendations(q, answer, normalised, lang):
                recommendations.append(
                    Recommendation(question=q.id, dimension=q.dimension, text=text)
                )

    dim_lines: list[DimensionLine] = []
    dim_scores: dict[str, float | None] = {}
    for d in checklist.dimensions:
        wsum = math.fsum(wsums.get(d.id, []))
        ssum = math.fsum(sums.get(d.id, []))
        value = _clean(100.0 * ssum / wsum) if wsum > 0 else None
        dim_scores[d.id] = value
        dim_lines.append(DimensionLine(d.id, d.weight, value, ssum, wsum))

    total_w = math.fsum(d.weight for d in checklist.dimensions if dim_scores[d.id] is not None)
    overall = (
        _clean(
            math.fsum(
                d.weight * (dim_scores[d.id] or 0.0)
                for d in checklist.dimensions
                if dim_scores[d.id] is not None
            )
            / total_w
        )
        if total_w > 0
        else 0.0
    )
    overall = min(100.0, max(0.0, overall))

    steps: list[StageStep] = []
    reached_index = 0
    for i, stage in enumerate(checklist.stages):
        score_ok = i == 0 or overall >= stage.min_score
        failed_conditions = [
            cond
            for cond in stage.requires
            if not holds(
                cond,
                answers=effective,
                question_scores=question_scores,
                dimension_scores=dim_scores,
                stage=None,
            )
        ]
        failed = [describe(cond) for cond in failed_conditions]
        reached = i == 0 or (score_ok and not failed)
        steps.append(
            StageStep(stage.id, stage.min_score, reached, score_ok, failed, failed_conditions)
        )
        if not reached:
            break
        reached_index = i
    stage = checklist.stages[reached_index]
    nxt = checklist.stages[reached_index + 1] if reached_index + 1 < len(checklist.stages) else None
    target = nxt.min_score if nxt is not None else TOP_STAGE_TARGET
    held_back = steps[reached_index + 1].failed_requires if reached_index + 1 < len(steps) else []
    order = {d.id: i for i, d in enumerate(checklist.dimensions)}
    strengths = [
        d.id
        for d in checklist.dimensions
        if (s := dim_scores[d.id]) is not None and s >= max(target, STRENGTH_FLOOR)
    ]
    gaps = sorted(
        (d.id for d in checklist.dimensions if (s := dim_scores[d.id]) is not None and s < target),
        key=lambda i: (dim_scores[i] or 0.0, order[i]),
    )
    result = AssessmentResult(
        overall=overall,
        stage=stage.id,
        next_stage=nxt.id if nxt is not None else None,
        dimensions=[
            DimensionResult(id=d.id, score=dim_scores[d.id], **counts[d.id])
            for d in checklist.dimensions
        ],
        strengths=strengths,
        gaps=gaps,
        recommendations=recommendations,
        actions=[],
        open_questions=open_questions,
        held_back_by=held_back,
    )
    return Breakdown(
        questions=lines,
        dimensions=dim_lines,
        overall=overall,
        stage_steps=steps,
        target=target,
        result=result,
        asked=[q.id for q in asked],
    )


def score(
    checklist: Checklist,
    answers: Mapping[str, Answer],
    *,
    lang: str = "en",
    months: float | None = None,
) -> AssessmentResult:
    """The scored result of ``answers`` (``actions`` left empty: see :func:`assess`).

    The same result as ``breakdown(...).result``, by the lean path compiled once per
    checklist (see :func:`_score_lean`).
    """
    return _score_lean(checklist, scaled_answers(checklist, answers, months), lang)


# ---------------------------------------------------------------- the lean scoring path
#
# ``score()`` is called once per community in batch work: the checklist is compiled once
# (per object identity) into per-question closures and tables, and a result is built in one
# pass with ``model_construct`` (the values are the ones ``breakdown`` validates). It returns
# exactly what ``breakdown(...).result`` returns (tests/test_scoring_properties.py).

_INVALID: Any = object()
"""What a compiled scorer returns for a value that does not fit (``value_problem``)."""
_UNSCORED: Any = object()
"""What a compiled scorer returns for a fitting ``text`` answer (counted, never scored)."""


def _scorer(q: Question) -> Any:
    """A closure ``value -> normalised score | _INVALID | _UNSCORED`` for one question."""
    qtype = q.type
    if qtype == "yes_no":
        good = q.yes_is_good
        yes_score, no_score = (1.0, 0.0) if good else (0.0, 1.0)

        def yes_no(value: Any) -> Any:
            if value is True:
                return yes_score
            if value is False:
                return no_score
            if isinstance(value, str):
                norm = value.strip().lower()
                if norm == "yes":
                    return yes_score
                if norm == "no":
                    return no_score
            return _INVALID

        return yes_no
    if qtype == "scale":
        spec = q.scale_spec
        lo, hi = spec.min, spec.max
        span = hi - lo

        def scale(value: Any) -> Any:
            if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
                return _INVALID
            if not lo <= value <= hi:
                return _INVALID
            return (float(value) - lo) / span

        return scale
    if qtype == "number":
        assert q.number is not None
        spec_n = q.number
        integer, nmin, nmax = spec_n.integer, spec_n.min, spec_n.max
        bands = [(b.min, b.score) for b in spec_n.bands]

        def number(value: Any) -> Any:
            if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
                return _INVALID
            if integer and value != int(value):
                return _INVALID
            if value < nmin or (nmax is not None and value > nmax):
                return _INVALID
            result = 0.0
            for band_min, band_score in bands:
                if band_min <= value:
                    result = band_score
            return result

        return number
    scores = {o.id: o.score for o in q.options}
    if qtype == "choice":

        def choice(value: Any) -> Any:
            if isinstance(value, str) and value in scores:
                return scores[value]
            return _INVALID

        return choice
    if qtype == "multi":

        def multi(value: Any) -> Any:
            if not isinstance(value, list):
                return _INVALID
            for v in value:
                if v not in scores:
                    return _INVALID
            if len(set(value)) != len(value):
                return _INVALID
            return min(1.0, math.fsum(scores[v] for v in value))

        return multi
    if qtype == "text":
        return lambda value: _UNSCORED if isinstance(value, str) else _INVALID

    def fallback(value: Any) -> Any:  # pragma: no cover - the model allows no other type
        if value_problem(q, value) is not None:
            return _INVALID
        return question_score(q, Answer.model_construct(status="answered", value=value))

    return fallback


_set = object.__setattr__


def _builder(cls: Any) -> Any:
    """A fast ``cls.model_construct`` for calls that pass every field, in field order.

    Sets the same four slots as :meth:`pydantic.BaseModel.model_construct` does for a model
    without aliases, ``model_post_init`` or ``extra='allow'`` (else it is that method).
    """
    fields = cls.__pydantic_fields__
    if (
        cls.__pydantic_post_init__
        or cls.__pydantic_root_model__
        or cls.model_config.get("extra") == "allow"
        or any(f.alias is not None or f.validation_alias is not None for f in fields.values())
    ):  # pragma: no cover - not so for the result models

        def slow(values: dict[str, Any]) -> Any:
            return cls.model_construct(**values)

        return slow
    names = frozenset(fields)
    new = cls.__new__

    def build(values: dict[str, Any]) -> Any:
        m = new(cls)
        _set(m, "__dict__", values)
        _set(m, "__pydantic_fields_set__", set(names))
        _set(m, "__pydantic_extra__", None)
        _set(m, "__pydantic_private__", None)
        return m

    return build


_new_recommendation = _builder(Recommendation)
_new_dimension = _builder(DimensionResult)
_new_result = _builder(AssessmentResult)


@dataclass(slots=True)
class _CompiledChecklist:
    checklist: Checklist
    rows: list[tuple[str, str, float, Any, Any, int, Question, bool]]
    """Per question: id, dimension, weight, compiled ``when`` (or None), scorer, the kind of
    its recommendations (0: the question's own below 1; 1: by chosen option; 2: computed),
    the question, and whether a condition names it."""
    dimension_ids: list[str]
    dimension_weights: list[float]
    dimension_order: dict[str, int]
    stage_requires: list[list[tuple[Any, Condition]]]
    texts: dict[str, dict[Any, list[str]]] = field(default_factory=dict)
    """lang -> question id (yes/no, scale, number), (question id, chosen option) or
    (question id, *chosen options of a multi) -> recommendation texts."""
    hash: str | None = None


_COMPILED: dict[int, tuple[weakref.ref[Checklist], _CompiledChecklist]] = {}


def _compile(checklist: Checklist) -> _CompiledChecklist:
    """The checklist compiled for :func:`_score_lean`, once per checklist object."""
    key = id(checklist)
    entry = _COMPILED.get(key)
    if entry is not None and entry[0]() is checklist:
        return entry[1]
    # Only the answers and scores of questions that some condition names are looked up
    # again (by a ``when`` or a stage's ``requires``): the lean path records only those.
    referenced = {
        cond.question
        for cond in [q.when for q in checklist.questions if q.when is not None]
        + [c for stage in checklist.stages for c in stage.requires]
        if cond.question is not None
    }
    rows = [
        (
            q.id,
            q.dimension,
            q.weight,
            compile_condition(q.when) if q.when is not None else None,
            _scorer(q),
            0 if q.type in ("yes_no", "scale", "number") else 1 if q.type == "choice" else 2,
            q,
            q.id in referenced,
        )
        for q in checklist.questions
    ]
    compiled = _CompiledChecklist(
        checklist=checklist,
        rows=rows,
        dimension_ids=[d.id for d in checklist.dimensions],
        dimension_weights=[d.weight for d in checklist.dimensions],
        dimension_order={d.id: i for i, d in enumerate(checklist.dimensions)},
        stage_requires=[
            [(compile_condition(c), c) for c in stage.requires] for stage in checklist.stages
        ],
    )

    def _drop(
        ref: weakref.ref[Checklist], key: int = key, table: dict[Any, Any] = _COMPILED
    ) -> None:
        # ``table`` is bound now: at interpreter exit the module global may already be None
        current = table.get(key)
        if current is not None and current[0] is ref:
            del table[key]

    _COMPILED[key] = (weakref.ref(checklist, _drop), compiled)
    return compiled


def checklist_hash(checklist: Checklist) -> str:
    """``content_hash(checklist)``, computed once per checklist object."""
    compiled = _compile(checklist)
    if compiled.hash is None:
        from commkit.model.pack import content_hash

        compiled.hash = content_hash(checklist)
    return compiled.hash


def _score_lean(checklist: Checklist, answers: Mapping[str, Answer], lang: str) -> AssessmentResult:
    """One pass over the compiled checklist: ``breakdown(...).result`` without the rest."""
    cc = _compile(checklist)
    dim_ids = cc.dimension_ids
    counts: dict[str, list[int]] = {d: [0, 0, 0, 0] for d in dim_ids}
    sums: dict[str, list[float]] = {d: [] for d in dim_ids}
    wsums: dict[str, list[float]] = {d: [] for d in dim_ids}
    seen: dict[str, Answer] = {}
    effective: dict[str, Answer] = {}
    question_scores: dict[str, float | None] = {}
    recommendations: list[Recommendation] = []
    open_questions: list[str] = []
    make_rec = _new_recommendation
    texts_cache = cc.texts.get(lang)
    if texts_cache is None:
        texts_cache = cc.texts[lang] = {}
    no_dims: dict[str, float | None] = {}
    get = answers.get
    invalid, unscored = _INVALID, _UNSCORED
    for qid, dim, weight, when, scorer, rec_kind, q, track in cc.rows:
        if when is not None and not when(seen, question_scores, no_dims, None):
            continue
        answer = get(qid)
        bucket = counts.get(dim)
        if answer is None:
            if bucket is not None:
                bucket[3] += 1
            continue
        if track:
            seen[qid] = answer
        status = answer.status
        if status != "answered":
            if status == "dont_know":
                if bucket is not None:
                    bucket[1] += 1
                open_questions.append(qid)
            elif bucket is not None:
                bucket[2] += 1
            if track:
                effective[qid] = answer
            continue
        value = answer.value
        normalised = invalid if value is None else scorer(value)
        if normalised is invalid:
            if bucket is not None:
                bucket[3] += 1
            continue
        if bucket is not None:
            bucket[0] += 1
        if track:
            effective[qid] = answer
        if normalised is unscored:
            continue
        if track:
            question_scores[qid] = normalised
        if weight > 0 and bucket is not None:
            sums[dim].append(weight * normalised)
            wsums[dim].append(weight)
        key: Any
        if rec_kind == 0:
            if normalised >= 1:
                continue
            key = qid
        elif rec_kind == 1:
            key = (qid, value)
        else:  # multi: the options not chosen (the scorer checked the list)
            assert isinstance(value, list)
            key = (qid, *value)
        texts = texts_cache.get(key)
        if texts is None:
            texts = texts_cache[key] = _recommendations(q, answer, normalised, lang)
        for text in texts:
            recommendations.append(make_rec({"question": qid, "dimension": dim, "text": text}))

    dim_scores: dict[str, float | None] = {}
    for did in dim_ids:
        wsum = math.fsum(wsums[did])
        dim_scores[did] = _clean(100.0 * math.fsum(sums[did]) / wsum) if wsum > 0 else None
    weights = cc.dimension_weights
    total_w = math.fsum(
        w for w, d in zip(weights, dim_ids, strict=True) if dim_scores[d] is not None
    )
    overall = (
        _clean(
            math.fsum(
                w * (dim_scores[d] or 0.0)
                for w, d in zip(weights, dim_ids, strict=True)
                if dim_scores[d] is not None
            )
            / total_w
        )
        if total_w > 0
        else 0.0
    )
    overall = min(100.0, max(0.0, overall))

    stages = checklist.stages
    reached_index = 0
    held_back: list[str] = []
    stage_requires = cc.stage_requires
    for i in range(1, len(stages)):
        stage = stages[i]
        failed = [
            describe(cond)
            for test, cond in stage_requires[i]
            if not test(effective, question_scores, dim_scores, None)
        ]
        if overall >= stage.min_score and not failed:
            reached_index = i
            continue
        held_back = failed
        break
    nxt = stages[reached_index + 1] if reached_index + 1 < len(stages) else None
    target = nxt.min_score if nxt is not None else TOP_STAGE_TARGET
    floor = max(target, STRENGTH_FLOOR)
    strengths = [d for d in dim_ids if (s := dim_scores[d]) is not None and s >= floor]
    order = cc.dimension_order
    gaps = sorted(
        (d for d in dim_ids if (s := dim_scores[d]) is not None and s < target),
        key=lambda i: (dim_scores[i] or 0.0, order[i]),
    )
    make_dim = _new_dimension
    dimensions = [
        make_dim(
            {
                "id": d,
                "score": dim_scores[d],
                "answered": c[0],
                "dont_know": c[1],
                "not_applicable": c[2],
                "unanswered": c[3],
            }
        )
        for d in dim_ids
        for c in (counts[d],)
    ]
    result: AssessmentResult = _new_result(
        {
            "overall": overall,
            "stage": stages[reached_index].id,
            "next_stage": nxt.id if nxt is not None else None,
            "dimensions": dimensions,
            "strengths": strengths,
            "gaps": gaps,
            "recommendations": recommendations,
            "actions": [],
            "open_questions": open_questions,
            "held_back_by": held_back,
        }
    )
    return result


# ---------------------------------------------------------------- the whole assessment


def checklist_for(pack: ContentPack, answers: Answers) -> Checklist:
    """The checklist the answers were given to, or the pack's default one."""
    return checklist_for_ref(pack, answers.checklist.id)


def checklist_for_ref(pack: ContentPack, checklist_id: str) -> Checklist:
    """The pack's checklist with this id, or its default checklist."""
    return pack.checklists.get(checklist_id, pack.checklist)


def fired_actions(
    pack: ContentPack, checklist: Checklist, answers: Mapping[str, Answer], result: AssessmentResult
) -> list[str]:
    """Roadmap actions marked ``always`` or with a trigger that holds, in roadmap order."""
    question_scores = {
        q.id: question_score(q, answers.get(q.id)) for q in asked_questions(checklist, answers)
    }
    dim_scores = {d.id: d.score for d in result.dimensions}
    fired: list[str] = []
    for action in pack.roadmap.actions:
        if action.always or any(
            holds(
                t,
                answers=answers,
                question_scores=question_scores,
                dimension_scores=dim_scores,
                stage=result.stage,
            )
            for t in action.triggers
        ):
            fired.append(action.id)
    return fired


def assess(pack: ContentPack, answers: Answers, today: dt.date | None = None) -> Assessment:
    """Score ``answers`` against the pack, pick the roadmap actions, record the checklist."""
    from commkit.fsutil import slugify

    checklist = checklist_for(pack, answers)
    when = today or answers.date or dt.date.today()
    months = months_active(answers.community.founded, when)
    result = score(checklist, answers.answers, lang=answers.language, months=months)
    scaled = scaled_answers(checklist, answers.answers, months)
    result.actions = fired_actions(pack, checklist, scaled, result)
    community = answers.community.model_copy()
    if community.slug is None:
        community.slug = slugify(community.name)
    return Assessment(
        kind="assessment",
        version="1",
        checklist=ChecklistRef(
            id=checklist.id, version=checklist.version, hash=checklist_hash(checklist)
        ),
        community=community,
        date=when,
        language=answers.language,
        answers=dict(answers.answers),
        result=result,
    )


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
    from commkit.model.loader import format_path

    return Diagnostic(message, field=format_path(path), severity=severity)


def check_answers(
    checklist: Checklist,
    answers: Answers,
    doc: Document | None = None,
    *,
    require_complete: bool = True,
) -> list[Diagnostic]:
    """Problems with ``answers`` for ``checklist``, each located in ``doc`` when given.

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
        or (ref.hash is not None and ref.hash != current_hash)
    )
    by_id = {q.id: q for q in checklist.questions}
    disappeared: list[str] = []
    changed: list[str] = []
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
        if answer.status != "answered":
            continue
        problem = value_problem(q, answer.value)
        if problem is None:
            continue
        if other_version:
            changed.append(qid)
            continue
        diags.append(_locate(doc, ("answers", qid, "value"), f"question {qid}: {problem}"))
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


def explain_value(q: Question, value: Any) -> str:
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

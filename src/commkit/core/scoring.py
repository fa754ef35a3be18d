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
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from commkit.core.conditions import describe, holds, normalise_value
from commkit.errors import Diagnostic
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
    "question_score",
    "score",
    "value_problem",
]

TOP_STAGE_TARGET = 75.0
"""At the top stage there is no next threshold: dimensions at or above this are strengths."""
STRENGTH_FLOOR = 60.0
"""No dimension below this is called a strength, whatever the next stage asks for."""


_COUNTS = ("answered", "dont_know", "not_applicable", "unanswered")


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


def _value_score(q: Question, value: AnswerValue) -> float | None:
    """The normalised score of a value that fits ``q`` (``None`` for a text)."""
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
    if q.type == "text":
        return None
    if q.type == "choice":
        return next(o.score for o in q.options if o.id == value)
    assert isinstance(value, list)
    return min(1.0, math.fsum(o.score for o in q.options if o.id in value))


def question_score(q: Question, answer: Answer | None) -> float | None:
    """The normalised 0..1 score of one answer, or ``None`` when it does not count."""
    if answer is None or answer.status != "answered" or answer.value is None:
        return None
    if value_problem(q, answer.value) is not None:
        return None
    return _value_score(q, answer.value)


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


# ---------------------------------------------------------------- the breakdown


@dataclass(slots=True)
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
    question_scores: dict[str, float | None] = field(default_factory=dict)
    """The normalised score of each asked question (``None``: not scored)."""


def _walk(
    checklist: Checklist, answers: Mapping[str, Answer]
) -> Iterator[tuple[Question, bool, str | None, float | None]]:
    """Each question in order: (question, asked, problem with its value, normalised score).

    A ``when`` sees only the questions asked before it; the score is ``None`` unless the
    question was answered with a value that fits.
    """
    seen: dict[str, Answer] = {}
    scores: dict[str, float | None] = {}
    no_dimensions: dict[str, float | None] = {}
    for q in checklist.questions:
        if q.when is not None and not holds(
            q.when, answers=seen, question_scores=scores, dimension_scores=no_dimensions, stage=None
        ):
            yield q, False, None, None
            continue
        answer = answers.get(q.id)
        problem: str | None = None
        normalised: float | None = None
        if answer is not None:
            seen[q.id] = answer
            if answer.status == "answered":
                problem = value_problem(q, answer.value)
                if problem is None and answer.value is not None:
                    normalised = _value_score(q, answer.value)
            scores[q.id] = normalised
        yield q, True, problem, normalised


def asked_questions(checklist: Checklist, answers: Mapping[str, Answer]) -> list[Question]:
    """The questions whose ``when`` holds, in order (a ``when`` sees only earlier asked ones)."""
    return [q for q, asked, _, _ in _walk(checklist, answers) if asked]


def breakdown(
    checklist: Checklist, answers: Mapping[str, Answer], *, lang: str = "en"
) -> Breakdown:
    """Score ``answers`` and keep every intermediate number (the one scoring engine)."""
    lines: list[QuestionLine] = []
    asked_ids: list[str] = []
    question_scores: dict[str, float | None] = {}
    counts = {d.id: dict.fromkeys(_COUNTS, 0) for d in checklist.dimensions}
    sums: dict[str, list[float]] = {d.id: [] for d in checklist.dimensions}
    wsums: dict[str, list[float]] = {d.id: [] for d in checklist.dimensions}
    recommendations: list[Recommendation] = []
    open_questions: list[str] = []
    effective: dict[str, Answer] = {}
    for q, asked, problem, normalised in _walk(checklist, answers):
        if not asked:
            lines.append(QuestionLine(q.id, q.dimension, "not_asked", None, None, q.weight))
            continue
        asked_ids.append(q.id)
        answer = answers.get(q.id)
        bucket = counts.get(q.dimension)
        if bucket is None:  # a dimension the checklist does not list (validation warns)
            bucket = counts[q.dimension] = dict.fromkeys(_COUNTS, 0)
        if answer is None:
            status = "unanswered"
            bucket["unanswered"] += 1
        elif answer.status != "answered":
            status = answer.status
            bucket[answer.status] += 1
            if answer.status == "dont_know":
                open_questions.append(q.id)
        elif problem is not None:
            status = "invalid"
            bucket["unanswered"] += 1
        else:
            status = "unscored" if q.type == "text" else "answered"
            bucket["answered"] += 1
        if answer is not None and status != "invalid":
            effective[q.id] = answer
        question_scores[q.id] = normalised
        value = answer.value if answer is not None else None
        lines.append(QuestionLine(q.id, q.dimension, status, value, normalised, q.weight))
        if normalised is not None and answer is not None:
            if q.weight > 0:
                sums.setdefault(q.dimension, []).append(q.weight * normalised)
                wsums.setdefault(q.dimension, []).append(q.weight)
            for text in _recommendations(q, answer, normalised, lang):
                recommendations.append(
                    Recommendation.model_construct(question=q.id, dimension=q.dimension, text=text)
                )

    dim_lines: list[DimensionLine] = []
    dim_scores: dict[str, float | None] = {}
    for d in checklist.dimensions:
        wsum = math.fsum(wsums.get(d.id, []))
        ssum = math.fsum(sums.get(d.id, []))
        value = _clean(100.0 * ssum / wsum) if wsum > 0 else None
        dim_scores[d.id] = value
        dim_lines.append(DimensionLine(d.id, d.weight, value, ssum, wsum))

    scored = [d for d in checklist.dimensions if dim_scores[d.id] is not None]
    total_w = math.fsum(d.weight for d in scored)
    overall = (
        _clean(math.fsum(d.weight * (dim_scores[d.id] or 0.0) for d in scored) / total_w)
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
    strengths = [d.id for d in scored if (dim_scores[d.id] or 0.0) >= max(target, STRENGTH_FLOOR)]
    gaps = sorted(
        (d.id for d in scored if (dim_scores[d.id] or 0.0) < target),
        key=lambda i: (dim_scores[i] or 0.0, order[i]),
    )
    # model_construct: every value here is built by the rules above, in the models' types
    result = AssessmentResult.model_construct(
        overall=overall,
        stage=stage.id,
        next_stage=nxt.id if nxt is not None else None,
        dimensions=[
            DimensionResult.model_construct(
                id=d.id,
                score=dim_scores[d.id],
                answered=c["answered"],
                dont_know=c["dont_know"],
                not_applicable=c["not_applicable"],
                unanswered=c["unanswered"],
            )
            for d in checklist.dimensions
            for c in (counts[d.id],)
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
        asked=asked_ids,
        question_scores=question_scores,
    )


def score(
    checklist: Checklist, answers: Mapping[str, Answer], *, lang: str = "en"
) -> AssessmentResult:
    """The scored result of ``answers`` (``actions`` left empty: see :func:`assess`)."""
    return breakdown(checklist, answers, lang=lang).result


_HASHES: dict[int, tuple[weakref.ref[Checklist], str]] = {}


def checklist_hash(checklist: Checklist) -> str:
    """``content_hash(checklist)``, computed once per checklist object (a batch of answers
    files stores it with every assessment)."""
    key = id(checklist)
    entry = _HASHES.get(key)
    if entry is not None and entry[0]() is checklist:
        return entry[1]
    from commkit.model.pack import content_hash

    value = content_hash(checklist)

    def _drop(ref: weakref.ref[Checklist], key: int = key, table: dict[Any, Any] = _HASHES) -> None:
        # ``table`` is bound now: at interpreter exit the module global may already be None
        current = table.get(key)
        if current is not None and current[0] is ref:
            del table[key]

    _HASHES[key] = (weakref.ref(checklist, _drop), value)
    return value


# ---------------------------------------------------------------- the whole assessment


def checklist_for(pack: ContentPack, answers: Answers) -> Checklist:
    """The checklist the answers were given to, or the pack's default one."""
    return checklist_for_ref(pack, answers.checklist.id)


def checklist_for_ref(pack: ContentPack, checklist_id: str) -> Checklist:
    """The pack's checklist with this id, or its default checklist."""
    return pack.checklists.get(checklist_id, pack.checklist)


def fired_actions(
    pack: ContentPack,
    answers: Mapping[str, Answer],
    result: AssessmentResult,
    question_scores: Mapping[str, float | None],
) -> list[str]:
    """Roadmap actions marked ``always`` or with a trigger that holds, in roadmap order
    (``question_scores``: of the asked questions, as :func:`breakdown` gives them)."""
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
    info = breakdown(checklist, answers.answers, lang=answers.language)
    result = info.result
    result.actions = fired_actions(pack, answers.answers, result, info.question_scores)
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
        date=today or answers.date or dt.date.today(),
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
                f"{len(missing)} required question(s) not answered: {', '.join(missing)}",
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

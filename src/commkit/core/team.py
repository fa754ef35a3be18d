"""Merging several raters of one community into a team assessment (pure).

Each rater answers the whole checklist. Per question, the consensus is:

- scales and numbers: the median of the given values; with an even number of values whose
  two middle ones differ, the lower one (a team view claims no more than half the team sees)
  and the question is marked as a tie;
- yes/no and choices: the answer most raters gave; a tie goes to the tied answer with the
  lowest score (then checklist order) and is shown as a tie;
- several options: the options more than half of the raters ticked (exactly half: a tie,
  left out);
- text: the distinct texts, sorted, joined with " | ".

When at least one rater gave a value, the consensus is built from the values (someone who
knows beats "don't know"); otherwise it is the more frequent of "don't know" and "not
applicable" (a tie is "don't know"). Notes are kept: one note as given, several joined.

A question is flagged as a disagreement when scales are 2+ points apart, yes/no answers are
split, a choice is split, numbers or several-option answers are 0.5+ apart in score, or some
raters said "don't know" / "not applicable" while others answered.
Raters are sorted by name (then role, date): the order of the files does not matter.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence

from commkit.core.scoring import asked_questions, question_score, score
from commkit.errors import UserError
from commkit.model.answers import (
    Answer,
    Answers,
    AnswerValue,
    QuestionMerge,
    RaterAnswer,
    RaterResult,
    TeamSummary,
)
from commkit.model.checklist import Checklist, Question
from commkit.model.common import Text, join_texts, tr

__all__ = ["NOTE_LIMIT", "TeamMerge", "merge_answers", "rater_label"]

NOTE_LIMIT = 2000
SCALE_APART = 2
SCORE_APART = 0.5


def rater_label(answers: Answers, fallback: str) -> str:
    """The rater's name as written in the file, or ``fallback`` (e.g. the file name)."""
    return answers.rater.name if answers.rater is not None else fallback


class TeamMerge:
    """The consensus answers plus the summary of how they came about."""

    def __init__(self, answers: Answers, summary: TeamSummary) -> None:
        self.answers = answers
        self.summary = summary


def _sort_key(item: tuple[str, Answers]) -> tuple[str, str, str]:
    name, answers = item
    role = tr(answers.rater.role, "en") if answers.rater is not None else ""
    return (name, role, answers.date.isoformat() if answers.date else "")


def _value_key(q: Question, value: AnswerValue) -> tuple[float, int, str]:
    """Lowest score first, then checklist order: how ties between answers are broken."""
    normalised = question_score(q, Answer(value=value))
    order = [o.id for o in q.options]
    position = order.index(value) if isinstance(value, str) and value in order else 0
    return (normalised if normalised is not None else 0.0, position, str(value))


def _hashable(value: AnswerValue) -> AnswerValue | tuple[str, ...]:
    if isinstance(value, list):
        return tuple(sorted(value))
    if isinstance(value, dict):
        return tuple(f"{lang}:{text}" for lang, text in sorted(value.items()))
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str) and value.strip().lower() in ("yes", "no"):
        return value.strip().lower()
    return value


def _consensus_value(q: Question, values: list[AnswerValue]) -> tuple[AnswerValue, bool]:
    """The consensus of the given values and whether it was a tie."""
    if q.type in ("scale", "number"):
        numbers = sorted(float(v) for v in values if isinstance(v, int | float))
        n = len(numbers)
        low, high = numbers[(n - 1) // 2], numbers[n // 2]
        chosen = next(v for v in values if isinstance(v, int | float) and float(v) == low)
        return chosen, low != high
    if q.type == "multi":
        counts: Counter[str] = Counter()
        for v in values:
            counts.update(set(v) if isinstance(v, list) else {str(v)})
        n = len(values)
        picked = [o.id for o in q.options if counts[o.id] * 2 > n]
        return picked, any(counts[o.id] * 2 == n for o in q.options)
    if q.type == "text":
        texts = sorted({str(v) for v in values})
        return " | ".join(texts), False
    tally: Counter[AnswerValue | tuple[str, ...]] = Counter(_hashable(v) for v in values)
    top = max(tally.values())
    leaders = [v for v, c in tally.items() if c == top]
    best = min(leaders, key=lambda v: _value_key(q, v))  # type: ignore[arg-type]
    assert not isinstance(best, tuple)
    return best, len(leaders) > 1


def _spread(q: Question, values: list[AnswerValue]) -> float | None:
    if not values or q.type == "text":
        return None
    if q.type in ("scale", "number"):
        numbers = [float(v) for v in values if isinstance(v, int | float)]
        return max(numbers) - min(numbers) if numbers else None
    scores = [s for s in (question_score(q, Answer(value=v)) for v in values) if s is not None]
    return round(max(scores) - min(scores), 6) if scores else None


def _merge_notes(notes: list[Text]) -> Text | None:
    distinct = sorted({json.dumps(n, sort_keys=True, ensure_ascii=False): n for n in notes}.items())
    if not distinct:
        return None
    joined = join_texts([n for _, n in distinct], "; ")
    if isinstance(joined, str):
        return joined[:NOTE_LIMIT]
    return {lang: text[:NOTE_LIMIT] for lang, text in joined.items()}


def _merge_question(
    q: Question, given: list[tuple[str, Answer | None]]
) -> tuple[Answer | None, QuestionMerge]:
    raters = [
        RaterAnswer(
            rater=name,
            status=a.status if a is not None else "unanswered",
            value=a.value if a is not None else None,
            note=a.note if a is not None else None,
        )
        for name, a in given
    ]
    present = [a for _, a in given if a is not None]
    values = [a.value for a in present if a.status == "answered" and a.value is not None]
    statuses = Counter(a.status for a in present)
    notes = [a.note for a in present if a.note]
    reasons: list[str] = []
    tie = False
    consensus: Answer | None = None
    if values:
        value, tie = _consensus_value(q, values)
        consensus = Answer(value=value, note=_merge_notes(notes))
        if statuses["dont_know"] or statuses["not_applicable"]:
            reasons.append("dont-know-vs-answer")
    elif present:
        status = (
            "not_applicable" if statuses["not_applicable"] > statuses["dont_know"] else "dont_know"
        )
        consensus = Answer(status=status, note=_merge_notes(notes))
    spread = _spread(q, values)
    if q.type == "scale" and spread is not None and spread >= SCALE_APART:
        reasons.append("scale-apart")
    elif q.type in ("yes_no", "choice") and len({_hashable(v) for v in values}) > 1:
        reasons.append("split")
    elif q.type in ("number", "multi") and len(values) > 1:
        scores = [s for s in (question_score(q, Answer(value=v)) for v in values) if s is not None]
        if scores and max(scores) - min(scores) >= SCORE_APART:
            reasons.append("score-apart")
    merge = QuestionMerge(
        question=q.id,
        raters=raters,
        tie=tie,
        spread=spread,
        disagree=bool(reasons),
        reasons=sorted(reasons),
    )
    return consensus, merge


def merge_answers(
    checklist: Checklist,
    raters: Sequence[tuple[str, Answers]],
    *,
    lang: str = "en",
    anonymous: bool = False,
    anonymous_label: str = "Rater {n}",
) -> TeamMerge:
    """Merge ``(name, answers)`` of several raters of one community into a consensus.

    Raises :class:`UserError` when there are no raters, two raters share a name, or the
    files are for different checklists or communities.
    """
    if not raters:
        raise UserError("a team assessment needs at least one answers file")
    ordered = sorted(raters, key=_sort_key)
    names = [name for name, _ in ordered]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise UserError(
            f"two answers files name the same rater {dupes[0]!r}: give each rater's name "
            "in 'rater: {name: ...}'"
        )
    ids = sorted({a.checklist.id for _, a in ordered})
    if len(ids) > 1:
        raise UserError(f"the answers are for different checklists: {', '.join(ids)}")
    from commkit.fsutil import slugify

    slugs = sorted({a.community.slug or slugify(a.community.name) for _, a in ordered})
    if len(slugs) > 1:
        raise UserError(
            "the answers are for different communities: "
            + ", ".join(slugs)
            + " (a team assessment merges the raters of one community)"
        )
    if anonymous:
        shown = {name: anonymous_label.format(n=i) for i, name in enumerate(names, 1)}
    else:
        shown = {name: name for name in names}

    merged: dict[str, Answer] = {}
    merges: list[QuestionMerge] = []
    for q in checklist.questions:
        given = [(shown[name], a.answers.get(q.id)) for name, a in ordered]
        if all(a is None for _, a in given):
            continue
        consensus, merge = _merge_question(q, given)
        if consensus is not None:
            merged[q.id] = consensus
        merges.append(merge)
    asked = {q.id for q in asked_questions(checklist, merged)}
    merges = [m for m in merges if m.question in asked]

    results: list[RaterResult] = []
    stage_order = [s.id for s in checklist.stages]
    for name, a in ordered:
        result = score(checklist, a.answers, lang=lang)
        role = a.rater.role if a.rater is not None and not anonymous else None
        results.append(
            RaterResult(
                name=shown[name], role=role, date=a.date, overall=result.overall, stage=result.stage
            )
        )
    stages = sorted((r.stage for r in results), key=stage_order.index)
    first = ordered[0][1]
    dates = [a.date for _, a in ordered if a.date is not None]
    community = first.community.model_copy()
    if community.slug is None:
        community.slug = slugs[0]
    team_answers = Answers(
        kind="answers",
        version=first.version,
        checklist=first.checklist,
        community=community,
        date=max(dates) if dates else None,
        language=first.language,
        answers=merged,
    )
    summary = TeamSummary(
        raters=results,
        overall_low=min(r.overall for r in results),
        overall_high=max(r.overall for r in results),
        stage_low=stages[0],
        stage_high=stages[-1],
        anonymous=anonymous,
        questions=merges,
    )
    return TeamMerge(team_answers, summary)

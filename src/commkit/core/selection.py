"""Which roadmap actions a community's plan holds, and why each one is there.

An action is selected when it is marked ``always``, when it is a first step for a new
community and the answers say the community is new, when any of its triggers fires for the
assessment (an answer, a question score, a dimension gap or the stage), when the scored
assessment lists it, or when a selected action depends on it (transitively). Triggers are
evaluated by :func:`commkit.core.conditions.holds`, the one evaluator of conditions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from commkit.core.conditions import holds, value_test
from commkit.model.plain_plan import Reason

if TYPE_CHECKING:
    from commkit.model.answers import Answer, Assessment
    from commkit.model.condition import Condition
    from commkit.model.pack import ContentPack
    from commkit.model.roadmap import Action


def _fmt(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}" if value != int(value) else str(int(value))
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def threshold_text(cond: Condition) -> str | None:
    """The test of a trigger as short text, e.g. ``< 50``."""
    found = value_test(cond)
    if found is None:
        return None
    test, value = found
    if test == "any_of":
        return "∈ " + ", ".join(_fmt(v) for v in value)
    symbol = {"equals": "=", "at_least": "≥"}.get(test, "<")
    return f"{symbol} {_fmt(value)}"


def question_scores(pack: ContentPack, assessment: Assessment) -> dict[str, float | None]:
    """Normalised (0..1) score of every asked question, by the scoring engine's rules."""
    from commkit.core.scoring import asked_questions, question_score

    checklist = pack.checklists.get(assessment.checklist.id, pack.checklist)
    answers = assessment.answers
    return {q.id: question_score(q, answers.get(q.id)) for q in asked_questions(checklist, answers)}


def _reason(
    cond: Condition,
    answers: Mapping[str, Answer],
    q_scores: Mapping[str, float | None],
    d_scores: Mapping[str, float | None],
    stage: str,
) -> Reason:
    if cond.stage is not None:
        return Reason(kind="stage", ref=stage)
    if cond.dimension is not None:
        score = d_scores.get(cond.dimension)
        return Reason(
            kind="dimension",
            ref=cond.dimension,
            value=None if score is None else _fmt(round(score, 1)),
            threshold=threshold_text(cond),
        )
    qid = cond.question or ""
    if cond.score_below is not None:
        qs = q_scores.get(qid)
        return Reason(
            kind="question_score",
            ref=qid,
            value=None if qs is None else _fmt(round(qs, 2)),
            threshold=threshold_text(cond),
        )
    answer = answers.get(qid)
    value = None if answer is None or answer.value is None else _fmt(answer.value)
    return Reason(kind="answer", ref=qid, value=value, threshold=threshold_text(cond))


def select_actions(pack: ContentPack, assessment: Assessment) -> dict[str, list[Reason]]:
    """Selected action ids (in roadmap order) with the reasons for each, never empty."""
    actions = pack.roadmap.actions
    by_id: dict[str, Action] = {a.id: a for a in actions}
    answers = assessment.answers
    result = assessment.result
    d_scores: dict[str, float | None] = {d.id: d.score for d in result.dimensions}
    stage = result.stage
    needs_q_scores = any(t.score_below is not None for a in actions for t in a.triggers)
    q_scores = question_scores(pack, assessment) if needs_q_scores else {}
    listed = set(result.actions)

    reasons: dict[str, list[Reason]] = {}
    for action in actions:
        why: list[Reason] = []
        if action.always:
            why.append(Reason(kind="always"))
        if action.new_community and assessment.community.new:
            why.append(Reason(kind="new"))
        for cond in action.triggers:
            if holds(
                cond,
                answers=answers,
                question_scores=q_scores,
                dimension_scores=d_scores,
                stage=stage,
            ):
                reason = _reason(cond, answers, q_scores, d_scores, stage)
                if reason not in why:
                    why.append(reason)
        if not why and action.id in listed:
            why.append(Reason(kind="assessment"))
        if why:
            reasons[action.id] = why

    def depends_on(current: str) -> list[str]:
        # an unknown id is left out: the pack validator reports it
        return [d for d in by_id[current].depends_on if d in by_id] if current in by_id else []

    return with_dependencies(reasons, depends_on, actions)


def with_dependencies(
    reasons: dict[str, list[Reason]],
    depends_on: Callable[[str], Iterable[str]],
    actions: Sequence[Action],
) -> dict[str, list[Reason]]:
    """The chosen actions and, transitively, every action they depend on (its reason: the
    action that needs it), in the roadmap's order. ``reasons`` is extended in place."""
    stack = list(reversed(list(reasons)))
    while stack:
        current = stack.pop()
        for dep in depends_on(current):
            needed = Reason(kind="dependency", ref=current)
            if dep not in reasons:
                reasons[dep] = [needed]
                stack.append(dep)
            elif needed not in reasons[dep] and all(r.kind == "dependency" for r in reasons[dep]):
                reasons[dep].append(needed)
    order = {a.id: i for i, a in enumerate(actions)}
    return {k: reasons[k] for k in sorted(reasons, key=order.__getitem__)}

"""Every stage of the default checklist is reached by some answer set, from weak to strong."""

from __future__ import annotations

from typing import Any

from commkit.core.scoring import score
from commkit.model.answers import Answer
from commkit.model.checklist import Question
from commkit.model.pack import load_pack


def _answer_at(q: Question, level: float) -> Any:
    """An answer to ``q`` whose quality is roughly ``level`` (0 worst .. 1 best)."""
    if q.type == "scale":
        spec = q.scale_spec
        return spec.min + round(level * (spec.max - spec.min))
    if q.type == "yes_no":
        good = level >= 0.5
        return "yes" if good == q.yes_is_good else "no"
    if q.type == "number":
        assert q.number is not None
        bands = q.number.bands
        chosen = min(bands, key=lambda b: (abs(b.score - level), -b.score))
        value = max(chosen.min, q.number.min)
        if q.number.max is not None:
            value = min(value, q.number.max)
        return int(value) if q.number.integer else value
    if q.type == "choice":
        return min(q.options, key=lambda o: (abs(o.score - level), -o.score)).id
    if q.type == "multi":
        ranked = sorted(q.options, key=lambda o: -o.score)
        return [o.id for o in ranked[: max(0, round(level * len(ranked)))]] or [ranked[-1].id]
    return "text"


def test_every_stage_is_reachable() -> None:
    checklist = load_pack().checklist
    reached: dict[str, float] = {}
    for step in range(11):
        level = step / 10
        answers = {q.id: Answer(value=_answer_at(q, level)) for q in checklist.questions}
        result = score(checklist, answers)
        reached.setdefault(result.stage, level)
    assert set(reached) == {s.id for s in checklist.stages}, reached
    order = [s.id for s in checklist.stages]
    levels = [reached[s] for s in order]
    assert levels == sorted(levels), "stronger answers must never reach a lower stage"

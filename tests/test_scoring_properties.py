"""Property tests of the scoring rules (hypothesis) on generated checklists and answers.

Generated checklists have no ``when`` and only monotone gates (``at_least``): a ``below``
gate or a conditional question could legitimately make a better answer lower a score.
"""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commkit.core.scoring import score
from commkit.model.answers import Answer
from commkit.model.checklist import Checklist

TYPES = ["yes_no", "scale", "number", "choice", "multi"]
WEIGHTS = st.sampled_from([0.0, 0.5, 1.0, 1.5, 2.0, 3.0])


@st.composite
def question(draw: Any, qid: str, dims: list[str]) -> dict[str, Any]:
    qtype = draw(st.sampled_from(TYPES))
    q: dict[str, Any] = {
        "id": qid,
        "dimension": draw(st.sampled_from(dims)),
        "type": qtype,
        "text": qid,
        "help": "h",
        "weight": draw(WEIGHTS),
    }
    if qtype == "yes_no":
        q["yes_is_good"] = draw(st.booleans())
    elif qtype == "scale":
        low = draw(st.integers(0, 2))
        q["scale"] = {"min": low, "max": low + draw(st.integers(1, 6))}
    elif qtype == "number":
        n = draw(st.integers(1, 4))
        mins = sorted(draw(st.sets(st.integers(0, 200), min_size=n, max_size=n)))
        scores = sorted(
            draw(st.lists(st.sampled_from([0, 0.25, 0.5, 0.8, 1]), min_size=n, max_size=n))
        )
        q["number"] = {
            "min": 0,
            "bands": [{"min": m, "score": s} for m, s in zip(mins, scores, strict=True)],
        }
    else:
        n = draw(st.integers(2, 4))
        q["options"] = [
            {
                "id": f"o{i}",
                "label": f"o{i}",
                "score": draw(st.sampled_from([0, 0.1, 0.25, 0.5, 0.75, 1])),
            }
            for i in range(n)
        ]
    return q


@st.composite
def checklists(draw: Any) -> Checklist:
    dims = [f"d{i}" for i in range(draw(st.integers(1, 4)))]
    n = draw(st.integers(1, 8))
    questions = [draw(question(f"q{i}", dims)) for i in range(n)]
    for d in dims:  # every dimension needs a question
        if not any(q["dimension"] == d for q in questions):
            questions.append(draw(question(f"q-{d}", [d])))
    thresholds = sorted(draw(st.sets(st.integers(1, 99), min_size=1, max_size=3)))
    stages: list[dict[str, Any]] = [
        {"id": "s0", "title": "s0", "meaning": "m", "focus": "f", "min_score": 0}
    ]
    for i, t in enumerate(thresholds, start=1):
        stage: dict[str, Any] = {
            "id": f"s{i}",
            "title": "s",
            "meaning": "m",
            "focus": "f",
            "min_score": t,
        }
        if draw(st.booleans()):
            stage["requires"] = [
                {"dimension": draw(st.sampled_from(dims)), "at_least": draw(st.integers(0, 100))}
            ]
        stages.append(stage)
    return Checklist.model_validate(
        {
            "kind": "checklist",
            "version": "1",
            "id": "gen",
            "title": "gen",
            "dimensions": [{"id": d, "title": d, "weight": draw(WEIGHTS)} for d in dims],
            "questions": questions,
            "stages": stages,
        }
    )


def value_for(draw: Any, q: Any) -> Any:
    if q.type == "yes_no":
        return draw(st.sampled_from(["yes", "no", True, False]))
    if q.type == "scale":
        return draw(st.integers(q.scale_spec.min, q.scale_spec.max))
    if q.type == "number":
        return draw(st.integers(0, 300))
    ids = [o.id for o in q.options]
    if q.type == "choice":
        return draw(st.sampled_from(ids))
    return draw(st.lists(st.sampled_from(ids), unique=True))


@st.composite
def answered(draw: Any, checklist: Checklist) -> dict[str, Answer]:
    out: dict[str, Answer] = {}
    for q in checklist.questions:
        kind = draw(st.sampled_from(["value", "value", "value", "dk", "na", "absent"]))
        if kind == "value":
            out[q.id] = Answer(value=value_for(draw, q))
        elif kind == "dk":
            out[q.id] = Answer(status="dont_know")
        elif kind == "na":
            out[q.id] = Answer(status="not_applicable")
    return out


def improve(draw: Any, q: Any, answer: Answer) -> Answer | None:
    """An answer at least as good as ``answer`` (``None`` if none can be made)."""
    v = answer.value
    if q.type == "yes_no":
        return Answer(value="yes" if q.yes_is_good else "no")
    if q.type == "scale":
        assert isinstance(v, int)
        return Answer(value=draw(st.integers(v, q.scale_spec.max)))
    if q.type == "number":
        assert isinstance(v, int)
        return Answer(value=v + draw(st.integers(0, 300)))
    scores = {o.id: o.score for o in q.options}
    if q.type == "choice":
        better = [o for o, s in scores.items() if s >= scores[str(v)]]
        return Answer(value=draw(st.sampled_from(better)))
    assert isinstance(v, list)
    extra = [o for o in scores if o not in v]
    if not extra:
        return None
    return Answer(value=[*v, *draw(st.lists(st.sampled_from(extra), unique=True))])


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.data())
def test_scores_stay_in_range(data: Any) -> None:
    checklist = data.draw(checklists())
    result = score(checklist, data.draw(answered(checklist)))
    assert 0 <= result.overall <= 100
    for d in result.dimensions:
        assert d.score is None or 0 <= d.score <= 100
    assert result.stage in {s.id for s in checklist.stages}
    assert set(result.strengths).isdisjoint(result.gaps)


@SETTINGS
@given(st.data())
def test_improving_one_answer_never_lowers_any_score_or_the_stage(data: Any) -> None:
    checklist = data.draw(checklists())
    answers = data.draw(answered(checklist))
    candidates = [
        q for q in checklist.questions if q.id in answers and answers[q.id].status == "answered"
    ]
    if not candidates:
        return
    q = data.draw(st.sampled_from(candidates))
    better = improve(data.draw, q, answers[q.id])
    if better is None:
        return
    before = score(checklist, answers)
    after = score(checklist, {**answers, q.id: better})
    order = [s.id for s in checklist.stages]
    assert after.overall >= before.overall
    assert order.index(after.stage) >= order.index(before.stage)
    for b, a in zip(before.dimensions, after.dimensions, strict=True):
        if b.score is not None:
            assert a.score is not None and a.score >= b.score


@SETTINGS
@given(st.data(), st.sampled_from([0.1, 0.3, 2.0, 3.0, 7.0, 1000.0]))
def test_scaling_all_weights_changes_nothing(data: Any, factor: float) -> None:
    checklist = data.draw(checklists())
    answers = data.draw(answered(checklist))
    scaled = checklist.model_copy(
        update={
            "dimensions": [
                d.model_copy(update={"weight": d.weight * factor}) for d in checklist.dimensions
            ],
            "questions": [
                q.model_copy(update={"weight": q.weight * factor}) for q in checklist.questions
            ],
        }
    )
    assert score(scaled, answers) == score(checklist, answers)


@SETTINGS
@given(st.data())
def test_same_answers_same_result(data: Any) -> None:
    checklist = data.draw(checklists())
    answers = data.draw(answered(checklist))
    assert score(checklist, answers) == score(checklist, dict(reversed(list(answers.items()))))

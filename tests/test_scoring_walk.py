"""The scoring walk: its sums are the rules' sums, and what it compiles never goes stale.

The engine compiles each checklist once (per object) into tables keyed by the answer's value
and adds up each dimension in the same walk; a list of roadmap actions is compiled once too.
These tests recompute every figure from the outcomes by the documented rules, on generated
checklists whose questions are not listed dimension by dimension and carry ``when``
conditions, and check that a second checklist, an overlay pack, a changed weight or a changed
list of actions is scored by its own tables.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commkit.core.plain import plain_answers, plain_checklist, result_model
from commkit.core.scoring import (
    asked_questions,
    assess,
    breakdown,
    fired_action_ids,
    question_score,
    score,
    score_plain,
)
from commkit.model.answers import Answer, Answers, Assessment
from commkit.model.checklist import Checklist
from commkit.model.pack import load_pack

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "perm-krai" / "answers"
TYPES = ["yes_no", "scale", "number", "choice", "multi", "text"]
WEIGHTS = st.sampled_from([0.0, 0.5, 1.0, 1.5, 2.0])


@st.composite
def _question(draw: Any, qid: str, dims: list[str], earlier: list[dict[str, Any]]) -> Any:
    qtype = draw(st.sampled_from(TYPES))
    q: dict[str, Any] = {
        "id": qid,
        "dimension": draw(st.sampled_from(dims)),
        "type": qtype,
        "text": qid,
        "help": "h",
        "weight": 0.0 if qtype == "text" else draw(WEIGHTS),
        "recommendation": {"en": f"do {qid}", "ru": f"сделать {qid}"},
    }
    if qtype == "yes_no":
        q["yes_is_good"] = draw(st.booleans())
    elif qtype == "scale":
        q["scale"] = {"min": 1, "max": 1 + draw(st.integers(1, 4))}
    elif qtype == "number":
        q["number"] = {
            "min": 0,
            "bands": [{"min": 0, "score": 0.0}, {"min": 5, "score": 0.5}, {"min": 10, "score": 1}],
        }
    elif qtype in ("choice", "multi"):
        q["options"] = [
            {"id": f"o{i}", "label": f"o{i}", "score": draw(st.sampled_from([0, 0.3, 0.5, 1]))}
            for i in range(draw(st.integers(2, 4)))
        ]
    gates = [e for e in earlier if e["type"] in ("yes_no", "scale")]
    if gates and draw(st.integers(0, 3)) == 0:
        on = draw(st.sampled_from(gates))
        test = {"equals": "yes"} if on["type"] == "yes_no" else {"at_least": 2}
        q["when"] = {"question": on["id"], **test}
    return q


@st.composite
def checklists(draw: Any) -> Checklist:
    """A checklist whose questions' dimensions come in any order, some asked ``when``."""
    dims = [f"d{i}" for i in range(draw(st.integers(1, 4)))]
    questions: list[dict[str, Any]] = []
    for i in range(draw(st.integers(1, 9))):
        questions.append(draw(_question(f"q{i}", dims, questions)))
    for d in dims:  # every dimension needs a question
        if not any(q["dimension"] == d for q in questions):
            questions.append(draw(_question(f"q-{d}", [d], [])))
    stages: list[dict[str, Any]] = [
        {"id": "s0", "title": "s0", "meaning": "m", "focus": "f", "min_score": 0},
        {"id": "s1", "title": "s1", "meaning": "m", "focus": "f", "min_score": 30},
    ]
    asked_on = [q for q in questions if q["type"] == "yes_no"]
    if asked_on and draw(st.booleans()):
        stages[1]["requires"] = [{"question": asked_on[0]["id"], "equals": "yes"}]
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


def _value(draw: Any, q: Any) -> Any:
    if q.type == "yes_no":
        return draw(st.sampled_from(["yes", "no", True, False, " Yes "]))
    if q.type == "scale":
        return draw(st.integers(q.scale_spec.min, q.scale_spec.max))
    if q.type == "number":
        return draw(st.sampled_from([0, 3, 5, 7, 10, 40, 2.5]))
    if q.type == "text":
        return draw(st.sampled_from(["note", {"en": "a", "ru": "б"}]))
    ids = [o.id for o in q.options]
    if q.type == "choice":
        return draw(st.sampled_from(ids))
    return draw(st.lists(st.sampled_from(ids), unique=True))


@st.composite
def answer_sets(draw: Any, checklist: Checklist) -> dict[str, Answer]:
    """Values that fit, values that do not, "don't know", "not applicable", none."""
    out: dict[str, Answer] = {}
    for q in checklist.questions:
        kind = draw(st.sampled_from(["value", "value", "value", "wrong", "dk", "na", "absent"]))
        if kind == "value":
            out[q.id] = Answer(value=_value(draw, q))
        elif kind == "wrong":
            out[q.id] = Answer(value=draw(st.sampled_from(["zzz", 99, -1, ["nope"]])))
        elif kind in ("dk", "na"):
            out[q.id] = Answer(status="dont_know" if kind == "dk" else "not_applicable")
    return out


def _clean(x: float) -> float:
    return round(round(x, 9), 1) + 0.0


def _check_by_the_rules(checklist: Any, answers: dict[str, Any], lang: str) -> None:
    """Every figure of the breakdown, recomputed from its outcomes by the module's rules."""
    info = breakdown(checklist, answers, lang=lang)
    assert [o.step.id for o in info.outcomes] == [q.id for q in checklist.questions]
    asked = {q.id for q in asked_questions(checklist, answers)}
    by_id = {q.id: q for q in checklist.questions}
    for o in info.outcomes:
        q, answer = by_id[o.step.id], answers.get(o.step.id)
        assert (o.status == "not_asked") == (q.id not in asked)
        if o.status != "not_asked" and answer is not None and answer.status == "answered":
            scored = question_score(q, answer)
            assert o.normalised == scored or (o.status == "unscored" and scored is None)
    dims = {d.id: d for d in info.plain.dimensions}
    for row in info.dimension_rows:
        did, _, dim_score, total, weight_sum = row
        mine = [o for o in info.outcomes if o.step.dimension == did]
        scored = [o for o in mine if o.normalised is not None and o.step.weight > 0]
        assert weight_sum == math.fsum(o.step.weight for o in scored)
        exact = math.fsum(o.step.weight * o.normalised for o in scored)
        assert math.isclose(total, exact, rel_tol=1e-12, abs_tol=1e-12)
        assert dim_score == (_clean(100 * exact / weight_sum) if weight_sum > 0 else None)
        kinds = [o.status for o in mine]
        counts = (
            kinds.count("answered") + kinds.count("unscored"),
            kinds.count("dont_know"),
            kinds.count("not_applicable"),
            kinds.count("unanswered") + kinds.count("invalid"),
        )
        d = dims[did]
        assert (d.score, d.answered, d.dont_know, d.not_applicable, d.unanswered) == (
            dim_score,
            *counts,
        )
    assert info.plain.open_questions == [
        o.step.id for o in info.outcomes if o.status == "dont_know"
    ]
    order = [q.id for q in checklist.questions]
    recommended = [order.index(r.question) for r in info.plain.recommendations]
    assert recommended == sorted(recommended)  # in checklist order
    assert all(by_id[r.question].recommendation or True for r in info.plain.recommendations)
    assert info.dimension_scores == {d.id: d.score for d in info.plain.dimensions}


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_the_walk_adds_up_as_the_rules_say(data: Any) -> None:
    checklist = data.draw(checklists())
    answers = data.draw(answer_sets(checklist))
    lang = data.draw(st.sampled_from(["en", "ru"]))
    _check_by_the_rules(checklist, answers, lang)
    # the model path and the plain path: one walk, the same result
    plain = plain_checklist(json.loads(checklist.model_dump_json()))
    raw = {qid: json.loads(a.model_dump_json()) for qid, a in answers.items()}
    _check_by_the_rules(plain, plain_answers(raw), lang)
    from_models = score(checklist, answers, lang=lang)
    from_plain = result_model(score_plain(plain, plain_answers(raw), lang=lang))
    assert from_models.model_dump(mode="json") == from_plain.model_dump(mode="json")


def test_the_examples_add_up_as_the_rules_say() -> None:
    pack = load_pack()
    for path in sorted(EXAMPLES.glob("*.yaml")):
        answers = Answers.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
        checklist = pack.checklists.get(answers.checklist.id, pack.checklist)
        _check_by_the_rules(checklist, dict(answers.answers), answers.language)


def _some_answers(checklist: Any, lowest: str) -> dict[str, Answer]:
    """Every scale, yes/no and choice question answered; question ``lowest`` at its lowest."""
    out = {}
    for q in checklist.questions:
        if q.type == "scale":
            out[q.id] = Answer(value=q.scale_spec.max if q.id != lowest else q.scale_spec.min)
        elif q.type == "yes_no":
            out[q.id] = Answer(value="yes")
        elif q.type == "choice":
            out[q.id] = Answer(value=q.options[-1].id)
    return out


def test_what_is_compiled_never_goes_stale() -> None:
    """Two checklists, an overlay's checklist, a changed weight and a changed list of
    actions, in one process: each is scored by its own tables, as a fresh copy of it is."""
    pack = load_pack()
    default = pack.checklist
    scale = next(q for q in default.questions if q.type == "scale")
    answers = _some_answers(default, scale.id)

    def fresh(checklist: Checklist) -> Any:  # a copy never scored before: its own tables
        return score(checklist.model_copy(deep=True), answers).model_dump()

    first = score(default, answers).model_dump()
    assert first == fresh(default)
    # a changed weight is another checklist object, scored by its own tables
    heavier = default.model_copy(deep=True)
    heavier.questions = [
        q.model_copy(update={"weight": 0.0}) if q.id == scale.id else q for q in heavier.questions
    ]
    changed = score(heavier, answers).model_dump()
    assert changed == fresh(heavier)
    assert changed != first
    assert score(default, answers).model_dump() == first  # the first's tables untouched
    # another checklist of the pack, scored between two of the default
    for other in pack.checklists.values():
        if other is not default:
            assert score(other, answers).model_dump() == fresh(other)
    assert score(default, answers).model_dump() == first
    # an overlay's checklist: read from its own file (here with that weight changed)
    from commkit.model.pack_paths import default_pack_dir

    path = default_pack_dir() / "checklists" / "self-identification.yaml"
    text = yaml.safe_load(path.read_text(encoding="utf-8"))
    for q in text["questions"]:
        if q["id"] == scale.id:
            q["weight"] = 0.0
    over = Checklist.model_validate(text)
    assert score(over, answers).model_dump() == changed
    assert score(default, answers).model_dump() == first
    # a list of actions: compiled once, used only while it holds the same actions
    info = breakdown(default, answers)
    actions = list(pack.roadmap.actions)
    fired = fired_action_ids(actions, info)
    assert fired == fired_action_ids(pack.roadmap.actions, info)
    always = next(a for a in actions if a.always)
    actions.remove(always)
    assert fired_action_ids(actions, info) == [a for a in fired if a != always.id]
    actions.append(always)
    assert fired_action_ids(actions, info) == [a for a in fired if a != always.id] + [always.id]
    actions[-1] = actions[0]
    assert fired_action_ids(actions, info)[-1] == actions[0].id or actions[0].id not in fired


def test_assess_makes_the_model_validation_would_make() -> None:
    """The assessment is put together from checked parts without validating them again: the
    same model, dump and JSON as the validated one."""
    pack = load_pack()
    for path in sorted(EXAMPLES.glob("*.yaml")):
        answers = Answers.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
        made = assess(pack, answers, dt.date(2026, 11, 1))
        fields = {name: getattr(made, name) for name in made.model_fields_set}
        validated = Assessment(**fields)
        assert made == validated
        assert made.model_fields_set == validated.model_fields_set
        assert made.model_dump_json() == validated.model_dump_json()
        again = Assessment.model_validate(json.loads(made.model_dump_json()))
        assert again.model_dump(mode="json") == made.model_dump(mode="json")


def _as_validated(made: Any) -> None:
    """``made`` (a model the engine put together without validation) is the model that
    validating its own data gives: equal, the same JSON bytes, ``repr``, fields in the same
    order, the same fields set, and so for every model inside it."""
    validated = type(made).model_validate(made.model_dump())
    assert made == validated
    assert made.model_dump_json() == validated.model_dump_json()
    assert repr(made) == repr(validated)
    assert list(vars(made)) == list(type(made).model_fields) == list(vars(validated))
    assert made.model_fields_set == validated.model_fields_set
    assert type(made.model_fields_set) is set  # pydantic adds to it when a field is set
    assert made.__pydantic_extra__ is None and made.__pydantic_private__ is None
    for value in vars(made).values():
        for inner in value if isinstance(value, list) else [value]:
            if hasattr(inner, "model_fields_set"):
                _as_validated(inner)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_the_result_is_the_model_validation_would_make(data: Any) -> None:
    """``score`` builds its result (and the dimension results and recommendations in it)
    without validating them: on generated answer sets to the pack's checklist (values that
    fit and that do not, "don't know", none), in both languages, it is the validated model."""
    checklist = load_pack().checklist
    answers = data.draw(answer_sets(checklist))
    result = score(checklist, answers, lang=data.draw(st.sampled_from(["en", "ru"])))
    _as_validated(result)
    result.actions = ["a"]  # assess sets the actions: the result is a model like any other
    assert result.model_dump()["actions"] == ["a"] and "actions" in result.model_fields_set

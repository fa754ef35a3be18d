"""The fast paths (lean scoring, streamed batches and maps) give what the plain ones give."""

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from commkit.cli.output import JsonArrayWriter
from commkit.core.region_map import LeaderEntry, build_map
from commkit.core.scoring import breakdown, checklist_hash, score
from commkit.model.answers import Answer
from commkit.model.pack import content_hash, load_pack
from commkit.model.spill import SpilledList
from commkit.model.workspace_loader import load_workspace
from commkit.render.map_csv import map_csv
from commkit.render.map_json import map_json_chunks
from commkit.render.map_md import map_markdown

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "perm-krai"


@pytest.mark.parametrize(
    "items",
    [[], [{"a": [1, {"b": "two\nlines"}], "c": {}}], [{"r": "Пермь"}, [], None, "x"]],
)
def test_json_array_writer_writes_the_bytes_of_one_dump(items: list[object]) -> None:
    buffer = io.StringIO()
    writer = JsonArrayWriter(buffer)
    for item in items:
        writer.add(item)
    writer.close()
    assert buffer.getvalue() == json.dumps(items, ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("binary", [True, False])
def test_an_encoded_item_is_written_as_the_same_bytes(binary: bool) -> None:
    """``add_encoded`` (a batch's worker made the value's text): the bytes ``add`` writes,
    through the stream's bytes where it has UTF-8 ones, else through its text."""
    from commkit.render.json_text import RawJson, dumps

    raw = RawJson(dumps({"r": "Пермь", "n": [1, 2], "e": {}}))
    value = raw.text.replace("\n", "\n    ").encode("utf-8")
    items = [{"source": "a", "files": {"m": "x"}}, {"source": "б", "warnings": []}]
    expected = io.StringIO()
    plain = JsonArrayWriter(expected)
    for item in items:
        plain.add({**item, "assessment": raw})
    plain.close()
    got = io.TextIOWrapper(io.BytesIO(), encoding="utf-8") if binary else io.StringIO()
    writer = JsonArrayWriter(got)
    for item in items:
        writer.add_encoded(item, "assessment", value)
    writer.close()
    written = got.buffer.getvalue().decode("utf-8") if binary else got.getvalue()  # type: ignore[attr-defined]
    assert written == expected.getvalue()


def test_spilled_list_reads_back_in_order() -> None:
    spilled = SpilledList(LeaderEntry, keep=100)
    assert not spilled and list(spilled) == []
    items = [
        LeaderEntry(name=f"Лидер {i}", community=f"c{i}", community_name="К", role=None)
        for i in range(1203)
    ]
    spilled.extend(items)
    assert len(spilled) == 1203
    assert list(spilled) == items
    assert spilled[:2] == items[:2] and spilled[-1] == items[-1]
    assert spilled[600:1000:7] == items[600:1000:7] and spilled[::-1] == items[::-1]
    # two iterations at once each keep their own place
    pairs = [(a.name, b.name) for a, b in zip(spilled, spilled, strict=True)]
    assert pairs[-1] == (items[-1].name, items[-1].name)
    with pytest.raises(IndexError):
        spilled[1203]
    spilled.close()


@pytest.mark.parametrize("with_pack", [True, False])
def test_spilled_map_renders_like_the_in_memory_map(
    with_pack: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    from commkit.model import spill

    monkeypatch.setattr(spill, "KEEP", 2)  # the example's seven communities: five spilled
    pack = load_pack() if with_pack else None
    day = dt.date(2026, 11, 1)
    plain = build_map(load_workspace(EXAMPLE), pack, day)
    spilled = build_map(load_workspace(EXAMPLE), pack, day, spill=True)
    expected = json.dumps(plain.to_json(), ensure_ascii=False, indent=2, default=str) + "\n"
    assert "".join(map_json_chunks(spilled)) == expected
    assert "".join(map_json_chunks(plain)) == expected
    assert map_csv(spilled) == map_csv(plain)
    for lang in ("en", "ru"):
        assert map_markdown(spilled, lang) == map_markdown(plain, lang)


def test_the_engine_gives_recommendations_in_any_language_and_caches_the_hash() -> None:
    """A report in another language than the answers takes its texts from the same run."""
    pack = load_pack()
    checklist = pack.checklist
    answers: dict[str, Answer] = {}
    for i, q in enumerate(checklist.questions):
        if i % 7 == 3:
            answers[q.id] = Answer(status="dont_know")
        elif q.type == "yes_no":
            answers[q.id] = Answer(value=i % 2 == 0)
        elif q.type == "scale":
            answers[q.id] = Answer(value=q.scale_spec.min + 1)
        elif q.type == "choice":
            answers[q.id] = Answer(value=q.options[i % len(q.options)].id)
        elif q.type == "multi":
            answers[q.id] = Answer(value=[q.options[0].id])
        elif q.type == "number":
            answers[q.id] = Answer(value=10**9)  # out of range: left out
    english = breakdown(checklist, answers, lang="en")
    russian = breakdown(checklist, answers, lang="ru")
    assert english.result.recommendations and english.result != russian.result
    assert english.recommendations("ru") == russian.result.recommendations
    assert russian.recommendations("en") == english.result.recommendations
    assert score(checklist, answers, lang="ru") == russian.result
    assert checklist_hash(checklist) == content_hash(checklist)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_one_assess_scores_its_answers_once(
    lang: str, tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The result, the report and the summary on screen come from one run of the engine."""
    from commkit.cli.app import app
    from commkit.core import scoring

    runs: list[str] = []
    engine = scoring.breakdown

    def counted(*args: Any, **kwargs: Any) -> Any:
        runs.append(kwargs.get("lang", ""))
        return engine(*args, **kwargs)

    monkeypatch.setattr(scoring, "breakdown", counted)
    answers = EXAMPLE / "answers" / "business-mentor.yaml"
    result = runner.invoke(
        app, ["--lang", lang, "assess", "--answers", str(answers), "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert len(runs) == 1
    assert len(list(tmp_path.glob("*.md"))) == 1


def test_the_scoring_rules_accept_exactly_the_values_that_fit() -> None:
    """Each question's compiled scoring rule and value_problem (the message) never disagree."""
    from commkit.core.scoring import question_score, value_problem

    pack = load_pack()
    for checklist in pack.checklists.values():
        for q in checklist.questions:
            ids = [o.id for o in q.options]
            values: list[object] = [True, False, "yes", " No ", "maybe", 0, 1, 3, 2.5, -1]
            values += [
                10**9,
                float("nan"),
                float("inf"),
                "",
                "text",
                [],
                ids[:1],
                ids[:2],
                ids[-2:],
                ids,
            ]
            values += [ids[:1] * 2, ["nope"], *ids]
            for value in values:
                fits = value_problem(q, value) is None  # type: ignore[arg-type]
                scored = question_score(q, Answer.model_construct(status="answered", value=value))
                if q.type == "text":
                    assert scored is None
                else:
                    assert (scored is not None) == fits, (q.id, value)


def test_an_answer_scores_the_same_when_it_comes_back() -> None:
    """The engine remembers how each answer value counts, per question: a value seen before,
    an equal value of another type (1, 1.0, True), another list with the same ticks, or a
    value nothing can remember gives what a plan that never saw it gives."""
    from commkit.core import scoring

    def counted(step: Any, value: object) -> object:
        try:
            outcome = step.answered(value)
        except TypeError as exc:  # a tick list holding something unhashable, as ever
            return f"TypeError: {exc}"
        figures = (outcome.normalised, outcome.adds, outcome.adds_weight)
        return (outcome.status, outcome.kind, outcome.recommends, repr(figures))  # -0.0 too

    checklist = load_pack().checklist
    plan = scoring._Plan(checklist)
    # a step's outcomes are its own: the n-th value of every step is asked of the n-th fresh
    # plan, which has seen nothing before it (one fresh plan per value, not per step and value)
    fresh_plans: list[Any] = []
    for place, step in enumerate(plan.steps):
        q = step.question
        ids = [o.id for o in q.options]
        values: list[object] = [1, 1.0, True, 0, 0.0, -0.0, False, "yes", "Yes", 3, 3.0, 2.5]
        values += [-0.0, 0, 0.0, 5, 4, 50, 49, 7.0]  # one band, one outcome: and its sign
        values += [float("nan"), 10**9, [], ids[:1], ids[:2], ids, ids[::-1], ids[:1] * 2]
        values += [["nope"], [{"a": 1}], [ids[:1]], {"en": "a", "ru": "b"}, *ids]
        for n, value in enumerate(values * 2):
            if n == len(fresh_plans):
                fresh_plans.append(scoring._Plan(checklist))
            fresh = fresh_plans[n].steps[place]
            assert counted(step, value) == counted(fresh, value), (q.id, value)
            assert len(step.outcomes) <= scoring._MAX_OUTCOMES


def test_answers_in_one_band_share_an_outcome_that_keeps_the_sign_of_zero() -> None:
    """Yes/no, scale and number answers with the same normalised score are one outcome (the
    counts of one band); a scale from 0 answered -0.0 keeps its -0.0 apart, as before."""
    from commkit.core import scoring
    from commkit.model.checklist import ScaleSpec

    checklist = load_pack().checklist
    plan = scoring._Plan(checklist)
    step = next(s for s in plan.steps if s.question.type == "number" and not s.watchers)
    number = step.question
    band = number.number.bands[-1].min  # type: ignore[union-attr]
    assert step.answered(band + 1) is step.answered(band + 2) is step.answered(float(band))
    scale = next(q for q in checklist.questions if q.type == "scale")
    zero_based = scale.model_copy(update={"scale": ScaleSpec(min=0, max=4)})
    step = scoring._Step(zero_based, None, [])
    for value in (0, -0.0, 0.0, -0.0):
        outcome = step.answered(value)
        assert repr(outcome.normalised) == repr(value / 4.0)
        fresh = scoring._Step(zero_based, None, []).answered(value)
        assert repr((outcome.adds, outcome.adds_weight)) == repr((fresh.adds, fresh.adds_weight))


def test_a_changed_checklist_is_not_scored_with_the_plan_of_the_old_one() -> None:
    """The scoring plan is made per checklist object: a copy with other weights, option
    scores or a changed condition scores as that checklist loaded afresh, never as the
    checklist it was copied from."""
    from commkit.model.checklist import Checklist

    checklist = load_pack().checklist
    given = {
        q.id: Answer(value=q.options[0].id if q.type == "choice" else _fitting(q))
        for q in checklist.questions
    }
    before = score(checklist, given)
    choice = next(q for q in checklist.questions if q.type == "choice")
    gated = next(q for q in checklist.questions if q.when is not None)
    changed = checklist.model_copy(
        update={
            "dimensions": [d.model_copy(update={"weight": 1.0}) for d in checklist.dimensions],
            "questions": [
                q.model_copy(
                    update={
                        "weight": q.weight if q.type == "text" else 2.0 - q.weight,
                        "options": [o.model_copy(update={"score": 1.0}) for o in q.options]
                        if q is choice
                        else q.options,
                        "when": None if q is gated else q.when,
                    }
                )
                for q in checklist.questions
            ],
        }
    )
    fresh = Checklist.model_validate(changed.model_dump())
    assert score(changed, given) == score(fresh, given) != before
    assert breakdown(changed, given).question_rows == breakdown(fresh, given).question_rows
    assert score(checklist, given) == before


def _fitting(q: Any) -> object:
    if q.type == "yes_no":
        return "no"
    if q.type == "scale":
        return q.scale_spec.min + 1
    if q.type == "number":
        return q.number.min + 1
    if q.type == "multi":
        return [q.options[-1].id]
    return "a note"


def test_the_result_the_engine_builds_is_a_valid_result() -> None:
    """The engine builds its result without validating it again: it is equal to the same
    data validated, and to what pydantic's own construction makes, field for field."""
    from commkit.model.answers import AssessmentResult

    checklist = load_pack().checklist
    given = {q.id: Answer(value=_fitting(q)) for q in checklist.questions}
    result = score(checklist, given, lang="ru")
    assert result.recommendations and result.dimensions
    validated = AssessmentResult.model_validate(result.model_dump())
    assert result == validated
    assert result.model_dump_json() == validated.model_dump_json()
    constructed = AssessmentResult.model_construct(**dict(result))
    assert list(vars(result).items()) == list(vars(constructed).items())
    assert result.model_fields_set == constructed.model_fields_set
    assert result.__pydantic_extra__ is None and result.__pydantic_private__ is None
    result.actions = ["a"]  # assess sets the actions: the result stays a model like any other
    assert result.model_dump()["actions"] == ["a"]


def test_a_condition_gives_the_same_for_a_text_answer_it_has_seen() -> None:
    """A question condition remembers its verdict on each text answer: again, it says what
    a condition that never saw the answer says."""
    from commkit.core.conditions import compile_condition
    from commkit.model.condition import Condition

    conditions = [
        Condition(question="q", equals="yes"),
        Condition(question="q", equals=True),
        Condition(question="q", any_of=["a", "b", 3]),
        Condition(question="q", equals="No"),
    ]
    values: list[object] = ["yes", " Yes ", "YES", "no", "No", "a", "b", "c", "3", 3, 3.0]
    values += [True, False, ["a"], ["c"], ""]
    for cond in conditions:
        remembering = compile_condition(cond)
        for value in values * 2:
            answers = {"q": Answer.model_construct(status="answered", value=value, note=None)}
            expected = compile_condition(cond)(answers, {}, {}, None)
            assert remembering(answers, {}, {}, None) == expected, (cond, value)


def test_results_share_immutable_dimension_results(monkeypatch: pytest.MonkeyPatch) -> None:
    """Dimension results with the same figures are one object, which nobody can change."""
    from pydantic import ValidationError

    from commkit.core import scoring

    checklist = load_pack().checklist
    answers = {q.id: Answer(status="dont_know") for q in checklist.questions}
    first, second = score(checklist, answers), score(checklist, answers)
    assert first == second and first.dimensions is not second.dimensions
    assert all(a is b for a, b in zip(first.dimensions, second.dimensions, strict=True))
    with pytest.raises(ValidationError):
        first.dimensions[0].score = 99.0
    monkeypatch.setattr(scoring, "_MAX_SHARED", 0)  # past the bound: made afresh, equal
    other = {**answers, checklist.questions[0].id: Answer(status="not_applicable")}
    third, fourth = score(checklist, other), score(checklist, other)
    assert third == fourth and third.dimensions[0] is not fourth.dimensions[0]


def test_a_one_file_command_builds_only_the_models_it_reads() -> None:
    """Checking the pack and assessing one answers file import no workspace models and
    build no validator for assessments (pydantic classes are costly to build)."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from commkit.api import validate\n"
        "from commkit.model.loader import kind_model, parse_file\n"
        "assert validate().ok\n"
        "from pathlib import Path\n"
        f"doc = parse_file(Path({str(EXAMPLE / 'answers' / 'fashiontechperm.yaml')!r}))\n"
        "assert kind_model(doc).__name__ == 'Answers'\n"
        "from commkit.model.answers import Assessment\n"
        "print(sorted(m for m in sys.modules if m.startswith('commkit.model.')))\n"
        "print(Assessment.__pydantic_complete__)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    modules, built = run.stdout.splitlines()
    assert "commkit.model.answers" in modules and "commkit.model.workspace" not in modules
    assert built == "False"
    from commkit.model import KINDS, kind_class

    assert KINDS["community"] is kind_class("community") and len(KINDS) == 9


def test_remembered_figures_give_what_working_them_out_gives(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Sums of weights and counts by the kinds of a dimension's outcomes, shared dimension
    results and rounded numbers are remembered: a checklist scored with all of that in
    memory gives what one that remembers nothing gives, answer set for answer set."""
    import random

    from commkit.core import scoring

    checklist = load_pack().checklist
    rng = random.Random(5)
    sets = []
    for _ in range(60):
        given: dict[str, Answer] = {}
        for q in checklist.questions:
            pick = rng.random()
            if pick < 0.1:
                given[q.id] = Answer(status=rng.choice(["dont_know", "not_applicable"]))
            elif pick < 0.9:
                given[q.id] = Answer(value=_fitting(q) if pick < 0.5 else _other(q, rng))
        sets.append(given)
    remembered = [score(checklist, given) for given in sets * 2]
    monkeypatch.setattr(scoring, "_MAX_SHARED", 0)
    monkeypatch.setattr(scoring, "_MAX_CLEANED", 0)
    monkeypatch.setattr(scoring, "_CLEANED", {})
    forgetful = checklist.model_copy(deep=True)
    assert remembered == [score(forgetful, given) for given in sets * 2]
    assert scoring._clean(62.25) == 62.2 and scoring._clean(-0.0) == 0.0


def _other(q: Any, rng: Any) -> object:
    if q.type == "yes_no":
        return "yes"
    if q.type == "scale":
        return q.scale_spec.max
    if q.type == "number":
        return rng.randint(0, 500)
    if q.type in ("choice", "multi"):
        option = rng.choice([o for o in q.options if not o.exclusive]).id
        return [option] if q.type == "multi" else option
    return "another note"


def test_a_when_and_a_stage_gate_see_each_value_as_the_condition_does() -> None:
    """A question that conditions look at is asked, and a stage gate holds, exactly when the
    condition itself holds for that value: values of one band (0 and 1 projects, 4 and 5
    initiatives), values that do not fit (1.5 projects: a ``when`` sees it, a gate does
    not), yes/no written as ``True`` or `` Yes ``, "don't know"."""
    from commkit.core.conditions import holds
    from commkit.core.scoring import asked_questions, question_score

    checklist = load_pack().checklist
    by_id = {q.id: q for q in checklist.questions}
    values: list[object] = [0, 1, 2, 3, 4, 5, 24, 25, 1.5, 3.0, -0.0, True, False, " Yes "]
    values += ["yes", "no", "maybe", None, [], ["nope"], "written", "draft", "dedicated"]
    gates = [(s.id, c) for s in checklist.stages for c in s.requires if c.question is not None]
    assert any(q.when is not None for q in checklist.questions) and gates
    for value in values:
        for status in ("answered", "dont_know"):
            answer = Answer.model_construct(status=status, value=value)
            for q in checklist.questions:
                if q.when is None or q.when.question is None:
                    continue
                watched = by_id[q.when.question]
                given = {watched.id: answer}
                expected = holds(
                    q.when,
                    answers=given,
                    question_scores={watched.id: question_score(watched, answer)},
                    dimension_scores={},
                    stage=None,
                )
                asked = {a.id for a in asked_questions(checklist, given)}
                assert (q.id in asked) is expected, (q.id, value, status)
            for stage, cond in gates:
                watched = by_id[cond.question]  # type: ignore[index]
                given = {watched.id: answer}
                fits = question_score(watched, answer) is not None or (
                    status == "answered" and watched.type == "text"
                )
                expected = fits and holds(
                    cond,
                    answers=given,
                    question_scores={watched.id: question_score(watched, answer)},
                    dimension_scores={},
                    stage=None,
                )
                failed = next(
                    (
                        s.failed_conditions
                        for s in breakdown(checklist, given).stage_steps
                        if s.stage == stage
                    ),
                    None,
                )
                if failed is not None:  # the walk reached this stage
                    assert (cond not in failed) is expected, (stage, cond, value, status)

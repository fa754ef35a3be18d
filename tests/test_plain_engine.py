"""The scoring engine on plain objects: without pydantic, and exactly as on the models.

The same ``breakdown()`` and ``check_answers()`` run on the models and on plain objects built
from the models' JSON data (``commkit.core.plain``); every field of what they give must be the
same, on every example and fixture answers file and on seeded random answer sets (values of
every kind, wrong ones too, "don't know", "not applicable", young communities, both
languages) over the default pack and the test packs.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

from commkit.core.plain import (
    PlainChecklist,
    PlainResult,
    plain_actions,
    plain_answers_file,
    plain_checklist,
    result_model,
)
from commkit.core.scoring import (
    Breakdown,
    asked_questions,
    breakdown,
    check_answers,
    checklist_for,
    checklist_hash,
    fired_action_ids,
    months_active,
    score,
    score_plain,
)
from commkit.model.answers import Answer, Answers, AssessmentResult
from commkit.model.pack import ContentPack, load_pack

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
PACKS = {
    "default": None,
    "assess": FIXTURES / "assess" / "pack",
    "plan": FIXTURES / "plan" / "pack",
    "seminars": FIXTURES / "seminars" / "pack",
}
ANSWERS_FILES = sorted(
    (path, pack)
    for path, pack in [
        *((p, "default") for p in (ROOT / "examples").rglob("*.yaml")),
        *((p, "default") for p in (FIXTURES / "answers-1.0").rglob("*.yaml")),
        *((p, "assess") for p in (FIXTURES / "assess" / "answers").glob("*.yaml")),
        (FIXTURES / "plan" / "answers.yaml", "plan"),
    ]
    if "\nkind: answers" in "\n" + path.read_text("utf-8")
)
TODAY = dt.date(2026, 11, 1)


def _pack(name: str) -> ContentPack:
    folder = PACKS[name]
    return load_pack(folder)


def _json(data: Any) -> Any:
    """``data`` as JSON gives it back (dates become text)."""
    return json.loads(json.dumps(data, default=str, ensure_ascii=False))


_PLAIN: dict[int, tuple[PlainChecklist, list[Any]]] = {}


def _plain_of(pack: ContentPack, checklist: Any) -> tuple[PlainChecklist, list[Any]]:
    """The plain checklist and roadmap actions, made from their models' JSON data."""
    key = id(checklist)
    if key not in _PLAIN:
        actions = _json(pack.roadmap.model_dump(mode="json")["actions"])
        _PLAIN[key] = (plain_checklist(_json(checklist.model_dump(mode="json"))), actions)
    made, actions = _PLAIN[key]
    return made, plain_actions(actions)


def _diagnostics(found: list[Any]) -> list[tuple[Any, ...]]:
    return [(d.message, d.field, d.severity, d.line) for d in found]


def _figures(info: Breakdown, actions: list[str]) -> dict[str, Any]:
    """Every figure of a breakdown as plain data."""
    other = "ru" if info.lang == "en" else "en"
    return {
        "result": info.plain.data(),
        "actions": actions,
        "questions": [list(row) for row in info.question_rows],
        "dimensions": [list(row) for row in info.dimension_rows],
        "overall": info.overall,
        "target": info.target,
        "stages": [
            (*step[:5], [(type(c).__name__.removeprefix("Plain"), c.subject) for c in step[5]])
            for step in info.stage_steps
        ],
        "asked": info.asked,
        "question_scores": info.question_scores,
        "recommendations": [r.data() for r in info.plain_recommendations(other)],
        "answers": {qid: (a.status, a.value, a.note) for qid, a in sorted(info.answers.items())},
    }


def _compare(pack: ContentPack, raw: dict[str, Any], *, today: dt.date = TODAY) -> None:
    """The models and the plain objects give the same figures and diagnostics for ``raw``."""
    answers = Answers.model_validate(raw)
    checklist = checklist_for(pack, answers)
    plain_cl, actions = _plain_of(pack, checklist)
    plain = plain_answers_file(_json(raw))
    for complete in (True, False):
        model_diags = check_answers(checklist, answers, require_complete=complete)
        plain_diags = check_answers(plain_cl, plain, require_complete=complete)
        assert _diagnostics(plain_diags) == _diagnostics(model_diags)
    when = answers.date or today
    months = months_active(answers.community.founded, when)
    assert months_active(plain.community.founded, plain.date or today) == months
    for lang in (answers.language, "ru" if answers.language == "en" else "en"):
        model_info = breakdown(checklist, answers.answers, lang=lang, months=months)
        plain_info = breakdown(plain_cl, plain.answers, lang=lang, months=months)
        model_fired = fired_action_ids(pack.roadmap.actions, model_info)
        plain_fired = fired_action_ids(actions, plain_info)
        # repr: NaN answers compare equal, and 1, 1.0 and True apart
        assert repr(_figures(plain_info, plain_fired)) == repr(_figures(model_info, model_fired))
        assert result_model(plain_info.plain) == model_info.result
    assert [q.id for q in asked_questions(plain_cl, plain.answers)] == [
        q.id for q in asked_questions(checklist, answers.answers)
    ]


@pytest.mark.parametrize(
    ("path", "pack_name"),
    ANSWERS_FILES,
    ids=[str(p.relative_to(ROOT)) for p, _ in ANSWERS_FILES],
)
def test_every_answers_file_scores_alike_on_plain_objects(path: Path, pack_name: str) -> None:
    raw = yaml.safe_load(path.read_text("utf-8"))
    try:
        Answers.model_validate(raw)
    except ValueError:
        assert path.name == "bad.yaml"  # the one fixture the models refuse
        return
    _compare(_pack(pack_name), raw)


# ---------------------------------------------------------------- random answer sets

ODD_VALUES: list[Any] = [
    True, False, "yes", "no", "YES", " no ", "maybe", "", 0, 1, -1, 2.5, 3.0, -0.0, 10**9,
    1e-9, float("nan"), float("inf"), "3", [], ["x"], 7, 12, 100,
]  # fmt: skip


def _random_value(rng: random.Random, q: Any) -> Any:
    if rng.random() < 0.12:
        return rng.choice(ODD_VALUES)
    if q.type == "yes_no":
        return rng.choice([True, False, "yes", "no"])
    if q.type == "scale":
        spec = q.scale_spec
        return rng.randint(spec.min, spec.max) * rng.choice([1, 1, 1.0])
    if q.type == "number":
        return rng.choice([0, 1, 2, 3, 5, 8, 10, 20, 40, 80, 0.5, 12.5, 1000])
    if q.type == "choice":
        return rng.choice([o.id for o in q.options])
    if q.type == "multi":
        ids = [o.id for o in q.options]
        return rng.sample(ids, rng.randint(0, len(ids)))
    return rng.choice(["a text", "текст"])  # {en, ru} only as {value: ...} (below)


def _random_answers(rng: random.Random, pack: ContentPack, i: int) -> dict[str, Any]:
    checklist = rng.choice(list(pack.checklists.values()))
    answers: dict[str, Any] = {}
    for q in checklist.questions:
        roll = rng.random()
        if roll < 0.06:
            continue
        if roll < 0.12:
            answers[q.id] = {"status": rng.choice(["dont_know", "not_applicable"])}
        elif roll < 0.2:
            value = {"en": "a", "ru": "б"} if roll < 0.13 else _random_value(rng, q)
            answers[q.id] = {"value": value, "note": "seen at the meeting"}
        else:
            answers[q.id] = _random_value(rng, q)
    if rng.random() < 0.05:
        answers["no.such-question"] = 1
    community: dict[str, Any] = {"name": f"Сообщество {i}"}
    if rng.random() < 0.4:
        community["new"] = True
        community["founded"] = rng.choice(
            [2026, "2026-08", "2026-10-20", dt.date(2026, 6, 1), "2025", 2019]
        )
    ref: dict[str, Any] = {"id": checklist.id, "version": checklist.version}
    if rng.random() < 0.1:
        ref = {"id": checklist.id, "version": "0.9", "hash": "sha256:0000000000000000"}
    raw: dict[str, Any] = {
        "kind": "answers",
        "version": "1",
        "checklist": ref,
        "community": community,
        "language": rng.choice(["en", "ru"]),
        "answers": answers,
    }
    if rng.random() < 0.7:
        raw["date"] = rng.choice([dt.date(2026, 11, 1), "2026-12-15"])
    return raw


@pytest.mark.parametrize("pack_name", list(PACKS))
def test_random_answer_sets_score_alike_on_plain_objects(pack_name: str) -> None:
    pack = _pack(pack_name)
    rng = random.Random(f"plain-{pack_name}")
    compared = 0
    for i in range(100):
        raw = _random_answers(rng, pack, i)
        try:
            Answers.model_validate(raw)
        except ValueError:
            continue  # the models refuse it: no plain object is made of it
        _compare(pack, raw)
        compared += 1
    assert compared >= 95


def test_a_plain_checklist_has_the_models_hash() -> None:
    for name in PACKS:
        pack = _pack(name)
        for checklist in pack.checklists.values():
            data = _json(checklist.model_dump(mode="json"))
            assert checklist_hash(plain_checklist(data)) == checklist_hash(checklist)
            given = plain_checklist(data, content_hash="sha256:given")
            assert checklist_hash(given) == "sha256:given"


def test_plain_results_become_the_same_models() -> None:
    checklist = _pack("default").checklist
    answers = {q.id: Answer(status="dont_know") for q in checklist.questions[::3]}
    for q in checklist.questions[1::3]:
        if q.type == "yes_no":
            answers[q.id] = Answer(value="no")
        elif q.type == "scale":
            answers[q.id] = Answer(value=q.scale_spec.min)
    for lang in ("en", "ru"):
        info = breakdown(checklist, answers, lang=lang, months=4.0)
        plain = score_plain(checklist, answers, lang=lang)
        model = score(checklist, answers, lang=lang)
        assert isinstance(plain, PlainResult) and isinstance(model, AssessmentResult)
        assert plain.recommendations and plain.open_questions
        assert result_model(plain) == model
        assert plain.data() == model.model_dump(mode="json")
        assert AssessmentResult.model_validate(plain.data()) == model
        assert info.result is info.result  # made once
        assert info.recommendations(lang) == info.result.recommendations
        assert [r.data() for r in info.plain_recommendations(lang)] == [
            r.model_dump(mode="json") for r in info.result.recommendations
        ]


SCORE_WITHOUT_PYDANTIC = textwrap.dedent(
    """
    import json
    import sys

    from commkit.core.plain import plain_actions, plain_answers_file, plain_checklist
    from commkit.core.scoring import (
        breakdown, check_answers, checklist_hash, fired_action_ids, months_active,
    )

    given = json.loads(sys.stdin.read())
    checklist = plain_checklist(given["checklist"])
    answers = plain_answers_file(given["answers"])
    months = months_active(answers.community.founded, answers.date)
    info = breakdown(checklist, answers.answers, lang=answers.language, months=months)
    info.plain.actions = fired_action_ids(plain_actions(given["actions"]), info)
    problems = [d.message for d in check_answers(checklist, answers)]
    loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("pydantic", "pydantic_core"))
    print(json.dumps([info.plain.data(), problems, checklist_hash(checklist), loaded]))
    """
)


def test_scoring_plain_objects_imports_no_pydantic() -> None:
    pack = _pack("default")
    path = ROOT / "examples" / "perm-krai" / "answers" / "business-mentor.yaml"
    raw = yaml.safe_load(path.read_text("utf-8"))
    raw["community"]["founded"] = "2020-05"  # a young community: its counts are scaled
    answers = Answers.model_validate(raw)
    checklist = checklist_for(pack, answers)
    given = {
        "checklist": checklist.model_dump(mode="json"),
        "actions": pack.roadmap.model_dump(mode="json")["actions"],
        "answers": raw,
    }
    run = subprocess.run(
        [sys.executable, "-c", SCORE_WITHOUT_PYDANTIC],
        input=json.dumps(given, default=str),
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    result, problems, digest, loaded = json.loads(run.stdout)
    assert loaded == []
    from commkit.core.scoring import assess

    assessment = assess(pack, answers)
    assert result == assessment.result.model_dump(mode="json")
    assert problems == [d.message for d in check_answers(checklist, answers)]
    assert digest == checklist_hash(checklist)

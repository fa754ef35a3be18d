"""The compiled answers and recommendations checks never accept what the models refuse,
accept what commkit writes, and a map reads a broken assessment as it did."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import TypeAdapter, ValidationError

from commkit import api
from commkit.model.answers import AnswerEntry, Recommendation
from commkit.model.answers_check import answers_valid, recommendations_valid
from commkit.model.common import Id

ANSWERS_MODEL: TypeAdapter[Any] = TypeAdapter(dict[Id, AnswerEntry])
RECOMMENDATIONS_MODEL: TypeAdapter[Any] = TypeAdapter(list[Recommendation])

VALUES: list[Any] = [
    4, 0, -3, 2.5, float("inf"), True, False, "text", "", "yes", "60", "x" * 2001,
    ["a", "b"], [], [1], ["a", None], None, {"en": "x"}, {"en": "x", "ru": "у"}, {},
    {"EN": "x"}, {"en": 1}, {"en-US": "x"}, {"en": ""}, {1: "x"}, dt.date(2020, 1, 2),
    b"bytes", ("a",), {"a", "b"}, {"value": 3}, {"status": "dont_know"},
]  # fmt: skip
NOTES: list[Any] = [None, "n", "", "x" * 2000, "x" * 2001, {"ru": "заметка"}, {}, {"xx": 1}, 5]
STATUSES: list[Any] = [None, "answered", "dont_know", "not_applicable", "unknown", 1]
KEYS: list[Any] = ["q.one", "purpose.common-goal", "Q", "-q", "q" * 64, "q" * 65, "q\n", 1, ""]


def _model_accepts(adapter: TypeAdapter[Any], data: Any) -> bool:
    try:
        adapter.validate_python(data)
    except ValidationError:
        return False
    return True


def _entries() -> list[Any]:
    """Bare values and every mapping of status, value and note (absent or given)."""
    entries: list[Any] = list(VALUES)
    for status, value, note in itertools.product([*STATUSES, "-"], [*VALUES, "-"], NOTES[:6]):
        entry: dict[str, Any] = {}
        if status != "-":
            entry["status"] = status
        if value != "-":
            entry["value"] = value
        if note is not None:
            entry["note"] = note
        entries.append(entry)
    entries += [
        {"value": 1, "extra": 2},
        {"value": 1, "note": None},
        {"status": "dont_know", "value": None},
    ]
    return entries


def test_the_answers_check_accepts_only_what_the_model_accepts() -> None:
    accepted = 0
    for entry in _entries():
        for key in KEYS:
            answers = {key: entry}
            if answers_valid(answers):
                accepted += 1
                assert _model_accepts(ANSWERS_MODEL, answers), answers
    assert accepted > 300  # the common forms are taken by the check
    for not_a_map in (None, [], "x", 3):
        assert not answers_valid(not_a_map)


def test_the_recommendations_check_accepts_only_what_the_model_accepts() -> None:
    ids = ["q.one", "Q", 3, None, "x" * 65]
    texts = ["-", None, "sentence", 5, ""]
    for question, dimension, text in itertools.product(ids, ids, texts):
        item: dict[str, Any] = {"question": question, "dimension": dimension}
        if text != "-":
            item["text"] = text
        for data in ([item], [item, {**item, "extra": 1}], item):
            if recommendations_valid(data):
                assert _model_accepts(RECOMMENDATIONS_MODEL, data), data
    assert recommendations_valid([{"question": "q.one", "dimension": "purpose"}])
    assert not recommendations_valid([{"question": "q.one"}])


def test_the_checks_accept_what_commkit_writes(tmp_path: Path) -> None:
    examples = Path(__file__).parent.parent / "examples/perm-krai"
    saved = api.save_assessment(tmp_path, api.assess(examples / "answers/fashiontechperm.yaml"))
    files = [saved, *sorted((examples / "assessments").glob("*/*.yaml"))]
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert answers_valid(data["answers"]), path
        assert recommendations_valid(data["result"]["recommendations"]), path


@pytest.mark.parametrize(
    ("answer", "field"),
    [
        ("{status: maybe}", "answers.q1.status"),
        ("{note: n}", "answers.q1"),
        ("{value: 1, extra: 2}", "answers.q1.extra"),
        ("[1, 2]", "answers.q1"),
    ],
)
def test_a_map_reports_a_broken_answer_in_an_assessment(
    tmp_path: Path, answer: str, field: str
) -> None:
    ws = tmp_path / "ws"
    (ws / "communities").mkdir(parents=True)
    (ws / "region.yaml").write_text("kind: region\nversion: '1'\nname: R\n", encoding="utf-8")
    (ws / "communities/club.yaml").write_text(
        "kind: community\nversion: '1'\nslug: club\nname: Club\n", encoding="utf-8"
    )
    folder = ws / "assessments/club"
    folder.mkdir(parents=True)
    body = (
        "kind: assessment\nversion: '1'\nchecklist: {id: self-identification, version: '1.1'}\n"
        "community: {name: Club, slug: club}\ndate: 2026-01-DAY\nanswers:\n  q1: ANSWER\n"
        "result:\n  overall: SCORE\n  stage: formation\n  dimensions: []\n"
        "  recommendations: [{question: q1, dimension: purpose}]\n"
    )
    for day, text, score in (("01", "4", "40"), ("02", answer, "70")):
        filled = body.replace("DAY", day).replace("ANSWER", text).replace("SCORE", score)
        (folder / f"2026-01-{day}.yaml").write_text(filled, encoding="utf-8")
    region_map = api.build_map(ws, today=dt.date(2026, 2, 1))
    (row,) = region_map.communities
    assert row.score == 40  # the broken newer file is skipped, the older one is used
    problems = region_map.problems
    assert problems
    assert all(p.file and p.file.endswith("2026-01-02.yaml") for p in problems)
    assert all(p.line == 7 for p in problems)
    assert field in {p.field for p in problems}

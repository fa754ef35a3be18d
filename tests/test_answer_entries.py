"""Answers made directly (the common kinds of entry) are what pydantic's models make, or
pydantic makes them: same answers, same fields given, same errors."""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from commkit.model.answers import AnswerEntry, Answers, _common_entries
from commkit.model.common import Id
from commkit.model.loader import parse_text, read_text

ROOT = Path(__file__).resolve().parent.parent


class ThroughPydantic(Answers):
    """The answers as before: every entry through the models' validators."""

    answers: dict[Id, AnswerEntry] = {}


def outcome(model: type[Answers], data: Any) -> tuple[str, Any]:
    """What validating ``data`` gives: the answers as fields given, values and types, or
    the errors."""
    try:
        made = model.model_validate(data)
    except ValidationError as exc:
        # an error's context holds the exception itself: compared by its text
        return "errors", [
            {**e, "ctx": {k: str(v) for k, v in e.get("ctx", {}).items()}}
            for e in exc.errors(include_url=False)
        ]
    return "answers", [
        (qid, sorted(a.model_fields_set), repr(a), a.model_dump(exclude_unset=True))
        for qid, a in made.answers.items()
    ] + [sorted(made.model_fields_set), repr(made.model_dump())]


def same(data: Any) -> None:
    assert outcome(Answers, data) == outcome(ThroughPydantic, data)


def header(answers: Any) -> dict[str, Any]:
    return {
        "kind": "answers",
        "version": "1",
        "checklist": {"id": "self-identification", "version": "1.1"},
        "community": {"name": "X"},
        "answers": answers,
    }


FILES = sorted(
    [
        *(ROOT / "tests" / "bad_inputs").glob("*"),
        *(ROOT / "examples").rglob("*.yaml"),
        *(ROOT / "tests" / "fixtures").rglob("*.yaml"),
    ]
)


def test_every_example_fixture_and_bad_input_validates_alike() -> None:
    seen = 0
    for path in FILES:
        try:
            doc = parse_text(read_text(path), path)
        except Exception:  # unreadable files never reach validation
            continue
        if isinstance(doc.data, dict) and doc.data.get("kind") in ("answers", None):
            same(doc.data)
            seen += 1
    assert seen > 20


sys.path.insert(0, str(ROOT / "bench"))
import generate  # noqa: E402  (bench/generate.py: synthetic answers for the checklist)


def test_generated_answers_validate_alike() -> None:
    from commkit.api import load_content

    checklist = load_content().checklist
    rng = random.Random(3)
    for i in range(30):
        data = generate.answers_doc(checklist, rng, f"c{i}", f"C {i}", dt.date(2026, 5, 1))
        # as read back from the file: dates, lists and numbers as YAML gives them
        same(yaml.safe_load(yaml.safe_dump(data, allow_unicode=True)))


TEXTS = st.sampled_from(["", "x", "да", "a" * 2000, "a" * 2001, "yes", "4"])
KEYS = st.sampled_from(["en", "ru", "en-GB", "EN", "e", "", "status", "value", "note", 1])
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    TEXTS,
    st.dates(),
    st.just(b"x"),
)
VALUES = st.one_of(
    SCALARS,
    st.lists(st.one_of(TEXTS, SCALARS), max_size=3),
    st.dictionaries(KEYS, st.one_of(TEXTS, SCALARS), max_size=3),
    st.tuples(TEXTS),
)
ENTRIES = st.one_of(
    VALUES,
    st.dictionaries(
        st.sampled_from(["status", "value", "note", "other", 0]),
        st.one_of(
            st.sampled_from(["answered", "dont_know", "not_applicable", "maybe"]),
            VALUES,
        ),
        max_size=4,
    ),
)
QIDS = st.sampled_from(["purpose.common-goal", "q1", "Q1", "-q", "a" * 64, "a" * 65, "q\n", 7])


@settings(max_examples=400, deadline=None)
@given(QIDS, ENTRIES)
def test_any_answer_validates_alike(qid: Any, entry: Any) -> None:
    same(header({qid: entry}))


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(QIDS, ENTRIES, max_size=4))
def test_any_answers_validate_alike(answers: dict[Any, Any]) -> None:
    same(header(answers))


@pytest.mark.parametrize(
    "answers",
    [
        {},
        None,
        [],
        "x",
        {"q": None},
        {"q": {}},
        {"q": {"status": "dont_know", "value": None}},
        {"q": {"status": "answered", "note": "n"}},
        {"q": {"value": {"en": "a", "ru": "б"}, "note": {"en": "n"}}},
        {"q": {"value": [], "note": None}},
        {"q": True, "r": 2.5, "s": ["a", "b"], "t": "text"},
        {"q": ["a", 1]},
        {"q": ["a", None]},
        {"q": {"value": ["a", "b", 2.5]}},
        {"q": {"value": 1, "note": "a" * 2000}},
        {"q": {"value": 1, "note": "a" * 2001}},
        {"q": {"value": 1, "note": {"en": "a" * 2001}}},
        {"q": {"value": 1, "note": {"ru": "a" * 2000, "en": "b"}}},
        {"q": {"value": {"en": "a" * 2001}}},
        {"q": {"value": {"en": "a", "xx-yy": "b"}}},
        {"q": {"value": {"en": "a", "ru": 1}}},
        {"q": {"value": {}}},
        {"q": {"status": "dont_know", "note": {}}},
        {"q": {"status": "maybe"}},
        {"q": {"status": 1, "value": 1}},
        {"q": {"status": "not_applicable", "value": 1}},
    ],
)
def test_edge_answers_validate_alike(answers: Any) -> None:
    same(header(answers))


def test_common_answers_are_made_without_pydantic() -> None:
    def refuse(data: Any) -> Any:
        raise AssertionError("handed to pydantic")

    entries = {"q": 4, "r": {"status": "dont_know", "note": {"en": "n"}}, "s": ["a"]}
    made = _common_entries(entries, refuse)  # type: ignore[arg-type]
    assert made == ThroughPydantic.model_validate(header(entries)).answers


def test_read_answers_gives_what_the_located_reader_gives(tmp_path: Path) -> None:
    from commkit.api import load_content, read_answers
    from commkit.api.answers import checked
    from commkit.errors import ContentError
    from commkit.model.loader import parse_file, validate_document

    pack = load_content()
    paths = sorted((ROOT / "examples").rglob("answers/**/*.yaml"))
    rng = random.Random(5)
    for i in range(10):
        data = generate.answers_doc(pack.checklist, rng, f"c{i}", f"C {i}", dt.date(2026, 5, 1))
        paths.append(tmp_path / f"c{i}.yaml")
        generate.dump(paths[-1], data)
    for path in paths:
        try:
            fast = read_answers(path, pack=pack)
        except ContentError:
            continue
        doc = parse_file(path)
        slow = checked(validate_document(doc, ThroughPydantic), doc, pack)
        assert repr(fast.answers.model_dump()) == repr(slow.answers.model_dump()), path
        assert fast.answers.model_fields_set == slow.answers.model_fields_set
        assert [str(w) for w in fast.warnings] == [str(w) for w in slow.warnings], path

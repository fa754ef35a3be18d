"""The generated validator says "surely valid" only for data the models accept.

Checked against pydantic on every answers and assessment file of the examples, the fixtures
and the bad-input corpus, and on seeded mutations of them (a key dropped, added, or its value
replaced by an odd one: nulls, YAML 1.1 words, NaN, huge numbers, dates, bad ids...). The
validators are modules in the repository, written by scripts/gen_checks.py: a test says when
they are stale.
"""

from __future__ import annotations

import copy
import datetime as dt
import importlib.util
import os
import random
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from commkit.model import fast_check, kind_class
from commkit.model.loader import parse_plain

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted(
    [
        *(ROOT / "examples").rglob("*.yaml"),
        *(ROOT / "tests" / "fixtures").rglob("*.yaml"),
        *(ROOT / "tests" / "bad_inputs").glob("*.yaml"),
    ]
)
EXAMPLE_ANSWERS = sorted((ROOT / "examples").rglob("answers/*.yaml"))


def _documents() -> list[tuple[Path, dict[str, Any]]]:
    found = []
    for path in FILES:
        try:
            doc = parse_plain(path.read_text(encoding="utf-8"), path)
        except (UnicodeDecodeError, OSError):
            continue
        data = doc.data if doc is not None else None
        if isinstance(data, dict) and data.get("kind") in fast_check.KINDS:
            found.append((path, data))
    return found


DOCUMENTS = _documents()


def pydantic_accepts(kind: str, data: Any) -> bool:
    try:
        kind_class(kind).model_validate(copy.deepcopy(data))
    except ValueError:  # pydantic's ValidationError is one
        return False
    return True


def test_the_corpus_is_there() -> None:
    kinds = {data["kind"] for _, data in DOCUMENTS}
    assert kinds == {"answers", "assessment"}
    assert len(DOCUMENTS) >= 30


@pytest.mark.parametrize("path,data", DOCUMENTS, ids=[p.name for p, _ in DOCUMENTS])
def test_no_file_is_accepted_that_pydantic_refuses(path: Path, data: dict[str, Any]) -> None:
    if fast_check.surely_valid(data["kind"], data):
        assert pydantic_accepts(data["kind"], data), path


@pytest.mark.parametrize("path", EXAMPLE_ANSWERS, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_every_example_answers_file_is_surely_valid(path: Path) -> None:
    doc = parse_plain(path.read_text(encoding="utf-8"), path)
    assert doc is not None
    assert fast_check.surely_valid("answers", doc.data)


def test_a_bad_input_is_left_to_pydantic() -> None:
    refused = [
        path.name
        for path, data in DOCUMENTS
        if "bad_inputs" in path.parts and not fast_check.surely_valid(data["kind"], data)
    ]
    assert "answers-wrong-type.yaml" in refused
    assert "assessment-out-of-range.yaml" in refused


ODD: list[Any] = [
    *(None, True, False, "yes", "no", "on", "Off", 0, 1, -1, 1.5, 4.0, -0.0, 100, 101, 1e-9),
    *(1e308, float("nan"), float("inf"), -float("inf"), 10**20, 2**63, -(2**63)),
    *("", " ", "x" * 300, "x" * 5000, "1", "1.0", "2020", 2020, 999, 10000, "2020-01"),
    *("2020-10-15", "2020-02-30", "0000-01-01", "2020-13-01", "2020\n", "2020-10-15\n"),
    *(dt.date(2020, 10, 15), dt.date(1, 1, 1), dt.datetime(2020, 1, 1, 3, 4)),
    *([], {}, ["a"], ["a", 1], {"en": "x"}, {"en": ""}, {"xx": 1}, {"EN": "x"}, {1: "x"}),
    {"status": "dont_know", "value": 1},
    {"status": "dont_know"},
    {"status": "not_applicable", "note": "n"},
    {"value": None},
    {"value": 4, "note": "n"},
    {"value": 4, "note": {"ru": "т"}},
    {"value": dt.date(2020, 1, 1)},
    *("Ab", "a" * 64, "a" * 65, "-bad", "../x", "\n", "q.a", b"x", (1,)),
]
KEYS = ["extra", "en", "ru", "value", "note", "status", "hash", "q1", "date", "slug", "founded"]


def _paths(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _paths(value, (*path, index))


def mutated(data: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """``data`` with one key dropped, one added, or one value replaced by an odd one."""
    result = copy.deepcopy(data)
    path = rng.choice([p for p in _paths(result) if p])
    parent: Any = result
    for part in path[:-1]:
        parent = parent[part]
    odd = copy.deepcopy(rng.choice(ODD))
    roll = rng.random()
    if roll < 0.2:
        del parent[path[-1]]
    elif roll < 0.35 and isinstance(parent, dict):
        parent[rng.choice(KEYS)] = odd
    else:
        parent[path[-1]] = odd
    return result


MUTATIONS = int(os.environ.get("COMMKIT_FAST_CHECK_MUTATIONS", "400"))


def test_no_mutation_is_accepted_that_pydantic_refuses() -> None:
    rng = random.Random(19)
    accepted = refused = 0
    for _ in range(MUTATIONS):
        data = mutated(rng.choice(DOCUMENTS)[1], rng)
        kind = data.get("kind")
        if kind not in fast_check.KINDS:
            continue
        if fast_check.surely_valid(kind, data):
            accepted += 1
            assert pydantic_accepts(kind, data), data
        else:
            refused += 1
    assert accepted > MUTATIONS // 4  # the fast way is taken: the check is not vacuous
    assert refused > 0


@pytest.fixture
def answers() -> dict[str, Any]:
    doc = parse_plain(EXAMPLE_ANSWERS[0].read_text(encoding="utf-8"), EXAMPLE_ANSWERS[0])
    assert doc is not None
    data: dict[str, Any] = copy.deepcopy(doc.data)
    return data


def test_what_a_schema_reads_otherwise_is_left_to_pydantic(answers: dict[str, Any]) -> None:
    question = next(iter(answers["answers"]))
    answers["date"] = dt.date(2020, 10, 15)  # a YAML date in a date field
    assert fast_check.surely_valid("answers", answers)
    assert not fast_check.surely_valid("answers", {**answers, "date": dt.date(2020, 2, 29)}) or (
        pydantic_accepts("answers", {**answers, "date": dt.date(2020, 2, 29)})
    )
    for odd in (float("nan"), float("inf"), dt.date(2020, 1, 1), dt.datetime(2020, 1, 1), 2**70):
        changed = copy.deepcopy(answers)
        changed["answers"][question] = odd
        assert not fast_check.surely_valid("answers", changed), odd
    assert not fast_check.surely_valid("answers", {**answers, "date": "2020-02-30"})
    assert not fast_check.surely_valid("answers", {**answers, "version": dt.date(2020, 1, 1)})
    shared = {"value": 3}  # a YAML alias: the same object twice
    aliased = copy.deepcopy(answers)
    aliased["answers"] = {"a.one": shared, "a.two": shared}
    assert not fast_check.surely_valid("answers", aliased)
    assert not fast_check.surely_valid("answers", {**answers, 1: "x"})
    assert not fast_check.surely_valid("checklist", answers)  # no validator: ask pydantic


def test_the_generated_validators_are_what_the_script_writes_today() -> None:
    spec = importlib.util.spec_from_file_location("gen_checks", ROOT / "scripts" / "gen_checks.py")
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    files = gen.expected()
    assert sorted(path.name for path in files) == ["__init__.py", "answers.py", "assessment.py"]
    for path, text in files.items():
        assert path.read_text(encoding="utf-8") == text, (
            f"{path.name} is stale: run .venv/bin/python scripts/gen_checks.py"
        )


def test_a_warm_check_imports_neither_pydantic_nor_fastjsonschema() -> None:
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from commkit.model import fast_check, fast_yaml\n"
        f"data = fast_yaml.load(Path({str(EXAMPLE_ANSWERS[0])!r}).read_text(encoding='utf-8'))\n"
        "assert fast_check.surely_valid('answers', data)\n"
        "tops = {m.split('.')[0] for m in sys.modules}\n"
        "print(sorted(tops & {'pydantic', 'pydantic_core', 'fastjsonschema'}))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True)
    assert run.stdout.strip() == "[]"

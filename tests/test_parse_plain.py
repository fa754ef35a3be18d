"""Reading without positions gives the data reading with positions gives, or steps aside."""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from commkit.errors import ContentError
from commkit.model import loader
from commkit.model.loader import MAX_DEPTH, parse_plain, parse_text, read_text

HERE = Path(__file__).parent
FILES = sorted(
    [
        *(HERE / "bad_inputs").glob("*"),
        *(HERE.parent / "examples").rglob("*.yaml"),
        *(HERE / "fixtures").rglob("*.yaml"),
    ]
)


def test_every_example_and_bad_input_reads_alike_or_goes_to_the_located_reader() -> None:
    plain = 0
    for path in FILES:
        try:
            text = read_text(path)
        except ContentError:
            continue
        fast = parse_plain(text, path)
        if fast is None:
            continue
        plain += 1
        slow = parse_text(text, path)
        assert slow.problems == [], path
        assert fast.data == slow.data, path
        assert repr(fast.data) == repr(slow.data), path  # the same types (int keys, dates)
    assert plain > 20


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: 2\n",  # a duplicate key: PyYAML keeps the last, commkit refuses
        "base: &b {x: 1}\nother: *b\n",  # an alias
        "base: &b {x: 1}\nother:\n  <<: *b\n",  # a merge key
        "yes: 1\n",  # a key read as a boolean
        "~: 1\n",  # a key read as null
        "1.5: x\n",
        "[a]: 1\n",  # a key that is a list
        "a: !!binary aGVsbG8=\n",
        "a: !!set {x}\n",
        "a: !!python/name:os.system\n",
        "a: !custom x\n",
        "a: [1\n",  # broken YAML
        "",
        "a: &x 1\nb: *x\n",  # an alias to a scalar
        "a: &x [1]\nb: [*x]\n",
        "a: 2020-13-45\n",  # a date that is none: the located reader says so
        "1: a\n0x1: b\n",  # the same key written two ways
        "a: 1\n---\nb: 2\n",  # two documents
    ],
)
def test_what_the_located_reader_treats_with_care_is_left_to_it(text: str) -> None:
    assert parse_plain(text, Path("x.yaml")) is None


def test_plain_data_is_read_with_its_types() -> None:
    doc = parse_plain("date: 2020-10-15\n1: one\nq: [1, 2.5, true, null, 'x']\n", Path("x.yaml"))
    assert doc is not None
    assert repr(doc.data) == repr(parse_text(doc_text(), Path("x.yaml")).data)


def doc_text() -> str:
    return "date: 2020-10-15\n1: one\nq: [1, 2.5, true, null, 'x']\n"


def reads_alike(text: str) -> bool:
    """Whether ``parse_plain`` reads ``text`` (then with the located reader's data)."""
    fast = parse_plain(text, Path("x.yaml"))
    if fast is None:
        return False
    slow = parse_text(text, Path("x.yaml"))
    assert slow.problems == []
    assert repr(fast.data) == repr(slow.data)
    return True


def nested(levels: int) -> str:
    return "[" * levels + "1" + "]" * levels


def located_reader_refuses(text: str) -> bool:
    try:
        return bool(parse_text(text, Path("x.yaml")).problems)
    except ContentError:
        return True


@pytest.mark.parametrize("levels", [MAX_DEPTH - 1, MAX_DEPTH, MAX_DEPTH + 1, MAX_DEPTH + 2])
def test_nesting_is_read_exactly_as_deep_as_the_located_reader_reads_it(levels: int) -> None:
    text = nested(levels)
    assert reads_alike(text) is not located_reader_refuses(text)
    empty = "[" * levels + "]" * levels  # an empty list at the last level holds no value
    assert reads_alike(empty) is not located_reader_refuses(empty)


@pytest.mark.parametrize("extra", [-1, 0, 1])
def test_values_are_counted_as_the_located_reader_counts_them(
    extra: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    limit = 40  # both readers count against the same bound; a small one keeps this quick
    monkeypatch.setattr(loader, "MAX_NODES", limit)
    # the top mapping, its key and its list, then each item
    text = "{a: [" + "0," * (limit - 3 + extra) + "]}"
    assert reads_alike(text) is (extra <= 0)
    assert located_reader_refuses(text) is (extra > 0)


sys.path.insert(0, str(HERE.parent / "bench"))
import generate  # noqa: E402  (bench/generate.py: synthetic answers for the checklist)


def test_generated_answers_read_alike() -> None:
    from commkit.api import load_content

    checklist = load_content().checklist
    rng = random.Random(7)
    for i in range(15):
        data = generate.answers_doc(checklist, rng, f"c{i}", f"Community {i}", dt.date(2026, 5, 1))
        assert reads_alike(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


SAMPLE = (HERE.parent / "examples" / "perm-krai" / "answers" / "business-mentor.yaml").read_text(
    encoding="utf-8"
)
SPECIALS = [
    "*",
    "&a ",
    "!!str ",
    "<<: ",
    "? ",
    "- ",
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "'",
    '"',
    "#",
    "\n",
    "  ",
    "~",
    "yes",
    "0x1F",
    "1:30",
    "2020-02-30",
    ".inf",
    "1e3",
    "—",
    "\t",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(SAMPLE)), st.sampled_from(SPECIALS)), max_size=4))
def test_edited_files_read_alike_or_go_to_the_located_reader(
    edits: list[tuple[int, str]],
) -> None:
    text = SAMPLE
    for at, piece in sorted(edits, reverse=True):
        text = text[:at] + piece + text[at:]
    fast = parse_plain(text, Path("x.yaml"))
    if fast is None:
        return
    slow = parse_text(text, Path("x.yaml"))
    assert slow.problems == []
    assert repr(fast.data) == repr(slow.data)

"""Reading without positions gives the data reading with positions gives, or steps aside."""

from __future__ import annotations

from pathlib import Path

import pytest

from commkit.errors import ContentError
from commkit.model.loader import parse_plain, parse_text, read_text

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

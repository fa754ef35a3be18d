"""A line read before is read again from memory, and only where it means the same.

The line reader remembers whole ``key: value`` and ``- value`` lines it read on its quick path
(the batch's answers files repeat most of their lines). Such a line met again, in another
document, another collection or after a key that opens a block, must give what reading it
afresh gives: the same data as ``yaml.CSafeLoader``, or the same refusal.
"""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from commkit.model import line_yaml


def c_loaded(text: str) -> Any:
    return yaml.load(text, Loader=yaml.CSafeLoader)


def outcome(text: str) -> str:
    try:
        return repr(line_yaml.load(text))
    except line_yaml.Refused:
        return "refused"


WARM = "a: 1\nb: x\nlist:\n- x\n- 2\nn:\n  a: 1\n  b: x\n  l:\n  - x\n  - 2\n"
"""Lines remembered first, then met in other places."""

ELSEWHERE = [
    "x:\n  a: 1\n  b: x\n",  # under a key that opens a block
    "a: 1\na: 1\n",  # one key twice
    "x:\n  a: 1\n  a: 1\n",
    "k:\n- x\n- 2\nb: x\n",  # a list under its key's column, then the mapping goes on
    "- x\n- 2\n",
    "- - x\n  - 2\n",
    "k: some text\n  a: 1\n",  # as the next line of a plain scalar
    "k: some text\n  b: x\n",
    "k: 'open\n  b: x\n  end'\n",  # inside a quoted scalar over several lines
    "k:\n  - x\n  a: 1\n",
    "  a: 1\nb: x\n",
    "a: 1\n  b: x\n",
    "- x\na: 1\n",
    "a: 1\n- x\n",
    "k:\n  a: 1\n b: x\n",
]


def test_a_line_read_before_reads_as_afresh_anywhere() -> None:
    line_yaml.load(WARM)
    for text in ELSEWHERE:
        for _ in range(2):  # the second time every line may come from memory
            got = outcome(text)
            if got != "refused":
                assert got == repr(c_loaded(text)), text
        line_yaml._line_memo.clear()
        assert outcome(text) == got, text  # the same as read with nothing remembered


PIECE = st.sampled_from(
    ["a: 1", "b: x", "- x", "- 2", "k:", "a: 1 # c", "c: yes", "- - x", "d: some text", "e: 'q'"]
)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["", "  ", "    "]), PIECE), min_size=1, max_size=8))
def test_any_soup_of_remembered_lines_reads_as_with_nothing_remembered(
    lines: list[tuple[str, str]],
) -> None:
    text = "".join(indent + piece + "\n" for indent, piece in lines)
    warm = [outcome(text), outcome(text)]
    line_yaml._line_memo.clear()
    cold = outcome(text)
    assert warm == [cold, cold]
    if cold != "refused":
        assert cold == repr(c_loaded(text))

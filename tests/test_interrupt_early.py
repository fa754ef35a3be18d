"""Ctrl-C stops the wizard at a select question. Pressed before a prompt has put the terminal
in raw mode it arrives as SIGINT, which the select prompts ignored: the Ctrl-C was swallowed
and the wizard went on. The real binary in a pty, at a select question.

Known and open: a Ctrl-C typed, or a SIGINT sent, in the first few tens of milliseconds after
the question is drawn (a fast start, with the content pack cached; more often on a loaded
machine) can still be lost while prompt_toolkit starts; the wizard goes on, the draft is intact
and a second Ctrl-C stops it. The cases below wait past that window."""

from __future__ import annotations

import signal
import time
from pathlib import Path

import pexpect
import pytest

from pty_wizard import spawn_assess


def at_question_one(tmp_path: Path) -> pexpect.spawn:
    child = spawn_assess(tmp_path, timeout=15)
    for prompt, keys in (
        ("Community name", "Fashion Tech\r"),
        ("Region", "Perm\r"),
        ("formalised", "2\r"),
        ("new or an existing", "1\r"),
        ("When was it founded", "\r"),
        ("Language", "1\r"),
        ("evidence note", "n\r"),
    ):
        child.expect(prompt)
        child.send(keys)
    child.expect("question 1/10")  # a scale: a select prompt
    return child


@pytest.mark.parametrize(("how", "after"), [("SIGINT", 0.5), ("Ctrl-C", 0.1)])
def test_an_interrupt_at_a_select_prompt_stops_the_wizard(
    tmp_path: Path, how: str, after: float
) -> None:
    child = at_question_one(tmp_path)
    time.sleep(after)
    if how == "SIGINT":
        child.kill(signal.SIGINT)
    else:
        child.send("\x03")
    child.expect("Interrupted", timeout=5)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130

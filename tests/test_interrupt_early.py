"""Ctrl-C stops the wizard at a select question, however soon after the question's header it
comes. The real binary in a pty.

Two ways it was lost: pressed before a prompt has put the terminal in raw mode, it arrives as
SIGINT, which the select prompts ignored; and a SIGINT handled while Python collected the last
prompt's objects (a weakref callback runs, the KeyboardInterrupt is "ignored") vanished while
the next prompt was being built, up to half a second on a loaded machine. Both at 0 s, at
once, and later, as a key and as a signal."""

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


@pytest.mark.parametrize("after", [0.0, 0.05, 0.2])
@pytest.mark.parametrize("how", ["SIGINT", "Ctrl-C"])
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

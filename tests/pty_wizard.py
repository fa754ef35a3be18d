"""Driving the real `commkit assess` through a pseudo-terminal, as a person would type."""

from __future__ import annotations

import os
import sys
import termios
import time
from pathlib import Path
from typing import Any

import pexpect

FIX = Path(__file__).parent / "fixtures" / "assess"
COMMKIT = Path(sys.executable).parent / "commkit"
# pexpect does not answer cursor-position requests: without NO_CPR each prompt waits 1 s
ENV = {
    **{k: v for k, v in os.environ.items() if k != "NO_COLOR"},
    "TERM": "xterm",
    "COLUMNS": "120",
    "LINES": "40",
    "PROMPT_TOOLKIT_NO_CPR": "1",
}


def spawn_assess(cwd: Path, *args: str, timeout: int = 20) -> Any:
    """The wizard on the small fixture pack, writing to ``cwd/out``."""
    return pexpect.spawn(
        str(COMMKIT),
        ["--content", str(FIX / "pack"), "assess", "--out", str(cwd / "out"),
         "--date", "2020-10-15", *args],
        cwd=str(cwd),
        env=ENV,
        encoding="utf-8",
        timeout=timeout,
        dimensions=(40, 120),
    )  # fmt: skip


def answer_start_and_two_questions(child: Any) -> None:
    """Fill the start screen, answer questions 1 and 2, stop at question 3."""
    for prompt, keys in (
        ("Community name", "Fashion Tech\r"),
        ("Region", "Perm\r"),
        ("formalised", "2\r"),
        ("new or an existing", "1\r"),
        ("When was it founded", "\r"),
        ("Language", "1\r"),
        ("evidence note", "n\r"),
        ("dimension 1/4 · question 1/10", "4\r"),
        ("question 2/10", "3\r"),
    ):
        child.expect(prompt)
        child.send(keys)
    child.expect("question 3/10")


def when_reading_keys(child: Any, timeout: float = 20) -> None:
    """Wait until the program on the terminal reads keys itself: a prompt_toolkit prompt is up
    and the terminal is in raw mode, so Ctrl-C or Enter sent now is a key that prompt
    handles, as when a person presses it on the question on screen (in the terminal's own
    mode, Ctrl-C would be a signal instead). Tests slept a fixed 0.3-0.5 s before each key
    instead: about 9 s of a run's wall time in which a worker did nothing."""
    deadline = time.monotonic() + timeout
    while termios.tcgetattr(child.child_fd)[3] & (termios.ICANON | termios.ISIG):
        assert time.monotonic() < deadline, "the program never read keys: " + child.before
        assert child.isalive(), "the program ended: " + child.before
        time.sleep(0.005)

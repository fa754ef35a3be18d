"""Two terminals resuming one draft: the second refuses with a clear message instead of both
saving over each other (a lock beside the draft); a lock left by a killed run is stale and
taken over. Two real `commkit` processes in pseudo-terminals."""

from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import Any

import pexpect

from commkit.interactive.drafts import lock_path, take_lock
from pty_wizard import answer_start_and_two_questions, spawn_assess, when_reading_keys

DRAFT = "fashion-tech-assessment-draft.yaml"


def first_run(tmp_path: Path) -> tuple[Any, Path]:
    """A wizard with two answers saved, waiting at question 3."""
    child = spawn_assess(tmp_path)
    answer_start_and_two_questions(child)
    draft = tmp_path / "out" / DRAFT
    assert draft.is_file() and lock_path(draft).is_file()
    return child, draft


def test_a_second_terminal_resuming_the_same_draft_refuses(tmp_path: Path) -> None:
    first, draft = first_run(tmp_path)
    before = draft.read_bytes()
    second = spawn_assess(tmp_path, "--resume", str(draft))
    # the message is wrapped at the terminal's width: a long temp path moves its line breaks
    second.expect(r"is\s+open\s+in\s+another\s+commkit")
    second.expect(pexpect.EOF)
    second.close()
    assert second.exitstatus == 1
    assert "Traceback" not in second.before
    assert draft.read_bytes() == before
    # the first goes on and saves; stopped with Ctrl-C, it lets go of the draft
    when_reading_keys(first)
    first.send("\x03")
    first.expect("commkit assess --resume ")
    first.expect(pexpect.EOF)
    first.close()
    assert not lock_path(draft).exists()
    again = spawn_assess(tmp_path, "--resume", str(draft))
    again.expect("question 3/10")
    when_reading_keys(again)
    again.send("\x03")
    again.expect(pexpect.EOF)
    again.close()
    assert again.exitstatus == 130


def test_the_lock_of_a_killed_run_is_stale_and_taken_over(tmp_path: Path) -> None:
    first, draft = first_run(tmp_path)
    os.kill(first.pid, signal.SIGKILL)
    first.expect(pexpect.EOF)
    first.close()
    assert lock_path(draft).is_file()  # left behind: its process is gone
    again = spawn_assess(tmp_path, "--resume", str(draft))
    again.expect("question 3/10")
    when_reading_keys(again)
    again.send("\x03")
    again.expect(pexpect.EOF)
    again.close()
    assert again.exitstatus == 130
    assert not lock_path(draft).exists()


def test_an_unreadable_lock_is_stale(tmp_path: Path) -> None:
    draft = tmp_path / DRAFT
    draft.write_text("x", encoding="utf-8")
    lock_path(draft).write_text("garbage", encoding="utf-8")
    assert take_lock(draft) == lock_path(draft)
    assert lock_path(draft).read_text(encoding="utf-8").split()[0] == str(os.getpid())

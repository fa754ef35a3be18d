"""The real `commkit assess` in a pseudo-terminal (pexpect), typed as a person would:
interrupt with Ctrl-C, then a plain `commkit assess` in the same folder offers the draft."""

from __future__ import annotations

from pathlib import Path

import pexpect
import pytest

from pty_wizard import answer_start_and_two_questions, spawn_assess


@pytest.mark.slow
def test_interrupt_then_resume_in_a_real_terminal(tmp_path: Path) -> None:
    child = spawn_assess(tmp_path)
    answer_start_and_two_questions(child)
    child.send("\x03")
    child.expect("Interrupted. 2 answers kept in the draft")
    child.expect("commkit assess --resume")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    draft = tmp_path / "out" / "fashion-tech-assessment-draft.yaml"
    assert "purpose.common-goal: 4" in draft.read_text(encoding="utf-8")

    child = spawn_assess(tmp_path)
    child.expect("A draft for Fashion Tech")
    child.send("y\r")
    child.expect("Resuming the draft for Fashion Tech: 2 answers so far.")
    child.expect("question 3/10")
    for keys, nxt in [
        ("\r", "question 4/10"),
        ("1\r", "question 5/10"),
        ("3\r", "question 6/10"),
        ("1\r", "question 7/10"),
        ("150\r", "question 8/10"),
        (" \r", "question 9/10"),
        ("d\r", "question 10/10"),
        ("2\r", "Review"),
    ]:
        child.send(keys)
        child.expect(nxt)
    child.send("\r")
    child.expect("Stage: ")
    child.expect("fashion-tech-assessment-2020-10-15.md")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert (tmp_path / "out" / "fashion-tech-assessment-2020-10-15.yaml").is_file()
    assert not draft.exists()

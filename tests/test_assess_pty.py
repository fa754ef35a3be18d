"""The real `commkit assess` in a pseudo-terminal (pexpect), typed as a person would:
interrupt with Ctrl-C, then a plain `commkit assess` in the same folder offers the draft."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")

FIX = Path(__file__).parent / "fixtures" / "assess"
COMMKIT = Path(sys.executable).parent / "commkit"


def spawn(cwd: Path, *args: str) -> object:
    # pexpect does not answer cursor-position requests: without this each prompt waits 1 s
    env = {
        **os.environ,
        "TERM": "xterm",
        "COLUMNS": "120",
        "LINES": "40",
        "PROMPT_TOOLKIT_NO_CPR": "1",
    }
    env.pop("NO_COLOR", None)
    return pexpect.spawn(
        str(COMMKIT),
        [
            "--content",
            str(FIX / "pack"),
            "assess",
            "--out",
            str(cwd / "out"),
            "--date",
            "2020-10-15",
            *args,
        ],
        cwd=str(cwd),
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(40, 120),
    )


@pytest.mark.slow
def test_interrupt_then_resume_in_a_real_terminal(tmp_path: Path) -> None:
    child = spawn(tmp_path)
    child.expect("Community name")
    child.send("Fashion Tech\r")
    child.expect("Region")
    child.send("Perm\r")
    child.expect("formalised")
    child.send("2\r")
    child.expect("new or an existing")
    child.send("1\r")
    child.expect("Language")
    child.send("1\r")
    child.expect("evidence note")
    child.send("n")
    child.expect("dimension 1/4 · question 1/10")
    child.send("4\r")
    child.expect("question 2/10")
    child.send("3\r")
    child.expect("question 3/10")
    child.send("\x03")
    child.expect("Interrupted. 2 answer\\(s\\) kept in the draft")
    child.expect("commkit assess --resume")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    draft = tmp_path / ".commkit-draft-fashion-tech.yaml"
    assert "purpose.common-goal: 4" in draft.read_text(encoding="utf-8")

    child = spawn(tmp_path)
    child.expect("A draft for Fashion Tech")
    child.send("y")
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

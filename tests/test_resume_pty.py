"""Stopping and coming back, in the real `commkit assess` in a pseudo-terminal: nothing the
user typed or wrote is lost, changed or removed."""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import pexpect
import yaml

from pty_wizard import (
    COMMKIT,
    ENV,
    FIX,
    answer_start_and_two_questions,
    spawn_assess,
    when_reading_keys,
)

MINE = "# my own answers, with my comments\n" + (FIX / "answers" / "fashion-tech.yaml").read_text(
    encoding="utf-8"
)


ON_PATH = f"{COMMKIT.parent}{os.pathsep}{os.environ.get('PATH', '')}"
NOT_ON_PATH = os.pathsep.join(
    p for p in os.environ.get("PATH", "").split(os.pathsep) if not (Path(p) / "commkit").exists()
)


def commkit(cwd: Path, *args: str) -> Any:
    return pexpect.spawn(
        str(COMMKIT), list(args), cwd=str(cwd), env=ENV, encoding="utf-8", timeout=30,
        dimensions=(40, 200),
    )  # fmt: skip


def interrupt(child: Any) -> None:
    """Ctrl-C as a person presses it: once the question on screen reads keys."""
    when_reading_keys(child)
    child.send("\x03")


def finish(child: Any) -> None:
    child.expect(pexpect.EOF)
    child.close()


def draft_data(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def test_resuming_an_ordinary_answers_file_leaves_it_byte_identical(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text(MINE, encoding="utf-8")
    before = mine.read_bytes()
    # Ctrl-C on the review screen: the file is not rewritten, a draft beside the output is
    child = spawn_assess(tmp_path, "--resume", "mine.yaml")
    child.expect("mine.yaml is not a draft commkit made: it stays exactly as it is")
    child.expect("Review")
    interrupt(child)
    child.expect("commkit assess --resume ")
    finish(child)
    assert child.exitstatus == 130
    assert mine.read_bytes() == before
    draft = tmp_path / "out" / "fashion-tech-perm-assessment-draft.yaml"
    assert draft_data(draft)["answers"]["purpose.common-goal"] == 4
    # finishing from it: the report is written, the user's file stays, our draft goes
    child = spawn_assess(tmp_path, "--resume", "mine.yaml")
    child.expect("Review")
    child.send("\r")
    child.expect("Stage: ")
    finish(child)
    assert child.exitstatus == 0, child.before
    assert mine.read_bytes() == before
    assert (tmp_path / "out" / "fashion-tech-perm-assessment-2020-10-15.md").is_file()
    # the first draft was not overwritten by the second run's draft, nor removed with it
    assert draft.is_file()
    assert not (tmp_path / "out" / "fashion-tech-perm-2-assessment-draft.yaml").exists()


def test_resume_draft_alone_continues_exactly_the_interrupted_run(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    child = commkit(
        tmp_path, "--content", str(FIX / "pack"), "--lang", "ru", "assess", "--out",
        str(reports), "--date", "2020-10-15", "--community", "my-club",
    )  # fmt: skip
    for prompt, keys in (
        ("Название сообщества", "Fashion Tech\r"),
        ("Регион", "Perm\r"),
        ("формализовано", "2\r"),
        ("новое или", "1\r"),
        ("Когда оно основано", "\r"),
        ("Язык", "1\r"),
        ("evidence note", "n\r"),
        ("question 1/10", "4\r"),
    ):
        child.expect(prompt)
        child.send(keys)
    child.expect("question 2/10")
    interrupt(child)
    draft = reports / "fashion-tech-assessment-draft.yaml"
    child.expect_exact(str(draft))
    child.expect_exact("commkit assess --resume reports/fashion-tech-assessment-draft.yaml")
    finish(child)
    assert child.exitstatus == 130
    assert list(tmp_path.iterdir()) == [reports]  # nothing in the working folder
    # from another folder, with nothing but --resume
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    child = commkit(elsewhere, "assess", "--resume", str(draft))
    child.expect("question 2/10")
    for keys, nxt in [
        ("2\r", "question 3/10"),
        ("\r", "question 4/10"),
        ("2\r", "question 6/10"),
        ("2\r", "question 7/10"),
        ("10\r", "question 8/10"),
        (" \r", "question 9/10"),
        ("d\r", "question 10/10"),
        ("2\r", "Review"),
    ]:
        child.send(keys)
        child.expect(nxt)
    child.send("\r")
    child.expect("Стадия")  # the report language of the interrupted run: --lang ru
    finish(child)
    assert child.exitstatus == 0, child.before
    assert (reports / "my-club-assessment-2020-10-15.md").is_file()
    assert (reports / "my-club-assessment-2020-10-15.yaml").is_file()
    assert not draft.exists()
    assert list(elsewhere.iterdir()) == []


def test_ctrl_c_at_the_evidence_note_keeps_the_answer_just_given(tmp_path: Path) -> None:
    child = spawn_assess(tmp_path)
    for prompt, keys in (
        ("Community name", "Fashion Tech\r"),
        ("Region", "\r"),
        ("formalised", "2\r"),
        ("new or an existing", "1\r"),
        ("When was it founded", "\r"),
        ("Language", "1\r"),
        ("evidence note", "y\r"),
        ("question 1/10", "4\r"),
    ):
        child.expect(prompt)
        child.send(keys)
    child.expect("Evidence note")
    interrupt(child)
    child.expect("Interrupted. 1 answer")
    finish(child)
    draft = tmp_path / "out" / "fashion-tech-assessment-draft.yaml"
    assert draft_data(draft)["answers"] == {"purpose.common-goal": 4}


def test_n_and_enter_at_the_evidence_note_leaves_question_1_unanswered(tmp_path: Path) -> None:
    child = spawn_assess(tmp_path)
    for prompt, keys in (
        ("Community name", "Fashion Tech\r"),
        ("Region", "\r"),
        ("formalised", "2\r"),
        ("new or an existing", "1\r"),
        ("When was it founded", "\r"),
        ("Language", "1\r"),
        ("evidence note", "n\r"),
    ):
        child.expect(prompt)
        child.send(keys)
    child.expect("question 1/10")
    interrupt(child)
    child.expect("Interrupted")
    finish(child)
    draft = tmp_path / "out" / "fashion-tech-assessment-draft.yaml"
    assert draft_data(draft).get("answers", {}) == {}


def test_the_draft_goes_beside_the_output_and_the_wizard_says_where(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    child = spawn_assess(work)
    # before the name is known the hint says where in words (no "<slug>" file name)
    child.expect_exact(str(work / "out"))
    child.expect_exact("named after the community")
    answer_start_and_two_questions(child)
    interrupt(child)
    child.expect_exact(str(work / "out" / "fashion-tech-assessment-draft.yaml"))
    finish(child)
    assert "<slug>" not in child.before
    assert sorted(p.name for p in work.iterdir()) == ["out"]
    assert [p.name for p in (work / "out").iterdir()] == ["fashion-tech-assessment-draft.yaml"]


def test_a_draft_someone_renamed_is_read_but_never_changed(tmp_path: Path) -> None:
    child = spawn_assess(tmp_path)
    answer_start_and_two_questions(child)
    interrupt(child)
    finish(child)
    draft = tmp_path / "out" / "fashion-tech-assessment-draft.yaml"
    copy = tmp_path / "keep.yaml"
    shutil.copyfile(draft, copy)
    os.utime(copy, (1, 1))
    before = copy.read_bytes()
    child = spawn_assess(tmp_path, "--resume", "keep.yaml")
    child.expect("keep.yaml is not a draft commkit made")
    child.expect("question 3/10")
    interrupt(child)
    finish(child)
    assert copy.read_bytes() == before and copy.stat().st_mtime == 1


def test_the_resume_command_fits_one_line_of_an_80_column_terminal(tmp_path: Path) -> None:
    """The command is printed on a line of its own, relative to the current folder, so it
    can be copied whole; nothing folds it inside the path (the full path would not fit)."""
    deep = tmp_path / "season-2026"
    deep.mkdir()
    child = pexpect.spawn(
        str(COMMKIT),
        ["--lang", "ru", "--content", str(FIX / "pack"), "assess", "--out",
         str(deep / "reports"), "--date", "2020-10-15"],
        cwd=str(tmp_path), env={**ENV, "COLUMNS": "80", "LINES": "30", "PATH": ON_PATH},
        encoding="utf-8", timeout=30, dimensions=(30, 80),
    )  # fmt: skip
    for prompt, keys in (
        ("Название сообщества", "Клуб Кама\r"),
        ("Регион", "\r"),
        ("формализовано", "2\r"),
        ("новое или", "1\r"),
        ("Когда оно основано", "\r"),
        ("Язык", "2\r"),
        ("подтверждение", "н\r"),
    ):
        child.expect(prompt)
        child.send(keys)
    child.expect("1/10")
    interrupt(child)
    child.expect_exact("Продолжить позже:")
    finish(child)
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", child.before)
    lines = [line.strip() for line in shown.splitlines()]
    command = next(line for line in lines if line.startswith("commkit assess --resume"))
    draft = deep / "reports" / "klub-kama-assessment-draft.yaml"
    assert command == f"commkit assess --resume {draft.relative_to(tmp_path)}"
    assert len(command) + 2 <= 80 < len(f"  commkit assess --resume {draft}")
    assert draft.is_file()


def test_after_the_quick_start_the_resume_command_runs_commkit_from_the_venv(
    tmp_path: Path,
) -> None:
    """The Quick start runs `.venv/bin/commkit assess` with the venv not activated: the
    command printed to continue is that same `.venv/bin/commkit`, which works as it is. Longer
    than the terminal is wide, it is still one line (the terminal folds it; a copy is whole)."""
    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    (tmp_path / ".venv" / "bin" / "commkit").symlink_to(COMMKIT)
    child = pexpect.spawn(
        "/bin/sh",
        ["-c", 'exec .venv/bin/commkit "$@"', "sh", "--content", str(FIX / "pack"), "assess",
         "--out", "reports-of-the-autumn-season", "--date", "2020-10-15"],
        cwd=str(tmp_path), env={**ENV, "COLUMNS": "80", "LINES": "30", "PATH": NOT_ON_PATH},
        encoding="utf-8", timeout=30, dimensions=(30, 80),
    )  # fmt: skip
    # where the drafts go, as a folder the user can find from anywhere (not "in ." or a
    # path relative to a folder the hint does not name)
    child.expect_exact(str(tmp_path / "reports-of-the-autumn-season"))
    answer_start_and_two_questions(child)
    interrupt(child)
    child.expect_exact("Continue later with:")
    finish(child)
    assert child.exitstatus == 130
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", child.before)
    lines = [line.strip() for line in shown.splitlines()]
    command = (
        ".venv/bin/commkit assess --resume "
        "reports-of-the-autumn-season/fashion-tech-assessment-draft.yaml"
    )
    assert command in lines and len(command) > 80
    # and it does continue the run, typed exactly as shown
    child = pexpect.spawn(
        "/bin/sh", ["-c", "exec " + command], cwd=str(tmp_path),
        env={**ENV, "PATH": NOT_ON_PATH}, encoding="utf-8", timeout=30, dimensions=(40, 120),
    )  # fmt: skip
    child.expect("question 3/10")
    interrupt(child)
    finish(child)


def test_the_resume_command_names_commkit_as_it_was_run(tmp_path: Path, monkeypatch: Any) -> None:
    from commkit.interactive.drafts import program_as_invoked

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PATH", NOT_ON_PATH)
    assert program_as_invoked(".venv/bin/commkit") == ".venv/bin/commkit"
    assert program_as_invoked(str(COMMKIT)) == str(COMMKIT)  # not below this folder
    monkeypatch.chdir(COMMKIT.parent)
    assert program_as_invoked(str(COMMKIT)) == "./commkit"
    monkeypatch.setenv("PATH", ON_PATH)
    assert program_as_invoked(str(COMMKIT)) == "commkit"
    assert program_as_invoked("/opt/my tools/commkit") == "'/opt/my tools/commkit'"
    main = str(Path(sys.executable).parent.parent / "lib" / "commkit" / "__main__.py")
    assert program_as_invoked(main) == f"{Path(sys.executable).name} -m commkit"

"""SIGINT and SIGKILL during `assess` (a real terminal, pexpect) and `seminars export --all`:
the draft and every file that existed before stay intact and loadable; after SIGINT no temp
file is left behind. After SIGKILL a stray `.*.tmp` may remain (nothing can clean up after
kill -9), but the target files are whole: the old content or the new, never half of one.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pexpect
import pytest

from commkit.model.answers import Answers
from commkit.model.loader import load_file
from pty_wizard import ENV, answer_start_and_two_questions, spawn_assess

HERE = Path(__file__).parent


def snapshot(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob(".*.tmp")]


def start_wizard(cwd: Path) -> object:
    child = spawn_assess(cwd, timeout=10)
    answer_start_and_two_questions(child)
    return child


def pre_existing(tmp_path: Path) -> dict[Path, bytes]:
    """A report of an earlier run and the user's own answers file, which must survive."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "fashion-tech-assessment-2020-01-01.md").write_text("# an earlier report\n")
    other = tmp_path / "other-club-answers.yaml"
    other.write_text(
        'kind: answers\nversion: "1"\nchecklist: {id: self-identification, version: "1"}\n'
        "community: {name: Other Club}\ncomplete: false\nanswers: {}\n",
        encoding="utf-8",
    )
    return snapshot(tmp_path)


def assert_draft_keeps_two_answers(tmp_path: Path) -> None:
    draft = tmp_path / "out" / "fashion-tech-assessment-draft.yaml"
    answers = load_file(draft, Answers)
    assert answers.complete is False
    assert answers.answers["purpose.common-goal"].value == 4
    assert len(answers.answers) == 2


@pytest.mark.parametrize("how", ["SIGINT", "Ctrl-C"])
def test_sigint_in_the_wizard_keeps_the_draft_and_every_file(tmp_path: Path, how: str) -> None:
    before = pre_existing(tmp_path)
    child = start_wizard(tmp_path)
    if how == "SIGINT":
        child.kill(signal.SIGINT)
    else:
        child.send("\x03")
    child.expect("Interrupted")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "Traceback" not in (child.before or "")
    for path, data in before.items():
        assert path.read_bytes() == data, path
    assert_draft_keeps_two_answers(tmp_path)
    assert temp_files(tmp_path) == []
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "fashion-tech-assessment-2020-01-01.md",
        "fashion-tech-assessment-draft.yaml",
    ]


def test_sigkill_in_the_wizard_keeps_the_draft_and_every_file(tmp_path: Path) -> None:
    before = pre_existing(tmp_path)
    child = start_wizard(tmp_path)
    child.kill(signal.SIGKILL)
    child.expect(pexpect.EOF)
    child.close()
    assert child.signalstatus == signal.SIGKILL
    for path, data in before.items():
        assert path.read_bytes() == data, path
    # the draft is saved after every answer, atomically: kill -9 loses nothing typed
    assert_draft_keeps_two_answers(tmp_path)
    # the kill came while the wizard waited for a key, not mid-write: nothing stray either
    assert temp_files(tmp_path) == []


# ---------------------------------------------------------------- seminars export


def export(out: Path, *extra: str) -> subprocess.Popen[bytes]:
    args = [sys.executable, "-m", "commkit", "seminars", "export", "--all", "--out", str(out)]
    args += ["--format", "md,html", "--date", "2026-12-01", "--zip", *extra]
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, bytes], float]:
    """A complete export (relative path -> bytes) and how long it took."""
    out = tmp_path_factory.mktemp("full") / "out"
    began = time.monotonic()
    proc = export(out)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err.decode()
    took = time.monotonic() - began
    return {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file()}, took


def older(out: Path, files: dict[str, bytes]) -> dict[str, bytes]:
    """The folder as a previous export with other content left it."""
    old = {name: b"old " + name.encode() + b"\n" for name in files}
    for name, data in old.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(data)
    return old


def signature(path: str) -> tuple[int, int, int] | None:
    """What changes when a file is written again, in place or replaced (None: not there)."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_ino, found.st_size, found.st_mtime_ns


def wait_for_new_files(out: Path, old: dict[str, bytes], count: int, proc: object) -> int:
    """Poll until ``count`` files were written again (or the export ended); how many were.
    A file's inode, size and time are compared, not its bytes: reading every file each
    millisecond took this process about as much CPU as the export it watched."""
    before = {path: signature(path) for path in (str(out / name) for name in old)}
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and proc.poll() is None:  # type: ignore[attr-defined]
        changed = sum(signature(path) != seen for path, seen in before.items())
        if changed >= count:
            return changed
        time.sleep(0.001)
    return -1


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["SIGINT", "SIGKILL"])
def test_interrupted_export_leaves_whole_files(
    sig: signal.Signals, tmp_path: Path, exported: tuple[dict[str, bytes], float]
) -> None:
    files, _ = exported
    assert len(files) > 20
    hit_mid_export = 0
    # stop the export once 1, 5 and 15 files are rewritten: whatever the moment, every file
    # is the old one or the new one, in full
    for count in (1, 5, 15):
        out = tmp_path / f"out-{count}"
        out.mkdir()
        old = older(out, files)
        proc = export(out, "--force")
        seen = wait_for_new_files(out, old, count, proc)
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=60)
        assert b"Traceback" not in err, err.decode()
        new = 0
        for name in files:
            data = (out / name).read_bytes()
            assert data in (old[name], files[name]), name
            new += data == files[name]
        hit_mid_export += seen > 0 and new < len(files)
        strays = temp_files(out)
        if sig == signal.SIGINT:
            assert strays == [], strays
            # 130: interrupted; 0 or -2: the signal came as the export finished
            assert proc.returncode in (0, 130, -signal.SIGINT), err.decode()
        else:
            assert proc.returncode == -signal.SIGKILL
        written = {str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()}
        assert written - set(files) == {str(p.relative_to(out)) for p in strays}
    assert hit_mid_export, "no run was stopped half-way through the export"

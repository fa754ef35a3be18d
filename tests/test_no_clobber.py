"""Never overwrite without --force, even when two runs race for one file; temp files left by
a killed run are cleaned up by the next run that writes into that folder."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from commkit.errors import OutputExistsError
from commkit.fsutil import atomic_write_text

ROOT = Path(__file__).resolve().parent.parent
COMMKIT = Path(sys.executable).parent / "commkit"
ANSWERS = ROOT / "examples" / "perm-krai" / "answers" / "fashiontechperm.yaml"


def _writer(target: str, text: str, barrier: Any, results: Any) -> None:
    """Write ``target`` without --force; both writers reach the final step together."""
    real_replace, real_link = os.replace, os.link

    def meet(real: Any) -> Any:
        def call(*args: Any, **kwargs: Any) -> Any:
            barrier.wait()
            return real(*args, **kwargs)

        return call

    os.replace = meet(real_replace)  # type: ignore[assignment]
    os.link = meet(real_link)  # type: ignore[assignment]
    try:
        atomic_write_text(Path(target), text)
    except OutputExistsError:
        results.put((text, "refused"))
    else:
        results.put((text, "written"))


def test_two_processes_racing_for_one_file_never_overwrite_each_other(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("fork")
    barrier = ctx.Barrier(2, timeout=20)
    results = ctx.Queue()
    target = tmp_path / "report.md"
    procs = [
        ctx.Process(target=_writer, args=(str(target), text, barrier, results))
        for text in ("first run\n", "second run\n")
    ]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(30)
        assert proc.exitcode == 0
    outcome = dict(results.get(timeout=5) for _ in procs)
    assert sorted(outcome.values()) == ["refused", "written"], outcome
    winner = next(text for text, how in outcome.items() if how == "written")
    assert target.read_text() == winner
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


def test_a_second_write_without_force_is_refused_and_keeps_the_first(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    atomic_write_text(target, "mine\n")
    with pytest.raises(OutputExistsError):
        atomic_write_text(target, "theirs\n")
    assert target.read_text() == "mine\n"
    atomic_write_text(target, "forced\n", force=True)
    assert target.read_text() == "forced\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_the_next_run_removes_temp_files_left_by_kill_9_and_says_so(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    old = time.time() - 3600
    stale_old_name = out / ".fashiontechperm-assessment-2020-10-15.md.0123abcd.tmp"
    stale_dead_writer = out / f".x.yaml.{_dead_pid()}-89abcdef.tmp"
    live_writer = out / f".y.yaml.{os.getpid()}-00ff00ff.tmp"  # this test is still running
    not_ours = out / ".notes.tmp"
    for path in (stale_old_name, stale_dead_writer, live_writer, not_ours):
        path.write_text("half a file")
        os.utime(path, (old, old))
    run = subprocess.run(
        [str(COMMKIT), "assess", "--answers", str(ANSWERS), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert not stale_old_name.exists() and not stale_dead_writer.exists()
    assert live_writer.exists() and not_ours.exists()
    assert f"removed {stale_old_name}" in run.stderr
    assert f"removed {stale_dead_writer}" in run.stderr
    assert "interrupted earlier run" in run.stderr
    assert "Traceback" not in run.stderr


def test_a_batch_is_flushed_once_and_keeps_a_file_that_appeared_meanwhile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``publish_batch`` (bulk imports): every file's data flushed before any file gets its
    name, one folder flush after; a target created by someone else since staging is never
    replaced."""
    from commkit.fsutil import publish_batch

    staging = tmp_path / ".staging"
    staging.mkdir()
    out = tmp_path / "out"
    pairs = []
    for n in range(20):
        tmp = staging / f"{n}.yaml"
        tmp.write_text(f"n: {n}\n", encoding="utf-8")
        pairs.append((tmp, out / f"f{n}.yaml"))
    calls: list[tuple[str, bool]] = []  # what was flushed; whether any target had its name
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        named = out.exists() and any(out.iterdir())
        calls.append((os.readlink(f"/proc/self/fd/{fd}"), named))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "sync", lambda: pytest.fail("os.sync flushes every file system"))
    written = publish_batch(pairs[:10])
    assert written == [p for _, p in pairs[:10]]
    # the data before the names (these ten files, nothing else), then the one folder
    assert sorted(calls[:-1]) == sorted((str(tmp.resolve()), False) for tmp, _ in pairs[:10])
    assert calls[-1] == (str(out.resolve()), True)
    assert [(out / f"f{n}.yaml").read_text() for n in range(10)] == [f"n: {n}\n" for n in range(10)]
    (out / "f15.yaml").write_text("someone else's\n", encoding="utf-8")
    with pytest.raises(OutputExistsError):
        publish_batch(pairs[10:])
    assert (out / "f15.yaml").read_text() == "someone else's\n"
    assert oct((out / "f0.yaml").stat().st_mode & 0o777) != oct(0o600)

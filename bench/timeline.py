"""Where a batch ``commkit assess --answers`` spends its time, process by process.

Runs the command given after ``--`` in this process with commkit's batch functions wrapped
(nothing in ``src/`` changes): every process of the run (the run, its pool workers, the
flush helper; the workers are forked, so they inherit the wrappers) records when it is busy
at what, with one clock shared by all of them (``time.monotonic``), into a folder of one
file per process. Then it prints, per process, the busy time by activity, the idle time,
CPU (rusage) and page faults, and a picture of the run in time slices (one letter per slice:
what the process did most in it).

    .venv/bin/python bench/timeline.py --cwd /tmp/bw/n1000 -- \\
        assess --answers 'answers/*.yaml' --out /tmp/o --json --jobs 2

Activities: the run ``i`` importing and starting (until the batch starts), ``F`` the first
file before the workers start, ``P`` starting the pool (the fork), ``w`` waiting for a
chunk, ``c`` claiming an item's staged files, ``s`` submitting a group to flush, ``f``
waiting for a group's flush, ``l`` naming (linking) a group's files, ``j`` writing an item's
``--json``, ``g`` progress; a worker ``I`` its set-up, ``r`` preparing a file (read, score,
render), ``t`` writing it under a temp name; the helper ``y`` fsync of files, ``d`` of
folders. ``.``: idle (or untraced work of the run: what is left is printed as ``other``).
"""

from __future__ import annotations

import argparse
import atexit
import functools
import json
import os
import resource
import runpy
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

_EVENTS: list[tuple[str, float, float, float]] = []
_FOLDER: list[str] = []
_ROLE: list[str] = ["run"]


def _save() -> None:
    """Append this process's events (and its rusage so far) to its own file."""
    if not _FOLDER:
        return
    usage = resource.getrusage(resource.RUSAGE_SELF)
    record = {
        "pid": os.getpid(),
        "role": _ROLE[0],
        "events": _EVENTS[:],
        "cpu": usage.ru_utime + usage.ru_stime,
        "user": usage.ru_utime,
        "sys": usage.ru_stime,
        "minflt": usage.ru_minflt,
        "nvcsw": usage.ru_nvcsw,
        "nivcsw": usage.ru_nivcsw,
        "now": time.monotonic(),
    }
    _EVENTS.clear()
    with open(os.path.join(_FOLDER[0], f"{os.getpid()}.jsonl"), "a", encoding="utf-8") as fh:
        fh.write(json.dumps(record) + "\n")


def _forked() -> None:
    _EVENTS.clear()
    _ROLE[0] = "child"
    _EVENTS.append(("forked", time.monotonic(), time.monotonic(), 0.0))


def _timed(label: str, func: Any, save: bool = False, role: str | None = None) -> Any:
    """``func``, recording its calls as ``label`` (under its own name: a function sent to
    a pool is pickled by name, and a forked worker finds this wrapper under it too)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if role is not None:
            _ROLE[0] = role
        t0, c0 = time.monotonic(), time.thread_time()
        try:
            return func(*args, **kwargs)
        finally:
            _EVENTS.append((label, t0, time.monotonic(), time.thread_time() - c0))
            if save:
                _save()

    return wrapper


def install(folder: str) -> None:
    """Wrap commkit's batch functions so that each process records what it does."""
    import concurrent.futures._base as futures_base
    import concurrent.futures.process as process

    from commkit import flushing, fsutil
    from commkit.api import batch
    from commkit.cli import output

    _FOLDER.append(folder)
    os.register_at_fork(after_in_child=_forked)
    atexit.register(_save)
    _EVENTS.append(("start", START[0], time.monotonic(), 0.0))

    original_assess_batch = batch.assess_batch

    def assess_batch(*args: Any, **kwargs: Any) -> Any:
        _EVENTS.append(("i", START[0], time.monotonic(), time.thread_time()))
        return _timed("P", original_assess_batch)(*args, **kwargs)

    batch.assess_batch = assess_batch  # type: ignore[assignment]
    import commkit.api as api

    api.assess_batch = assess_batch  # type: ignore[attr-defined]

    original_prepare = batch.prepare

    def prepare(*args: Any, **kwargs: Any) -> Any:
        label = "F" if _ROLE[0] == "run" and not FIRST_DONE else "r"
        FIRST_DONE.append(True)
        return _timed(label, original_prepare)(*args, **kwargs)

    batch.prepare = prepare  # type: ignore[assignment]
    batch._start_worker = _timed("I", batch._start_worker, save=True, role="worker")
    batch._work = _timed("chunk", batch._work, save=True)
    batch._stage_here = _timed("t", batch._stage_here)
    process._sendback_result = _timed("b", process._sendback_result)
    batch._stage = _timed("c", batch._stage)
    batch._flush_in = _timed("s", batch._flush_in)
    fsutil.publish_groups = _timed("l", fsutil.publish_groups)
    flushing._helper_started = _timed("I", flushing._helper_started, save=True, role="helper")
    flushing._flush = _timed("group", flushing._flush, save=True)
    fsutil._fsync_file = _timed("y", fsutil._fsync_file)
    fsutil._fsync_folder = _timed("d", fsutil._fsync_folder)
    flushing.Flushing.result = _timed("f", flushing.Flushing.result)  # type: ignore[method-assign]
    output.JsonArrayWriter.add_encoded = _timed("j", output.JsonArrayWriter.add_encoded)

    from rich.progress import Progress

    Progress.update = _timed("g", Progress.update)  # type: ignore[method-assign]
    Progress.advance = _timed("g", Progress.advance)  # type: ignore[method-assign]

    original_result = futures_base.Future.result

    def result(self: Any, timeout: float | None = None) -> Any:
        caller = sys._getframe(1).f_code.co_name
        if caller != "_results" or os.getpid() != RUN_PID[0]:
            return original_result(self, timeout)
        return _timed("w", original_result)(self, timeout)

    futures_base.Future.result = result  # type: ignore[method-assign]


START = [time.monotonic()]
FIRST_DONE: list[bool] = []
RUN_PID = [os.getpid()]

LETTERS = "iFPwcsflj gIrtyd"


def report(folder: Path, slice_ms: float, summary: dict[str, Any] | None = None) -> list[str]:
    """The per-process summary and the picture of the run, from the files of ``folder``
    (also as data in ``summary``, if given)."""
    summary = summary if summary is not None else {}
    summary["processes"] = []
    processes: dict[int, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            proc = processes.setdefault(record["pid"], {"events": [], "role": record["role"]})
            proc["events"].extend(record["events"])
            for key in ("cpu", "user", "sys", "minflt", "nvcsw", "nivcsw", "now"):
                proc[key] = record[key]
            if record["role"] != "child":
                proc["role"] = record["role"]
    start = min(e[1] for p in processes.values() for e in p["events"])
    end = max(p["now"] for p in processes.values())
    lines = [f"whole run: {1000 * (end - start):.0f} ms (from this script's start)"]
    order = sorted(
        processes.items(),
        key=lambda kv: (
            ("run", "worker", "helper").index(kv[1]["role"])
            if kv[1]["role"] in ("run", "worker", "helper")
            else 9
        ),
    )
    pictures = []
    for pid, proc in order:
        events = proc["events"]
        first = min(e[1] for e in events)
        last = proc["now"]
        busy: dict[str, float] = defaultdict(float)
        cpu: dict[str, float] = defaultdict(float)
        counts: dict[str, int] = defaultdict(int)
        nested = {"r", "t", "y", "d", "g", "j", "c", "l", "s", "f", "w", "F"}
        chunks: list[float] = []
        for label, t0, t1, c in events:
            busy[label] += t1 - t0
            cpu[label] += c
            counts[label] += 1
            if label == "chunk":
                chunks.append(c)
        span = last - first
        lines.append(
            f"\n{proc['role']} {pid}: {1000 * (first - start):.0f}-{1000 * (last - start):.0f} ms"
            f" ({1000 * span:.0f} ms); CPU {1000 * proc['cpu']:.0f} ms (user"
            f" {1000 * proc['user']:.0f}, sys {1000 * proc['sys']:.0f}); minor faults"
            f" {proc['minflt']}; switches {proc['nvcsw']} voluntary, {proc['nivcsw']} forced"
        )
        for label in sorted(busy, key=lambda k: -busy[k]):
            if label in ("start", "forked"):
                continue
            lines.append(
                f"  {label:<6}{1000 * busy[label]:>9.1f} ms {counts[label]:>6} x"
                f" {1000000 * busy[label] / counts[label]:>9.0f} us; CPU (its thread)"
                f" {1000 * cpu[label]:>8.1f} ms, {1000000 * cpu[label] / counts[label]:>7.0f} us"
            )
        if chunks:
            ordered = sorted(chunks[1:]) or chunks
            lines.append(
                f"  CPU of the first chunk {1000 * chunks[0]:.1f} ms, the others' median"
                f" {1000 * ordered[len(ordered) // 2]:.1f} ms"
            )
        summary["processes"].append(
            {
                "pid": pid,
                "role": proc["role"],
                "ms": round(1000 * span, 1),
                "cpu_ms": round(1000 * proc["cpu"], 1),
                "minflt": proc["minflt"],
                "switches": [proc["nvcsw"], proc["nivcsw"]],
                "busy_ms": {k: round(1000 * v, 1) for k, v in busy.items()},
                "cpu_by_activity_ms": {k: round(1000 * v, 1) for k, v in cpu.items()},
                "calls": dict(counts),
            }
        )
        if proc["role"] == "worker":
            idle = span - busy["I"] - busy["chunk"]
            lines.append(f"  idle  {1000 * idle:>9.1f} ms (between chunks, and after the last)")
        elif proc["role"] == "helper":
            idle = span - busy["I"] - busy["group"]
            lines.append(f"  idle  {1000 * idle:>9.1f} ms")
        elif proc["role"] == "run":
            top = ("i", "P", "w", "c", "s", "f", "l", "j", "g")
            other = span - sum(busy[k] for k in top)
            lines.append(f"  other {1000 * other:>9.1f} ms (untraced: the loop, printing, exit)")
        # the picture: per slice, the letter of the innermost activity with most time
        width = int((end - start) * 1000 / slice_ms) + 1
        shares: list[dict[str, float]] = [defaultdict(float) for _ in range(width)]
        for label, t0, t1, _ in events:
            if len(label) != 1:
                continue
            weight = 2.0 if label in nested else 1.0  # inner activities win ties
            k = int((t0 - start) * 1000 / slice_ms)
            while k < width:
                a = max(t0, start + k * slice_ms / 1000)
                b = min(t1, start + (k + 1) * slice_ms / 1000)
                if b <= a and k * slice_ms / 1000 > t1 - start:
                    break
                shares[k][label] += max(0.0, b - a) * weight
                k += 1
        row = "".join(
            max(s, key=lambda x: s[x]) if s and max(s.values()) > slice_ms / 4000 else "."
            for s in shares
        )
        pictures.append(f"{proc['role'][:6]:<7}{row}")
    lines.append(f"\npicture, one letter per {slice_ms:g} ms:")
    lines.extend(pictures)
    summary["ms"] = round(1000 * (end - start), 1)
    summary["picture"] = pictures
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cwd", type=Path, default=None, help="run the command here")
    parser.add_argument("--slice", type=float, default=50.0, help="ms per letter (50)")
    parser.add_argument("--keep", type=Path, default=None, help="keep the event files here")
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.add_argument(
        "--chunk", type=int, default=None, help="answers files a worker takes at a time"
    )
    parser.add_argument("command", nargs=argparse.REMAINDER, help="-- commkit's arguments")
    ns = parser.parse_args(argv)
    command = [a for a in ns.command if a != "--"] if ns.command[:1] == ["--"] else ns.command
    folder = ns.keep or Path(tempfile.mkdtemp(prefix="commkit-timeline-"))
    folder.mkdir(parents=True, exist_ok=True)
    if ns.cwd is not None:
        os.chdir(ns.cwd)
    pid = os.fork()
    if pid == 0:  # the traced run, in a process of its own (its output thrown away)
        START[0] = time.monotonic()
        RUN_PID[0] = os.getpid()
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        install(str(folder))
        if ns.chunk is not None:
            from commkit.api import batch

            batch.CHUNK_FILES = ns.chunk
        sys.argv = ["commkit", *command]
        code = 0
        try:
            runpy.run_module("commkit", run_name="__main__")
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        _save()
        os._exit(code)
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        print(f"the command failed ({code})", file=sys.stderr)
    summary: dict[str, Any] = {"exit": code}
    try:
        lines = report(folder, ns.slice, summary)
    finally:
        if ns.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    if ns.json:
        json.dump(summary, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        print("\n".join(lines))
    return 0 if code == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())

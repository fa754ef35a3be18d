"""Putting a batch's staged files on disk in the background, group by group.

A batch flushes about two hundred files per group (:func:`commkit.api.store_batch`): an
fsync of each, several at a time, while the next group is prepared. Done by threads of the
run itself, every one of those system calls hands the run's GIL to a flushing thread and
back (about 20,000 context switches for 1,000 answers files, each a wait of the thread
that prepares the files). A large group therefore goes to a small helper process (the same
Python, started with ``-I -S``, nothing imported but the standard library) that does the
same fsyncs with its own threads and answers when they are done; a small group, or a run
where the helper cannot start or stops, is flushed by a thread of the run as before. Either
way the caller names no file before :meth:`Flushing.result` has returned.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    import subprocess
    from concurrent.futures import ThreadPoolExecutor

HELPER_FILES = 64
"""A group of at least this many files goes to the helper process (the helper's start,
~10 ms, is paid once, by a batch big enough to gain from it)."""

HELPER = r"""
import json, os, signal, sys, threading
signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the run's to handle

def fsync(path, folder):
    fd = os.open(path, (os.O_RDONLY | os.O_DIRECTORY) if folder else os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

def each(paths, folder):
    errors = {}
    def run(part):
        for index, path in part:
            try:
                fsync(path, folder)
            except OSError as exc:
                errors[index] = exc
    numbered = list(enumerate(paths))
    count = min(THREADS, len(numbered))
    threads = [threading.Thread(target=run, args=(numbered[k::count],)) for k in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors[min(errors)] if errors else None

inp, out = sys.stdin.buffer, sys.stdout.buffer
while True:
    line = inp.readline()
    if not line:
        break
    payload = inp.read(int(line))
    records = payload.split(b"\0") if payload else []
    files = [r[1:] for r in records if r[:1] == b"F"]
    folders = [r[1:] for r in records if r[:1] == b"D"]
    error = each(files, False)
    each(folders, True)  # the renames of earlier groups: best effort, as the run does
    if error is None:
        out.write(b"ok\n")
    else:
        name = os.fsdecode(error.filename) if error.filename is not None else None
        out.write(json.dumps([error.errno, error.strerror, name]).encode() + b"\n")
    out.flush()
"""


class Flushing:
    """One group being flushed: :meth:`result` waits until its data is on disk (raises
    :class:`OSError` if a file could not be flushed), as a :class:`concurrent.futures.Future`
    of the flush would."""

    def __init__(self, wait: Any) -> None:
        self._wait = wait
        self._done = False
        self._error: OSError | None = None

    def result(self) -> None:
        if not self._done:
            self._done = True
            try:
                self._wait()
            except OSError as exc:
                self._error = exc
        if self._error is not None:
            raise self._error


class Flusher:
    """Flushes groups of staged files in the background, one group at a time (the caller
    waits for a group's :meth:`Flushing.result` before it submits the next)."""

    def __init__(self, helper_files: int | None = None) -> None:
        self.helper_files = HELPER_FILES if helper_files is None else helper_files
        self._helper: subprocess.Popen[bytes] | None = None
        self._helper_failed = False
        self._thread: ThreadPoolExecutor | None = None

    def submit(self, files: Sequence[Path], folders: Sequence[Path]) -> Flushing:
        """Start putting the data of ``files`` on disk, and making the renames in
        ``folders`` durable."""
        if len(files) >= self.helper_files and not self._helper_failed:
            flushing = self._in_helper(files, folders)
            if flushing is not None:
                return flushing
        return self._in_thread(files, folders)

    def close(self, *, wait: bool = True) -> None:
        """Stop the helper (it finishes the group it is flushing) and the thread;
        ``wait=False`` (interrupted) does not wait for the helper to end."""
        self._close_helper(wait)
        if self._thread is not None:
            self._thread.shutdown(wait=False)
            self._thread = None

    def _close_helper(self, wait: bool) -> None:
        helper, self._helper = self._helper, None
        if helper is None:
            return
        _close_quietly(helper.stdin)
        if wait:
            try:
                helper.wait(timeout=30)
            except Exception:  # a stuck disk: the run does not hang for it
                helper.kill()
        _close_quietly(helper.stdout)

    def _in_thread(self, files: Sequence[Path], folders: Sequence[Path]) -> Flushing:
        from concurrent.futures import ThreadPoolExecutor

        if self._thread is None:
            self._thread = ThreadPoolExecutor(1, thread_name_prefix="commkit-flush")
        future = self._thread.submit(_flush, list(files), list(folders))
        return Flushing(future.result)

    def _in_helper(self, files: Sequence[Path], folders: Sequence[Path]) -> Flushing | None:
        """The group sent to the helper (started the first time), or ``None`` if the helper
        cannot take it (it is then not used again in this run)."""
        try:
            helper = self._helper or self._start()
            assert helper.stdin is not None
            records = [b"F" + os.fsencode(f) for f in files]
            records += [b"D" + os.fsencode(d) for d in folders]
            payload = b"\0".join(records)
            helper.stdin.write(b"%d\n" % len(payload) + payload)
            helper.stdin.flush()
        except (OSError, ValueError):
            self._stop_helper()
            return None
        return Flushing(lambda: self._answer(helper, files, folders))

    def _start(self) -> subprocess.Popen[bytes]:
        import subprocess

        if not sys.executable:
            raise OSError(errno.ENOENT, "no Python to start")
        code = HELPER.replace("THREADS", str(_flush_threads()))
        self._helper = subprocess.Popen(
            [sys.executable, "-I", "-S", "-c", code],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        return self._helper

    def _answer(
        self, helper: subprocess.Popen[bytes], files: Sequence[Path], folders: Sequence[Path]
    ) -> None:
        """The helper's answer for the group it was sent last (raises its error); if the
        helper stopped, the group is flushed here instead."""
        assert helper.stdout is not None
        try:
            line = helper.stdout.readline()
        except ValueError:  # closed: stopped meanwhile
            line = b""
        if not line:
            self._stop_helper()
            _flush(list(files), list(folders))
            return
        if line == b"ok\n":
            return
        number, message, name = json.loads(line)
        raise OSError(number, message, name)

    def _stop_helper(self) -> None:
        self._helper_failed = True
        self._close_helper(wait=False)


def _flush_threads() -> int:
    from commkit.fsutil import FLUSH_THREADS

    return FLUSH_THREADS


def _flush(files: list[Path], folders: list[Path]) -> None:
    from commkit.fsutil import flush_files, flush_folders

    try:
        flush_files(files)
    finally:
        flush_folders(folders)  # (never raises)


def _close_quietly(stream: IO[bytes] | None) -> None:
    if stream is not None:
        with contextlib.suppress(OSError):
            stream.close()


__all__ = ["HELPER_FILES", "Flusher", "Flushing"]

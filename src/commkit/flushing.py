"""Putting a batch's staged files on disk in the background, group by group.

A batch flushes about two hundred files per group (:func:`commkit.api.store_batch`): an
fsync of each, several at a time, while the next group is prepared. Done by threads of the
run itself, every one of those system calls hands the run's GIL to a flushing thread and
back (about 20,000 context switches for 1,000 answers files, each a wait of the thread
that prepares the files). A large group therefore goes to a helper process (the one
worker of a :class:`concurrent.futures.ProcessPoolExecutor`, as the batch's own workers
are, started once per run) that does the same fsyncs with its own threads and answers when
they are done; a small group, or a run where the helper cannot start or stops, is flushed
by a thread of the run as before. Either way the caller names no file before
:meth:`Flushing.result` has returned.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor

    from commkit.fsutil import StrPath

HELPER_FILES = 64
"""A group of at least this many files goes to the helper process (the helper's start,
a fork, is paid once, by a batch big enough to gain from it)."""


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
        self._helper: ProcessPoolExecutor | None = None
        self._helper_failed = False
        self._thread: ThreadPoolExecutor | None = None

    def submit(self, files: Sequence[StrPath], folders: Sequence[StrPath]) -> Flushing:
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
        if helper is not None:
            helper.shutdown(wait=wait, cancel_futures=True)

    def _in_thread(self, files: Sequence[StrPath], folders: Sequence[StrPath]) -> Flushing:
        from concurrent.futures import ThreadPoolExecutor

        if self._thread is None:
            self._thread = ThreadPoolExecutor(1, thread_name_prefix="commkit-flush")
        future = self._thread.submit(_flush, list(files), list(folders))
        return Flushing(future.result)

    def _in_helper(self, files: Sequence[StrPath], folders: Sequence[StrPath]) -> Flushing | None:
        """The group sent to the helper (started the first time), or ``None`` if the helper
        cannot take it (it is then not used again in this run)."""
        try:
            helper = self._helper or self._start()
            future = helper.submit(_flush, list(files), list(folders))
        except Exception:  # it could not start, or it stopped: not used again
            self._stop_helper()
            return None
        return Flushing(lambda: self._answer(future, files, folders))

    def _start(self) -> ProcessPoolExecutor:
        from concurrent.futures import ProcessPoolExecutor

        self._helper = ProcessPoolExecutor(1, initializer=_helper_started)
        return self._helper

    def _answer(
        self, future: Future[None], files: Sequence[StrPath], folders: Sequence[StrPath]
    ) -> None:
        """The helper's answer for a group (raises its error); if the helper stopped, the
        group is flushed here instead."""
        from concurrent.futures.process import BrokenProcessPool

        try:
            future.result()
        except BrokenProcessPool:
            self._stop_helper()
            _flush(list(files), list(folders))

    def _stop_helper(self) -> None:
        self._helper_failed = True
        self._close_helper(wait=False)


def _helper_started() -> None:
    """The helper ignores Ctrl-C: the run handles it and removes what is staged."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _flush(files: list[StrPath], folders: list[StrPath]) -> None:
    from commkit.fsutil import flush_files, flush_folders

    try:
        flush_files(files)
    finally:
        flush_folders(folders)  # (never raises)


__all__ = ["HELPER_FILES", "Flusher", "Flushing"]

"""Keeping the user cache folder small: what no run will read again is deleted.

Every change of the content pack, of commkit or of its code writes new cache entries (a
checked pack is about 700 KB) and none was ever deleted: three hours of development left 59
packs, 41 MB. Pruning runs only where a run writes anyway (a pack or a worked-out result
was just built, a template folder made, once a week for the file cache's database), never
on a warm run's way; a warm run only marks the entry it read as used, once a day
(:func:`commkit.model.pack_cache.mark_used`: this module is not even imported).

Deleting is safe with other runs at once: an entry is replaced by a rename and read whole,
so a run that opened it keeps reading it, and one that finds it gone builds it again (two
runs deleting the same entry: the second finds nothing to do). Any error (a read-only or
vanished folder, a file held by another program) leaves the entry: a cache is never an
error. Only names commkit gives its entries are touched.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from collections.abc import Callable
from pathlib import Path

__all__ = ["DAY", "UNUSED_DAYS", "prune_entries", "prune_folders"]

DAY = 86_400
UNUSED_DAYS = 30
"""An entry no run has read for this long is deleted."""

_TEMP = re.compile(r"\..+\.[0-9a-f]{8}\.tmp")
"""A temp file of :func:`commkit.model.pack_cache._write`; one a day old lost its writer."""


def prune_entries(folder: Path, name: re.Pattern[str], keep: int) -> None:
    """Delete the entries of ``folder`` whose file name is ``name`` beyond the ``keep`` most
    recently used, and any unused for :data:`UNUSED_DAYS` (with the temp files of writers
    that died a day ago or more)."""
    now = time.time()

    def is_entry(entry: os.DirEntry[str]) -> bool:
        if name.fullmatch(entry.name):
            return entry.is_file(follow_symlinks=False)
        if _TEMP.fullmatch(entry.name) and now - entry.stat().st_mtime > DAY:
            os.unlink(entry.path)
        return False

    for rank, (used, path) in enumerate(_newest_first(folder, is_entry)):
        if rank >= keep or now - used > UNUSED_DAYS * DAY:
            with contextlib.suppress(OSError):
                os.unlink(path)


def prune_folders(folder: Path, name: re.Pattern[str], keep: int, current: str) -> None:
    """Delete the sub-folders of ``folder`` named ``name`` but ``current`` beyond the ``keep``
    most recently written (a folder of entries of another commkit or set-up)."""

    def is_other(entry: os.DirEntry[str]) -> bool:
        return (
            entry.name != current
            and name.fullmatch(entry.name) is not None
            and entry.is_dir(follow_symlinks=False)
        )

    beyond = _newest_first(folder, is_other)[keep:]
    if beyond:
        import shutil  # only when there is a folder to delete

        for _, path in beyond:
            shutil.rmtree(path, ignore_errors=True)


def _newest_first(
    folder: Path, accept: Callable[[os.DirEntry[str]], bool]
) -> list[tuple[float, str]]:
    """``(modification time, path)`` of the entries of ``folder`` that ``accept`` takes, the
    newest first; an entry (or a folder) that cannot be looked at is left out."""
    found: list[tuple[float, str]] = []
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            with contextlib.suppress(OSError):
                if accept(entry):
                    found.append((entry.stat(follow_symlinks=False).st_mtime, entry.path))
    found.sort(reverse=True)
    return found

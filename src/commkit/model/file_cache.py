"""A cache of valid workspace files, so a map re-run reads only the files that changed.

A region's folder of 10,000 community profiles and assessments hardly changes between two
runs of ``commkit map``. Each file that loaded without a problem is remembered, as its
validated model in JSON, under its path and the stamp of its metadata (size, modification
and change times, inode); the next run takes the model from the cache when the stamp is the
same and reads the file otherwise. Entries of other commkit versions or model code live in
another database; opening one deletes those of other versions but the two most recently
used, so that upgrades do not pile them up; once a week, the rows of files that changed or
are gone since they were stored (no run can use them again) are deleted. Models are stored
as their JSON (``model_dump_json``) and come back through pydantic's JSON validation, which
skips the YAML parse (most of a file's cost) and trusts nothing it reads; the database sits
in the user's private cache folder, as the pack cache does.

What is worked out from several files is cached too (:func:`derived`, stored as JSON): a
community's latest results, say, which depend on its assessments folder and the files read
in it. Such an entry lists the files and folders it came from with their stamps, each taken
before it was read, and is used only while every one of them is unchanged.

The cache is best effort and never an error: a damaged entry is read from its file again, a
database that is not one (a crash of the disk, another program's file) is deleted and made
anew, and any other SQLite error (a read-only or full cache folder, a lock held too long)
turns the cache off for the run. ``--no-cache`` / ``COMMKIT_NO_CACHE=1`` skip it.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import json
import os
import re
import sqlite3
import time
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from commkit.model import pack_cache

M = TypeVar("M", bound=BaseModel)

_COMMIT_EVERY = 500
FORMAT = 2
"""Part of the database's name: a new layout of the tables gets a new file."""


class FileCache:
    """One SQLite database of ``path -> (stamp, model JSON)``; writes are batched."""

    def __init__(self, path: Path) -> None:
        self.path = path
        if not path.exists():
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
        self.db = sqlite3.connect(path, timeout=5, isolation_level=None)
        try:
            self._create()
        except sqlite3.Error:
            self.db.close()
            raise
        self.pending: dict[str, tuple[str, str, str, str]] = {}
        self.pending_derived: dict[str, tuple[str, str, str, str]] = {}

    def _create(self) -> None:
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=OFF")
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS files "
            "(path TEXT PRIMARY KEY, stamp TEXT NOT NULL, model TEXT NOT NULL, data TEXT NOT NULL)"
        )
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS derived (key TEXT PRIMARY KEY, deps TEXT NOT NULL, "
            "model TEXT NOT NULL, data TEXT NOT NULL)"
        )

    def get(self, key: str, stamp: str, model: type[M]) -> M | None:
        row = self.pending.get(key)
        if row is None:
            row = self.db.execute(
                "SELECT path, stamp, model, data FROM files WHERE path = ?", (key,)
            ).fetchone()
        if row is None or row[1] != stamp or row[2] != model.__name__:
            return None
        return model.model_validate_json(row[3])

    def put(self, key: str, stamp: str, value: BaseModel) -> None:
        self.pending[key] = (key, stamp, type(value).__name__, value.model_dump_json())
        if len(self.pending) >= _COMMIT_EVERY:
            self.flush()

    def get_derived(self, key: str, model: type[M]) -> M | None:
        row = self.pending_derived.get(key)
        if row is None:
            row = self.db.execute(
                "SELECT key, deps, model, data FROM derived WHERE key = ?", (key,)
            ).fetchone()
        if row is None or row[2] != model.__name__:
            return None
        for path, stamp in json.loads(row[1]):
            if _stamp(path) != stamp:
                return None
        return model.model_validate_json(row[3])

    def put_derived(self, key: str, deps: list[tuple[str, str]], value: BaseModel) -> None:
        deps_json = json.dumps(deps, ensure_ascii=False)
        self.pending_derived[key] = (key, deps_json, type(value).__name__, value.model_dump_json())
        if len(self.pending_derived) >= _COMMIT_EVERY:
            self.flush()

    def flush(self) -> None:
        if not self.pending and not self.pending_derived:
            return
        rows, self.pending = list(self.pending.values()), {}
        derived, self.pending_derived = list(self.pending_derived.values()), {}
        with self.db:
            self.db.execute("BEGIN")
            self.db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)", rows)
            self.db.executemany("INSERT OR REPLACE INTO derived VALUES (?, ?, ?, ?)", derived)


_state: dict[str, FileCache | None] = {}


def _open() -> FileCache | None:
    """The process's cache, opened on first use; ``None`` when off or unusable."""
    if not pack_cache.enabled():
        return None
    if "cache" not in _state:
        version = hashlib.sha256(pack_cache.code_identity()).hexdigest()[:16]
        try:
            path = pack_cache.private_dir() / f"files-{FORMAT}-{version}.sqlite"
            rows_due = _prune(path)
            opened = _connect(path)
            if rows_due:
                _forget_stale(opened, path)
            cache: FileCache | None = opened
        except (OSError, sqlite3.Error):
            cache = None
        _state["cache"] = cache
        if cache is not None:
            atexit.register(_close)
    return _state["cache"]


_OURS = re.compile(r"files-(?:\d+-)?[0-9a-f]{16}\.sqlite")
"""The name of a file cache database, of this format or an earlier one."""
KEEP_OTHERS = 2
"""Databases of other commkit versions kept beside this one's, the most recently used."""


PRUNE_ROWS_EVERY = 7 * 86_400
"""Seconds between two looks for rows no run can use again (:func:`_forget_stale`)."""
_PRUNED = "-pruned"
"""The suffix of the empty file beside a database whose time says when it was last pruned."""


def _prune(current: Path) -> bool:
    """Delete the file cache databases of other commkit versions or formats but the
    :data:`KEEP_OTHERS` most recently used (two installations used in turn keep theirs).
    Only files named as commkit names its databases are touched, with their ``-wal``,
    ``-shm`` and ``-pruned``; anything else in the folder is left alone, and a file that
    cannot be removed is no error. Whether ``current``'s rows are due to be pruned (it
    lists the folder anyway: the mark costs no look of its own)."""
    used: dict[str, float] = {}
    rows_due = True
    with contextlib.suppress(OSError), os.scandir(current.parent) as entries:
        for entry in entries:
            if entry.name == current.name + _PRUNED:
                with contextlib.suppress(OSError):
                    age = time.time() - entry.stat(follow_symlinks=False).st_mtime
                    rows_due = not 0 <= age < PRUNE_ROWS_EVERY
                continue
            base = entry.name.removesuffix("-wal").removesuffix("-shm").removesuffix(_PRUNED)
            if base == current.name or not _OURS.fullmatch(base):
                continue
            with contextlib.suppress(OSError):
                if entry.is_file(follow_symlinks=False):
                    mtime = entry.stat(follow_symlinks=False).st_mtime
                    used[base] = max(used.get(base, mtime), mtime)
    for name in sorted(used, key=lambda n: used[n], reverse=True)[KEEP_OTHERS:]:
        _remove(current.parent / name)
    return rows_due


def _forget_stale(cache: FileCache, path: Path) -> None:
    """Delete the rows no run can use again, once a week: a file whose stamp moved (it was
    changed, replaced or deleted: its change time never comes back; a folder of answers
    files of a batch long gone, a workspace moved), and a worked-out result one of whose
    sources moved. One stat a row (about 30 ms for 10,000 files); a database another run
    holds, or a read-only one, is pruned another time."""
    with contextlib.suppress(sqlite3.Error, OSError, ValueError, TypeError):
        files = cache.db.execute("SELECT path, stamp FROM files").fetchall()
        gone = [(key,) for key, stamp in files if _stamp(key) != stamp]
        derived = cache.db.execute("SELECT key, deps FROM derived").fetchall()
        stale = [
            (key,)
            for key, deps in derived
            if any(_stamp(dep) != stamp for dep, stamp in json.loads(deps))
        ]
        with cache.db:
            cache.db.execute("BEGIN")
            cache.db.executemany("DELETE FROM files WHERE path = ?", gone)
            cache.db.executemany("DELETE FROM derived WHERE key = ?", stale)
        mark = path.with_name(path.name + _PRUNED)
        os.close(os.open(mark, os.O_WRONLY | os.O_CREAT, 0o600))
        os.utime(mark)


def _connect(path: Path) -> FileCache:
    """The database at ``path``; one that is not a database is deleted and made anew."""
    try:
        return FileCache(path)
    except sqlite3.OperationalError:
        raise  # locked, read-only, no space: not a damaged file
    except sqlite3.DatabaseError:
        _remove(path)
        return FileCache(path)


def _close() -> None:
    cache = _state.get("cache")
    if cache is not None:
        with contextlib.suppress(sqlite3.Error):
            cache.flush()
            cache.db.close()
    _state.clear()


def _disable(error: sqlite3.Error) -> None:
    """No cache for the rest of the run; a database found damaged is deleted, so that the
    next run makes it anew (a locked or read-only one is left alone)."""
    cache = _state.get("cache")
    _state["cache"] = None
    if cache is None or isinstance(error, sqlite3.OperationalError):
        return
    if isinstance(error, sqlite3.DatabaseError):
        with contextlib.suppress(sqlite3.Error):
            cache.db.close()
        _remove(cache.path)


def _remove(path: Path) -> None:
    for name in (path.name, f"{path.name}-wal", f"{path.name}-shm", f"{path.name}{_PRUNED}"):
        with contextlib.suppress(OSError):
            (path.parent / name).unlink()


def _stamp(path: str) -> str:
    """Size, modification and change times, inode and device of a file or folder; "missing"
    when there is none, "unknown" when it cannot be stat-ed (never equal to a stored one)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return "missing"
    except OSError:
        return "unknown"
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}:{st.st_dev}"


def stamp_of(path: Path) -> tuple[str, str] | None:
    """``(key, stamp)`` of a file or folder (stamp "missing" if there is none), or ``None``
    if it cannot be stat-ed."""
    key = str(path.absolute())
    stamp = _stamp(key)
    return None if stamp == "unknown" else (key, stamp)


def cached(path: Path, model: type[M]) -> tuple[M | None, tuple[str, str] | None]:
    """The cached model of ``path`` if the file is unchanged, and its stamp for storing."""
    cache = _open()
    if cache is None:
        return None, None
    stamp = stamp_of(path)
    if stamp is None:
        return None, None
    try:
        return cache.get(*stamp, model), stamp
    except ValueError:  # pydantic's ValidationError included
        return None, stamp  # a damaged entry: read the file and store it again
    except sqlite3.Error as error:
        _disable(error)
        return None, None


def remember(stamp: tuple[str, str] | None, value: BaseModel) -> None:
    """Store a file's validated model (after a load that found no problem)."""
    cache = _state.get("cache")
    if stamp is None or cache is None:
        return
    try:
        cache.put(*stamp, value)
    except sqlite3.Error as error:
        _disable(error)


def derived(key: str, model: type[M]) -> M | None:
    """What was worked out under ``key``, if every file and folder it came from is unchanged."""
    cache = _open()
    if cache is None:
        return None
    try:
        return cache.get_derived(key, model)
    except (ValueError, TypeError):
        return None  # a damaged entry: work it out again and store it again
    except sqlite3.Error as error:
        _disable(error)
        return None


def remember_derived(key: str, deps: list[tuple[str, str] | None], value: BaseModel) -> None:
    """Store what was worked out from ``deps`` (:func:`stamp_of` of each, taken before it was
    read); nothing is stored when one of them could not be stat-ed."""
    cache = _state.get("cache")
    if cache is None or any(dep is None for dep in deps):
        return
    try:
        cache.put_derived(key, [dep for dep in deps if dep is not None], value)
    except sqlite3.Error as error:
        _disable(error)

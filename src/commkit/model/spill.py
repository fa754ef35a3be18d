"""A write-once list of pydantic models kept in a temporary SQLite database, not in memory.

A map of 100,000 communities keeps a row, a leader list and an attention entry per
community; held as Python objects they take gigabytes. :class:`SpilledList` keeps its first
``keep`` items as they are and stores every later one as its JSON (``model_dump_json``) in a
private temporary database (SQLite's own: the file goes away when the list is closed or
dropped), validating it again on the way out, so memory stays flat whatever the number of
items and a small list costs nothing.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar, overload

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)

_BATCH = 500
"""Items written in one transaction."""
KEEP = 1000
"""Items a list keeps in memory before it spills the rest."""


class SpilledList(Generic[M]):
    """``append``/``extend`` add items at the end; ``len``, ``bool``, iteration (several at
    once, each with its own position) and ``[...]`` (an index or a slice) work as on a list."""

    def __init__(self, model: type[M], keep: int | None = None) -> None:
        self._model = model
        self._kept: list[M] = []
        self._keep = KEEP if keep is None else keep
        self._db: sqlite3.Connection | None = None
        self._pending: list[tuple[int, str]] = []
        self._len = 0

    def append(self, item: M) -> None:
        if self._len < self._keep:
            self._kept.append(item)
        else:
            self._pending.append((self._len, item.model_dump_json()))
            if len(self._pending) >= _BATCH:
                self._flush()
        self._len += 1

    def extend(self, items: Iterable[M]) -> None:
        for item in items:
            self.append(item)

    def _flush(self) -> None:
        if not self._pending:
            return
        try:
            if self._db is None:
                # "": a private temporary on-disk database, deleted when the connection closes
                self._db = sqlite3.connect("", isolation_level=None)
                self._db.execute("CREATE TABLE items (n INTEGER PRIMARY KEY, json TEXT NOT NULL)")
            self._db.execute("BEGIN")
            self._db.executemany("INSERT INTO items VALUES (?, ?)", self._pending)
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:  # a full or unwritable temporary folder, most likely
            raise OSError(f"cannot keep the list in a temporary database: {exc}") from exc
        self._pending = []

    def __len__(self) -> int:
        return self._len

    def __bool__(self) -> bool:
        return self._len > 0

    def _read(self, start: int, stop: int) -> Iterator[M]:
        yield from self._kept[start:stop]
        start = max(start, self._keep)
        self._flush()
        if self._db is None or start >= stop:
            return
        validate = self._model.model_validate_json
        rows = self._db.execute(
            "SELECT json FROM items WHERE n >= ? AND n < ? ORDER BY n", (start, stop)
        )
        for (text,) in rows:
            yield validate(text)

    def __iter__(self) -> Iterator[M]:
        return self._read(0, self._len)

    @overload
    def __getitem__(self, index: int) -> M: ...
    @overload
    def __getitem__(self, index: slice) -> list[M]: ...
    def __getitem__(self, index: int | slice) -> M | list[M]:
        if isinstance(index, slice):
            start, stop, step = index.indices(self._len)
            if step < 1:
                return list(self)[index]
            return list(itertools.islice(self._read(start, stop), 0, None, step))
        if index < 0:
            index += self._len
        if not 0 <= index < self._len:
            raise IndexError("SpilledList index out of range")
        return next(self._read(index, index + 1))

    def close(self) -> None:
        if self._db is not None:
            self._db.close()

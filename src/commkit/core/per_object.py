"""Values worked out once per object, such as a checklist compiled for scoring.

Content models are not hashable, and an ``id()`` is reused once its object is gone, so each
entry keeps a weak reference to its object and goes away with it.
"""

from __future__ import annotations

import weakref
from typing import Any, Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class PerObject(Generic[K, V]):
    """A table ``object -> value`` by identity that never keeps its objects alive."""

    def __init__(self) -> None:
        self.entries: dict[int, tuple[weakref.ref[Any], V]] = {}

    def get(self, obj: K) -> V | None:
        entry = self.entries.get(id(obj))
        if entry is not None and entry[0]() is obj:
            return entry[1]
        return None

    def put(self, obj: K, value: V) -> V:
        key = id(obj)

        def _drop(
            ref: weakref.ref[Any], key: int = key, entries: dict[Any, Any] = self.entries
        ) -> None:
            # ``entries`` is bound now: at interpreter exit module globals may already be None
            current = entries.get(key)
            if current is not None and current[0] is ref:
                del entries[key]

        self.entries[key] = (weakref.ref(obj, _drop), value)
        return value

"""The map as one JSON document, written piece by piece (``map --json``)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from commkit.core.region_map import RegionMap


def _json_text(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)


def map_json_chunks(region_map: RegionMap) -> Iterator[str]:
    """``json.dumps(region_map.to_json(), ensure_ascii=False, indent=2) + "\\n"``, piece
    by piece: the per-community lists are written one item at a time (for a spilled map,
    read back from its files), so the whole document never sits in memory."""
    big = ("communities", "leaders", "attention")
    skeleton = region_map.model_copy(update={name: [] for name in big}).to_json()
    marks = {name: f"\x00commkit-json-{name}\x00" for name in big}
    for name, mark in marks.items():
        skeleton[name] = mark
    text = _json_text(skeleton)
    for name in big:
        quoted = _json_text(marks[name])
        head, text = text.split(quoted, 1)
        yield head
        items: Any = getattr(region_map, name)
        if not items:
            yield "[]"
            continue
        # Items of a top-level list sit two levels deep: four more spaces on every line
        # (JSON strings hold no raw newlines, so every newline is one of the layout's).
        first = True
        for item in items:
            body = _json_text(item.model_dump(mode="json")).replace("\n", "\n    ")
            yield ("[\n    " if first else ",\n    ") + body
            first = False
        yield "\n  ]"
    yield text + "\n"

"""Merging an overlay pack onto the default: by id, item by item, with ``ignore: true``.

Files pair up by ``kind`` and ``id``. Maps merge key by key (so an overlay may give only
the ``ru`` text of a title); lists whose items all carry an ``id`` merge by id; any other
value replaces the default. Positions are merged too, so errors point at the right file.
"""

from __future__ import annotations

from typing import Any

from commkit.model.loader import Document, Path_, Pos


def merge_overlay(
    base: dict[str, Document], overlay: dict[str, Document]
) -> tuple[dict[str, Document], list[str]]:
    merged = dict(base)
    changes: list[str] = []
    for key, over in overlay.items():
        if key not in base:
            merged[key] = over
            changes.append(f"added {key} ({over.path})")
            continue
        if isinstance(over.data, dict) and over.data.get("ignore") is True:
            del merged[key]
            changes.append(f"dropped {key}")
            continue
        merger = _Merger(base[key], over, key, changes)
        data = merger.merge(base[key].data, (), over.data, (), ())
        doc = Document(base[key].path, data, base[key].lines, merger.values, merger.keys)
        doc.problems = [*base[key].problems, *over.problems]
        merged[key] = doc
    return merged, changes


def _ided(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(i, dict) and "id" in i for i in value)


class _Merger:
    def __init__(self, base: Document, over: Document, key: str, changes: list[str]) -> None:
        self.base, self.over, self.key, self.changes = base, over, key, changes
        self.values: dict[Path_, Pos] = {}
        self.keys: dict[Path_, Pos] = {}

    def copy(self, doc: Document, src: Path_, dst: Path_) -> None:
        n = len(src)
        for table, out in ((doc.values, self.values), (doc.keys, self.keys)):
            for path, pos in table.items():
                if path[:n] == src:
                    out[dst + path[n:]] = pos

    def merge(self, b: Any, bp: Path_, o: Any, op: Path_, out: Path_) -> Any:
        if isinstance(b, dict) and isinstance(o, dict):
            if not out:
                self.copy(self.base, (), ())  # header positions
            result: dict[str, Any] = {}
            for k in b:
                if k not in o:
                    result[k] = b[k]
                    self.copy(self.base, (*bp, k), (*out, k))
            for k in o:
                if k in b:
                    result[k] = self.merge(b[k], (*bp, k), o[k], (*op, k), (*out, k))
                else:
                    result[k] = o[k]
                    self.copy(self.over, (*op, k), (*out, k))
            return result
        if _ided(b) and _ided(o):
            return self.merge_list(b, bp, o, op, out)
        self.copy(self.over, op, out)
        if out and b != o:
            self.changes.append(f"changed {self.key}: {_fmt(out)}")
        return o

    def merge_list(self, b: list[Any], bp: Path_, o: list[Any], op: Path_, out: Path_) -> Any:
        by_id = {item["id"]: (j, item) for j, item in enumerate(o)}
        result: list[Any] = []
        used: set[Any] = set()
        for i, item in enumerate(b):
            if item["id"] in by_id:
                j, patch = by_id[item["id"]]
                used.add(item["id"])
                if patch.get("ignore") is True:
                    self.changes.append(f"dropped {self.key}: {_fmt(out)} {item['id']}")
                    continue
                patch = {k: v for k, v in patch.items() if k != "ignore"}
                result.append(self.merge(item, (*bp, i), patch, (*op, j), (*out, len(result))))
            else:
                self.copy(self.base, (*bp, i), (*out, len(result)))
                result.append(item)
        for j, item in enumerate(o):
            if item["id"] in used or item.get("ignore") is True:
                continue
            self.copy(self.over, (*op, j), (*out, len(result)))
            result.append(item)
            self.changes.append(f"added {self.key}: {_fmt(out)} {item['id']}")
        return result


def _fmt(path: Path_) -> str:
    from commkit.model.loader import format_path

    return format_path(path)

"""What changed between two content packs or two checklists, item by item, by id (pure).

Items are compared by their permanent ids: a question, option, dimension, stage, roadmap
action or seminar is added, removed or changed, and a change lists each field with its value
before and after. The change log of a method version is this list, rendered.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from commkit.i18n import LANGS
from commkit.model.checklist import Checklist
from commkit.model.common import tr

SECTIONS = (
    "checklist",
    "dimension",
    "question",
    "option",
    "stage",
    "action",
    "seminar",
    "migration",
)


@dataclass
class FieldChange:
    field: str
    before: Any
    after: Any


@dataclass
class ItemChange:
    section: str  # one of SECTIONS
    id: str
    change: str  # added, removed, changed
    title: Any = None  # the item's title or text (a {lang: text} map or a string)
    fields: list[FieldChange] = field(default_factory=list)


@dataclass
class PackDiff:
    old: str  # what was compared, e.g. "self-identification 1.0"
    new: str
    items: list[ItemChange] = field(default_factory=list)
    old_title: Any = None  # the same in words per language, when known: {lang: "Title 1.0"}
    new_title: Any = None

    def count(self, change: str) -> int:
        return sum(1 for i in self.items if i.change == change)


def _dump(model: BaseModel) -> dict[str, Any]:
    return model.model_dump(mode="json", by_alias=True, exclude_none=True)


def _title(data: Mapping[str, Any]) -> Any:
    for key in ("title", "text", "label", "name"):
        if key in data:
            return data[key]
    return None


def _fields(
    before: Mapping[str, Any], after: Mapping[str, Any], skip: Iterable[str]
) -> list[FieldChange]:
    names = [k for k in dict.fromkeys([*before, *after]) if k not in set(skip)]
    return [
        FieldChange(name, before.get(name), after.get(name))
        for name in names
        if before.get(name) != after.get(name)
    ]


def diff_items(
    section: str,
    old: Iterable[Any],
    new: Iterable[Any],
    *,
    skip: Iterable[str] = (),
    prefix: str = "",
) -> list[ItemChange]:
    """Added, removed and changed items of one kind, matched by ``id``."""
    before = {m.id: _dump(m) for m in old}
    after = {m.id: _dump(m) for m in new}
    out: list[ItemChange] = []
    for key in dict.fromkeys([*before, *after]):
        a, b = before.get(key), after.get(key)
        if a is None and b is not None:
            out.append(ItemChange(section, prefix + key, "added", _title(b)))
        elif b is None and a is not None:
            out.append(ItemChange(section, prefix + key, "removed", _title(a)))
        elif a is not None and b is not None:
            changed = _fields(a, b, skip)
            if changed:
                out.append(ItemChange(section, prefix + key, "changed", _title(b), changed))
    return out


def diff_checklists(old: Checklist, new: Checklist) -> list[ItemChange]:
    """Dimensions, questions (options apart), stages and the checklist's own fields."""
    items: list[ItemChange] = []
    head = _fields(_dump(old), _dump(new), skip=("dimensions", "questions", "stages"))
    if head:
        items.append(ItemChange("checklist", new.id, "changed", _dump(new).get("title"), head))
    items += diff_items("dimension", old.dimensions, new.dimensions)
    items += diff_items("question", old.questions, new.questions, skip=("options",))
    old_q = {q.id: q for q in old.questions}
    for q in new.questions:
        if q.id in old_q and (old_q[q.id].options or q.options):
            items += diff_items("option", old_q[q.id].options, q.options, prefix=f"{q.id}/")
    items += diff_items("stage", old.stages, new.stages)
    return items


def diff_packs(old: Any, new: Any, old_name: str, new_name: str) -> PackDiff:
    """Two :class:`~commkit.model.pack.ContentPack` s: checklists, roadmap, seminars, migrations."""
    result = PackDiff(old_name, new_name)
    for cid in dict.fromkeys([*old.checklists, *new.checklists]):
        a, b = old.checklists.get(cid), new.checklists.get(cid)
        if a is None or b is None:
            present = b if a is None else a
            result.items.append(
                ItemChange("checklist", cid, "added" if a is None else "removed", present.title)
            )
            continue
        result.items += diff_checklists(a, b)
    result.items += diff_items("action", old.roadmap.actions, new.roadmap.actions)
    result.items += diff_items("seminar", old.seminars, new.seminars)
    result.items += diff_items("migration", old.migrations, new.migrations)
    return result


def diff_checklist_files(old: Checklist, new: Checklist) -> PackDiff:
    return PackDiff(
        f"{old.id} {old.version}",
        f"{new.id} {new.version}",
        diff_checklists(old, new),
        old_title=_titled(old),
        new_title=_titled(new),
    )


def _titled(checklist: Checklist) -> dict[str, str]:
    """A checklist named in words with its version, per language (a change log's title)."""
    return {lang: f"{tr(checklist.title, lang)} {checklist.version}" for lang in LANGS}

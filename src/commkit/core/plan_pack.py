"""What a community's plan reads of the content pack, as plain JSON data and plain objects.

:func:`plan_pack_data` takes it from the validated models (one definition: the data is
derived, never written by hand), so it can be cached beside the pack; :class:`PlanPack`
gives it back as objects with the models' attribute names, which the scheduler
(:func:`commkit.core.scheduler.make_plain_plan`) and the plan's Markdown
(:func:`commkit.render.plan_md.render_plan_md`) read as they read the models. A warm
``commkit plan`` then needs neither the pack's models nor pydantic.

The roadmap's actions and the checklists are the engine's own plain objects
(:mod:`commkit.core.plain`, built from the same JSON data; a checklist on first use); the
rest (roles, chapters, metrics, seminars) are :class:`Record` objects over their data.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from commkit.model.pack import ContentPack

FORMAT = 2
"""The shape of :func:`plan_pack_data`'s data (part of its cache key)."""

_ACTION = (
    "id",
    "chapter",
    "title",
    "description",
    "owner",
    "duration_days",
    "depends_on",
    "always",
    "triggers",
    "deliverables",
    "metrics",
    "seminar",
    "level",
    "taught_in",
    "new_community",
)

_UNREAD: Any = {
    "description": True,
    "dimensions": {"__all__": {"description"}},
    "questions": {
        "__all__": {
            "help": True,
            "recommendation": True,
            "options": {"__all__": {"recommendation"}},
        }
    },
    "stages": {"__all__": {"meaning", "focus", "descriptors"}},
}
"""A checklist's texts a plan never shows (its hash is stored beside the data)."""


def plan_pack_data(pack: ContentPack) -> dict[str, Any]:
    """The pack's parts a community's plan reads, as plain JSON data."""
    from commkit.core.scoring import checklist_hash

    m = pack.methodology
    return {
        "format": FORMAT,
        "roots": [str(d) for d in (pack.overlay_root, pack.root) if d is not None],
        "roadmap": {
            "id": pack.roadmap.id,
            "actions": [
                a.model_dump(mode="json", include=set(_ACTION)) for a in pack.roadmap.actions
            ],
        },
        "roles": [
            r.model_dump(mode="json", include={"id", "name", "functions", "weekly_schedule"})
            for r in m.roles
        ],
        "chapters": [
            c.model_dump(mode="json", include={"id", "number", "title"}) for c in m.chapters
        ],
        "metrics": [x.model_dump(mode="json", include={"id", "name", "unit"}) for x in m.metrics],
        "seminars": [
            s.model_dump(mode="json", include={"id", "number", "type", "title", "week"})
            for s in pack.seminars
        ],
        "default_checklist": pack.checklist.id,
        "checklists": {
            cid: {
                "hash": checklist_hash(c),
                "earlier_wordings": list(c.earlier_wordings),
                "data": c.model_dump(mode="json", exclude=_UNREAD),
            }
            for cid, c in pack.checklists.items()
        },
    }


class Record:
    """Plain data read by attribute (``record.id``), as the scheduler reads a model.
    Not slotted: conditions are compiled once per object, by weak reference."""

    def __init__(self, data: Mapping[str, Any], **nested: Any) -> None:
        self.__dict__.update(data)
        self.__dict__.update(nested)

    def __getattr__(self, name: str) -> Any:  # only for names it does not hold
        raise AttributeError(name)


def _records(items: list[dict[str, Any]], **nested: Callable[[Any], Any]) -> list[Record]:
    return [Record(item, **{k: f(item[k]) for k, f in nested.items()}) for item in items]


class _Methodology:
    def __init__(self, data: Mapping[str, Any]) -> None:
        self.roles = _records(data["roles"], functions=_records, weekly_schedule=_records)
        self.chapters = _records(data["chapters"])
        self.metrics = _records(data["metrics"])


class _Checklists(dict[str, Any]):
    """The checklists by id, each built into the engine's plain objects on first use."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        super().__init__()
        self.data = data

    def __missing__(self, key: str) -> Any:
        from commkit.core.plain import plain_checklist

        entry = self.data[key]
        found = plain_checklist(entry["data"], content_hash=entry["hash"])
        self[key] = found
        return found

    def get(self, key: str, default: Any = None) -> Any:
        return self[key] if key in self.data else default

    def __contains__(self, key: object) -> bool:
        return key in self.data


class PlanPack:
    """:func:`plan_pack_data`'s data with the attributes of a ``ContentPack`` that a plan
    reads: ``roadmap.actions``, ``methodology`` (roles, chapters, metrics), ``seminars``,
    ``checklists`` and ``template_dirs``."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.data = data
        from commkit.core.plain import plain_actions

        self.roadmap = Record(
            {"id": data["roadmap"]["id"]}, actions=plain_actions(data["roadmap"]["actions"])
        )
        self.methodology = _Methodology(data)
        self.seminars = _records(data["seminars"])
        self.checklists = _Checklists(data["checklists"])

    @property
    def template_dirs(self) -> list[Path]:
        """The pack's template folders as they are now (``ContentPack.template_dirs``): a
        folder made after the data was cached counts."""
        from commkit.model.pack_paths import templates_dir

        found = (templates_dir(Path(root)) for root in self.data["roots"])
        return [folder for folder in found if folder is not None]

    @property
    def checklist(self) -> Any:
        """The pack's default checklist (as ``ContentPack.checklist``)."""
        return self.checklists[self.data["default_checklist"]]

    def role_ids(self) -> list[str]:
        return [r.id for r in self.methodology.roles]

    def checklist_hashes(self, checklist_id: str) -> tuple[str, ...] | None:
        """The hash of a checklist's wording now and of its earlier wordings, or ``None``
        when the pack has no such checklist."""
        found = self.data["checklists"].get(checklist_id)
        if found is None:
            return None
        return (found["hash"], *found["earlier_wordings"])

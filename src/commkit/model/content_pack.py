"""The content pack as loaded: the method, checklists, roadmap templates and seminars."""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from commkit.errors import Diagnostic
from commkit.model.checklist import Checklist
from commkit.model.common import tr
from commkit.model.data_hash import data_hash
from commkit.model.methodology import Methodology
from commkit.model.migration import Migration
from commkit.model.pack_files import parse_documents, templates_dir
from commkit.model.roadmap import Roadmap
from commkit.model.seminar import Seminar

if TYPE_CHECKING:
    from commkit.model.loader import Document

DEFAULT_CHECKLIST = "self-identification"


@dataclass
class ContentPack:
    root: Path
    methodology: Methodology
    checklists: dict[str, Checklist]
    roadmap: Roadmap
    seminars: list[Seminar]
    migrations: list[Migration] = field(default_factory=list)
    history: dict[str, Checklist] = field(default_factory=dict)
    """Earlier checklist versions by ``id@version`` (``checklists/history/``), for migrations."""
    parsed: dict[str, Document] | None = None
    """Parsed (and, for overlays, merged) documents; ``None`` when loaded from the cache."""
    overlay_root: Path | None = None
    changes: list[str] = field(default_factory=list)
    """What an overlay changed, one line per item (empty for a full pack)."""
    warnings: list[Diagnostic] = field(default_factory=list)
    """Cross-file warnings found while the pack was checked (kept for ``validate``)."""
    _i18n: list[Diagnostic] | None = None
    hashes: dict[str, str] = field(default_factory=dict)
    """:func:`content_hash` of each checklist by id, worked out before the pack is cached:
    a pack from the cache then tells its checklist's hash without building the checklist's
    serializer (a tenth of a second)."""

    @property
    def documents(self) -> dict[str, Document]:
        """Documents by ``kind/id``, with positions for locating errors.

        Parsed again on first use when the pack came from the cache: positions are needed
        only to report a problem, so a run that finds none never pays for them.
        """
        if self.parsed is None:
            self.parsed = parse_documents(self.root, self.overlay_root)[0]
        return self.parsed

    def missing_translations(self) -> list[Diagnostic]:
        """Texts without a Russian or English version (``validate --strict-i18n``)."""
        if self._i18n is None:
            from commkit.model import i18n_check  # asked only by --strict-i18n and the cache

            models: list[Any] = [
                self.methodology,
                self.roadmap,
                *self.checklists.values(),
                *self.seminars,
            ]
            self._i18n = [
                d
                for m in models
                for d in i18n_check.missing_translations(m, self.documents.get(f"{m.kind}/{m.id}"))
            ]
        return self._i18n

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["parsed"] = None  # positions are rebuilt on demand, not stored
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        for checklist_id, digest in self.hashes.items():  # content_hash() knows them too
            if checklist_id in self.checklists:
                _remember(self.checklists[checklist_id], digest)

    @property
    def checklist(self) -> Checklist:
        if DEFAULT_CHECKLIST in self.checklists:
            return self.checklists[DEFAULT_CHECKLIST]
        return next(iter(self.checklists.values()))

    @property
    def template_dirs(self) -> list[Path]:
        """Template folders to search, the customised pack's first."""
        dirs = [d for d in (self.overlay_root, self.root) if d is not None]
        return [t for d in dirs if (t := templates_dir(d)) is not None]

    def checklist_version(self, checklist_id: str, version: str) -> Checklist | None:
        """A checklist as it was in ``version``: the current one or one kept in history."""
        current = self.checklists.get(checklist_id)
        if current is not None and current.version == version:
            return current
        return self.history.get(f"{checklist_id}@{version}")

    def seminar(self, seminar_id: str) -> Seminar | None:
        return next((s for s in self.seminars if s.id == seminar_id), None)

    def stage_title(self, stage_id: str, lang: str) -> str:
        """The title of stage ``stage_id`` in ``lang``, as the first checklist naming it
        gives it (the id itself for a stage no checklist knows): what a person reads where
        a stage is shown, the id being for files and scripts."""
        for checklist in self.checklists.values():
            for stage in checklist.stages:
                if stage.id == stage_id:
                    return tr(stage.title, lang)
        return stage_id


_KNOWN: dict[int, tuple[weakref.ref[BaseModel], str]] = {}
"""Hashes read from the pack cache, by the identity of the (unchanged) model they belong to:
``assess`` and ``plan`` then learn a cached checklist's hash without serialising it."""


def _remember(model: BaseModel, digest: str) -> None:
    key = id(model)
    _KNOWN[key] = (weakref.ref(model, lambda _ref: _KNOWN.pop(key, None)), digest)


def content_hash(model: BaseModel) -> str:
    """A hash of the content itself (not its formatting): detects edited checklists."""
    known = _KNOWN.get(id(model))
    if known is not None and known[0]() is model:
        return known[1]
    return data_hash(model.model_dump(mode="json"))

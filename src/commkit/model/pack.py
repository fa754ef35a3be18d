"""The content pack: the method, checklists, roadmap templates, seminars and templates.

The default pack ships inside the wheel; ``--content DIR`` points at a customised copy,
either full or an overlay that extends the default and holds only what changes. This module
builds and checks a pack from its parsed files (:mod:`commkit.model.pack_files`) into a
:class:`~commkit.model.content_pack.ContentPack`, through the disk cache; the names most
callers need are re-exported here.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from commkit.errors import ContentError, Diagnostic
from commkit.model import pack_cache
from commkit.model.content_pack import DEFAULT_CHECKLIST, ContentPack, content_hash
from commkit.model.pack_files import (
    HISTORY_DIR,
    MANIFEST,
    PACK_KINDS,
    PackManifest,
    checklist_history_dir,
    default_pack_dir,
    doc_key,
    is_history,
    pack_files,
    pack_roots,
    parse_documents,
    parse_pack,
    read_manifest,
    templates_dir,
)
from commkit.model.pack_paths import sources_of

if TYPE_CHECKING:
    from commkit.model.loader import Document

__all__ = [
    "DEFAULT_CHECKLIST",
    "HISTORY_DIR",
    "MANIFEST",
    "PACK_KINDS",
    "ContentPack",
    "PackManifest",
    "build_pack",
    "checklist_history_dir",
    "content_hash",
    "default_pack_dir",
    "doc_key",
    "is_history",
    "load_pack",
    "load_pack_uncached",
    "pack_files",
    "parse_documents",
    "parse_pack",
    "read_manifest",
    "templates_dir",
]


def build_pack(
    root: Path,
    documents: dict[str, Document],
    problems: list[Diagnostic],
    overlay_root: Path | None = None,
    changes: list[str] | None = None,
) -> ContentPack:
    """Validate parsed documents into models, then check every cross-reference."""
    from pydantic import ValidationError

    from commkit.model.loader import diagnostics_from, format_diagnostic, kind_model, with_problems

    models: dict[str, BaseModel] = {}
    for key, doc in documents.items():
        model_cls = kind_model(doc)
        unreadable = format_diagnostic(doc, model_cls)
        if unreadable is not None:
            problems.append(unreadable)
            continue
        try:
            models[key] = model_cls.model_validate(doc.data)
        except ValidationError as exc:
            problems.extend(with_problems(doc, diagnostics_from(exc, doc, model_cls)))
            continue
        problems.extend(doc.problems)

    def of(kind: str) -> list[Any]:
        return [m for k, m in models.items() if k.startswith(kind + "/")]

    where = overlay_root or root
    methodologies, roadmaps = of("methodology"), of("roadmap")
    checklists, seminars = of("checklist"), of("seminar")
    history: dict[str, Any] = {
        k.split("/", 1)[1]: m for k, m in models.items() if k.startswith("history/")
    }
    for kind, found in (("methodology", methodologies), ("roadmap", roadmaps)):
        if len(found) != 1 and not any(d.file and kind in str(d.file) for d in problems):
            problems.append(
                Diagnostic(
                    f"a content pack needs exactly one {kind} file, found {len(found)}", file=where
                )
            )
    if not checklists and not any(d.file and "checklist" in str(d.file) for d in problems):
        problems.append(Diagnostic("a content pack needs at least one checklist", file=where))
    if problems:
        raise ContentError("the content pack has errors", _sorted(problems))
    pack = ContentPack(
        root=root,
        methodology=methodologies[0],
        checklists={c.id: c for c in checklists},
        roadmap=roadmaps[0],
        seminars=sorted(seminars, key=lambda s: (s.number, s.id)),
        migrations=sorted(of("migration"), key=lambda m: (m.checklist, m.from_version)),
        history=history,
        parsed=documents,
        overlay_root=overlay_root,
        changes=list(changes or []),
    )
    from commkit.model.references import check_pack  # a cached pack was checked when stored

    problems = check_pack(pack)
    if any(d.severity == "error" for d in problems):
        raise ContentError("the content pack has errors", _sorted(problems))
    pack.warnings = problems
    return pack


def _sorted(diags: list[Diagnostic]) -> list[Diagnostic]:
    return sorted(diags, key=lambda d: (str(d.file or ""), d.line or 0, d.column or 0))


def load_pack_uncached(content: Path | None = None, *, use_cache: bool = True) -> ContentPack:
    """Load and check a pack: the default one, a full copy, or an overlay on the default.

    A pack that loaded cleanly before, from the same bytes, comes from the disk cache
    (:mod:`commkit.model.pack_cache`); ``use_cache=False`` always parses.
    """
    root, overlay_root = pack_roots(content)
    key = None
    if use_cache and pack_cache.enabled():
        try:
            key = pack_cache.pack_key(*sources_of(root, overlay_root))
        except OSError:
            key = None
        if key is not None and (cached := pack_cache.load(key)) is not None:
            return cached
    documents, problems, changes = parse_documents(root, overlay_root)
    pack = build_pack(root, documents, problems, overlay_root, changes)
    if key is not None:
        pack.missing_translations()
        pack.hashes = {c.id: content_hash(c) for c in pack.checklists.values()}
        pack_cache.store(key, pack)
    return pack


@cache
def _load_cached(content: str | None) -> ContentPack:
    return load_pack_uncached(Path(content) if content else None)


def load_pack(content: Path | str | None = None) -> ContentPack:
    """The content pack (cached per folder). ``None``: ``$COMMKIT_CONTENT`` or the default."""
    if content is None:
        content = os.environ.get("COMMKIT_CONTENT") or None
    return _load_cached(str(Path(content).resolve()) if content else None)

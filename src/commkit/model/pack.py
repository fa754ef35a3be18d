"""The content pack: the method, checklists, roadmap templates, seminars and templates.

The default pack ships inside the wheel; ``--content DIR`` points at a customised copy,
either full or an overlay that extends the default and holds only what changes.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from commkit.errors import ContentError, Diagnostic
from commkit.model.checklist import Checklist
from commkit.model.common import Header, Text
from commkit.model.loader import (
    Document,
    diagnostics_from,
    kind_model,
    parse_file,
)
from commkit.model.methodology import Methodology
from commkit.model.roadmap import Roadmap
from commkit.model.seminar import Seminar

PACK_KINDS = ("methodology", "checklist", "roadmap", "seminar")
MANIFEST = "pack.yaml"
DEFAULT_CHECKLIST = "self-identification"


class PackManifest(Header):
    """``pack.yaml`` at the root of a customised pack."""

    kind: Literal["pack"]
    name: str
    description: Text | None = None
    extends: Literal["default"] | None = None


def default_pack_dir() -> Path:
    """The packaged default pack (wheel) or the repository's top-level folders (checkout)."""
    here = Path(__file__).resolve().parent.parent
    packaged = here / "_pack"
    if packaged.is_dir():
        return packaged
    return here.parent.parent


def pack_files(root: Path) -> list[Path]:
    """The YAML files of a pack, in a stable order."""
    files: list[Path] = []
    for sub in ("methodology", "checklists"):
        folder = root / sub
        if folder.is_dir():
            files.extend(p for p in folder.rglob("*") if p.suffix in {".yaml", ".yml"})
    return sorted(files)


def templates_dir(root: Path) -> Path | None:
    folder = root / "templates"
    return folder if folder.is_dir() else None


@dataclass
class ContentPack:
    root: Path
    methodology: Methodology
    checklists: dict[str, Checklist]
    roadmap: Roadmap
    seminars: list[Seminar]
    parsed: dict[str, Document] | None = None
    """Parsed (and, for overlays, merged) documents; ``None`` when loaded from the cache."""
    overlay_root: Path | None = None
    changes: list[str] = field(default_factory=list)
    """What an overlay changed, one line per item (empty for a full pack)."""
    warnings: list[Diagnostic] = field(default_factory=list)
    """Cross-file warnings found while the pack was checked (kept for ``validate``)."""
    _i18n: list[Diagnostic] | None = None

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
            from commkit.model.i18n_check import missing_translations

            models: list[Any] = [
                self.methodology,
                self.roadmap,
                *self.checklists.values(),
                *self.seminars,
            ]
            self._i18n = [
                d
                for m in models
                for d in missing_translations(m, self.documents.get(f"{m.kind}/{m.id}"))
            ]
        return self._i18n

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["parsed"] = None  # positions are rebuilt on demand, not stored
        return state

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

    def seminar(self, seminar_id: str) -> Seminar | None:
        return next((s for s in self.seminars if s.id == seminar_id), None)


def content_hash(model: BaseModel) -> str:
    """A hash of the content itself (not its formatting): detects edited checklists."""
    canonical = json.dumps(model.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def doc_key(data: Any) -> str:
    if isinstance(data, dict):
        return f"{data.get('kind')}/{data.get('id')}"
    return "?/?"


def read_manifest(root: Path) -> PackManifest | None:
    path = root / MANIFEST
    if not path.is_file():
        return None
    from commkit.model.loader import validate_document

    return validate_document(parse_file(path), PackManifest)


def parse_pack(root: Path) -> tuple[dict[str, Document], list[Diagnostic]]:
    """Parse every file of a pack; collect all errors rather than stopping at the first."""
    documents: dict[str, Document] = {}
    problems: list[Diagnostic] = []
    for path in pack_files(root):
        try:
            doc = parse_file(path)
            kind_model(doc)
        except ContentError as exc:
            problems.extend(exc.diagnostics)
            continue
        if doc.kind not in PACK_KINDS:
            problems.append(
                doc.diagnostic(("kind",), f"a content pack holds no {doc.kind!r} files")
            )
            continue
        key = doc_key(doc.data)
        if key in documents:
            problems.append(
                doc.diagnostic(("id",), f"{key} is defined twice (also in {documents[key].path})")
            )
            continue
        documents[key] = doc
    return documents, problems


def build_pack(
    root: Path,
    documents: dict[str, Document],
    problems: list[Diagnostic],
    overlay_root: Path | None = None,
    changes: list[str] | None = None,
) -> ContentPack:
    """Validate parsed documents into models, then check every cross-reference."""
    from pydantic import ValidationError

    models: dict[str, BaseModel] = {}
    for key, doc in documents.items():
        model_cls = kind_model(doc)
        try:
            models[key] = model_cls.model_validate(doc.data)
        except ValidationError as exc:
            problems.extend(doc.problems)
            problems.extend(diagnostics_from(exc, doc, model_cls))
            continue
        problems.extend(doc.problems)

    def of(kind: str) -> list[Any]:
        return [m for k, m in models.items() if k.startswith(kind + "/")]

    where = overlay_root or root
    methodologies, roadmaps = of("methodology"), of("roadmap")
    checklists, seminars = of("checklist"), of("seminar")
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
        parsed=documents,
        overlay_root=overlay_root,
        changes=list(changes or []),
    )
    from commkit.model.references import check_pack

    problems = check_pack(pack)
    if any(d.severity == "error" for d in problems):
        raise ContentError("the content pack has errors", _sorted(problems))
    pack.warnings = problems
    return pack


def _sorted(diags: list[Diagnostic]) -> list[Diagnostic]:
    return sorted(diags, key=lambda d: (str(d.file or ""), d.line or 0, d.column or 0))


def _pack_roots(content: Path | None) -> tuple[Path, Path | None]:
    """``(root, overlay_root)`` of a pack: the default, a full copy, or an overlay."""
    if content is None:
        return default_pack_dir(), None
    content = Path(content)
    if not content.is_dir():
        raise ContentError("", [Diagnostic("the content pack folder does not exist", file=content)])
    manifest = read_manifest(content)
    if manifest is not None and manifest.extends == "default":
        return default_pack_dir(), content
    return content, None


def parse_documents(
    root: Path, overlay_root: Path | None
) -> tuple[dict[str, Document], list[Diagnostic], list[str]]:
    """Parse a pack's files (merging an overlay onto its base): documents, problems, changes."""
    documents, problems = parse_pack(root)
    if overlay_root is None:
        return documents, problems, []
    from commkit.model.overlay import merge_overlay

    over_docs, over_problems = parse_pack(overlay_root)
    merged, changes = merge_overlay(documents, over_docs)
    return merged, problems + over_problems, changes


def load_pack_uncached(content: Path | None = None, *, use_cache: bool = True) -> ContentPack:
    """Load and check a pack: the default one, a full copy, or an overlay on the default.

    A pack that loaded cleanly before, from the same bytes, comes from the disk cache
    (:mod:`commkit.model.pack_cache`); ``use_cache=False`` always parses.
    """
    from commkit.model import pack_cache

    root, overlay_root = _pack_roots(content)
    key = None
    if use_cache and pack_cache.enabled():
        roots = [root] if overlay_root is None else [root, overlay_root]
        files = [f for r in roots for f in pack_files(r)]
        if overlay_root is not None:
            files.insert(0, overlay_root / MANIFEST)
        try:
            key = pack_cache.pack_key(roots, files)
        except OSError:
            key = None
        if key is not None and (cached := pack_cache.load(key)) is not None:
            return cached
    documents, problems, changes = parse_documents(root, overlay_root)
    pack = build_pack(root, documents, problems, overlay_root, changes)
    if key is not None:
        pack.missing_translations()
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

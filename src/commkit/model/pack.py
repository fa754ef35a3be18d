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
    format_diagnostic,
    kind_model,
    parse_file,
    with_problems,
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
    documents: dict[str, Document] = field(default_factory=dict)
    """Parsed (and, for overlays, merged) documents by ``kind/id``, for locating errors."""
    overlay_root: Path | None = None
    changes: list[str] = field(default_factory=list)
    """What an overlay changed, one line per item (empty for a full pack)."""

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
            problems.extend(doc.problems)
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
        documents=documents,
        overlay_root=overlay_root,
        changes=list(changes or []),
    )
    from commkit.model.references import check_pack

    problems = check_pack(pack)
    if any(d.severity == "error" for d in problems):
        raise ContentError("the content pack has errors", _sorted(problems))
    return pack


def _sorted(diags: list[Diagnostic]) -> list[Diagnostic]:
    return sorted(diags, key=lambda d: (str(d.file or ""), d.line or 0, d.column or 0))


def load_pack_uncached(content: Path | None = None) -> ContentPack:
    """Load and check a pack: the default one, a full copy, or an overlay on the default."""
    if content is None:
        root = default_pack_dir()
        documents, problems = parse_pack(root)
        return build_pack(root, documents, problems)
    content = Path(content)
    if not content.is_dir():
        raise ContentError("", [Diagnostic("the content pack folder does not exist", file=content)])
    manifest = read_manifest(content)
    if manifest is not None and manifest.extends == "default":
        from commkit.model.overlay import merge_overlay

        base_root = default_pack_dir()
        base_docs, problems = parse_pack(base_root)
        over_docs, over_problems = parse_pack(content)
        merged, changes = merge_overlay(base_docs, over_docs)
        return build_pack(base_root, merged, problems + over_problems, content, changes)
    documents, problems = parse_pack(content)
    return build_pack(content, documents, problems)


@cache
def _load_cached(content: str | None) -> ContentPack:
    return load_pack_uncached(Path(content) if content else None)


def load_pack(content: Path | str | None = None) -> ContentPack:
    """The content pack (cached per folder). ``None``: ``$COMMKIT_CONTENT`` or the default."""
    if content is None:
        content = os.environ.get("COMMKIT_CONTENT") or None
    return _load_cached(str(Path(content).resolve()) if content else None)

"""Where a content pack's files are, and how they are parsed (an overlay merged onto its base).

Apart from :mod:`commkit.model.pack`, which builds and checks the pack from what is parsed here,
so the pack's type can re-parse its documents on demand without importing its own builder.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from commkit.errors import ContentError, Diagnostic
from commkit.model.common import Header, Text

if TYPE_CHECKING:
    from commkit.model.loader import Document

PACK_KINDS = ("methodology", "checklist", "roadmap", "seminar", "migration")
MANIFEST = "pack.yaml"


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


HISTORY_DIR = "history"
"""``checklists/history/``: earlier versions of checklists, kept verbatim for migrations; not
part of the pack (the pack holds one version of each checklist)."""


def pack_files(root: Path) -> list[Path]:
    """The YAML files of a pack, in a stable order (``checklists/history/`` included)."""
    files: list[Path] = []
    for sub in ("methodology", "checklists"):
        folder = root / sub
        if folder.is_dir():
            files.extend(p for p in folder.rglob("*") if p.suffix in {".yaml", ".yml"})
    return sorted(files)


def is_history(path: Path, root: Path) -> bool:
    """Whether ``path`` is an earlier checklist version kept in ``checklists/history/``."""
    return checklist_history_dir(root) in path.parents


def checklist_history_dir(root: Path) -> Path:
    """Where a pack keeps the earlier versions of its checklists."""
    return root / "checklists" / HISTORY_DIR


def templates_dir(root: Path) -> Path | None:
    folder = root / "templates"
    return folder if folder.is_dir() else None


def doc_key(data: Any) -> str:
    if isinstance(data, dict):
        return f"{data.get('kind')}/{data.get('id')}"
    return "?/?"


def read_manifest(root: Path) -> PackManifest | None:
    path = root / MANIFEST
    if not path.is_file():
        return None
    from commkit.model.loader import parse_file, validate_document

    return validate_document(parse_file(path), PackManifest)


def parse_pack(root: Path) -> tuple[dict[str, Document], list[Diagnostic]]:
    """Parse every file of a pack; collect all errors rather than stopping at the first."""
    from commkit.model.loader import kind_model, parse_file  # YAML only when parsing

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
        if is_history(path, root):
            if doc.kind != "checklist":
                problems.append(doc.diagnostic(("kind",), "checklists/history/ holds checklists"))
                continue
            key = f"history/{doc.data.get('id')}@{doc.data.get('version')}"
        if key in documents:
            problems.append(
                doc.diagnostic(("id",), f"{key} is defined twice (also in {documents[key].path})")
            )
            continue
        documents[key] = doc
    return documents, problems


def pack_roots(content: Path | None) -> tuple[Path, Path | None]:
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
    from commkit.model.overlay import merge_overlay  # only an overlay pack needs it

    over_docs, over_problems = parse_pack(overlay_root)
    merged, changes = merge_overlay(documents, over_docs)
    return merged, problems + over_problems, changes

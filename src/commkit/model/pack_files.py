"""How a content pack's files are parsed (an overlay merged onto its base); where they are is
:mod:`commkit.model.pack_paths` (re-exported here).

Apart from :mod:`commkit.model.pack`, which builds and checks the pack from what is parsed here,
so the pack's type can re-parse its documents on demand without importing its own builder.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from commkit.errors import ContentError, Diagnostic
from commkit.model.manifest import PackManifest, read_manifest_file
from commkit.model.pack_paths import (
    HISTORY_DIR,
    MANIFEST,
    checklist_history_dir,
    default_pack_dir,
    is_history,
    pack_files,
    pack_roots,
    templates_dir,
)

if TYPE_CHECKING:
    from commkit.model.loader import Document

__all__ = [
    "HISTORY_DIR",
    "MANIFEST",
    "PACK_KINDS",
    "PackManifest",
    "checklist_history_dir",
    "default_pack_dir",
    "doc_key",
    "is_history",
    "pack_files",
    "pack_roots",
    "parse_documents",
    "parse_pack",
    "read_manifest",
    "templates_dir",
]

PACK_KINDS = ("methodology", "checklist", "roadmap", "seminar", "migration")


def doc_key(data: Any) -> str:
    if isinstance(data, dict):
        return f"{data.get('kind')}/{data.get('id')}"
    return "?/?"


def read_manifest(root: Path) -> PackManifest | None:
    return read_manifest_file(root / MANIFEST)


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

"""Where a content pack's files are: which folders and files make it up.

Kept apart from :mod:`commkit.model.pack_files` (which parses them) and free of pydantic, so
that a command served from the disk cache can name and hash a pack's files without building
a single model class.
"""

from __future__ import annotations

import os
from pathlib import Path

from commkit.errors import ContentError, Diagnostic

MANIFEST = "pack.yaml"
HISTORY_DIR = "history"
"""``checklists/history/``: earlier versions of checklists, kept verbatim for migrations; not
part of the pack (the pack holds one version of each checklist)."""


def default_pack_dir() -> Path:
    """The packaged default pack (wheel) or the repository's top-level folders (checkout)."""
    here = Path(__file__).resolve().parent.parent
    packaged = here / "_pack"
    if packaged.is_dir():
        return packaged
    return here.parent.parent


def pack_files(root: Path) -> list[Path]:
    """The YAML files of a pack, in a stable order (``checklists/history/`` included): every
    entry named ``*.yaml`` or ``*.yml`` under ``methodology/`` and ``checklists/``, in
    folders that are not symbolic links, as ``Path.rglob("*")`` finds them (a walk of
    ``os.scandir`` costs a warm command less than pathlib's pattern machinery)."""
    found: list[str] = []
    for sub in ("methodology", "checklists"):
        folder = root / sub
        if folder.is_dir():
            _walk(str(folder), found)
    return sorted(Path(p) for p in found)


def _walk(folder: str, found: list[str]) -> None:
    try:
        with os.scandir(folder) as entries:
            listed = list(entries)
    except OSError:  # an unreadable folder is left out, as rglob leaves it out
        return
    for entry in listed:
        name = entry.name
        dot = name.rfind(".")
        if 0 < dot < len(name) - 1 and name[dot:] in (".yaml", ".yml"):
            found.append(entry.path)
        try:
            if entry.is_dir() and not entry.is_symlink():
                _walk(entry.path, found)
        except OSError:
            continue


def checklist_history_dir(root: Path) -> Path:
    """Where a pack keeps the earlier versions of its checklists."""
    return root / "checklists" / HISTORY_DIR


def is_history(path: Path, root: Path) -> bool:
    """Whether ``path`` is an earlier checklist version kept in ``checklists/history/``."""
    return checklist_history_dir(root) in path.parents


def templates_dir(root: Path) -> Path | None:
    folder = root / "templates"
    return folder if folder.is_dir() else None


def pack_roots(content: Path | None) -> tuple[Path, Path | None]:
    """``(root, overlay_root)`` of a pack: the default, a full copy, or an overlay."""
    if content is None:
        return default_pack_dir(), None
    content = Path(content)
    if not content.is_dir():
        raise ContentError("", [Diagnostic("the content pack folder does not exist", file=content)])
    if not (content / MANIFEST).is_file():
        return content, None
    from commkit.model.manifest import read_manifest_file  # a model: pydantic

    manifest = read_manifest_file(content / MANIFEST)
    if manifest is not None and manifest.extends == "default":
        return default_pack_dir(), content
    return content, None


def pack_sources(content: Path | None) -> tuple[list[Path], list[Path]]:
    """The folders (in load order) and the files of the pack in ``content``: see
    :func:`sources_of`."""
    return sources_of(*pack_roots(content))


def sources_of(root: Path, overlay_root: Path | None) -> tuple[list[Path], list[Path]]:
    """The folders (in load order) and the files a pack is built from: its manifest first
    (if it has one), then every pack file of each folder."""
    roots = [root] if overlay_root is None else [root, overlay_root]
    files = [f for r in roots for f in pack_files(r)]
    manifest = roots[-1] / MANIFEST
    if manifest.is_file():
        files.insert(0, manifest)
    return roots, files

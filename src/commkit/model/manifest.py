"""``pack.yaml``, the manifest at the root of a customised pack: a model of its own, so that
finding a pack's files (:mod:`commkit.model.pack_paths`) builds it only when there is one."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from commkit.model.common import Header, Text


class PackManifest(Header):
    """``pack.yaml`` at the root of a customised pack."""

    kind: Literal["pack"]
    name: str
    description: Text | None = None
    extends: Literal["default"] | None = None


def read_manifest_file(path: Path) -> PackManifest | None:
    """The manifest in ``path``, or ``None`` when there is no such file."""
    if not path.is_file():
        return None
    from commkit.model.loader import parse_file, validate_document

    return validate_document(parse_file(path), PackManifest)

"""The content pack: load it, validate packs, workspaces and files."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from commkit.core.validation import ValidationReport
    from commkit.model.pack import ContentPack

PathLike = str | Path


def load_content(content: PathLike | None = None) -> ContentPack:
    """The content pack: the built-in default (``None``), a full copy or an overlay folder.

    Raises :class:`commkit.errors.ContentError` listing every problem with file:line.
    """
    from commkit.model.pack import load_pack

    return load_pack(Path(content) if content is not None else None)


def validate(
    paths: Iterable[PathLike] = (),
    *,
    content: PathLike | None = None,
    strict_i18n: bool = False,
) -> ValidationReport:
    """Check content packs, workspaces and single files (by their ``kind:``); with no
    paths, the pack in use (``content``, else the built-in one).

    Never raises for bad files: every problem is a located diagnostic in the report
    (``report.ok`` says whether any is an error).
    """
    from commkit.core.validation import validate_paths

    pack_dir = Path(content) if content is not None else None
    return validate_paths([Path(p) for p in paths], pack_dir, strict_i18n)

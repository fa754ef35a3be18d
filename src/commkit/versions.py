"""Method versions: what changed between two versions of the content.

A region assesses its communities for years while the checklist changes under it; this
compares two packs or two checklist files.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from commkit.errors import UserError

if TYPE_CHECKING:
    from commkit.core.pack_diff import PackDiff

PathLike = str | Path


# ------------------------------------------------------------------------- content diff


def _checklist_file(path: Path) -> Any:
    from commkit.model.checklist import Checklist
    from commkit.model.loader import load_file

    return load_file(path, Checklist)


def diff_content(old: PathLike | None, new: PathLike | None = None) -> PackDiff:
    """What changed from ``old`` to ``new``: two pack folders (``None``: the default pack) or
    two checklist files. Added, removed and changed questions, options, dimensions, stages,
    roadmap actions, seminars and migrations, each change with the values before and after.
    """
    from commkit.core.pack_diff import diff_checklist_files, diff_packs
    from commkit.model.pack import load_pack_uncached

    old_path = Path(old) if old is not None else None
    new_path = Path(new) if new is not None else None
    if old_path is not None and old_path.is_file():
        if new_path is None or not new_path.is_file():
            raise UserError("compare a checklist file with another checklist file")
        return diff_checklist_files(_checklist_file(old_path), _checklist_file(new_path))
    before = load_pack_uncached(old_path)
    after = load_pack_uncached(new_path)
    return diff_packs(
        before,
        after,
        old_path.name if old_path else "default",
        new_path.name if new_path else "default",
    )

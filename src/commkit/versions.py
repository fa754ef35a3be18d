"""Method versions: what changed between two versions of the content.

A region assesses its communities for years while the checklist changes under it; this
compares two packs, two checklist files, or a pack with its own past in git.
"""

from __future__ import annotations

import subprocess
import tempfile
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


def _pack_at_revision(source: Path, rev: str, scratch: Path) -> Path:
    """The pack folder ``source`` as it was at git revision ``rev``, copied into ``scratch``."""
    top = subprocess.run(
        ["git", "-C", str(source), "rev-parse", "--show-toplevel"],
        capture_output=True,
        text=True,
        check=False,
    )
    if top.returncode != 0:
        raise UserError(f"{source} is not in a git repository: --rev needs one")
    root = Path(top.stdout.strip())
    prefix = source.resolve().relative_to(root.resolve())
    folders = [str(prefix / sub) for sub in ("methodology", "checklists", "pack.yaml")]
    archive = subprocess.run(
        ["git", "-C", str(root), "archive", "--format=tar", rev, "--", *folders],
        capture_output=True,
        check=False,
    )
    if archive.returncode != 0:
        message = archive.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UserError(f"git cannot give {rev!r}: {message[-1] if message else 'unknown error'}")
    import io
    import tarfile

    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(scratch, filter="data")
    return scratch / prefix


def diff_content(
    old: PathLike | None, new: PathLike | None = None, *, rev: str | None = None
) -> PackDiff:
    """What changed from ``old`` to ``new``: two pack folders (``None``: the default pack),
    two checklist files, or (``rev``) the pack ``old`` as it was at a git revision against
    the same pack now. Added, removed and changed questions, options, dimensions, stages,
    roadmap actions, seminars and migrations, each change with the values before and after.
    """
    from commkit.core.pack_diff import diff_checklist_files, diff_packs
    from commkit.model.pack import default_pack_dir, load_pack_uncached

    if rev is not None:
        source = Path(old) if old is not None else default_pack_dir()
        with tempfile.TemporaryDirectory(prefix="commkit-rev-") as scratch:
            before = load_pack_uncached(_pack_at_revision(source, rev, Path(scratch)))
            after = load_pack_uncached(source if old is not None else None)
            return diff_packs(before, after, f"{source.name}@{rev}", source.name)
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

"""A file or folder as it was at a git revision, read with dulwich (no ``git`` program is run).

``content diff --rev`` compares a pack or checklist with an earlier version of itself kept in
git. dulwich reads the repository in Python, so commkit still starts no other program.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from commkit.errors import UserError

_STEP = re.compile(r"(~|\^)(\d*)")
_SYMLINK, _SUBMODULE = 0o120000, 0o160000


def _commit(repo: Any, rev: str) -> Any:
    """``rev`` as git reads it: a branch, tag or hash, then any ``~N`` / ``^N`` steps."""
    from dulwich.objectspec import parse_commit

    base = re.split(r"[~^]", rev, maxsplit=1)[0]
    steps = rev[len(base) :]
    if not base or _STEP.sub("", steps):
        raise UserError(f"--rev {rev!r}: not a git revision (a branch, tag or hash, then ~N)")
    try:
        commit = parse_commit(repo, base.encode())
    except (KeyError, ValueError):
        raise UserError(f"--rev {rev!r}: no such revision in {repo.path}") from None
    for kind, count in _STEP.findall(steps):
        n = int(count) if count else 1
        for _ in range(n if kind == "~" else 1):
            parents = commit.parents
            index = 0 if kind == "~" else n - 1
            if index >= len(parents):
                raise UserError(f"--rev {rev!r}: the history has no such ancestor")
            commit = repo[parents[index]]
    return commit


def _blob(repo: Any, sha: bytes) -> bytes:
    from dulwich.objects import Blob

    blob = repo[sha]
    if not isinstance(blob, Blob):
        raise UserError(f"unexpected git object {sha.decode()} (not a file)")
    return bytes(blob.data)


def snapshot_at(path: Path, rev: str, into: Path) -> Path:
    """Write ``path`` (a file or folder tracked by git) as it was at ``rev`` under ``into``.

    Returns the copy. Symbolic links and submodules are skipped: a pack is plain files.
    """
    from dulwich.errors import NotGitRepository
    from dulwich.object_store import tree_lookup_path
    from dulwich.repo import Repo

    from commkit.fsutil import atomic_write_bytes, safe_child

    here = path.resolve()
    try:
        repo = Repo.discover(str(here if here.is_dir() else here.parent))
    except NotGitRepository:
        raise UserError(f"{path} is not in a git repository: --rev needs one") from None
    with repo:
        root = Path(repo.path).resolve()
        rel = here.relative_to(root).as_posix() if here != root else ""
        tree_id = _commit(repo, rev).tree
        copy = into / (here.name or "pack")
        if rel:
            try:
                mode, tree_id = tree_lookup_path(repo.__getitem__, tree_id, rel.encode())
            except KeyError:
                raise UserError(f"{rel} is not in the repository at {rev}") from None
            if not mode & 0o040000:
                atomic_write_bytes(copy, _blob(repo, tree_id))
                return copy
        copy.mkdir(parents=True)
        for entry in repo.object_store.iter_tree_contents(tree_id):
            if entry.mode in (_SYMLINK, _SUBMODULE):
                continue
            target = safe_child(copy, *entry.path.decode().split("/"))
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(target, _blob(repo, entry.sha))
        return copy

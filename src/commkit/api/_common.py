"""What every module of :mod:`commkit.api` shares: path types, the default pack, workspaces
opened once and a clear message for a missing optional library."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from commkit.model.pack import ContentPack
    from commkit.model.workspace_loader import Workspace

PathLike = str | Path
T = TypeVar("T")


def content(pack: ContentPack | None) -> ContentPack:
    """The pack given, else the built-in one (loaded once per process)."""
    from commkit.model.pack import load_pack

    return pack if pack is not None else load_pack(None)


def content_dir(content: PathLike | None) -> Path | None:
    """The pack folder a run uses: ``content``, else ``$COMMKIT_CONTENT``, else ``None`` (the
    built-in pack), as :func:`commkit.model.pack.load_pack` chooses it."""
    import os

    chosen = content if content is not None else os.environ.get("COMMKIT_CONTENT") or None
    return Path(chosen) if chosen is not None else None


def workspace(ws: Workspace | PathLike) -> Workspace:
    """A workspace opened once, so that callers may pass either its folder or the object."""
    from commkit.model.workspace_loader import Workspace, load_workspace

    return ws if isinstance(ws, Workspace) else load_workspace(Path(ws))


def require(module: str, package: str) -> None:
    """A clear message instead of an ImportError when an optional library is missing."""
    import importlib.util

    from commkit.errors import UserError

    if importlib.util.find_spec(module) is None:
        raise UserError(f"this needs the optional library {package}: pip install 'commkit[data]'")


def pack_data(name: str, args: list[Any], content: Path | None, compute: Callable[[], T]) -> T:
    """What ``compute`` works out from the pack in ``content`` (``None``: the built-in one),
    as plain JSON data, taken from the disk cache while no byte of the pack's files, line of
    commkit's code, ``name`` or ``args`` changed (:func:`commkit.model.pack_cache.data_key`).

    A warm run then needs neither the pack's models nor pydantic. Computed data goes through
    JSON as well, so a run from the cache returns exactly what a computing run returns; an
    error is raised as it comes and never stored.
    """
    import json

    from commkit.errors import ContentError
    from commkit.model import pack_cache
    from commkit.model.pack_paths import pack_sources

    key = None
    if pack_cache.enabled():
        given = str(content) if content is not None else None  # paths in the data as given
        try:
            key = pack_cache.data_key(name, [given, *args], *pack_sources(content))
        except (OSError, ContentError):
            key = None  # unreadable files or a broken manifest: compute, and say so there
        found: T | None = pack_cache.load_data(key) if key is not None else None
        if found is not None:
            return found
    data: T = json.loads(json.dumps(compute(), ensure_ascii=False))
    if key is not None:
        pack_cache.store_data(key, data)
    return data

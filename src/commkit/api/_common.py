"""What every module of :mod:`commkit.api` shares: path types, the default pack, workspaces
opened once and a clear message for a missing optional library."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from commkit.model.pack import ContentPack
    from commkit.model.workspace_loader import Workspace

PathLike = str | Path


def content(pack: ContentPack | None) -> ContentPack:
    """The pack given, else the built-in one (loaded once per process)."""
    from commkit.model.pack import load_pack

    return pack if pack is not None else load_pack(None)


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

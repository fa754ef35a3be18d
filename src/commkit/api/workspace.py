"""Workspaces: a region's folder (``region.yaml``, ``communities/``, ``assessments/``),
scaffolded, opened and given new communities.

The files are written here; what they say comes from :mod:`commkit.core.workspace_init`,
which does no I/O.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from commkit.api._common import PathLike
from commkit.api._common import workspace as open_workspace

if TYPE_CHECKING:
    from commkit.core.public_map import PublicMap
    from commkit.model.workspace_loader import Workspace


def load_workspace(path: PathLike) -> Workspace:
    """Open a workspace folder (``region.yaml``, ``communities/``, ``assessments/``).

    Only ``region.yaml`` is read now; profiles and assessments are streamed when a map or
    a progress report is built. Problems are collected in ``workspace.diagnostics``.
    """
    return open_workspace(path)


def init_region(
    directory: PathLike,
    name: str,
    country: str | None = None,
    lang: str = "en",
    *,
    force: bool = False,
) -> Path:
    """Scaffold a workspace (region.yaml with an ecosystem template, communities/,
    assessments/, README.md); returns the path of the new ``region.yaml``."""
    from commkit.core.workspace_init import init_region as _init

    result = _init(Path(directory), name, country, lang, force=force)
    return result.root / "region.yaml"


def add_community(
    workspace: PathLike,
    name: str,
    *,
    leaders: Iterable[str] = (),
    platform: str | None = None,
    format: str = "online",
    formalised: bool = False,
    founded: str | None = None,
    description: str | None = None,
    members: int | None = None,
    events: int | None = None,
    projects: int | None = None,
    snapshot_date: dt.date | None = None,
    slug: str | None = None,
    force: bool = False,
) -> Path:
    """Write ``communities/<slug>.yaml``; figures given become its first snapshot."""
    from commkit.core.workspace_init import new_community, write_community

    community = new_community(
        name,
        slug=slug,
        leaders=list(leaders),
        platform=platform,
        format=format,
        formalised=formalised,
        founded=founded,
        description=description,
        members=members,
        events=events,
        projects=projects,
        snapshot_date=snapshot_date,
    )
    return write_community(Path(workspace), community, force=force)


def public_map(workspace: Workspace | PathLike) -> PublicMap:
    """The public map for entrepreneurs: only communities with a ``public:`` block, and only
    what they chose to publish (never scores, stages, notes or leaders)."""
    from commkit.core.public_map import public_map as _public

    return _public(open_workspace(workspace))


def render_public_map_html(data: PublicMap, lang: str = "en") -> str:
    """The public map as one self-contained page, searchable and filterable in the browser."""
    from commkit.render.public_map import public_map_html

    return public_map_html(data, lang)


def write_public_map(
    workspace: Workspace | PathLike, html: PathLike, *, lang: str = "en", force: bool = False
) -> tuple[Path, int]:
    """Write the public map page; returns its path and how many communities it shows."""
    from commkit.fsutil import atomic_write_text

    data = public_map(workspace)
    path = atomic_write_text(Path(html), render_public_map_html(data, lang), force=force)
    return path, len(data.entries)

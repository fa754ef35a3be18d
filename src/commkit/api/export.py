"""Exports for analysts: a workspace as a SQLite database Datasette can serve."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from commkit.api._common import PathLike, content, require, workspace

if TYPE_CHECKING:
    from commkit.export.sqlite import ExportResult
    from commkit.model.pack import ContentPack
    from commkit.model.workspace_loader import Workspace


def export_sqlite(
    ws: Workspace | PathLike,
    database: PathLike,
    *,
    lang: str = "en",
    pack: ContentPack | None = None,
    replace: bool = False,
    full: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ExportResult:
    """The workspace as a SQLite database plus ``<name>.metadata.json`` for Datasette.

    An existing database is refused unless ``replace``; then only communities whose files
    changed since the last export are read again (``full`` rebuilds everything). Needs the
    ``data`` extra (sqlite-utils).
    """
    require("sqlite_utils", "sqlite-utils")
    from commkit.export.sqlite import export_sqlite as _export

    return _export(
        workspace(ws),
        content(pack),
        Path(database),
        lang=lang,
        replace=replace,
        full=full,
        progress=progress,
    )

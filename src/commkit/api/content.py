"""Content packs: the method and its checklists, loaded, checked and described."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from commkit.api._common import PathLike
from commkit.api._common import content as _pack

if TYPE_CHECKING:
    from commkit.core.validation import ValidationReport
    from commkit.model.pack import ContentPack


def load_content(path: PathLike | None = None) -> ContentPack:
    """The content pack: the built-in default (``None``), a full copy or an overlay folder.

    Raises :class:`commkit.errors.ContentError` listing every problem with file:line.
    """
    from commkit.model.pack import load_pack

    return load_pack(Path(path) if path is not None else None)


def validate(
    paths: list[PathLike] | None = None,
    *,
    content: PathLike | None = None,
    strict_i18n: bool = False,
) -> ValidationReport:
    """Check content packs, workspaces and single files; never raises for bad files: every
    problem is a located diagnostic in the report (``report.ok`` says whether any failed).
    Without ``paths`` the pack in use (``content``, else the built-in one) is checked."""
    from commkit.core.validation import validate_paths

    where = Path(content) if content is not None else None
    return validate_paths([Path(p) for p in paths or []], where, strict_i18n)


def method_overview(pack: ContentPack | None = None, lang: str = "en") -> dict[str, Any]:
    """The method in one language as plain data, with the templates the pack ships."""
    from commkit.core.method_view import overview
    from commkit.model.method_templates import method_templates

    pack = _pack(pack)
    data = overview(pack, lang)
    data["templates"] = [
        {"id": t.id, "title": t.title(lang), "file": f"templates/{t.id}.md"}
        for t in method_templates(pack)
    ]
    return data

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
    from commkit.api.validation import validate_paths

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


def init_content(
    target: PathLike, *, overlay: bool = False, force: bool = False, name: str | None = None
) -> list[Path]:
    """Start a customised content pack in ``target``: an overlay (only a manifest and a
    README; it holds what changes) or a full copy of the built-in pack with its templates.
    Refuses a non-empty folder unless ``force``; returns the files written."""
    from commkit.core.content_init import pack_manifest, pack_readme
    from commkit.errors import UserError
    from commkit.fsutil import atomic_write_bytes, atomic_write_text
    from commkit.model.method_templates import TEMPLATES_DIR
    from commkit.model.pack import MANIFEST, default_pack_dir, pack_files
    from commkit.render.templating import BUILTIN_TEMPLATES

    root = Path(target)
    if root.exists() and not root.is_dir():
        raise UserError(f"{root} exists and is not a folder")
    if root.is_dir() and any(root.iterdir()) and not force:
        raise UserError(f"{root} is not empty (use --force to write into it anyway)")
    name = name or root.resolve().name
    written = [
        atomic_write_text(root / MANIFEST, pack_manifest(name, overlay), force=force),
        atomic_write_text(root / "README.md", pack_readme(name, overlay, root), force=force),
    ]
    if overlay:
        return written
    source = default_pack_dir()
    method_dir = source.joinpath(*TEMPLATES_DIR)
    method = sorted(method_dir.rglob("*.md")) if method_dir.is_dir() else []
    copies = [*pack_files(source), *method]
    for path in copies:
        rel = path.relative_to(source)
        written.append(atomic_write_bytes(root / rel, path.read_bytes(), force=force))
    for path in sorted(BUILTIN_TEMPLATES.glob("*.j2")):
        dest = root / "templates" / path.name
        written.append(atomic_write_bytes(dest, path.read_bytes(), force=force))
    return written


def validate_pack(path: PathLike) -> ValidationReport:
    """Check one pack folder as a whole (cross-references included), as ``content init``
    does with what it has just written."""
    from commkit.api.validation import validate_pack as _validate

    report, _ = _validate(Path(path))
    return report


def method_chapter(
    chapter: str, *, pack: ContentPack | None = None, lang: str = "en"
) -> dict[str, Any]:
    """One chapter of the method (by number or id) as plain data; an unknown chapter is a
    :class:`~commkit.errors.UserError` naming the chapters there are."""
    from commkit.core.method_view import chapter_view, find_chapter

    pack = _pack(pack)
    return chapter_view(pack, find_chapter(pack.methodology, chapter), lang)


def schemas() -> dict[str, Any]:
    """The JSON Schema of every YAML kind, by kind (for editors and other tools)."""
    from commkit.model.json_schema import schemas as _schemas

    return _schemas()


def write_schemas(folder: PathLike, *, force: bool = False) -> list[Path]:
    """Write ``<kind>.schema.json`` for every kind into ``folder``; existing files are
    refused (all counted, before any is written) unless ``force``."""
    import json

    from commkit.errors import OutputExistsError
    from commkit.fsutil import atomic_write_text

    data = schemas()
    targets = {kind: Path(folder) / f"{kind}.schema.json" for kind in data}
    existing = [str(p) for p in targets.values() if p.exists()]
    if existing and not force:
        raise OutputExistsError(
            f"{len(existing)} file(s) already exist, e.g. {existing[0]} (use --force)"
        )
    written = []
    for kind, path in targets.items():
        text = json.dumps(data[kind], indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        written.append(atomic_write_text(path, text, force=force))
    return written


def tr(text: Any, lang: str) -> str:
    """A two-language text (``{en: ..., ru: ...}`` or a plain string) in ``lang``, falling
    back the way every report does."""
    from commkit.i18n.text_pick import tr as _tr

    return _tr(text, lang)

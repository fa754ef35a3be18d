"""The content pack: load it, validate packs, workspaces and files."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

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


def init_content_pack(
    target: PathLike, *, overlay: bool = False, name: str | None = None, force: bool = False
) -> list[Path]:
    """Start a customised content pack in ``target``: a full copy of the built-in pack
    (with the report templates) or an overlay that holds only what changes. Refuses a
    non-empty folder unless ``force``; returns the files written."""
    from commkit.core.content_init import pack_manifest, pack_readme
    from commkit.errors import UserError
    from commkit.fsutil import atomic_write_bytes, atomic_write_text
    from commkit.model.pack import MANIFEST, default_pack_dir, pack_files
    from commkit.render.templating import BUILTIN_TEMPLATES

    target = Path(target)
    if target.exists() and not target.is_dir():
        raise UserError(f"{target} exists and is not a folder")
    if target.is_dir() and any(target.iterdir()) and not force:
        raise UserError(f"{target} is not empty (use --force to write into it anyway)")
    name = name or target.resolve().name
    written = [
        atomic_write_text(target / MANIFEST, pack_manifest(name, overlay), force=force),
        atomic_write_text(target / "README.md", pack_readme(name, overlay, target), force=force),
    ]
    if overlay:
        return written
    source = default_pack_dir()
    for path in pack_files(source):
        rel = path.relative_to(source)
        written.append(atomic_write_bytes(target / rel, path.read_bytes(), force=force))
    if BUILTIN_TEMPLATES.is_dir():
        for path in sorted(BUILTIN_TEMPLATES.glob("*.j2")):
            dest = target / "templates" / path.name
            written.append(atomic_write_bytes(dest, path.read_bytes(), force=force))
    return written


def schemas() -> dict[str, dict[str, Any]]:
    """The JSON Schema of each file kind (for editors and other tools), by kind."""
    from commkit.model import KINDS
    from commkit.model.pack import PackManifest

    result: dict[str, dict[str, Any]] = {}
    for kind, model in {**KINDS, "pack": PackManifest}.items():
        schema = model.model_json_schema()  # type: ignore[attr-defined]
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"commkit:{kind}.schema.json"
        result[kind] = schema
    return result


def write_schemas(folder: PathLike, *, force: bool = False) -> list[Path]:
    """Write ``<kind>.schema.json`` for every kind into ``folder``; refuses (before writing
    any) when some exist, unless ``force``."""
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


def method_overview(*, pack: ContentPack | None = None, lang: str = "en") -> dict[str, Any]:
    """The method as plain data: objectives, final metrics, roles and every chapter."""
    from commkit.core.method_view import overview

    return overview(pack if pack is not None else load_content(), lang)


def method_chapter(
    key: str, *, pack: ContentPack | None = None, lang: str = "en"
) -> dict[str, Any]:
    """One chapter (by id or number) as plain data: purpose, steps, actions, seminars."""
    from commkit.core.method_view import chapter_view, find_chapter

    pack = pack if pack is not None else load_content()
    return chapter_view(pack, find_chapter(pack.methodology, key), lang)

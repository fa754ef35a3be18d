"""The 8 online seminars and the MeetUp: find them, list them, export their materials."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from commkit.api._common import PathLike, T, content, content_dir, pack_data
from commkit.errors import UserError

if TYPE_CHECKING:
    from commkit.api.views import TableView
    from commkit.model.pack import ContentPack
    from commkit.model.seminar import Seminar


def find_seminar(key: str, *, pack: ContentPack | None = None) -> Seminar:
    """A seminar by id (``seminar-3``, ``meetup``) or by number (``3``); an unknown one is a
    :class:`~commkit.errors.UserError` with the nearest id and the ids there are."""
    pack = content(pack)
    found = pack.seminar(key)
    if found is None and key.isdigit():
        found = next((s for s in pack.seminars if s.number == int(key)), None)
    if found is None:
        import difflib

        ids = [s.id for s in pack.seminars]
        hint = difflib.get_close_matches(key, ids, n=1)
        known = ", ".join(ids) if ids else "none: the content pack has no seminars"
        if hint:
            raise UserError(f"no seminar {key!r}; did you mean {hint[0]!r}? (known: {known})")
        raise UserError(f"no seminar {key!r} (known: {known})")
    return found


def seminar_summary(seminar: Seminar, lang: str = "en") -> dict[str, Any]:
    """One seminar as plain data: number, id, type, title, week, format, minutes, chapters
    and dimensions (what ``seminars list --json`` prints)."""
    from commkit.model.common import tr

    return {
        "number": seminar.number,
        "id": seminar.id,
        "type": seminar.type,
        "title": tr(seminar.title, lang),
        "week": seminar.week,
        "format": seminar.format,
        "minutes": seminar.duration_minutes,
        "chapters": list(seminar.chapters),
        "dimensions": list(seminar.dimensions),
    }


def list_seminars(*, pack: ContentPack | None = None, lang: str = "en") -> list[dict[str, Any]]:
    """Every seminar of the pack as :func:`seminar_summary` data, in programme order."""
    return [seminar_summary(s, lang) for s in content(pack).seminars]


def seminar_table(*, pack: ContentPack | None = None, lang: str = "en") -> TableView:
    """The programme as a table of text: number, id, title, week, format, minutes and the
    numbers of the method's chapters each seminar serves."""
    from commkit.api.views import Column, TableView
    from commkit.render.seminar_labels import labels

    pack = content(pack)
    lab = labels(lang)
    numbers = {c.id: c.number for c in pack.methodology.chapters}
    view = TableView(
        lab["programme"],
        [
            Column("number", "#", "right"),
            Column("id", "id"),
            Column("title", lab["seminar"]),
            Column("week", lab["week"], "right"),
            Column("format", lab["format"]),
            Column("minutes", lab["minutes"], "right"),
            Column("chapters", lab["chapters"].split()[0]),
        ],
    )
    for row in list_seminars(pack=pack, lang=lang):
        chapters = sorted(numbers.get(c, 999) for c in row["chapters"])
        view.rows.append(
            {
                "number": str(row["number"]),
                "id": row["id"],
                "title": row["title"],
                "week": str(row["week"]),
                "format": lab[f"format_{row['format']}"],
                "minutes": str(row["minutes"]),
                "chapters": ", ".join(str(n) for n in chapters),
            }
        )
    return view


def seminar_view(
    key: str,
    *,
    pack: ContentPack | None = None,
    lang: str = "en",
    content: PathLike | None = None,
) -> dict[str, Any]:
    """Everything ``seminars show`` prints about one seminar, as text in ``lang``: goals,
    the agenda with minutes and clock offsets, exercises, homework, labels (``L``).

    Without ``pack``, the pack in ``content`` (else ``$COMMKIT_CONTENT``, else the built-in
    one) is read, and the view comes from the disk cache while that pack is unchanged."""

    def view(pack: ContentPack) -> dict[str, Any]:
        from commkit.render.seminars import ExportOptions
        from commkit.render.seminars import seminar_view as _view

        return _view(find_seminar(key, pack=pack), pack, ExportOptions(lang=lang))

    return _from_pack("seminar_view", [key, lang], view, pack, content)


def _from_pack(
    name: str,
    args: list[Any],
    compute: Callable[[ContentPack], T],
    pack: ContentPack | None,
    folder: PathLike | None,
) -> T:
    """``compute(pack)``: for a pack object given, worked out; otherwise from the disk cache
    (:func:`commkit.api._common.pack_data`) while the pack in ``folder`` is unchanged."""
    if pack is not None:
        return compute(pack)
    where = content_dir(folder)

    def load() -> T:
        from commkit.model.pack import load_pack

        return compute(load_pack(where))

    return pack_data(name, args, where, load)


def seminar_json(
    key: str,
    *,
    pack: ContentPack | None = None,
    lang: str = "en",
    content: PathLike | None = None,
) -> dict[str, Any]:
    """One seminar as ``seminars show --json`` prints it (``pack`` and ``content`` as in
    :func:`seminar_view`)."""
    return _from_pack("seminar_json", [key, lang], lambda p: _json(key, p, lang), pack, content)


def _json(key: str, pack: ContentPack, lang: str) -> dict[str, Any]:
    seminar = find_seminar(key, pack=pack)
    view = seminar_view(key, pack=pack, lang=lang)
    data = seminar_summary(seminar, lang)
    data.update(
        goals=view["goals"],
        audience=view["audience"],
        agenda=[
            {k: b[k] for k in ("title", "minutes", "offset", "description", "notes")}
            for b in view["agenda"]
        ],
        exercises=view["exercises"],
        homework=view["homework"],
        preparation=view["preparation"] if seminar.preparation else [],
        materials=view["materials"],
        questions_to_group=view["questions"],
    )
    return data


def choose_seminars(
    keys: Iterable[str] = (), *, every: bool = False, pack: ContentPack | None = None
) -> list[Seminar]:
    """The seminars an export names (ids or numbers, each once, in programme order), or
    ``every`` one; naming none, or both, is a :class:`~commkit.errors.UserError`."""
    pack = content(pack)
    keys = list(keys)
    if every and keys:
        raise UserError("give seminar ids or --all, not both")
    if not every and not keys:
        raise UserError("name the seminars to export (e.g. seminar-1 meetup) or use --all")
    if every:
        if not pack.seminars:
            raise UserError("the content pack has no seminars to export")
        return list(pack.seminars)
    chosen: list[Seminar] = []
    for key in keys:
        seminar = find_seminar(key, pack=pack)
        if seminar not in chosen:
            chosen.append(seminar)
    return sorted(chosen, key=lambda x: (x.number, x.id))


@dataclass
class SeminarExport:
    """What :func:`export_seminars` wrote: the folder, the seminars, the files (relative
    POSIX names, in order), the archive and the language of the materials."""

    out: Path
    seminars: list[str]
    files: list[str] = field(default_factory=list)
    zip: Path | None = None
    lang: str = "en"


@dataclass
class SeminarOptions:
    """The checked options of an export: formats, start time, the community (its name,
    leaders and gaps go into the materials) and the language of the materials."""

    formats: tuple[str, ...]
    time: str | None
    community: Any
    lang: str


def seminar_options(
    *,
    formats: str = "md,html",
    time: str | None = None,
    community: PathLike | None = None,
    lang: str | None = None,
    pack: ContentPack | None = None,
) -> SeminarOptions:
    """Check an export's options before anything is rendered: ``formats`` (md, html or
    md,html), ``time`` (HH:MM), ``community`` (a profile or an assessment file). The
    language is ``lang``, else the assessment's, else English."""
    from commkit.i18n import resolve_lang
    from commkit.render.seminars import parse_formats, parse_time

    chosen = parse_formats(formats)
    clock = parse_time(time) if time is not None else None
    if community is None:
        return SeminarOptions(chosen, clock, None, resolve_lang(lang))
    from commkit.render.seminar_community import load_community

    found, language = load_community(
        Path(community), content(pack), lambda stored: resolve_lang(lang, stored)
    )
    return SeminarOptions(chosen, clock, found, language)


def export_seminars(
    seminars: list[Seminar],
    out: PathLike,
    options: SeminarOptions | None = None,
    *,
    start: dt.date | None = None,
    zip: bool = False,
    force: bool = False,
    pack: ContentPack | None = None,
    progress: Callable[[Seminar], None] | None = None,
) -> SeminarExport:
    """Export slides (Marp), handout, facilitator's guide, invitation and HTML per seminar
    into ``out/<nn>-<id>/``, the series index and the method's templates; ``zip`` adds
    ``seminars.zip``. Everything is rendered and every target checked before the first
    file is written, so a refusal (an existing file without ``force``) writes nothing.
    ``progress`` is called after each seminar is rendered."""
    from commkit.fsutil import atomic_write_bytes
    from commkit.render import seminars as render

    pack = content(pack)
    opts = options or seminar_options(pack=pack)
    render_options = render.ExportOptions(
        lang=opts.lang, formats=opts.formats, start=start, time=opts.time, community=opts.community
    )
    plan = render.plan_export(seminars, pack, render_options, progress=progress)
    root = Path(out)
    names = list(plan.files)
    targets = check_targets(root, [*names, render.ZIP_NAME] if zip else names, force=force)
    write_files([t for t in targets if t[0] in plan.files], plan.files, force=force)
    archive = None
    if zip:
        zipped = render.zip_bytes(plan.files)
        archive = atomic_write_bytes(dict(targets)[render.ZIP_NAME], zipped, force=force)
    return SeminarExport(root, [s.id for s in seminars], names, archive, opts.lang)


def check_targets(out: Path, names: Iterable[str], *, force: bool) -> list[tuple[str, Path]]:
    """Resolve every target inside ``out`` and refuse existing ones unless ``force``.

    Runs before anything is written, so a refused export leaves the folder untouched.
    """
    from commkit.errors import OutputExistsError
    from commkit.fsutil import safe_child

    if out.exists() and not out.is_dir():
        raise UserError(f"{out} exists and is not a folder")
    resolved = []
    existing = []
    for name in names:
        parts = name.split("/")
        if any(p in ("", ".", "..") for p in parts):
            raise UserError(f"refusing to write outside {out}: {name!r}")
        target = safe_child(out, *parts)
        for parent in target.parents:
            if parent == out.resolve():
                break
            if parent.exists() and not parent.is_dir():
                raise UserError(f"{parent} exists and is not a folder; cannot write {name} there")
        if target.is_dir():
            raise UserError(f"{target} is a folder; cannot write a file there")
        if target.exists() and not force:
            existing.append(target)
        resolved.append((name, target))
    if existing:
        shown = ", ".join(str(p) for p in existing[:3])
        more = f" and {len(existing) - 3} more" if len(existing) > 3 else ""
        raise OutputExistsError(
            f"{len(existing)} file(s) already exist: {shown}{more} "
            "(nothing was written; use --force to overwrite them)"
        )
    return resolved


def write_files(
    targets: Sequence[tuple[str, Path]], files: dict[str, str], *, force: bool
) -> list[Path]:
    """Write the checked targets atomically, in order."""
    from commkit.fsutil import atomic_write_text

    written = []
    for name, path in targets:
        written.append(atomic_write_text(path, files[name], force=force))
    return written

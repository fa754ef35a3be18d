"""The 8 online seminars and the MeetUp: find them, view them, export their materials."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from commkit.errors import UserError

if TYPE_CHECKING:
    from commkit.model.pack import ContentPack
    from commkit.model.seminar import Seminar

PathLike = str | Path


def _pack(pack: ContentPack | None) -> ContentPack:
    from commkit.model.pack import load_pack

    return pack if pack is not None else load_pack(None)


def find_seminar(key: str, *, pack: ContentPack | None = None) -> Seminar:
    """A seminar by id (``seminar-3``, ``meetup``) or by number (``3``)."""
    import difflib

    pack = _pack(pack)
    found = pack.seminar(key)
    if found is None and key.isdigit():
        found = next((s for s in pack.seminars if s.number == int(key)), None)
    if found is None:
        ids = [s.id for s in pack.seminars]
        hint = difflib.get_close_matches(key, ids, n=1)
        extra = f"; did you mean {hint[0]!r}?" if hint else ""
        known = ", ".join(ids) if ids else "none: the content pack has no seminars"
        raise UserError(f"no seminar {key!r}{extra} (known: {known})")
    return found


def seminar_labels(lang: str = "en") -> dict[str, str]:
    """The labels of seminar screens and materials in ``lang``."""
    from commkit.render.seminar_labels import labels

    return labels(lang)


def seminar_summary(seminar: Seminar, lang: str = "en") -> dict[str, Any]:
    """One seminar as a row: number, id, type, title, week, format, minutes, chapters."""
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
    """Every seminar of the pack as a row (see :func:`seminar_summary`), in programme order."""
    return [seminar_summary(s, lang) for s in _pack(pack).seminars]


def seminar_view(
    seminar: Seminar, *, pack: ContentPack | None = None, lang: str = "en"
) -> dict[str, Any]:
    """Everything the terminal shows of one seminar (labels under ``"L"``)."""
    from commkit.render.seminars import ExportOptions
    from commkit.render.seminars import seminar_view as _view

    return _view(seminar, _pack(pack), ExportOptions(lang=lang))


def seminar_details(
    seminar: Seminar, *, pack: ContentPack | None = None, lang: str = "en"
) -> dict[str, Any]:
    """One seminar as plain data: the summary, goals, agenda, exercises, homework..."""
    view = seminar_view(seminar, pack=pack, lang=lang)
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


@dataclass
class SeminarExport:
    """What :func:`export_seminars` wrote: relative file names, in order, and the archive."""

    out: Path
    seminars: list[Seminar]
    files: list[str]
    zip: Path | None = None


def choose_seminars(
    keys: Iterable[str] = (), *, every: bool = False, pack: ContentPack | None = None
) -> list[Seminar]:
    """The seminars named by ``keys`` (ids or numbers, in programme order), or ``every`` one."""
    pack = _pack(pack)
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
    chosen.sort(key=lambda x: (x.number, x.id))
    return chosen


def export_seminars(
    seminars: list[Seminar],
    out: PathLike,
    *,
    formats: str = "md,html",
    community: PathLike | None = None,
    start: dt.date | None = None,
    time: str | None = None,
    zip: bool = False,
    force: bool = False,
    lang: str = "en",
    pack: ContentPack | None = None,
    progress: Callable[[Seminar], None] | None = None,
) -> SeminarExport:
    """Export slides (Marp), handout, facilitator's guide, invitation and HTML per seminar
    into ``<out>/<nn>-<id>/``, the series index beside them, and with ``zip`` an archive.

    ``community`` (a profile or an assessment) puts its name, leaders and gaps into the
    exercises and the invitation; ``start`` dates the first seminar, ``time`` (HH:MM) the
    run sheet. Every target is checked before anything is written; nothing is overwritten
    without ``force``. ``progress(seminar)`` is called after each seminar is rendered.
    """
    from commkit.render import seminars as render

    pack = _pack(pack)
    out = Path(out)
    chosen_formats = render.parse_formats(formats)
    clock = render.parse_time(time) if time is not None else None
    context = None
    if community is not None:
        from commkit.render.seminar_community import load_community

        context = load_community(Path(community), pack, lang)
    options = render.ExportOptions(
        lang=lang, formats=chosen_formats, start=start, time=clock, community=context
    )
    rendered = render.plan_export(seminars, pack, options, progress=progress)
    names = list(rendered.files)
    targets = render.check_targets(out, [*names, render.ZIP_NAME] if zip else names, force=force)
    render.write_files([t for t in targets if t[0] in rendered.files], rendered.files, force=force)
    archive = None
    if zip:
        archive = render.write_zip(dict(targets)[render.ZIP_NAME], rendered.files, force=force)
    return SeminarExport(out, seminars, names, archive)

"""Seminar and MeetUp materials: Marp slides, handout, facilitator's guide, invitation, HTML.

:func:`render_seminar` / :func:`render_series` / :func:`plan_export` turn models into
``{relative path: text}`` and :func:`zip_bytes` into one deterministic archive; checking the
targets and writing them is ``commkit.api.seminars``'s work (plan -> check -> write, so that
a refused export writes nothing).

Every text from the content pack or a community file is escaped for Markdown here, and the
HTML is rendered with raw HTML disabled, so user text can neither break the layout nor inject
markup.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from commkit.errors import UserError
from commkit.fsutil import slugify
from commkit.model.common import tr
from commkit.model.method_templates import method_templates
from commkit.model.pack import ContentPack
from commkit.model.seminar import Seminar
from commkit.render.html import FILL_MARK, markdown_to_html, page
from commkit.render.seminar_community import CommunityContext
from commkit.render.seminar_labels import labels, long_date, short_date
from commkit.render.slide_fit import SLIDE_STYLE, class_directive
from commkit.render.templating import render_template
from commkit.render.text import (
    html_text,
)

FORMATS = ("md", "html")
MD_FILES = ("slides.md", "handout.md", "facilitator.md", "invitation.md")
ZIP_NAME = "seminars.zip"
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_TIME_RE = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


@dataclass(frozen=True)
class ExportOptions:
    lang: str = "en"
    formats: tuple[str, ...] = FORMATS
    start: date | None = None
    """The date of the first exported seminar; the others follow by their ``week``."""
    time: str | None = None
    """Start time ``HH:MM`` for the clock times of the run sheet and the invitation."""
    community: CommunityContext | None = None


@dataclass
class ExportPlan:
    """What an export will write: relative POSIX paths (in order) and their text."""

    files: dict[str, str] = field(default_factory=dict)

    def add(self, path: str, text: str) -> None:
        self.files[path] = text


# --------------------------------------------------------------------------- helpers


def parse_time(value: str) -> str:
    """Normalise ``H:MM``/``HH:MM`` to ``HH:MM``; a :class:`UserError` otherwise."""
    match = _TIME_RE.match(value.strip())
    if not match:
        raise UserError(f"--time {value!r}: give the start time as HH:MM, e.g. 18:00")
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def parse_formats(value: str) -> tuple[str, ...]:
    chosen = [part.strip().lower() for part in value.split(",") if part.strip()]
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise UserError(f"--format {value!r}: choose md, html or md,html")
    return tuple(f for f in FORMATS if f in chosen)


def folder_name(seminar: Seminar) -> str:
    """``01-seminar-1``: a safe folder name whatever the id holds."""
    return f"{seminar.number:02d}-{slugify(seminar.id, fallback='seminar')}"


def seminar_dates(seminars: Sequence[Seminar], start: date | None) -> dict[str, date | None]:
    """The first seminar falls on ``start``; each other one ``week`` weeks later."""
    if start is None or not seminars:
        return {s.id: None for s in seminars}
    first_week = min(s.week for s in seminars)
    return {s.id: start + timedelta(weeks=s.week - first_week) for s in seminars}


def _clock(start: str | None, offset: int) -> str:
    if start is None:
        return f"+{offset // 60}:{offset % 60:02d}"
    base = datetime(2000, 1, 1, int(start[:2]), int(start[3:]))
    return (base + timedelta(minutes=offset)).strftime("%H:%M")


def first_sentence(text: str) -> str:
    """The first sentence of a text (for the run sheet's one-line summary)."""
    flat = " ".join(text.split())
    match = re.search(r"(?<=[.!?…])\s", flat)
    return flat[: match.start()] if match else flat


def quoted(items: Sequence[str], lang: str) -> list[str]:
    """Titles in quotes, so that «Ecosystem and government» reads as one item."""
    left, right = ("«", "»") if lang.startswith("ru") else ("“", "”")
    return [f"{left}{item}{right}" for item in items]


def join_human(items: Sequence[str], lang: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    conj = " и " if lang.startswith("ru") else " and "
    return ", ".join(items[:-1]) + conj + items[-1]


# --------------------------------------------------------------------------- templates


def _render(pack: Any, name: str, context: dict[str, Any]) -> str:
    text = render_template(getattr(pack, "template_dirs", []), name, context)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n") + "\n"


# --------------------------------------------------------------------------- view model


def _kicker(seminar: Seminar, pack: Any, lang: str) -> str:
    lab = labels(lang)
    if seminar.type == "meetup":
        return lab["meetup"]
    total = sum(1 for s in pack.seminars if s.type == "seminar")
    if total and seminar.number <= total:
        return lab["seminar_n_of"].format(n=seminar.number, total=total)
    return lab["seminar_n"].format(n=seminar.number)


def _dimensions(seminar: Seminar, pack: Any, lang: str, ctx: CommunityContext | None) -> list[Any]:
    known: dict[str, Any] = {}
    for checklist in [pack.checklist, *pack.checklists.values()]:
        for dim in checklist.dimensions:
            known.setdefault(dim.id, dim)
    gaps = {g.id for g in ctx.gaps} if ctx else set()
    out = []
    for dim_id in seminar.dimensions:
        dim = known.get(dim_id)
        out.append(
            {
                "id": dim_id,
                "title": tr(dim.title, lang) if dim else dim_id,
                "description": tr(dim.description, lang) if dim and dim.description else "",
                "is_gap": dim_id in gaps,
            }
        )
    return out


def _chapters(seminar: Seminar, pack: Any, lang: str) -> list[dict[str, Any]]:
    by_id = {c.id: c for c in pack.methodology.chapters}
    lab = labels(lang)
    out = []
    for chapter_id in seminar.chapters:
        chapter = by_id.get(chapter_id)
        if chapter is None:
            out.append({"id": chapter_id, "number": "", "title": chapter_id, "label": chapter_id})
        else:
            title = tr(chapter.title, lang)
            label = lab["chapter_n"].format(n=chapter.number)
            out.append({"id": chapter_id, "number": chapter.number, "title": title, "label": label})
    return out


def _community_view(seminar: Seminar, opts: ExportOptions) -> dict[str, Any] | None:
    ctx = opts.community
    if ctx is None:
        return None
    lab = labels(opts.lang)
    relevant = ctx.gap_titles([d for d in seminar.dimensions])
    focus_gaps = relevant or ctx.gap_titles()[:3]
    focus = [lab["community_focus"].format(name=ctx.name)]
    if focus_gaps:
        many = len(focus_gaps) > 1
        focus.append(
            lab["community_gap_focus"].format(
                gaps=join_human(quoted(focus_gaps, opts.lang), opts.lang),
                them=lab["them_many" if many else "them_one"],
                a_gap=lab["a_gap_many" if many else "a_gap_one"],
            )
        )
    # On a slide, leaders by name only: their roles would not fit beside the exercise.
    slide_focus = list(focus)
    if ctx.leaders:
        focus.append(lab["leaders_present"].format(leaders=join_human(ctx.leaders, opts.lang)))
        names = ctx.leader_names or ctx.leaders
        slide_focus.append(lab["leaders_present"].format(leaders=join_human(names, opts.lang)))
    return {
        "name": ctx.name,
        "leaders": list(ctx.leaders),
        "gaps": ctx.gap_titles(),
        "relevant_gaps": relevant,
        "focus_gaps": focus_gaps,
        "stage": ctx.stage,
        "focus": focus,
        "slide_focus": slide_focus,
        "slide_fit": class_directive([lab["for_community"], *slide_focus]),
        "heading": lab["for_community"].format(name=ctx.name),
        "gaps_line": (
            lab["your_gaps_here"].format(
                name=ctx.name, gaps=join_human(quoted(ctx.gap_titles(), opts.lang), opts.lang)
            )
            if ctx.gaps
            else ""
        ),
        "work_on": (
            lab["invite_work_on"].format(
                name=ctx.name, gaps=join_human(quoted(focus_gaps, opts.lang), opts.lang)
            )
            if focus_gaps
            else ""
        ),
        "leaders_line": (
            lab["invite_leaders"].format(leaders=join_human(ctx.leaders, opts.lang))
            if ctx.leaders
            else ""
        ),
    }


def seminar_view(
    seminar: Seminar, pack: Any, opts: ExportOptions, when: date | None = None
) -> dict[str, Any]:
    """Everything the templates need, localised (raw text: templates escape it)."""
    lang = opts.lang
    lab = labels(lang)
    offset = 0
    blocks = []
    for i, block in enumerate(seminar.agenda, 1):
        start, offset = offset, offset + block.minutes
        blocks.append(
            {
                "n": i,
                "title": tr(block.title, lang),
                "minutes": block.minutes,
                "description": tr(block.description, lang),
                "notes": tr(block.notes, lang),
                "summary": first_sentence(tr(block.description, lang)),
                "start": _clock(opts.time, start),
                "end": _clock(opts.time, offset),
                "offset": start,
            }
        )
    end_time = _clock(opts.time, seminar.duration_minutes) if opts.time else None
    date_text = long_date(when, lang) if when else lab["date_placeholder"]
    time_text = f"{opts.time}–{end_time}" if opts.time else lab["time_placeholder"]
    ordered = sorted(pack.seminars, key=lambda s: (s.number, s.id))
    later = [s for s in ordered if (s.number, s.id) > (seminar.number, seminar.id)]
    view = {
        "L": lab,
        "lang": lang,
        "id": seminar.id,
        "number": seminar.number,
        "type": seminar.type,
        "kicker": _kicker(seminar, pack, lang),
        "title": tr(seminar.title, lang),
        "goals": [tr(g, lang) for g in seminar.goals],
        "audience": tr(seminar.audience, lang),
        "format": seminar.format,
        "format_label": lab[f"format_{seminar.format}"],
        "where": lab[f"where_{seminar.format}"],
        "duration": seminar.duration_minutes,
        "week": seminar.week,
        "date": when.isoformat() if when else None,
        "date_text": date_text,
        "time": opts.time,
        "end_time": end_time,
        "time_text": time_text,
        "clock_note": (
            lab["clock_note"].format(start=opts.time) if opts.time else lab["clock_note_relative"]
        ),
        "chapters": _chapters(seminar, pack, lang),
        "dimensions": _dimensions(seminar, pack, lang, opts.community),
        "agenda": blocks,
        "total_minutes": offset,
        "exercises": [
            {
                "id": ex.id,
                "title": tr(ex.title, lang),
                "instructions": tr(ex.instructions, lang),
                "minutes": ex.minutes,
            }
            for ex in seminar.exercises
        ],
        "handout": [
            {"title": tr(h.title, lang), "body": tr(h.body, lang)} for h in seminar.handout
        ],
        "homework": [tr(h, lang) for h in seminar.homework],
        "preparation": [tr(p, lang) for p in seminar.preparation] or [lab["preparation_default"]],
        "materials": [tr(m, lang) for m in seminar.materials],
        "questions": [tr(q, lang) for q in seminar.questions_to_group],
        "next_title": tr(later[0].title, lang) if later else None,
        "community": _community_view(seminar, opts),
        "fill": FILL_MARK,
        "registration": lab["registration_placeholder"],
    }
    return _with_slide_fit(view)


def _with_slide_fit(view: dict[str, Any]) -> dict[str, Any]:
    """Add the Marp class of each slide that carries text (smaller type for dense ones)."""
    minutes = view["L"]["minutes"]
    for block in view["agenda"]:
        timing = f"{block['start']}–{block['end']} · {block['minutes']} {minutes}"
        block["fit"] = class_directive([timing, block["description"]])
    for ex in view["exercises"]:
        ex["fit"] = class_directive([f"{ex['minutes']} {minutes}", ex["instructions"]])
    agenda = [
        f"{b['start']}–{b['end']} · {b['title']} ({b['minutes']} {minutes})" for b in view["agenda"]
    ]
    view["fit"] = {
        "goals": class_directive(view["goals"]),
        "agenda": class_directive(agenda),
        "homework": class_directive(view["homework"]),
        "questions": class_directive(view["questions"]),
    }
    view["slide_style"] = SLIDE_STYLE
    return view


# --------------------------------------------------------------------------- rendering


def render_seminar(
    seminar: Seminar, pack: Any, opts: ExportOptions, when: date | None = None
) -> dict[str, str]:
    """The files of one seminar, by name inside its folder."""
    view = seminar_view(seminar, pack, opts, when)
    docs = {
        "slides.md": _render(pack, "seminar_slides.md.j2", view),
        "handout.md": _render(pack, "seminar_handout.md.j2", view),
        "facilitator.md": _render(pack, "seminar_facilitator.md.j2", view),
        "invitation.md": _render(pack, "seminar_invitation.md.j2", view),
    }
    files: dict[str, str] = {}
    if "md" in opts.formats:
        files.update(docs)
    if "html" in opts.formats:
        files["index.html"] = seminar_html(view, docs)
    return files


_DIRECTIVE = re.compile(r"^\s*_?[A-Za-z]+\s*:\s*\S+\s*$")


def _is_directive(comment: str) -> bool:
    """A Marp directive comment (``_class: lead``), as opposed to speaker notes."""
    lines = [line for line in comment.strip().splitlines() if line.strip()]
    return bool(lines) and all(
        line.strip().startswith("_") and _DIRECTIVE.match(line) for line in lines
    )


@dataclass(frozen=True)
class Slide:
    body: str
    notes: list[str]
    lead: bool = False


def split_slides(slides_md: str) -> list[Slide]:
    """Marp Markdown -> slides with their speaker notes (front matter and directives dropped)."""
    text = slides_md
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        text = text[end + 5 :] if end != -1 else ""
    slides = []
    for chunk in re.split(r"\n---\n", "\n" + text + "\n"):
        comments = re.findall(r"<!--(.*?)-->", chunk, flags=re.S)
        directives = [c for c in comments if _is_directive(c)]
        notes = [" ".join(c.split()) for c in comments if not _is_directive(c)]
        body = re.sub(r"<!--.*?-->", "", chunk, flags=re.S).strip()
        lead = any(re.search(r"_class\s*:\s*lead", d) for d in directives)
        if body or notes:
            slides.append(Slide(body, notes, lead))
    return slides


def _page_header(view: dict[str, Any]) -> str:
    lab = view["L"]
    meta = [view["date_text"], view["time_text"]]
    meta.append(f"{view['duration']} {lab['minutes_long']}")
    meta.append(view["format_label"])
    if view["community"]:
        meta.append(view["community"]["heading"])
    spans = "".join(f"<span>{html_text(m)}</span>" for m in meta)
    return (
        '<header class="page"><div class="inner">'
        f'<p class="kicker">{html_text(view["kicker"])}</p>'
        f"<h1>{html_text(view['title'])}</h1>"
        f'<p class="meta">{spans}</p></div></header>'
    )


def seminar_html(view: dict[str, Any], docs: dict[str, str]) -> str:
    """One self-contained page: handout, facilitator's guide, invitation and the slides."""
    lab = view["L"]
    sections = []
    for anchor, name in (
        ("handout", "handout.md"),
        ("facilitator", "facilitator.md"),
        ("invitation", "invitation.md"),
    ):
        body = markdown_to_html(docs[name], shift_headings=1)
        label = f'<p class="section-label">{html_text(lab[anchor])}</p>\n'
        sections.append(f'<section class="doc" id="{anchor}">\n{label}{body}</section>')
    cards = []
    for i, slide in enumerate(split_slides(docs["slides.md"]), 1):
        notes_html = ""
        if slide.notes:
            paras = "".join(f"<p>{html_text(n)}</p>" for n in slide.notes)
            notes_html = (
                f'<aside class="notes"><span class="label">{html_text(lab["speaker_notes"])}'
                f"</span>{paras}</aside>"
            )
        css = "slide lead" if slide.lead else "slide"
        cards.append(
            f'<div class="{css}"><div class="frame">'
            f"{markdown_to_html(slide.body, shift_headings=1)}</div>"
            f'<div class="number">{html_text(lab["slide"])} {i}</div>{notes_html}</div>'
        )
    sections.append(
        f'<section class="doc" id="slides">\n'
        f'<p class="section-label">{html_text(lab["slides"])}</p>\n'
        f"<h2>{html_text(lab['slides'])}: {html_text(view['title'])}</h2>\n"
        f'<p class="hint">{html_text(lab["slides_hint"])}</p>\n<div class="slides">\n'
        + "\n".join(cards)
        + "\n</div>\n</section>"
    )
    nav = [
        ("handout", lab["handout"]),
        ("facilitator", lab["facilitator"]),
        ("invitation", lab["invitation"]),
        ("slides", lab["slides"]),
    ]
    return page(
        title=f"{view['kicker']}: {view['title']}",
        lang=view["lang"],
        header=_page_header(view),
        body=f'<p class="hint">{html_text(lab["print_hint"])}</p>\n' + "\n".join(sections),
        nav=nav,
    )


def series_view(seminars: Sequence[Seminar], pack: Any, opts: ExportOptions) -> dict[str, Any]:
    lab = labels(opts.lang)
    dates = seminar_dates(seminars, opts.start)
    rows = []
    for seminar in seminars:
        when = dates.get(seminar.id)
        folder = folder_name(seminar)
        links = []
        if "html" in opts.formats:
            links.append((lab["open"], f"{folder}/index.html"))
        if "md" in opts.formats:
            links.extend(
                (lab[f"file_{name.removesuffix('.md')}"], f"{folder}/{name}") for name in MD_FILES
            )
        rows.append(
            {
                "number": seminar.number,
                "kicker": _kicker(seminar, pack, opts.lang),
                "title": tr(seminar.title, opts.lang),
                "week": seminar.week,
                "date": short_date(when, opts.lang).replace(" ", "\u00a0") if when else "",
                "iso_date": when.isoformat() if when else "",
                "time": opts.time or "",
                "format": lab[f"format_{seminar.format}"],
                "minutes": seminar.duration_minutes,
                "folder": folder,
                "links": links,
            }
        )
    ctx = opts.community
    return {
        "L": lab,
        "lang": opts.lang,
        "rows": rows,
        "has_dates": any(r["date"] for r in rows),
        "time": opts.time,
        "community": {"heading": lab["for_community"].format(name=ctx.name), "name": ctx.name}
        if ctx
        else None,
    }


def render_series(seminars: Sequence[Seminar], pack: Any, opts: ExportOptions) -> dict[str, str]:
    """``index.md`` (and ``index.html``) with the schedule of the whole series."""
    view = series_view(seminars, pack, opts)
    index_md = _render(pack, "seminar_series.md.j2", view)
    files = {"index.md": index_md}
    if "html" in opts.formats:
        lab = view["L"]
        header = (
            '<header class="page"><div class="inner">'
            f'<p class="kicker">commkit</p><h1>{html_text(lab["programme"])}</h1>'
            + "</div></header>"
        )
        body = markdown_to_html(index_md, shift_headings=1)
        # the page header already carries the title
        body = re.sub(r"^<h2>.*?</h2>\n", "", body, count=1)
        files["index.html"] = page(
            title=lab["programme"],
            lang=opts.lang,
            header=header,
            body=f'<section class="doc" id="schedule">\n{body}</section>',
            nav=[],
        )
    return files


def plan_export(
    seminars: Sequence[Seminar],
    pack: Any,
    opts: ExportOptions,
    progress: Any = None,
) -> ExportPlan:
    """Render every file of an export. ``progress(seminar)`` is called after each seminar."""
    dates = seminar_dates(seminars, opts.start)
    plan = ExportPlan()
    for seminar in seminars:
        folder = folder_name(seminar)
        for name, text in render_seminar(seminar, pack, opts, dates[seminar.id]).items():
            plan.add(f"{folder}/{name}", text)
        if progress is not None:
            progress(seminar)
    for name, text in render_series(seminars, pack, opts).items():
        plan.add(name, text)
    if isinstance(pack, ContentPack):
        for template in method_templates(pack):
            plan.add(f"templates/{template.id}.md", template.text(opts.lang))
    return plan


# --------------------------------------------------------------------------- archive


def zip_bytes(files: dict[str, str]) -> bytes:
    """A deterministic archive: fixed timestamps and modes, files in the order given."""
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()

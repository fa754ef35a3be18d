"""The report of ``assess --rescore``: an old assessment under the current checklist, with
what was carried, what was mapped and how, and what needs a new answer (en or ru)."""

from __future__ import annotations

from typing import Any

from commkit.core.migrate import Move
from commkit.core.rescore import Need, Rescore
from commkit.i18n import plural, text
from commkit.model.answers import Answer, AssessmentResult
from commkit.model.checklist import Checklist
from commkit.model.common import tr
from commkit.render.report import answer_text, fmt_score
from commkit.render.text import md_cell, md_inline


def _stage(checklist: Checklist | None, stage: str, lang: str) -> str:
    found = next((s for s in checklist.stages if s.id == stage), None) if checklist else None
    return tr(found.title, lang) if found is not None else stage


def stage_title(pack: Any, r: Rescore, stage: str, lang: str, *, old: bool = False) -> str:
    """A stage's title in the checklist version it was reached under."""
    ref = r.after.checklist
    checklist = pack.checklist_version(ref.id, r.old_version if old else r.new_version)
    return _stage(checklist, stage, lang)


def _shown(checklist: Checklist | None, qid: str, value: Any, lang: str) -> str:
    """An old or new answer as a reader sees it (the raw value when the question is gone)."""
    q = next((x for x in checklist.questions if x.id == qid), None) if checklist else None
    if value in ("dont_know", "not_applicable"):
        answer = Answer(status=value)
    elif value is None:
        return "—"
    else:
        answer = Answer(value=value)
    return answer_text(q, answer, lang) if q is not None else str(value)


def why_text(need: Need | Move, lang: str) -> str:
    """Why a question must be asked again, in words."""
    why = need.why or "unanswered"
    detail = need.detail
    return text(f"rescore.why_{why}", lang, value="" if detail is None else f"«{detail}»")


def render_rescore_markdown(r: Rescore, pack: Any, lang: str = "en", file: str = "") -> str:
    """The whole report as Markdown."""
    ref = r.after.checklist
    old = pack.checklist_version(ref.id, r.old_version)
    new = pack.checklists[ref.id]
    name = tr(r.after.community.name, lang)
    lines = [f"# {md_inline(text('rescore.title', lang, version=r.new_version, name=name))}", ""]
    lines += [
        text(
            "rescore.intro",
            lang,
            date=r.after.date.isoformat(),
            checklist=tr((old or new).title, lang),
            old=r.old_version,
            new=r.new_version,
            path=" → ".join(r.path),
        ),
        "",
        f"{text('rescore.source', lang)}: `{md_inline(r.source)}`",
        "",
    ]
    lines += _scores(r.before, r.after.result, old, new, r, lang)
    if r.need:
        lines += ["", plural("rescore.need_note", len(r.need), lang)]
    lines += ["", f"## {text('rescore.need_title', lang)} ({len(r.need)})", ""]
    if not r.need:
        lines.append(text("rescore.need_none", lang, version=r.new_version))
    else:
        questions = {q.id: q for q in new.questions}
        for need in r.need:
            q = questions.get(need.id)
            title = f": {md_inline(tr(q.text, lang))}" if q is not None else ""
            lines.append(f"- `{need.id}`{title} — {md_inline(why_text(need, lang))}")
        hint = text("rescore.update_hint", lang, file=file or r.source)
        lines += ["", hint]
    lines += ["", f"## {text('rescore.mapped_title', lang)} ({len(r.mapped)})", ""]
    if r.mapped:
        cols = ("col_question", "col_from", "col_how", "col_before", "col_after")
        lines.append("| " + " | ".join(text(f"rescore.{c}", lang) for c in cols) + " |")
        lines.append("| --- | --- | --- | --- | --- |")
        for m in r.mapped:
            assert m.new is not None
            before = "; ".join(
                _shown(old, o, v, lang) for o, v in zip(m.old, m.before, strict=False)
            )
            after = _shown(new, m.new, m.after, lang)
            sources = ", ".join(f"`{o}`" for o in m.old)
            how = text(f"rescore.how_{m.how}", lang)
            lines.append(
                f"| `{m.new}` | {sources} | {how} | {md_cell(before)} | {md_cell(after)} |"
            )
    else:
        lines.append(text("rescore.none", lang))
    lines += ["", f"## {text('rescore.carried_title', lang)} ({len(r.carried)})", ""]
    if r.carried:
        lines.append(
            plural("rescore.carried_count", len(r.carried), lang)
            + ": "
            + ", ".join(f"`{m.new}`" for m in r.carried)
            + "."
        )
    else:
        lines.append(text("rescore.none", lang))
    if r.dropped:
        lines += ["", f"## {text('rescore.dropped_title', lang)} ({len(r.dropped)})", ""]
        for m in r.dropped:
            value = _shown(old, m.old[0], m.before[0] if m.before else None, lang)
            lines.append(f"- `{m.old[0]}`: {md_inline(value)}")
    return "\n".join(lines) + "\n"


def _scores(
    before: AssessmentResult | None,
    after: AssessmentResult,
    old: Checklist | None,
    new: Checklist,
    r: Rescore,
    lang: str,
) -> list[str]:
    head_old = text("rescore.col_version", lang, version=r.old_version)
    head_new = text("rescore.col_rescored", lang, version=r.new_version)
    lines = [f"| | {head_old} | {head_new} |", "| --- | ---: | ---: |"]
    dash = "—"
    lines.append(
        f"| **{text('rescore.stage', lang)}** | "
        + (md_cell(_stage(old, before.stage, lang)) if before else dash)
        + f" | {md_cell(_stage(new, after.stage, lang))} |"
    )
    lines.append(
        f"| **{text('rescore.overall', lang)}** | "
        + (fmt_score(before.overall, lang) if before else dash)
        + f" | {fmt_score(after.overall, lang)} |"
    )
    old_dims = {d.id: d.score for d in before.dimensions} if before else {}
    for dim in new.dimensions:
        now = next((d.score for d in after.dimensions if d.id == dim.id), None)
        lines.append(
            f"| {md_cell(tr(dim.title, lang))} | {fmt_score(old_dims.get(dim.id), lang)} | "
            f"{fmt_score(now, lang)} |"
        )
    return lines

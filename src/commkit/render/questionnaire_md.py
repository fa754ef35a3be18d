"""The checklist as a printable Markdown questionnaire for a seminar room (paper, then typed in)."""

from __future__ import annotations

from commkit.model.checklist import Checklist, Question
from commkit.model.common import tr
from commkit.render.blank_form import BlankForm
from commkit.render.form_labels import condition_text, export_labels, option_labels, question_title
from commkit.render.text import md_inline

__all__ = ["questionnaire_markdown"]

BOX = "☐"
LINE = "_" * 40


def _question(checklist: Checklist, q: Question, n: int, lang: str) -> list[str]:
    t = export_labels(lang)
    out = [f"**{n}. {md_inline(question_title(q, lang))}**", ""]
    if q.when is not None:
        condition = condition_text(checklist, q.when, lang)
        out += [f"*{md_inline(t['only_if'].format(condition=condition))}*", ""]
    out += [f"> {md_inline(tr(q.help, lang))}", ""]
    if q.type == "multi":
        out += [f"{md_inline(t['md_tick_several'])}", ""]
    if q.type in ("scale", "yes_no", "choice", "multi"):
        out += [f"- {BOX} {md_inline(label)}" for _, label in option_labels(q, lang)]
    elif q.type == "number":
        assert q.number is not None
        unit = tr(q.number.unit, lang) if q.number.unit else ""
        out.append(f"- {md_inline(t['md_write'])}: {LINE} {md_inline(unit)}".rstrip())
    else:
        out += [f"- {LINE}", f"- {LINE}"]
    out.append(f"- {BOX} {md_inline(t['dont_know'])} {BOX} {md_inline(t['not_applicable'])}")
    out += ["", f"{md_inline(t['md_note'])}: {LINE}", ""]
    return out


def questionnaire_markdown(form: BlankForm) -> str:
    """The questionnaire in its language: meta lines to fill in, then every question by
    dimension."""
    checklist, lang = form.checklist, form.lang
    t = export_labels(lang)
    lines = [f"# {md_inline(tr(checklist.title, lang))}", "", md_inline(t["md_intro"]), ""]
    name = form.community_name
    lines += [
        f"- **{md_inline(t['community'])}:** {md_inline(name) if name else LINE}",
        f"- **{md_inline(t['rater_name'])}:** {LINE}",
        f"- **{md_inline(t['rater_role'])}:** {LINE}",
        f"- **{md_inline(t['date'])}:** {LINE}",
        "",
    ]
    n = 0
    for dim in checklist.dimensions:
        lines += [f"## {md_inline(tr(dim.title, lang))}", ""]
        if dim.description:
            lines += [md_inline(tr(dim.description, lang)), ""]
        for q in checklist.questions:
            if q.dimension == dim.id:
                n += 1
                lines += _question(checklist, q, n, lang)
    footer = f"{checklist.id} {checklist.version}"
    lines += ["---", "", f"*commkit · {md_inline(footer)}*", ""]
    return "\n".join(lines)

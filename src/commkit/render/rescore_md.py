"""The "carried from an older version" section of a re-scored assessment's report."""

from __future__ import annotations

from typing import Any

from commkit.core.migrate import Migrated
from commkit.i18n import plural, score, text
from commkit.model.checklist import Checklist, Question
from commkit.model.common import tr
from commkit.render.text import md_cell


def _question(checklist: Checklist | None, qid: str, lang: str) -> str:
    q = next((x for x in checklist.questions if x.id == qid), None) if checklist else None
    return f"{md_cell(tr(q.text, lang))} (`{qid}`)" if q is not None else f"`{qid}`"


def _answer(value: Any, question: Question | None, lang: str) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return text("wizard.yes" if value else "wizard.no", lang)
    if value in ("dont_know", "not_applicable"):
        return text(f"wizard.{value}", lang)
    if question is not None and question.options:
        labels = {o.id: tr(o.label, lang) for o in question.options}
        if isinstance(value, list):
            return md_cell(", ".join(labels.get(str(v), str(v)) for v in value))
        return md_cell(labels.get(str(value), str(value)))
    return md_cell(str(value))


def render_rescore_markdown(
    migrated: Migrated,
    old: Checklist | None,
    new: Checklist,
    need_answer: list[str],
    lang: str,
    *,
    source: str,
    old_overall: float | None = None,
    old_stage: str | None = None,
) -> str:
    """What was carried as it was, what was mapped (old answer -> new answer), and which
    questions need a new answer."""
    old_v, new_v = migrated.path[0], migrated.path[-1]
    lines = [f"## {text('rescore.title', lang, old=old_v, new=new_v)}", ""]
    lines += [text("rescore.intro", lang, old=old_v, new=new_v), ""]
    if old_overall is not None and old_stage is not None:
        stage = next((s for s in (old.stages if old else []) if s.id == old_stage), None)
        title = tr(stage.title, lang) if stage else old_stage
        lines += [
            text("rescore.before", lang, old=old_v, overall=score(old_overall, lang), stage=title),
            "",
        ]
    carried = [m for m in migrated.moves if m.how == "carried" and m.new in migrated.answers]
    lines += [plural("rescore.carried", len(carried), lang), ""]
    moved = [m for m in migrated.moves if m.how in ("renamed", "mapped", "split", "merged")]
    if moved:
        new_q = {q.id: q for q in new.questions}
        old_q = {q.id: q for q in old.questions} if old else {}
        head = [
            text("rescore.old_question", lang, old=old_v),
            text("rescore.old_answer", lang),
            text("rescore.new_question", lang, new=new_v),
            text("rescore.new_answer", lang),
            text("rescore.how", lang),
        ]
        lines += [f"### {text('rescore.moved', lang)}", "", "| " + " | ".join(head) + " |"]
        lines.append("|" + " --- |" * len(head))
        for move in moved:
            before = ", ".join(
                _answer(v, old_q.get(move.old[0]) if move.old else None, lang) for v in move.before
            )
            after = (
                _answer(move.after, new_q.get(move.new or ""), lang)
                if move.new in migrated.answers
                else "—"
            )
            olds = "; ".join(_question(old, o, lang) for o in move.old)
            lines.append(
                f"| {olds} | {before or '—'} | {_question(new, move.new or '', lang)} | {after} "
                f"| {text(f'rescore.how_{move.how}', lang)} |"
            )
        lines.append("")
    lines += [f"### {text('rescore.need', lang)}", ""]
    if need_answer:
        lines += [f"- {_question(new, qid, lang)}" for qid in need_answer]
        lines += ["", text("rescore.provisional", lang, source=source)]
    else:
        lines.append(text("rescore.need_none", lang, new=new_v))
    return "\n".join(lines).rstrip() + "\n"

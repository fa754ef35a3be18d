"""Words the exported forms use around the checklist's own text (XLSForm, workbook, paper)."""

from __future__ import annotations

from commkit.i18n import section
from commkit.model.checklist import Checklist, Question
from commkit.model.common import tr
from commkit.model.condition import Condition

LANG_COLUMNS = {"en": "English (en)", "ru": "Russian (ru)"}
"""Language names as XLSForm columns write them: ``label::English (en)``."""


def export_labels(lang: str) -> dict[str, str]:
    """The words of the exported forms in ``lang`` (section ``forms`` of :mod:`commkit.i18n`)."""
    return section("forms", lang)


def option_labels(q: Question, lang: str) -> list[tuple[str, str]]:
    """``(value, label)`` of every answer a select question offers, in order."""
    t = export_labels(lang)
    if q.type == "yes_no":
        return [("yes", t["yes"]), ("no", t["no"])]
    if q.type == "scale":
        spec = q.scale_spec
        out = []
        for n in range(spec.min, spec.max + 1):
            label = spec.labels.get(n)
            out.append((str(n), f"{n} — {tr(label, lang)}" if label is not None else str(n)))
        return out
    return [(o.id, tr(o.label, lang)) for o in q.options]


def condition_text(checklist: Checklist, cond: Condition, lang: str) -> str:
    """A ``when`` as a reader sees it: "Is there a leader? = Yes"."""
    t = export_labels(lang)
    q = next((x for x in checklist.questions if x.id == cond.question), None)
    if q is None:
        from commkit.core.conditions import describe

        return describe(cond)
    names = dict(option_labels(q, lang)) if q.type != "number" and q.type != "text" else {}
    wanted = [cond.equals] if cond.equals is not None else list(cond.any_of or [])
    if wanted:
        shown = []
        for w in wanted:
            key = (
                ("yes" if w else "no")
                if isinstance(w, bool)
                else str(w).lower()
                if str(w).lower() in ("yes", "no")
                else str(w)
            )
            shown.append(names.get(key, key))
        test = f" {t['or']} ".join(shown)
        return f"{tr(q.text, lang)} — {test}"
    if cond.at_least is not None:
        return f"{tr(q.text, lang)} — {t['at_least'].format(n=f'{cond.at_least:g}')}"
    if cond.below is not None:
        return f"{tr(q.text, lang)} — {t['below'].format(n=f'{cond.below:g}')}"
    return f"{tr(q.text, lang)} — {t['score_below']}"


def question_title(q: Question, lang: str) -> str:
    """The question text, marked "(optional)" unless its own text says so already."""
    text = tr(q.text, lang)
    word = export_labels(lang)["optional"]
    if q.required or word.lower() in text.lower():
        return text
    return f"{text} ({word})"

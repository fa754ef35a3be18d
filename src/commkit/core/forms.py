"""How the checklist maps onto form fields (XLSForm, Kobo/ODK exports, the workbook). Pure.

One question is one field named by its id, inside a group named by its dimension (a Kobo
export header reads ``purpose/purpose.common-goal``). "Don't know" and "not applicable" are
extra choices of select questions; numbers and texts get a companion field
``<id>__status``; every question has an optional ``<id>__note``. Conditions (``when``)
become XPath relevance expressions.
"""

from __future__ import annotations

from commkit.model.checklist import Checklist, Question
from commkit.model.condition import Condition

__all__ = [
    "ABOUT_GROUP",
    "DONT_KNOW",
    "META_FIELDS",
    "NONE_OF_THESE",
    "NOT_APPLICABLE",
    "STATUSES",
    "note_field",
    "relevance",
    "status_field",
]

NONE_OF_THESE = "none_of_these"
"""A several-options question answered with no option ticked (a form cannot send nothing)."""
DONT_KNOW = "dont_know"
NOT_APPLICABLE = "not_applicable"
STATUSES = (DONT_KNOW, NOT_APPLICABLE)
ABOUT_GROUP = "about"
META_FIELDS = ("community", "founded", "rater_name", "rater_role", "date")


def status_field(q: Question) -> str | None:
    """The companion field that holds "don't know" / "not applicable" (numbers and texts)."""
    return f"{q.id}__status" if q.type in ("number", "text") else None


def note_field(q: Question) -> str:
    return f"{q.id}__note"


def _literal(value: object) -> str:
    text = str(value)
    if isinstance(value, bool):
        text = "yes" if value else "no"
    if "'" in text:
        return '"' + text.replace('"', "") + '"'
    return f"'{text}'"


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str) and value.strip().lower() in ("yes", "no"):
        return value.strip().lower()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _values_below(q: Question, limit: float) -> list[str]:
    """Answers of a select question whose normalised score is below ``limit``."""
    if q.type == "yes_no":
        good, bad = ("yes", "no") if q.yes_is_good else ("no", "yes")
        return [v for v, s in ((good, 1.0), (bad, 0.0)) if s < limit]
    if q.type == "scale":
        spec = q.scale_spec
        return [
            str(n)
            for n in range(spec.min, spec.max + 1)
            if (n - spec.min) / (spec.max - spec.min) < limit
        ]
    return [o.id for o in q.options if o.score < limit]


def relevance(checklist: Checklist, cond: Condition) -> str:
    """An XPath relevance expression for a question's ``when`` (question subjects only)."""
    if cond.question is None:
        raise ValueError(f"a form cannot test {cond.subject} in a question's 'when'")
    by_id = {q.id: q for q in checklist.questions}
    q = by_id.get(cond.question)
    if q is None:
        raise ValueError(f"'when' names an unknown question {cond.question!r}")
    ref = "${" + q.id + "}"
    wanted: list[object] | None = None
    if cond.equals is not None:
        wanted = [cond.equals]
    elif cond.any_of is not None:
        wanted = list(cond.any_of)
    if cond.score_below is not None:
        if q.type == "number":
            assert q.number is not None
            limit_bands = [b.min for b in q.number.bands if b.score >= cond.score_below]
            if not limit_bands:
                return f"string-length({ref}) > 0"
            return f"string-length({ref}) > 0 and {ref} < {limit_bands[0]:g}"
        if q.type == "multi":
            total = " + ".join(f"if(selected({ref}, '{o.id}'), {o.score:g}, 0)" for o in q.options)
            answered = (
                f"count-selected({ref}) > 0 and not(selected({ref}, '{DONT_KNOW}')) and "
                f"not(selected({ref}, '{NOT_APPLICABLE}'))"
            )
            return f"{answered} and ({total}) < {cond.score_below:g}"
        wanted = list(_values_below(q, cond.score_below))
        if not wanted:
            return "false()"
    if wanted is not None:
        if q.type == "multi":
            parts = [f"selected({ref}, {_literal(w)})" for w in wanted]
        elif q.type == "number":
            parts = [f"{ref} = {_scalar(w)}" for w in wanted]
        else:
            parts = [f"{ref} = {_literal(_scalar(w))}" for w in wanted]
        return " or ".join(parts) if len(parts) == 1 else "(" + " or ".join(parts) + ")"
    test = f">= {cond.at_least:g}" if cond.at_least is not None else f"< {cond.below:g}"
    if q.type == "scale":
        return f"number({ref}) {test}"
    return f"string-length({ref}) > 0 and {ref} {test}"

"""A checklist's texts in a report's language: scores, bars, answers, stage gates in words.

What the report (:mod:`commkit.render.report`, :mod:`commkit.render.report_direct`), the
summary and ``--explain`` show of a checklist, put in words once per checklist object and
language: a batch writes a report per answers file from the same few hundred texts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

from commkit.core.per_object import PerObject
from commkit.core.scoring import explain_value, value_problem
from commkit.i18n import counted, number, score, section, text
from commkit.i18n.text_pick import tr

if TYPE_CHECKING:
    from commkit.core.plain import PlainCondition
    from commkit.model.answers import Answer, Assessment
    from commkit.model.checklist import Checklist, Question
    from commkit.model.condition import Condition


def labels(lang: str) -> dict[str, str]:
    return section("report", lang)


_labels: dict[str, dict[str, str]] = {}


def shared_labels(lang: str) -> dict[str, str]:
    """:func:`labels`, one dictionary per language for the whole process (not to be
    changed): a report reads a label for each answer."""
    known = _labels.get(lang)
    if known is None:
        known = _labels[lang] = labels(lang)
    return known


_scores: dict[tuple[float, str], str] = {}


def fmt_score(value: float | None, lang: str = "en") -> str:
    """A score as every screen and file shows it: one decimal, in ``lang``'s notation."""
    if value is None or not value:  # zero: ``-0.0`` equals ``0.0`` but is written apart
        return score(value, lang)
    key = (value, lang)
    known = _scores.get(key)
    if known is None:
        known = score(value, lang)
        if len(_scores) < 50_000:
            _scores[key] = known
    return known


def bar(value: float | None, width: int = 10) -> str:
    """A text bar such as ``██████░░░░`` for 0-100 (empty for no score)."""
    if value is None:
        return ""
    full = round(max(0.0, min(100.0, value)) / 100 * width)
    return "█" * full + "░" * (width - full)


def answer_text(q: Question, answer: Answer | RaterAnswer | None, lang: str) -> str:
    """An answer as a reader sees it: option labels, yes/no, "4 of 1-5", "150 members"."""
    if answer is None:
        return shared_labels(lang)["unanswered"]
    if answer.status == "dont_know":
        return shared_labels(lang)["dont_know"].lower()
    if answer.status == "not_applicable":
        return shared_labels(lang)["not_applicable"].lower()
    key = _value_key(answer.value)
    if key is None:
        return value_text(q, answer.value, lang)
    known = _answer_texts.get((id(q), lang, key))
    if known is not None and known[0] is q:
        return known[1]
    shown = value_text(q, answer.value, lang)
    if len(_answer_texts) < 50_000:
        _answer_texts[(id(q), lang, key)] = (q, shown)
    return shown


_answer_texts: dict[tuple[int, str, Any], tuple[Question, str]] = {}
"""Answers already put in words: a batch's reports repeat the same few per question."""


def _value_key(value: Any) -> Any:
    """``value`` as a dictionary key that tells ``1``, ``1.0`` and ``True`` apart, or
    ``None`` for a value not worth remembering (a text in several languages, a long note)."""
    kind = type(value)
    if kind is int or kind is bool or (kind is str and len(value) <= 200):
        return (kind, value)
    if kind is float:  # by its bits: ``-0.0`` equals ``0.0``, and ``nan`` nothing
        return (kind, value.hex())
    if kind is list and all(type(v) is str for v in value):  # ticked options
        return (kind, *value)
    if isinstance(value, list):
        items = tuple((type(v), v) for v in value)
        return items if all(isinstance(v, int | float | str) for v in value) else None
    if isinstance(value, str) and len(value) > 200:
        return None
    if isinstance(value, float):
        return (type(value), value.hex())
    if value is None or isinstance(value, int | str):
        return (type(value), value)
    return None


def value_text(q: Question, value: Any, lang: str, *, scale_words: bool = True) -> str:
    """An answer's value in words: option labels, yes/no, "4 of 1-5", "150 members"
    (``scale_words=False``: a scale point as its number only, for one-line explanations)."""
    t = shared_labels(lang)
    if value_problem(q, value) is not None:
        return explain_value(q, value)
    if q.type == "scale" and not scale_words:
        return explain_value(q, value)
    if q.type == "yes_no":
        return t[explain_value(q, value)]
    if q.type == "scale":
        spec = q.scale_spec
        shown = explain_value(q, value)
        label = spec.labels.get(int(value)) if isinstance(value, int | float) else None
        if label is not None:
            return f"{shown} — {tr(label, lang)} ({spec.min}–{spec.max})"
        return f"{shown} ({spec.min}–{spec.max})"
    if q.type == "number":
        if isinstance(value, int | float) and q.number is not None and q.number.unit:
            return counted(value, q.number.unit, lang)
        return explain_value(q, value)
    if q.type in ("choice", "multi"):
        chosen = value if isinstance(value, list) else [value]
        names = {o.id: tr(o.label, lang) for o in q.options}
        return ", ".join(names.get(str(v), str(v)) for v in chosen) or "—"
    if isinstance(value, dict):
        return tr(value, lang)
    return str(value)


def question_words(question: Question, lang: str) -> str:
    """A question as a line of text names it, ready for ``: answer`` to follow."""
    return tr(question.text, lang).rstrip(" ?:")


def gate_text(checklist: Checklist, cond: Condition | PlainCondition, lang: str) -> str:
    """A stage gate as a reader sees it: the question (or dimension) and the answer it needs,
    in words ("Is a leader named?: yes"), never ids."""
    from commkit.core.conditions import normalise_value

    q = next((x for x in checklist.questions if x.id == cond.question), None)
    d = next((x for x in checklist.dimensions if x.id == cond.dimension), None)
    if cond.stage is not None:
        stages = {s.id: tr(s.title, lang) for s in checklist.stages}
        names = [stages.get(s, s) for s in cond.stage]
        return text("gate.stage", lang, values=text("gate.or", lang).join(names))
    what = question_words(q, lang) if q is not None else tr(d.title, lang) if d is not None else ""
    what = what or str(cond.question or cond.dimension)

    def value_words(value: Any) -> str:
        value = normalise_value(value)
        if q is not None and q.type == "yes_no" and value in ("yes", "no"):
            return shared_labels(lang)[str(value)]
        if q is not None and q.options:
            names = {o.id: tr(o.label, lang) for o in q.options}
            return names.get(str(value), str(value))
        return number(value, lang) if isinstance(value, int | float) else str(value)

    unit = ""
    if q is not None and q.type == "number" and q.number is not None and q.number.unit:
        unit = " " + tr(q.number.unit, lang)
    if cond.equals is not None:
        return text("gate.equals", lang, what=what, value=value_words(cond.equals))
    if cond.any_of is not None:
        values = text("gate.or", lang).join(value_words(v) for v in cond.any_of)
        return text("gate.equals", lang, what=what, value=values)
    if cond.at_least is not None:
        key = "gate.score_at_least" if q is None else "gate.at_least"
        return text(key, lang, what=what, value=number(cond.at_least, lang) + unit)
    if cond.below is not None:
        key = "gate.score_below" if q is None else "gate.below"
        return text(key, lang, what=what, value=number(cond.below, lang) + unit)
    if cond.score_below is not None:
        return text("gate.score_below", lang, what=what, value=number(cond.score_below, lang))
    return what


def held_back_for(checklist: Checklist, assessment: Assessment, lang: str) -> list[str]:
    """The gates of the next stage that do not hold, as reader-friendly lines."""
    from commkit.core.scoring import assessment_breakdown

    steps = assessment_breakdown(checklist, assessment).stage_steps
    blocked = next((s for s in steps if not s.reached), None)
    if blocked is None:
        return []
    return [gate_text(checklist, c, lang) for c in blocked.failed_conditions]


class ChecklistWords:
    """A checklist's texts in one language as a report shows them, put in words once per
    checklist object and language (content models are not changed once loaded; a changed
    copy is another object): a batch writes a report per answers file from the same few
    hundred question texts, titles and answers. Holds no reference to the checklist itself,
    so that the table goes when the checklist does."""

    def __init__(self, checklist: Checklist, lang: str) -> None:
        self.lang = lang
        self.t = shared_labels(lang)
        self.dimension_titles = {d.id: tr(d.title, lang) for d in checklist.dimensions}
        self.stages = {s.id: s for s in checklist.stages}
        self.questions = [(q, tr(q.text, lang)) for q in checklist.questions]
        self.rows = [(q, q.id, q.dimension, said) for q, said in self.questions]
        self.question_texts = {q.id: said for q, said in self.questions}
        self.dimensions = list(checklist.dimensions)
        self._gates: dict[int, tuple[Condition | PlainCondition, str]] = {}
        self._joined: dict[tuple[Any, str, Any], str] = {}
        self._answers: dict[tuple[int, type, Any], str] = {}
        self.report_questions: dict[tuple[Any, ...], tuple[str | None, int | None, str | None]] = {}
        """The report's lines of a question (:mod:`commkit.render.report_direct`): its line
        in the answers table (without a note), which of its dimension's lists its finding
        goes to and the finding's line, by how it counted and the answer."""
        self.report_recommendations: dict[tuple[int, str | None, str], str] = {}
        """The report's numbered recommendation lines by number, text and dimension."""
        self.report_pieces: Any = None
        """The report's remembered runs of lines (:mod:`commkit.render.report_direct`)."""
        self.report_records: Any = None
        """A batch's three texts' remembered pieces (:mod:`commkit.render.report_pass`)."""

    def answer(self, q: Question, answer: Answer) -> str:
        """:func:`answer_text` of an answered question of this checklist: a string, a whole
        number or a yes/no remembered here by its type and value (others as
        :func:`answer_text` remembers them)."""
        value = answer.value
        kind = type(value)
        if kind is not str and kind is not int and kind is not bool:
            return answer_text(q, answer, self.lang)
        key = (id(q), kind, value)
        known = self._answers.get(key)
        if known is None:
            known = value_text(q, value, self.lang)
            if len(self._answers) < 20_000 and not (isinstance(value, str) and len(value) > 200):
                self._answers[key] = known
        return known

    def joined(self, first: Any, sep: str, second: Any) -> str:
        """``f"{first}{sep}{second}"`` (a finding: question — answer; a recommendation with
        its dimension), remembered: the same few hundred come back in every report."""
        key = (first, sep, second)
        known = self._joined.get(key)
        if known is None:
            known = f"{first}{sep}{second}"
            if len(self._joined) < 20_000:
                self._joined[key] = known
        return known

    def dimension_title(self, dim_id: str) -> str:
        return self.dimension_titles.get(dim_id, dim_id)

    def gate(self, checklist: Checklist, cond: Condition | PlainCondition) -> str:
        """:func:`gate_text` of one of this checklist's stage gates, remembered."""
        known = self._gates.get(id(cond))
        if known is not None and known[0] is cond:
            return known[1]
        shown = gate_text(checklist, cond, self.lang)
        if len(self._gates) < 10_000:
            self._gates[id(cond)] = (cond, shown)
        return shown


_WORDS: PerObject[Checklist, dict[str, ChecklistWords]] = PerObject()


def checklist_words(checklist: Checklist, lang: str) -> ChecklistWords:
    """The :class:`ChecklistWords` of ``checklist`` in ``lang`` (made on first use)."""
    by_lang = _WORDS.get(checklist)
    if by_lang is None:
        by_lang = _WORDS.put(checklist, {})
    words = by_lang.get(lang)
    if words is None:
        words = by_lang[lang] = ChecklistWords(checklist, lang)
    return words


class RoadmapLike(Protocol):
    """What a report reads of a roadmap: its actions (``id`` and ``title``)."""

    @property
    def actions(self) -> Sequence[Any]: ...


_ACTION_TITLES: PerObject[Any, dict[str, dict[str, str]]] = PerObject()


def action_titles(roadmap: RoadmapLike, lang: str) -> dict[str, str]:
    """The roadmap's action titles in ``lang`` by id, once per roadmap object."""
    by_lang = _ACTION_TITLES.get(roadmap)
    if by_lang is None:
        by_lang = _ACTION_TITLES.put(roadmap, {})
    titles = by_lang.get(lang)
    if titles is None:
        titles = by_lang[lang] = {a.id: tr(a.title, lang) for a in roadmap.actions}
    return titles


class RaterAnswer:
    """One rater's answer as :func:`answer_text` reads it."""

    __slots__ = ("note", "status", "value")

    def __init__(self, status: str, value: Any) -> None:
        self.status = status
        self.value = value
        self.note = None

"""Turning one collected submission into a checked answers file (pure).

A submission is a set of fields, each with the row and column it came from (see
:mod:`commkit.model.form_readers`). Values may be option ids (Kobo/ODK exports) or the
labels a person picked in the workbook, in either language; "don't know" and "not
applicable" come as extra choices or in the companion ``__status`` field.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Literal, cast

from commkit.core.dates import founded_start
from commkit.core.forms import (
    DONT_KNOW,
    NONE_OF_THESE,
    NOT_APPLICABLE,
    note_field,
    status_field,
)
from commkit.core.per_object import PerObject
from commkit.core.scoring import asked_questions, value_problem
from commkit.model.answers import Answer, Answers, AnswerValue, ChecklistRef, CommunityRef, Rater
from commkit.model.checklist import Checklist, Question
from commkit.model.common import ID_RE, PARTIAL_DATE_RE
from commkit.model.form_readers import Cell, Submission

__all__ = ["Problem", "field_names", "submission_answers"]

SUBMISSION_TIME = ("_submission_time", "SubmissionDate", "submissiondate", "end", "today")
UUID_FIELDS = ("_uuid", "meta/instanceID", "meta-instanceID", "instanceID", "KEY")
_NONE = {
    NONE_OF_THESE,
    "none",
    "none of these",
    "0",
    "-",
    "—",
    "ничего",
    "ничего из перечисленного",
}
_YES = {"yes", "y", "true", "1", "да", "д"}
_NO = {"no", "n", "false", "0", "нет", "н"}
_STATUS_WORDS = {
    DONT_KNOW: {"dont_know", "don't know", "dont know", "не знаю", "dk", "нз"},
    NOT_APPLICABLE: {"not_applicable", "not applicable", "n/a", "na", "неприменимо", "нп"},
}


AnswerStatus = Literal["answered", "dont_know", "not_applicable"]


@dataclass(frozen=True)
class Problem:
    cell: Cell | None
    message: str


def field_names(checklist: Checklist) -> set[str]:
    return _plan(checklist).known


@dataclass(frozen=True)
class _Field:
    """One question as the importer reads it: made once per checklist, not once per row."""

    question: Question
    status_field: str
    note_field: str
    labels: dict[str, str]


@dataclass(frozen=True)
class _Plan:
    known: set[str]
    groups: set[str]
    fields: list[_Field]
    headers: dict[tuple[str, ...], dict[str, int]] = field(default_factory=dict)
    """Header row -> the column of each field, worked out once per header row."""


_PLANS: PerObject[Checklist, _Plan] = PerObject()


def _plan(checklist: Checklist) -> _Plan:
    plan = _PLANS.get(checklist)
    if plan is not None:
        return plan
    names = {"community", "community_slug", "founded", "rater_name", "rater_role", "date"}
    fields = []
    for q in checklist.questions:
        names.add(q.id)
        names.add(note_field(q))
        status = status_field(q)
        if status:
            names.add(status)
        fields.append(_Field(q, f"{q.id}__status", note_field(q), _label_map(q)))
    plan = _Plan(
        known=names,
        groups={d.id for d in checklist.dimensions},
        fields=fields,
    )
    return _PLANS.put(checklist, plan)


def _columns(headers: tuple[str, ...], plan: _Plan) -> dict[str, int]:
    """Field name -> column (from 0) of an export's header row. Headers such as
    ``purpose/purpose.common-goal`` or ``purpose-purpose.common-goal`` (ODK Central) name
    fields; unknown columns (Kobo's own, per-option) are left. Worked out once per header
    row (every row of a file has the same)."""
    columns = plan.headers.get(headers)
    if columns is not None:
        return columns
    known = plan.known
    columns = {}
    for index, header in enumerate(headers):
        if not header:
            continue
        name = header if header in known else header.rsplit("/", 1)[-1]
        if name not in known:
            head, _, rest = header.partition("-")
            name = rest if head in plan.groups and rest in known else ""
        if name and name in known:
            columns[name] = index
        elif header in SUBMISSION_TIME or header in UUID_FIELDS:
            columns[header] = index
    if len(plan.headers) > 64:
        plan.headers.clear()
    plan.headers[headers] = columns
    return columns


class _Fields:
    """A submission's fields by name: the raw value (read for every field, so kept cheap)
    and the :class:`Cell` with its row and column (made only for a problem's place)."""

    __slots__ = ("_columns", "_sub", "_values")

    def __init__(self, sub: Submission, plan: _Plan) -> None:
        self._sub = sub
        self._columns = None if sub.kind == "workbook" else _columns(sub.header, plan)
        self._values = sub.values

    def __contains__(self, name: str) -> bool:
        if self._columns is None:
            return name in self._sub.fields
        index = self._columns.get(name)
        return index is not None and index < len(self._values)

    def value(self, name: str) -> Any:
        """The raw value, or ``None`` when the field is absent."""
        if self._columns is None:
            cell = self._sub.fields.get(name)
            return None if cell is None else cell.value
        index = self._columns.get(name)
        return self._values[index] if index is not None and index < len(self._values) else None

    def cell(self, name: str) -> Cell | None:
        if self._columns is None:
            return self._sub.fields.get(name)
        return self._sub.cell(self._columns[name]) if name in self else None

    def first(self) -> Cell | None:
        """The first cell of the row (where a problem of the whole row is shown)."""
        if self._columns is None:
            return next(iter(self._sub.fields.values()), None)
        return self._sub.cell(0) if self._values else None


def _text(value: Any) -> str | None:
    if type(value) is str:  # nearly every cell: the fast way
        return value.strip() or None
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


_STATUS_OF_WORD = {word: status for status, words in _STATUS_WORDS.items() for word in words}


def _status_of(text: str) -> str | None:
    return _STATUS_OF_WORD.get(text.casefold())


def _label_map(q: Question) -> dict[str, str]:
    """Option id, and its label in every language, -> option id (case-insensitive)."""
    out: dict[str, str] = {}
    for o in q.options:
        out[o.id.casefold()] = o.id
        labels = o.label.values() if isinstance(o.label, dict) else [o.label]
        for label in labels:
            out[label.strip().casefold()] = o.id
    return out


def _number(text: str) -> float | None:
    try:
        return float(text.replace(",", ".").replace("\u00a0", "").replace(" ", ""))
    except ValueError:
        return None


def _parse(f: _Field, raw: Any) -> tuple[str, AnswerValue | None, str | None]:
    """(status, value, problem) for one raw cell."""
    q = f.question
    if isinstance(raw, bool) and q.type == "yes_no":
        return "answered", "yes" if raw else "no", None
    if isinstance(raw, dt.datetime | dt.date) and q.type == "text":
        raw = raw.isoformat()
    text = _text(raw)
    assert text is not None
    status = _status_of(text)
    if status is not None and q.type != "text":
        return status, None, None
    if q.type == "yes_no":
        low = text.casefold()
        if low in _YES:
            return "answered", "yes", None
        if low in _NO:
            return "answered", "no", None
        return "answered", None, f"expected yes or no, got {text!r}"
    if q.type in ("scale", "number"):
        head = re.match(r"^\s*(-?\d+(?:[.,]\d+)?)\s*(—|-|$)", text) if q.type == "scale" else None
        number = _number(head.group(1) if head else text)
        if number is None:
            return "answered", None, f"expected a number, got {text!r}"
        value: AnswerValue = int(number) if number.is_integer() else number
        problem = value_problem(q, value)
        return "answered", value, problem
    if q.type == "choice":
        chosen = f.labels.get(text.casefold())
        if chosen is None:
            options = ", ".join(o.id for o in q.options)
            return "answered", None, f"{text!r} is not an option (options: {options})"
        return "answered", chosen, None
    if q.type == "multi":
        labels = f.labels
        ids = [o.id for o in q.options]
        if text.casefold() in _NONE:  # the checklist's own "none of these", where it has one
            alone = [o.id for o in q.options if o.exclusive]
            return "answered", alone[:1], None
        tokens = text.split()
        if not all(t.casefold() in labels for t in tokens):
            tokens = [t.strip() for t in re.split(r"[,;\n]", text) if t.strip()]
        picked: list[str] = []
        for token in tokens:
            status = _status_of(token)
            if status is not None:
                if len(tokens) > 1:
                    return "answered", None, f"{token!r} cannot be ticked with other options"
                return status, None, None
            if token.isdigit() and 1 <= int(token) <= len(ids):
                chosen_id: str | None = ids[int(token) - 1]
            else:
                chosen_id = labels.get(token.casefold())
            if chosen_id is None:
                return "answered", None, f"{token!r} is not an option (options: {', '.join(ids)})"
            if chosen_id not in picked:
                picked.append(chosen_id)
        return "answered", [i for i in ids if i in picked], None
    return "answered", text, None


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _founded(value: Any, today: dt.date | None) -> tuple[str | None, str | None]:
    """The founding date as answers files keep it (``2020``, ``2020-08`` or ``2020-08-15``)
    and the problem with it, if any. A spreadsheet may hold a year as a number and a day
    as a date; a form's own text is checked as the wizard checks it, and not in the future."""
    if isinstance(value, dt.datetime):
        value = value.date()
    text = value.isoformat() if isinstance(value, dt.date) else _text(value)
    if text is None:
        return None, None
    if not PARTIAL_DATE_RE.match(text):
        return None, f"{text!r} is not a date such as 2020, 2020-08 or 2020-08-15"
    try:
        start = founded_start(text)
    except ValueError:
        return None, f"{text!r} is not a date such as 2020, 2020-08 or 2020-08-15"
    if start > (today or dt.date.today()):
        return None, f"the founding date {text} is in the future"
    return text, None


def submission_answers(
    checklist: Checklist,
    checklist_hash: str,
    sub: Submission,
    *,
    lang: str = "en",
    today: dt.date | None = None,
) -> tuple[Answers | None, list[Problem], str | None]:
    """The answers of one submission, the problems found, and its id (``_uuid``) if any
    (``today``: what a founding date must not be after; the real today when not given)."""
    plan = _plan(checklist)
    fields = _Fields(sub, plan)
    value_of, cell_of = fields.value, fields.cell
    problems: list[Problem] = []
    if sub.kind == "export" and not any(f.question.id in fields for f in plan.fields):
        return (
            None,
            [
                Problem(
                    fields.first(),
                    "no column matches a question of the form (were the "
                    "headers exported as labels? export with XML names)",
                )
            ],
            None,
        )
    answers: dict[str, Answer] = {}
    for f in plan.fields:
        q = f.question
        raw = value_of(q.id)
        status: str = "answered"
        value: AnswerValue | None = None
        if raw is not None and _text(raw) is not None:
            status, value, problem = _parse(f, raw)
            if problem is not None:
                problems.append(Problem(cell_of(q.id), f"question {q.id}: {problem}"))
                continue
        else:
            raw = value_of(f.status_field)
            text = _text(raw) if raw is not None else None
            if text is None:
                continue
            found = _status_of(text)
            if found is None:
                problems.append(
                    Problem(
                        cell_of(f.status_field),
                        f"question {q.id}: expected don't know or not applicable, got {text!r}",
                    )
                )
                continue
            status = found
        raw = value_of(f.note_field)
        note = _text(raw) if raw is not None else None
        if note is not None and len(note) > 2000:
            problems.append(
                Problem(
                    cell_of(f.note_field),
                    f"question {q.id}: the note is longer than 2000 characters",
                )
            )
            note = note[:2000]
        # checked above (value against its question, note length): no second validation
        answers[q.id] = Answer.model_construct(
            status=cast(AnswerStatus, status), value=value, note=note
        )
    for q in asked_questions(checklist, answers):
        if (
            q.required
            and q.id not in answers
            and not any(p.message.startswith(f"question {q.id}:") for p in problems)
        ):
            problems.append(
                Problem(
                    cell_of(q.id),
                    f"question {q.id} is required and has no answer",
                )
            )
    name = _text(value_of("community"))
    slug = _text(value_of("community_slug"))
    slug = slug or (sub.marker.get("slug") or None)
    if slug is not None and not ID_RE.match(slug):
        slug = None
    if name is None:
        problems.append(Problem(cell_of("community"), "the community name is empty"))
    rater = _text(value_of("rater_name"))
    if rater is None:
        problems.append(Problem(cell_of("rater_name"), "the rater's name is empty"))
    role = _text(value_of("rater_role"))
    typed = value_of("date")
    when = _date(typed)
    if when is None and _text(typed) is not None:
        problems.append(
            Problem(cell_of("date"), f"{_text(typed)!r} is not a date such as 2020-10-15")
        )
    if when is None:
        when = next((d for k in SUBMISSION_TIME if (d := _date(value_of(k))) is not None), None)
    founded, problem = _founded(value_of("founded"), today)
    if problem is not None:
        problems.append(Problem(cell_of("founded"), problem))
    uuid = next((t for k in UUID_FIELDS if (t := _text(value_of(k))) is not None), None)
    if problems:
        return None, problems, uuid
    assert name is not None and rater is not None
    result = Answers(
        kind="answers",
        version="1",
        checklist=ChecklistRef(id=checklist.id, version=checklist.version, hash=checklist_hash),
        community=CommunityRef(name=name[:200], slug=slug, founded=founded),
        date=when,
        language=sub.marker.get("language", lang) if sub.kind == "workbook" else lang,
        rater=Rater(name=rater[:200], role=role[:200] if role else None),
        answers=answers,
    )
    return result, [], uuid

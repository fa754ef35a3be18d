"""Turning one collected submission into a checked answers file (pure).

A submission is a set of fields, each with the row and column it came from (see
:mod:`commkit.model.form_readers`). Values may be option ids (Kobo/ODK exports) or the
labels a person picked in the workbook, in either language; "don't know" and "not
applicable" come as extra choices or in the companion ``__status`` field.

A thousand rows are read in a second or two: the columns of every field are worked out once
per header row, a cell's reading is remembered per question (answers repeat: ``4``,
``yes``, an option id), and each submission becomes the answers file's data directly, in
the order :func:`commkit.render.report.to_yaml` writes it, without a model per answer.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

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
from commkit.model.answers import Answer, Answers, AnswerValue
from commkit.model.checklist import Checklist, Question
from commkit.model.common import ID_RE, NOTE_MAX, PARTIAL_DATE_RE
from commkit.model.form_readers import Cell, Submission

__all__ = ["Problem", "field_names", "submission_data"]

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
    readings: dict[str, _Reading] = field(default_factory=dict)
    """A cell's text -> what it reads as for this question (see :func:`_reading`)."""


@dataclass(frozen=True)
class _Layout:
    """Where a header row keeps each field: worked out once per header row.

    A row is read as a list one longer than the header whose last item is ``None``:
    ``absent`` is that item's index, the column of every field the header lacks."""

    absent: int
    columns: dict[str, int]
    questions: list[tuple[_Field, int, int, int]]
    """Per question: its field, and the columns of its value, status and note."""
    first_question: int | None
    """The first column of a question (``None`` when none): a row ending before it has no
    answers at all."""


@dataclass(frozen=True)
class _Plan:
    known: set[str]
    groups: set[str]
    fields: list[_Field]
    required: list[str]
    when_subjects: list[str]
    """The questions a ``when`` looks at: which questions are asked depends on their answers
    alone."""
    layouts: dict[tuple[str, ...], _Layout] = field(default_factory=dict)
    """Header row -> its layout, worked out once per header row."""
    asked: dict[tuple[Any, ...], frozenset[str]] = field(default_factory=dict)
    """The answers to ``when_subjects`` -> the questions then asked."""


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
        required=[q.id for q in checklist.questions if q.required],
        when_subjects=list(
            dict.fromkeys(
                q.when.question for q in checklist.questions if q.when and q.when.question
            )
        ),
    )
    return _PLANS.put(checklist, plan)


def _columns(headers: tuple[str, ...], plan: _Plan) -> dict[str, int]:
    """Field name -> column (from 0) of an export's header row. Headers such as
    ``purpose/purpose.common-goal`` or ``purpose-purpose.common-goal`` (ODK Central) name
    fields; unknown columns (Kobo's own, per-option) are left."""
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
    return columns


def _layout(plan: _Plan, columns: dict[str, int], width: int) -> _Layout:
    def at(name: str) -> int:
        return columns.get(name, width)

    questions = [(f, at(f.question.id), at(f.status_field), at(f.note_field)) for f in plan.fields]
    return _Layout(
        absent=width,
        columns=columns,
        questions=questions,
        first_question=min(
            (columns[f.question.id] for f in plan.fields if f.question.id in columns), default=None
        ),
    )


def _export_layout(header: tuple[str, ...], plan: _Plan) -> _Layout:
    layout = plan.layouts.get(header)
    if layout is None:
        if len(plan.layouts) > 64:
            plan.layouts.clear()
        layout = plan.layouts[header] = _layout(plan, _columns(header, plan), len(header))
    return layout


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


_Reading = tuple[str, AnswerValue | None, str | None]
_BLANK: _Reading = ("", None, None)


def _reading(f: _Field, raw: Any) -> _Reading:
    """(status, value, problem) of a question's cell; ``_BLANK`` when it is empty. The same
    text always reads the same for a question, so a text's reading is kept (a value list is
    shared by the rows that ticked the same options: nothing changes it)."""
    if type(raw) is not str:
        return _BLANK if raw is None or _text(raw) is None else _parse(f, raw)
    known = f.readings.get(raw)
    if known is None:
        known = _BLANK if _text(raw) is None else _parse(f, raw)
        if len(f.readings) >= 512:
            f.readings.clear()
        f.readings[raw] = known
    return known


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
    if not PARTIAL_DATE_RE.fullmatch(text):
        return None, f"{text!r} is not a date such as 2020, 2020-08 or 2020-08-15"
    try:
        start = founded_start(text)
    except ValueError:
        return None, f"{text!r} is not a date such as 2020, 2020-08 or 2020-08-15"
    if start > (today or dt.date.today()):
        return None, f"the founding date {text} is in the future"
    return text, None


def submission_data(
    checklist: Checklist,
    checklist_hash: str,
    sub: Submission,
    *,
    lang: str = "en",
    today: dt.date | None = None,
) -> tuple[dict[str, Any] | None, list[Problem], str | None]:
    """The answers file of one submission as data, the problems found, and its id
    (``_uuid``) if any (``today``: what a founding date must not be after; the real today
    when not given).

    The data is what ``to_yaml`` of the :class:`Answers` would write, key for key and in
    the same order: every value is checked here against its question (and names, notes and
    dates against the model's limits), so no model is built per row."""
    plan = _plan(checklist)
    if sub.kind == "workbook":
        names = list(sub.fields)
        layout = _layout(plan, {name: i for i, name in enumerate(names)}, len(names))
        row: list[Any] = [cell.value for cell in sub.fields.values()]
        row.append(None)

        def cell_of(name: str) -> Cell | None:
            return sub.fields.get(name)

    else:
        layout = _export_layout(sub.header, plan)
        width = layout.absent
        given = len(sub.values)
        row = list(sub.values[:width]) if given > width else list(sub.values)
        row.extend([None] * (width + 1 - len(row)))

        def cell_of(name: str) -> Cell | None:
            index = layout.columns.get(name)
            return sub.cell(index) if index is not None and index < given else None

        if layout.first_question is None or layout.first_question >= given:
            first = sub.cell(0) if given else None
            message = (
                "no column matches a question of the form (were the "
                "headers exported as labels? export with XML names)"
            )
            return None, [Problem(first, message)], None
    columns = layout.columns
    absent = layout.absent

    def value_of(name: str) -> Any:
        return row[columns.get(name, absent)]

    problems: list[Problem] = []
    answers: dict[str, Any] = {}
    for f, at_value, at_status, at_note in layout.questions:
        raw = row[at_value]
        known = f.readings.get(raw) if type(raw) is str else None
        status, value, problem = known if known is not None else _reading(f, raw)
        if problem is not None:
            qid = f.question.id
            problems.append(Problem(cell_of(qid), f"question {qid}: {problem}"))
            continue
        if not status:
            raw = row[at_status]
            text = _text(raw) if raw is not None and raw != "" else None
            if text is None:
                continue
            found = _status_of(text)
            if found is None:
                qid = f.question.id
                problems.append(
                    Problem(
                        cell_of(f.status_field),
                        f"question {qid}: expected don't know or not applicable, got {text!r}",
                    )
                )
                continue
            status = found
        raw = row[at_note]
        note = _text(raw) if raw is not None and raw != "" else None
        if note is None and status == "answered":
            answers[f.question.id] = value  # ``q: 4``, as to_yaml writes an answer alone
            continue
        if note is not None and len(note) > NOTE_MAX:
            problems.append(
                Problem(
                    cell_of(f.note_field),
                    f"question {f.question.id}: the note is longer than {NOTE_MAX} characters",
                )
            )
            note = note[:NOTE_MAX]
        entry: dict[str, Any] = {}
        if status != "answered":
            entry["status"] = status
        if value is not None:
            entry["value"] = value
        if note is not None:
            entry["note"] = note
        answers[f.question.id] = entry
    missing = [qid for qid in plan.required if qid not in answers]
    if missing:
        _required_problems(checklist, answers, missing, problems, cell_of)
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
    community: dict[str, Any] = {"name": name[:200]}
    if slug is not None:
        community["slug"] = slug
    if founded is not None:
        community["founded"] = founded
    data: dict[str, Any] = {
        "kind": "answers",
        "version": "1",
        "checklist": {"id": checklist.id, "version": checklist.version, "hash": checklist_hash},
        "community": community,
    }
    if when is not None:
        data["date"] = when.isoformat()
    data["language"] = sub.marker.get("language", lang) if sub.kind == "workbook" else lang
    data["rater"] = {"name": rater[:200], "role": role[:200]} if role else {"name": rater[:200]}
    data["complete"] = True
    data["answers"] = answers
    if sub.kind == "workbook":  # its marker sheet is the user's to edit: check as a whole
        Answers.model_validate(data)
    return data, [], uuid


def _required_problems(
    checklist: Checklist,
    answers: dict[str, Any],
    missing: list[str],
    problems: list[Problem],
    cell_of: Callable[[str], Cell | None],
) -> None:
    """A problem for each required question left without an answer that is asked (its
    ``when`` holds for the answers given) and has no problem of its own already."""
    had_problem = {p.message.split(":", 1)[0] for p in problems}
    missing = [qid for qid in missing if f"question {qid}" not in had_problem]
    if not missing:
        return
    plan = _plan(checklist)
    key = tuple(_hashable(answers.get(qid)) for qid in plan.when_subjects)
    asked = plan.asked.get(key)
    if asked is None:
        given = {qid: _answer(answers[qid]) for qid in plan.when_subjects if qid in answers}
        asked = frozenset(q.id for q in asked_questions(checklist, given))
        if len(plan.asked) >= 1024:
            plan.asked.clear()
        plan.asked[key] = asked
    for qid in missing:
        if qid in asked:
            problems.append(Problem(cell_of(qid), f"question {qid} is required and has no answer"))


def _hashable(entry: Any) -> Any:
    """An answer's status and value (what a ``when`` can look at) as a dictionary key."""
    if isinstance(entry, dict):
        value = entry.get("value")
        return (entry.get("status", "answered"), tuple(value) if isinstance(value, list) else value)
    return ("answered", tuple(entry) if isinstance(entry, list) else entry)


def _answer(entry: Any) -> Answer:
    if isinstance(entry, dict):
        return Answer.model_construct(
            status=entry.get("status", "answered"), value=entry.get("value"), note=entry.get("note")
        )
    return Answer.model_construct(status="answered", value=entry, note=None)

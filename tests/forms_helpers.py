"""Helpers for the form tests: the example answers, and a synthetic Kobo export of the XLSForm."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook

from commkit import api
from commkit.model.answers import Answers
from commkit.model.common import tr

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples" / "perm-krai" / "answers").glob("*.yaml"))
PACK = api.load_content()
CHECKLIST = PACK.checklist


def xlsform_columns(xlsform: Path) -> tuple[list[str], dict[str, str]]:
    """The export headers (``group/name``) of every field of the form, and name -> header."""
    book = load_workbook(xlsform, read_only=True)
    rows = list(book["survey"].iter_rows(values_only=True))
    head = list(rows[0])
    t, n = head.index("type"), head.index("name")
    groups: list[str] = []
    headers: list[str] = []
    by_name: dict[str, str] = {}
    for row in rows[1:]:
        kind, name = str(row[t] or ""), str(row[n] or "")
        if kind == "begin_group":
            groups.append(name)
        elif kind == "end_group":
            groups.pop()
        elif kind != "note":
            header = "/".join([*groups, name])
            headers.append(header)
            by_name[name] = header
    return headers, by_name


def kobo_row(answers: Answers, by_name: dict[str, str], n: int) -> dict[str, Any]:
    """One submission as KoboToolbox exports it (option ids, space-separated multi)."""
    row: dict[str, Any] = {
        by_name["community"]: tr(answers.community.name, "en"),  # typed in one language
        by_name["rater_name"]: f"Rater {n}",
        by_name["rater_role"]: "core team",
        by_name["date"]: answers.date.isoformat() if answers.date else "",
        "_uuid": f"5a1d7c3e-0000-4000-8000-{n:012d}",
        "_submission_time": "2020-10-16T09:00:00",
        "_id": str(1000 + n),
        "__version__": "vAbC",
    }
    if answers.community.founded:
        row[by_name["founded"]] = answers.community.founded
    if "community_slug" in by_name and answers.community.slug:
        row[by_name["community_slug"]] = answers.community.slug
    questions = {q.id: q for q in CHECKLIST.questions}
    for qid, a in answers.answers.items():
        q = questions[qid]
        if a.note:
            row[by_name[f"{qid}__note"]] = a.note
        if a.status != "answered":
            target = f"{qid}__status" if q.type in ("number", "text") else qid
            row[by_name[target]] = a.status
            continue
        value = a.value
        if isinstance(value, list):
            row[by_name[qid]] = " ".join(value) or "none_of_these"
            for o in q.options:  # Kobo adds one 0/1 column per option
                row[f"{by_name[qid]}/{o.id}"] = "1" if o.id in value else "0"
        elif isinstance(value, bool):
            row[by_name[qid]] = "yes" if value else "no"
        else:
            row[by_name[qid]] = str(value)
    return row


def fill_workbook(blank: Path, path: Path, answers: Answers, rater: str) -> None:
    """``blank`` (an exported checklist workbook) filled in as a leader would, with option
    ids (which the importer reads as it reads the labels) and saved as ``path``."""
    book = load_workbook(blank)
    sheet = book[book["commkit"]["B6"].value]
    rows = {str(r[0].value): r for r in sheet.iter_rows() if r[0].value}
    rows["community"][4].value = tr(answers.community.name, "en")
    rows["rater_name"][4].value = rater
    rows["rater_role"][4].value = "core team"
    rows["date"][4].value = answers.date
    for qid, a in answers.answers.items():
        row = rows[f"q:{qid}"]
        if a.note:
            row[6].value = a.note
        if a.status != "answered":
            row[5].value = a.status
        elif isinstance(a.value, list):
            row[4].value = " ".join(a.value) or "none_of_these"
        elif isinstance(a.value, bool):
            row[4].value = "yes" if a.value else "no"
        else:
            row[4].value = a.value
    book.save(path)


def write_kobo(path: Path, headers: list[str], rows: list[dict[str, Any]]) -> None:
    extra = sorted({k for r in rows for k in r} - set(headers))
    columns = ["start", "end", *headers, *extra]
    if path.suffix == ".csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";")  # Kobo's default separator
        writer.writerow(columns)
        for r in rows:
            writer.writerow([r.get(c, "") for c in columns])
        path.write_text(buffer.getvalue(), encoding="utf-8")
        return
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(columns)
    for r in rows:
        sheet.append([_typed(r.get(c)) for c in columns])
    book.save(path)


def _typed(value: Any) -> Any:
    """Kobo's XLSX export writes numbers as numbers."""
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return value if value != "" else None


def same_answers(a: Answers, b: Answers) -> bool:
    def norm(x: Answers) -> dict[str, Any]:
        out = {}
        for qid, ans in x.answers.items():
            value = ans.value
            if isinstance(value, list):
                value = sorted(value)
            if isinstance(value, bool):
                value = "yes" if value else "no"
            out[qid] = (ans.status, value, ans.note)
        return out

    return norm(a) == norm(b)


def current_answers(path: Path | str) -> Answers:
    """An example answers file carried to the current checklist version when it is older, the
    questions it does not answer yet answered "don't know" (as a rater would who was not sure),
    and its notes and texts in English only, as a rater types them into a form."""
    from commkit.core.scoring import asked_questions
    from commkit.model.answers import Answer
    from commkit.model.pack import load_pack

    carried = api.migrate_answers(api.load_answers(path))
    answers = {
        qid: a.model_copy(
            update={
                "note": tr(a.note, "en") if isinstance(a.note, dict) else a.note,
                "value": tr(a.value, "en") if isinstance(a.value, dict) else a.value,
            }
        )
        for qid, a in carried.answers.items()
    }
    for q in asked_questions(load_pack(None).checklist, answers):
        if q.required and q.id not in answers:
            answers[q.id] = Answer(status="dont_know")
    return carried.model_copy(update={"answers": answers})

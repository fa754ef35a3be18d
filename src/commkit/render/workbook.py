"""The checklist as an Excel/LibreOffice workbook a leader fills in: one row per question.

Drop-down lists for choices, scales and yes/no, number limits as data validation, an
instructions sheet, the questions in both languages. Hidden column A holds each row's key
and a hidden ``commkit`` sheet names the checklist, so ``commkit answers import`` can read
the filled workbook back whatever language it was made in.
"""

from __future__ import annotations

import io

from commkit.model.checklist import Question
from commkit.model.common import tr
from commkit.model.form_readers import (
    ANSWER_COL,
    KEY_COL,
    MARKER_SHEET,
    NOTE_COL,
    STATUS_COL,
    WORKBOOK_KIND,
)
from commkit.render.blank_form import BlankForm
from commkit.render.form_labels import (
    condition_text,
    export_labels,
    option_labels,
    question_title,
)

__all__ = [
    "COL_ANSWER",
    "COL_KEY",
    "COL_NOTE",
    "COL_STATUS",
    "MARKER_SHEET",
    "WORKBOOK_KIND",
    "workbook_bytes",
]

LISTS_SHEET = "lists"
COL_KEY, COL_ANSWER, COL_STATUS, COL_NOTE = KEY_COL, ANSWER_COL, STATUS_COL, NOTE_COL
COL_ALLOWED = 8
META_KEYS = ("community", "founded", "rater_name", "rater_role", "date")


def _allowed(q: Question, lang: str) -> str:
    t = export_labels(lang)
    if q.type == "number":
        assert q.number is not None
        spec = q.number
        unit = f" ({tr(spec.unit, lang)})" if spec.unit else ""
        if spec.max is None:
            return t["wb_number"].format(min=f"{spec.min:g}") + unit
        return t["wb_number_range"].format(min=f"{spec.min:g}", max=f"{spec.max:g}") + unit
    if q.type == "text":
        return t["wb_text"]
    labels = option_labels(q, lang)
    if q.type == "multi":
        numbered = "\n".join(f"{i}. {label}" for i, (_, label) in enumerate(labels, 1))
        return f"{t['wb_multi']}\n{numbered}"
    return "\n".join(label for _, label in labels)


def workbook_bytes(form: BlankForm) -> bytes:
    """The fill-in workbook as .xlsx bytes."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    checklist, lang = form.checklist, form.lang
    t = export_labels(lang)
    other = "ru" if lang == "en" else "en"
    book = Workbook()
    intro = book.active
    assert intro is not None
    intro.title = t["wb_instructions"]
    sheet = book.create_sheet(t["wb_sheet"])
    lists = book.create_sheet(LISTS_SHEET)
    marker = book.create_sheet(MARKER_SHEET)
    lists.sheet_state = "hidden"
    marker.sheet_state = "hidden"
    for row in (
        ("kind", WORKBOOK_KIND),
        ("checklist", checklist.id),
        ("version", checklist.version),
        ("hash", form.checklist_hash),
        ("language", lang),
        ("sheet", sheet.title),
        ("slug", form.slug),
    ):
        marker.append(row)

    intro["A1"] = tr(checklist.title, lang)
    intro["A1"].font = Font(bold=True, size=14)
    intro["A3"] = t["wb_intro"]
    intro["A3"].font = Font(bold=True)
    steps = t["wb_steps"].format(
        sheet=sheet.title, answer=t["wb_answer"], allowed=t["wb_allowed"], status=t["wb_status"]
    )
    for i, line in enumerate(steps.splitlines(), start=4):
        intro.cell(row=i, column=1, value=line).alignment = Alignment(wrap_text=True)
    if checklist.description:
        cell = intro.cell(row=12, column=1, value=tr(checklist.description, lang))
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        intro.row_dimensions[12].height = 120
    intro.column_dimensions["A"].width = 110

    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="FFF4CC")
    meta_values = {"community": form.community_name, "founded": form.founded}
    for r, key in enumerate(META_KEYS, start=1):
        sheet.cell(row=r, column=COL_KEY, value=key)
        sheet.cell(row=r, column=3, value=t[key]).font = bold
        cell = sheet.cell(row=r, column=COL_ANSWER, value=meta_values.get(key) or None)
        cell.fill = fill
        if key == "date":
            cell.number_format = "yyyy-mm-dd"
        if key == "founded":
            # text: "2020-08" typed into a general cell would become a full date
            cell.number_format = "@"
            hint = sheet.cell(row=r, column=COL_ALLOWED, value=t["founded_hint"])
            hint.alignment = Alignment(wrap_text=True, vertical="top")
    header_row = len(META_KEYS) + 2
    headers = [
        "key", t["wb_dimension"], t["wb_question"], t["wb_question_other"], t["wb_answer"],
        t["wb_status"], t["wb_note"], t["wb_allowed"], t["wb_when"], t["wb_help"],
    ]  # fmt: skip
    for c, text in enumerate(headers, start=1):
        sheet.cell(row=header_row, column=c, value=text).font = bold
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=3)

    status_values = [t["dont_know"], t["not_applicable"]]
    for r, value in enumerate(status_values, start=1):
        lists.cell(row=r, column=1, value=value)
    status_dv = DataValidation(
        type="list", formula1=f"={LISTS_SHEET}!$A$1:$A${len(status_values)}", allow_blank=True
    )
    sheet.add_data_validation(status_dv)
    dims = {d.id: tr(d.title, lang) for d in checklist.dimensions}
    wrap = Alignment(wrap_text=True, vertical="top")
    for offset, q in enumerate(checklist.questions):
        r = header_row + 1 + offset
        values: list[str | None] = [
            f"q:{q.id}",
            dims.get(q.dimension, q.dimension),
            question_title(q, lang),
            tr(q.text, other),
            None,
            None,
            None,
            _allowed(q, lang),
            condition_text(checklist, q.when, lang) if q.when is not None else "",
            tr(q.help, lang),
        ]
        for c, item in enumerate(values, start=1):
            cell = sheet.cell(row=r, column=c, value=item)
            cell.alignment = wrap
        sheet.cell(row=r, column=COL_ANSWER).fill = fill
        status_dv.add(sheet.cell(row=r, column=COL_STATUS))
        if q.type in ("scale", "yes_no", "choice"):
            col = offset + 2
            labels = [
                label if q.type != "scale" else value for value, label in option_labels(q, lang)
            ]
            for i, label in enumerate(labels, start=1):
                lists.cell(row=i, column=col, value=int(label) if q.type == "scale" else label)
            letter = get_column_letter(col)
            dv = DataValidation(
                type="list",
                formula1=f"={LISTS_SHEET}!${letter}$1:${letter}${len(labels)}",
                allow_blank=True,
                showErrorMessage=True,
            )
            sheet.add_data_validation(dv)
            dv.add(sheet.cell(row=r, column=COL_ANSWER))
        elif q.type == "number":
            assert q.number is not None
            spec = q.number
            kind = "whole" if spec.integer else "decimal"
            if spec.max is None:
                dv = DataValidation(
                    type=kind, operator="greaterThanOrEqual", formula1=f"{spec.min:g}",
                    allow_blank=True, showErrorMessage=True,
                )  # fmt: skip
            else:
                dv = DataValidation(
                    type=kind, operator="between", formula1=f"{spec.min:g}",
                    formula2=f"{spec.max:g}", allow_blank=True, showErrorMessage=True,
                )  # fmt: skip
            dv.error = _allowed(q, lang)
            sheet.add_data_validation(dv)
            dv.add(sheet.cell(row=r, column=COL_ANSWER))
    widths = {
        "A": 4,
        "B": 18,
        "C": 50,
        "D": 40,
        "E": 22,
        "F": 18,
        "G": 30,
        "H": 36,
        "I": 30,
        "J": 50,
    }
    for letter, width in widths.items():
        sheet.column_dimensions[letter].width = width
    sheet.column_dimensions["A"].hidden = True
    # the question in the other language stays in the file for bilingual teams, hidden: the
    # sheet a reader sees is in one language
    sheet.column_dimensions["D"].hidden = True
    book.active = 1
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()

"""The checklist as an XLSForm (survey, choices, settings) for KoboToolbox and ODK Central.

Field names and relevance come from :mod:`commkit.core.forms`, so that
``commkit answers import`` reads the exports of exactly this form.
"""

from __future__ import annotations

import io
from typing import Any

from commkit.core.forms import (
    ABOUT_GROUP,
    DONT_KNOW,
    NONE_OF_THESE,
    NOT_APPLICABLE,
    note_field,
    relevance,
    status_field,
)
from commkit.model.checklist import Question
from commkit.model.common import tr
from commkit.render.blank_form import BlankForm
from commkit.render.form_labels import LANG_COLUMNS, export_labels, option_labels

__all__ = ["xlsform_bytes", "xlsform_sheets"]

LANGS = ("en", "ru")
FOUNDED_CONSTRAINT = (
    "regex(., '^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$') "
    "and number(substring(., 1, 4)) <= number(format-date(today(), '%Y'))"
)
"""2020, 2020-08 or 2020-08-15, not in a later year (``commkit answers import`` checks the
month and the day against today too)."""


def _texts(key: str) -> dict[str, str]:
    return {lang: export_labels(lang)[key] for lang in LANGS}


def _own(text: Any) -> dict[str, str]:
    return {lang: tr(text, lang) for lang in LANGS}


def _number_message(q: Question) -> dict[str, str]:
    assert q.number is not None
    spec = q.number
    out = {}
    for lang in LANGS:
        t = export_labels(lang)
        if spec.max is None:
            out[lang] = t["number_constraint_open"].format(min=f"{spec.min:g}")
        else:
            out[lang] = t["number_constraint"].format(min=f"{spec.min:g}", max=f"{spec.max:g}")
    return out


def xlsform_sheets(form: BlankForm) -> dict[str, list[dict[str, Any]]]:
    """The three sheets as rows of column -> value (``label`` etc. as {lang: text})."""
    checklist = form.checklist
    survey: list[dict[str, Any]] = []
    choices: list[dict[str, Any]] = []
    status_list = "status"
    for value in (DONT_KNOW, NOT_APPLICABLE):
        choices.append({"list_name": status_list, "name": value, "label": _texts(value)})

    survey.append({"type": "begin_group", "name": ABOUT_GROUP, "label": _texts("about")})
    survey.append(
        {
            "type": "text",
            "name": "community",
            "label": _texts("community"),
            "required": "yes",
            "default": form.community_name,
        }
    )
    survey.append(
        {
            # text, not date: a founding date is often known only to the year or the month
            "type": "text",
            "name": "founded",
            "label": _texts("founded"),
            "hint": _texts("founded_hint"),
            "constraint": FOUNDED_CONSTRAINT,
            "constraint_message": _texts("founded_constraint"),
            "default": form.founded,
        }
    )
    survey.append(
        {"type": "text", "name": "rater_name", "label": _texts("rater_name"), "required": "yes"}
    )
    survey.append({"type": "text", "name": "rater_role", "label": _texts("rater_role")})
    survey.append({"type": "date", "name": "date", "label": _texts("date"), "default": "today()"})
    if form.slug:
        slug = form.slug
        survey.append({"type": "calculate", "name": "community_slug", "calculation": f"'{slug}'"})
    survey.append({"type": "end_group"})

    for dim in checklist.dimensions:
        survey.append({"type": "begin_group", "name": dim.id, "label": _own(dim.title)})
        for q in checklist.questions:
            if q.dimension != dim.id:
                continue
            relevant = relevance(checklist, q.when) if q.when is not None else ""
            row: dict[str, Any] = {
                "name": q.id,
                "label": _own(q.text),
                "hint": _own(q.help),
                "relevant": relevant,
            }
            list_name = f"q{checklist.questions.index(q) + 1}"
            if q.type in ("scale", "yes_no", "choice", "multi"):
                for lg_value, _ in option_labels(q, "en"):
                    labels = {lg: dict(option_labels(q, lg))[lg_value] for lg in LANGS}
                    choices.append({"list_name": list_name, "name": lg_value, "label": labels})
                # the checklist's own "none of these" where it has one, else the form's
                own = [o.id for o in q.options if o.exclusive]
                extra = (NONE_OF_THESE,) if q.type == "multi" and not own else ()
                for value in (*extra, DONT_KNOW, NOT_APPLICABLE):
                    choices.append({"list_name": list_name, "name": value, "label": _texts(value)})
                if q.type == "multi":
                    row["type"] = f"select_multiple {list_name}"
                    alone = " or ".join(
                        f"selected(., '{v}')"
                        for v in (*(own or [NONE_OF_THESE]), DONT_KNOW, NOT_APPLICABLE)
                    )
                    row["constraint"] = f"not(({alone}) and count-selected(.) > 1)"
                    row["constraint_message"] = _texts("multi_constraint")
                else:
                    row["type"] = f"select_one {list_name}"
                row["required"] = "yes" if q.required else ""
                survey.append(row)
            else:
                if q.type == "number":
                    assert q.number is not None
                    spec = q.number
                    row["type"] = "integer" if spec.integer else "decimal"
                    bounds = [f". >= {spec.min:g}"]
                    if spec.max is not None:
                        bounds.append(f". <= {spec.max:g}")
                    row["constraint"] = " and ".join(bounds)
                    row["constraint_message"] = _number_message(q)
                else:
                    row["type"] = "text"
                survey.append(row)
                status = status_field(q)
                empty = "string-length(${" + q.id + "}) = 0"
                survey.append(
                    {
                        "type": f"select_one {status_list}",
                        "name": status,
                        "label": _texts("status_label"),
                        "relevant": f"({relevant}) and {empty}" if relevant else empty,
                        "required": "yes" if q.required else "",
                    }
                )
            survey.append(
                {
                    "type": "text",
                    "name": note_field(q),
                    "label": _texts("note"),
                    "relevant": relevant,
                }
            )
        survey.append({"type": "end_group"})
    settings = [
        {
            "form_title": tr(checklist.title, form.lang),
            "form_id": checklist.id,
            "version": f"{checklist.version}-{form.checklist_hash.split(':')[-1][:8]}",
            "default_language": LANG_COLUMNS.get(form.lang, LANG_COLUMNS["en"]),
        }
    ]
    return {"survey": survey, "choices": choices, "settings": settings}


_LOCALISED = ("label", "hint", "constraint_message")


def _columns(rows: list[dict[str, Any]], order: list[str]) -> list[str]:
    present = {k for row in rows for k, v in row.items() if v not in ("", None)}
    cols: list[str] = []
    for key in order:
        if key not in present:
            continue
        if key in _LOCALISED:
            cols.extend(f"{key}::{LANG_COLUMNS[lg]}" for lg in LANGS)
        else:
            cols.append(key)
    return cols


def _cell(row: dict[str, Any], column: str) -> Any:
    if "::" in column:
        key, name = column.split("::", 1)
        lang = next(lg for lg, full in LANG_COLUMNS.items() if full == name)
        value = row.get(key)
        return value.get(lang, "") if isinstance(value, dict) else ""
    value = row.get(column, "")
    return "" if value is None else value


def xlsform_bytes(form: BlankForm) -> bytes:
    """The XLSForm as an .xlsx file."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    sheets = xlsform_sheets(form)
    orders = {
        "survey": [
            "type", "name", "label", "hint", "required", "relevant", "constraint",
            "constraint_message", "calculation", "default", "appearance",
        ],
        "choices": ["list_name", "name", "label"],
        "settings": ["form_title", "form_id", "version", "default_language"],
    }  # fmt: skip
    book = Workbook()
    first = True
    for name, rows in sheets.items():
        sheet = book.active if first else book.create_sheet()
        assert sheet is not None
        first = False
        sheet.title = name
        cols = _columns(rows, orders[name])
        sheet.append(cols)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([_cell(row, c) for c in cols])
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()

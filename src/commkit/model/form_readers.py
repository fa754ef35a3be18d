"""Reading collected answers: Kobo/ODK exports (CSV, XLSX) and the filled commkit workbook.

Readers stream: one submission at a time, each field with the row and column it came from,
so every problem can be reported where the user can find it. Interpreting the fields is
:mod:`commkit.core.answers_import`'s job.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from commkit.errors import ContentError, Diagnostic, UserError

__all__ = ["Cell", "Submission", "column_name", "read_submissions"]

MARKER_SHEET = "commkit"
WORKBOOK_KIND = "commkit-checklist-workbook"
_NOT_XLSX = "not a readable .xlsx workbook (it is damaged, or not an Excel file)"
_FORMULA_ERROR = (
    "cell {cell} holds a formula's error ({error}), not a value: type the value in, "
    "or leave the cell empty"
)
_ERROR_MARK = b't="e"'
_CELL_TAG = re.compile(rb"<c\b[^>]*>(?:<f\b[^>]*/>|<f\b[^>]*>[^<]*</f>)?(?:<v>([^<]*)</v>)?")
_CELL_REF = re.compile(rb'\br="([A-Z]+)([0-9]+)"')
KEY_COL, ANSWER_COL, STATUS_COL, NOTE_COL = 1, 5, 6, 7


class Cell(NamedTuple):
    """One value and where it was read (a tuple: an export of a thousand rows has 150,000)."""

    value: Any
    row: int
    column: int
    header: str


@dataclass
class Submission:
    """One person's answers as read: a row's values under the file's header (exports), or
    fields by key (workbook). Export rows keep the plain values: a file of a thousand rows of
    150 columns is read without making a :class:`Cell` per value; :meth:`cell` makes the one
    a problem needs."""

    source: Path
    row: int
    fields: dict[str, Cell] = field(default_factory=dict)
    kind: str = "export"  # or "workbook"
    marker: dict[str, str] = field(default_factory=dict)
    header: tuple[str, ...] = ()
    """Export rows: the column names (one tuple shared by every row of a file)."""
    values: Sequence[Any] = ()
    """Export rows: the values, column by column (a short row just ends early)."""

    def cell(self, index: int) -> Cell:
        """The value in column ``index`` (from 0) of an export row, with its place."""
        value = self.values[index] if index < len(self.values) else None
        return Cell(value, self.row, index + 1, self.header[index])


def column_name(n: int) -> str:
    """1 -> A, 27 -> AA (spreadsheet columns, also shown for CSV files)."""
    name = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        name = chr(65 + rest) + name
    return name


def _csv_rows(path: Path) -> Iterator[list[str]]:
    with path.open("rb") as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
        first = text.readline()
        delimiter = ";" if first.count(";") > first.count(",") else ","
        yield from csv.reader([first], delimiter=delimiter)
        yield from csv.reader(text, delimiter=delimiter)


def _table(
    rows: Iterator[list[Any]] | Iterator[tuple[Any, ...]], path: Path
) -> Iterator[Submission]:
    header: tuple[str, ...] | None = None
    for number, row in enumerate(rows, start=1):
        if header is None:
            header = tuple(str(h).strip() if h is not None else "" for h in row)
            if not any(header):
                raise UserError(f"{path}: the first row holds no column names")
            continue
        if not any(v not in (None, "") for v in row):
            continue
        yield Submission(source=path, row=number, header=header, values=row)


def _not_xlsx(path: Path) -> ContentError:
    return ContentError("", [Diagnostic(_NOT_XLSX, file=path)])


def _check_archive(path: Path) -> None:
    """Refuse what is not an Excel workbook (saying what it seems to be), an archive whose
    parts would unpack to more than a real export does (:mod:`commkit.model.xlsx_archive`:
    before anything is unpacked), and a workbook with a formula's error in a cell
    (``#N/A``, ``#DIV/0!``).

    python-calamine reads such a cell as empty, so an answer the user meant would be left
    out without a word; openpyxl gave the error's text. The sheets are searched as
    compressed streams, so a large export costs one pass and no more memory."""
    from commkit.model.xlsx_archive import refuse_unsafe, what_it_is

    try:
        with zipfile.ZipFile(path) as archive:
            refuse_unsafe(archive, path)
            for name in archive.namelist():
                if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
                    continue
                with archive.open(name) as member:
                    found = _first_error_cell(member, path)
                if found is not None:
                    raise ContentError("", [found])
    except zipfile.BadZipFile:
        seems = what_it_is(path)
        raise (
            ContentError("", [Diagnostic(seems, file=path)]) if seems else _not_xlsx(path)
        ) from None
    except (OSError, KeyError, EOFError):
        raise _not_xlsx(path) from None


def _first_error_cell(member: Any, path: Path) -> Diagnostic | None:
    """The first cell of a sheet's XML stream whose value is an error, located."""
    tail = b""
    while chunk := member.read(1 << 20):
        data = tail + chunk
        at = data.find(_ERROR_MARK)
        if at < 0:
            tail = data[-4096:]
            continue
        rest = data[max(data.rfind(b"<c", 0, at), 0) :] + member.read(4096)
        match = _CELL_TAG.match(rest)
        error = match.group(1).decode("utf-8", "replace") if match and match.group(1) else ""
        ref = _CELL_REF.search(rest, 0, rest.find(b">"))
        if ref is None:
            return Diagnostic(_FORMULA_ERROR.format(cell="?", error=error), file=path)
        letters, row = ref.group(1).decode(), int(ref.group(2))
        column = 0
        for letter in letters:
            column = column * 26 + ord(letter) - 64
        message = _FORMULA_ERROR.format(cell=f"{letters}{row}", error=error)
        return Diagnostic(message, file=path, line=row, column=column)
    return None


def _value(value: Any) -> Any:
    """A cell as openpyxl's reader gives it: no value is ``None``, a whole number an ``int``
    (an .xlsx file keeps every number as a float; a huge one is written with an exponent,
    which openpyxl reads as a float), a date a ``datetime``."""
    kind = type(value)
    if kind is str:
        return value or None
    if kind is float:
        return int(value) if value.is_integer() and -1e16 < value < 1e16 else value
    if kind is dt.date:
        return dt.datetime(value.year, value.month, value.day)
    return value


def _sheet_rows(book: Any, name: str | int, path: Path) -> Iterator[tuple[Any, ...]]:
    """The rows of one sheet from A1, numbered as the spreadsheet numbers them: calamine
    yields rows from the first but columns only from the first that holds something."""
    try:
        sheet = (
            book.get_sheet_by_index(name) if isinstance(name, int) else book.get_sheet_by_name(name)
        )
    except Exception:  # calamine raises several kinds for a damaged sheet
        raise _not_xlsx(path) from None
    pad = (None,) * sheet.start[1] if sheet.start else ()
    for row in sheet.iter_rows():
        yield pad + tuple(v if type(v) is str and v else _value(v) for v in row)


def _workbook(book: Any, path: Path) -> Iterator[Submission]:
    marker = {
        str(k): str(v) if v is not None else ""
        for k, v, *_ in _sheet_rows(book, MARKER_SHEET, path)
        if k is not None
    }
    if marker.get("kind") != WORKBOOK_KIND or marker.get("sheet") not in book.sheet_names:
        raise UserError(
            f"{path}: not a commkit checklist workbook (its '{MARKER_SHEET}' sheet is changed)"
        )
    sub = Submission(source=path, row=1, kind="workbook", marker=marker)
    for number, row in enumerate(_sheet_rows(book, marker["sheet"], path), start=1):
        if not row or row[0] is None:
            continue
        key = str(row[0])
        cells = list(row) + [None] * (NOTE_COL - len(row))
        if key.startswith("q:"):
            qid = key[2:]
            sub.fields[qid] = Cell(cells[ANSWER_COL - 1], number, ANSWER_COL, qid)
            sub.fields[f"{qid}__status"] = Cell(cells[STATUS_COL - 1], number, STATUS_COL, qid)
            sub.fields[f"{qid}__note"] = Cell(cells[NOTE_COL - 1], number, NOTE_COL, qid)
        else:
            sub.fields[key] = Cell(cells[ANSWER_COL - 1], number, ANSWER_COL, key)
    yield sub


def read_submissions(path: Path) -> Iterator[Submission]:
    """Every submission in a CSV or XLSX export, or the one in a filled workbook."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise UserError(f"{path}: no such file")
    if suffix == ".csv":
        try:
            yield from _table(_csv_rows(path), path)
        except UnicodeDecodeError:
            raise UserError(f"{path}: not UTF-8 text (export the CSV as UTF-8)") from None
        except csv.Error as exc:
            reason = str(exc)
            if reason.startswith("field larger than field limit"):  # csv's own words
                limit = csv.field_size_limit()
                reason = f"a cell is longer than {limit} characters: is a quote left open?"
            raise UserError(f"{path}: not a readable CSV file ({reason})") from None
        return
    if suffix in (".xlsx", ".xlsm"):
        from python_calamine import CalamineWorkbook

        _check_archive(path)
        try:
            book = CalamineWorkbook.from_path(str(path))
        except Exception:  # calamine raises several kinds for a broken file
            raise _not_xlsx(path) from None
        try:
            if MARKER_SHEET in book.sheet_names:
                yield from _workbook(book, path)
            else:
                yield from _table(_sheet_rows(book, 0, path), path)
        finally:
            book.close()
        return
    raise UserError(f"{path}: expected a .csv, .xlsx, .json or .yaml file")

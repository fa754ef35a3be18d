"""XLSX reading of `answers import`: the fast reader gives what openpyxl's reader gave, to the
byte, and a broken workbook is a clear error in both languages."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from python_calamine import CalamineWorkbook
from typer.testing import CliRunner

import xlsx_bombs
from commkit import api
from commkit.cli.app import app
from commkit.errors import ContentError
from commkit.model import form_readers
from forms_helpers import (
    CHECKLIST,
    EXAMPLES,
    current_answers,
    fill_workbook,
    kobo_row,
    xlsform_columns,
)

runner = CliRunner()


def _openpyxl_rows(book: Any, name: str | int, path: Path) -> Iterator[tuple[Any, ...]]:
    """The rows as the earlier reader read them (openpyxl, read-only, cached values)."""
    wb = load_workbook(path, read_only=True, data_only=True)
    sheet = wb.worksheets[name] if isinstance(name, int) else wb[name]
    yield from sheet.iter_rows(values_only=True)
    wb.close()


def _run(args: list[str], monkeypatch: pytest.MonkeyPatch, old: bool, out: Path) -> tuple[int, str]:
    with monkeypatch.context() as m:
        if old:
            m.setattr(form_readers, "_sheet_rows", _openpyxl_rows)
        result = runner.invoke(app, args)
    return result.exit_code, result.output.replace(str(out), "OUT")


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*"))} if folder.exists() else {}


def test_cells_of_every_type_read_as_openpyxl_read_them(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["C3"] = "header"  # the sheet starts at C3: columns A-B and rows 1-2 are empty
    sheet["D3"] = "Заголовок"
    values = [3, 3.0, 2.5, -0.0, 1e20, True, False, dt.date(2020, 8, 15)]
    values += [dt.datetime(2020, 10, 16, 9, 30), dt.time(10, 30), "  spaced  ", "Юлия", None, ""]
    sheet.append([None, None, *values])
    sheet.append([])
    sheet.append([None, None, None, "late"])
    path = tmp_path / "cells.xlsx"
    book.save(path)
    old = list(_openpyxl_rows(None, 0, path))
    new = list(form_readers._sheet_rows(CalamineWorkbook.from_path(str(path)), 0, path))
    width = len(old[0])
    assert [r + (None,) * (width - len(r)) for r in new] == old
    assert [type(v) for v in new[3]] == [type(v) for v in old[3][: len(new[3])]]


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A Kobo XLSX export with typed cells, Cyrillic, spaces, an empty row and one bad value."""
    folder = tmp_path_factory.mktemp("kobo")
    headers, by_name = xlsform_columns(api.export_checklist("xlsform", folder / "form"))
    rows = [kobo_row(current_answers(p), by_name, n) for n, p in enumerate(EXAMPLES, 1)]
    types = {q.id: q.type for q in CHECKLIST.questions}
    rows[0][by_name["rater_name"]] = "  Юлия Смирнова  "
    rows[0][by_name["rater_role"]] = "основатель"
    rows[1]["_submission_time"] = dt.datetime(2020, 10, 16, 9, 0)
    rows[1][by_name["date"]] = dt.datetime(2020, 10, 15)
    rows[3][by_name["purpose.mission-text"]] = dt.datetime(2020, 9, 1)  # a date typed as text
    for qid, kind in types.items():
        header = by_name.get(qid)
        value = rows[2].get(header) if header else None
        if kind == "yes_no" and value in ("yes", "no"):
            rows[2][header] = value == "yes"  # an Excel TRUE/FALSE
        elif kind in ("number", "scale") and isinstance(value, str):
            number = float(value)
            rows[2][header] = number if not number.is_integer() else int(number)
    note = next(k for k in by_name if k.endswith("__note"))
    rows[2][by_name[note]] = "Заметка с пробелами  \nи второй строкой"
    bad = kobo_row(current_answers(EXAMPLES[0]), by_name, 9)
    bad[by_name["membership.members"]] = "lots"
    columns = ["start", "end", *headers, *sorted({k for r in rows for k in r} - set(headers))]
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(columns)
    for r in [*rows[:2], {}, *rows[2:], bad]:
        cells = [None if r.get(c) == "" else r.get(c) for c in columns]
        sheet.append([int(v) if isinstance(v, str) and v.isdigit() else v for v in cells])
    path = folder / "export.xlsx"
    book.save(path)
    return path


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_kobo_xlsx_export_imports_as_it_did_with_openpyxl(
    export: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    runs = {}
    for old in (True, False):
        out = tmp_path / ("old" if old else "new")
        args = ["--lang", lang, "answers", "import", str(export), "--out", str(out)]
        refused = _run(args, monkeypatch, old, out)
        written = _run([*args, "--skip-bad"], monkeypatch, old, out)
        runs[old] = (refused, written, _files(out))
    (code, output), (code_skip, output_skip), files = runs[False]
    assert runs[True] == runs[False]
    assert code == 1 and code_skip == 0 and len(files) == len(EXAMPLES)
    members = "membership.members"
    row = 2 + len(EXAMPLES) + 1  # the header, the examples, the empty row: then the bad row
    place = re.search(rf"export\.xlsx:{row}:(\d+): \S+ \S+ (\w+) \(membership/{members}\)", output)
    assert place is not None and form_readers.column_name(int(place[1])) == place[2], output
    assert "'lots'" in output
    assert "Traceback" not in output + output_skip
    texts = b"".join(files.values()).decode()
    assert "Юлия Смирнова" in texts and "  Юлия" not in texts and "основатель" in texts


def test_filled_workbooks_import_as_they_did_with_openpyxl(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blank = api.export_checklist("xlsx", tmp_path / "blank", lang="ru")
    books = []
    for n, example in enumerate(EXAMPLES[:2], 1):
        books.append(tmp_path / f"filled-{n}.xlsx")
        fill_workbook(blank, books[-1], current_answers(example), "Юлия" if n == 1 else " Rater ")
    broken = tmp_path / "changed.xlsx"
    book = load_workbook(books[1])
    book["commkit"]["B1"] = "something else"  # its marker sheet changed by hand
    book.save(broken)
    runs = {}
    for old in (True, False):
        out = tmp_path / ("old" if old else "new")
        args = ["answers", "import", *map(str, books), "--out", str(out)]
        refused = _run([*args[:-2], str(broken), *args[-2:]], monkeypatch, old, out)
        runs[old] = (_run(args, monkeypatch, old, out), refused, _files(out))
    assert runs[True] == runs[False]
    (code, _), (refused_code, refused_output), files = runs[False]
    assert code == 0 and len(files) == 2 and "Юлия" in b"".join(files.values()).decode()
    assert refused_code == 1 and "changed.xlsx" in refused_output
    assert "not a commkit checklist workbook" in refused_output


NOT_EXCEL = {
    "en": {
        "cut": "not a readable .xlsx workbook",
        "text": "a text file named .xlsx: if it is a CSV export, name it .csv",
        "ods": "an OpenDocument spreadsheet (.ods) named .xlsx",
        "xls": "an Excel 97-2003 workbook (.xls) named .xlsx",
        "docx": "a zip archive with no Excel workbook in it (no xl/workbook.xml)",
    },
    "ru": {
        "cut": "книгу .xlsx нельзя прочитать",
        "text": "это текстовый файл с расширением .xlsx: если это выгрузка в CSV",
        "ods": "это таблица OpenDocument (.ods) с расширением .xlsx",
        "xls": "это книга Excel 97-2003 (.xls) с расширением .xlsx",
        "docx": "это zip-архив, но книги Excel в нём нет (нет xl/workbook.xml)",
    },
}


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_broken_or_not_excel_xlsx_is_a_clear_error(tmp_path: Path, lang: str) -> None:
    files = {name: tmp_path / f"{name}.xlsx" for name in NOT_EXCEL[lang]}
    files["text"].write_text("community,rater\nКлуб,Юлия\n", encoding="utf-8")
    good = tmp_path / "good.xlsx"
    Workbook().save(good)
    files["cut"].write_bytes(good.read_bytes()[:1500])
    with zipfile.ZipFile(files["ods"], "w") as ods:
        ods.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        ods.writestr("content.xml", "<office:document-content/>")
    files["xls"].write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    with zipfile.ZipFile(files["docx"], "w") as docx:
        docx.writestr("[Content_Types].xml", "<Types/>")
        docx.writestr("word/document.xml", "<w:document/>")
    for name, path in files.items():
        args = ["--lang", lang, "answers", "import", str(path), "--out", str(tmp_path / "a")]
        result = runner.invoke(app, args)
        assert result.exit_code == 1, result.output
        assert f"{path.name}:" in result.output and NOT_EXCEL[lang][name] in result.output
        assert "Traceback" not in result.output and not (tmp_path / "a").exists()


BOMBS = {
    # what each says in English and in Russian
    "zeros": ("unpacks to 328 times its packed size", "вырастает в 328 раз"),
    "strings": ("part xl/sharedStrings.xml unpacks to 397 times", "вырастает в 397 раз"),
    "large": ("unpacks to 600 MB, over the 512 MB", "занимает 600 МБ, а файлу .xlsx"),
    "parts": ("holds 10,007 parts, over the 10,000", "в архиве 10\u202f007 частей"),
}


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("bomb", sorted(BOMBS))
def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path, bomb: str, lang: str) -> None:
    """An .xlsx whose parts unpack to far more than a real export's: python-calamine read a
    sheet of a gigabyte packed in 3 MB for minutes, then aborted out of memory."""
    path = tmp_path / f"{bomb}.xlsx"
    if bomb == "zeros":
        xlsx_bombs.zeros_bomb(path, mb=2)
    elif bomb == "strings":
        xlsx_bombs.strings_bomb(path, mb=2)
    elif bomb == "large":
        xlsx_bombs.large_bomb(path, mb=600, packed_mb=7)
    else:
        xlsx_bombs.many_members_bomb(path, count=10_001)
    out = tmp_path / "answers"
    result = runner.invoke(app, ["--lang", lang, "answers", "import", str(path), "--out", str(out)])
    assert result.exit_code == 1, result.output
    words = BOMBS[bomb][lang == "ru"]
    assert f"{path.name}: " in result.output and words in result.output, result.output
    assert "Traceback" not in result.output and not out.exists()
    if lang == "ru":
        return  # the library says it once, in English
    with pytest.raises(ContentError) as refused:
        api.import_answers([path], out=out)
    assert BOMBS[bomb][0] in str(refused.value.diagnostics[0].message)
    assert refused.value.diagnostics[0].file == path


def test_a_sheet_holding_more_than_it_declares_is_refused(tmp_path: Path) -> None:
    """The declared sizes bound what is read: a part that holds a gigabyte but declares 4 KB
    (and the checksum of its first 4 KB) is read no further than 4 KB."""
    path = xlsx_bombs.lying_bomb(tmp_path / "lying.xlsx", mb=64)
    out = tmp_path / "answers"
    result = runner.invoke(app, ["answers", "import", str(path), "--out", str(out)])
    assert result.exit_code == 1, result.output
    assert "lying.xlsx: error: not a readable .xlsx workbook" in result.output
    assert "Traceback" not in result.output and not out.exists()


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", "holds a formula's error (#DIV/0!)"), ("ru", "ошибка формулы (#DIV/0!)")],
)
def test_a_formula_error_in_a_cell_is_refused_not_read_as_empty(
    tmp_path: Path, lang: str, words: str
) -> None:
    """The fast reader sees such a cell as empty: an answer would go missing without a word."""
    blank = api.export_checklist("xlsx", tmp_path / "blank")
    filled = tmp_path / "filled.xlsx"
    fill_workbook(blank, filled, current_answers(EXAMPLES[0]), "Rater")
    book = load_workbook(filled)
    sheet = book[book["commkit"]["B6"].value]
    row = next(r for r in sheet.iter_rows() if str(r[0].value).startswith("q:"))
    row[4].value = "#DIV/0!"
    row[4].data_type = "e"  # as Excel saves a formula whose result is an error
    book.save(filled)
    export = tmp_path / "export.xlsx"
    kobo = Workbook()
    table = kobo.active
    assert table is not None
    table.append(["community", "rater_name", "date"])
    table.append(["Клуб", "Юлия", None])
    table["C2"] = "#N/A"
    table["C2"].data_type = "e"
    kobo.save(export)
    for path, place, error in ((filled, f"{row[4].row}:5", "#DIV/0!"), (export, "2:3", "#N/A")):
        out = tmp_path / "answers"
        args = ["--lang", lang, "answers", "import", str(path), "--out", str(out)]
        result = runner.invoke(app, args)
        assert result.exit_code == 1, result.output
        assert f"{path.name}:{place}:" in result.output, result.output
        assert words.replace("#DIV/0!", error) in result.output
        assert "Traceback" not in result.output and not out.exists()

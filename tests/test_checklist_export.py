"""`commkit checklist export`: every format comes from the loaded checklist."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook
from typer.testing import CliRunner

from commkit.cli.app import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent
PACK_CHECKLIST = ROOT / "checklists" / "self-identification.yaml"


def _export(tmp_path: Path, fmt: str, *extra: str) -> Path:
    out = tmp_path / fmt
    result = runner.invoke(app, ["checklist", "export", "--format", fmt, "--out", str(out), *extra])
    assert result.exit_code == 0, result.output
    (path,) = out.iterdir()
    return path


def test_xlsform_converts_with_pyxform_without_warnings(tmp_path: Path) -> None:
    path = _export(tmp_path, "xlsform", "--community", "fashiontechperm")
    # imported here, in the one test that uses it: pyxform (0.4 s of CPU on top of openpyxl)
    # was imported by every xdist worker at collection, whichever one ran this test
    from pyxform.xls2xform import convert

    warnings: list[str] = []
    result = convert(xlsform=str(path), warnings=warnings)
    assert warnings == []
    xform = result.xform
    assert "jr:constraintMsg" in xform or "constraintMsg" in xform
    assert 'lang="Russian (ru)"' in xform and 'lang="English (en)"' in xform
    # conditional questions are relevant only when their condition holds
    assert " /data/leadership/leadership.identified-leader  = 'yes'" in xform
    book = load_workbook(path, read_only=True)
    survey = [r for r in book["survey"].iter_rows(values_only=True)]
    head = list(survey[0])
    assert "label::English (en)" in head and "label::Russian (ru)" in head
    rows = {r[head.index("name")]: r for r in survey[1:]}
    members = rows["membership.members"]
    assert members[head.index("type")] == "integer"
    assert members[head.index("constraint")] == ". >= 0"
    share = rows["platform.members-on-platform"]
    assert share[head.index("constraint")] == ". >= 0 and . <= 100"
    assert share[head.index("relevant")] == "${platform.single-platform} = 'yes'"


def test_exports_follow_the_loaded_checklist(tmp_path: Path) -> None:
    """A customised pack with a new question and a renamed one: every format shows them."""
    shutil.copytree(ROOT / "methodology", tmp_path / "pack" / "methodology")
    pack = tmp_path / "pack" / "checklists"
    pack.mkdir(parents=True)
    data = yaml.safe_load(PACK_CHECKLIST.read_text(encoding="utf-8"))
    data["questions"][0]["text"] = {"en": 'Shared goal <b>&amp; "quotes"', "ru": "Общая цель"}
    data["questions"].append(
        {
            "id": "knowledge.podcast",
            "dimension": "knowledge",
            "type": "yes_no",
            "text": {
                "en": "Does the community run a podcast?",
                "ru": "Есть ли у сообщества подкаст?",
            },
            "help": {"en": "Audio counts.", "ru": "Аудио считается."},
            "required": False,
            "weight": 0.5,
        }
    )
    (pack / "self-identification.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True), encoding="utf-8"
    )
    content = ["--content", str(tmp_path / "pack")]
    for fmt in ("html", "xlsform", "xlsx", "md"):
        out = tmp_path / fmt
        result = runner.invoke(
            app, [*content, "checklist", "export", "--format", fmt, "--out", str(out)]
        )
        assert result.exit_code == 0, result.output
        (path,) = out.iterdir()
        if fmt == "html":
            text = path.read_text(encoding="utf-8")
            data_json = re.search(
                r'<script type="application/json" id="commkit-data">(.*?)</script>', text, re.S
            )
            assert data_json is not None
            assert "<b>" not in data_json.group(1)  # escaped inside the script element
            parsed = json.loads(data_json.group(1))
            ids = [q["id"] for q in parsed["checklist"]["questions"]]
            assert ids[-1] == "knowledge.podcast"
            assert parsed["checklist"]["questions"][0]["text"]["en"].startswith("Shared goal <b>")
        elif fmt == "md":
            text = path.read_text(encoding="utf-8")
            assert "Does the community run a podcast?" in text
            assert "<b>" not in text
        else:
            book = load_workbook(path, read_only=True)
            cells = {
                str(c) for s in book.worksheets for r in s.iter_rows(values_only=True) for c in r
            }
            assert "knowledge.podcast" in cells or "q:knowledge.podcast" in cells


def test_html_is_self_contained(tmp_path: Path) -> None:
    path = _export(tmp_path, "html", "--lang", "ru")
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text)
    assert "http://" not in text.replace("http://www.w3.org", "") and "https://" not in text
    assert "Content-Security-Policy" in text and "default-src 'none'" in text
    assert '<html lang="ru">' in text


def test_markdown_questionnaire_in_russian_has_no_english(tmp_path: Path) -> None:
    path = _export(tmp_path, "md", "--lang", "ru")
    text = path.read_text(encoding="utf-8")
    assert "☐ Не знаю ☐ Неприменимо" in text
    assert "Отвечайте, только если:" in text
    body = re.sub(r"`[^`]*`|commkit|self-identification|\d+\.\d+|FashionTechPerm", "", text)
    assert not re.search(r"\b(the|and|Yes|No|Don't)\b", body)


def test_workbook_has_dropdowns_number_limits_and_instructions(tmp_path: Path) -> None:
    path = _export(tmp_path, "xlsx")
    book = load_workbook(path)
    assert book.sheetnames[:2] == ["Instructions", "Checklist"]
    sheet = book["Checklist"]
    kinds = {dv.type for dv in sheet.data_validations.dataValidation}
    assert {"list", "whole"} <= kinds
    rows = [
        r for r in sheet.iter_rows(values_only=True) if r[0] == "q:platform.members-on-platform"
    ]
    assert rows and "100" in rows[0][7]
    assert "Ответ" not in str(rows[0])  # English workbook, Russian text only in its own column


@pytest.mark.parametrize("fmt", ["html", "xlsform", "xlsx", "md"])
def test_export_never_overwrites_without_force(tmp_path: Path, fmt: str) -> None:
    args = ["checklist", "export", "--format", fmt, "--out", str(tmp_path)]
    assert runner.invoke(app, args).exit_code == 0
    again = runner.invoke(app, args)
    assert again.exit_code == 1 and "already exists" in again.output
    assert runner.invoke(app, [*args, "--force"]).exit_code == 0

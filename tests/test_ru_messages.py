"""Messages that start with a file name or an id, and the kinds of files `validate` names,
read in Russian in a Russian run."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from commkit.cli.app import app
from commkit.i18n import section
from commkit.model import KIND_NAMES

runner = CliRunner()


def _inputs(tmp_path: Path) -> dict[str, Path]:
    cp1251 = tmp_path / "cp1251.csv"
    cp1251.write_bytes("community;rater_name\nКлуб;Юлия\n".encode("cp1251"))
    no_header = tmp_path / "no-header.csv"
    no_header.write_text(",,\n1,2,3\n", encoding="utf-8")
    huge = tmp_path / "huge.csv"
    huge.write_text("community\n" + "x" * 140_000 + "\n", encoding="utf-8")
    text = tmp_path / "answers.txt"
    text.write_text("x\n", encoding="utf-8")
    return {
        "missing": tmp_path / "missing.csv",
        "cp1251": cp1251,
        "no_header": no_header,
        "huge": huge,
        "text": text,
    }


IMPORT_CASES = [
    ("missing", "missing.csv: нет такого файла", "no such file"),
    ("cp1251", "cp1251.csv: текст не в кодировке UTF-8 (выгрузите CSV в UTF-8)", "not UTF-8"),
    ("no_header", "no-header.csv: в первой строке нет названий столбцов", "column names"),
    (
        "huge",
        "huge.csv: файл CSV не удаётся прочитать (ячейка длиннее 131072 символов: может быть, "
        "не закрыта кавычка?)",
        "not a readable CSV",
    ),
    ("text", "answers.txt: нужен файл .csv, .xlsx, .json или .yaml", "expected a"),
]


@pytest.mark.parametrize(("name", "russian", "english"), IMPORT_CASES)
def test_answers_import_names_the_file_in_russian(
    tmp_path: Path, name: str, russian: str, english: str
) -> None:
    source = _inputs(tmp_path)[name]
    out = tmp_path / "answers"
    result = runner.invoke(
        app, ["--lang", "ru", "answers", "import", str(source), "--out", str(out)]
    )
    assert result.exit_code == 1
    assert russian in result.output
    assert english not in result.output
    assert not out.exists()
    english_run = runner.invoke(app, ["answers", "import", str(source), "--out", str(out)])
    assert english in english_run.output


def test_an_unknown_seminar_is_named_in_russian() -> None:
    result = runner.invoke(app, ["--lang", "ru", "seminars", "show", "seminar-11"])
    assert result.exit_code == 1
    assert "семинара 'seminar-11' нет; может быть, 'seminar-1'? (есть: seminar-1," in result.output
    assert "no seminar" not in result.output and "known" not in result.output


def test_a_missing_community_file_for_seminars_is_named_in_russian(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "--lang",
            "ru",
            "seminars",
            "export",
            "--profile",
            str(tmp_path / "nope.yaml"),
            "--out",
            str(tmp_path / "out"),
        ],
    )
    assert result.exit_code == 1
    assert "nope.yaml: нет такого файла (укажите профиль сообщества или сохранённую оценку)" in (
        result.output
    )
    assert "no such file" not in result.output


def test_validate_names_each_file_kind_in_russian(repo_root: Path) -> None:
    workspace = repo_root / "examples" / "perm-krai"
    result = runner.invoke(app, ["--lang", "ru", "validate", str(workspace)])
    assert result.exit_code == 0
    assert "business-mentor.yaml (ответы)" in result.output
    assert "2020-06-15.yaml (оценка)" in result.output
    assert "(answers)" not in result.output and "(assessment)" not in result.output
    pack = runner.invoke(app, ["--lang", "ru", "validate"])
    assert "(методика)" in pack.output and "(дорожная карта)" in pack.output
    english = runner.invoke(app, ["validate", str(workspace)])
    assert "business-mentor.yaml (answers)" in english.output
    for lang in ("en", "ru"):
        assert set(section("kind", lang)) == set(KIND_NAMES), lang


@pytest.mark.parametrize(
    ("lang", "intro"),
    [
        ("ru", "даны по версии 1.0: «Чек-лист самоидентификации бизнес-сообщества»."),
        ("en", "given to version 1.0 of “Self-identification checklist for a business community”"),
    ],
)
def test_the_rescore_report_names_the_checklist_by_its_title(
    repo_root: Path, tmp_path: Path, lang: str, intro: str
) -> None:
    old = repo_root / "examples/perm-krai/assessments/business-mentor/2020-06-15.yaml"
    result = runner.invoke(
        app, ["--lang", lang, "assess", "--rescore", str(old), "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    (report,) = tmp_path.glob("*-rescore-*.md")
    text = report.read_text(encoding="utf-8")
    assert intro in text
    assert "`self-identification`" not in text

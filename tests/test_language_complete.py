"""Every file commkit writes reads in one language: rendered in ``ru`` it holds no English
sentence from the pack or the UI, rendered in ``en`` no Cyrillic (what the user typed aside).

The inputs carry the user's own text in the language of the run, so what is left over can
only come from commkit: catalogs, templates, the content pack, the example workspace."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from commkit.cli.app import app
from language_check import cyrillic_lines, english_phrases

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "perm-krai"
TEMPLATES = ROOT / "src" / "commkit" / "render" / "templates"
OWN = {"ru": "свой текст участника", "en": "the member's own words"}


def _answers(tmp_path: Path, lang: str) -> Path:
    """The Business-mentor answers, with every text the user typed in ``lang``."""
    data = yaml.safe_load((EXAMPLE / "answers" / "business-mentor.yaml").read_text("utf-8"))
    data["language"] = lang
    for qid, value in list(data["answers"].items()):
        if isinstance(value, dict):
            value.pop("note", None)
            value = value.get("value", value)
        if (isinstance(value, dict) and "status" not in value) or (
            isinstance(value, str) and " " in value
        ):
            value = OWN[lang]  # a text, plain or given per language
        data["answers"][qid] = value
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _run(*args: str) -> None:
    result = CliRunner().invoke(app, list(args), env={"COMMKIT_LANG": ""})
    assert result.exit_code == 0, result.output


def _readable(path: Path) -> str:
    """The text a reader sees: no style sheets, scripts or tags in HTML; in iCalendar only
    the event texts (PRODID and the like are protocol)."""
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix == ".ics":
        text = "\n".join(
            line
            for line in text.replace("\r\n ", "").splitlines()
            if line.startswith(("SUMMARY", "DESCRIPTION", "LOCATION"))
        )
    if path.suffix == ".html":
        text = re.sub(r"<(style|script)\b.*?</\1>", " ", text, flags=re.S)
        text = re.sub(r"<[^>]+>", " ", text)
    return text


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_every_exported_file_reads_in_one_language(tmp_path: Path, lang: str) -> None:
    out = tmp_path / "out"
    _run("--lang", lang, "assess", "--answers", str(_answers(tmp_path, lang)), "-o", str(out / "a"))
    (assessment,) = (out / "a").glob("*.yaml")
    _run("--lang", lang, "plan", "-a", str(assessment), "-o", str(out / "p"), "--start",
         "2026-01-12", "--ics", str(out / "p" / "plan.ics"))  # fmt: skip
    _run("--lang", lang, "map", str(EXAMPLE), "-o", str(out / "map.md"), "--date", "2026-11-30")
    _run("--lang", lang, "seminars", "export", "--all", "-o", str(out / "s"), "--date",
         "2026-12-01", "--format", "md,html", "--profile", str(assessment))  # fmt: skip
    files = [p for p in out.rglob("*") if p.suffix in {".md", ".html", ".ics"}]
    assert len(files) > 40
    assert _other_language(files, out, lang) == {}


def _other_language(files: list[Path], out: Path, lang: str) -> dict[str, list[str]]:
    """Per file, the first words of the other language found in it: English phrases in a
    Russian output, Cyrillic lines in an English one (names the user typed excepted)."""
    problems = {}
    for path in files:
        text = _cells(path) if path.suffix == ".xlsx" else _readable(path)
        if lang == "ru":
            found = english_phrases(text, (OWN["en"],))
        else:
            found = cyrillic_lines(text, (OWN["ru"],))
        if found:
            problems[str(path.relative_to(out))] = found[:3]
    return problems


def test_templates_hold_no_fixed_words() -> None:
    """Every word of a template comes from the catalog or the content (``{{ ... }}``)."""
    for template in TEMPLATES.glob("*.j2"):
        text = template.read_text(encoding="utf-8")
        text = re.sub(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", " ", text, flags=re.S)
        text = re.sub(r"<(style|script)\b.*?</\1>|<[^>]+>", " ", text, flags=re.S)
        assert not english_phrases(text), (template.name, english_phrases(text)[:3])
        assert not cyrillic_lines(text), (template.name, cyrillic_lines(text)[:3])


def test_the_pack_and_the_example_are_complete_in_both_languages(tmp_path: Path) -> None:
    copy = tmp_path / "perm-krai"
    shutil.copytree(EXAMPLE, copy)
    _run("validate", "--strict-i18n")
    _run("validate", "--strict-i18n", str(copy))


def _cells(path: Path) -> str:
    """The text a reader of a workbook sees: visible sheets, visible columns."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    lines = []
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible":
            continue
        hidden = {k for k, d in sheet.column_dimensions.items() if d.hidden}
        for row in sheet.iter_rows():
            texts = [
                str(c.value)
                for c in row
                if isinstance(c.value, str) and c.column_letter not in hidden
            ]
            lines.append(" | ".join(texts))
    return "\n".join(lines)


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_every_other_export_reads_in_one_language(tmp_path: Path, lang: str) -> None:
    """Workbooks, HTML pages, the public map, the forms and the database's descriptions. The
    machine files keep ids on purpose: the map and plan CSV (columns and values are ids, the
    same in both languages) and the XLSForm (it carries every language by its format)."""
    out = tmp_path / "out"
    _run("--lang", lang, "assess", "--answers", str(_answers(tmp_path, lang)), "-o",
         str(out / "a"), "--html")  # fmt: skip
    (assessment,) = (out / "a").glob("*.yaml")
    _run("--lang", lang, "plan", "-a", str(assessment), "-o", str(out / "p"), "--start",
         "2026-01-12", "--html", str(out / "p" / "plan.html"), "--xlsx",
         str(out / "p" / "plan.xlsx"))  # fmt: skip
    _run("--lang", lang, "map", str(EXAMPLE), "--date", "2026-11-30", "--html",
         str(out / "map.html"), "--xlsx", str(out / "map.xlsx"))  # fmt: skip
    _run("--lang", lang, "map", str(EXAMPLE), "--public", "--html", str(out / "public.html"))
    for form in ("html", "md", "xlsx"):
        _run("--lang", lang, "checklist", "export", "--format", form, "-o", str(out / form))
    _run("--lang", lang, "export", "sqlite", str(EXAMPLE), str(out / "region.db"))
    files = [p for p in out.rglob("*") if p.suffix in {".md", ".html", ".xlsx", ".json"}]
    assert {p.suffix for p in files} == {".md", ".html", ".xlsx", ".json"}
    assert _other_language(files, out, lang) == {}

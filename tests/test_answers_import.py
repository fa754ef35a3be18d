"""`commkit answers import`: Kobo/ODK exports, workbooks and HTML downloads to answers files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter as column_letter
from typer.testing import CliRunner

from commkit import api
from commkit.cli.app import app
from commkit.model.common import tr
from forms_helpers import (
    CHECKLIST,
    EXAMPLES,
    current_answers,
    kobo_row,
    same_answers,
    write_kobo,
    xlsform_columns,
)

runner = CliRunner()


@pytest.fixture(scope="module")
def xlsform(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("form")
    return api.export_checklist("xlsform", out)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_kobo_export_imports_to_the_original_answers(
    xlsform: Path, tmp_path: Path, suffix: str
) -> None:
    headers, by_name = xlsform_columns(xlsform)
    originals = [current_answers(p) for p in EXAMPLES]
    rows = [kobo_row(a, by_name, n) for n, a in enumerate(originals, 1)]
    export = tmp_path / f"export{suffix}"
    write_kobo(export, headers, rows)
    result = runner.invoke(app, ["answers", "import", str(export), "--out", str(tmp_path / "a")])
    assert result.exit_code == 0, result.output
    written = sorted((tmp_path / "a").glob("*.yaml"))
    assert len(written) == len(originals)
    for n, original in enumerate(originals, 1):
        match = [p for p in written if f"-rater-{n}-" in p.name]
        assert len(match) == 1, written
        got = api.load_answers(match[0])
        assert same_answers(got, original)
        assert got.rater is not None and (got.rater.name, got.rater.role) == (
            f"Rater {n}",
            "core team",
        )
        assert got.date == original.date and got.community.name == tr(original.community.name, "en")
        assert original.community.founded is not None
        assert got.community.founded == original.community.founded
        assert api.assess(got).result == api.assess(original).result


def test_bad_rows_name_row_and_column_and_nothing_is_written(xlsform: Path, tmp_path: Path) -> None:
    headers, by_name = xlsform_columns(xlsform)
    original = current_answers(EXAMPLES[0])
    good = kobo_row(original, by_name, 1)
    bad = kobo_row(original, by_name, 2)
    bad[by_name["purpose.common-goal"]] = "7"
    bad[by_name["membership.members"]] = "lots"
    export = tmp_path / "export.csv"
    write_kobo(export, headers, [good, bad])
    out = tmp_path / "a"
    result = runner.invoke(app, ["answers", "import", str(export), "--out", str(out)])
    assert result.exit_code == 1
    assert "nothing was written" in result.output
    columns = ["start", "end", *headers]
    goal_col = columns.index(by_name["purpose.common-goal"]) + 1
    assert f"export.csv:3:{goal_col}" in result.output
    assert "purpose.common-goal" in result.output and "'lots'" in result.output
    assert not list(out.glob("*.yaml")) if out.exists() else True
    result = runner.invoke(app, ["answers", "import", str(export), "--out", str(out), "--skip-bad"])
    assert result.exit_code == 0, result.output
    assert len(list(out.glob("*.yaml"))) == 1
    assert "skipped" in result.output and ":3:" in result.output
    again = runner.invoke(app, ["answers", "import", str(export), "--out", str(out), "--skip-bad"])
    assert "already exists" in again.output
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def test_bad_rows_are_named_in_russian_in_a_russian_run(xlsform: Path, tmp_path: Path) -> None:
    headers, by_name = xlsform_columns(xlsform)
    bad = kobo_row(current_answers(EXAMPLES[0]), by_name, 1)
    bad[by_name["membership.members"]] = "lots"
    bad[by_name["purpose.common-goal"]] = ""  # a required question left blank
    odd = kobo_row(current_answers(EXAMPLES[0]), by_name, 2)
    odd[by_name["business-value.measured"]] = "maybe"
    odd[by_name["community"]] = ""
    export = tmp_path / "export.csv"
    write_kobo(export, headers, [bad, odd])
    args = ["--lang", "ru", "answers", "import", str(export), "--out", str(tmp_path / "a")]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    column = column_letter(["start", "end", *headers].index(by_name["membership.members"]) + 1)
    assert f"столбец {column} (" in result.output
    assert "ожидается число, а не 'lots'" in result.output
    assert "вопрос purpose.common-goal обязательный, а ответа на него нет" in result.output
    assert "ожидается «да» или «нет», а не 'maybe'" in result.output
    assert "не указано название сообщества" in result.output
    assert "column" not in result.output and "expected" not in result.output
    assert "required" not in result.output and "empty" not in result.output


def test_a_founding_date_in_the_future_or_not_a_date_is_named_by_row_and_column(
    xlsform: Path, tmp_path: Path
) -> None:
    headers, by_name = xlsform_columns(xlsform)
    original = current_answers(EXAMPLES[0])
    rows = [kobo_row(original, by_name, n) for n in (1, 2, 3, 4)]
    rows[0][by_name["founded"]] = "2099-01"
    rows[1][by_name["founded"]] = "summer 2020"
    rows[2][by_name["founded"]] = ""  # optional
    rows[3][by_name["founded"]] = "2015"
    export = tmp_path / "export.csv"
    write_kobo(export, headers, rows)
    out = tmp_path / "a"
    result = runner.invoke(app, ["answers", "import", str(export), "--out", str(out)])
    assert result.exit_code == 1
    col = ["start", "end", *headers].index(by_name["founded"]) + 1
    assert f"export.csv:2:{col}" in result.output and "2099-01 is in the future" in result.output
    assert f"export.csv:3:{col}" in result.output and "'summer 2020' is not a date" in result.output
    assert not out.exists() or not list(out.glob("*.yaml"))
    result = runner.invoke(app, ["answers", "import", str(export), "--out", str(out), "--skip-bad"])
    assert result.exit_code == 0, result.output
    founded = sorted(str(api.load_answers(p).community.founded) for p in out.glob("*.yaml"))
    assert founded == ["2015", "None"]


def test_a_filled_workbook_imports(tmp_path: Path) -> None:
    path = api.export_checklist(
        "xlsx",
        tmp_path,
        lang="ru",
        community="fashiontechperm",
        workspace=Path(EXAMPLES[0]).parents[1],
    )
    original = current_answers(Path(EXAMPLES[0]).parent / "fashiontechperm.yaml")
    book = load_workbook(path)
    sheet = book[book["commkit"]["B6"].value]
    rows = {str(r[0].value): r for r in sheet.iter_rows() if r[0].value}
    founded = rows["founded"][4]
    assert founded.value == original.community.founded == "2020-08"  # from the profile
    assert founded.number_format == "@"  # typed "2020-08" stays text in Excel
    rows["rater_name"][4].value = "Юлия"
    rows["rater_role"][4].value = "основатель"
    rows["date"][4].value = original.date
    questions = {q.id: q for q in CHECKLIST.questions}
    labels_ru = {"yes": "Да", "no": "Нет", "dont_know": "Не знаю", "not_applicable": "Неприменимо"}
    for qid, a in original.answers.items():
        row = rows[f"q:{qid}"]
        q = questions[qid]
        if a.note:
            row[6].value = a.note
        if a.status != "answered":
            row[5].value = labels_ru[a.status]
            continue
        if q.type == "choice":
            row[4].value = next(o.label["ru"] for o in q.options if o.id == a.value)  # type: ignore[index]
        elif q.type == "multi":
            ids = [o.id for o in q.options]
            picked = [str(ids.index(v) + 1) for v in a.value]  # type: ignore[union-attr]
            row[4].value = ", ".join(picked) or "0"
        elif q.type == "yes_no":
            row[4].value = labels_ru[str(a.value)]
        else:
            row[4].value = a.value
    book.save(path)
    result = runner.invoke(app, ["answers", "import", str(path), "--out", str(tmp_path / "a")])
    assert result.exit_code == 0, result.output
    (written,) = (tmp_path / "a").glob("*.yaml")
    assert (
        written.name == "fashiontechperm-iuliia-2020-10-15.yaml"
        or "fashiontechperm-" in written.name
    )
    got = api.load_answers(written)
    assert same_answers(got, original)
    assert got.rater is not None and got.rater.name == "Юлия" and got.language == "ru"
    assert got.community.slug == "fashiontechperm"
    assert got.community.founded == original.community.founded
    in_russian = original.model_copy(update={"language": "ru"})
    assert api.assess(got).result == api.assess(in_russian).result


def test_html_downloads_and_workspace_team(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    api.init_region(ws, name="Perm Krai")
    base = current_answers(EXAMPLES[0]).model_dump(mode="json", exclude_none=True)
    files = []
    for n, (name, goal) in enumerate((("Anna", 1), ("Boris", 4), ("Vera", 2)), 1):
        doc = json.loads(json.dumps(base))
        doc["rater"] = {"name": name, "role": "core team"}
        doc["answers"]["purpose.common-goal"] = goal
        path = tmp_path / f"download-{n}.json"
        path.write_text(json.dumps(doc), encoding="utf-8")
        files.append(str(path))
    result = runner.invoke(app, ["answers", "import", *files, "--workspace", str(ws)])
    assert result.exit_code == 0, result.output
    slug = base["community"]["slug"]
    assert len(list((ws / "answers" / slug).glob("*.yaml"))) == 3
    again = runner.invoke(app, ["answers", "import", *files, "--workspace", str(ws)])
    assert again.exit_code == 1 and "already exists" in again.output
    raters = api.team_raters_in_workspace(ws, slug)
    team = api.assess_team(
        [(api.load_answers(p).rater.name, api.load_answers(p)) for p in raters]  # type: ignore[union-attr]
    )
    assert team.team is not None and [r.name for r in team.team.raters] == ["Anna", "Boris", "Vera"]
    assert team.answers["purpose.common-goal"].value == 2


def test_each_written_file_is_what_its_checked_model_writes(xlsform: Path, tmp_path: Path) -> None:
    """Rows become the file's data without a model per answer: the bytes must be those of
    the validated answers (statuses, notes, ticked lists, a required question asked only
    under a condition)."""
    from commkit.render.report import to_yaml

    headers, by_name = xlsform_columns(xlsform)
    originals = [current_answers(p) for p in EXAMPLES]
    rows = [kobo_row(a, by_name, n) for n, a in enumerate(originals, 1)]
    rows[0][by_name["purpose.mission-text"]] = ""
    rows[0][by_name["purpose.mission-text__status"]] = "not_applicable"
    rows[0][by_name["purpose.mission-text__note"]] = "it's: kept # as typed"
    export = tmp_path / "export.csv"
    write_kobo(export, headers, rows)
    result = api.import_answers([export], out=tmp_path / "a")
    assert len(result.written) == len(originals)
    for path in result.written:
        assert path.read_text(encoding="utf-8") == to_yaml(api.load_answers(path))
    first = api.load_answers(next(p for p in result.written if "-rater-1-" in p.name))
    assert first.answers["purpose.mission-text"].status == "not_applicable"
    assert first.answers["purpose.mission-text"].note == "it's: kept # as typed"


def test_a_problem_in_row_100_is_shown_as_row_100(xlsform: Path, tmp_path: Path) -> None:
    headers, by_name = xlsform_columns(xlsform)
    original = current_answers(EXAMPLES[0])
    rows = [kobo_row(original, by_name, n) for n in range(1, 100)]
    rows[-1][by_name["membership.members"]] = "lots"  # the 99th submission: line 100
    export = tmp_path / "export.csv"
    write_kobo(export, headers, rows)
    result = runner.invoke(app, ["answers", "import", str(export), "--out", str(tmp_path / "a")])
    assert result.exit_code == 1
    column = ["start", "end", *headers].index(by_name["membership.members"]) + 1
    assert f"export.csv:100:{column}: error" in result.output


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "no column matches a question of the form"),
        ("ru", "ни один столбец не соответствует"),
    ],
)
def test_an_export_without_question_columns_is_named_in_the_run_language(
    tmp_path: Path, lang: str, words: str
) -> None:
    export = tmp_path / "labels.csv"
    export.write_text("community,rater_name\nКлуб,Юлия\n", encoding="utf-8")
    out = tmp_path / "answers"
    result = runner.invoke(
        app, ["--lang", lang, "answers", "import", str(export), "--out", str(out)]
    )
    assert result.exit_code == 1 and "labels.csv:2:1:" in result.output
    assert words in result.output and not out.exists()

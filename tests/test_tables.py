"""``--table --fmt``: the commands that print rows print them as plain text tables
(tabulate's formats), for pasting into a wiki, a chat or a spreadsheet."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from commkit.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
PERM = ROOT / "examples" / "perm-krai"


def test_seminars_list_as_a_github_table(runner: CliRunner) -> None:
    result = runner.invoke(app, ["seminars", "list", "--table", "--fmt", "github"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Seminar programme"
    assert lines[2].startswith("|   # | id ")
    assert any(line.startswith("|   1 | seminar-1 |") for line in lines)


def test_map_as_tab_separated_rows(runner: CliRunner) -> None:
    args = ["--lang", "en", "map", str(PERM), "--table", "--fmt", "tsv", "--date", "2026-06-01"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    rows = [line.split("\t") for line in result.stdout.splitlines() if "\t" in line]
    header = next(r for r in rows if r[0].strip() == "Community")
    names = {r[0].strip() for r in rows}
    assert "FashionTechPerm" in names and len(header) == 10


def test_progress_as_a_grid(runner: CliRunner) -> None:
    args = ["--lang", "en", "progress", "business-mentor", "-w", str(PERM), "--table"]
    result = runner.invoke(app, [*args, "--fmt", "grid"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Business-mentor Business Club (business-mentor)\n")
    assert "+====" in result.stdout and "│" not in result.stdout


def test_an_answers_batch_as_one_table(runner: CliRunner, tmp_path: Path) -> None:
    files = sorted(str(p) for p in (PERM / "answers").glob("*.yaml"))
    args = ["assess", "--answers", *files, "-o", str(tmp_path), "--table", "--fmt", "github"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [c.strip() for c in lines[0].split("|")[1:5]] == ["Source", "Score", "Stage", "Report"]
    assert len(lines) == 2 + len(files)
    assert all(Path(line.split("|")[4].strip()).is_file() for line in lines[2:])


def test_an_unknown_format_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["seminars", "list", "--table", "--fmt", "docx"])
    assert result.exit_code == 2
    assert "--fmt" in result.output


def test_a_russian_batch_table_names_stages_and_writes_scores_as_a_russian_reader_does(
    runner: CliRunner, tmp_path: Path
) -> None:
    from commkit import api

    files = sorted(str(p) for p in (PERM / "answers").glob("*.yaml"))
    args = ["--lang", "ru", "assess", "--answers", *files, "-o", str(tmp_path / "t")]
    result = runner.invoke(app, [*args, "--table", "--fmt", "tsv"])
    assert result.exit_code == 0, result.stderr
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert [c.strip() for c in rows[0]] == ["Источник", "Балл", "Стадия", "Отчёт"]
    as_json = runner.invoke(app, [*args[:-1], str(tmp_path / "j"), "--json"])
    assert as_json.exit_code == 0, as_json.stderr
    import json

    reached = {item["source"]: item["assessment"]["result"] for item in json.loads(as_json.stdout)}
    titles = {s.id: s.title["ru"] for s in api.load_content().checklist.stages}
    for source, score, stage, _ in ([c.strip() for c in row] for row in rows[1:]):
        result_of = reached[source]
        assert score == f"{result_of['overall']:.1f}".replace(".", ",")
        assert stage == titles[result_of["stage"]], stage
    assert len(rows) == 1 + len(files)

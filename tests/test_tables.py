"""``--table --fmt``: commands that print rows print them as plain tables (tabulate)."""

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
    args = ["map", str(PERM), "--table", "--fmt", "tsv", "--date", "2026-06-01"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    rows = [line.split("\t") for line in result.stdout.splitlines() if "\t" in line]
    header = next(r for r in rows if r[0].strip() == "Community")
    names = {r[0].strip() for r in rows}
    assert "FashionTechPerm" in names and len(header) == 10


def test_an_unknown_format_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["seminars", "list", "--table", "--fmt", "docx"])
    assert result.exit_code == 2
    assert "--fmt" in result.output

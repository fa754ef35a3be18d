"""Paths, names and messages from the user or a file are printed as typed, never read as
rich markup: `[/]` does not crash, `[red]` is not swallowed."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from commkit.cli.app import app

BROKEN = 'kind: answers\nversion: "1"\nchecklist: [\n'
CLUB = (
    'kind: community\nversion: "1"\nslug: red-club\nname: "[red]Red[/] Club"\n'
    'leaders: [{name: "[/]"}]\nplatform: "[i]chat"\n'
)


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "./[/]x.yaml"],
        ["assess", "--answers", "./[/]x.yaml", "--out", "out"],
        ["plan", "--assessment", "./[/]x.yaml", "--out", "out"],
        ["seminars", "export", "1", "--profile", "./[/]x.yaml", "--out", "out"],
        ["validate", "[red]club.yaml"],
    ],
)
def test_markup_in_a_path_is_printed_as_typed(
    args: list[str], tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "[").mkdir()
    (tmp_path / "[" / "]x.yaml").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "[red]club.yaml").write_text(BROKEN, encoding="utf-8")
    result = runner.invoke(app, args)
    everything = result.output + result.stderr
    assert result.exit_code == 1, everything
    assert "Traceback" not in everything
    assert result.exception is None or isinstance(result.exception, SystemExit)
    shown = "[/]x.yaml:4" if "[/]x.yaml" in args[-1] or "./[/]x.yaml" in args else "[red]club"
    assert shown in everything, everything


def test_markup_in_names_from_files_is_printed_as_typed(tmp_path: Path, runner: CliRunner) -> None:
    ws = tmp_path / "ws"
    assert runner.invoke(app, ["region", "init", str(ws), "--name", "[bold]R[/]"]).exit_code == 0
    (ws / "communities" / "red-club.yaml").write_text(CLUB, encoding="utf-8")
    result = runner.invoke(app, ["map", str(ws)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "[red]Red[/] Club" in result.stdout
    assert "[bold]R[/]" in result.stdout
    assert "[i]chat" in result.stdout
    progress = runner.invoke(app, ["progress", "red-club", "-w", str(ws)])
    assert "[red]Red[/] Club" in progress.stdout

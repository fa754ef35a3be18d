"""`validate` reports every error of a file in one run: a value the YAML parser refuses (a
bad date, a Python tag) does not hide the errors below it."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from commkit.cli.app import app

PROFILE = """\
kind: community
version: "1"
slug: a
name: A
founded: 2020
platfrom: Telegram
snapshots:
  - date: 2020-13-45
    members: -3
  - date: !!python/object:os.system echo
    events: 2
"""


def test_every_error_of_a_file_in_one_run(tmp_path: Path, runner: CliRunner) -> None:
    path = tmp_path / "club.yaml"
    path.write_text(PROFILE, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert [line.split(":")[1] for line in lines] == ["6", "8", "9", "10"], result.stderr
    assert "unknown key 'platfrom' (did you mean 'platform'?)" in lines[0]
    assert "month must be in 1..12" in lines[1]
    assert "greater than or equal to 0" in lines[2]
    assert "is not allowed" in lines[3]
    assert "FAIL" in result.stdout and "4 errors" in result.stdout

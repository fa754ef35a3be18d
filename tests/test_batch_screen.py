"""A batch of answers files in a terminal: what stays on screen once the progress bar is gone.

The bar is drawn on stderr, the per-file lines go to stdout: in a terminal both are the same
screen, so every line is printed through the bar's console (above the bar), never into it.
The terminal is pyte's, fed what commkit wrote to both streams, in order.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyte
import pytest
from typer.testing import CliRunner

from commkit import api
from commkit.cli.app import app

PERM = Path(__file__).resolve().parent.parent / "examples" / "perm-krai"
# wide enough for a line of pytest's temp path, which the terminal would fold
TERMINAL = {"TTY_COMPATIBLE": "1", "COLUMNS": "250", "LINES": "40"}


def _screen(output: str) -> list[str]:
    screen = pyte.Screen(250, 40)
    pyte.Stream(screen).feed(output.replace("\n", "\r\n"))
    return [line.rstrip() for line in screen.display if line.strip()]


def test_a_russian_batch_in_a_terminal_leaves_one_clean_line_per_file(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    answers = tmp_path / "answers"
    shutil.copytree(PERM / "answers", answers, ignore=shutil.ignore_patterns("fashiontechperm"))
    broken = answers / "broken.yaml"
    broken.write_text("kind: answers\nanswers: [unclosed\n", "utf-8")
    files = sorted(f"answers/{p.name}" for p in answers.glob("*.yaml"))
    base = ["--lang", "ru", "assess", "--date", "2020-10-15", "--answers", *files]

    shown = runner.invoke(app, [*base, "--out", "shown"], env=TERMINAL)
    as_json = runner.invoke(app, [*base, "--out", "json", "--json"])

    assert shown.exit_code == as_json.exit_code == 1
    titles = {s.id: s.title["ru"] for s in api.load_content().checklist.stages}
    expected = []
    for item in json.loads(as_json.stdout):
        result = item["assessment"]["result"]
        written = Path(item["files"]["markdown"])
        assert written.is_absolute()  # --json is for programs: the whole path
        score = f"{result['overall']:.1f}".replace(".", ",")
        # on screen, the path below the working folder, as the user named the folder
        expected.append(f"shown/{written.name}  {score}  {titles[result['stage']]}")
    lines = _screen(shown.output)
    assert [line for line in lines if "assessment-2020-10-15.md" in line] == expected
    assert not any("━" in line for line in lines), lines  # the bar is gone, whole
    assert any(line.startswith("answers/broken.yaml:3:1: ошибка") for line in lines), lines
    # the run's last words, as a run whose stderr is a file (no bar) says them
    assert lines[-2:] == as_json.stderr.splitlines()[-2:], lines
    assert lines[-2].startswith("Записано: 4 "), lines

"""Help a person can read: plain metavars, whole summaries, one meaning per short option."""

from __future__ import annotations

import re
from typing import Any

import typer.main
from typer.testing import CliRunner

from commkit.cli.app import app


def _commands() -> list[tuple[list[str], Any]]:
    found: list[tuple[list[str], Any]] = []

    def walk(path: list[str], command: Any) -> None:
        found.append((path, command))
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            walk([*path, name], sub)

    walk([], typer.main.get_command(app))
    return found


def _help(path: list[str]) -> str:
    result = CliRunner().invoke(app, [*path, "--help"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    return result.output


def test_help_shows_readable_metavars_and_whole_summaries() -> None:
    for path, _ in _commands():
        text = _help(path)
        assert not re.search(r"<(list|int|str|path|float)\b[^>]*>|\{[a-z_]+\}", text), (path, text)
        for line in text.splitlines():
            assert not re.search(r"\w\.\.\.$", line), (path, line)  # a summary cut short
        assert all(len(line) <= 80 for line in text.splitlines()), path


def test_a_short_option_means_one_thing_and_out_has_o() -> None:
    meaning: dict[str, set[str]] = {}
    for path, command in _commands():
        for param in command.params:
            opts = [*param.opts, *param.secondary_opts]
            longs = [o for o in opts if o.startswith("--")]
            for short in (o for o in opts if re.fullmatch(r"-\w", o)):
                meaning.setdefault(short, set()).update(longs[:1])
            if "--out" in opts:
                assert "-o" in opts, path
    # -a is the input of a run: the answers (assess) or the assessment or answers (plan)
    meaning["-a"] -= {"--answers", "--assessment"}
    assert {k: v for k, v in meaning.items() if len(v) > 1} == {}

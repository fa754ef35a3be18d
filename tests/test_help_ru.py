"""``--help`` and Click's own words in Russian: every command and option has a Russian help
text, a Russian run shows no English beyond option names, metavars, commands and values, and
an English run is unchanged."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from commkit.cli.app import app
from commkit.cli.helpstyle import command_help, tidy
from commkit.i18n import help_en
from commkit.i18n.help_examples import EXAMPLES
from commkit.i18n.help_ru import COMMANDS, COMMON, PARAMS

TOOL = Path("/work/shared/tools/english_in_ru.py")
PRODUCTS = {
    "Central", "Ctrl-C", "Datasette", "Excel", "KoboToolbox", "LibreOffice", "Markdown", "Marp",
    "Mermaid", "SQLite", "Schema", "XLSForm", "iCalendar",
}  # fmt: skip
VALUES = {"html", "md", "xlsx", "xlsform", "simple", "meetup", "seminar", "en", "ru"}
ROLES = {"community-manager", "community-leader", "regional-team", "business-ambassador",
         "government-liaison"}  # fmt: skip
BAD_RUNS = [
    ["assess", "--bogus"],
    ["assess", "--out"],
    ["plan"],
    ["plan", "extra.yaml"],
    ["--lang", "xx", "validate"],
    ["seminars", "export", "1"],
    ["assess", "--date", "2026-13-01"],
    ["nosuch"],
    ["seminars", "shw"],
    ["plan", "-a", "x.yaml", "--weeks", "999"],
    ["plan", "-a", "x.yaml", "--weeks", "many"],
    ["checklist", "export", "--format", "zz", "-o", "out"],
    ["progress"],
    ["map", "--charts"],
]


def tree() -> list[tuple[str, Any]]:
    def walk(command: Any, path: str) -> Any:
        yield path, command
        for name, sub in getattr(command, "commands", {}).items():
            yield from walk(sub, f"{path} {name}".strip())

    return list(walk(typer.main.get_command(app), ""))


def run(*args: str, lang: str = "ru") -> Any:
    env = {"COLUMNS": "80", "NO_COLOR": "1", "COMMKIT_LANG": lang}
    return CliRunner().invoke(app, list(args), env=env, prog_name="commkit")


def test_every_command_and_option_has_a_russian_help_text() -> None:
    missing = []
    for path, command in tree():
        if path not in COMMANDS:
            missing.append(f"commkit {path}".strip())
        for param in command.params:
            if param.name not in PARAMS.get(path, {}) and param.name not in COMMON:
                missing.append(f"commkit {path} {param.opts[0]}".replace("  ", " "))
    assert missing == [], "no Russian help (commkit.i18n.help_ru): " + ", ".join(missing)


def test_the_russian_help_names_no_command_or_option_that_is_gone() -> None:
    commands = dict(tree())
    assert set(COMMANDS) <= set(commands)
    for path, texts in PARAMS.items():
        names = {p.name for p in commands[path].params}
        assert set(texts) <= names, (path, set(texts) - names)


def test_english_and_russian_catalogs_have_the_same_keys_all_used_by_the_command_tree() -> None:
    def keys(catalog: dict[str, dict[str, str]]) -> dict[str, set[str]]:
        return {path: set(texts) for path, texts in catalog.items() if texts}

    assert keys(help_en.PARAMS) == keys(PARAMS)
    assert set(help_en.COMMANDS) == set(COMMANDS) == {path for path, _ in tree()}
    assert set(EXAMPLES) <= set(COMMANDS)
    assert set(help_en.COMMON) == set(COMMON)
    used = {
        (path, p.name)
        for path, command in tree()
        for p in command.get_params(typer.Context(command))
    }
    keys = {(path, name) for path, texts in help_en.PARAMS.items() for name in texts}
    assert keys - used == set(), "catalog keys no option of the command tree has"
    names = {name for _, name in used}
    assert set(help_en.COMMON) <= names


def test_every_command_and_option_shows_its_english_catalog_text() -> None:
    root = typer.main.get_command(app)
    tidy(root)  # what every run does first
    commands = dict(tree_of(root))
    for path, texts in help_en.PARAMS.items():
        shown = {p.name: p.help for p in commands[path].params}
        assert {n: shown[n] for n in texts} == texts, path
    for path, command in commands.items():
        assert command.help == command_help(help_en, path), path


def tree_of(root: Any) -> Any:
    yield "", root
    for name, sub in getattr(root, "commands", {}).items():
        for path, command in tree_of(sub):
            yield f"{name} {path}".strip(), command


def english_words(output: str, commands: set[str]) -> set[str]:
    """Latin words left once examples, options, metavars, paths, values and names are out."""
    text = re.sub(r"-\n\s+", "-", output)  # an id the help wrapped at its hyphen
    found = set()
    for line in text.splitlines():
        s = line.strip()
        if s.startswith(("commkit ", "cat ", "datasette ", "--", "checklists/")):
            continue  # an example line: typed as it is
        s = re.sub(
            r"`[^`]*`|'[^']*'|\S*[/._<>=]\S*|(?<!\w)-{1,2}[\w-]+|\b[A-Z][A-Z0-9_-]+\b", " ", s
        )
        for word in re.findall(r"[A-Za-z][A-Za-z-]*", s):
            if word not in commands | PRODUCTS | VALUES | ROLES and word.rstrip("-") not in VALUES:
                found.add(word)
    return found


def test_russian_help_of_every_command_has_no_english_word(tmp_path: Path) -> None:
    paths = tree()
    commands = {"commkit"} | {word for path, _ in paths for word in path.split()}
    captured = []
    for path, _ in paths:
        result = run(*path.split(), "--help")
        assert result.exit_code == 0, result.output
        assert english_words(result.output, commands) == set(), (path, result.output)
        assert all(len(line) <= 80 for line in result.output.splitlines()), path
        for word in ("Usage", "Options", "Commands", "Arguments", "Show this", "env var",
                     "default:", "Examples"):  # fmt: skip
            assert word not in result.output, (path, word)
        # example lines are commands as typed: marked as code for the phrase counter
        captured.append(re.sub(r"(?m)^(\s+)((?:commkit|cat|datasette|--|checklists/) .*)$",
                               r"\1`\2`", result.output))  # fmt: skip
    also = run("--lang", "ru", "seminars", "export", "--help", lang="")
    assert also.output == run("seminars", "export", "--help").output  # --lang beats no env
    out = tmp_path / "help-ru.txt"
    out.write_text("\n".join(captured), encoding="utf-8")
    check = subprocess.run([sys.executable, str(TOOL), str(out)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout


@pytest.mark.parametrize("args", BAD_RUNS, ids=" ".join)
def test_usage_errors_are_russian(args: list[str], tmp_path: Path) -> None:
    result = run(*args)
    assert result.exit_code == 2, result.output
    said = result.output
    assert "Ошибка: " in said
    for english in ("Usage", "Error", "Try ", "No such", "Invalid value", "Missing",
                    "unexpected", "requires", "Possible", "Did you mean", "Input should",
                    "is not", "choose", "goes with", "give "):  # fmt: skip
        assert english not in said, (english, said)
    english = run(*args, lang="en").output  # the same lines, each in Russian
    assert ("Usage: commkit" in english) == ("Использование: commkit" in said)
    assert ("for help." in english) == ("Справка: commkit" in said)
    assert english.count("\n") == said.count("\n")


@pytest.mark.parametrize("args", [[], ["seminars"]], ids=["commkit", "commkit seminars"])
def test_a_command_without_arguments_shows_its_russian_help(args: list[str]) -> None:
    result = run(*args)
    assert result.output.startswith("Использование: commkit")
    assert "Ошибка" not in result.output and "Команды:" in result.output
    assert result.output.count("Использование") == 1


def test_an_english_run_is_unchanged_after_a_russian_one() -> None:
    assert "Использование" in run("assess", "--help").output
    help_en = run("assess", "--help", lang="en").output
    assert help_en.startswith("Usage: commkit assess [OPTIONS] [FILE...]")
    summary = "Assess a business community with the self-identification checklist."
    for words in ("Options:", "Arguments:", "Show this message and exit.", "[default: .]", summary):
        assert words in help_en
    assert not re.search(r"[А-Яа-яЁё]", help_en)
    error = run("assess", "--bogus", lang="en").output
    assert "Try 'commkit assess -h' for help." in error
    assert "Error: No such option: --bogus (Possible options: --jobs, --out)" in error
    assert not re.search(r"[А-Яа-яЁё]", error)

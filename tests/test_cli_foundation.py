"""The root command: version, help, fast start-up, one error boundary."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from commkit import __version__
from commkit.cli.app import app

HEAVY = (
    "questionary",
    "jinja2",
    "tabulate",
    "markdown_it",
    "icalendar",
    "matplotlib",
    "sqlite_utils",
    "openpyxl",
    "datasette",
)
ROOT = Path(__file__).resolve().parent.parent


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"commkit {__version__}"


def test_help_lists_every_command(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("validate", "schema", "methodology", "content", "assess", "plan"):
        assert command in result.stdout


@pytest.mark.parametrize("argv", [["--help"], ["--version"]])
def test_start_up_imports_no_heavy_module(argv: list[str]) -> None:
    code = (
        "import sys\n"
        f"sys.argv = ['commkit', *{argv!r}]\n"
        "from commkit.cli.app import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print('HEAVY:' + ','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "HEAVY:", done.stdout


def _commands() -> list[list[str]]:
    import typer.main

    root = typer.main.get_command(app)
    paths: list[list[str]] = []

    def walk(cmd: object, prefix: list[str]) -> None:
        subs = getattr(cmd, "commands", None)
        if subs:
            for name, sub in subs.items():
                walk(sub, [*prefix, name])
        else:
            paths.append(prefix)

    walk(root, [])
    return paths


def test_every_command_has_help_text_and_a_readme_entry(runner: CliRunner) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path in _commands():
        result = runner.invoke(app, [*path, "--help"])
        assert result.exit_code == 0, path
        import typer.main

        from commkit.cli.helpstyle import tidy

        cmd = typer.main.get_command(app)
        tidy(cmd)  # the help comes from commkit.i18n.help_en, as in every run
        for part in path:
            cmd = cmd.commands[part]  # type: ignore[attr-defined]
        assert (cmd.help or "").strip(), f"commkit {' '.join(path)} has no help text"
        assert f"commkit {' '.join(path)}" in readme, f"README lacks 'commkit {' '.join(path)}'"


def test_usage_error_exits_2(runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", "--no-such-option"])
    assert result.exit_code == 2


def test_bad_lang_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--lang", "fr", "methodology"])
    assert result.exit_code == 2
    assert "Invalid value for --lang: choose 'en' or 'ru'" in result.output


def test_a_bad_language_from_the_environment_names_the_variable(runner: CliRunner) -> None:
    result = runner.invoke(app, ["methodology"], env={"COMMKIT_LANG": "fr"})
    assert result.exit_code == 2
    assert "Invalid value for COMMKIT_LANG: choose 'en' or 'ru'" in result.output
    given = runner.invoke(app, ["--lang", "ru", "methodology"], env={"COMMKIT_LANG": "fr"})
    assert given.exit_code == 0  # --lang beats the variable, which is then not looked at


def test_missing_content_folder_is_a_clean_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["--content", str(tmp_path / "nope"), "methodology"])
    assert result.exit_code == 1
    assert "does not exist" in result.stderr
    assert "Traceback" not in result.output


def test_validate_json_is_one_document(runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", "--json", str(ROOT / "tests/bad_inputs/empty.yaml")])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["ok"] is False
    assert data["files"][0]["diagnostics"][0]["line"] == 1

"""Every broken file gives its expected file:line and message, exit 1, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from commkit.cli.app import app

BAD = Path(__file__).parent / "bad_inputs"
EXPECTED: dict[str, list[object]] = yaml.safe_load((BAD / "expected.yaml").read_text())
# a third element says which commands read the file (see expected.yaml and
# test_reliability_corpus.py); here: the files `validate` rejects
VALIDATE = [
    name
    for name, entry in EXPECTED.items()
    if len(entry) < 3 or ("validate" in entry[2].get("in", []) and entry[2].get("exit", 1) == 1)  # type: ignore[union-attr]
]


@pytest.mark.parametrize("name", sorted(VALIDATE))
def test_bad_file_is_reported_with_location(name: str, runner: CliRunner) -> None:
    line, fragment = EXPECTED[name][:2]
    result = runner.invoke(app, ["validate", str(BAD / name)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    messages = result.stderr
    assert str(fragment) in messages, messages
    location = f"{name}:{line}" if line is not None else f"{name}: error"
    assert location in messages, messages


def test_every_bad_file_has_an_expectation() -> None:
    files = {p.name for p in BAD.iterdir() if p.name != "expected.yaml"}
    assert files == set(EXPECTED)


def test_all_errors_of_a_file_are_reported_at_once(tmp_path: Path, runner: CliRunner) -> None:
    bad = tmp_path / "c.yaml"
    bad.write_text(
        'kind: community\nversion: "1"\nslug: a\nname: A\nname: B\nformat: carrier-pigeon\n'
        "colour: red\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["validate", str(bad)])
    assert result.exit_code == 1
    for expected in ("c.yaml:5:1", "c.yaml:6:9", "c.yaml:7:1", "unknown key 'colour'"):
        assert expected in result.stderr


def test_error_shows_the_offending_line_with_a_caret(tmp_path: Path, runner: CliRunner) -> None:
    bad = tmp_path / "c.yaml"
    bad.write_text('kind: community\nversion: "1"\nslug: a\nname: A\nformalised: maybe\n')
    lines = runner.invoke(app, ["validate", str(bad)]).stderr.splitlines()
    source = next(i for i, ln in enumerate(lines) if "5 | formalised: maybe" in ln)
    assert lines[source + 1].index("^") == lines[source].index("maybe")


def test_unknown_key_suggests_the_close_one(tmp_path: Path, runner: CliRunner) -> None:
    bad = tmp_path / "c.yaml"
    bad.write_text('kind: community\nversion: "1"\nslug: a\nname: A\nplatfrom: Telegram\n')
    result = runner.invoke(app, ["validate", str(bad)])
    assert "did you mean 'platform'?" in result.stderr


def test_bom_and_crlf_are_read(tmp_path: Path, runner: CliRunner) -> None:
    good = tmp_path / "c.yaml"
    text = 'kind: community\r\nversion: "1"\r\nslug: a\r\nname: Бизнес-клуб\r\n'
    good.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    result = runner.invoke(app, ["validate", str(good)])
    assert result.exit_code == 0, result.output


def test_debug_shows_a_traceback_only_when_asked(tmp_path: Path) -> None:
    import subprocess
    import sys

    bad = tmp_path / "c.yaml"
    bad.write_text("kind: community\n")
    plain = subprocess.run(
        [sys.executable, "-m", "commkit", "validate", str(bad)], capture_output=True, text=True
    )
    assert plain.returncode == 1
    assert "Traceback" not in plain.stderr
    assert "missing 'version:' header" in plain.stderr


TAB_OR_NOT = {
    # a tab where a token should start: libyaml does not name the character
    "tab.yaml": ('kind: community\nversion: "1"\n\tslug: a\n', True),
    # the same problem at another character: nothing about tabs
    "at.yaml": ('kind: community\nversion: "1"\nslug: a\nname: @table\n', False),
    # "unacceptable character" holds the letters "tab"
    "bell.yaml": ('kind: community\nversion: "1"\nslug: a\nname: Tab\x07le club\n', False),
}


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("name", sorted(TAB_OR_NOT))
def test_the_hint_about_tabs_only_when_a_tab_is_the_problem(
    name: str, lang: str, tmp_path: Path, runner: CliRunner
) -> None:
    text, is_tab = TAB_OR_NOT[name]
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["--lang", lang, "validate", str(tmp_path / name)])
    assert result.exit_code == 1
    hint = {"en": "YAML does not allow tabs", "ru": "не табуляцией"}[lang]
    assert (hint in result.stderr) is is_tab, result.stderr
    assert ("таб" in result.stderr) is (lang == "ru" and is_tab), result.stderr


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "error: invalid YAML: control character #x0007 is not allowed: delete it"),
        ("ru", "ошибка: ошибка в YAML: управляющий символ #x0007 в YAML не допускается"),
    ],
)
def test_a_control_character_is_named_at_its_line_and_column(
    lang: str, message: str, tmp_path: Path, runner: CliRunner
) -> None:
    bad = tmp_path / "c.yaml"
    bad.write_text('kind: community\nversion: "1"\nslug: a\nname: Клуб\x07\n', encoding="utf-8")
    result = runner.invoke(app, ["--lang", lang, "validate", str(bad)])
    assert result.exit_code == 1
    assert f"c.yaml:4:11: {message}" in result.stderr, result.stderr
    assert "position" not in result.stderr

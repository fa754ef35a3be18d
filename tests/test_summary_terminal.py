"""The real `commkit assess` in a pseudo-terminal: its final screen (colours, width from the
terminal's size) is written without importing rich's console, byte for byte as rich writes
it there."""

from __future__ import annotations

import ast
import os
import sys
from pathlib import Path

import pexpect
import pytest

ROOT = Path(__file__).resolve().parents[1]
ANSWERS = ROOT / "examples" / "perm-krai" / "answers"
COMMKIT = Path(sys.executable).parent / "commkit"
ENV = {
    **{
        k: v
        for k, v in os.environ.items()
        if k not in ("NO_COLOR", "COLUMNS", "LINES", "FORCE_COLOR", "TTY_COMPATIBLE")
    },
    "TERM": "xterm-256color",
}
# the same command, its screen forced through rich's console
THROUGH_RICH = (
    "import sys\n"
    "import commkit.cli.plain_layout as layout\n"
    "def refuse(*args, **kwargs):\n"
    "    raise layout.NeedsRich('test')\n"
    "layout.screen_of = refuse\n"
    "sys.argv[0] = 'commkit'\n"
    "from commkit.cli.app import main\n"
    "main()\n"
)


def screen(args: list[str], columns: int, env: dict[str, str], cwd: Path) -> str:
    child = pexpect.spawn(
        args[0], args[1:], cwd=str(cwd), env=env, encoding="utf-8", timeout=60,
        dimensions=(40, columns),
    )  # fmt: skip
    shown = child.read()
    child.close()
    assert child.exitstatus == 0, shown
    return str(shown)


@pytest.mark.parametrize(
    ("answers", "lang", "columns", "extra"),
    [
        ("business-mentor.yaml", "en", 100, {}),
        ("business-mentor.yaml", "ru", 72, {"NO_COLOR": "1"}),
        ("franchising-world.yaml", "en", 61, {}),
    ],
)
def test_assess_in_a_terminal_shows_what_rich_shows(
    tmp_path: Path, answers: str, lang: str, columns: int, extra: dict[str, str]
) -> None:
    env = {**ENV, **extra}
    args = ["--lang", lang, "assess", "--answers", str(ANSWERS / answers), "--force"]
    ours = screen([str(COMMKIT), *args, "--out", "plain"], columns, env, tmp_path)
    rich = screen(
        [sys.executable, "-c", THROUGH_RICH, *args, "--out", "plain"], columns, env, tmp_path
    )
    assert ours == rich
    assert "┏━" in ours
    assert ("\x1b[32m" in ours or "\x1b[33m" in ours) is ("NO_COLOR" not in extra)
    assert "\x1b[1m" in ours


def test_assess_in_a_terminal_does_not_import_rich_console(tmp_path: Path) -> None:
    seen = tmp_path / "modules.txt"
    code = (
        "import sys\n"
        "from commkit.cli.app import main\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
        f"open({str(seen)!r}, 'w').write(repr(sorted(m for m in sys.modules"
        " if m.startswith('rich'))))\n"
    )
    args = ["assess", "--answers", str(ANSWERS / "business-mentor.yaml"), "--out", "out"]
    shown = screen([sys.executable, "-c", code, *args], 100, ENV, tmp_path)
    assert "\x1b[3mSelf-identification" in shown  # the title in italics: a terminal
    loaded = set(ast.literal_eval(seen.read_text()))
    assert "rich.cells" in loaded
    assert not loaded & {"rich.console", "rich.table", "rich.text", "rich.markup"}


def raters(folder: Path) -> list[str]:
    import yaml

    files = []
    for name, goal in (("Anna", 1), ("Boris", 4), ("Vera", 2)):
        data = yaml.safe_load((ANSWERS / "business-mentor.yaml").read_text(encoding="utf-8"))
        data["rater"] = {"name": name, "role": "core team"}
        data["answers"]["purpose.common-goal"] = goal
        path = folder / f"{name.lower()}.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        files.append(str(path))
    return files


@pytest.mark.parametrize("where", ["terminal", "pipe --json"])
def test_assess_team_shows_what_rich_shows(tmp_path: Path, where: str) -> None:
    import subprocess

    args = ["--lang", "ru", "assess", "--team", "--answers", *raters(tmp_path), "--force"]
    args += ["--out", "out", *(["--json"] if "--json" in where else [])]
    ours_args = [str(COMMKIT), *args]
    rich_args = [sys.executable, "-c", THROUGH_RICH, *args]
    if where == "terminal":
        ours, rich = (screen(a, 90, ENV, tmp_path) for a in (ours_args, rich_args))
    else:
        done = [
            subprocess.run(a, cwd=tmp_path, env=ENV, capture_output=True, text=True, check=True)
            for a in (ours_args, rich_args)
        ]
        ours, rich = (f"{d.stderr}\n--- stdout\n{d.stdout}" for d in done)
    assert ours == rich
    assert "┏━" in ours and "от 91,1 до 92,6" in ours


@pytest.mark.parametrize("command", ["validate", "plan"])
def test_validate_and_plan_in_a_terminal_show_what_rich_shows(tmp_path: Path, command: str) -> None:
    import subprocess

    if command == "validate":
        args = ["--lang", "ru", "validate", str(ROOT / "examples" / "perm-krai")]
    else:
        out = tmp_path / "a"
        assess = ["assess", "--answers", str(ANSWERS / "business-mentor.yaml"), "--out", str(out)]
        subprocess.run([str(COMMKIT), *assess], env=ENV, capture_output=True, check=True)
        (assessment,) = out.glob("*.yaml")
        args = ["plan", "-a", str(assessment), "--out", "out", "--force"]
    ours = screen([str(COMMKIT), *args], 64, ENV, tmp_path)
    rich = screen([sys.executable, "-c", THROUGH_RICH, *args], 64, ENV, tmp_path)
    assert ours == rich
    assert ("\x1b[32m" in ours) is (command == "validate")  # "ok" in green: a terminal
    assert command == "validate" or max(len(line) for line in ours.splitlines()) <= 64

"""``seminars show`` is written without rich's console, on a pipe and in terminals, byte for
byte as rich draws it (the panel, the grids, the agenda's expanding table); what it does not
copy goes to rich."""

from __future__ import annotations

import ast
import io
import subprocess
import sys
from pathlib import Path
from typing import Any

import pexpect
import pytest

from commkit import api
from commkit.cli import seminars
from commkit.cli.console import WordWrapConsole
from commkit.cli.plain_layout import NeedsRich, Screen
from commkit.cli.seminar_screen import seminar_lines

SEMINARS = [*(str(n) for n in range(1, 10)), "meetup"]
OTHER_WIDTHS = (50, 64, 100, 200, 57)
# rich's console in each kind of screen: terminal, colour system, NO_COLOR
KINDS = {
    "pipe": (False, None, False),
    "standard": (True, "standard", False),
    "truecolor": (True, "truecolor", False),
    "no_color": (True, "standard", True),
    "dumb": (True, None, False),
}


def through_rich(view: dict[str, Any], width: int, kind: str, monkeypatch: Any) -> str:
    terminal, colours, no_color = KINDS[kind]
    buffer = io.StringIO()
    console = WordWrapConsole(
        file=buffer, width=width, force_terminal=terminal, no_color=no_color,
        color_system=colours, highlight=False, emoji=False,  # type: ignore[arg-type]
    )  # fmt: skip
    monkeypatch.setattr("commkit.cli.output.out", lambda: console)
    seminars._print_seminar_with_rich(view)
    return buffer.getvalue()


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_seminar_shows_as_rich_shows_it(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    laid_out = 0
    for number, seminar in enumerate(SEMINARS):
        view = api.seminar_view(seminar, content=None, lang=lang)
        # 80 columns for every seminar, and one other width each, in turn (every width is seen)
        for width in (80, OTHER_WIDTHS[number % len(OTHER_WIDTHS)]):
            for kind, (terminal, colours, no_color) in KINDS.items():
                screen = Screen(width, terminal, colours is not None, no_color)
                try:
                    ours = "".join(line + "\n" for line in seminar_lines(view, screen))
                except NeedsRich:
                    continue
                laid_out += 1
                assert ours == through_rich(view, width, kind, monkeypatch), (seminar, width, kind)
    assert laid_out >= len(SEMINARS) * len(KINDS)  # at 80 columns: all of them


ROOT = Path(__file__).resolve().parents[1]
COMMKIT = Path(sys.executable).parent / "commkit"
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


def test_seminars_show_in_a_terminal_shows_what_rich_shows(tmp_path: Path) -> None:
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS", "LINES")}
    env["TERM"] = "xterm-256color"
    shown = []
    for args in (
        [str(COMMKIT), "--lang", "ru", "seminars", "show", "3"],
        [sys.executable, "-c", THROUGH_RICH, "--lang", "ru", "seminars", "show", "3"],
    ):
        child = pexpect.spawn(
            args[0], args[1:], cwd=str(tmp_path), env=env, encoding="utf-8", timeout=60,
            dimensions=(40, 90),
        )  # fmt: skip
        shown.append(child.read())
        child.close()
        assert child.exitstatus == 0, shown[-1]
    assert shown[0] == shown[1]
    assert "\x1b[36m╭─" in shown[0]  # the panel in cyan: a terminal


def test_seminars_show_does_not_import_rich_console(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "sys.argv = ['commkit', 'seminars', 'show', '1']\n"
        "from commkit.cli.app import main\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
        "print(sorted(m for m in sys.modules if m.startswith('rich')), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    loaded = set(ast.literal_eval(done.stderr.strip().splitlines()[-1]))
    assert not loaded & {"rich.console", "rich.table", "rich.panel", "rich.text"}
    assert done.stdout.startswith("╭─ seminar-1 ─")

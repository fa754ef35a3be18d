"""Lines a terminal shows: a count stays on one line with its noun, and a no-break space
does not break (rich alone breaks at both)."""

from __future__ import annotations

import io
import itertools

import pytest
from typer.testing import CliRunner

from commkit.cli.app import app
from commkit.cli.console import WordWrapConsole
from commkit.cli.output import wrap_lines

WARNED = "examples/perm-krai/assessments/business-mentor/2020-06-15.yaml"


def split_counts(output: str) -> list[tuple[str, str]]:
    """Pairs of lines where one ends with a number and the next starts with a word."""
    lines = output.splitlines()
    return [
        (a, b)
        for a, b in itertools.pairwise(lines)
        if a.rstrip()[-1:].isdigit() and b[:1].isalpha()
    ]


@pytest.mark.parametrize(
    ("lang", "width", "count"),
    [("ru", 85, "1 предупреждение"), ("ru", 44, "0 ошибок"), ("en", 85, "1 warning")],
)
def test_validate_in_a_terminal_keeps_each_count_with_its_noun(
    runner: CliRunner, repo_root: object, lang: str, width: int, count: str
) -> None:
    # at these widths the line used to end with the number and the noun began the next one
    result = runner.invoke(
        app, ["--lang", lang, "validate", WARNED],
        env={"TTY_COMPATIBLE": "1", "COLUMNS": str(width), "NO_COLOR": "1"},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert split_counts(result.output) == []
    assert any(line.strip().endswith(count) for line in result.output.splitlines())
    assert max(len(line) for line in result.output.splitlines()) <= width


def terminal(width: int) -> tuple[WordWrapConsole, io.StringIO]:
    buffer = io.StringIO()
    console = WordWrapConsole(file=buffer, width=width, force_terminal=True, color_system=None)
    return console, buffer


def test_no_break_spaces_hold_in_a_terminal() -> None:
    console, buffer = terminal(20)
    console.print("Итого: 12\u202f500\u00a0ответов", markup=False)
    console.print("12 500 answers in all", markup=False)
    assert [line.rstrip() for line in buffer.getvalue().splitlines()] == [
        "Итого:",
        "12\u202f500\u00a0ответов",
        "12 500 answers in",
        "all",
    ]


def test_wrapped_messages_keep_each_count_with_its_noun() -> None:
    console, _ = terminal(40)
    said = "Прервано. Черновик сохранён, в нём 12 ответов, и его можно продолжить."
    lines = wrap_lines(console, said, rest="").splitlines()
    assert lines[1].startswith("12 ответов"), lines
    assert " ".join(lines) == said


def test_a_figures_working_stays_on_one_line() -> None:
    console, _ = terminal(80)
    said = (
        "Какую экономическую пользу участники реально получили через сообщество за "
        "последние 12 месяцев: Найденные поставщики, подрядчики или партнёры → 0,200 × вес 1"
    )
    lines = wrap_lines(console, said, "  ", "    ").splitlines()
    assert lines[-1].strip() == "→ 0,200 × вес 1" or lines[-1].endswith("→ 0,200 × вес 1")
    assert not any(line.rstrip().endswith(("→", "×", "0,200")) for line in lines), lines


class Screen(io.StringIO):
    """stdout as a test sees it: a terminal or a pipe."""

    def __init__(self, terminal: bool) -> None:
        super().__init__()
        self.terminal = terminal

    def isatty(self) -> bool:
        return self.terminal


LINES: list[tuple[tuple[str | tuple[str, str], ...], bool]] = [
    ((("ok  ", "green"), " methodology/seminars/meetup.yaml (seminar)"), True),
    ((("ОШИБКА", "red"), " плохой/пакет.yaml (roadmap): 2 ошибки, 1 предупреждение"), True),
    (("x.yaml:3:1: error: a [red]literal[/] tag and an \x1b[1m escape",), True),
    (("f.yaml:12:5: error: id: unknown\n    12 | id: x  \n           ^",), True),
    (("f.yaml:1:1: error: a tab\n    1 | key:\tvalue",), True),
    (("a carriage\rreturn and a bell\x07",), True),
    ((" ".join(["слово"] * 60) + "  ",), True),
    (("",), True),
    ((("14 files checked, 1 failed, 2 errors", "red"),), False),
    ((" ".join(["files"] * 40),), False),
]


@pytest.mark.parametrize("terminal", [False, True])
@pytest.mark.parametrize(("parts", "soft_wrap"), LINES)
def test_lines_print_the_bytes_rich_prints(
    parts: tuple[str | tuple[str, str], ...],
    soft_wrap: bool,
    terminal: bool,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """On a pipe a plain line is written without rich, in a terminal rich colours and wraps
    it: either way the bytes of rich printing the same text as markup (as commands did)."""
    from rich.markup import escape

    from commkit.cli.output import Lines

    for name in ("TTY_COMPATIBLE", "FORCE_COLOR", "NO_COLOR", "TTY_INTERACTIVE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "50")
    monkeypatch.setenv("TERM", "xterm-256color")
    markup = "".join(
        escape(p) if isinstance(p, str) else f"[{p[1]}]{escape(p[0])}[/]" for p in parts
    )
    expected = Screen(terminal)
    WordWrapConsole(file=expected, highlight=False, emoji=False).print(
        markup, soft_wrap=soft_wrap, highlight=False
    )
    screen = Screen(terminal)
    monkeypatch.setattr("sys.stdout", screen)
    Lines().print(*parts, soft_wrap=soft_wrap)
    assert screen.getvalue() == expected.getvalue()
    assert ("\x1b[3" in screen.getvalue()) == (
        terminal and any(isinstance(p, tuple) for p in parts)
    )


@pytest.mark.parametrize(
    ("env", "terminal"),
    [({}, False), ({"FORCE_COLOR": "1"}, True), ({"TTY_COMPATIBLE": "1"}, True),
     ({"TTY_COMPATIBLE": "0", "FORCE_COLOR": "1"}, False), ({"FORCE_COLOR": ""}, False)],
)  # fmt: skip
def test_lines_see_a_terminal_where_rich_does(
    env: dict[str, str], terminal: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    from commkit.cli.output import Lines

    for name in ("TTY_COMPATIBLE", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr("sys.stdout", Screen(False))
    lines = Lines()
    assert lines.is_terminal is terminal
    assert WordWrapConsole().is_terminal is terminal

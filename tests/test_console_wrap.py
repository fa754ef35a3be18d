"""Lines a terminal shows: a count stays on one line with its noun, and a no-break space
does not break (rich alone breaks at both)."""

from __future__ import annotations

import io
import itertools

import pytest
from typer.testing import CliRunner

from commkit.cli.app import app
from commkit.cli.output import WordWrapConsole, wrap_lines

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

"""The final screen of ``assess`` is written without rich's console, on a pipe and in a
terminal (its colours, NO_COLOR, a dumb terminal), and it is byte for byte what rich prints
there."""

from __future__ import annotations

import ast
import io
import random
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

from commkit import api
from commkit.api.assess import AssessmentSummary, DimensionRow
from commkit.cli.console import WordWrapConsole
from commkit.cli.plain_layout import NeedsRich, Screen
from commkit.cli.summary import _print_rich, plain_summary, summary_lines
from commkit.i18n import section
from commkit.model.pack import load_pack

ROOT = Path(__file__).resolve().parents[1]
ANSWERS = sorted((ROOT / "examples" / "perm-krai" / "answers").glob("*.yaml"))
WRITTEN = {"markdown": "out/club-assessment-2020-10-15.md", "yaml": "out/club.yaml"}


def rich_prints(view: AssessmentSummary, written: dict[str, str], lang: str, width: int) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, highlight=False, emoji=False)
    assert not console.is_terminal
    _print_rich(console, view, written, section("wizard", lang))
    return buffer.getvalue()


def plain(view: AssessmentSummary, written: dict[str, str], lang: str, width: int) -> str | None:
    try:
        lines = plain_summary(view, written, section("wizard", lang), width)
    except NeedsRich:
        return None
    return "".join(line + "\n" for line in lines)


# A terminal as rich's console sees it: its colour system (None: a dumb terminal), NO_COLOR
TERMINALS = {
    "standard": ("standard", False),
    "256": ("256", False),
    "truecolor": ("truecolor", False),
    "no_color": ("standard", True),
    "dumb": (None, False),
}


def rich_in_a_terminal(
    view: AssessmentSummary, written: dict[str, str], lang: str, width: int, terminal: str
) -> str:
    colours, no_color = TERMINALS[terminal]
    buffer = io.StringIO()
    console = WordWrapConsole(
        file=buffer,
        width=width,
        force_terminal=True,
        color_system=colours,  # type: ignore[arg-type]
        no_color=no_color,
        highlight=False,
        emoji=False,
    )
    _print_rich(console, view, written, section("wizard", lang))
    return buffer.getvalue()


def ours_in_a_terminal(
    view: AssessmentSummary, written: dict[str, str], lang: str, width: int, terminal: str
) -> str | None:
    colours, no_color = TERMINALS[terminal]
    screen = Screen(width, terminal=True, colour=colours is not None, no_color=no_color)
    try:
        lines = summary_lines(view, written, section("wizard", lang), screen)
    except NeedsRich:
        return None
    return "".join(line + "\n" for line in lines)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_examples_print_as_rich_prints_them(lang: str) -> None:
    pack = load_pack(None)
    laid_out = 0
    for path in ANSWERS:
        assessment = api.assess(str(path), pack=pack)
        view = api.assessment_summary(assessment, pack=pack, lang=lang)
        for width in (30, 50, 64, 72, 80, 81, 100, 200):
            ours = plain(view, WRITTEN, lang, width)
            if ours is not None:
                laid_out += 1
                assert ours == rich_prints(view, WRITTEN, lang, width), (path, width)
    assert laid_out >= len(ANSWERS) * 4  # rich is needed only where the table is too wide


@pytest.mark.parametrize("terminal", sorted(TERMINALS))
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_examples_show_in_a_terminal_as_rich_shows_them(lang: str, terminal: str) -> None:
    pack = load_pack(None)
    written = {
        **WRITTEN,
        "draft_removed": "drafts/club draft 2020-10-15 12-00 whose name is long.yaml",
    }
    laid_out = 0
    for path in ANSWERS:
        assessment = api.assess(str(path), pack=pack)
        view = api.assessment_summary(assessment, pack=pack, lang=lang)
        for width in (30, 50, 64, 72, 80, 81, 100, 200):
            ours = ours_in_a_terminal(view, written, lang, width, terminal)
            if ours is not None:
                laid_out += 1
                assert ours == rich_in_a_terminal(view, written, lang, width, terminal), (
                    path,
                    width,
                )
                assert ("\x1b[" in ours) is (terminal != "dumb")
    assert laid_out >= len(ANSWERS) * 4


# Characters rich may count or break differently: Cyrillic, no-break and other spaces, wide
# and combining characters, emoji, a bar's blocks; now and then a tab or a control character
# (rich's layout, which the plain one must then leave to rich).
ALPHABET = (
    "abcdefghij klmnopqrst ABC 0123456789 .,;:-()«»—–•█░ " * 3
    + "Участникиобщества ёЁ"
    + "\u00a0\u202f\u2009\u3000 中文字かな \u0301\u0308 😀🎉 \u200b"
)
RARE = "\t\x07\x1b\r"


def random_text(rnd: random.Random, longest: int) -> str:
    words = []
    for _ in range(rnd.randint(1, longest)):
        size = rnd.choice([1, 2, 4, 8, 12, 20]) if rnd.random() > 0.02 else 90
        words.append("".join(rnd.choice(ALPHABET) for _ in range(size)))
    text = " ".join(words)
    if rnd.random() < 0.03:
        text += rnd.choice(RARE)
    return text


def random_summary(rnd: random.Random) -> AssessmentSummary:
    def line() -> str:
        return random_text(rnd, 16)

    def short() -> str:
        return random_text(rnd, 2)

    rows = [
        DimensionRow(
            short(),
            rnd.choice(["—", "0.0", "100.0", "45,5"]),
            "█" * (n := rnd.randint(0, 20)) + "░" * (20 - n),
            rnd.choice(["0/5", "12/12"]),
            rnd.choice(["none", "strength", "gap", "other"]),
        )
        for _ in range(rnd.randint(1, 6))
    ]
    return AssessmentSummary(
        name=short(),
        dimensions=rows,
        overall=rnd.choice(["—", "12.5"]),
        overall_bar="█" * 5 + "░" * 15,
        stage=short(),
        meaning=rnd.choice([None, line()]),
        focus=rnd.choice([None, line()]),
        next_stage=rnd.choice([None, (short(), rnd.choice(["40", "72.5"]))]),
        held_back=[line() for _ in range(rnd.randint(0, 2))],
        gaps=[line() for _ in range(rnd.randint(0, 3))],
        open_questions=rnd.randint(0, 3),
    )


def test_any_summary_prints_as_rich_prints_it_or_goes_through_rich() -> None:
    rnd = random.Random(19)
    laid_out = 0
    for n in range(250):
        view = random_summary(rnd)
        lang = rnd.choice(["en", "ru"])
        width = rnd.randint(24, 160)
        written = {"markdown": random_text(rnd, 6)}
        if rnd.random() < 0.3:
            written["draft_removed"] = random_text(rnd, 6)
        ours = plain(view, written, lang, width)
        if ours is not None:
            laid_out += 1
            assert ours == rich_prints(view, written, lang, width), (n, view, width)
    assert laid_out >= 90, laid_out  # many are laid out without rich, so compared


def test_any_summary_shows_in_a_terminal_as_rich_shows_it_or_goes_through_rich() -> None:
    rnd = random.Random(8)
    laid_out = 0
    for n in range(250):
        view = random_summary(rnd)
        lang = rnd.choice(["en", "ru"])
        width = rnd.randint(24, 160)
        terminal = rnd.choice(sorted(TERMINALS))
        written = {"markdown": random_text(rnd, 6)}
        if rnd.random() < 0.3:
            written["draft_removed"] = random_text(rnd, 6)
        ours = ours_in_a_terminal(view, written, lang, width, terminal)
        if ours is not None:
            laid_out += 1
            expected = rich_in_a_terminal(view, written, lang, width, terminal)
            assert ours == expected, (n, view, width, terminal)
    assert laid_out >= 75, laid_out


def test_assess_on_a_pipe_does_not_import_rich_console(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        f"sys.argv = ['commkit', 'assess', '--answers', {str(ANSWERS[0])!r},"
        f" '--out', {str(tmp_path)!r}]\n"
        "from commkit.cli.app import main\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
        "print(sorted(m for m in sys.modules if m.startswith('rich')), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    loaded = set(ast.literal_eval(done.stderr.strip().splitlines()[-1]))
    assert "rich.cells" in loaded  # rich's own measure of a character's width
    assert not loaded & {"rich.console", "rich.table", "rich.text", "rich.markup"}
    assert done.stdout.splitlines()[1].startswith("┏━")


class Stream(io.StringIO):
    def __init__(self, tty: bool, encoding: str = "utf-8") -> None:
        super().__init__()
        self.tty = tty
        self._encoding = encoding

    def isatty(self) -> bool:
        return self.tty

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding


ENVS = [
    {},
    {"COLUMNS": "57"},
    {"COLUMNS": "57", "TERM": "dumb"},
    {"COLUMNS": "57", "LINES": "20", "TERM": "dumb"},
    {"TERM": "unknown", "NO_COLOR": "1"},
    {"TERM": "xterm-256color", "NO_COLOR": ""},
    {"COLORTERM": "truecolor", "COLUMNS": "x"},
    {"FORCE_COLOR": "1", "COLUMNS": "120"},
    {"FORCE_COLOR": ""},
    {"TTY_COMPATIBLE": "0", "TERM": "xterm-kitty"},
    {"TTY_COMPATIBLE": "1", "NO_COLOR": "yes"},
]


@pytest.mark.parametrize("tty", [False, True])
@pytest.mark.parametrize("env", ENVS)
def test_the_screen_is_what_rich_sees(
    env: dict[str, str], tty: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    from commkit.cli.output import seen_as_terminal
    from commkit.cli.plain_layout import screen_of

    for name in ("COLUMNS", "LINES", "TERM", "COLORTERM", "NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for name in ("TTY_COMPATIBLE", "TTY_INTERACTIVE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    stream = Stream(tty)
    console = Console(file=stream)
    screen = screen_of(stream, seen_as_terminal(stream))
    assert screen.terminal is console.is_terminal
    assert screen.width == console.width
    assert screen.colour is (console.color_system is not None)
    assert screen.no_color is console.no_color


def test_an_encoding_other_than_utf8_goes_to_rich() -> None:
    from commkit.cli.plain_layout import screen_of

    with pytest.raises(NeedsRich):
        screen_of(Stream(False, "latin-1"), False)
    assert screen_of(Stream(True, "UTF-8"), True).terminal


@pytest.mark.parametrize("colours", ["standard", "256", "truecolor"])
def test_styles_are_written_with_richs_codes(colours: str) -> None:
    from rich.style import Style

    from commkit.cli.plain_layout import paint

    names = ["bold", "italic", "dim", "bold cyan", "bold yellow", "red", "green", "yellow"]
    for style in [*names, "bright_black", "bold italic bright_white", "underline blue"]:
        for no_color in (False, True):
            buffer = io.StringIO()
            console = Console(
                file=buffer, force_terminal=True, color_system=colours,  # type: ignore[arg-type]
                no_color=no_color,
            )  # fmt: skip
            console.print("ab c", style=Style.parse(style), end="")
            screen = Screen(80, terminal=True, colour=True, no_color=no_color)
            assert paint("ab c", style, screen) == buffer.getvalue(), (style, no_color)


STYLES = ["", "bold", "red", "green", "bold cyan", "bold yellow", "italic", "dim"]


def test_any_line_prints_as_rich_prints_it_or_goes_through_rich(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``Lines.print`` (validate, plan, the team's last lines) against rich's console printing
    the same parts, on a pipe and in terminals: random text with styles and line breaks."""
    from rich.text import Text

    from commkit.cli.output import Lines

    for name in ("TTY_COMPATIBLE", "FORCE_COLOR", "NO_COLOR", "TTY_INTERACTIVE", "LINES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    rnd = random.Random(80)
    laid_out = 0
    for n in range(300):
        parts: list[str | tuple[str, str]] = []
        for _ in range(rnd.randint(1, 4)):
            text = random_text(rnd, 8)
            if rnd.random() < 0.3:
                text = text.replace(" ", "\n", rnd.randint(1, 2))
            style = rnd.choice(STYLES)
            parts.append((text, style) if style else text)
        width = rnd.randint(20, 120)
        soft_wrap = rnd.random() < 0.5
        tty = rnd.random() < 0.7
        no_color = tty and rnd.random() < 0.2
        monkeypatch.setenv("COLUMNS", str(width))
        if no_color:
            monkeypatch.setenv("NO_COLOR", "1")
        else:
            monkeypatch.delenv("NO_COLOR", raising=False)
        expected = Stream(tty)
        WordWrapConsole(file=expected, highlight=False, emoji=False).print(
            Text.assemble(*parts), soft_wrap=soft_wrap, highlight=False
        )
        lines = Lines()
        shown = Stream(tty)
        monkeypatch.setattr("sys.stdout", shown)
        try:
            lines.screen()
        except NeedsRich:
            continue
        lines.print(*parts, soft_wrap=soft_wrap)
        laid_out += lines._console is None
        assert shown.getvalue() == expected.getvalue(), (n, parts, width, soft_wrap, tty)
    assert laid_out >= 200, laid_out  # the others: a tab or control character, a wide space

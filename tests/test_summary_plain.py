"""The final screen of ``assess`` on a pipe is written without rich's console, and it is
byte for byte what rich prints there."""

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
from commkit.cli.plain_layout import NeedsRich
from commkit.cli.summary import _print_rich, plain_summary
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

"""The final screen of ``assess`` on a pipe is written without rich's console, and it is
byte for byte what rich prints there."""

from __future__ import annotations

import ast
import io
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
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


words = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=0, max_size=30
) | st.sampled_from(["Участники", "a", "  ", "x" * 90, "Self-organisation", "中文字", "é\u0301"])
lines = st.lists(words, min_size=1, max_size=12).map(" ".join)
rows = st.builds(
    DimensionRow,
    title=lines,
    score=st.sampled_from(["—", "0.0", "100.0", "45,5"]),
    bar=st.integers(0, 20).map(lambda n: "█" * n + "░" * (20 - n)),
    answered=st.sampled_from(["0/5", "12/12"]),
    tone=st.sampled_from(["none", "strength", "gap", "other"]),
)
views = st.builds(
    AssessmentSummary,
    name=lines,
    dimensions=st.lists(rows, min_size=1, max_size=6),
    overall=st.sampled_from(["—", "12.5"]),
    overall_bar=st.just("█" * 5 + "░" * 15),
    stage=lines,
    meaning=st.none() | lines,
    focus=st.none() | lines,
    next_stage=st.none() | st.tuples(lines, st.sampled_from(["40", "72.5"])),
    held_back=st.lists(lines, max_size=3),
    gaps=st.lists(lines, max_size=3),
    open_questions=st.integers(0, 3),
)


@settings(max_examples=300, deadline=None)
@given(
    view=views,
    lang=st.sampled_from(["en", "ru"]),
    width=st.integers(20, 160),
    written=st.fixed_dictionaries({"markdown": lines}, optional={"draft_removed": lines}),
)
def test_any_summary_prints_as_rich_prints_it_or_goes_through_rich(
    view: AssessmentSummary, lang: str, width: int, written: dict[str, str]
) -> None:
    ours = plain(view, written, lang, width)
    if ours is not None:
        assert ours == rich_prints(view, written, lang, width)


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

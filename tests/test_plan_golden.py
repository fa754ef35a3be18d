"""Golden roadmap for a Perm Krai example community (FashionTechPerm), reviewed by eye.

The plan is made with the default content pack from examples/perm-krai/answers, starting on
2020-11-02 with the Russian holidays of that winter. When the content or the report changes
on purpose, refresh the files and review the diff before committing:

    COMMKIT_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_plan_golden.py
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from commkit.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
ANSWERS = ROOT / "examples" / "perm-krai" / "answers" / "fashiontechperm.yaml"
HOLIDAYS = Path(__file__).resolve().parent / "fixtures" / "plan" / "ru-holidays-2020.txt"
GOLDEN = Path(__file__).resolve().parent / "golden"


def _plan(tmp_path: Path, lang: str, *extra: str) -> tuple[str, Path]:
    out = tmp_path / lang
    result = CliRunner().invoke(
        app,
        ["--lang", lang, "plan", "-a", str(ANSWERS), "--start", "2020-11-02", "--holidays",
         str(HOLIDAYS), "--out", str(out), *extra],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return result.output, out / "fashiontechperm-plan-2020-11-02.md"


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_golden_perm_krai_plan(tmp_path: Path, lang: str) -> None:
    _, path = _plan(tmp_path, lang)
    text = path.read_text(encoding="utf-8")
    golden = GOLDEN / f"plan-fashiontechperm-{lang}.md"
    if os.environ.get("COMMKIT_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), (
        f"{golden.name} differs: review, then refresh with COMMKIT_UPDATE_GOLDEN=1"
    )


def test_perm_krai_plan_reads_well(tmp_path: Path) -> None:
    """What a leader checks by eye, made explicit: it renders, holidays are free, the Gantt
    chart and the tables agree, every action says why it is there."""
    from markdown_it import MarkdownIt

    _, path = _plan(tmp_path, "en", "--json")
    assert not path.exists()  # --json writes no Markdown
    _, path = _plan(tmp_path, "en")
    text = path.read_text(encoding="utf-8")
    html = MarkdownIt("commonmark").enable("table").render(text)
    assert "<h1>Roadmap: FashionTechPerm</h1>" in html
    assert html.count("<table>") >= 5
    holidays = {date(2020, 11, 4), date(2021, 1, 4), date(2021, 2, 22), date(2021, 3, 8)}
    rows = re.findall(
        r"^\| (\d{4}-\d{2}-\d{2})(?: – (\d{4}-\d{2}-\d{2}))? \| [^|]+ \|.*\| ([^|]+) \|$",
        text,
        re.M,
    )
    assert len(rows) >= 20
    for start, end, why in rows:
        for day in (start, end or start):
            assert date.fromisoformat(day) not in holidays
            assert date.fromisoformat(day).weekday() < 5
        assert why.strip()
    own, _, regional = text.partition("## What the region does for you")
    assert regional, "the community plan lists what the region does for it"
    tasks = re.findall(r"^    .+ :([a-z0-9-]+), (\S+), (\S+)$", text, re.M)
    month_rows = re.findall(r"^\| \d{4}-\d{2}-\d{2}.*\|$", own.split("## Timeline")[1], re.M)
    assert len(tasks) == len(month_rows)  # the chart shows the community's own actions
    for seminar in ("Seminar 1", "Seminar 8", "MeetUp"):
        assert f"| {seminar} | " in text

"""The Mermaid charts commkit writes, drawn by mermaid-cli at GitHub's width and read in Chromium.

The plan's gantt keeps every label inside the chart at 900 px, in both languages, and names
with Mermaid's and HTML's special characters show exactly as written in the gantt and the map.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from commkit import api
from test_mermaid import hostile_workspace, mermaid_blocks

pytestmark = pytest.mark.render

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "perm-krai"
GITHUB_WIDTH = 900
HOSTILE = 'A&B #1; <b>x</b> | "q" `c`'

# Every text of the chart against the drawn chart's box, in CSS pixels.
TEXTS = r"""
() => {
  const svg = document.querySelector('svg');
  const box = svg.getBoundingClientRect();
  return {
    width: box.width,
    texts: [...svg.querySelectorAll('text, foreignObject p')].map(t => {
      const r = t.getBoundingClientRect();
      return {text: t.textContent, left: r.left - box.left, right: r.right - box.left,
              width: r.width};
    }).filter(t => t.text.trim() !== ''),
    blank_nodes: [...svg.querySelectorAll('g.node')].filter(n => !n.textContent.trim()).length,
  };
}
"""


ANSWERS = sorted((EXAMPLE / "answers").glob("*.yaml"))


def _plan_markdown(
    name: str | None, lang: str, weeks: int = 26, answers_file: Path = ANSWERS[0]
) -> str:
    answers = api.load_answers(answers_file)
    if name is not None:
        community = answers.community.model_copy(update={"name": name})
        answers = answers.model_copy(update={"community": community})
    plan = api.plan(api.assess(answers), date(2026, 2, 2), weeks=weeks)
    return api.render_plan_markdown(plan, lang)


@pytest.fixture(scope="module")
def charts(tmp_path_factory: pytest.TempPathFactory, mmdc) -> dict[str, Path]:
    """Every chart drawn by one mmdc run: ``{name: svg}``."""
    tmp = tmp_path_factory.mktemp("charts")
    names, blocks = [], []
    for lang in ("en", "ru"):
        for answers in ANSWERS:
            names.append(f"gantt-{lang}-{answers.stem}")
            blocks += mermaid_blocks(_plan_markdown(None, lang, answers_file=answers))
    names.append("gantt-hostile")
    blocks += mermaid_blocks(_plan_markdown(HOSTILE, "en", weeks=4))
    region_map = api.build_map(hostile_workspace(tmp, HOSTILE), today=date(2026, 1, 1))
    names.append("map-hostile")
    blocks += mermaid_blocks(api.render_map_markdown(region_map))
    assert len(blocks) == len(names)
    source = tmp / "charts.md"
    source.write_text("".join(f"```mermaid\n{b}```\n\n" for b in blocks), encoding="utf-8")
    mmdc(source, tmp / "out.md", "-w", str(GITHUB_WIDTH))
    return {name: tmp / f"out-{i}.svg" for i, name in enumerate(names, 1)}


def _texts(page, svg: Path) -> dict:
    """The chart as GitHub shows it: inline in an HTML page 900 px wide, at its natural size."""
    wrapper = svg.with_suffix(".html")
    wrapper.write_text(
        f'<!doctype html><html><body style="margin:0;width:{GITHUB_WIDTH}px">'
        f"{svg.read_text(encoding='utf-8')}</body></html>",
        encoding="utf-8",
    )
    page.set_viewport_size({"width": GITHUB_WIDTH, "height": 800})
    page.goto(wrapper.as_uri())
    return page.evaluate(TEXTS)


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("answers", [a.stem for a in ANSWERS])
def test_gantt_labels_stay_inside_the_chart_at_github_width(charts, page, lang, answers):
    drawn = _texts(page, charts[f"gantt-{lang}-{answers}"])
    assert drawn["width"] <= GITHUB_WIDTH
    labels = [t for t in drawn["texts"] if not re.fullmatch(r"\d\d\.\d\d", t["text"])]
    assert len(labels) > 10  # title, sections, every action and seminar
    cut = [
        f"{t['text']!r}: {t['left']:.0f}..{t['right']:.0f} px"
        for t in labels
        if t["left"] < -0.5 or t["right"] > drawn["width"] + 0.5
    ]
    assert not cut, f"labels cut at {drawn['width']:.0f} px:\n" + "\n".join(cut)


def test_gantt_title_shows_a_hostile_name_as_written(charts, page):
    texts = [t["text"] for t in _texts(page, charts["gantt-hostile"])["texts"]]
    assert f"Roadmap - {HOSTILE}" in texts, texts


def test_map_graph_shows_a_hostile_name_as_written(charts, page):
    drawn = _texts(page, charts["map-hostile"])
    texts = [t["text"] for t in drawn["texts"]]
    # the actor and the linked community, each a node of its own, none of them blank
    assert texts.count(HOSTILE) == 2, texts
    assert drawn["blank_nodes"] == 0

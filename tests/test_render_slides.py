"""Every seminar deck, rendered by marp-cli and measured in headless Chromium, fits its slides.

Both languages, with and without ``--community``: no slide's content may run past the slide's
content box (into the footer and page number, or off the slide).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from commkit import api
from commkit.render.seminar_community import CommunityContext, Gap, load_community
from commkit.render.seminars import ExportOptions, plan_export

pytestmark = pytest.mark.render

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "perm-krai"

# Each section's content box against the slide, in slide pixels (1280x720 whatever the zoom).
MEASURE = r"""
() => [...document.querySelectorAll('svg[data-marpit-svg] > foreignObject > section')]
  .map((s, i) => {
    const box = s.getBoundingClientRect();
    const zoom = box.width / s.offsetWidth;
    const css = getComputedStyle(s);
    const limit = {
      top: parseFloat(css.paddingTop), left: parseFloat(css.paddingLeft),
      bottom: s.offsetHeight - parseFloat(css.paddingBottom),
      right: s.offsetWidth - parseFloat(css.paddingRight),
    };
    let worst = Math.max(s.scrollHeight - s.clientHeight, s.scrollWidth - s.clientWidth);
    for (const el of s.children) {
      if (el.tagName === 'HEADER' || el.tagName === 'FOOTER') continue;
      const r = el.getBoundingClientRect();
      worst = Math.max(worst,
        limit.top - (r.top - box.top) / zoom, (r.bottom - box.top) / zoom - limit.bottom,
        limit.left - (r.left - box.left) / zoom, (r.right - box.left) / zoom - limit.right);
    }
    const heading = s.querySelector('h1, h2');
    return {slide: i + 1, overflow: worst, heading: heading ? heading.textContent : ''};
  })
"""
TOLERANCE_PX = 1


def _hostile_community(pack: Any, lang: str) -> CommunityContext:
    """A long name full of Markdown and HTML characters, many leaders, every gap."""
    dims = {d.id: d for c in [pack.checklist, *pack.checklists.values()] for d in c.dimensions}
    return CommunityContext(
        name="A&B «Ассоциация малого и среднего бизнеса Прикамья» #1; <b>|x|</b> * _",
        leaders=[
            "Yuliya Suntseva (Co-founder; owner and creative director of the Rasena brand)",
            "Oscar Yagafarov (Co-founder; director of the Morion Digital technopark)",
            "Natalya Karpova (Co-founder; head of the ImLab image and personality laboratory)",
            "Evgeny Provotorov (founder of Technopark Perm)",
        ],
        leader_names=["Yuliya Suntseva", "Oscar Yagafarov", "Natalya Karpova", "Evgeny Provotorov"],
        gaps=[Gap(d.id, d.title.get(lang, d.id)) for d in dims.values()],
        stage="core",
    )


def _example_community(tmp: Path, pack: Any, lang: str) -> CommunityContext:
    """FashionTechPerm from the Perm Krai example, with its assessment in the workspace."""
    workspace = tmp / "workspace"
    if not workspace.exists():
        shutil.copytree(EXAMPLE, workspace)
        for answers in sorted((workspace / "answers").glob("*.yaml")):
            api.save_assessment(workspace, api.assess(answers, pack=pack), force=True)
    context, _ = load_community(
        workspace / "communities" / "fashiontechperm.yaml", pack, lambda _stored: lang
    )
    return context


VARIANTS = ["plain", "example", "hostile"]


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """``{deck name: slides.md text}`` for every seminar, language and community variant."""
    tmp = tmp_path_factory.mktemp("decks")
    pack = api.load_content()
    out: dict[str, str] = {}
    for lang in ("en", "ru"):
        for variant in VARIANTS:
            community = None
            if variant == "example":
                community = _example_community(tmp, pack, lang)
            elif variant == "hostile":
                community = _hostile_community(pack, lang)
            opts = ExportOptions(lang=lang, formats=("md",), community=community)
            plan = plan_export(pack.seminars, pack, opts)
            for path, text in plan.files.items():
                if path.endswith("/slides.md"):
                    out[f"{lang}-{variant}-{path.split('/')[0]}"] = text
    return out


def test_every_deck_fits_its_slides(decks, marp, browser, tmp_path):
    src = tmp_path / "md"
    src.mkdir()
    for name, text in decks.items():
        (src / f"{name}.md").write_text(text, encoding="utf-8")
    html = marp(src, tmp_path / "html", "--template", "bare")
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    problems = []
    try:
        for name, text in sorted(decks.items()):
            page.goto((html / f"{name}.html").as_uri())
            slides = page.evaluate(MEASURE)
            expected = len(text.split("\n---\n")) - 1  # front matter, then the slides
            assert len(slides) == expected, f"{name}: {len(slides)} slides, not {expected}"
            problems += [
                f"{name} slide {s['slide']} ({s['heading']}): {s['overflow']:.0f} px past the slide"
                for s in slides
                if s["overflow"] > TOLERANCE_PX
            ]
    finally:
        page.close()
    assert len(decks) == 2 * len(VARIANTS) * 9
    assert not problems, "\n".join(problems)

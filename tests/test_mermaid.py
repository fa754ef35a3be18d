"""Names reach Mermaid charts (the plan's gantt, the map's graph) as written, never as markup.

The render tier (test_render_charts.py) checks the same names in the SVG that mmdc draws.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import yaml
from hypothesis import given
from hypothesis import strategies as st

from commkit import api
from commkit.render.mermaid import mermaid_id, mermaid_text, short_label

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "perm-krai"
HOSTILE = [
    "A&B",
    "#1;",
    "Club #1; A&B",
    'He said "hi" | <b>bold</b> &amp; &lt;',
    "```\nflowchart LR\n```",
    "Task: one; two %% not a comment",
    "[node] {shape} (round) \\ back",
    "Клуб «Деловая Пермь» & Co.",
]
CODE = re.compile(r"#(\d+);")


def decoded(text: str) -> str:
    """What Mermaid shows: every ``#<code>;`` read back as its character."""
    return CODE.sub(lambda m: chr(int(m.group(1))), text)


def test_hostile_names_are_character_codes_and_read_back_as_written():
    for name in HOSTILE:
        safe = mermaid_text(name)
        plain = CODE.sub("", safe)
        assert not set(plain) & set(':;#|"<>&`%[]{}\\\n'), safe
        assert decoded(safe) == " ".join(name.split())


@given(st.text(max_size=60))
def test_any_text_reads_back_flattened(text):
    safe = mermaid_text(text, empty="")
    assert "\n" not in safe and "\r" not in safe
    assert decoded(safe) == " ".join(re.sub(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]", " ", text).split())


def test_ids_and_short_labels():
    assert mermaid_id("m-seminar 1;#") == "m-seminar_1__"
    assert mermaid_id("") == "_"
    assert short_label("Short title", 40) == "Short title"
    cut = short_label("Working with government and the ecosystem: initiatives", 40)
    assert cut == "Working with government and the…" and len(cut) <= 40


def _plan_markdown(name: str, lang: str = "en") -> str:
    answers = api.load_answers(EXAMPLE / "answers" / "fashiontechperm.yaml")
    answers = answers.model_copy(
        update={"community": answers.community.model_copy(update={"name": name})}
    )
    plan = api.plan(api.assess(answers), date(2026, 2, 2), weeks=12)
    return api.render_plan_markdown(plan, lang)


def mermaid_blocks(markdown: str) -> list[str]:
    return re.findall(r"^```mermaid\n(.*?)^```$", markdown, flags=re.S | re.M)


def test_gantt_title_shows_the_community_name_as_written():
    for name in HOSTILE:
        (chart,) = mermaid_blocks(_plan_markdown(name))
        title = chart.splitlines()[1]
        assert title.startswith("    title ")
        assert decoded(title.removeprefix("    title ")) == "Roadmap - " + " ".join(name.split())
        assert "&amp;" not in chart


def hostile_workspace(tmp: Path, name: str) -> Path:
    """The Perm Krai example with ``name`` as an actor's and a linked community's name."""
    ws = tmp / "ws"
    shutil.copytree(EXAMPLE, ws)
    region_path = ws / "region.yaml"
    region = yaml.safe_load(region_path.read_text(encoding="utf-8"))
    region["ecosystem"]["actors"][0]["name"] = {"en": name, "ru": name}
    region_path.write_text(yaml.safe_dump(region, allow_unicode=True), encoding="utf-8")
    profile = ws / "communities" / "fashiontechperm.yaml"  # linked to the ecosystem
    data = yaml.safe_load(profile.read_text(encoding="utf-8"))
    data["name"] = name
    profile.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return ws


def test_map_graph_shows_hostile_names_as_written(tmp_path):
    name = 'Club #1; A&B <b>x</b> | "q"'
    region_map = api.build_map(hostile_workspace(tmp_path, name), today=date(2026, 1, 1))
    (graph,) = mermaid_blocks(api.render_map_markdown(region_map))
    labels = [decoded(m) for m in re.findall(r'\["([^"]*)"\]', graph)]
    assert labels.count(name) == 2, labels  # the actor and the community
    assert "&amp;" not in graph and "<b>" not in graph

"""The report written in Python gives the bytes the built-in Jinja2 template gives."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from commkit import api
from commkit.core.scoring import checklist_for_ref
from commkit.render.data_labels import data_labels
from commkit.render.report import TEMPLATE, build_view, labels, peers_view
from commkit.render.report_md import has_own_template, report_text, tidy, tidy_lines
from commkit.render.templating import render_template
from commkit.render.text import md_inline

ROOT = Path(__file__).parent.parent
WORKSPACE = ROOT / "examples" / "perm-krai"


def both(view: dict[str, Any], lang: str) -> tuple[str, str]:
    t = {**labels(lang), **{f"x_{k}": v for k, v in data_labels(lang).items()}}
    jinja = render_template((), TEMPLATE, {"view": view, "t": t})
    return jinja, report_text(view, t)


def twins(root: Path, saved: list[Any]) -> Path:
    """A workspace where each saved assessment has five peers at its stage."""
    api.init_region(root, "Peers")
    for a in saved:
        for i in range(5):
            slug = f"{a.community.slug}-twin-{i}"
            community = a.community.model_copy(update={"name": f"Twin {slug}", "slug": slug})
            api.save_assessment(root, a.model_copy(update={"community": community}))
    return root


def example_views(tmp: Path) -> list[dict[str, Any]]:
    pack = api.load_content(None)
    raters = [
        (api.rater_label(a, p.stem), a)
        for p in api.team_raters_in_workspace(WORKSPACE, "fashiontechperm")
        for a in [api.load_answers(p)]
    ]
    saved = [api.load_assessment(p) for p in sorted(WORKSPACE.glob("assessments/*/*.yaml"))]
    team = api.assess_team(raters, pack=pack)
    pool = api.peer_pool(twins(tmp / "ws", saved))
    assert team.team is not None
    views = []
    for assessment in [*saved, team]:
        for lang in ("en", "ru"):
            checklist = checklist_for_ref(pack, assessment.checklist.id)
            view = build_view(pack, checklist, assessment, lang)
            peers = api.compare_with_peers(pool, assessment, named=lang == "ru")
            view["peers"] = peers_view(checklist, assessment, peers, lang)
            view["chart"] = "![chart](<x-scores.svg>)" if lang == "en" else None
            view["lang"] = lang
            views.append(view)
    return views


def test_examples_with_team_peers_and_chart_render_alike_in_both_languages(
    tmp_path: Path,
) -> None:
    views = example_views(tmp_path)
    assert any(v["team"] for v in views)
    assert any(v["peers"] for v in views)
    for view in views:
        jinja, python = both(view, view.pop("lang"))
        assert python == jinja


_TEXT = st.text(
    st.sampled_from(list("ab Пж|*_`#-+=>1.)[]<\\~\n\t{}")) | st.characters(), max_size=12
)
_LIST = st.lists(_TEXT, max_size=3)


@st.composite
def views(draw: st.DrawFn) -> dict[str, Any]:
    """Any view the template accepts: empty and full sections, text that needs escaping."""
    text = lambda: draw(_TEXT)  # noqa: E731
    row = lambda *keys: {k: text() for k in keys}  # noqa: E731
    team = None
    if draw(st.booleans()):
        team = {
            "intro": text(),
            "range": text(),
            "raters": [row("name", "role", "date", "overall", "stage") for _ in range(2)],
            "disagreements": draw(
                st.lists(
                    st.builds(
                        lambda d, r: {**d, "raters": r},
                        st.fixed_dictionaries(
                            {k: _TEXT for k in ("id", "question", "why", "consensus")}
                        ),
                        st.lists(
                            st.fixed_dictionaries({k: _TEXT for k in ("name", "answer", "note")}),
                            max_size=2,
                        ),
                    ),
                    max_size=2,
                )
            ),
        }
    peers = None
    if draw(st.booleans()):
        peers = {
            "intro": text(),
            "rows": [row("title", "score", "median", "q1", "q3", "where")],
            "names": draw(st.none() | _TEXT),
        }
    finding = st.fixed_dictionaries(
        {
            "now": _TEXT,
            "next": _TEXT,
            "title": _TEXT,
            "score": _TEXT,
            "scored": st.booleans(),
            "strong": _LIST,
            "weak": _LIST,
            "open": _LIST,
            "recommendations": _LIST,
        }
    )
    return {
        "community": text(),
        "region": text(),
        "kind": text(),
        "date": text(),
        "checklist": row("id", "version", "hash", "title"),
        "overall": text(),
        "overall_bar": text(),
        "stage": row("title", "meaning", "focus"),
        "next_stage_title": text(),
        "next_stage": text(),
        "counts": text(),
        "held_back": draw(_LIST),
        "strengths": draw(_LIST),
        "gaps": draw(_LIST),
        "dimensions": [
            {**row("title", "score", "bar"), "answered": 1, "dont_know": 0, "not_applicable": 2}
        ],
        "findings": draw(st.lists(finding, max_size=2)),
        "recommendations": draw(_LIST),
        "actions": draw(_LIST),
        "open_questions": draw(_LIST),
        "appendix": [row("id", "question", "answer", "note")],
        "team": team,
        "chart": draw(st.none() | _TEXT),
        "peers": peers,
    }


@settings(max_examples=100, deadline=None)
@given(views(), st.sampled_from(["en", "ru"]))
def test_any_view_renders_alike(view: dict[str, Any], lang: str) -> None:
    jinja, python = both(view, lang)
    assert python == jinja


def test_only_a_packs_own_template_goes_to_jinja(tmp_path: Path) -> None:
    assert not has_own_template([tmp_path], TEMPLATE)
    (tmp_path / TEMPLATE).write_text("# {{ view.community }}\n", encoding="utf-8")
    assert has_own_template([tmp_path], TEMPLATE)


_LINE = st.text(st.sampled_from(list("ab П \t\n\r\x0b\x0c\x1c\x85\u2028\u202f\xa0")), max_size=6)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINE, max_size=8))
def test_lines_are_tidied_as_the_joined_text_is(lines: list[str]) -> None:
    # twice: the second time from the lines remembered as tidy
    for _ in range(2):
        assert tidy_lines(lines) == tidy("\n".join(lines) + "\n")


def _escaped_by_substitution(text: str) -> str:
    """Markdown escaping as every special character substituted, the text's start checked
    with a regular expression: what :func:`md_inline` must give (it skips the substitution
    where nothing needs escaping)."""
    value = re.sub(r"([\\`*_\[\]<>|~])", r"\\\1", " ".join(text.split()))
    if value[:1] in {"#", "+", "-", "=", ">"} or re.match(r"^\d+[.)]", value):
        value = "\\" + value
    return value


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("a П1٣.) \n\t#+-=>\\`*_[]<>|~")), max_size=8))
def test_markdown_escaping_is_a_substitution_of_every_special_character(text: str) -> None:
    assert md_inline(text) == _escaped_by_substitution(text)

"""The plan report written in Python gives the bytes the built-in Jinja2 template gives."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from commkit import api
from commkit.render.plan_md import TEMPLATE, labels, plan_view, render_plan_md
from commkit.render.plan_md_text import plan_text
from commkit.render.templating import render_template

ROOT = Path(__file__).parent.parent
WORKSPACE = ROOT / "examples" / "perm-krai"
FIXTURES = Path(__file__).parent / "fixtures" / "plan"


def both(view: dict[str, Any]) -> tuple[str, str]:
    return render_template((), TEMPLATE, view), plan_text(view)


def test_example_plans_render_alike_in_both_languages() -> None:
    """Every example community's plan (with holidays, a capacity and a later part), the
    region's plan and the small fixture pack's plan, in English and Russian."""
    pack = api.load_content(None)
    start = date(2020, 11, 2)
    off = [date(2020, 11, 4), date(2020, 12, 31), date(2021, 1, 1), date(2021, 1, 4)]
    plans = [
        api.plan(api.assess(p, pack=pack, today=date(2020, 10, 15)), start, pack=pack, weeks=w)
        for p in sorted((WORKSPACE / "answers").glob("*.yaml"))
        for w in (6, 26)
    ]
    first = api.assess(WORKSPACE / "answers" / "fashiontechperm.yaml", pack=pack)
    caps = api.parse_capacity(["community-manager=1"], pack=pack)
    plans.append(api.plan(first, start, pack=pack, holidays=off, capacity=caps))
    plans.append(api.region_plan(WORKSPACE, start, pack=pack, holidays=off, today=date(2021, 1, 1)))
    small = api.load_content(FIXTURES / "pack")
    fixture = api.assess(FIXTURES / "answers.yaml", pack=small)
    plans.append(api.plan(fixture, date(2026, 1, 5), pack=small, weeks=12, holidays=off))
    seen = {"later": False, "region": False, "seminars": False, "holidays": False}
    for plan in plans:
        own = small if plan is plans[-1] else pack
        for lang in ("en", "ru"):
            view = plan_view(plan, own, lang)
            jinja, python = both(view)
            assert python == jinja
            seen["later"] |= bool(view["own_later"])
            seen["region"] |= view["scope"] == "region"
            seen["seminars"] |= bool(view["seminars"])
            seen["holidays"] |= bool(view["holidays"])
    assert all(seen.values()), seen


_TEXT = st.text(
    st.sampled_from(list("ab Пж|*_`#-+=>1.)[]<\\~\n\t{}")) | st.characters(), max_size=10
)
_LIST = st.lists(_TEXT, max_size=3)


@st.composite
def views(draw: st.DrawFn) -> dict[str, Any]:
    """Any view the template accepts: empty and full sections, text that needs escaping."""
    text = lambda: draw(_TEXT)  # noqa: E731
    status = st.sampled_from(["scheduled", "later"])
    action = st.fixed_dictionaries(
        {
            "dates": _TEXT,
            "title": _TEXT,
            "owner": _TEXT,
            "deliverables": _LIST,
            "metrics": _LIST,
            "why": _LIST,
            "status": status,
        }
    )
    actions = st.lists(action, max_size=3)
    seminar = st.fixed_dictionaries(
        {
            "label": _TEXT,
            "date": _TEXT,
            "title": _TEXT,
            "status": status,
            "plan_week": st.integers(1, 60),
            "action": _TEXT,
        }
    )
    slot = st.fixed_dictionaries(
        {"activity": _TEXT, "minutes": st.integers(0, 600), "function": _TEXT}
    )
    return {
        "labels": labels(draw(st.sampled_from(["en", "ru"]))),
        "scope": draw(st.sampled_from(["community", "region"])),
        "community": text(),
        "stage": text(),
        "assessment_date": text(),
        "weeks": draw(st.integers(1, 260)),
        "start": text(),
        "end": text(),
        "holidays": draw(_LIST),
        "own_scheduled": draw(actions),
        "own_later": draw(actions),
        "region_does": draw(actions),
        "region_other": draw(st.integers(0, 3)),
        "seminars": draw(st.lists(seminar, max_size=3)),
        "gantt": draw(_LIST),
        "phases": draw(
            st.lists(st.fixed_dictionaries({"name": _TEXT, "actions": actions}), max_size=2)
        ),
        "map": draw(
            st.lists(
                st.fixed_dictionaries(
                    {"name": _TEXT, "stage": _TEXT, "assessed": _TEXT}  # "" = not assessed
                ),
                max_size=3,
            )
        ),
        "n_assessed": draw(st.integers(0, 9)),
        "figures": draw(_LIST),
        "manager_schedule": draw(
            st.lists(
                st.fixed_dictionaries({"day": _TEXT, "slots": st.lists(slot, max_size=3)}),
                max_size=2,
            )
        ),
        "manager_minutes": draw(st.integers(0, 3000)),
        "metrics": draw(
            st.lists(
                st.fixed_dictionaries(
                    {
                        "name": _TEXT,
                        "unit": _TEXT,
                        "actions": _LIST,
                        "later": _LIST,
                        "first_end": _TEXT,
                    }
                ),
                max_size=3,
            )
        ),
        "capacity": draw(
            st.lists(
                st.fixed_dictionaries({"role": _TEXT, "capacity": st.integers(1, 100)}),
                max_size=3,
            )
        ),
    }


@settings(max_examples=150, deadline=None)
@given(views())
def test_any_view_renders_alike(view: dict[str, Any]) -> None:
    jinja, python = both(view)
    assert python == jinja


def test_a_packs_own_plan_template_still_renders_through_jinja(tmp_path: Path) -> None:
    small = api.load_content(FIXTURES / "pack")
    plan = api.plan(api.assess(FIXTURES / "answers.yaml", pack=small), date(2026, 1, 5), pack=small)
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / TEMPLATE).write_text(
        "{{ labels.title }} {{ community | inline }}\n", encoding="utf-8"
    )
    custom = dataclasses.replace(small, root=tmp_path)
    assert render_plan_md(plan, custom, "en") == f"{labels('en')['title']} Test Club: Perm\n"

"""Community and regional plans: owner levels, the seminar that teaches an action, founder
steps for a new community, and the regional plan made from the map (`plan --workspace`)."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from commkit import api
from commkit.cli.app import app
from commkit.core.scheduler import Task, make_plan, schedule_tasks, session_day
from commkit.model.pack import ContentPack
from commkit.model.plan import Plan

ROOT = Path(__file__).resolve().parent.parent
ANSWERS = ROOT / "examples" / "perm-krai" / "answers"
START = date(2020, 11, 2)


@pytest.fixture(scope="module")
def pack() -> ContentPack:
    return api.load_content()


@pytest.fixture(scope="module")
def assessments(pack: ContentPack) -> dict[str, object]:
    return {
        p.stem: api.assess(p, pack=pack, today=date(2020, 10, 15))
        for p in sorted(ANSWERS.glob("*.yaml"))
    }


def run(*args: str) -> object:
    return CliRunner().invoke(app, list(args))


def taught_after_session(plan: Plan) -> list[str]:
    """Actions that start on or before the session of the seminar that teaches them."""
    sessions = {e.id: e.date for e in plan.seminars}
    return [
        f"{a.id} starts {a.start}, {a.taught_in} is on {sessions[a.taught_in]}"
        for a in plan.actions
        if a.taught_in is not None and a.start <= sessions[a.taught_in]
    ]


# ------------------------------------------------------------------ the community plan


def test_community_plan_splits_own_actions_from_the_regions(pack, assessments) -> None:
    plan = make_plan(pack, assessments["franchising-world"], START)  # no joint project yet
    levels = {a.id: a.level for a in plan.actions}
    assert levels["project-sprints"] == "community"
    assert levels["business-initiative-lab"] == "region"
    assert levels["online-seminar-6"] == "region"
    text = api.render_plan_markdown(plan, pack=pack)
    own, _, regional = text.partition("## What the region does for you")
    assert (
        "Run the first project sprints" in own and "Run the first project sprints" not in regional
    )
    assert "Launch the Business Initiative Lab" in regional
    assert "Launch the Business Initiative Lab" not in own  # neither table nor chart
    short = [line for line in regional.split("## ")[0].splitlines() if line.startswith("| 20")]
    assert 0 < len(short) <= 12, "the region's list stays short"


def test_reports_carry_the_level(pack, assessments) -> None:
    plan = make_plan(pack, assessments["business-mentor"], START)
    data = json.loads(plan.model_dump_json())
    assert {a["level"] for a in data["actions"]} == {"community", "region"}
    rows = list(csv.DictReader(io.StringIO(api.render_plan_csv(plan, "ru", pack=pack))))
    by_id = {r["Код"]: r for r in rows}
    assert by_id["form-regional-team"]["Уровень ответственности"] == "регион"
    assert by_id["discuss-self-identification"]["Уровень ответственности"] == "сообщество"
    ics = api.render_plan_ics(plan, pack=pack).decode()
    assert "Level: region" in ics and "Level: community" in ics


def test_founder_steps_only_for_a_new_community(pack, assessments) -> None:
    new = make_plan(pack, assessments["fashiontechperm"], START)
    founders = [a for a in new.actions if a.id.startswith("founder-")]
    assert [a.id for a in founders][:2] == ["founder-define-purpose", "founder-gather-core"]
    assert all(any(r.kind == "new" for r in a.reasons) for a in founders)
    assert founders[0].start == START  # the first thing a new community does
    text = api.render_plan_markdown(new, "ru", pack=pack)
    assert "Собрать ядро из трёх-пяти сооснователей" in text
    assert "первый шаг нового сообщества" in text
    existing = make_plan(pack, assessments["business-mentor"], START)
    assert not [a for a in existing.actions if a.id.startswith("founder-")]


def test_project_sprints_wait_for_seminar_6(pack, assessments) -> None:
    plan = make_plan(pack, assessments["franchising-world"], START)
    seminar_6 = next(e for e in plan.seminars if e.id == "seminar-6")
    sprints = plan.action("project-sprints")
    assert sprints is not None and sprints.start > seminar_6.date
    assert taught_after_session(plan) == []


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    which=st.sampled_from(
        ["business-club-prikamye", "business-mentor", "fashiontechperm", "franchising-world"]
    ),
    offset=st.integers(0, 400),
    weeks=st.integers(4, 60),
    leader=st.integers(1, 3),
    team=st.integers(1, 4),
    days_off=st.lists(st.integers(0, 120), max_size=15),
)
def test_no_action_before_the_seminar_that_teaches_it(
    pack, assessments, which, offset, weeks, leader, team, days_off
) -> None:
    start = START + timedelta(days=offset)
    plan = make_plan(
        pack,
        assessments[which],
        start,
        weeks,
        {"community-leader": leader, "regional-team": team},
        [start + timedelta(days=d) for d in days_off],
    )
    assert taught_after_session(plan) == []


@given(
    data=st.lists(
        st.tuples(st.integers(1, 15), st.integers(0, 20), st.booleans(), st.integers(0, 30)),
        min_size=2,
        max_size=12,
    ),
    cap=st.integers(1, 3),
)
def test_scheduler_starts_after_the_session(data, cap) -> None:
    """Any task graph: a task waiting for a session starts after that task's middle day."""
    tasks = []
    for i, (duration, release, wait, teacher) in enumerate(data):
        after = (f"t{teacher % i}",) if wait and i else ()
        tasks.append(Task(f"t{i}", "r", duration, release=release, after_session=after))
    placed = schedule_tasks(tasks, {"r": cap})
    for task in tasks:
        for teacher in task.after_session:
            assert placed[task.id][0] > session_day(*placed[teacher])


# ------------------------------------------------------------------ the regional plan


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three assessed communities and one never assessed, made with commkit itself."""
    ws = tmp_path_factory.mktemp("ws") / "kama"
    api.init_region(ws, "Kama Region")
    for slug in ("business-mentor", "fashiontechperm", "franchising-world"):
        api.add_community(ws, slug.replace("-", " ").title(), slug=slug)
        assessment = api.assess(ANSWERS / f"{slug}.yaml", today=date(2020, 10, 15))
        api.save_assessment(ws, assessment)
    api.add_community(ws, "Quiet Club", slug="quiet-club")
    return ws


def test_regional_plan_from_the_map(workspace, tmp_path) -> None:
    result = run("plan", "--workspace", str(workspace), "--start", "2020-11-02", "--out",
                 str(tmp_path))  # fmt: skip
    assert result.exit_code == 0, result.output
    path = tmp_path / "kama-region-regional-plan-2020-11-02.md"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Regional plan: Kama Region")
    assert "Map of 2020-10-15 · Communities on the map: 4, of them assessed: 3" in text
    assert "| Quiet Club | not assessed | — |" in text
    data = json.loads(run("plan", "-w", str(workspace), "--start", "2020-11-02", "--json").stdout)
    assert data["scope"] == "region" and {a["level"] for a in data["actions"]} == {"region"}
    by_id = {a["id"]: a for a in data["actions"]}
    assert "founder-gather-core" not in by_id and "project-sprints" not in by_id
    lab = [r for r in by_id["business-initiative-lab"]["reasons"] if r["kind"] == "map"]
    assert lab and len(lab[0]["communities"]) >= 2
    assert "on the map:" in text and "Fashiontechperm" in text


def test_an_institution_needs_the_gap_in_enough_communities(pack) -> None:
    from commkit.core.region_plan import MapEntry, select_region_actions

    one = api.assess(ANSWERS / "fashiontechperm.yaml", pack=pack, today=date(2020, 10, 15))
    alone = select_region_actions(pack, [MapEntry("f", "F", one)])
    both = select_region_actions(pack, [MapEntry("f", "F", one), MapEntry("g", "G", one)])
    # "My Business" needs two communities without support measures
    assert "my-business-community" not in alone
    assert "my-business-community" in both
    assert "form-regional-team" in alone  # always


def test_plan_needs_one_source(workspace) -> None:
    result = run("plan", "-w", str(workspace), "-a", str(ANSWERS / "business-mentor.yaml"))
    assert result.exit_code == 2 and "--assessment FILE" in result.output
    assert run("plan").exit_code == 2


def test_regional_plan_in_russian_has_no_english(workspace) -> None:
    plan = api.region_plan(workspace, START, today=date(2020, 12, 1))
    text = api.render_plan_markdown(plan, "ru")
    assert "Региональный план" in text and "на карте:" in text
    for word in ("on the map", "Regional", " communities ", "not assessed", "Map of"):
        assert word not in text, word


def test_perm_krai_example_plan_and_map(tmp_path) -> None:
    """The example: the article's region figures, two assessment rounds, the institutions."""
    perm = ROOT / "examples" / "perm-krai"
    plan = api.region_plan(perm, date(2021, 1, 11), today=date(2021, 1, 1))
    text = api.render_plan_markdown(plan)
    assert "- 2020-10-01 (the article): more than 20 communities, more than 10,000 members" in text
    ru = api.render_plan_markdown(plan, "ru")
    assert ru.startswith("# Региональный план: Пермский край")
    assert re.search(r"\(по данным статьи\): более 20 сообществ, более 10\s000 участников", ru)
    chosen = {a.id for a in plan.actions}
    assert {"business-ambassadors-club", "business-initiative-lab", "my-business-community",
            "government-meetings", "business-climate-situation-center",
            "communication-standard"} <= chosen  # fmt: skip
    region_map = api.build_map(perm, today=date(2020, 12, 1))
    assert [(f.source, f.communities, f.members) for f in region_map.baseline] == [
        ("article", 20, 10000)
    ]
    rows = {r.slug: r for r in region_map.communities}
    for slug in ("business-mentor", "fashiontechperm", "business-club-prikamye"):
        assert rows[slug].assessments == 2 and rows[slug].previous_score is not None, slug
    # the change is measured under one checklist version (the July 1.0 answers carried to 1.1)
    mentor, club = rows["business-mentor"], rows["business-club-prikamye"]
    assert (mentor.previous_stage, mentor.stage) == ("growth", "mature")
    assert club.stage == "shared-value" and club.previous_score < club.score


def test_perm_krai_article_snapshots_keep_totals_apart() -> None:
    """Cumulative figures (600 events over five years) are marked as totals since a date."""
    ws = api.load_workspace(ROOT / "examples" / "perm-krai")
    article = {
        c.slug: next(s for s in c.snapshots if s.source == "article")
        for _, c in ws.communities()
        if c is not None and any(s.source == "article" for s in c.snapshots)
    }
    mentor = article["business-mentor"]
    assert (mentor.members, mentor.events, str(mentor.since)) == (270, 600, "2015")
    assert mentor.publications is None  # the TV episodes are history, not a period's count
    expected = {"fashiontechperm": (150, 10), "business-club-prikamye": (80, 10),
                "franchising-world": (50, 5)}  # fmt: skip
    for slug, (members, events) in expected.items():
        snap = article[slug]
        assert (snap.members, snap.events) == (members, events) and snap.since, slug


def test_regional_plan_names_a_broken_profile(workspace, tmp_path) -> None:
    import shutil

    ws = tmp_path / "ws"
    shutil.copytree(workspace, ws)
    (ws / "communities" / "broken.yaml").write_text(
        'kind: community\nversion: "1"\nslug: broken\nname: [oops\n', encoding="utf-8"
    )
    result = run("plan", "-w", str(ws), "--start", "2020-11-02", "--out", str(tmp_path / "o"))
    assert result.exit_code == 0, result.output
    assert "broken.yaml:5:1: warning: invalid YAML" in result.stderr
    assert "Traceback" not in result.output

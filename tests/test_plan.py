"""`commkit plan`: selection, the dated plan, Markdown/Mermaid, CSV, iCalendar and the CLI.

Most tests use the small pack in tests/fixtures/plan/pack, whose every number is known.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from commkit.cli.app import app
from commkit.core.scheduler import CycleError, make_plan
from commkit.core.scoring import assess
from commkit.core.selection import select_actions
from commkit.model.answers import Answers, Assessment
from commkit.model.loader import load_file
from commkit.model.pack import ContentPack, load_pack
from commkit.model.plan import Plan
from commkit.model.roadmap import Action, Roadmap
from commkit.render.plan_csv import render_plan_csv
from commkit.render.plan_ics import render_plan_ics
from commkit.render.plan_md import mermaid_text, render_plan_md

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "plan"
PACK_DIR = FIXTURES / "pack"
ANSWERS = FIXTURES / "answers.yaml"
START = date(2026, 1, 5)  # a Monday

TASK_LINE = re.compile(
    r"^    (?P<title>[^:#;\n]+(?:#\d+;[^:#;\n]*)*) :(?P<id>[A-Za-z0-9_-]+), "
    r"(?P<start>\d{4}-\d{2}-\d{2}), (?P<end>\d{4}-\d{2}-\d{2})$"
)
MILESTONE_LINE = re.compile(
    r"^    [^:\n]+ :milestone, (?P<id>m-[A-Za-z0-9_-]+), (?P<date>\d{4}-\d{2}-\d{2}), 0d$"
)


@pytest.fixture(scope="module")
def pack() -> ContentPack:
    return load_pack(PACK_DIR)


@pytest.fixture(scope="module")
def assessment(pack: ContentPack) -> Assessment:
    return assess(pack, load_file(ANSWERS, Answers))


@pytest.fixture(scope="module")
def plan(pack: ContentPack, assessment: Assessment) -> Plan:
    return make_plan(pack, assessment, START, weeks=12, holidays=[date(2026, 1, 7)])


def cli(*args: str, content: Path = PACK_DIR) -> object:
    return CliRunner().invoke(app, ["--content", str(content), *args])


# ---------------------------------------------------------------- selection


def test_selection_says_why_each_action_is_there(pack, assessment):
    selected = select_actions(pack, assessment)
    assert list(selected) == [
        "kick-off",
        "platform",
        "digest",
        "survey",
        "projects",
        "big-programme",
        "seminar-a",
    ]
    assert "never" not in selected
    kinds = {aid: [(r.kind, r.ref) for r in why] for aid, why in selected.items()}
    assert kinds["kick-off"] == [("always", None)]
    assert kinds["platform"] == [("dimension", "platform")]
    assert selected["platform"][0].value == "12.5"
    assert selected["platform"][0].threshold == "< 50"
    assert kinds["digest"] == [("answer", "has-digest")]
    assert kinds["projects"] == [("stage", "core")]
    assert kinds["big-programme"] == [("answer", "members")]
    assert kinds["survey"] == [("dependency", "digest")]


def test_dependencies_are_pulled_in_transitively(pack, assessment):
    roadmap = Roadmap(
        kind="roadmap",
        version="1",
        id="chain",
        title="Chain",
        actions=[
            Action(
                id="c",
                chapter="tools",
                title="C",
                owner="community-leader",
                duration_days=1,
                depends_on=["b"],
                always=True,
            ),
            Action(
                id="b",
                chapter="tools",
                title="B",
                owner="community-leader",
                duration_days=1,
                depends_on=["a"],
            ),
            Action(id="a", chapter="tools", title="A", owner="community-leader", duration_days=1),
        ],
    )
    chain = dataclasses.replace(pack, roadmap=roadmap)
    selected = select_actions(chain, assessment)
    assert set(selected) == {"a", "b", "c"}
    assert selected["a"][0].ref == "b" and selected["b"][0].ref == "c"


# ---------------------------------------------------------------- the plan


def test_plan_dates_respect_dependencies_capacity_and_holidays(plan: Plan):
    by_id = {a.id: a for a in plan.actions}
    for action in plan.actions:
        assert action.start.weekday() < 5 and action.end.weekday() < 5
        assert date(2026, 1, 7) not in (action.start, action.end)
        for dep in action.depends_on:
            assert by_id[dep].end < action.start
    assert by_id["kick-off"].start == START
    assert by_id["kick-off"].end == date(2026, 1, 8)  # 3 working days, the 7th is a holiday
    assert by_id["platform"].start == date(2026, 1, 9)


def test_actions_beyond_the_horizon_are_later_with_their_earliest_dates(plan: Plan):
    later = plan.later
    assert [a.id for a in later] == ["big-programme"]
    assert later[0].end > plan.end
    assert later[0].start == date(2026, 1, 26)  # right after the seminar it needs
    assert all(a.end <= plan.end for a in plan.scheduled)


def test_seminars_sit_at_their_week_and_after_their_dependencies(plan: Plan):
    seminar_action = plan.action("seminar-a")
    assert seminar_action is not None
    assert seminar_action.start >= START + timedelta(weeks=2)  # week 3
    events = {e.id: e for e in plan.seminars}
    assert seminar_action.start <= events["seminar-a"].date <= seminar_action.end
    assert events["seminar-a"].action == "seminar-a"
    assert events["meetup"].date == START + timedelta(weeks=11)  # week 12, not linked
    assert events["meetup"].type == "meetup"


def test_a_seminar_waits_for_its_dependencies_past_its_week(pack, assessment):
    slow = pack.roadmap.model_copy(deep=True)
    kick = next(a for a in slow.actions if a.id == "kick-off")
    kick.duration_days = 30
    plan = make_plan(dataclasses.replace(pack, roadmap=slow), assessment, START)
    seminar = plan.action("seminar-a")
    assert seminar is not None and plan.action("kick-off") is not None
    assert seminar.start > plan.action("kick-off").end  # type: ignore[union-attr]
    assert seminar.start > START + timedelta(weeks=2)


def test_plan_includes_manager_schedule_metrics_and_phases(plan: Plan):
    assert plan.manager_role == "community-manager"
    assert [s.day for s in plan.manager_schedule] == ["mon", "thu"]
    metrics = {m.id: m for m in plan.metrics}
    assert metrics["publications"].actions == ["platform", "digest"]
    assert metrics["projects"].later == ["big-programme"]
    assert [p.month for p in plan.phases] == ["2026-01"]
    assert plan.capacity == {"community-leader": 2, "community-manager": 2, "regional-team": 3}


def test_same_input_same_plan(pack, assessment, plan):
    again = make_plan(pack, assessment, START, weeks=12, holidays=[date(2026, 1, 7)])
    assert again.model_dump() == plan.model_dump()


def test_capacity_override_serialises_the_role(pack, assessment):
    plan = make_plan(pack, assessment, START, weeks=12, capacity={"community-leader": 1})
    survey, projects = plan.action("survey"), plan.action("projects")
    assert survey is not None and projects is not None
    assert survey.end < projects.start or projects.end < survey.start


def test_cycle_in_an_unvalidated_pack_is_a_clear_error(pack, assessment):
    roadmap = Roadmap(
        kind="roadmap",
        version="1",
        id="loop",
        title="Loop",
        actions=[
            Action(
                id="x",
                chapter="tools",
                title="X",
                owner="community-leader",
                duration_days=1,
                depends_on=["y"],
                always=True,
            ),
            Action(
                id="y",
                chapter="tools",
                title="Y",
                owner="community-leader",
                duration_days=1,
                depends_on=["x"],
            ),
        ],
    )
    with pytest.raises(CycleError, match=r"cycle: x -> y -> x"):
        make_plan(dataclasses.replace(pack, roadmap=roadmap), assessment, START)


@st.composite
def roadmaps(draw: st.DrawFn) -> Roadmap:
    count = draw(st.integers(1, 30))
    actions = []
    for i in range(count):
        deps = draw(st.lists(st.integers(0, i - 1), max_size=3, unique=True)) if i else []
        actions.append(
            Action(
                id=f"r{i:02d}",
                chapter=draw(st.sampled_from(["start", "tools", "seminars"])),
                title=f"Action {i}",
                owner=draw(
                    st.sampled_from(["community-leader", "community-manager", "regional-team"])
                ),
                duration_days=draw(st.integers(1, 40)),
                depends_on=[f"r{d:02d}" for d in deps],
                always=draw(st.booleans()),
                triggers=draw(
                    st.sampled_from(
                        [
                            [],
                            [{"stage": ["core"]}],
                            [{"stage": ["mature"]}],
                            [{"dimension": "platform", "below": 50}],
                        ]
                    )
                ),
                seminar=draw(st.sampled_from([None, None, "seminar-a"])),
            )
        )
    return Roadmap(kind="roadmap", version="1", id="random", title="Random", actions=actions)


@settings(max_examples=60, deadline=None)
@given(roadmaps(), st.integers(1, 30))
def test_every_selected_action_is_scheduled_or_later(pack, assessment, roadmap, weeks):
    random_pack = dataclasses.replace(pack, roadmap=roadmap)
    selected = select_actions(random_pack, assessment)
    plan = make_plan(random_pack, assessment, START, weeks=weeks)
    assert [a.id for a in plan.actions if a.id in selected] == [a.id for a in plan.actions]
    assert {a.id for a in plan.actions} == set(selected)
    by_id = {a.id: a for a in plan.actions}
    for action in plan.actions:
        assert (action.status == "scheduled") == (action.end <= plan.end)
        for dep in action.depends_on:
            assert by_id[dep].end < action.start
            if action.status == "scheduled":
                assert by_id[dep].status == "scheduled"


# ---------------------------------------------------------------- Markdown and Mermaid


def _gantt(text: str) -> list[str]:
    block = re.search(r"```mermaid\n(.*?)```", text, re.S)
    assert block is not None
    return block.group(1).splitlines()


def _table_dates(text: str) -> dict[str, tuple[str, str]]:
    rows = {}
    for line in text.splitlines():
        match = re.match(r"^\| (\d{4}-\d{2}-\d{2})(?: – (\d{4}-\d{2}-\d{2}))? \| (.+?) \|", line)
        if match:
            rows[match[3]] = (match[1], match[2] or match[1])
    return rows


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_mermaid_task_line_is_well_formed_and_matches_the_table(pack, plan, lang):
    text = render_plan_md(plan, pack, lang)
    lines = _gantt(text)
    assert lines[:4] == ["gantt", lines[1], "    dateFormat YYYY-MM-DD", "    inclusiveEndDates"]
    tasks = [line for line in lines if TASK_LINE.match(line)]
    milestones = [line for line in lines if MILESTONE_LINE.match(line)]
    other = [line for line in lines[1:] if line not in tasks and line not in milestones]
    assert all(
        re.match(r"^    (title|dateFormat|axisFormat|excludes|section) |^    inclusiveEndDates$", o)
        for o in other
    ), other
    assert len(tasks) == len(plan.scheduled)
    assert len(milestones) == len([e for e in plan.seminars if e.status == "scheduled"])
    table = _table_dates(text)
    titles = {a.id: a.title for a in plan.actions}
    for line in tasks:
        match = TASK_LINE.match(line)
        assert match is not None
        action = plan.action(match["id"])
        assert action is not None
        assert (match["start"], match["end"]) == (action.start.isoformat(), action.end.isoformat())
        from commkit.model.common import tr

        title = tr(titles[action.id], lang).replace("|", "\\|")
        assert table[title] == (match["start"], match["end"])


def test_mermaid_titles_escape_colon_hash_semicolon():
    assert mermaid_text("Kick-off: team #1; agree") == "Kick-off#58; team #35;1#59; agree"
    assert mermaid_text("two\nlines") == "two lines"


def test_markdown_renders_with_tables_and_escapes_user_text(pack, plan):
    from markdown_it import MarkdownIt

    text = render_plan_md(plan, pack, "en")
    html = MarkdownIt("commonmark").enable("table").render(text)
    assert html.count("<table>") == 5  # January, later, seminars, manager's week, metrics
    assert "Team list | roles" in html  # the pipe stayed inside its cell
    assert "<h1>Roadmap: Test Club: Perm</h1>" in html
    assert "needed by “Start the digest”" in html
    assert "gap in “Platform”: 12.5 &lt; 50" in html
    assert 'class="language-mermaid"' in html


def test_markdown_in_russian_has_no_english_labels(pack, plan):
    text = render_plan_md(plan, pack, "ru")
    for heading in (
        "# Дорожная карта",
        "## Январь 2026",
        "## Позже",
        "## Неделя комьюнити",
        "## Итоговые показатели",
        "| Сроки | Действие | Ответственный",
    ):
        assert heading in text
    for english in ("Roadmap", "Owner", "Deliverables", "Why", "later", "Monday"):
        assert english not in text
    assert "ответ «нет» на «Есть дайджест?»" in text


def test_pack_template_overrides_the_default(pack, plan, tmp_path):
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "plan.md.j2").write_text(
        "# {{ community | inline }} ({{ actions | length }})\n", encoding="utf-8"
    )
    custom = dataclasses.replace(pack, root=tmp_path)
    assert render_plan_md(plan, custom, "en") == "# Test Club: Perm (7)\n"


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_golden_fixture_plan(pack, plan, lang):
    """Reviewed by eye; refresh on purpose with COMMKIT_UPDATE_GOLDEN=1 pytest ..."""
    import os

    golden = Path(__file__).resolve().parent / "golden" / f"plan-mini-{lang}.md"
    text = render_plan_md(plan, pack, lang)
    if os.environ.get("COMMKIT_UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


# ---------------------------------------------------------------- CSV and iCalendar


def test_csv_has_one_row_per_action(pack, plan):
    text = render_plan_csv(plan, pack, "en")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["Id"] for r in rows] == [a.id for a in plan.actions]
    first = rows[0]
    assert first["Start"] == plan.actions[0].start.isoformat()
    kick = next(r for r in rows if r["Id"] == "kick-off")
    assert kick["Action"] == "Kick-off: team #1; agree"
    assert kick["Status"] == "scheduled"
    assert next(r for r in rows if r["Id"] == "big-programme")["Status"] == "later"


def test_excel_csv_uses_semicolons(pack, plan):
    text = render_plan_csv(plan, pack, "ru", excel=True)
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][:3] == ["Код", "Действие", "Глава"]
    assert len(rows) == len(plan.actions) + 1
    assert all(len(r) == len(rows[0]) for r in rows)


def test_ics_parses_back_with_the_right_events(pack, plan):
    from icalendar import Calendar

    data = render_plan_ics(plan, pack, "en")
    cal = Calendar.from_ical(data)
    events = list(cal.walk("VEVENT"))
    assert len(events) == len(plan.actions) + len(plan.seminars)
    by_uid = {str(e["UID"]): e for e in events}
    for action in plan.actions:
        event = by_uid[f"test-club-{action.id}@commkit"]
        assert event.decoded("DTSTART") == action.start
        assert event.decoded("DTEND") == action.end + timedelta(days=1)
        assert str(event["STATUS"]) == (
            "CONFIRMED" if action.status == "scheduled" else "TENTATIVE"
        )
    meetup = by_uid["test-club-event-meetup@commkit"]
    assert meetup.decoded("DTSTART") == START + timedelta(weeks=11)
    assert str(by_uid["test-club-kick-off@commkit"]["SUMMARY"]) == "Kick-off: team #1; agree"


def test_ics_is_byte_stable_and_uids_survive_a_new_start(pack, assessment, plan):
    first = render_plan_ics(plan, pack, "en")
    assert render_plan_ics(plan, pack, "en") == first
    moved = make_plan(pack, assessment, START + timedelta(weeks=1), weeks=12)
    uids = re.findall(rb"^UID:(.+?)\r$", first, re.M)
    assert uids and uids == re.findall(rb"^UID:(.+?)\r$", render_plan_ics(moved, pack), re.M)


# ---------------------------------------------------------------- CLI


def test_cli_writes_markdown_csv_and_ics(tmp_path):
    result = cli(
        "plan",
        "--assessment",
        str(ANSWERS),
        "--start",
        "2026-01-05",
        "--weeks",
        "12",
        "--out",
        str(tmp_path),
        "--csv",
        str(tmp_path / "p.csv"),
        "--excel",
        "--ics",
        str(tmp_path / "p.ics"),
    )
    assert result.exit_code == 0, result.output
    md = tmp_path / "test-club-plan-2026-01-05.md"
    assert md.read_text(encoding="utf-8").startswith("# Roadmap: Test Club: Perm")
    assert (tmp_path / "p.csv").read_bytes().startswith(b"\xef\xbb\xbfId;Action;")
    assert (tmp_path / "p.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    shown = " ".join(result.output.split())
    assert "6 actions scheduled from 2026-01-05 to 2026-03-29, 1 later" in shown


def test_cli_plain_csv_has_no_bom(tmp_path):
    result = cli(
        "plan",
        "-a",
        str(ANSWERS),
        "--start",
        "2026-01-05",
        "--out",
        str(tmp_path),
        "--csv",
        str(tmp_path / "p.csv"),
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "p.csv").read_bytes().startswith(b"Id,Action,")


def test_cli_does_not_overwrite_without_force(tmp_path):
    args = ("plan", "-a", str(ANSWERS), "--start", "2026-01-05", "--out", str(tmp_path))
    assert cli(*args).exit_code == 0
    target = tmp_path / "test-club-plan-2026-01-05.md"
    target.write_text("mine", encoding="utf-8")
    again = cli(*args)
    assert again.exit_code == 1
    assert "already exists" in again.output and "--force" in again.output
    assert target.read_text(encoding="utf-8") == "mine"
    assert cli(*args, "--force").exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# Roadmap")


def test_cli_json_prints_only_the_plan(tmp_path):
    runner = CliRunner()
    result = runner.invoke(
        app,
        [
            "--content",
            str(PACK_DIR),
            "plan",
            "-a",
            str(ANSWERS),
            "--start",
            "2026-01-05",
            "--out",
            str(tmp_path),
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["kind"] == "plan" and data["start"] == "2026-01-05"
    assert {a["id"] for a in data["actions"]} >= {"kick-off", "big-programme"}
    assert list(tmp_path.iterdir()) == []
    assert Plan.model_validate(data).model_dump(mode="json") == data


def test_cli_reads_an_assessment_file(pack, assessment, tmp_path):
    path = tmp_path / "2026-01-02.yaml"
    path.write_text(
        yaml.safe_dump(assessment.model_dump(mode="json", exclude_none=True), allow_unicode=True),
        encoding="utf-8",
    )
    result = cli("plan", "-a", str(path), "--start", "2026-01-05", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["stage"] == "core"


def test_cli_default_start_is_the_next_monday(tmp_path):
    result = cli("plan", "-a", str(ANSWERS), "--json")
    assert result.exit_code == 0, result.output
    start = date.fromisoformat(json.loads(result.stdout)["start"])
    assert start.weekday() == 0 and 1 <= (start - date.today()).days <= 7


def test_cli_russian_output(tmp_path):
    result = cli("plan", "-a", str(ANSWERS), "--start", "2026-01-05", "--out", str(tmp_path))
    assert result.exit_code == 0
    result = CliRunner().invoke(
        app,
        [
            "--content",
            str(PACK_DIR),
            "--lang",
            "ru",
            "plan",
            "-a",
            str(ANSWERS),
            "--start",
            "2026-01-05",
            "--out",
            str(tmp_path / "ru"),
        ],
    )
    assert result.exit_code == 0, result.output
    shown = " ".join(result.output.split())
    assert "План: Test Club: Perm. Запланировано: 6 действий, с 2026-01-05" in shown
    text = (tmp_path / "ru" / "test-club-plan-2026-01-05.md").read_text(encoding="utf-8")
    assert text.startswith("# Дорожная карта: Test Club: Perm")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--capacity", "comunity-manager=2"], "did you mean 'community-manager'"),
        (["--capacity", "community-manager"], "use ROLE=N"),
        (["--capacity", "community-manager=0"], "between 1 and 100"),
        (["--excel"], "give --csv FILE too"),
        (["--start", "2026-02-30"], "is not a date"),
    ],
)
def test_cli_bad_options(tmp_path, args, expected):
    result = cli("plan", "-a", str(ANSWERS), "--out", str(tmp_path), *args)
    assert result.exit_code in (1, 2)
    assert expected in result.output
    assert "Traceback" not in result.output


def test_cli_bad_holiday_file_names_file_and_line(tmp_path):
    days = tmp_path / "days.txt"
    days.write_text("2026-01-01\n# ok\n2026-01-32\n", encoding="utf-8")
    result = cli("plan", "-a", str(ANSWERS), "--holidays", str(days), "--out", str(tmp_path))
    assert result.exit_code == 1
    assert f"{days}:3" in result.output and "2026-01-32" in result.output


def test_cli_holidays_move_the_dates(tmp_path):
    days = tmp_path / "days.yaml"
    days.write_text("holidays:\n  - 2026-01-05..2026-01-06\n", encoding="utf-8")
    result = cli(
        "plan", "-a", str(ANSWERS), "--start", "2026-01-05", "--holidays", str(days), "--json"
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert min(a["start"] for a in data["actions"]) == "2026-01-07"
    assert data["holidays"] == ["2026-01-05", "2026-01-06"]


def test_cli_rejects_other_kinds_and_bad_answers(tmp_path):
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text("kind: seminar\nversion: '1'\n", encoding="utf-8")
    result = cli("plan", "-a", str(wrong), "--out", str(tmp_path))
    assert result.exit_code == 1
    assert "wrong.yaml:1" in result.output and "kind: answers" in result.output
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        ANSWERS.read_text(encoding="utf-8").replace("one-platform: 2", "one-platform: 9"),
        encoding="utf-8",
    )
    result = cli("plan", "-a", str(bad), "--out", str(tmp_path))
    assert result.exit_code == 1
    assert "bad.yaml" in result.output and "one-platform" in result.output
    assert "Traceback" not in result.output


def test_cli_cycle_in_a_pack_is_reported(tmp_path):
    import shutil

    copy = tmp_path / "pack"
    shutil.copytree(PACK_DIR, copy)
    roadmap = copy / "methodology" / "roadmap.yaml"
    roadmap.write_text(
        roadmap.read_text(encoding="utf-8").replace(
            "    duration_days: 3\n    always: true",
            "    duration_days: 3\n    depends_on: [seminar-a]\n    always: true",
        ),
        encoding="utf-8",
    )
    result = cli("plan", "-a", str(ANSWERS), "--out", str(tmp_path), content=copy)
    assert result.exit_code == 1
    assert "dependency cycle: seminar-a -> kick-off -> seminar-a" in result.output


def test_plan_help_lists_the_options():
    result = CliRunner().invoke(app, ["plan", "--help"])
    assert result.exit_code == 0
    for option in (
        "--assessment",
        "--start",
        "--weeks",
        "--capacity",
        "--holidays",
        "--out",
        "--csv",
        "--excel",
        "--ics",
        "--json",
        "--force",
    ):
        assert option in result.output


def test_a_plan_with_nothing_selected_still_renders(pack, assessment):
    roadmap = Roadmap(
        kind="roadmap",
        version="1",
        id="quiet",
        title="Quiet",
        actions=[
            Action(
                id="q",
                chapter="tools",
                title="Q",
                owner="community-leader",
                duration_days=1,
                triggers=[{"stage": ["mature"]}],
            )
        ],
    )
    quiet = dataclasses.replace(pack, roadmap=roadmap)
    plan = make_plan(quiet, assessment, START, weeks=4)
    assert plan.actions == []
    text = render_plan_md(plan, quiet, "en")
    assert "Actions scheduled within the horizon: 0" in text
    assert render_plan_csv(plan, quiet).count("\r\n") == 1
    assert b"BEGIN:VCALENDAR" in render_plan_ics(plan, quiet)


def test_cli_missing_assessment_file_is_a_clean_error(tmp_path):
    result = cli("plan", "-a", str(tmp_path / "nope.yaml"), "--out", str(tmp_path))
    assert result.exit_code == 1
    assert "nope.yaml" in result.output and "no such file" in result.output
    assert "Traceback" not in result.output

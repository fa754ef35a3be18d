"""Team assessment: several raters of one community merged into a consensus."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commkit import api
from commkit.core.scoring import score
from commkit.core.team import merge_answers
from commkit.model.answers import Answer, Answers, Rater

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples" / "perm-krai" / "answers").glob("*.yaml"))
PACK = api.load_content()
CHECKLIST = PACK.checklist
BASE = api.load_answers(EXAMPLES[0])


def _value(q, draw):  # type: ignore[no-untyped-def]
    if q.type == "scale":
        return draw(st.integers(q.scale_spec.min, q.scale_spec.max))
    if q.type == "yes_no":
        return draw(st.sampled_from(["yes", "no"]))
    if q.type == "number":
        hi = int(q.number.max) if q.number.max is not None else 500
        return draw(st.integers(int(q.number.min), hi))
    if q.type == "choice":
        return draw(st.sampled_from([o.id for o in q.options]))
    if q.type == "multi":
        ids = [o.id for o in q.options]
        return draw(st.lists(st.sampled_from(ids), unique=True, max_size=len(ids)))
    return draw(st.text(max_size=5))


@st.composite
def rater_answers(draw):  # type: ignore[no-untyped-def]
    answers: dict[str, Answer] = {}
    for q in CHECKLIST.questions:
        kind = draw(st.sampled_from(["answered"] * 4 + ["dont_know", "not_applicable"]))
        if kind == "answered":
            answers[q.id] = Answer(value=_value(q, draw))
        else:
            answers[q.id] = Answer(status=kind)
    return BASE.model_copy(update={"answers": answers})


raters = st.lists(rater_answers(), min_size=1, max_size=3)


def _named(items: list[Answers]) -> list[tuple[str, Answers]]:
    return [(f"rater-{i}", a) for i, a in enumerate(items)]


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rater_answers())
def test_one_rater_is_that_raters_assessment(one: Answers) -> None:
    merged = merge_answers(CHECKLIST, [("solo", one)])
    assert score(CHECKLIST, merged.answers.answers) == score(CHECKLIST, one.answers)
    assert not any(m.disagree for m in merged.summary.questions)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raters)
def test_consensus_lies_within_the_raters_range(items: list[Answers]) -> None:
    merged = merge_answers(CHECKLIST, _named(items))
    by_id = {q.id: q for q in CHECKLIST.questions}
    for qid, answer in merged.answers.answers.items():
        q = by_id[qid]
        given_values = [a.answers[qid].value for a in items if a.answers[qid].status == "answered"]
        if q.type in ("scale", "number") and given_values:
            assert min(given_values) <= answer.value <= max(given_values)  # type: ignore[operator]
        if q.type in ("choice", "yes_no") and given_values:
            assert answer.value in given_values
        if not given_values:
            assert answer.status in {a.answers[qid].status for a in items}


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raters, st.randoms(use_true_random=False))
def test_rater_order_does_not_matter(items: list[Answers], rnd) -> None:  # type: ignore[no-untyped-def]
    named = _named(items)
    shuffled = list(named)
    rnd.shuffle(shuffled)
    a = merge_answers(CHECKLIST, named)
    b = merge_answers(CHECKLIST, shuffled)
    assert a.answers == b.answers
    assert a.summary == b.summary


def _with(base: Answers, name: str, **values: object) -> Answers:
    answers = dict(base.answers)
    for qid, v in values.items():
        answers[qid.replace("__", ".").replace("_", "-")] = (
            v if isinstance(v, Answer) else Answer(value=v)
        )
    return base.model_copy(update={"answers": answers, "rater": Rater(name=name, role="core team")})


def test_disagreements_are_flagged_and_named_in_the_report() -> None:
    a = _with(BASE, "Anna", purpose__common_goal=1, leadership__identified_leader="yes")
    b = _with(BASE, "Boris", purpose__common_goal=4, leadership__identified_leader="no")
    c = _with(
        BASE,
        "Vera",
        purpose__common_goal=2,
        leadership__identified_leader="yes",
        membership__members=Answer(status="dont_know", note="ask Oleg"),
    )
    team = api.assess_team([("Anna", a), ("Boris", b), ("Vera", c)], pack=PACK)
    flags = {m.question: m.reasons for m in team.team.questions if m.disagree}  # type: ignore[union-attr]
    assert flags["purpose.common-goal"] == ["scale-apart"]
    assert flags["leadership.identified-leader"] == ["split"]
    assert flags["membership.members"] == ["dont-know-vs-answer"]
    assert team.answers["purpose.common-goal"].value == 2
    assert team.answers["leadership.identified-leader"].value == "yes"
    report = api.render_assessment_markdown(team, "en", pack=PACK)
    section = report.split("## Where the team disagrees")[1].split("\n## ")[0]
    assert "Boris" in section and "ask Oleg" in section and "don't know" in section
    assert team.team is not None
    lows = [score(CHECKLIST, x.answers).overall for x in (a, b, c)]
    assert (team.team.overall_low, team.team.overall_high) == (min(lows), max(lows))
    hidden = api.assess_team(
        [("Anna", a), ("Boris", b), ("Vera", c)], pack=PACK, anonymous=True, lang="ru"
    )
    text = api.render_assessment_markdown(hidden, "ru", pack=PACK)
    assert "Boris" not in text and "Респондент 2" in text


def test_assess_team_cli_writes_a_report_plan_reads(tmp_path: Path) -> None:
    import yaml
    from typer.testing import CliRunner

    from commkit.cli.app import app

    runner = CliRunner()
    files = []
    for name, goal in (("Anna", 1), ("Boris", 4), ("Vera", 2)):
        data = yaml.safe_load(EXAMPLES[0].read_text(encoding="utf-8"))
        data["rater"] = {"name": name, "role": "core team"}
        data["answers"]["purpose.common-goal"] = goal
        path = tmp_path / f"{name.lower()}.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        files.append(str(path))
    out = tmp_path / "out"
    args = ["assess", "--team", "--anonymous", "--answers", *files, "--out", str(out)]
    result = runner.invoke(app, ["--lang", "ru", *args])
    assert result.exit_code == 0, result.output
    (report,) = out.glob("*.md")
    text = report.read_text(encoding="utf-8")
    assert "## Где команда расходится во мнениях" in text and "Респондент 3" in text
    assert "Boris" not in text and "Boris" not in next(out.glob("*.yaml")).read_text("utf-8")
    assert runner.invoke(app, ["--lang", "ru", *args]).exit_code == 1  # no overwrite
    (result_yaml,) = out.glob("*.yaml")
    plan = runner.invoke(
        app, ["plan", "--assessment", str(result_yaml), "--out", str(out), "--start", "2026-01-12"]
    )
    assert plan.exit_code == 0, plan.output
    reversed_run = runner.invoke(
        app, ["assess", "--team", "--answers", *files[::-1], "--out", str(tmp_path / "r")]
    )
    assert reversed_run.exit_code == 0
    named = yaml.safe_load(next((tmp_path / "r").glob("*.yaml")).read_text("utf-8"))
    assert [r["name"] for r in named["team"]["raters"]] == ["Anna", "Boris", "Vera"]

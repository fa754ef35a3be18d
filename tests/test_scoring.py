"""Scoring, stages, conditions and answer checks on a small fixture pack."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from commkit.core.conditions import holds
from commkit.core.scoring import assess, breakdown, check_answers, score
from commkit.model.answers import Answer, Answers
from commkit.model.condition import Condition
from commkit.model.loader import parse_file, validate_document
from commkit.model.pack import ContentPack, content_hash, load_pack_uncached

FIX = Path(__file__).parent / "fixtures" / "assess"


@pytest.fixture(scope="module")
def pack() -> ContentPack:
    return load_pack_uncached(FIX / "pack")


def answers_of(**values: Any) -> dict[str, Answer]:
    out = {}
    for key, value in values.items():
        qid = key.replace("__", ".").replace("_", "-")
        out[qid] = value if isinstance(value, Answer) else Answer(value=value)
    return out


GOOD = answers_of(
    purpose__common_goal=5,
    purpose__value_proposition="written",
    leadership__identified_leader="yes",
    leadership__leader_count=3,
    platform__single_platform=True,
    platform__members=200,
    platform__tools=["chat", "calendar", "knowledge-base"],
    ecosystem__government_contact="regularly",
    ecosystem__conflicts="no",
)


def test_all_best_answers_score_100_and_reach_the_top_stage(pack: ContentPack) -> None:
    result = score(pack.checklist, GOOD)
    assert result.overall == 100
    assert [d.score for d in result.dimensions] == [100, 100, 100, 100]
    assert result.stage == "mature" and result.next_stage is None
    assert result.gaps == [] and result.recommendations == []


def test_each_question_type_normalises_as_documented(pack: ContentPack) -> None:
    answers = {
        **GOOD,
        **answers_of(
            purpose__common_goal=2,  # (2-1)/(5-1) = 0.25
            purpose__value_proposition="draft",  # 0.5
            platform__single_platform=False,  # 0
            platform__members=49,  # band 10 -> 0.3
            platform__tools=["chat", "calendar"],  # 0.4 + 0.3
            ecosystem__conflicts="yes",  # yes_is_good: false -> 0
        ),
    }
    info = breakdown(pack.checklist, answers)
    norm = {line.question: line.normalised for line in info.questions}
    assert norm["purpose.common-goal"] == 0.25
    assert norm["purpose.value-proposition"] == 0.5
    assert norm["platform.single-platform"] == 0
    assert norm["platform.members"] == 0.3
    assert norm["platform.tools"] == pytest.approx(0.7)
    assert norm["ecosystem.conflicts"] == 0
    assert norm["purpose.mission-text"] is None
    dims = {d.id: d.score for d in info.result.dimensions}
    assert dims["purpose"] == 37.5
    assert dims["platform"] == pytest.approx(33.3)  # (0 + 0.3 + 0.7) / 3
    assert dims["ecosystem"] == 50.0
    # overall: dimension weights 1, 2, 1, 1
    assert info.result.overall == round((37.5 + 2 * 100 + 33.3 + 50) / 5, 1)


def test_dont_know_and_not_applicable_leave_the_score_and_are_counted(
    pack: ContentPack,
) -> None:
    answers = {
        **GOOD,
        "platform.members": Answer(status="dont_know"),
        "platform.tools": Answer(status="not_applicable"),
        "ecosystem.conflicts": Answer(status="dont_know", note="ask Oscar"),
    }
    result = score(pack.checklist, answers)
    platform = next(d for d in result.dimensions if d.id == "platform")
    assert platform.score == 100 and platform.dont_know == 1 and platform.not_applicable == 1
    assert result.open_questions == ["platform.members", "ecosystem.conflicts"]


def test_no_instead_of_dont_know_lowers_the_score(pack: ContentPack) -> None:
    no = score(pack.checklist, {**GOOD, "platform.single-platform": Answer(value="no")})
    dk = score(pack.checklist, {**GOOD, "platform.single-platform": Answer(status="dont_know")})
    assert no.overall < dk.overall == 100


def test_a_question_whose_condition_fails_is_not_asked_and_not_scored(
    pack: ContentPack,
) -> None:
    answers = {**GOOD, "leadership.identified-leader": Answer(value="no")}
    info = breakdown(pack.checklist, answers)
    line = next(x for x in info.questions if x.question == "leadership.leader-count")
    assert line.status == "not_asked"
    assert "leadership.leader-count" not in info.asked
    leadership = next(d for d in info.result.dimensions if d.id == "leadership")
    assert leadership.score == 0 and leadership.answered == 1


def test_stage_gate_stops_the_walk_even_with_a_high_score(pack: ContentPack) -> None:
    answers = {**GOOD, "leadership.identified-leader": Answer(value="no")}
    info = breakdown(pack.checklist, answers)
    assert info.overall >= 40
    assert info.result.stage == "core"
    failed = [s for s in info.stage_steps if not s.reached]
    assert failed[0].stage == "shared-value"
    assert failed[0].failed_requires == ["leadership.identified-leader = yes"]


def test_dimension_gate_holds_back_growth(pack: ContentPack) -> None:
    answers = {
        **GOOD,
        **answers_of(platform__single_platform="no", platform__members=5, platform__tools=[]),
    }
    result = score(pack.checklist, answers)
    assert result.overall >= 60
    assert result.stage == "shared-value" and result.next_stage == "growth"
    assert result.gaps[0] == "platform"


def test_gaps_are_ordered_by_size_and_strengths_meet_the_target(pack: ContentPack) -> None:
    answers = {
        **GOOD,
        **answers_of(
            purpose__common_goal=2,
            ecosystem__government_contact="never",
            ecosystem__conflicts="yes",
        ),
    }
    result = score(pack.checklist, answers)
    assert result.overall == 72.5
    assert result.stage == "growth"  # next stage 'mature' needs 80
    assert result.gaps == ["ecosystem", "purpose"]
    assert result.strengths == ["leadership", "platform"]


def test_recommendations_come_from_options_and_non_best_answers(pack: ContentPack) -> None:
    answers = {
        **GOOD,
        **answers_of(
            purpose__value_proposition="none",
            platform__tools=["chat"],
            purpose__common_goal=4,
        ),
    }
    recs = [(r.question, r.text) for r in score(pack.checklist, answers).recommendations]
    assert recs == [
        ("purpose.common-goal", "Write the goal down in one sentence with the core team."),
        ("purpose.value-proposition", "Draft a value proposition at the next meeting."),
        ("platform.tools", "Keep a shared calendar of events."),
        ("platform.tools", "Start a knowledge base of answers."),
    ]
    ru = score(pack.checklist, answers, lang="ru").recommendations
    assert ru[0].text == "Сформулируйте цель одной фразой вместе с ядром."


def test_assess_records_checklist_and_fires_roadmap_actions(pack: ContentPack) -> None:
    answers = Answers.model_validate(
        {
            "kind": "answers",
            "version": "1",
            "checklist": {"id": "self-identification", "version": "1.0"},
            "community": {"name": "Клуб Прикамья"},
            "answers": {
                **{k: v.model_dump(exclude_none=True) for k, v in GOOD.items()},
                "leadership.identified-leader": "no",
                "platform.members": 3,
            },
        }
    )
    result = assess(pack, answers, today=dt.date(2020, 10, 15))
    assert result.kind == "assessment" and result.date == dt.date(2020, 10, 15)
    assert result.checklist.hash == content_hash(pack.checklist)
    assert result.community.slug == "klub-prikamya"
    # always + the 'no leader' question trigger; platform 66.7 >= 60; stage core
    assert result.result.actions == ["discuss-self-identification", "find-leader"]


def test_holds_covers_every_subject_and_test() -> None:
    answers = {
        "a": Answer(value=True),
        "m": Answer(value=["x", "y"]),
        "n": Answer(value=7),
        "d": Answer(status="dont_know"),
    }
    ctx: dict[str, Any] = {
        "answers": answers,
        "question_scores": {"n": 0.3},
        "dimension_scores": {"dim": 55.0, "none": None},
        "stage": "growth",
    }

    def h(**kw: Any) -> bool:
        return holds(Condition(**kw), **ctx)

    assert h(question="a", equals="yes") and not h(question="a", equals="no")
    assert h(question="m", equals="y") and h(question="m", any_of=["z", "x"])
    assert not h(question="m", any_of=["z"])
    assert h(question="n", at_least=7) and not h(question="n", below=7)
    assert h(question="n", score_below=0.5) and not h(question="n", score_below=0.3)
    assert not h(question="d", equals="yes") and not h(question="missing", below=100)
    assert h(dimension="dim", below=60) and h(dimension="dim", at_least=55)
    assert not h(dimension="none", below=60) and not h(dimension="none", at_least=0)
    assert h(stage=["core", "growth"]) and not h(stage=["mature"])


def load(name: str) -> tuple[Answers, Any]:
    doc = parse_file(FIX / "answers" / name)
    return validate_document(doc, Answers), doc


def test_check_answers_locates_every_problem(pack: ContentPack) -> None:
    answers, doc = load("bad.yaml")
    diags = check_answers(pack.checklist, answers, doc)
    messages = "\n".join(d.format() for d in diags)
    assert "bad.yaml:6:24" in messages and "purpose.common-goal: 9 is out of range" in messages
    assert "unknown question 'purpose.value-propositon' (did you mean " in messages
    assert "bad.yaml:9:28" in messages and "expected a whole number" in messages
    assert "expected yes or no, got 'maybe'" in messages
    assert "'weekly' is not an option" in messages
    assert (
        "required questions not answered: purpose.value-proposition, ecosystem.conflicts"
        in messages
    )
    assert all(d.severity == "error" for d in diags)


def test_a_draft_may_be_incomplete(pack: ContentPack) -> None:
    answers, _ = load("fashion-tech.yaml")
    partial = answers.model_copy(update={"answers": {"purpose.common-goal": Answer(value=3)}})
    assert check_answers(pack.checklist, partial, None, require_complete=False) == []
    assert check_answers(pack.checklist, partial, None)[0].severity == "error"


def test_answers_from_another_checklist_version_are_rescored_with_a_warning(
    pack: ContentPack,
) -> None:
    answers, _ = load("fashion-tech.yaml")
    old = answers.model_copy(
        update={
            "checklist": answers.checklist.model_copy(
                update={"version": "0.9", "hash": "sha256:0000000000000000"}
            ),
            "answers": {
                **answers.answers,
                "purpose.old-question": Answer(value=3),
                "platform.members": Answer(value=-5),
            },
        }
    )
    diags = check_answers(pack.checklist, old, None)
    assert [d.severity for d in diags] == ["warning"]
    text = diags[0].message
    assert "self-identification 0.9 (sha256:0000000000000000)" in text
    assert "no longer in the checklist: purpose.old-question" in text
    assert "changed (the answer no longer fits, left out): platform.members" in text
    platform = next(d for d in score(pack.checklist, old.answers).dimensions if d.id == "platform")
    assert platform.unanswered == 1  # the answer that no longer fits is left out


def test_same_version_and_hash_gives_no_warning(pack: ContentPack) -> None:
    answers, _ = load("fashion-tech.yaml")
    ref = answers.checklist.model_copy(update={"hash": content_hash(pack.checklist)})
    assert check_answers(pack.checklist, answers.model_copy(update={"checklist": ref})) == []


def test_scoring_is_fast(pack: ContentPack) -> None:
    import time

    answers, _ = load("fashion-tech.yaml")
    start = time.perf_counter()
    for _ in range(200):
        assess(pack, answers, today=dt.date(2020, 1, 1))
    per_run = (time.perf_counter() - start) / 200
    assert per_run < 0.02, f"{per_run * 1000:.2f} ms per assessment"

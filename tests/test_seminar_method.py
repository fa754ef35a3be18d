"""The default seminars are runnable as written: the method's own rules hold in every one."""

from __future__ import annotations

from commkit.model.pack import load_pack
from commkit.model.seminar import Seminar


def _exercise_minutes(seminar: Seminar) -> int:
    return sum(block.minutes for block in seminar.agenda if block.exercise is not None)


def test_at_least_half_of_every_seminar_is_exercises() -> None:
    for seminar in load_pack().seminars:
        assert 2 * _exercise_minutes(seminar) >= seminar.duration_minutes, seminar.id


def test_every_exercise_has_its_time_in_the_agenda() -> None:
    for seminar in load_pack().seminars:
        blocks = {b.exercise: b.minutes for b in seminar.agenda if b.exercise is not None}
        for exercise in seminar.exercises:
            assert exercise.id in blocks, (seminar.id, exercise.id)
            assert exercise.minutes is None or exercise.minutes <= blocks[exercise.id], (
                seminar.id,
                exercise.id,
            )


def test_one_pitch_format_ten_pitches_of_three_minutes() -> None:
    pack = load_pack()
    meetup = pack.seminar("meetup")
    assert meetup is not None
    pitch = next(e for e in meetup.exercises if e.id == "community-pitch")
    block = next(b for b in meetup.agenda if b.exercise == "community-pitch")
    assert pitch.minutes == 3 and block.minutes >= 10 * 3
    run = next(
        step for c in pack.methodology.chapters for step in c.steps if step.id == "run-meetup"
    )
    assert "three minutes" in run.description["en"]
    for seminar in pack.seminars:
        text = seminar.model_dump_json()
        assert "five-minute MeetUp pitch" not in text and "twelve weeks" not in text


def test_the_checklist_is_filled_in_before_seminar_3() -> None:
    pack = load_pack()
    seminar_2, seminar_3 = pack.seminar("seminar-2"), pack.seminar("seminar-3")
    assert seminar_2 is not None and seminar_3 is not None
    assert any("self-identification checklist" in h["en"] for h in seminar_2.homework)
    assert seminar_3.week > seminar_2.week


def test_the_community_managers_standard_week_gives_every_row_a_function() -> None:
    role = next(r for r in load_pack().methodology.roles if r.id == "community-manager")
    assert role.weekly_schedule and all(row.function for row in role.weekly_schedule)


def test_a_guest_invited_in_the_preparation_gets_a_slot_in_the_agenda() -> None:
    inviting = []
    for seminar in load_pack().seminars:
        invites = [p["en"] for p in seminar.preparation if "invite" in p["en"].lower()]
        if seminar.type != "seminar" or not invites:
            continue
        inviting.append(seminar.id)
        slots = [
            b
            for b in seminar.agenda
            if b.title["en"].startswith("Guest")
            or (b.description is not None and "invited" in b.description["en"])
        ]
        assert slots and all(b.exercise is None and b.minutes >= 5 for b in slots), seminar.id
        for block in slots:  # the Russian says it too
            assert block.description is not None and (
                "Гост" in block.title["ru"] or "Приглашённ" in block.description["ru"]
            ), seminar.id
    assert {"seminar-2", "seminar-4", "seminar-5", "seminar-7"} <= set(inviting)


def test_seminar_6_tells_the_pilot_in_the_order_of_the_article() -> None:
    """The article: June to August, eight seminars and mixed-format MeetUps (FashionTechPerm
    was born at one in August); the community manager's test from August; the Business
    Ambassadors Club next. Both languages say it in that order: no MeetUp after August."""
    import json

    from typer.testing import CliRunner

    from commkit.cli.app import app

    marks = {
        "en": ("June to August", "MeetUps", "test period from August", "Business Ambassadors"),
        "ru": ("с июня по август", "митапы", "с августа — пробный период", "Клуб бизнес-амб"),
    }
    for lang, order in marks.items():
        result = CliRunner().invoke(app, ["--lang", lang, "seminars", "show", "6", "--json"])
        assert result.exit_code == 0, result.output
        told = next(
            block["description"]
            for block in json.loads(result.stdout)["agenda"]
            if order[0] in block["description"]
        )
        where = [told.index(mark) for mark in order]
        assert where == sorted(where), (lang, told)
        between = told[where[2] : where[3]]
        assert "MeetUp" not in between and "митап" not in between, (lang, told)

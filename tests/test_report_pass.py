"""A batch's three texts made in one pass are the texts made one at a time, and never stale.

:func:`commkit.render.report_pass.assessment_texts` makes the result file, the report and
the ``--json`` text of a batch's file together from records remembered by what they hold.
These tests give one process look-alike answers, answers out of the checklist's order, two
checklists (the pack's and a changed copy, as an overlay makes), two roadmaps, two languages
and two sets of labels, each twice (the second time from what the first remembered), and
compare every text (in UTF-8, as the one pass makes it) with the one made one at a time
(:mod:`commkit.render.report_direct`, :func:`commkit.render.report.assessment_yaml`,
:func:`commkit.render.report_json.assessment_json`), encoded.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from checklist_copies import changed_copy
from commkit import api
from commkit.api.warm_assess import _Assessment, _read, _Ref
from commkit.core.plain import PlainAnswer, plain_answers_file
from commkit.core.scoring import breakdown
from commkit.render.report import _roadmap_of, assessment_yaml, template_labels
from commkit.render.report_direct import report_chunks
from commkit.render.report_json import assessment_json
from commkit.render.report_md import tidy_lines
from commkit.render.report_pass import assessment_texts

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "perm-krai" / "answers" / "business-mentor.yaml"


@pytest.fixture(scope="module")
def pack() -> Any:
    return api.load_content(None)


@pytest.fixture(scope="module")
def answers() -> Any:
    data = _read(EXAMPLE)
    assert data is not None
    return plain_answers_file(data)


def _assessment(checklist: Any, given: dict[str, Any], answers: Any) -> tuple[Any, Any]:
    info = breakdown(checklist, given, lang=answers.language, months=None)
    made = _Assessment(
        checklist=_Ref(checklist.id, checklist.version, "h"),
        community=answers.community,
        date=answers.date,
        language=answers.language,
        answers=given,
        result=info.plain,
    )
    return made, info


def _both(
    assessment: Any, checklist: Any, info: Any, lang: str, pack: Any, t: Any = None
) -> tuple[tuple[bytes, bytes, bytes] | None, tuple[bytes, bytes, bytes]]:
    """The three texts in one pass (``None``: not covered) and one at a time, in UTF-8."""
    t = t if t is not None else template_labels(lang)
    roadmap = _roadmap_of(pack.roadmap.actions)
    made = assessment_texts(assessment, checklist, info, lang, t, roadmap=roadmap, as_json=True)
    chunks = report_chunks(assessment, checklist, info, lang, t, roadmap=roadmap, chart=None)
    assert chunks is not None
    texts = (assessment_yaml(assessment), tidy_lines(chunks), assessment_json(assessment).text)
    apart = (texts[0].encode(), texts[1].encode(), texts[2].encode())
    if made is None:
        return None, apart
    assert made[2] is not None
    assert made[2].text == texts[2]  # read back as text when asked for
    return (made[0], made[1], made[2].utf8()), apart


ODD_VALUES: list[Any] = [1, 1.0, True, 0.0, -0.0, 2.5, "1", "", "текст", None, ["a", "b"], []]


def test_look_alike_answers_get_their_own_texts(pack: Any, answers: Any) -> None:
    checklist = pack.checklists[answers.checklist.id]
    first = checklist.questions[0].id
    for _ in range(2):  # the second round from what the first remembered
        for value in ODD_VALUES:
            for note in (None, "a note", "a note "):
                for status in ("answered", "dont_know"):
                    given = dict(answers.answers)
                    given[first] = PlainAnswer(status=status, value=value, note=note)
                    assessment, info = _assessment(checklist, given, answers)
                    made, apart = _both(assessment, checklist, info, "en", pack)
                    assert made == apart, (value, note, status)


def test_answers_out_of_the_checklists_order_and_missing_ones(pack: Any, answers: Any) -> None:
    checklist = pack.checklists[answers.checklist.id]
    shuffled = dict(reversed(answers.answers.items()))
    fewer = dict(list(answers.answers.items())[3:])
    for given in (shuffled, fewer, dict(answers.answers)):
        assessment, info = _assessment(checklist, given, answers)
        for lang in ("en", "ru"):
            made, apart = _both(assessment, checklist, info, lang, pack)
            assert made == apart, lang
    info.outcomes = info.outcomes[::-1]  # a breakdown in another order, then with one missing
    made, apart = _both(assessment, checklist, info, "en", pack)
    assert made == apart
    info.outcomes = info.outcomes[1:]
    made, apart = _both(assessment, checklist, info, "en", pack)
    assert made == apart


def test_two_checklists_languages_and_labels_in_one_process(pack: Any, answers: Any) -> None:
    checklist = pack.checklists[answers.checklist.id]
    copy = changed_copy(checklist, questions=True)
    overlay = dataclasses.replace(pack, checklists={**pack.checklists, checklist.id: copy})
    relabelled = {**template_labels("en"), "summary": "In short", "none": "Nothing"}
    seen: dict[tuple[str, str, bool], tuple[bytes, bytes, bytes]] = {}
    for _ in range(2):
        for which, used in (("pack", checklist), ("overlay", copy)):
            assessment, info = _assessment(used, dict(answers.answers), answers)
            for lang in ("en", "ru"):
                for changed in (False, True):
                    t = relabelled if changed and lang == "en" else None
                    made, apart = _both(assessment, used, info, lang, overlay, t)
                    assert made is not None
                    assert made == apart, (which, lang, changed)
                    seen.setdefault((which, lang, changed), made)
                    assert seen[which, lang, changed] == made
    reports = {key: texts[1].decode() for key, texts in seen.items()}
    assert len(set(reports.values())) == 6  # ru has one set of labels here
    assert "Question 0" in reports["overlay", "en", False]
    assert "Вопрос 0" in reports["overlay", "ru", False]
    assert "Question 0" not in reports["pack", "en", False]
    assert "## In short" in reports["pack", "en", True]


def test_a_piece_that_needs_tidying_takes_the_one_at_a_time_way(pack: Any, answers: Any) -> None:
    checklist = pack.checklists[answers.checklist.id]
    # an empty meaning: "**Stage:** Stage 1. " ends in a space
    copy = changed_copy(checklist, meaning="", questions=True)
    assessment, info = _assessment(copy, dict(answers.answers), answers)
    made, apart = _both(assessment, copy, info, "en", pack)
    assert made is None
    assert not any(line.endswith(b" ") for line in apart[1].splitlines())
    made, apart = _both(assessment, copy, info, "ru", pack)  # its meaning is not empty
    assert made == apart


COMMUNITIES: list[dict[str, Any]] = [
    {"name": "Club", "slug": "club"},
    {"name": "Club: 'one'", "slug": "yes", "region": "Perm", "formalised": True},
    {"name": "Клуб «Один»", "slug": "klub", "new": False, "founded": "2015"},
    {"name": "# 1. Club", "slug": "c", "region": "", "formalised": False, "new": True},
]


def test_communities_of_plain_texts_and_of_several_languages(pack: Any) -> None:
    data = _read(EXAMPLE)
    assert data is not None
    for _ in range(2):
        for community in [*COMMUNITIES, data["community"]]:
            answers = plain_answers_file({**data, "community": dict(community)})
            checklist = pack.checklists[answers.checklist.id]
            assessment, info = _assessment(checklist, dict(answers.answers), answers)
            for lang in ("en", "ru"):
                made, apart = _both(assessment, checklist, info, lang, pack)
                assert made == apart, (community, lang)


def test_next_steps_follow_the_roadmap_they_are_made_with(pack: Any, answers: Any) -> None:
    # the next steps are remembered whole by their actions: another roadmap (an overlay's,
    # its actions' titles changed) must not get the first one's
    checklist = pack.checklists[answers.checklist.id]
    actions = [
        a.model_copy(update={"title": {"en": f"Action {i}", "ru": f"Действие {i}"}})
        for i, a in enumerate(pack.roadmap.actions)
    ]
    roadmap = pack.roadmap.model_copy(update={"actions": actions})
    overlay = dataclasses.replace(pack, roadmap=roadmap)
    assessment, info = _assessment(checklist, dict(answers.answers), answers)
    assessment.result.actions = [a.id for a in pack.roadmap.actions[:3]]
    for _ in range(2):
        for used in (pack, overlay):
            for lang in ("en", "ru"):
                made, apart = _both(assessment, checklist, info, lang, used)
                assert made is not None
                assert made == apart, lang
                assert (("Action 1" if lang == "en" else "Действие 1") in made[1].decode()) is (
                    used is overlay
                )

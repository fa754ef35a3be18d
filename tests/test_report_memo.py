"""A batch's reports share the texts they put in words (question texts, answers, labels,
scores), yet each report shows its own: a changed copy of the checklist, another language,
another answer never gets the words of an earlier report."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from commkit import api

ROOT = Path(__file__).parent.parent
ANSWERS = ROOT / "examples" / "perm-krai" / "answers" / "fashiontechperm.yaml"


def _with_checklist(pack: Any, checklist: Any) -> Any:
    return dataclasses.replace(pack, checklists={**pack.checklists, checklist.id: checklist})


def _appendix_line(report: str, qid: str) -> str:
    return next(line for line in report.splitlines() if line.startswith(f"| `{qid}` |"))


def test_a_changed_copy_of_the_checklist_is_reported_with_its_own_texts() -> None:
    pack = api.load_content()
    assessment = api.assess(api.load_answers(ANSWERS), pack=pack)
    checklist = pack.checklists[assessment.checklist.id]
    before = api.render_assessment_markdown(assessment, "en", pack=pack)
    choice = next(
        q for q in checklist.questions if q.type == "choice" and q.id in assessment.answers
    )
    picked = assessment.answers[choice.id].value
    options = [
        o.model_copy(update={"label": {"en": "Relabelled", "ru": "Переименовано"}})
        if o.id == picked
        else o
        for o in choice.options
    ]
    renamed = choice.model_copy(
        update={"text": {"en": "A renamed question?", "ru": "Новый вопрос?"}, "options": options}
    )
    questions = [renamed if q is choice else q for q in checklist.questions]
    changed = _with_checklist(pack, checklist.model_copy(update={"questions": questions}))

    for lang, text, label in (
        ("en", "A renamed question?", "Relabelled"),
        ("ru", "Новый вопрос?", "Переименовано"),
    ):
        line = _appendix_line(
            api.render_assessment_markdown(assessment, lang, pack=changed), choice.id
        )
        assert text in line and label in line
    # and the original checklist still gets its own words back
    assert api.render_assessment_markdown(assessment, "en", pack=pack) == before
    assert "Relabelled" not in before and "A renamed question?" not in before


def test_each_report_of_a_batch_shows_its_own_answers_and_language() -> None:
    pack = api.load_content()
    answers = api.load_answers(ANSWERS)
    checklist = pack.checklists[answers.checklist.id]
    choice = next(q for q in checklist.questions if q.type == "choice" and len(q.options) > 2)
    reports = {}
    for option in choice.options[:3]:
        given = dict(answers.answers)
        given[choice.id] = given[choice.id].model_copy(update={"value": option.id, "note": None})
        assessment = api.assess(answers.model_copy(update={"answers": given}), pack=pack)
        for lang in ("en", "ru"):
            report = api.render_assessment_markdown(assessment, lang, pack=pack)
            line = _appendix_line(report, choice.id)
            assert option.label[lang] in line, (lang, line)
            reports[option.id, lang] = report
    assert len(set(reports.values())) == len(reports)

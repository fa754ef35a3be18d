"""The pieces a batch remembers between files never make a file's text stale or wrong.

The report, the result file and the ``--json`` text of a batch's file are joined from pieces
remembered by what they hold (an answer, a dimension's score, a recommendation). These
tests give one process answers that look alike but differ (``1``, ``1.0``, ``True``,
``0.0`` and ``-0.0``, a note or none, a list), two checklists, two languages and a
changed copy of a checklist (as an overlay makes), and compare each text with the one
written from scratch.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from checklist_copies import changed_copy
from commkit import api
from commkit.api import batch_plain
from commkit.api.warm_assess import _Assessment, _read, _Ref
from commkit.core.plain import PlainAnswer, plain_answers_file
from commkit.core.scoring import breakdown

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "perm-krai" / "answers" / "business-mentor.yaml"


def _scratch_json(assessment: Any) -> str:
    """The ``--json`` text as ``json.dumps`` writes the model's data (the full path's way
    for every float)."""
    ref, community = assessment.checklist, assessment.community
    data = {
        "version": assessment.version,
        "kind": assessment.kind,
        "checklist": {"id": ref.id, "version": ref.version, "hash": ref.hash},
        "community": {
            k: batch_plain._copied(getattr(community, k)) for k in batch_plain._COMMUNITY
        },
        "date": assessment.date.isoformat(),
        "language": assessment.language,
        "rater": None,
        "answers": {
            qid: {
                "status": a.status,
                "value": batch_plain._copied(a.value),
                "note": batch_plain._copied(a.note),
            }
            for qid, a in assessment.answers.items()
        },
        "result": assessment.result.data(),
        "team": None,
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


ODD_VALUES: list[Any] = [
    1,
    1.0,
    True,
    0.0,
    -0.0,
    1e-05,
    2.5,
    "1",
    "",
    "текст",
    None,
    ["a", "b"],
    ["a"],
    [1, 2.0],
    [],
    {"en": "text", "ru": "текст"},
    dt.date(2020, 1, 2),
]


@pytest.fixture(scope="module")
def scored() -> tuple[Any, Any]:
    pack = api.load_content(None)
    data = _read(EXAMPLE)
    assert data is not None
    answers = plain_answers_file(data)
    return answers, breakdown(pack.checklist, answers.answers, lang="en", months=None)


def test_answers_that_look_alike_get_their_own_pieces(scored: tuple[Any, Any]) -> None:
    from commkit.render.report import assessment_data, assessment_yaml, yaml_text

    answers, info = scored
    notes: list[Any] = [None, "a note", {"en": "n", "ru": "з"}]
    statuses = ["answered", "dont_know"]
    for round_ in range(2):  # the second round reads what the first remembered
        for value in ODD_VALUES:
            for note in notes:
                for status in statuses:
                    given = {
                        **answers.answers,
                        "x": PlainAnswer(status=status, value=value, note=note),
                    }
                    assessment = _Assessment(
                        checklist=_Ref("c", "1", None if round_ else "h"),
                        community=answers.community,
                        date=answers.date,
                        language="en",
                        answers=given,
                        result=info.plain,
                    )
                    text = batch_plain.assessment_json(assessment).text
                    assert text == _scratch_json(assessment), (value, note, status)
                    whole = yaml_text(assessment_data(assessment))
                    assert assessment_yaml(assessment) == whole, (value, note, status)
                    assert json.loads(text)["answers"]["x"]["value"] == json.loads(
                        json.dumps(batch_plain._copied(value))
                    )


def _from_the_view(pack: Any, assessment: Any, lang: str) -> str:
    """The report through the view and the template's lines: nothing remembered between
    reports but escaped texts."""
    from commkit.core.scoring import checklist_for_ref
    from commkit.render import report
    from commkit.render.report_md import report_lines, tidy

    checklist = checklist_for_ref(pack, assessment.checklist.id)
    view = report.build_view(pack, checklist, assessment, lang)
    view["chart"] = None
    view["peers"] = None
    t = report._template_labels[lang]
    return tidy("\n".join(report_lines(view, t)) + "\n")


def test_two_checklists_and_two_languages_in_one_process_get_their_own_reports() -> None:
    import dataclasses

    pack = api.load_content(None)
    answers = api.load_answers(EXAMPLE)
    checklist = pack.checklists[answers.checklist.id]
    overlay = dataclasses.replace(
        pack, checklists={**pack.checklists, checklist.id: changed_copy(checklist)}
    )
    assessment = api.assess(answers, pack=pack)
    seen = {}
    for _ in range(2):  # the second round from what the first remembered
        for which, used in (("pack", pack), ("overlay", overlay)):
            for lang in ("en", "ru"):
                text = api.render_assessment_markdown(assessment, lang, pack=used)
                assert text == _from_the_view(used, assessment, lang), (which, lang)
                seen.setdefault((which, lang), text)
                assert seen[which, lang] == text
    assert len(set(seen.values())) == 4
    assert "Dim 0" in seen["overlay", "en"] and "Изм 0" in seen["overlay", "ru"]
    assert "Dim 0" not in seen["pack", "en"]


def test_a_batch_with_its_own_report_template_renders_it(tmp_path: Path) -> None:
    from commkit.render.report import TEMPLATE

    pack = api.load_content(None)
    data = _read(EXAMPLE)
    assert data is not None
    (tmp_path / TEMPLATE).write_text("# {{ view.community }} (own)\n", encoding="utf-8")

    class OwnTemplate:  # the pack as the plain way reads it, with a template of its own
        checklists = pack.checklists
        roadmap = pack.roadmap
        template_dirs = [tmp_path, *pack.template_dirs]

    for own in (True, False, True):  # each batch (its writer) looks again
        writer = api.AssessmentWriter(pack=pack, out=tmp_path / "out")
        used: Any = OwnTemplate if own else pack
        made = batch_plain._assessed(dict(data), used, writer, None, None, False)
        assert made is not None
        made_text = dict((role, text) for role, _, text in made.files)["markdown"]
        # (the one pass makes its texts in UTF-8, a template of one's own as text)
        markdown = made_text.decode() if isinstance(made_text, bytes) else made_text
        assert markdown.endswith("(own)\n") is own
        assert (markdown.count("\n") == 1) is own

"""The report and the result file read attributes only: an assessment given as plain objects
(built from the model's JSON data, as a warm command reads it) gives the same bytes as the
models, on every example, in both languages, and on generated answers."""

from __future__ import annotations

import datetime as dt
import functools
import json
import random
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

from commkit import api
from commkit.core.plain import PlainAnswer
from commkit.core.scoring import Breakdown, assessment_breakdown, checklist_for_ref
from commkit.model.answers import (
    Answer,
    Answers,
    Assessment,
    AssessmentResult,
    ChecklistRef,
    CommunityRef,
    DimensionResult,
    Rater,
    Recommendation,
)
from commkit.render import report
from commkit.render.data_labels import data_labels
from commkit.render.text import md_inline

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples" / "perm-krai" / "answers").glob("*.yaml"))
SAVED = sorted((ROOT / "examples" / "perm-krai" / "assessments").glob("*/*.yaml"))


def dumped(model: Any) -> dict[str, Any]:
    """What the result file held before it was read from attributes: the model's dump."""
    fields = type(model).model_fields
    skip: dict[str, Any] = {
        "answers": True,
        "result": {"recommendations": {"__all__": {"text"}}},
    }
    data = model.model_dump(mode="json", exclude_none=True, exclude=skip)
    out = {k: data.pop(k) for k in ("kind", "version") if k in data}
    for name in fields:
        if name == "answers":
            out["answers"] = {
                qid: a.value
                if a.status == "answered" and not a.note and not isinstance(a.value, dict)
                else a.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
                for qid, a in model.answers.items()
            }
        elif name in data:
            out[name] = data.pop(name)
    out.update(data)
    return out


class Plain:
    """An object with attributes only (weakly referable, as the report's tables need)."""


def plain(data: Any, *, keep: bool = False) -> Any:
    """JSON data as attribute objects (text maps and the answers stay mappings)."""
    if isinstance(data, list):
        return [plain(item) for item in data]
    if not isinstance(data, dict) or keep:
        return data
    out = Plain()
    for key, value in data.items():
        if key == "answers":
            value = {qid: plain(a) for qid, a in value.items()}
        elif key in ("name", "region", "note", "value", "role"):
            value = plain(value, keep=True)
        else:
            value = plain(value)
        setattr(out, key, value)
    return out


def plain_assessment(assessment: Assessment, info: Breakdown | None = None) -> Any:
    """``assessment`` as plain objects, from its JSON data (no model in it); its answers as
    the engine's plain answers, and its result the engine's own plain result when ``info``
    is the breakdown it was made with."""
    data = assessment.model_dump(mode="json")
    made = plain(data)
    made.date = dt.date.fromisoformat(data["date"])
    made.answers = {qid: PlainAnswer(a.status, a.value, a.note) for qid, a in made.answers.items()}
    if info is not None and assessment.result is info.result:
        made.result = info.plain
    return made


def random_answers(pack: Any, rnd: random.Random, i: int) -> Any:
    """Answers to the default checklist: values of every type, "don't know", "not
    applicable", notes in one or two languages, questions left out."""
    checklist = pack.checklist
    answers: dict[str, Any] = {}
    for q in checklist.questions:
        roll = rnd.random()
        if roll < 0.08 and not q.required:
            continue
        if roll < 0.15:
            answers[q.id] = {"status": rnd.choice(["dont_know", "not_applicable"])}
        elif q.type == "yes_no":
            answers[q.id] = rnd.choice(["yes", "no", True, False])
        elif q.type == "scale":
            spec = q.scale_spec
            answers[q.id] = rnd.randint(spec.min, spec.max)
        elif q.type == "number":
            spec = q.number
            top = spec.max if spec is not None and spec.max is not None else 1000
            whole = spec is None or spec.integer
            low = spec.min if spec is not None and spec.min is not None else 0
            values = [
                v
                for v in (0, 1, 3, 12, 150, 2.5, 1000)
                if low <= v <= top and (v % 1 == 0 or not whole)
            ]
            answers[q.id] = rnd.choice(values)
        elif q.type == "choice":
            answers[q.id] = rnd.choice(q.options).id
        elif q.type == "multi":
            ticked = [o.id for o in q.options if not o.exclusive and rnd.random() < 0.4]
            alone = [o.id for o in q.options if o.exclusive]
            answers[q.id] = ticked or alone[:1] or [q.options[0].id]
        else:
            text = {"value": {"en": "Text", "ru": "Текст"}}
            answers[q.id] = rnd.choice(["a value: with a colon", text])
        if q.id in answers and rnd.random() < 0.1:
            entry = answers[q.id]
            entry = entry if isinstance(entry, dict) else {"value": entry}
            entry["note"] = rnd.choice(["why: because", {"en": "Seen", "ru": "Видели"}, ""])
            answers[q.id] = entry
    doc = {
        "kind": "answers",
        "version": "1",
        "checklist": {"id": checklist.id, "version": str(checklist.version)},
        "community": {
            "name": rnd.choice([f"Club {i}", f"Клуб «{i}»", {"en": f"C {i}", "ru": f"К {i}"}]),
            "region": rnd.choice([None, "Perm Krai", {"en": "Perm", "ru": "Пермь"}]),
            "formalised": rnd.choice([None, True, False]),
            "new": rnd.choice([None, True, False]),
            "founded": rnd.choice([None, "2019", "2020-03"]),
        },
        "date": dt.date(2020, 10, 15) + dt.timedelta(days=i),
        "language": rnd.choice(["en", "ru"]),
        "answers": answers,
    }
    doc["community"] = {k: v for k, v in doc["community"].items() if v is not None}
    return api.check_answers(Answers.model_validate(doc), pack=pack)


@functools.cache
def assessments() -> tuple[Assessment, ...]:
    """The examples scored now, the saved ones read back, and 40 generated ones."""
    pack = api.load_content()
    made = [api.assess(p, pack=pack) for p in EXAMPLES]
    made += [api.load_assessment(p) for p in SAVED]
    rnd = random.Random(8)
    made += [api.assess(random_answers(pack, rnd, i), pack=pack) for i in range(40)]
    return tuple(made)


def test_the_fields_written_are_the_models_fields() -> None:
    """A field added to a model must be added to the writer that reads attributes."""
    assert tuple(Assessment.model_fields) == report.ASSESSMENT_FIELDS
    assert tuple(CommunityRef.model_fields) == report.COMMUNITY_FIELDS
    assert tuple(ChecklistRef.model_fields) == ("id", "version", "hash")
    assert tuple(Rater.model_fields) == ("name", "role")
    assert tuple(Answer.model_fields) == ("status", "value", "note")
    assert tuple(AssessmentResult.model_fields) == (
        "overall",
        "stage",
        "next_stage",
        "dimensions",
        "strengths",
        "gaps",
        "recommendations",
        "actions",
        "open_questions",
        "held_back_by",
    )
    assert tuple(DimensionResult.model_fields) == (
        "id",
        "score",
        "answered",
        "dont_know",
        "not_applicable",
        "unanswered",
    )
    assert tuple(Recommendation.model_fields) == ("question", "dimension", "text")


def test_the_result_file_is_the_models_dump_from_models_and_from_plain_objects() -> None:
    made = assessments()
    assert len(made) > 40
    for assessment in made:
        expected = dumped(assessment)
        assert report.assessment_data(assessment) == expected
        text = report.to_yaml(assessment)
        assert text == report.yaml_text(expected)
        assert report.to_yaml(plain_assessment(assessment)) == text


def test_a_rater_and_a_team_are_written_as_the_model_dumps_them() -> None:
    pack = api.load_content()
    workspace = ROOT / "examples" / "perm-krai"
    raters = [
        (api.rater_label(a, p.stem), a)
        for p in api.team_raters_in_workspace(workspace, "fashiontechperm")
        for a in [api.load_answers(p)]
    ]
    team = api.assess_team(raters, pack=pack)
    assert team.team is not None
    rater = Rater(name="Olga", role={"en": "Lead", "ru": "Лидер"})
    rated = team.model_copy(update={"rater": rater})
    for assessment in (team, rated):
        assert report.assessment_data(assessment) == dumped(assessment)
    assert "rater:\n  name: Olga\n  role:\n    en: Lead\n" in report.to_yaml(rated)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_yaml_from_plain_objects_reads_back_as_the_same_assessment(lang: str) -> None:
    pack = api.load_content()
    assessment = api.assess(EXAMPLES[0], pack=pack)
    text = report.to_yaml(plain_assessment(assessment))
    assert text == report.to_yaml(assessment)
    assert text.startswith("kind: assessment\nversion: '1'\nchecklist:\n")


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_report_from_plain_objects_is_the_models_report(lang: str) -> None:
    pack = api.load_content()
    made = assessments()
    for assessment in made:
        checklist = checklist_for_ref(pack, assessment.checklist.id)
        info = assessment_breakdown(checklist, assessment)
        expected = (report.to_yaml(assessment), report.assessment_markdown(pack, assessment, lang))
        files = report.render_report_files(
            plain_assessment(assessment, info),
            checklist,
            info,
            lang,
            actions=pack.roadmap.actions,
            template_dirs=pack.template_dirs,
        )
        assert files == expected


def test_the_report_from_plain_objects_is_what_the_writer_writes(tmp_path: Path) -> None:
    pack = api.load_content()
    writer = api.AssessmentWriter(pack=pack, out=tmp_path, charts=True)
    for path in EXAMPLES:
        assessment = api.assess(path, pack=pack)
        written = {role: text for role, _, text in writer.render(assessment, lang="ru").files}
        checklist = checklist_for_ref(pack, assessment.checklist.id)
        slug = assessment.community.slug
        label = md_inline(data_labels("ru")["chart_scores"])
        chart = f"![{label}](<{slug}-assessment-{assessment.date}-scores.svg>)"
        info = assessment_breakdown(checklist, assessment)
        assert assessment.result is info.result
        files = report.render_report_files(
            plain_assessment(assessment, info),
            checklist,
            info,
            "ru",
            actions=pack.roadmap.actions,
            template_dirs=pack.template_dirs,
            chart=chart,
        )
        assert files == (written["yaml"], written["markdown"])


def test_a_packs_own_template_renders_the_plain_objects_view(tmp_path: Path) -> None:
    pack = api.load_content()
    assessment = api.assess(EXAMPLES[0], pack=pack)
    (tmp_path / report.TEMPLATE).write_text(
        "# {{ view.community | md }} ({{ view.stage.title }}) {{ t.title }}\n", encoding="utf-8"
    )
    checklist = checklist_for_ref(pack, assessment.checklist.id)
    _, markdown = report.render_report_files(
        plain_assessment(assessment),
        checklist,
        assessment_breakdown(checklist, assessment),
        "en",
        actions=pack.roadmap.actions,
        template_dirs=[tmp_path, *pack.template_dirs],
    )
    assert markdown.startswith("# Business Club of Prikamye (Shared value taking shape) ")
    assert markdown.count("\n") == 1


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_report_written_straight_is_the_views_report(lang: str) -> None:
    """The built-in report written in one pass from the assessment (a batch's way) gives
    the lines of the view the templates read, with and without a chart."""
    from commkit.render import report_direct, report_md

    pack = api.load_content()
    for i, assessment in enumerate(assessments()):
        checklist = checklist_for_ref(pack, assessment.checklist.id)
        info = assessment_breakdown(checklist, assessment)
        chart = "![chart](<x-scores.svg>)" if i % 2 else None
        report.assessment_markdown(pack, assessment, lang)  # fills the labels' table
        t = report._template_labels[lang]
        view = report.build_view(pack, checklist, assessment, lang)
        view["chart"] = chart
        view["peers"] = None
        for _ in range(2):  # once made, once remembered
            straight = report_direct.report_lines(
                assessment, checklist, info, lang, t, roadmap=pack.roadmap, chart=chart
            )
            assert straight == report_md.report_lines(view, t)


RENDER_WITHOUT_PYDANTIC = textwrap.dedent(
    """
    import json
    import sys

    from commkit.core.plain import plain_actions, plain_answers_file, plain_checklist
    from commkit.core.scoring import (
        breakdown, checklist_hash, fired_action_ids, months_active,
    )
    from commkit.render.report import render_report_files


    class Plain:
        pass


    given = json.loads(sys.stdin.read())
    checklist = plain_checklist(given["checklist"])
    actions = plain_actions(given["actions"])
    answers = plain_answers_file(given["answers"])
    months = months_active(answers.community.founded, answers.date)
    info = breakdown(checklist, answers.answers, lang=answers.language, months=months)
    info.plain.actions = fired_action_ids(actions, info)
    ref = Plain()
    ref.id, ref.version, ref.hash = checklist.id, checklist.version, checklist_hash(checklist)
    assessment = Plain()
    assessment.kind, assessment.version, assessment.checklist = "assessment", "1", ref
    assessment.community = answers.community
    assessment.date, assessment.language = answers.date, answers.language
    assessment.rater = assessment.team = None
    assessment.answers, assessment.result = answers.answers, info.plain
    files = [
        render_report_files(assessment, checklist, info, lang, actions=actions)
        for lang in ("en", "ru")
    ]
    loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("pydantic", "pydantic_core"))
    print(json.dumps([files, loaded]))
    """
)


def test_rendering_from_plain_objects_imports_no_pydantic() -> None:
    """A fresh process scores an example from JSON data and writes its result and report
    in both languages without loading pydantic, byte for byte as from the models."""
    pack = api.load_content()
    path = EXAMPLES[-1]
    answers = api.load_answers(path)
    checklist = checklist_for_ref(pack, answers.checklist.id)
    raw = yaml.safe_load(path.read_text("utf-8"))
    raw["community"]["slug"] = "a-slug"  # what assess sets when the file has none
    given = {
        "checklist": checklist.model_dump(mode="json"),
        "actions": pack.roadmap.model_dump(mode="json")["actions"],
        "answers": raw,
    }
    run = subprocess.run(
        [sys.executable, "-c", RENDER_WITHOUT_PYDANTIC],
        input=json.dumps(given, default=str),
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    files, loaded = json.loads(run.stdout)
    assert loaded == []
    assessment = api.assess(path, pack=pack, slug="a-slug")
    for lang, (yaml_text, markdown) in zip(("en", "ru"), files, strict=True):
        assert yaml_text == report.to_yaml(assessment)
        assert markdown == report.assessment_markdown(pack, assessment, lang)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_scored_and_reported_from_the_json_data_as_from_the_models(lang: str) -> None:
    """The checklist, the roadmap's actions and the answers as plain objects built from
    their JSON data (a warm command's way): the same result file and report."""
    from commkit.core.plain import plain_actions, plain_answers, plain_checklist
    from commkit.core.scoring import breakdown, fired_action_ids, months_active

    pack = api.load_content()
    checklist = checklist_for_ref(pack, pack.checklist.id)
    plain_list = plain_checklist(checklist.model_dump(mode="json"))
    actions = plain_actions(pack.roadmap.model_dump(mode="json")["actions"])
    fresh = [a for a in assessments() if a.result is assessment_breakdown(checklist, a).result]
    assert len(fresh) > 40
    for assessment in fresh:
        made = plain_assessment(assessment)
        made.answers = plain_answers(assessment.model_dump(mode="json")["answers"])
        months = months_active(assessment.community.founded, assessment.date)
        info = breakdown(plain_list, made.answers, lang=assessment.language, months=months)
        info.plain.actions = fired_action_ids(actions, info)
        made.result = info.plain
        files = report.render_report_files(made, plain_list, info, lang, actions=actions)
        assert files == (
            report.to_yaml(assessment),
            report.assessment_markdown(pack, assessment, lang),
        )


def test_a_result_file_with_text_the_plain_writer_leaves_to_pyyaml() -> None:
    """A note with a line break, a text with a tab, a float zero: the pieces give way to the
    whole document's way, with the same text."""
    pack = api.load_content()
    assessment = api.assess(EXAMPLES[0], pack=pack)
    first, second, *_ = assessment.answers
    odd = {
        **assessment.answers,
        first: Answer(value=assessment.answers[first].value, note="two\nlines"),
        second: Answer(status="dont_know", note="a\ttab"),
    }
    changed = assessment.model_copy(update={"answers": odd})
    text = report.to_yaml(changed)
    assert text == report.yaml_text(dumped(changed))
    assert yaml.safe_load(text)["answers"][first]["note"] == "two\nlines"
    assert report.to_yaml(plain_assessment(changed)) == text


def test_another_list_of_actions_is_reported_with_its_own_titles() -> None:
    pack = api.load_content()
    assessment = api.assess(EXAMPLES[0], pack=pack)
    checklist = checklist_for_ref(pack, assessment.checklist.id)
    info = assessment_breakdown(checklist, assessment)
    fired = assessment.result.actions[0]
    actions = list(pack.roadmap.actions)
    renamed = [
        a.model_copy(update={"title": {"en": "A renamed step", "ru": "Новый шаг"}})
        if a.id == fired
        else a
        for a in actions
    ]
    for given, title in ((actions, None), (renamed, "A renamed step"), (actions, None)):
        _, markdown = report.render_report_files(
            plain_assessment(assessment, info), checklist, info, "en", actions=given
        )
        assert ("A renamed step" in markdown) is (title is not None)

"""`commkit assess --rescore`: old assessments under the current checklist, and a report that
says what was carried, what was mapped and how, and which questions need a new answer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from commkit import api
from commkit.cli.app import app
from commkit.core.rescore import MAPPED
from commkit.core.scoring import asked_questions
from commkit.model.answers import Answers
from commkit.model.loader import load_file
from commkit.model.migration import value_key
from commkit.model.pack import ContentPack, load_pack_uncached
from language_check import english_phrases

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
# The Perm Krai example as it was written for checklist 1.0 (kept frozen there)
ANSWERS = sorted((FIXTURES / "answers-1.0").rglob("*.yaml"))


@pytest.fixture(scope="module")
def pack() -> ContentPack:
    return load_pack_uncached(None)


def test_every_1_0_example_is_re_scored_with_the_migration_s_story(
    pack: ContentPack, runner: CliRunner, tmp_path: Path
) -> None:
    assert len(ANSWERS) >= 7
    before = {p: p.read_bytes() for p in ANSWERS}
    result = runner.invoke(
        app, ["assess", "--rescore", *map(str, ANSWERS), "-o", str(tmp_path), "--json"]
    )
    assert result.exit_code == 0, result.output
    reports = json.loads(result.stdout)
    assert len(reports) == len(ANSWERS)
    (migration,) = pack.migrations
    steps = migration.all_steps()
    for path, report in zip(ANSWERS, reports, strict=True):
        old = load_file(path, Answers).answers
        assert report["from"] == "1.0" and report["to"] == pack.checklist.version
        expected_mapped = {
            n for s in steps if s.how in MAPPED and any(o in old for o in s.old) for n in s.new
        }
        mapped = {m["new"]: m for m in report["mapped"]}
        need = {n["id"]: n for n in report["need_answer"]}
        carried = api.rescore(path, pack=pack).answers.answers
        applies = {q.id for q in asked_questions(pack.checklist, carried)}
        # mapped: the new questions a mapping step fed from a given old answer; the others
        # (the old value has no equivalent) are asked again, where they apply
        assert set(mapped) == {n for n in expected_mapped if n in carried}
        assert all(n in need or n not in applies for n in expected_mapped - set(carried))
        for step in steps:
            if step.how not in MAPPED:
                continue
            for new in step.new:
                if new in mapped:
                    assert mapped[new]["old"] == step.old
                    assert mapped[new]["how"] == step.how
                    given = old[step.old[0]]
                    old_value = given.value if given.status == "answered" else given.status
                    assert mapped[new]["before"] == [old_value]
                    if step.values is not None and given.status == "answered":
                        expected = step.values[value_key(old_value)]
                        if isinstance(expected, bool):
                            expected = "yes" if expected else "no"
                        assert mapped[new]["after"] == expected
        asked_again = {n for s in steps if s.how == "asked" for n in s.new}
        assert {n for n in asked_again if n in applies} <= set(need)
        required = {q.id for q in pack.checklist.questions if q.required}
        assert set(need) <= asked_again | expected_mapped | required
        assert set(report["carried"]) == {q for q in migration.carry if q in old}
        for entry in need.values():
            assert entry["id"] not in carried
            assert entry["why"] in (
                "new",
                "no_equivalent",
                "not_said",
                "not_given",
                "empty",
                "unanswered",
            )
        markdown = Path(report["files"]["markdown"]).read_text(encoding="utf-8")
        for entry in report["need_answer"]:
            assert f"`{entry['id']}`" in markdown
        for entry in report["mapped"]:
            assert f"| `{entry['new']}` | `{entry['old'][0]}` |" in markdown
        assert f"commkit assess --update {path}" in markdown
    assert {p: p.read_bytes() for p in ANSWERS} == before, "the old files are only read"


def test_a_saved_assessment_is_re_scored_against_its_recorded_result(
    runner: CliRunner, tmp_path: Path
) -> None:
    source = FIXTURES / "assessments-1.0" / "business-mentor-2020-06-15.yaml"
    result = runner.invoke(app, ["assess", "--rescore", str(source), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "Business-mentor Business Club (2020-06-15): 1.0 Fast growth 73.8 → 1.1" in (
        result.stdout.replace("\n", " ")
    )
    assert "to answer again" in result.stdout
    report = (tmp_path / "business-mentor-rescore-2020-06-15.md").read_text(encoding="utf-8")
    assert "| **Overall score** | 73.8 |" in report
    assert "## Need a new answer (2)" in report and "a new question" in report


def test_the_report_in_russian_has_no_english(runner: CliRunner, tmp_path: Path) -> None:
    source = FIXTURES / "answers-1.0" / "fashiontechperm.yaml"
    result = runner.invoke(
        app, ["--lang", "ru", "assess", "--rescore", str(source), "-o", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert "ответить заново: 1" in result.stdout
    report = (tmp_path / "fashiontechperm-rescore-2020-10-15.md").read_text(encoding="utf-8")
    assert report.startswith("# Пересчёт по чек-листу 1.1: FashionTechPerm")
    assert "## Нужен новый ответ (1)" in report and "новый вопрос" in report
    assert "| значение пересчитано |" in report
    assert english_phrases(report) == []


def test_answers_to_the_current_version_carry_everything(pack: ContentPack, tmp_path: Path) -> None:
    from commkit.render.report import to_yaml
    from forms_helpers import current_answers

    path = tmp_path / "current.yaml"
    path.write_text(to_yaml(current_answers(ANSWERS[0])), encoding="utf-8")
    result = api.rescore(path, pack=pack)
    assert result.mapped == [] and result.need == [] and result.old_version == result.new_version
    assert {m.new for m in result.carried} == set(api.load_answers(path).answers)


def test_no_migration_is_exit_1_with_a_message(runner: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "old.yaml"
    text = (FIXTURES / "answers-1.0" / "fashiontechperm.yaml").read_text(encoding="utf-8")
    source.write_text(text.replace('version: "1.0"', 'version: "0.9"'), encoding="utf-8")
    result = runner.invoke(app, ["assess", "--rescore", str(source), "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert "no migration leads from checklist 'self-identification' version 0.9" in result.output
    assert "Traceback" not in result.output
    assert not list(tmp_path.glob("*.md"))


def test_an_existing_report_is_not_overwritten(runner: CliRunner, tmp_path: Path) -> None:
    source = FIXTURES / "answers-1.0" / "fashiontechperm.yaml"
    target = tmp_path / "fashiontechperm-rescore-2020-10-15.md"
    target.write_text("mine", encoding="utf-8")
    result = runner.invoke(app, ["assess", "--rescore", str(source), "-o", str(tmp_path)])
    assert result.exit_code == 1 and "--force" in result.output
    assert target.read_text(encoding="utf-8") == "mine"

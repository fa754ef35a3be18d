"""`content diff`: what changed between two packs or checklists, by id, before and after."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from commkit.cli.app import app
from commkit.core.pack_diff import diff_checklists, diff_packs
from commkit.model.checklist import Checklist
from commkit.model.pack import ContentPack, load_pack_uncached

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def pack() -> ContentPack:
    return load_pack_uncached(None)


@pytest.fixture(scope="module")
def old(pack: ContentPack) -> Checklist:
    found = pack.checklist_version("self-identification", "1.0")
    assert found is not None
    return found


def test_the_1_0_to_1_1_diff_names_every_added_and_removed_question(
    pack: ContentPack, old: Checklist
) -> None:
    items = diff_checklists(old, pack.checklist)
    old_ids = {q.id for q in old.questions}
    new_ids = {q.id for q in pack.checklist.questions}
    questions = [i for i in items if i.section == "question"]
    assert {i.id for i in questions if i.change == "removed"} == old_ids - new_ids
    assert {i.id for i in questions if i.change == "added"} == new_ids - old_ids
    changed = {i.id: i for i in questions if i.change == "changed"}
    old_q = {q.id: q for q in old.questions}
    for q in pack.checklist.questions:
        if q.id in old_q and q.model_dump(exclude={"options"}) != old_q[q.id].model_dump(
            exclude={"options"}
        ):
            assert q.id in changed
    renewing = [i for i in items if i.section == "option" and i.id == "membership.growth/renewing"]
    assert [i.change for i in renewing] == ["added"]


def test_a_changed_field_shows_before_and_after(pack: ContentPack, old: Checklist) -> None:
    stages = {i.id: i for i in diff_checklists(old, pack.checklist) if i.section == "stage"}
    old_mature = next(s for s in old.stages if s.id == "mature")
    new_mature = next(s for s in pack.checklist.stages if s.id == "mature")
    if old_mature.min_score != new_mature.min_score:
        (field,) = [f for f in stages["mature"].fields if f.field == "min_score"]
        assert (field.before, field.after) == (old_mature.min_score, new_mature.min_score)


def test_a_pack_against_itself_has_no_differences(pack: ContentPack) -> None:
    assert diff_packs(pack, pack, "a", "b").items == []


OLD_FILE = ROOT / "checklists" / "history" / "self-identification-1.0.yaml"
NEW_FILE = ROOT / "checklists" / "self-identification.yaml"


@pytest.mark.parametrize(
    ("lang", "log"), [("en", "changelog-checklist-1.1.md"), ("ru", "changelog-checklist-1.1.ru.md")]
)
def test_the_change_log_in_the_docs_is_what_content_diff_prints(lang: str, log: str) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["--lang", lang, "content", "diff", str(OLD_FILE), str(NEW_FILE)])
    assert result.exit_code == 0, result.output
    assert result.stdout == (ROOT / "docs" / log).read_text(encoding="utf-8"), (
        "docs/ is stale: regenerate it with commkit content diff (see docs/changelog-*.md)"
    )
    if lang == "ru":
        assert "## Вопросы" in result.stdout and "## Questions" not in result.stdout


def test_content_diff_json_lists_added_and_removed_questions(old: Checklist) -> None:
    result = CliRunner().invoke(app, ["content", "diff", str(OLD_FILE), str(NEW_FILE), "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    removed = {
        i["id"] for i in data["items"] if i["section"] == "question" and i["change"] == "removed"
    }
    assert removed == {q.id for q in old.questions} - {
        q.id for q in load_pack_uncached(None).checklist.questions
    }


def test_a_file_against_a_folder_is_a_clear_error() -> None:
    result = CliRunner().invoke(app, ["content", "diff", str(OLD_FILE), str(ROOT / "checklists")])
    assert result.exit_code == 1
    assert "compare a checklist file with another checklist file" in result.output
    assert "Traceback" not in result.output

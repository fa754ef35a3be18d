"""`commkit assess --update OLD`: an assessment made with an earlier checklist is brought to
the current one; the wizard asks only the questions that need a new answer, keeps every other
answer, and never touches OLD. Driven in a pty (the real binary) and through pipe input."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pexpect
import pytest
import yaml
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from commkit import api
from commkit.interactive.drafts import DraftStore
from commkit.interactive.prompts import Prompter
from commkit.interactive.wizard import Wizard
from commkit.model.answers import DraftRun
from commkit.model.pack import load_pack_uncached
from pty_wizard import COMMKIT, ENV, when_reading_keys

FIXTURES = Path(__file__).parent / "fixtures"

# The default key bindings loaded once, not per question (conftest.py).
pytestmark = pytest.mark.usefixtures("shared_key_bindings")
OLD = FIXTURES / "answers-1.0" / "fashiontechperm.yaml"
NEW_QUESTION = "Does the regional project team have a named contact"


def spawn(cwd: Path, *args: str) -> Any:
    return pexpect.spawn(
        str(COMMKIT), ["assess", *args], cwd=str(cwd), env=ENV, encoding="utf-8", timeout=30,
        dimensions=(40, 200),
    )  # fmt: skip


def press(child: Any, keys: str) -> None:
    when_reading_keys(child)  # once the question on screen reads keys, as a person types
    child.send(keys)


def saved(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def test_update_asks_only_the_new_question_and_keeps_every_other_answer(tmp_path: Path) -> None:
    old = tmp_path / "old.yaml"
    old.write_bytes(OLD.read_bytes())
    before = old.read_bytes()
    carried = api.rescore(old).answers.answers
    child = spawn(tmp_path, "--update", "old.yaml", "-o", "out")
    child.expect("stays as it is")
    child.expect("1 question needs a new answer")
    child.expect(NEW_QUESTION)
    # interrupted at the one question: the draft keeps the carried answers and what to ask
    press(child, "\x03")
    child.expect("commkit assess --resume ")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    draft = tmp_path / "out" / "fashiontechperm-assessment-draft.yaml"
    data = saved(draft)
    assert data["draft"]["ask"] == ["ecosystem.regional-contact"]
    assert data["checklist"]["version"] == "1.1" and len(data["answers"]) == len(carried)
    # --resume DRAFT alone asks that question again, and only it
    child = spawn(tmp_path, "--resume", str(draft))
    child.expect(NEW_QUESTION)
    assert "question 1/" not in child.before
    press(child, "1\r")
    child.expect("Evidence note")  # the old answers carry notes: the run asks for them too
    press(child, "\r")
    child.expect("Review")
    assert "dimension 1/" not in child.before, "only the needed question is asked"
    press(child, "\r")
    child.expect("Stage: ")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    result = api.load_assessment(tmp_path / "out" / "fashiontechperm-assessment-2020-10-15.yaml")
    assert result.checklist.version == "1.1"
    assert result.date.isoformat() == "2020-10-15"
    assert result.answers["ecosystem.regional-contact"].value == "yes"
    assert {q: a for q, a in result.answers.items() if q in carried} == carried
    assert old.read_bytes() == before, "OLD is only read"
    assert not draft.exists(), "the finished run's own draft is removed"


def test_update_refuses_before_asking_when_the_result_exists(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    mine = tmp_path / "out" / "fashiontechperm-assessment-2020-10-15.yaml"
    mine.write_text("mine\n", encoding="utf-8")
    child = spawn(tmp_path, "--update", str(OLD), "-o", "out")
    child.expect("already exists")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1
    assert "Traceback" not in child.before
    assert mine.read_text(encoding="utf-8") == "mine\n"


def test_the_wizard_asks_only_the_listed_questions(tmp_path: Path) -> None:
    pack = load_pack_uncached(FIXTURES / "assess" / "pack")
    old = api.load_answers(FIXTURES / "assess" / "answers" / "fashion-tech.yaml")
    asked = "purpose.value-proposition"  # a choice: option 2 is 'draft'
    keep = {k: v for k, v in old.answers.items() if k != asked}
    draft = old.model_copy(update={"answers": dict(keep), "complete": False})
    with create_pipe_input() as inp:
        prompter = Prompter(input=inp, output=DummyOutput())
        store = DraftStore(folder=tmp_path, run=DraftRun(out=str(tmp_path), ask=[asked]))
        wizard = Wizard(checklist=pack.checklist, prompter=prompter, save=store.save, only=[asked])
        inp.send_text("2\r\r")  # the one listed question, then Finish on the review
        done = wizard.run(draft)
    assert set(done.answers) == set(old.answers)
    assert {k: v for k, v in done.answers.items() if k != asked} == keep
    assert done.answers[asked].value == "draft"

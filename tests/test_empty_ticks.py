"""A required tick list needs at least one option, "don't know" or "not applicable": an empty
one is an error (it used to pass and print "— —" in the report). Where none may apply, the
checklist offers "none of these", ticked alone; a 1.0 empty tick list is carried to it."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from commkit import api
from commkit.cli.app import app
from commkit.core.scoring import value_problem
from commkit.errors import ContentError

ROOT = Path(__file__).resolve().parent.parent

# The default key bindings loaded once, not per question (conftest.py).
pytestmark = pytest.mark.usefixtures("shared_key_bindings")
EXAMPLE = ROOT / "examples" / "perm-krai" / "answers" / "franchising-world.yaml"
FIRST_ROUND = ROOT / "tests" / "fixtures" / "answers-1.0" / "first-round"


def with_empty_tools(tmp_path: Path) -> Path:
    path = tmp_path / "club.yaml"
    text = EXAMPLE.read_text(encoding="utf-8")
    assert "  platform.tools: [none]\n" in text
    path.write_text(text.replace("  platform.tools: [none]\n", "  platform.tools: []\n"), "utf-8")
    return path


@pytest.mark.parametrize("command", [["validate"], ["assess", "-o", "out", "--answers"]])
def test_an_empty_required_tick_list_is_an_error(
    runner: CliRunner, tmp_path: Path, command: list[str]
) -> None:
    path = with_empty_tools(tmp_path)
    result = runner.invoke(app, [*command, str(path)])
    assert result.exit_code == 1
    assert "platform.tools: a required tick list needs at least one option" in result.output
    assert "tick 'none' when none of them applies" in result.output
    assert "Traceback" not in result.output


def test_the_api_refuses_it_too(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="a required tick list needs at least one option"):
        api.assess(with_empty_tools(tmp_path))


def test_none_of_these_is_ticked_alone() -> None:
    pack = api.load_content()
    q = next(x for x in pack.checklist.questions if x.id == "platform.tools")
    assert value_problem(q, ["none"]) is None
    assert "ticked alone" in (value_problem(q, ["none", "calendar"]) or "")


def test_a_1_0_empty_tick_list_is_carried_as_none_of_these() -> None:
    old = FIRST_ROUND / "business-club-prikamye.yaml"
    assert "  platform.tools: []\n" in old.read_text(encoding="utf-8")
    result = api.rescore(old)
    assert result.answers.answers["platform.tools"].value == ["none"]
    assert not [a for a in result.answers.answers.values() if a.value == []]


def test_the_wizard_refuses_none_of_these_with_another_option(tmp_path: Path) -> None:
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from commkit.interactive.prompts import Prompter
    from commkit.interactive.wizard import Wizard
    from commkit.model.answers import Answers

    pack = api.load_content()
    q = next(x for x in pack.checklist.questions if x.id == "visibility.own-media")
    assert [o.id for o in q.options][-1] == "none"
    down, up = "\x1b[B", "\x1b[A"
    moves = len(q.options) - 1
    with create_pipe_input() as inp:
        wizard = Wizard(
            checklist=pack.checklist,
            prompter=Prompter(input=inp, output=DummyOutput()),
            save=lambda _: None,
        )
        wizard.answers = Answers.model_validate(
            {
                "kind": "answers",
                "version": "1",
                "checklist": {"id": pack.checklist.id, "version": pack.checklist.version},
                "community": {"name": "Club"},
            }
        )
        # tick the first option and "none", Enter (refused), untick the first, Enter
        inp.send_text(" " + down * moves + " \r" + up * moves + " \r")
        wizard.ask(q, can_go_back=False)
    assert wizard.answers.answers[q.id].value == ["none"]

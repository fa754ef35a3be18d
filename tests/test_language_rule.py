"""One language rule for every command and the API: --lang > COMMKIT_LANG > the input's > en."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from commkit import api
from commkit.cli.app import app
from language_check import cyrillic_lines, english_phrases

ROOT = Path(__file__).resolve().parents[1]
MENTOR = ROOT / "examples" / "perm-krai" / "answers" / "business-mentor.yaml"


def _answers(tmp_path: Path, language: str) -> Path:
    """The Business-mentor answers with the user's own text in ``language`` (user text may be in
    any language; the pack's and the UI's may not)."""
    data = yaml.safe_load(MENTOR.read_text(encoding="utf-8"))
    data["language"] = language
    own = "свой текст" if language == "ru" else "own text"
    data["community"] = {"name": "Club", "slug": "club"}
    for qid, value in list(data["answers"].items()):
        if isinstance(value, dict):
            value.pop("note", None)
            data["answers"][qid] = value.get("value", value)
        if qid == "purpose.mission-text":
            data["answers"][qid] = own
    path = tmp_path / f"answers-{language}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _run(*args: str, env: dict[str, str] | None = None) -> str:
    result = CliRunner().invoke(app, list(args), env={"COMMKIT_LANG": "", **(env or {})})
    assert result.exit_code == 0, result.output
    return result.output


def _only(folder: Path, pattern: str) -> Path:
    (found,) = folder.glob(pattern)
    return found


@pytest.mark.parametrize(
    ("stored", "flag", "env", "expected"),
    [
        ("en", [], {}, "en"),  # the input's language
        ("ru", [], {}, "ru"),
        ("en", [], {"COMMKIT_LANG": "ru"}, "ru"),  # the environment beats the input
        ("ru", ["--lang", "en"], {"COMMKIT_LANG": "ru"}, "en"),  # --lang beats both
    ],
)
def test_assess_and_plan_follow_one_rule(
    tmp_path: Path, stored: str, flag: list[str], env: dict[str, str], expected: str
) -> None:
    answers = _answers(tmp_path, stored)
    _run(*flag, "assess", "--answers", str(answers), "-o", str(tmp_path / "a"), env=env)
    report = _only(tmp_path / "a", "*.md").read_text(encoding="utf-8")
    saved = _only(tmp_path / "a", "*.yaml")
    _run(*flag, "plan", "-a", str(saved), "--out", str(tmp_path / "p"), env=env)
    plan = _only(tmp_path / "p", "*.md").read_text(encoding="utf-8")
    for text in (report, plan):
        if expected == "ru":
            assert not english_phrases(text, ("own text",)), english_phrases(text)[:5]
        else:
            assert not cyrillic_lines(text, ("свой текст",)), cyrillic_lines(text)[:5]


def test_a_saved_assessment_keeps_ids_and_renders_in_either_language(tmp_path: Path) -> None:
    answers = _answers(tmp_path, "en")
    _run("--lang", "ru", "assess", "--answers", str(answers), "-o", str(tmp_path / "a"))
    saved = _only(tmp_path / "a", "*.yaml")
    data = yaml.safe_load(saved.read_text(encoding="utf-8"))
    recommendations = data["result"]["recommendations"]
    assert recommendations and all(set(r) == {"question", "dimension"} for r in recommendations)
    assessment = api.load_assessment(saved)
    english = api.render_assessment_markdown(assessment, "en")
    russian = api.render_assessment_markdown(assessment, "ru")
    assert not cyrillic_lines(english, ("свой текст",))
    assert not english_phrases(russian, ("own text",))
    assert "## Recommendations" in english and "## Рекомендации" in russian

"""Errors and warnings in the language of the run: a Russian run of any command on the bad-input
corpus says what is wrong in Russian, at the same file:line:column and field; an English run
reads as before (``--json`` keeps English, the language of scripts)."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from typer.testing import CliRunner

from commkit.api.validation import validate_paths
from commkit.cli.app import app
from commkit.i18n import catalog
from commkit.i18n.messages import localize
from language_check import english_phrases

ROOT = Path(__file__).resolve().parents[1]
BAD = ROOT / "tests" / "bad_inputs"
SRC = ROOT / "src" / "commkit"
EN = catalog("en")

MORE_BAD_YAML = {
    "flow-map.yaml": "kind: community\nversion: '1'\nslug: a\nname: {en: A\n",
    "colon.yaml": "kind: community\nversion: '1'\nslug: a\nname: A: b: c\n",
    "open-quote.yaml": "kind: community\nversion: '1'\nslug: a\nname: 'A\n",
    "tab-token.yaml": "kind: community\nversion: '1'\n\tslug: a\n",
    "block-end.yaml": "kind: community\nversion: '1'\nslug: a\n  name: A\n",
    "more-lt.yaml": "kind: community\nversion: '1'\nslug: a\nname: A\nformalised: maybe\n",
}
"""Parser and type errors the corpus has no file for."""


def _corpus_messages(tmp_path: Path) -> list[str]:
    for name, text in MORE_BAD_YAML.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    files = [p for p in sorted(BAD.iterdir()) if p.suffix == ".yaml" and p.name != "expected.yaml"]
    report = validate_paths([*files, *sorted(tmp_path.iterdir())], None, True)
    return sorted({d.message for d in report.diagnostics})


def _russian_enough(text: str) -> bool:
    """No English phrase once ids, quoted values and lists of kinds are set aside."""
    text = re.sub(r"'[^']*'|\([^()]*один из:[^()]*\)", " ", text)
    return not english_phrases(text)


def test_every_message_of_the_corpus_reads_in_russian(tmp_path: Path) -> None:
    messages = _corpus_messages(tmp_path)
    assert len(messages) > 60
    untranslated = [m for m in messages if localize(m, "ru") == m]
    assert untranslated == []
    english = [localize(m, "ru") for m in messages if not _russian_enough(localize(m, "ru"))]
    assert english == []
    assert all(localize(m, "en") == m for m in messages)


def _literals(template: str) -> list[str]:
    return [lit.strip(" .:;,()") for lit, *_ in string.Formatter().parse(template)]


def test_every_message_text_is_one_commkit_or_pydantic_writes(tmp_path: Path) -> None:
    """A ``msg.*`` text whose English no check writes any more is dead (or drifted from the
    code): its Russian would never be shown."""
    messages = _corpus_messages(tmp_path)
    code = "\n".join(
        p.read_text(encoding="utf-8") for p in SRC.rglob("*.py") if "i18n" not in p.parts
    )
    code = re.sub(r"[\"']\s*\n\s*f?[\"']", "", code)  # strings written over several lines
    dead = []
    for key, value in EN.items():
        if not key.startswith("msg."):
            continue
        templates = [value] if isinstance(value, str) else list(value.values())
        produced = any(
            localize(m, "ru") != m and _matches(t, m) for t in templates for m in messages
        )
        written = any(
            all(piece in code for piece in _literals(t) if len(piece) >= 4) for t in templates
        )
        if not (produced or written):
            dead.append(key)
    assert dead == [], dead


def _matches(template: str, message: str) -> bool:
    body = "".join(
        re.escape(lit) + (".+?" if name is not None else "")
        for lit, name, _, _ in string.Formatter().parse(template)
    )
    return re.search(body, message) is not None


@pytest.mark.parametrize("how", ["--lang", "COMMKIT_LANG"])
def test_validate_in_russian_keeps_file_line_and_field(how: str) -> None:
    path = str(BAD / "answers-out-of-range.yaml")
    if how == "--lang":
        result = CliRunner().invoke(app, ["--lang", "ru", "validate", path])
    else:
        result = CliRunner().invoke(app, ["validate", path], env={"COMMKIT_LANG": "ru"})
    assert result.exit_code == 1
    assert (
        "answers-out-of-range.yaml:13:24: ошибка: answers.purpose.common-goal.value: "
        "вопрос purpose.common-goal: 9 — вне допустимого диапазона: ожидается от 1 до 5"
    ) in result.stderr
    assert "yaml:13:3: ошибка: answers: 1 обязательный вопрос без ответа: " in result.stderr
    assert "error" not in result.stderr


def test_english_and_json_stay_english() -> None:
    path = str(BAD / "answers-out-of-range.yaml")
    english = CliRunner().invoke(app, ["validate", path], env={"COMMKIT_LANG": ""})
    assert (
        "answers-out-of-range.yaml:13:24: error: answers.purpose.common-goal.value: "
        "question purpose.common-goal: 9 is out of range: expected 1 to 5"
    ) in english.stderr
    assert "1 required question not answered: self-organisation.rules-known" in english.stderr
    as_json = CliRunner().invoke(app, ["--lang", "ru", "validate", "--json", path])
    assert "9 is out of range: expected 1 to 5" in as_json.stdout


def test_a_russian_run_of_assess_on_bad_answers_says_it_in_russian() -> None:
    path = str(BAD / "answers-bad-choice.yaml")
    result = CliRunner().invoke(app, ["--lang", "ru", "assess", "--answers", path, "-o", "-"])
    assert result.exit_code == 1
    assert "'everybody' — нет такого варианта ответа (варианты: anyone, broad, defined)" in (
        result.stderr
    )
    assert _russian_enough(result.stderr), result.stderr

"""Evidence notes and a text answer may be ``{en, ru}``: the examples carry both, so every
report of the examples reads in one language; a plain note is what a person typed and is
shown as typed in every language."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from commkit import api
from commkit.core.team import merge_answers
from commkit.errors import ContentError
from commkit.model.answers import Answer
from language_check import cyrillic_lines, english_phrases

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "perm-krai"
ANSWERS = sorted((EXAMPLE / "answers").rglob("*.yaml"))
RATERS = sorted((EXAMPLE / "answers" / "fashiontechperm").glob("*.yaml"))
TYPED = ("Anna", "Boris", "Vera")  # names the raters typed, the same in both languages


def _reads_in(lang: str, text: str) -> list[str]:
    return english_phrases(text) if lang == "ru" else cyrillic_lines(text, TYPED)


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("path", ANSWERS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_example_report_reads_in_one_language(path: Path, lang: str) -> None:
    assessment = api.assess(path)
    text = api.render_assessment_markdown(assessment, lang)
    assert _reads_in(lang, text) == []


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_team_report_of_the_example_reads_in_one_language(lang: str) -> None:
    raters = [(p.stem.split("-")[0].title(), api.load_answers(p)) for p in RATERS]
    assessment = api.assess_team(raters, lang=lang)
    text = api.render_assessment_markdown(assessment, lang)
    assert _reads_in(lang, text) == []
    assert ("основатель" in text) == (lang == "ru")


def test_a_plain_note_is_shown_as_typed_in_both_languages(tmp_path: Path) -> None:
    data = yaml.safe_load((EXAMPLE / "answers" / "franchising-world.yaml").read_text("utf-8"))
    data["answers"]["membership.members"] = {"value": 50, "note": "Typed in English only."}
    data["answers"]["purpose.mission-text"] = "Свой текст по-русски."
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assessment = api.assess(path)
    for lang in ("ru", "en"):
        text = api.render_assessment_markdown(assessment, lang)
        assert "Typed in English only." in text and "Свой текст по-русски." in text


def test_a_bilingual_note_and_text_value_show_in_the_report_language() -> None:
    path = EXAMPLE / "answers" / "business-club-prikamye.yaml"
    assessment = api.assess(path)
    ru = api.render_assessment_markdown(assessment, "ru")
    en = api.render_assessment_markdown(assessment, "en")
    assert "Больше 80 участников." in ru and "More than 80 participants." not in ru
    assert "More than 80 participants." in en and "Больше 80 участников." not in en
    assert "Закрытый клуб, где основатели" in ru and "A closed club where founders" in en


def test_saved_assessments_keep_both_languages_of_a_note() -> None:
    saved = api.load_assessment(
        EXAMPLE / "assessments" / "business-club-prikamye" / "2020-10-15.yaml"
    )
    note = saved.answers["membership.members"].note
    assert note == {"en": "More than 80 participants.", "ru": "Больше 80 участников."}


def test_team_merge_keeps_both_languages_of_the_notes() -> None:
    raters = [(p.stem, api.load_answers(p)) for p in RATERS]
    merged = merge_answers(api.checklist_of(raters[0][1]), raters)
    notes = [a.note for a in merged.answers.answers.values() if isinstance(a.note, dict)]
    assert notes and all(set(n) == {"en", "ru"} for n in notes)


def test_a_note_or_value_map_must_name_languages() -> None:
    with pytest.raises(ValueError, match="language code"):
        Answer(value=3, note={"english": "x"})
    with pytest.raises(ValueError, match="language code"):
        Answer(value={"EN": "x"})


def test_a_map_is_a_value_only_for_a_text_question(tmp_path: Path) -> None:
    data = yaml.safe_load((EXAMPLE / "answers" / "franchising-world.yaml").read_text("utf-8"))
    data["answers"]["purpose.common-goal"] = {"value": {"en": "4", "ru": "4"}}
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ContentError, match=r"purpose\.common-goal"):
        api.assess(path)

"""A community's name in an answers file may be ``{en, ru}``: every title shows it in the
language of the output, and a plain string (what the wizard and the forms write) stays valid."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from commkit import api
from commkit.cli.app import app
from commkit.fsutil import slugify

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "perm-krai"
CLUB = EXAMPLE / "answers" / "business-club-prikamye.yaml"
NAMES = {"en": "Business Club of Prikamye", "ru": "Бизнес-клуб Прикамья"}
REGIONS = {"en": "Perm Krai", "ru": "Пермский край"}


def _run(*args: str) -> None:
    result = CliRunner().invoke(app, list(args), env={"COMMKIT_LANG": ""})
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_report_and_plan_titles_are_in_the_output_language(tmp_path: Path, lang: str) -> None:
    other = "ru" if lang == "en" else "en"
    _run("--lang", lang, "assess", "--answers", str(CLUB), "--out", str(tmp_path / "a"))
    _run("--lang", lang, "plan", "-a", str(CLUB), "--out", str(tmp_path / "p"), "--ics",
         str(tmp_path / "p" / "plan.ics"))  # fmt: skip
    (report,) = (tmp_path / "a").glob("*.md")
    (plan,) = (tmp_path / "p").glob("*.md")
    for text in (report.read_text(encoding="utf-8"), plan.read_text(encoding="utf-8")):
        title = text.splitlines()[0]
        assert NAMES[lang] in title and NAMES[other] not in text
    assert REGIONS[lang] in report.read_text(encoding="utf-8")
    ics = (tmp_path / "p" / "plan.ics").read_text(encoding="utf-8")
    ics = re.sub(r"\r?\n ", "", ics)  # unfold the calendar's 75-octet lines
    assert NAMES[lang] in ics and NAMES[other] not in ics
    # the file names keep the English slug the plain name had
    assert report.name.startswith("business-club-prikamye-")


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_progress_and_saved_assessments_carry_both_names(tmp_path: Path, lang: str) -> None:
    saved = EXAMPLE / "assessments" / "business-club-prikamye" / "2020-10-15.yaml"
    data = yaml.safe_load(saved.read_text(encoding="utf-8"))
    assert data["community"]["name"] == NAMES
    assessment = api.load_assessment(saved)
    text = api.render_assessment_markdown(assessment, lang=lang)
    assert text.splitlines()[0].endswith(NAMES[lang])


def test_a_plain_name_is_still_valid_and_schema_allows_both(tmp_path: Path) -> None:
    data = yaml.safe_load(CLUB.read_text(encoding="utf-8"))
    data["community"]["name"] = "Клуб «Кама»"
    data["community"]["region"] = "Пермский край"
    plain = tmp_path / "plain.yaml"
    plain.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    _run("--lang", "en", "assess", "--answers", str(plain), "--out", str(tmp_path / "o"))
    (report,) = (tmp_path / "o").glob("*.md")
    assert report.read_text(encoding="utf-8").splitlines()[0].endswith("Клуб «Кама»")
    schema = api.schemas()["answers"]
    name = schema["$defs"]["CommunityRef"]["properties"]["name"]
    assert {"type": "string", "minLength": 1, "maxLength": 200} in name["anyOf"]


def test_a_bilingual_name_without_a_slug_slugs_from_english() -> None:
    assert slugify({"ru": "Бизнес-клуб Прикамья", "en": "Business Club of Prikamye"}) == (
        "business-club-of-prikamye"
    )
    assert slugify({"ru": "Клуб Кама"}) == "klub-kama"


def test_an_empty_name_in_one_language_is_refused(tmp_path: Path) -> None:
    data = yaml.safe_load(CLUB.read_text(encoding="utf-8"))
    data["community"]["name"] = {"en": "Club", "ru": ""}
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(bad)], env={"COMMKIT_LANG": ""})
    assert result.exit_code == 1
    assert "bad.yaml" in result.output and "community.name" in result.output

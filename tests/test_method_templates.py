"""The method's nine bilingual templates: shipped, listed by ``commkit methodology`` and
exported with the seminars."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from commkit.cli.app import app
from commkit.model.method_templates import method_templates
from commkit.model.pack import load_pack

NINE = {
    "value-ledger",
    "channel-audit",
    "message-house",
    "community-legend",
    "project-charter",
    "initiative-card",
    "map-profile",
    "commitment-card",
    "community-manager-job-profile",
}


def test_the_nine_templates_exist_in_both_languages_and_say_they_are_commkits_own() -> None:
    templates = {t.id: t for t in method_templates(load_pack())}
    assert set(templates) >= NINE
    for template in templates.values():
        assert set(template.files) == {"en", "ru"}, template.id
        assert "commkit" in template.text("en") and "commkit" in template.text("ru")
        ru = template.text("ru")
        assert template.title("ru") != template.title("en")
        assert "Used in" not in ru and "Community:" not in ru


def test_methodology_lists_the_templates() -> None:
    result = CliRunner().invoke(app, ["--lang", "ru", "methodology", "--json"])
    assert result.exit_code == 0, result.output
    listed = {t["id"]: t["title"] for t in json.loads(result.output)["templates"]}
    assert set(listed) >= NINE
    assert listed["value-ledger"] == "Журнал ценности"
    assert listed["message-house"] == "Дом сообщений"


def test_seminar_export_carries_the_templates_in_the_export_language(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["--lang", "ru", "seminars", "export", "seminar-2", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    ledger = (out / "templates" / "value-ledger.md").read_text(encoding="utf-8")
    assert ledger.startswith("# Журнал ценности")
    assert {p.stem for p in (out / "templates").glob("*.md")} >= NINE

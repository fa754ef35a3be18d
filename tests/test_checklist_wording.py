"""An edit of wording only keeps a checklist version's earlier hash valid: answers and saved
assessments made before the edit are not re-scored or warned about; any other hash is."""

from __future__ import annotations

from pathlib import Path

import yaml
from typer.testing import CliRunner

from commkit import api
from commkit.cli.app import app

ROOT = Path(__file__).resolve().parents[1]
SAVED = ROOT / "examples" / "perm-krai" / "assessments" / "business-mentor" / "2020-10-15.yaml"


def _validate(path: Path) -> str:
    result = CliRunner().invoke(app, ["validate", str(path)], env={"COMMKIT_LANG": ""})
    assert result.exit_code == 0, result.output
    return result.output


def test_an_assessment_with_an_earlier_wording_hash_reads_without_a_warning(tmp_path: Path) -> None:
    pack = api.load_content()
    data = yaml.safe_load(SAVED.read_text(encoding="utf-8"))
    old = data["checklist"]["hash"]
    assert old in pack.checklist.earlier_wordings
    assert old != api.checklist_hash(pack.checklist)
    assert "warning" not in _validate(SAVED)
    plan = api.plan_input(SAVED)
    assert plan.warnings == []
    data["checklist"]["hash"] = "sha256:0000000000000000"
    other = tmp_path / "other.yaml"
    other.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert "re-scored" in _validate(other)
    assert api.plan_input(other).warnings != []

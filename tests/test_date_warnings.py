"""An assessment dated in the future, or before the community was founded, gets a warning:
as data from the API, on stderr from the CLI (the run still succeeds)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from typer.testing import CliRunner

from commkit import api
from commkit.cli.app import app
from commkit.errors import DateWarning

ROOT = Path(__file__).resolve().parent.parent
ANSWERS = ROOT / "examples" / "perm-krai" / "answers" / "fashiontechperm.yaml"


def test_the_api_returns_date_warnings_as_data(tmp_path: Path) -> None:
    answers = api.load_answers(ANSWERS)
    ws = tmp_path / "ws"
    api.init_region(ws, name="Perm")
    slug = answers.community.slug or "fashiontechperm"
    api.add_community(ws, name=answers.community.name, slug=slug, founded="2021-03")
    early = answers.model_copy(update={"date": dt.date(2021, 2, 28)})
    found = api.date_warnings(early, workspace=ws, today=dt.date(2026, 1, 1))
    assert [type(w) for w in found] == [DateWarning]
    assert "before the community was founded (2021-03)" in found[0].message
    assert found[0].severity == "warning"
    late = answers.model_copy(update={"date": dt.date(2026, 1, 2)})
    assert "in the future" in api.date_warnings(late, today=dt.date(2026, 1, 1))[0].message
    fine = answers.model_copy(update={"date": dt.date(2021, 3, 1)})
    assert api.date_warnings(fine, workspace=ws, today=dt.date(2026, 1, 1)) == []


def test_assess_warns_about_a_future_date_and_still_writes(
    tmp_path: Path, runner: CliRunner
) -> None:
    future = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    args = ["assess", "--answers", str(ANSWERS), "--out", str(tmp_path), "--date", future]
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.stderr
    assert f"warning: date: the assessment is dated {future}, in the future" in result.stderr
    item = json.loads(result.stdout)
    assert any("in the future" in w["message"] for w in item["warnings"])

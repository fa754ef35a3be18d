"""`progress` and `map` across checklist versions: scores under each version, re-scored
comparable figures where a migration exists, and a warning naming the versions where none
does (on screen, in Markdown, in --json) - never a silent comparison."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from commkit.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "perm-krai"


@pytest.fixture(scope="module")
def no_migrations(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default content without its migrations: 1.0 cannot be carried to 1.1."""
    root = tmp_path_factory.mktemp("pack")
    for sub in ("methodology", "checklists"):
        shutil.copytree(ROOT / sub, root / sub)
    shutil.rmtree(root / "checklists" / "migrations")
    return root


@pytest.fixture
def latest_1_0(tmp_path: Path) -> Path:
    """The example with Business-mentor's latest assessment made with checklist 1.0."""
    ws = tmp_path / "ws"
    shutil.copytree(EXAMPLE, ws)
    for old in (ws / "assessments" / "business-mentor").glob("2020-10-15.*"):
        old.unlink()
    return ws


def test_progress_shows_each_version_and_the_re_scored_figures(
    runner: CliRunner, tmp_path: Path
) -> None:
    out = tmp_path / "p.md"
    args = ["progress", "business-mentor", "-w", str(EXAMPLE), "-o", str(out)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    screen = " ".join(result.stdout.split())
    assert "2020-06-15: Fast growth (73.8) [Checklist 1.0; under 1.1: Fast growth (74.4)]" in screen
    assert "checklist versions 1.0, 1.1" in screen
    markdown = out.read_text(encoding="utf-8")
    assert "| Date | Stage | Overall score | Checklist | Under 1.1 |" in markdown
    assert "| 2020-06-15 | Fast growth | 73.8 | 1.0 | Fast growth, 74.4 |" in markdown
    data = json.loads(runner.invoke(app, [*args[:4], "--json"]).stdout)
    first = data["stages"][0]
    assert (first["version"], first["rescored_overall"]) == ("1.0", 74.4)


def test_progress_without_a_migration_warns_and_names_the_versions(
    runner: CliRunner, tmp_path: Path, no_migrations: Path
) -> None:
    out = tmp_path / "p.md"
    args = ["--content", str(no_migrations), "progress", "business-mentor", "-w", str(EXAMPLE)]
    result = runner.invoke(app, [*args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    warning = "Warning: no migration leads from checklist 1.0 to 1.1"
    assert warning in " ".join(result.stdout.split())
    assert "under 1.1" not in result.stdout
    markdown = out.read_text(encoding="utf-8")
    assert warning in markdown and "| 2020-06-15 | Fast growth | 73.8 | 1.0 | — |" in markdown
    data = json.loads(runner.invoke(app, [*args, "--json"]).stdout)
    assert data["not_comparable"] == ["1.0"]


def test_the_map_re_scores_an_older_latest_assessment(
    runner: CliRunner, tmp_path: Path, latest_1_0: Path
) -> None:
    out = tmp_path / "map.md"
    result = runner.invoke(app, ["--lang", "en", "map", str(latest_1_0), "-o", str(out)])
    assert result.exit_code == 0, result.output
    markdown = out.read_text(encoding="utf-8")
    assert "| Business-mentor Business Club | Fast growth | 73.8 (1.0; 1.1: 74.4) |" in markdown
    assert "checklist versions 1.0, 1.1" in markdown
    data = json.loads(runner.invoke(app, ["map", str(latest_1_0), "--json"]).stdout)
    rows = {r["slug"]: r for r in data["communities"]}
    assert rows["business-mentor"]["version"] == "1.0"
    assert rows["business-mentor"]["rescored_score"] == 74.4
    # the change since the 1.0 assessment before a 1.1 one is measured under 1.1
    ftp = rows["fashiontechperm"]
    assert (ftp["previous_version"], ftp["version"]) == ("1.0", "1.1")
    assert ftp["previous_score"] == 49.1  # 46.8 under 1.0, re-scored


def test_the_map_without_a_migration_warns_and_compares_nothing_across_versions(
    runner: CliRunner, tmp_path: Path, latest_1_0: Path, no_migrations: Path
) -> None:
    args = ["--content", str(no_migrations), "--lang", "en", "map", str(latest_1_0)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "Warning: no migration leads from checklist 1.0 to 1.1" in " ".join(
        result.stdout.split()
    )
    data = json.loads(runner.invoke(app, [*args, "--json"]).stdout)
    assert data["not_comparable"] == ["1.0"]
    ftp = next(r for r in data["communities"] if r["slug"] == "fashiontechperm")
    assert ftp["previous_score"] is None and ftp["dimension_changes"] == {}

"""Regression tests, one per failure mode found while hardening commkit."""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from commkit.cli.app import app

HERE = Path(__file__).parent
SMALL_PACK = HERE / "fixtures" / "plan" / "pack"
SMALL_ANSWERS = HERE / "fixtures" / "plan" / "answers.yaml"


def test_content_init_writes_valid_yaml_whatever_the_name(
    tmp_path: Path, runner: CliRunner
) -> None:
    """pack.yaml used Python's repr for the name: a quote made it invalid YAML."""
    name = 'Ivan\'s "pack" \\ №1'
    result = runner.invoke(
        app, ["content", "init", str(tmp_path / "p"), "--overlay", "--name", name]
    )
    assert result.exit_code == 0, result.output
    from commkit.model.pack import read_manifest

    manifest = read_manifest(tmp_path / "p")
    assert manifest is not None and manifest.name == name
    check = runner.invoke(app, ["--content", str(tmp_path / "p"), "validate"])
    assert check.exit_code == 0, check.output


def test_plan_refuses_before_writing_anything(tmp_path: Path, runner: CliRunner) -> None:
    """plan wrote the Markdown, then stopped at an existing CSV: half a result."""
    csv = tmp_path / "plan.csv"
    csv.write_text("mine\n")
    out = tmp_path / "out"
    args = ["--content", str(SMALL_PACK), "plan", "-a", str(SMALL_ANSWERS), "--out", str(out)]
    result = runner.invoke(app, [*args, "--start", "2026-01-05", "--csv", str(csv)])
    assert result.exit_code == 1
    assert "already exists" in result.stderr
    assert not out.exists() or list(out.iterdir()) == []
    assert csv.read_text() == "mine\n"


def test_a_file_in_the_way_of_the_folder_is_named(tmp_path: Path, runner: CliRunner) -> None:
    """The message was 'cannot write x/y.csv: File exists'."""
    blocker = tmp_path / "notes"
    blocker.write_text("a file\n")
    result = runner.invoke(app, ["seminars", "export", "1", "--out", str(blocker / "sub")])
    assert result.exit_code == 1
    assert f"{blocker} is a file, not a folder" in result.stderr.replace("\n", "")


def test_any_os_error_is_a_message_not_a_traceback(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """map spills its rows to a temporary database: a full /tmp was a traceback."""
    import sqlite3

    from commkit.model import spill

    def full(*args: Any, **kwargs: Any) -> Any:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(spill, "KEEP", 0)
    monkeypatch.setattr(spill.sqlite3, "connect", full)
    result = runner.invoke(app, ["map", str(HERE / "fixtures" / "region" / "ws")])
    monkeypatch.undo()
    assert result.exit_code == 1
    assert "database or disk is full" in result.stderr
    assert "Traceback" not in result.stderr
    debug = runner.invoke(app, ["--debug", "map", str(HERE / "fixtures" / "region" / "ws")])
    assert debug.exit_code == 0  # --debug still raises; here nothing fails any more


def test_a_workspace_file_that_is_not_a_mapping_is_named_plainly(
    tmp_path: Path, runner: CliRunner
) -> None:
    """map said 'input should be a valid dictionary or instance of Community'."""
    ws = tmp_path / "ws"
    (ws / "communities").mkdir(parents=True)
    (ws / "region.yaml").write_text('kind: region\nversion: "1"\nname: R\n')
    (ws / "communities" / "a.yaml").write_text("- just\n- a list\n")
    result = runner.invoke(app, ["map", str(ws), "--strict"])
    assert result.exit_code == 1
    assert "a.yaml:1:1: error: expected a mapping with 'kind:'" in result.stderr
    assert "instance of" not in result.stderr


def test_the_scoring_cache_survives_interpreter_shutdown() -> None:
    """A weakref callback used the module global, None at exit: 'Exception ignored ...
    AttributeError' printed with a traceback when a process ended."""
    from commkit.core import scoring
    from commkit.model.pack import load_pack

    checklist = load_pack().checklist.model_copy(deep=True)
    scoring._compile(checklist)
    seen: list[Any] = []
    old_hook, sys.unraisablehook = sys.unraisablehook, seen.append
    saved = scoring._COMPILED
    try:
        scoring._COMPILED = None  # type: ignore[assignment]  # as during shutdown
        del checklist
        gc.collect()
    finally:
        scoring._COMPILED = saved
        sys.unraisablehook = old_hook
    assert seen == []
    assert len(saved.entries) == 0 or all(ref() is not None for ref, _ in saved.entries.values())


@pytest.mark.parametrize("slug", ["a/../../b", "..", "../escaped", "Bad Slug"])
def test_assess_community_option_is_a_slug(slug: str, tmp_path: Path, runner: CliRunner) -> None:
    """--community 'a/../../b' wrote ws/b/<date>.md, outside assessments/, and stored the
    unchecked slug in the assessment (which then failed to load)."""
    ws = tmp_path / "ws"
    assert runner.invoke(app, ["region", "init", str(ws), "--name", "R"]).exit_code == 0
    before = {p for p in tmp_path.rglob("*")}
    answers = HERE.parent / "examples" / "perm-krai" / "answers" / "business-mentor.yaml"
    args = ["assess", "-a", str(answers), "--workspace", str(ws), "--community", slug]
    result = runner.invoke(app, [*args, "-o", str(ws)])
    assert result.exit_code == 1
    assert "is not a valid slug" in result.stderr
    assert {p for p in tmp_path.rglob("*")} == before


def test_progress_reports_a_broken_assessment_once_as_a_warning(
    tmp_path: Path, runner: CliRunner
) -> None:
    """progress printed the same problem twice, as an 'error', and then exited 0."""
    ws = tmp_path / "ws"
    (ws / "communities").mkdir(parents=True)
    (ws / "region.yaml").write_text('kind: region\nversion: "1"\nname: R\n')
    (ws / "communities" / "club.yaml").write_text(
        'kind: community\nversion: "1"\nslug: club\nname: Club\n'
    )
    broken = ws / "assessments" / "club" / "2026-01-01.yaml"
    broken.parent.mkdir(parents=True)
    broken.write_text("kind: assessment\nversion: [\n")
    result = runner.invoke(app, ["progress", "club", "-w", str(ws)])
    assert result.exit_code == 0
    assert result.stderr.count("2026-01-01.yaml:") == 1, result.stderr
    assert "warning: invalid YAML" in result.stderr


def test_map_refuses_before_writing_anything(tmp_path: Path, runner: CliRunner) -> None:
    """Like plan (fixed above), map checks --out and --csv before writing either."""
    csv = tmp_path / "map.csv"
    csv.write_text("mine\n")
    md = tmp_path / "map.md"
    ws = HERE / "fixtures" / "region" / "ws"
    result = runner.invoke(app, ["map", str(ws), "--out", str(md), "--csv", str(csv)])
    assert result.exit_code == 1
    assert "already exists" in result.stderr
    assert not md.exists()
    assert csv.read_text() == "mine\n"

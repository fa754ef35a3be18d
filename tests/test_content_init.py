"""Customised packs: a full copy and an overlay both validate and are used by --content."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from commkit.cli.app import app


def test_full_copy_validates_and_is_used(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "pack"
    result = runner.invoke(app, ["content", "init", str(target)])
    assert result.exit_code == 0, result.output
    assert (target / "checklists/self-identification.yaml").is_file()
    checklist = target / "checklists/self-identification.yaml"
    text = checklist.read_text(encoding="utf-8")
    checklist.write_text(text.replace('version: "1.0"', 'version: "1.0-kazan"', 1), "utf-8")
    assert runner.invoke(app, ["validate", str(target)]).exit_code == 0
    shown = runner.invoke(app, ["--content", str(target), "methodology", "--json"])
    assert shown.exit_code == 0
    assert len(json.loads(shown.stdout)["chapters"]) == 11


def test_refuses_a_non_empty_folder_without_force(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine")
    result = runner.invoke(app, ["content", "init", str(tmp_path)])
    assert result.exit_code == 1
    assert "not empty" in result.stderr
    assert (tmp_path / "keep.txt").read_text() == "mine"


def test_overlay_changes_by_id_and_drops_with_ignore(runner: CliRunner, tmp_path: Path) -> None:
    from commkit.model.pack import load_pack

    base = load_pack()
    first, second = base.methodology.chapters[0], base.methodology.concepts[1]
    target = tmp_path / "overlay"
    assert runner.invoke(app, ["content", "init", str(target), "--overlay"]).exit_code == 0
    (target / "methodology").mkdir()
    (target / "methodology/methodology.yaml").write_text(
        "kind: methodology\nversion: '1.0-x'\nid: perm-2020\nchapters:\n"
        f"  - id: {first.id}\n    title: {{ru: 'Новое название'}}\n"
        f"concepts:\n  - id: {second.id}\n    ignore: true\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["validate", str(target)])
    assert result.exit_code == 0, result.output
    assert f"dropped methodology/perm-2020: concepts {second.id}" in result.stdout
    assert "changed methodology/perm-2020: chapters[0].title.ru" in result.stdout
    shown = runner.invoke(app, ["--content", str(target), "--lang", "ru", "methodology", "--json"])
    data = json.loads(shown.stdout)
    assert data["chapters"][0]["title"] == "Новое название"
    assert len(data["chapters"]) == 11
    english = runner.invoke(app, ["--content", str(target), "methodology", "--json"])
    assert json.loads(english.stdout)["chapters"][0]["title"] == first.title["en"]  # type: ignore[index]


def test_overlay_error_points_at_the_overlay_file(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "overlay"
    runner.invoke(app, ["content", "init", str(target), "--overlay"])
    (target / "methodology").mkdir()
    bad = target / "methodology/methodology.yaml"
    bad.write_text(
        "kind: methodology\nversion: '1'\nid: perm-2020\nchapters:\n"
        "  - id: new-chapter\n    number: 12\n    title: X\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["validate", str(target)])
    assert result.exit_code == 1
    assert "methodology.yaml:5" in result.stderr
    assert "missing required key 'purpose'" in result.stderr

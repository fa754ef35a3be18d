"""Shared helpers for the seminar tests (fixture pack, CLI runner, reading an export)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from commkit.cli.app import app

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "seminars"
PACK = FIXTURES / "pack"
WORKSPACE = FIXTURES / "workspace"
PROFILE = WORKSPACE / "communities" / "fashion-tech-perm.yaml"
EVIL = FIXTURES / "evil-assessment.yaml"
EVIL_NAME = "<script>alert(1)</script> & Co | x"
SEMINAR_IDS = ["seminar-1", "seminar-2", "meetup"]
FOLDERS = {"seminar-1": "01-seminar-1", "seminar-2": "02-seminar-2", "meetup": "09-meetup"}
MD_FILES = ["slides.md", "handout.md", "facilitator.md", "invitation.md"]


def run(*args: str, lang: str = "en", pack: Path = PACK) -> Any:
    runner = CliRunner()
    return runner.invoke(
        app,
        ["--content", str(pack), "--lang", lang, "seminars", *args],
        env={"COLUMNS": "200", "NO_COLOR": "1"},
    )


def export(out: Path, *args: str, lang: str = "en", pack: Path = PACK) -> Any:
    result = run("export", "--out", str(out), *args, lang=lang, pack=pack)
    assert result.exit_code == 0, result.output
    return result


def files_under(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def export_json(out: Path, *args: str, lang: str = "en") -> dict[str, Any]:
    result = export(out, "--json", *args, lang=lang)
    data: dict[str, Any] = json.loads(result.stdout)
    return data

"""The files a command wrote are named as the user would name them: below the working folder,
relative to it (as the ``--out`` folder was typed); elsewhere, whole. ``--json`` keeps whole
paths (it is for programs)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ANSWERS = ROOT / "examples" / "perm-krai" / "answers" / "business-mentor.yaml"
REPORT = "business-mentor-assessment-2020-10-15"


def commkit(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The real command line in a process of its own (the one-file commands' quick way)."""
    env = {**os.environ, "COLUMNS": "200", "COMMKIT_LANG": "en"}
    return subprocess.run(
        [sys.executable, "-m", "commkit", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


def test_written_files_below_the_working_folder_are_named_from_it(tmp_path: Path) -> None:
    shown = commkit("assess", "--answers", str(ANSWERS), "--out", "reports", cwd=tmp_path)
    lines = shown.stdout.splitlines() + shown.stderr.splitlines()
    assert f"  reports/{REPORT}.md" in lines
    assert f"  reports/{REPORT}.yaml" in lines
    assert str(tmp_path) not in shown.stdout + shown.stderr

    planned = commkit(
        "plan",
        "-a",
        f"reports/{REPORT}.yaml",
        "--out",
        "plans",
        "--start",
        "2026-12-07",
        cwd=tmp_path,
    )
    said = planned.stdout + planned.stderr
    assert "wrote plans/business-mentor-plan-2026-12-07.md" in said
    assert (tmp_path / "plans" / "business-mentor-plan-2026-12-07.md").is_file()


def test_a_batch_names_each_report_from_the_working_folder(tmp_path: Path) -> None:
    answers = ROOT / "examples" / "perm-krai" / "answers"
    files = sorted(str(p) for p in answers.glob("*.yaml"))
    shown = commkit("assess", "--answers", *files, "--out", "reports", cwd=tmp_path)
    reports = [line for line in shown.stdout.splitlines() if ".md  " in line]
    assert len(reports) == len(files)
    assert all(line.startswith("reports/") for line in reports), reports

    as_json = commkit("assess", "--answers", *files, "--out", "again", "--json", cwd=tmp_path)
    for item in json.loads(as_json.stdout):
        assert Path(item["files"]["markdown"]).is_absolute()


def test_files_written_elsewhere_are_named_whole(tmp_path: Path) -> None:
    here, elsewhere = tmp_path / "here", tmp_path / "elsewhere"
    here.mkdir()
    shown = commkit("assess", "--answers", str(ANSWERS), "--out", str(elsewhere), cwd=here)
    lines = shown.stdout.splitlines() + shown.stderr.splitlines()
    assert f"  {elsewhere.resolve() / REPORT}.md" in lines

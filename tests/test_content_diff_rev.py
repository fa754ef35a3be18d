"""`content diff --rev`: a pack or checklist against an earlier version of itself kept in git,
read in Python (dulwich); the user's files and repository are only read."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from commkit.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
CHECKLIST = ROOT / "checklists" / "self-identification.yaml"
GIT = ["git", "-c", "user.email=t@example.org", "-c", "user.name=t", "-c", "commit.gpgsign=false"]


def _commit(repo: Path, message: str) -> None:
    subprocess.run([*GIT, "add", "-A"], cwd=repo, check=True)
    subprocess.run([*GIT, "commit", "-qm", message], cwd=repo, check=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository holding the checklist; two commits, the second renames a question."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    shutil.copy(CHECKLIST, tmp_path / "checklist.yaml")
    _commit(tmp_path, "one")
    text = (tmp_path / "checklist.yaml").read_text(encoding="utf-8")
    (tmp_path / "checklist.yaml").write_text(
        text.replace("How clearly do members share", "How well do members share", 1),
        encoding="utf-8",
    )
    _commit(tmp_path, "two")
    return tmp_path


def _diff(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["content", "diff", *args])
    return result.exit_code, result.output


def test_a_checklist_against_an_earlier_revision_shows_the_change(repo: Path) -> None:
    before = (repo / "checklist.yaml").read_bytes()
    code, out = _diff(str(repo / "checklist.yaml"), "--rev", "HEAD~1", "--json")
    assert code == 0, out
    items = json.loads(out)["items"]
    assert [(i["section"], i["id"], i["change"]) for i in items] == [
        ("question", "purpose.common-goal", "changed")
    ]
    assert items[0]["fields"][0]["before"]["en"].startswith("How clearly")
    code, out = _diff(str(repo / "checklist.yaml"), "--rev", "HEAD")
    assert code == 0 and "No differences" in out
    assert (repo / "checklist.yaml").read_bytes() == before


def test_a_pack_folder_against_a_tag(repo: Path) -> None:
    code, out = _diff(str(ROOT / "checklists"), "--rev", "no-such-tag")
    assert code == 1 and "no such revision" in out
    pack = repo / "pack"
    assert CliRunner().invoke(app, ["content", "init", str(pack)]).exit_code == 0
    _commit(repo, "pack")
    subprocess.run([*GIT, "tag", "v1"], cwd=repo, check=True)
    seminar = pack / "methodology" / "seminars" / "seminar-1.yaml"
    text = seminar.read_text(encoding="utf-8")
    seminar.write_text(text.replace("the AS-IS and TO-BE models", "as it is, as it should be", 1))
    code, out = _diff(str(pack), "--rev", "v1", "--json")
    assert code == 0, out
    found = json.loads(out)
    assert found["old"].endswith("pack@v1") and found["new"].endswith("pack"), found
    assert [(i["section"], i["id"]) for i in found["items"]] == [("seminar", "seminar-1")]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--rev", "HEAD~9"], "no such ancestor"),
        (["--rev", "HEAD~x"], "not a git revision"),
        (["other.yaml", "--rev", "HEAD"], "OLD only"),
    ],
)
def test_bad_revisions_are_clear_errors(repo: Path, args: list[str], message: str) -> None:
    code, out = _diff(str(repo / "checklist.yaml"), *args)
    assert code == 1 and message in out and "Traceback" not in out


def test_outside_git_is_a_clear_error(tmp_path: Path) -> None:
    shutil.copy(CHECKLIST, tmp_path / "checklist.yaml")
    code, out = _diff(str(tmp_path / "checklist.yaml"), "--rev", "HEAD")
    assert code == 1 and "not in a git repository" in out

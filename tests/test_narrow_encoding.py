"""Output to a terminal or file whose encoding lacks characters commkit prints (a report's bars,
Russian): shown as ``?`` with one line saying why, never a traceback; JSON stays whole."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PERM = ROOT / "examples" / "perm-krai"
ANSWERS = PERM / "answers" / "business-mentor.yaml"


def commkit(*args: str, encoding: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """The real command line with its output streams in ``encoding``."""
    env = {**os.environ, "PYTHONIOENCODING": encoding, "COLUMNS": "120"}
    env.pop("COMMKIT_LANG", None)
    return subprocess.run(
        [sys.executable, "-m", "commkit", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        timeout=120,
    )


def test_a_report_on_a_latin_1_stream_shows_question_marks_and_says_why(tmp_path: Path) -> None:
    narrow = commkit(
        "assess", "--answers", str(ANSWERS), "--out", "a", encoding="latin-1", cwd=tmp_path
    )
    wide = commkit(
        "assess", "--answers", str(ANSWERS), "--out", "b", encoding="utf-8", cwd=tmp_path
    )
    assert narrow.returncode == wide.returncode == 0, narrow.stderr
    shown = narrow.stdout.decode("latin-1") + narrow.stderr.decode("latin-1")
    assert "Traceback" not in shown
    assert "?" * 18 in shown  # a dimension's bar
    last = narrow.stderr.decode("latin-1").splitlines()[-1]
    assert last.startswith("Some characters were shown as '?'") and "PYTHONIOENCODING=utf-8" in last
    assert "shown as '?'" not in (wide.stdout + wide.stderr).decode("utf-8")
    for name in (
        "business-mentor-assessment-2020-10-15.md",
        "business-mentor-assessment-2020-10-15.yaml",
    ):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_the_hint_speaks_russian_where_the_stream_can_show_it(tmp_path: Path) -> None:
    args = ("--lang", "ru", "assess", "--answers", str(ANSWERS), "--out", "r")
    cyrillic = commkit(*args, encoding="cp1251", cwd=tmp_path)
    assert cyrillic.returncode == 0
    said = cyrillic.stderr.decode("cp1251").splitlines()[-1]
    assert said.startswith("Часть символов показана как «?»"), said
    assert "Записано" in cyrillic.stdout.decode("cp1251")  # Russian itself shows in cp1251
    latin = commkit(*args, "--force", encoding="latin-1", cwd=tmp_path)
    assert latin.returncode == 0
    assert latin.stderr.decode("latin-1").splitlines()[-1].startswith("Some characters")


def test_json_on_a_narrow_stream_is_escaped_not_changed(tmp_path: Path) -> None:
    files = sorted(str(p) for p in (PERM / "answers").glob("*.yaml"))
    runs = {
        "batch": ("--lang", "ru", "assess", "--answers", *files, "--out", "j", "--force", "--json"),
        "one": ("assess", "--answers", str(ANSWERS), "--out", "o", "--force", "--json"),
        "map": ("map", str(PERM), "--json"),
    }
    for name, args in runs.items():
        narrow = commkit(*args, encoding="latin-1", cwd=tmp_path)
        wide = commkit(*args, encoding="utf-8", cwd=tmp_path)
        assert narrow.returncode == wide.returncode == 0, (name, narrow.stderr)
        assert narrow.stdout.isascii(), name
        assert json.loads(narrow.stdout) == json.loads(wide.stdout.decode("utf-8")), name
        assert not wide.stdout.isascii(), name  # a UTF-8 stream gets the characters themselves

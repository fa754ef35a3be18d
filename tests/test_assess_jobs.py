"""``assess --answers ... --jobs N``: a pool of worker processes gives what one process gives.

The same files with the same bytes, the same messages in the same order (warnings, located
errors, a duplicate community and date), the same JSON and the same exit code; and Ctrl-C
stops the pool with nothing half-written and no process left behind.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from commkit.cli.app import app

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "examples" / "perm-krai" / "answers"
BAD = ROOT / "tests" / "bad_inputs"


def batch_folder(folder: Path, copies: int) -> Path:
    """Example answers under new community slugs, some bad files and a duplicate."""
    answers = folder / "answers"
    answers.mkdir(parents=True)
    sources = sorted(EXAMPLES.glob("*.yaml"))
    for k in range(copies):
        for src in sources:
            text = src.read_text(encoding="utf-8")
            slug = f"{src.stem}-{k}"
            text = text.replace(f"slug: {src.stem}", f"slug: {slug}", 1)
            if f"slug: {slug}" not in text:
                text = text.replace("community:\n", f"community:\n  slug: {slug}\n", 1)
            (answers / f"{slug}.yaml").write_text(text, encoding="utf-8")
    for name in ("answers-out-of-range.yaml", "answers-unknown-question.yaml"):
        shutil.copy(BAD / name, answers / f"{k}-{name}")
    shutil.copy(answers / f"{sources[0].stem}-0.yaml", answers / "zz-same-community-and-date.yaml")
    return folder


def run_in(folder: Path, *args: str) -> tuple[int, str, str, dict[str, bytes]]:
    cwd = Path.cwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(app, ["assess", "--answers", "answers/*.yaml", *args])
    finally:
        os.chdir(cwd)
    files = {p.relative_to(folder).as_posix(): p.read_bytes() for p in (folder / "out").rglob("*")}

    def same(text: str) -> str:  # the two runs write into two folders
        return text.replace(str(folder.resolve()), "<folder>").replace(str(folder), "<folder>")

    return result.exit_code, same(result.stdout), same(result.stderr), files


@pytest.mark.parametrize("extra", [["--json"], ["--explain"]])
def test_a_pool_writes_and_says_exactly_what_one_process_does(
    tmp_path: Path, extra: list[str]
) -> None:
    serial = batch_folder(tmp_path / "serial", copies=2)
    pooled = batch_folder(tmp_path / "pooled", copies=2)
    one = run_in(serial, "-o", "out", "--jobs", "1", *extra)
    two = run_in(pooled, "-o", "out", "--jobs", "2", *extra)
    assert one[0] == 1  # bad files: exit 1, both ways
    assert "already written in this run" in one[2]
    assert "purpose.no-such-question" in one[2]
    assert len(one[3]) == 2 * 2 * len(list(EXAMPLES.glob("*.yaml")))
    assert two == one


def test_ctrl_c_stops_the_pool_with_nothing_half_written(tmp_path: Path) -> None:
    # Reports get their names a group of 100 assessments at a time, so the first ones appear
    # with a hundred done: enough files that many more are still to come when Ctrl-C lands
    # (with 240, a quick run had finished them all by then and ended on its own). Those
    # files cost the test nothing: the run stops.
    folder = batch_folder(tmp_path, copies=250)
    out = folder / "out"
    argv = [sys.executable, "-m", "commkit", "assess", "--answers", "answers/*.yaml"]
    proc = subprocess.Popen(
        [*argv, "-o", "out", "--jobs", "2"],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    deadline = time.monotonic() + 120
    while not (out.exists() and len(list(out.glob("*.md"))) >= 4):
        assert proc.poll() is None, "the batch ended before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C sends: the whole group
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err.decode()
    assert b"Traceback" not in err
    with pytest.raises(ProcessLookupError):  # no worker left running
        os.killpg(proc.pid, 0)
    written = sorted(out.iterdir())
    assert not [p for p in written if p.name.startswith(".") or p.suffix == ".tmp"]
    reports = {p.stem for p in written if p.suffix == ".md"}
    results = {p.stem for p in written if p.suffix == ".yaml"}
    assert reports == results  # each assessment whole: its report and its result
    assert len(reports) < len(list((folder / "answers").glob("*.yaml"))) - 3
    for path in written:
        if path.suffix == ".yaml":
            assert yaml.safe_load(path.read_text(encoding="utf-8"))["kind"] == "assessment"

"""Every command that writes: atomic (a failed write leaves nothing), never over a file
without --force, never outside the chosen folder whatever names and slugs contain.

Tests run as root, so a read-only folder would not stop them: a full disk is simulated by
making os.open (temp file), os.fsync or os.replace fail with ENOSPC.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from commkit.cli.app import app

HERE = Path(__file__).parent
ROOT = HERE.parent
ANSWERS = ROOT / "examples" / "perm-krai" / "answers" / "business-mentor.yaml"
SMALL_PACK = HERE / "fixtures" / "plan" / "pack"
SMALL_ANSWERS = HERE / "fixtures" / "plan" / "answers.yaml"
MINI_WS = HERE / "fixtures" / "region" / "ws"

# name -> arguments writing into {out} (a folder that the command creates or fills)
WRITERS: dict[str, Callable[[Path], list[str]]] = {
    "assess": lambda out: ["assess", "--answers", str(ANSWERS), "--out", str(out)],
    "plan": lambda out: [
        "--content", str(SMALL_PACK), "plan", "-a", str(SMALL_ANSWERS), "--out", str(out),
        "--start", "2026-01-05", "--csv", str(out / "plan.csv"), "--ics", str(out / "plan.ics"),
    ],
    "seminars export": lambda out: ["seminars", "export", "1", "--out", str(out), "--zip"],
    "region init": lambda out: ["region", "init", str(out), "--name", "Perm Krai"],
    "community add": lambda out: [
        "community", "add", "-w", str(out), "--name", "Club", "--members", "5",
        "--date", "2026-01-01",
    ],
    "content init": lambda out: ["content", "init", str(out)],
    "map": lambda out: [
        "map", str(MINI_WS), "--date", "2026-06-01", "--out", str(out / "map.md"),
        "--csv", str(out / "map.csv"),
    ],
    "schema": lambda out: ["schema", "--out", str(out)],
}  # fmt: skip


def prepare(name: str, out: Path) -> None:
    if name == "community add":  # needs a workspace
        (out / "communities").mkdir(parents=True)
        (out / "region.yaml").write_text('kind: region\nversion: "1"\nname: R\n')


def files_in(folder: Path) -> dict[str, bytes]:
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def enospc(*args: Any, **kwargs: Any) -> Any:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def failing_open(real: Callable[..., int], folder: Path) -> Callable[..., int]:
    def fake(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & os.O_CREAT and str(path).startswith(str(folder)):  # that disk is full
            enospc()
        return real(path, flags, *args, **kwargs)

    return fake


@pytest.mark.parametrize("where", ["open", "fsync", "replace"])
@pytest.mark.parametrize("name", sorted(WRITERS))
def test_a_full_disk_leaves_no_partial_file_and_a_clear_message(
    name: str, where: str, tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    prepare(name, out)
    before = files_in(out)
    if where == "open":
        monkeypatch.setattr(os, "open", failing_open(os.open, out))
    else:
        monkeypatch.setattr(os, where, enospc)
        if where == "replace":  # a new file gets its name by a hard link (no overwrite)
            monkeypatch.setattr(os, "link", enospc)
    result = runner.invoke(app, WRITERS[name](out))
    monkeypatch.undo()
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert "cannot write" in result.stderr and "No space left on device" in result.stderr
    assert files_in(out) == before  # nothing new, nothing half-written, no temp file


def test_map_with_a_full_temp_folder_is_a_clean_error(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from commkit.model import spill

    # the map keeps its rows in a temporary database once they are many: spill from the first
    monkeypatch.setattr(spill, "KEEP", 0)
    monkeypatch.setattr(spill.sqlite3, "connect", enospc)
    result = runner.invoke(app, ["map", str(MINI_WS), "--date", "2026-06-01"])
    monkeypatch.undo()
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "No space left on device" in result.stderr


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_nothing_is_overwritten_without_force(name: str, tmp_path: Path, runner: CliRunner) -> None:
    out = tmp_path / "out"
    prepare(name, out)
    prepared = files_in(out)
    first = runner.invoke(app, WRITERS[name](out))
    assert first.exit_code == 0, first.output
    # .gitkeep files are created only where missing; inputs are not the command's output
    written = {k: v for k, v in files_in(out).items() if k not in prepared and ".gitkeep" not in k}
    assert written
    # the user edits every file: a second run must not touch them
    for rel in written:
        (out / rel).write_bytes(b"edited by hand\n")
    again = runner.invoke(app, WRITERS[name](out))
    assert again.exit_code == 1, again.output
    assert re.search(r"already exists|not empty|--force", again.stderr), again.stderr
    assert all(files_in(out)[k] == b"edited by hand\n" for k in written)
    forced = runner.invoke(app, [*WRITERS[name](out), "--force"])
    assert forced.exit_code == 0, forced.output
    assert all(files_in(out)[k] == v for k, v in written.items())


# ---------------------------------------------------------------- never outside the folder

EVIL_NAMES = [
    "../../escaped",
    "/tmp/absolute",
    "..\\..\\windows",
    "a/../../b",
    "\u202eevil\u202c..",
    "..",
    "~root",
    "CON",
    "имя/../../выход",
    "\x00nul",
]


def outside(tmp_path: Path, out: Path, inputs: set[Path]) -> list[Path]:
    """Files under tmp_path (and /tmp/absolute*) that are neither inputs nor under ``out``."""
    found = [
        p for p in tmp_path.rglob("*") if p.is_file() and p not in inputs and out not in p.parents
    ]
    found += list(Path("/tmp").glob("absolute*"))
    return found


def answers_named(tmp_path: Path, name: str) -> Path:
    text = ANSWERS.read_text("utf-8")
    text = text.replace("  name: Business-mentor Business Club\n  slug: business-mentor\n", "")
    text = text.replace("community:\n", f"community:\n  name: {json_str(name)}\n", 1)
    path = tmp_path / "in" / "answers.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def json_str(text: str) -> str:
    import json

    return json.dumps(text)


def check_contained(tmp_path: Path, out: Path, result: Any) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert result.exit_code in (0, 1), result.output
    inputs = {p for p in (tmp_path / "in").rglob("*")} if (tmp_path / "in").exists() else set()
    assert outside(tmp_path, out, inputs) == []


@pytest.mark.parametrize("name", [n for n in EVIL_NAMES if "\x00" not in n])  # YAML has no NUL
def test_assess_and_plan_stay_in_out(name: str, tmp_path: Path, runner: CliRunner) -> None:
    answers = answers_named(tmp_path, name)
    out = tmp_path / "out"
    check_contained(
        tmp_path, out, runner.invoke(app, ["assess", "-a", str(answers), "-o", str(out)])
    )
    result = runner.invoke(app, ["plan", "-a", str(answers), "--out", str(out / "plan")])
    check_contained(tmp_path, out, result)
    result = runner.invoke(app, ["assess", "-a", str(ANSWERS), "-o", str(out), "--community", name])
    check_contained(tmp_path, out, result)


@pytest.mark.parametrize("name", EVIL_NAMES)
def test_init_and_add_stay_in_their_folder(name: str, tmp_path: Path, runner: CliRunner) -> None:
    out = tmp_path / "out"
    check_contained(tmp_path, out, runner.invoke(app, ["region", "init", str(out), "--name", name]))
    result = runner.invoke(app, ["content", "init", str(out / "pack"), "--name", name])
    check_contained(tmp_path, out, result)
    for args in (["--name", name], ["--name", "Club", "--slug", name]):
        result = runner.invoke(app, ["community", "add", "-w", str(out), *args, "--force"])
        check_contained(tmp_path, out, result)


@pytest.mark.parametrize("name", EVIL_NAMES[:5])
def test_seminars_export_stays_in_out(name: str, tmp_path: Path, runner: CliRunner) -> None:
    profile = tmp_path / "in" / "club.yaml"
    profile.parent.mkdir()
    profile.write_text(
        f'kind: community\nversion: "1"\nslug: club\nname: {json_str(name)}\n', "utf-8"
    )
    out = tmp_path / "out"
    args = ["seminars", "export", "--all", "--out", str(out), "--profile", str(profile)]
    result = runner.invoke(app, [*args, "--zip", "--format", "md,html"])
    check_contained(tmp_path, out, result)
    assert result.exit_code == 0, result.output

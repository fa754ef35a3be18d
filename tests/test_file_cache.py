"""The workspace file cache: an unchanged file is not read again; a changed one always is."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from commkit.model import file_cache, workspace_loader
from commkit.model.workspace import Community
from commkit.model.workspace_loader import load_model

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-30"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("COMMKIT_CACHE_DIR", str(folder))
    monkeypatch.delenv("COMMKIT_NO_CACHE", raising=False)
    file_cache._close()
    yield folder
    file_cache._close()


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    path = tmp_path / "ws" / "communities" / "business-mentor.yaml"
    path.parent.mkdir(parents=True)
    shutil.copy(ROOT / "examples" / "perm-krai" / "communities" / path.name, path)
    return path


def refuse_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object) -> object:
        raise AssertionError("the file was read although it was cached")

    monkeypatch.setattr(workspace_loader, "_load_model", refuse)


def count_reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files read from disk from now on (not served by the cache)."""
    read: list[Path] = []
    real = workspace_loader._load_model

    def reading(path: Path, model: Any, results_only: bool = False) -> Any:
        read.append(path)
        return real(path, model, results_only)

    monkeypatch.setattr(workspace_loader, "_load_model", reading)
    return read


def test_an_unchanged_file_comes_from_the_cache(
    cache: Path, profile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, problems = load_model(profile, Community)
    assert first is not None and problems == []
    refuse_reading(monkeypatch)
    second, problems = load_model(profile, Community)
    assert second == first and problems == []


def test_the_cache_survives_the_process(cache: Path, profile: Path) -> None:
    load_model(profile, Community)
    file_cache._close()  # what happens at exit: pending entries are written
    db = next(cache.glob("files-*.sqlite"))
    rows = sqlite3.connect(db).execute("SELECT path FROM files").fetchall()
    assert rows == [(str(profile.absolute()),)]
    assert oct(db.stat().st_mode & 0o777) == "0o600"
    assert oct(cache.stat().st_mode & 0o777) == "0o700"


def test_an_edited_file_is_read_again(cache: Path, profile: Path) -> None:
    first, _ = load_model(profile, Community)
    assert first is not None
    text = profile.read_text(encoding="utf-8")
    profile.write_text(
        text.replace("en: Business-mentor Business Club", "en: Renamed club"), "utf-8"
    )
    second, _ = load_model(profile, Community)
    assert second is not None and second.name == {**first.name, "en": "Renamed club"}


def test_an_edit_that_keeps_size_and_mtime_is_still_seen(cache: Path, profile: Path) -> None:
    first, _ = load_model(profile, Community)
    assert first is not None
    stat = profile.stat()
    text = profile.read_text(encoding="utf-8")
    swapped = text.replace("Business-mentor Business Club", "bulC ssenisuB rotnem-ssenisuB", 1)
    assert len(swapped.encode()) == len(text.encode())
    profile.write_text(swapped, encoding="utf-8")
    os.utime(profile, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # the change time still moves
    second, _ = load_model(profile, Community)
    assert second is not None and second.name == {
        **first.name,
        "en": "bulC ssenisuB rotnem-ssenisuB",
    }


def test_a_touched_but_unchanged_file_is_read_again_and_gives_the_same_model(
    cache: Path, profile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, _ = load_model(profile, Community)
    os.utime(profile, ns=(1, 2))
    read = count_reads(monkeypatch)
    second, problems = load_model(profile, Community)
    assert read == [profile] and second == first and problems == []
    third, _ = load_model(profile, Community)  # and the new stamp is remembered
    assert read == [profile] and third == first


def test_the_cache_holds_json_not_pickles(cache: Path, profile: Path) -> None:
    first, _ = load_model(profile, Community)
    assert first is not None
    file_cache._close()
    db = next(cache.glob("files-*.sqlite"))
    [(model, data)] = sqlite3.connect(db).execute("SELECT model, data FROM files").fetchall()
    assert model == "Community" and json.loads(data) == json.loads(first.model_dump_json())


def test_a_broken_file_is_never_cached(cache: Path, profile: Path) -> None:
    profile.write_text("kind: community\nversion: '1'\nslug: [\n", encoding="utf-8")
    for _ in range(2):
        value, problems = load_model(profile, Community)
        assert value is None and problems and problems[0].line


def test_a_corrupt_database_is_no_error(cache: Path, profile: Path) -> None:
    load_model(profile, Community)
    file_cache._close()
    for db in cache.glob("files-*"):
        db.write_bytes(b"this is not a database" * 100)
    value, problems = load_model(profile, Community)
    assert value is not None and problems == []


def test_a_corrupt_database_is_made_anew(
    cache: Path, profile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_model(profile, Community)
    file_cache._close()
    [db] = cache.glob("files-*.sqlite")
    db.write_bytes(b"this is not a database" * 100)
    for leftover in cache.glob("files-*.sqlite-*"):
        leftover.unlink()
    first, problems = load_model(profile, Community)
    assert first is not None and problems == []
    file_cache._close()
    read = count_reads(monkeypatch)
    again, _ = load_model(profile, Community)
    assert read == [] and again == first  # the new database serves it


def test_a_database_damaged_inside_is_made_anew_on_the_next_run(
    cache: Path, profile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, _ = load_model(profile, Community)
    file_cache._close()
    [db] = cache.glob("files-*.sqlite")
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
    data = bytearray(db.read_bytes())
    data[4096:] = b"\xff" * (len(data) - 4096)  # the schema page stays, the tables' go
    db.write_bytes(bytes(data))
    assert load_model(profile, Community) == (first, [])
    file_cache._close()
    assert load_model(profile, Community) == (first, [])
    file_cache._close()
    read = count_reads(monkeypatch)
    assert load_model(profile, Community) == (first, []) and read == []


def test_a_damaged_entry_is_read_from_the_file(cache: Path, profile: Path) -> None:
    load_model(profile, Community)
    file_cache._close()
    db = next(cache.glob("files-*.sqlite"))
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE files SET data = ?", (b"\x80\x05garbage",))
    value, problems = load_model(profile, Community)
    assert value is not None and value.slug == "business-mentor" and problems == []


def test_an_unwritable_cache_folder_is_no_error(
    tmp_path: Path, profile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    monkeypatch.setenv("COMMKIT_CACHE_DIR", str(blocker / "cache"))
    file_cache._close()
    value, problems = load_model(profile, Community)
    assert value is not None and problems == []
    file_cache._close()


def test_no_cache_reads_every_file(
    cache: Path, profile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COMMKIT_NO_CACHE", "1")
    load_model(profile, Community)
    file_cache._close()
    assert not list(cache.glob("files-*"))


def map_json(workspace: Path, cache: Path, *options: str) -> dict[str, Any]:
    argv = [sys.executable, "-m", "commkit", *options, "map", str(workspace), "--json"]
    run = subprocess.run(
        [*argv, "--date", TODAY],
        env={**os.environ, "COMMKIT_CACHE_DIR": str(cache)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    return dict(json.loads(run.stdout))


def test_map_rerun_equals_a_fresh_run_through_edits_additions_and_deletions(
    tmp_path: Path, cache: Path
) -> None:
    ws = tmp_path / "perm"
    shutil.copytree(ROOT / "examples" / "perm-krai", ws)
    fresh = tmp_path / "fresh-cache"
    assert map_json(ws, cache) == map_json(ws, cache)
    profile = ws / "communities" / "ya-delovaya.yaml"
    profile.write_text(
        profile.read_text(encoding="utf-8").replace("slug: ya-delovaya", "slug: ya-delovaya", 1)
        + "\n",
        encoding="utf-8",
    )
    (ws / "communities" / "technopark-perm.yaml").unlink()
    source = (ws / "communities" / "fashiontechperm.yaml").read_text(encoding="utf-8")
    (ws / "communities" / "copy.yaml").write_text(
        source.replace("slug: fashiontechperm", "slug: copy", 1), encoding="utf-8"
    )
    rerun = map_json(ws, cache)
    assert rerun == map_json(ws, fresh)
    slugs = {row["slug"] for row in rerun["communities"]}
    assert "technopark-perm" not in slugs and "copy" in slugs


def test_map_with_no_cache_writes_no_cache(tmp_path: Path, cache: Path) -> None:
    ws = tmp_path / "perm"
    shutil.copytree(ROOT / "examples" / "perm-krai", ws)
    assert map_json(ws, cache, "--no-cache") == map_json(ws, tmp_path / "other")
    assert not list(cache.glob("files-*"))


def test_two_processes_share_the_cache(tmp_path: Path, cache: Path) -> None:
    ws = tmp_path / "perm"
    shutil.copytree(ROOT / "examples" / "perm-krai", ws)
    argv = [sys.executable, "-m", "commkit", "map", str(ws), "--json", "--date", TODAY]
    env = {**os.environ, "COMMKIT_CACHE_DIR": str(cache)}
    procs = [subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, text=True) for _ in range(3)]
    outputs = [p.communicate(timeout=120)[0] for p in procs]
    assert all(p.returncode == 0 for p in procs)
    assert len(set(outputs)) == 1
    assert json.loads(outputs[0]) == map_json(ws, tmp_path / "alone") == map_json(ws, cache)
    [db] = cache.glob("files-*.sqlite")
    stored = {row[0] for row in sqlite3.connect(db).execute("SELECT path FROM files")}
    assert {str(p.absolute()) for p in (ws / "communities").glob("*.yaml")} <= stored


# ------------------------------------------------------------------ a community's latest results


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    ws = tmp_path / "perm"
    shutil.copytree(ROOT / "examples" / "perm-krai", ws)
    return ws


def latest(ws: Path) -> Any:
    """What the map reads of business-mentor's assessments, through a fresh workspace."""
    from commkit.model.workspace_loader import load_workspace

    return load_workspace(ws).latest_results("business-mentor", 2)


def refuse_assessments(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object) -> object:
        raise AssertionError("the assessments were read although their results were cached")

    monkeypatch.setattr(workspace_loader, "load_model", refuse)
    monkeypatch.setattr(workspace_loader, "_yaml_in", refuse)


def newest(ws: Path) -> Path:
    return ws / "assessments" / "business-mentor" / "2020-10-15.yaml"


def test_unchanged_assessments_give_their_results_from_the_cache(
    cache: Path, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = latest(workspace)
    assert first.count == 2 and [r.result.overall for r in first.results] == [93.1, 73.8]
    file_cache._close()  # and in a new process
    from commkit.model.workspace_loader import load_workspace

    opened = load_workspace(workspace)
    refuse_assessments(monkeypatch)
    assert opened.latest_results("business-mentor", 2) == first


def test_an_edited_assessment_is_read_again(cache: Path, workspace: Path) -> None:
    latest(workspace)
    path = newest(workspace)
    path.write_text(path.read_text("utf-8").replace("overall: 93.1", "overall: 91.0"), "utf-8")
    assert latest(workspace).results[0].result.overall == 91.0


def test_a_touched_but_unchanged_assessment_gives_the_same_results(
    cache: Path, workspace: Path
) -> None:
    first = latest(workspace)
    os.utime(newest(workspace), ns=(1, 2))
    assert latest(workspace) == first


def test_a_new_assessment_is_seen(cache: Path, workspace: Path) -> None:
    latest(workspace)
    path = newest(workspace)
    text = path.read_text("utf-8").replace("date: 2020-10-15", "date: 2021-03-01", 1)
    (path.parent / "2021-03-01.yaml").write_text(text.replace("overall: 93.1", "overall: 95.0"))
    found = latest(workspace)
    assert found.count == 3 and [r.result.overall for r in found.results] == [95.0, 93.1]


def test_a_deleted_assessment_is_seen(cache: Path, workspace: Path) -> None:
    latest(workspace)
    newest(workspace).unlink()
    found = latest(workspace)
    assert found.count == 1 and [r.result.overall for r in found.results] == [73.8]


def first_results(ws: Path) -> Any:
    """The latest results of business-mentor read without any cache."""
    previous = os.environ.get("COMMKIT_NO_CACHE")
    os.environ["COMMKIT_NO_CACHE"] = "1"
    file_cache._close()
    try:
        return latest(ws)
    finally:
        file_cache._close()
        if previous is None:
            del os.environ["COMMKIT_NO_CACHE"]
        else:
            os.environ["COMMKIT_NO_CACHE"] = previous


def test_another_commkit_reads_its_own_results(
    cache: Path, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from commkit.model import pack_cache

    latest(workspace)
    file_cache._close()
    expected = first_results(workspace)
    monkeypatch.setattr(pack_cache, "code_identity", lambda: b"commkit 99.0")
    read = count_reads(monkeypatch)
    assert latest(workspace) == expected
    assert read  # nothing of the other version's cache was used
    file_cache._close()
    assert len(list(cache.glob("files-*.sqlite"))) == 2


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """``folder`` and its files made read-only for this process: by their modes, and for
    root (whom modes do not stop) by the immutable attribute as well."""
    entries = [*folder.iterdir(), folder]
    modes = {entry: entry.stat().st_mode for entry in entries}
    for entry in entries:
        entry.chmod(0o500 if entry.is_dir() else 0o400)
    if os.geteuid() == 0:
        subprocess.run(["chattr", "+i", *map(str, entries)], check=True)
    try:
        with pytest.raises(OSError):
            (folder / "probe").touch()  # make sure it really is read-only
        yield
    finally:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", *map(str, entries)], check=True)
        for entry, mode in modes.items():
            entry.chmod(mode)


def test_a_read_only_cache_folder_is_no_error(cache: Path, workspace: Path) -> None:
    first = latest(workspace)
    file_cache._close()
    [db] = cache.glob("files-*.sqlite")
    with read_only(cache):
        assert latest(workspace) == first
        newest(workspace).unlink()
        assert latest(workspace).count == 1
        file_cache._close()
        fresh = map_json(workspace, cache)
    assert fresh == map_json(workspace, cache.parent / "fresh-cache")
    assert db.exists()  # a cache that cannot be written is left as it was


def test_a_damaged_results_entry_is_worked_out_again(cache: Path, workspace: Path) -> None:
    first = latest(workspace)
    file_cache._close()
    db = next(cache.glob("files-*.sqlite"))
    with sqlite3.connect(db) as conn:
        assert conn.execute('UPDATE derived SET data = \'{"count": "many"\'').rowcount == 1
    assert latest(workspace) == first


def stored_paths(cache: Path, opened: bool = False) -> set[str]:
    """The paths of the files stored (``opened``: after a run opened the cache afresh)."""
    file_cache._close()
    if opened:
        file_cache.derived("anything", Community)
        file_cache._close()
    [db] = cache.glob("files-*.sqlite")
    with contextlib.closing(sqlite3.connect(db)) as conn:
        return {row[0] for row in conn.execute("SELECT path FROM files")}


def test_the_map_caches_an_assessments_results_not_the_whole_file(
    cache: Path, workspace: Path
) -> None:
    from commkit.model.workspace_loader import load_workspace

    first = latest(workspace)
    folder = workspace / "assessments" / "business-mentor"
    assert not {str(p.absolute()) for p in folder.glob("*.yaml")} & stored_paths(cache)
    assert latest(workspace) == first  # the results come from the cache
    # commands that need whole assessments (progress, plan, re-scoring) still cache them
    load_workspace(workspace).latest_assessments("business-mentor", 2)
    assert {str(p.absolute()) for p in folder.glob("*.yaml")} <= stored_paths(cache)


def test_databases_of_other_versions_are_pruned_and_nothing_else(cache: Path) -> None:
    cache.mkdir(parents=True)
    ours = [f"files-2-{n:016x}.sqlite" for n in range(4)] + ["files-0123456789abcdef.sqlite"]
    for age, name in enumerate(ours):  # the first is the most recently used
        for suffix in ("", "-wal", "-shm"):
            (cache / (name + suffix)).write_bytes(b"")
            os.utime(cache / (name + suffix), (1e9 - age * 1e6, 1e9 - age * 1e6))
    mine = ["files-notes.sqlite", "files-2-0123456789ABCDEF.sqlite", "files-2-0.sqlite.bak", "x.db"]
    for name in mine:
        (cache / name).write_text("the user's own", encoding="utf-8")
    (cache / "files-3-fedcba9876543210.sqlite").mkdir()  # a folder, whatever its name
    (cache / "packs").mkdir()
    link = cache / "files-1-aaaaaaaaaaaaaaaa.sqlite"
    link.symlink_to(cache / "x.db")

    file_cache.derived("anything", Community)  # opens this version's database

    left = {p.name for p in cache.iterdir()}
    kept = {name + suffix for name in ours[:2] for suffix in ("", "-wal", "-shm")}
    gone = {name + suffix for name in ours[2:] for suffix in ("", "-wal", "-shm")}
    assert kept <= left and not gone & left
    assert set(mine) | {"files-3-fedcba9876543210.sqlite", "packs", link.name} <= left
    assert all((cache / name).read_text(encoding="utf-8") == "the user's own" for name in mine)
    file_cache._close()
    [current] = {p for p in cache.glob("files-2-*.sqlite") if p.name not in {*ours, *mine}}
    assert current.stat().st_size > 0  # this version's own database, made and used


def test_rows_no_run_can_use_again_are_deleted_once_a_week(cache: Path, profile: Path) -> None:
    """A file changed or deleted since it was stored never matches its row again (its change
    time does not come back): its row goes, the rows of unchanged files stay."""
    other = profile.with_name("other.yaml")
    shutil.copy(profile, other)
    for path in (profile, other):
        load_model(path, Community)
    stored = {str(profile.absolute()), str(other.absolute())}
    assert stored_paths(cache) == stored
    other.unlink()
    [mark] = cache.glob("files-*.sqlite-pruned")  # the first run pruned its empty database
    assert stored_paths(cache, opened=True) == stored  # within the week: not looked at
    week_ago = mark.stat().st_mtime - file_cache.PRUNE_ROWS_EVERY - 60
    os.utime(mark, (week_ago, week_ago))
    assert stored_paths(cache, opened=True) == {str(profile.absolute())}
    assert mark.stat().st_mtime > week_ago

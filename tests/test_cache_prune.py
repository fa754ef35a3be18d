"""The user cache folder does not grow for ever: checked packs, worked-out results and
template folders that no run has used of late are deleted when a run stores a new one."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from commkit.model import cache_prune, pack_cache
from commkit.render import template_cache

DAY = cache_prune.DAY


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("COMMKIT_CACHE_DIR", str(folder))
    monkeypatch.delenv("COMMKIT_NO_CACHE", raising=False)
    return folder


def aged(path: Path, days: float) -> Path:
    """``path`` (made if missing) as last used ``days`` ago."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"old")
    when = time.time() - days * DAY
    os.utime(path, (when, when))
    return path


def test_packs_beyond_the_most_recently_used_are_deleted_when_one_is_stored(cache: Path) -> None:
    packs = cache / "packs"
    old = [aged(packs / f"{n:017x}.pickle", days=1 + n) for n in range(10)]
    others = [aged(packs / "notes.pickle", 99), aged(packs / "abc.txt", 99)]
    dead_writer = aged(packs / f".{old[0].name}.0badf00d.tmp", 2)
    live_writer = aged(packs / f".{old[1].name}.600dcafe.tmp", 0)

    pack_cache.store("key", {"a": "pack"})  # type: ignore[arg-type]

    left = set(packs.iterdir())
    assert len([p for p in left if p.suffix == ".pickle" and p not in others]) == 8
    assert set(old[:7]) <= left and not set(old[7:]) & left  # the least recently used go
    assert set(others) <= left and live_writer in left and dead_writer not in left


def test_an_entry_unused_for_a_month_goes_and_reading_one_marks_it_used(cache: Path) -> None:
    key = pack_cache.data_key("report", [], [], [])
    pack_cache.store_data(key, {"ok": True})
    [entry] = (cache / "data").iterdir()
    aged(entry, cache_prune.UNUSED_DAYS + 5)
    unused = aged(cache / "data" / f"{1:017x}.json", cache_prune.UNUSED_DAYS + 1)
    kept = aged(cache / "data" / f"{2:017x}.json", cache_prune.UNUSED_DAYS - 1)

    assert pack_cache.load_data(key) == {"ok": True}  # read: used today
    pack_cache.store_data(pack_cache.data_key("other", [], [], []), [1])

    left = set((cache / "data").iterdir())
    assert entry in left and kept in left and unused not in left
    assert time.time() - entry.stat().st_mtime < DAY


def test_template_folders_of_other_versions_go_but_the_two_last_made(cache: Path) -> None:
    templates = cache / "templates"
    old = [aged(templates / f"{n:016x}", days=n + 1) for n in range(4)]
    for folder in old:
        folder.unlink()
        folder.mkdir()
        (folder / "__jinja2_x.cache").write_bytes(b"code")
        when = time.time() - (old.index(folder) + 1) * DAY
        os.utime(folder, (when, when))
    mine = templates / "my-notes"
    mine.mkdir()

    assert template_cache.bytecode_cache() is not None  # this version's folder: made

    left = set(templates.iterdir())
    assert set(old[:2]) <= left and not set(old[2:]) & left and mine in left
    assert len(left) == 4


def test_a_read_only_cache_is_left_as_it_is_and_no_error(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing can be deleted or marked (as on a read-only disk): the run goes on."""
    old = [aged(cache / "data" / f"{n:017x}.json", days=40 + n) for n in range(70)]

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError("read-only file system")

    monkeypatch.setattr(os, "unlink", refuse)
    monkeypatch.setattr(os, "utime", refuse)
    pack_cache.store_data("key", [1])
    assert pack_cache.load_data("key") == [1]
    assert all(path.exists() for path in old)

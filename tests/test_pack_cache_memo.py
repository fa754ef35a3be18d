"""The memo of pack files' content hashes: a warm run reads no pack file, and no change to a
file is ever missed (same size and times, a rename over it, a touch, a damaged memo)."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from commkit.api._common import pack_data
from commkit.model import file_digests, pack_cache


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    """A small folder laid out as a pack (what the key reads; nothing here parses it)."""
    root = tmp_path / "pack"
    (root / "methodology" / "seminars").mkdir(parents=True)
    (root / "checklists" / "history").mkdir(parents=True)
    for name, text in {
        "methodology/methodology.yaml": "kind: methodology\nid: m\n",
        "methodology/seminars/one.yaml": "kind: seminar\nid: one\n",
        "checklists/self.yaml": "kind: checklist\nid: self\n",
        "checklists/history/self-1.0.yaml": "kind: checklist\nid: self\nversion: '1.0'\n",
    }.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def remembering(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files made a moment ago count as old enough to remember (the tests' files are new)."""
    monkeypatch.setattr(file_digests, "RACY_NS", -(10**15))


def key(root: Path) -> str:
    from commkit.model.pack_paths import pack_sources

    return pack_cache.data_key("test", [], *pack_sources(root))


def read_count(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Record every pack file read for its hash."""
    seen: list[Path] = []
    real = file_digests._hash

    def counting(path: Path) -> str:
        seen.append(path)
        return real(path)

    monkeypatch.setattr(file_digests, "_hash", counting)
    return seen


def moved_ctime(path: Path, before: int, change: object) -> None:
    """Apply ``change`` until the file's ctime has moved off ``before`` (a coarse clock can
    give two quick writes one ctime; a real edit is never that close to a remembered stamp,
    since only files older than the racy window are remembered)."""
    while True:
        change()  # type: ignore[operator]
        if os.stat(path).st_ctime_ns != before:
            return
        time.sleep(0.005)


def test_a_warm_key_reads_no_pack_file(
    cache: Path, pack: Path, remembering: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = key(pack)
    seen = read_count(monkeypatch)
    assert key(pack) == first
    assert seen == []


def test_files_changed_a_moment_ago_are_not_remembered(
    cache: Path, pack: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a window of a day: "a moment ago" however slowly a loaded machine runs this test
    monkeypatch.setattr(file_digests, "RACY_NS", 86_400 * 10**9)
    first = key(pack)
    seen = read_count(monkeypatch)
    assert key(pack) == first
    assert len(seen) == 4


def test_same_size_and_mtime_but_new_content_misses(
    cache: Path, pack: Path, remembering: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = pack / "methodology" / "seminars" / "one.yaml"
    first = key(pack)
    before = os.stat(path)

    def edit() -> None:
        path.write_text("kind: seminar\nid: two\n", encoding="utf-8")
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))

    moved_ctime(path, before.st_ctime_ns, edit)
    after = os.stat(path)
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (
        before.st_size,
        before.st_mtime_ns,
        before.st_ino,
    )
    seen = read_count(monkeypatch)
    assert key(pack) != first
    assert seen == [path]


def test_a_touched_but_unchanged_file_is_hashed_again_and_still_hits(
    cache: Path, pack: Path, remembering: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = pack / "methodology" / "methodology.yaml"
    first = key(pack)
    before = os.stat(path).st_ctime_ns
    moved_ctime(path, before, lambda: os.utime(path, (1, 1)))
    seen = read_count(monkeypatch)
    assert key(pack) == first
    assert seen == [path]


def test_a_file_replaced_by_a_rename_misses(
    cache: Path, pack: Path, remembering: None, tmp_path: Path
) -> None:
    path = pack / "checklists" / "self.yaml"
    first = key(pack)
    before = os.stat(path)
    twin = tmp_path / "self.yaml"
    twin.write_text("kind: checklist\nid: fals\n", encoding="utf-8")
    os.utime(twin, ns=(before.st_atime_ns, before.st_mtime_ns))
    os.replace(twin, path)
    assert os.stat(path).st_size == before.st_size
    assert key(pack) != first


def test_a_new_a_deleted_and_a_renamed_file_miss(
    cache: Path, pack: Path, remembering: None
) -> None:
    seminars = pack / "methodology" / "seminars"
    keys = {key(pack)}
    (seminars / "two.yaml").write_text("kind: seminar\nid: two\n", encoding="utf-8")
    keys.add(key(pack))
    os.rename(seminars / "two.yaml", seminars / "three.yaml")
    keys.add(key(pack))
    (seminars / "three.yaml").unlink()
    assert key(pack) in keys
    assert len(keys) == 3


@pytest.mark.parametrize(
    "damage",
    [
        b"{not json",
        b"",
        b"[1, 2]",
        b"\xff\xfe",
        "entries of the wrong shape",
    ],
)
def test_a_damaged_memo_is_not_used(
    damage: bytes | str,
    cache: Path,
    pack: Path,
    remembering: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = key(pack)
    (memo,) = (cache / "memo").glob("*.json")
    if isinstance(damage, str):
        stored = json.loads(memo.read_bytes())
        shapes = [[], ["1", "2", "3", "x" * 64], [True, True, True, "0" * 64], None, {"a": 1}]
        for ident, shape in zip(list(stored), shapes, strict=False):
            size, mtime, ctime, _ = stored[ident]
            stored[ident] = shape if shape != [] else [size, mtime, ctime]
        damage = json.dumps(stored).encode()
    memo.write_bytes(damage)
    seen = read_count(monkeypatch)
    assert key(pack) == first
    assert len(seen) == 4
    seen.clear()
    assert key(pack) == first  # the memo was written again, whole
    assert seen == []


def test_an_unreadable_or_unwritable_memo_is_no_error(
    cache: Path, pack: Path, remembering: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = key(pack)
    (memo,) = (cache / "memo").glob("*.json")
    memo.unlink()
    memo.mkdir()  # a folder where the memo should be: neither read nor written
    assert key(pack) == first
    readonly = tmp_path / "readonly"
    readonly.mkdir(mode=0o500)
    monkeypatch.setenv("COMMKIT_CACHE_DIR", str(readonly))
    assert key(pack) == first


def test_the_memo_forgets_the_oldest_files(
    cache: Path, pack: Path, remembering: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(file_digests, "LIMIT", 3)
    first = key(pack)
    (memo,) = (cache / "memo").glob("*.json")
    assert len(json.loads(memo.read_bytes())) == 3
    seen = read_count(monkeypatch)
    assert key(pack) == first
    assert len(seen) >= 1


def test_cached_data_follows_an_edit_of_the_same_size_and_mtime(
    cache: Path, pack: Path, remembering: None
) -> None:
    """End to end through the data cache: the edited file's text is what comes back."""
    path = pack / "methodology" / "seminars" / "one.yaml"

    def text() -> str:
        return path.read_text(encoding="utf-8")

    assert pack_data("seminar text", [], pack, text) == "kind: seminar\nid: one\n"
    before = os.stat(path)

    def edit() -> None:
        path.write_text("kind: seminar\nid: uno\n", encoding="utf-8")
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))

    moved_ctime(path, before.st_ctime_ns, edit)
    assert pack_data("seminar text", [], pack, text) == "kind: seminar\nid: uno\n"
    assert pack_data("seminar text", [], pack, lambda: "not computed") == "kind: seminar\nid: uno\n"

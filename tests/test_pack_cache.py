"""The content-pack cache: a hit skips parsing, and no change to the pack is ever missed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from commkit.errors import ContentError
from commkit.model import pack as pack_module
from commkit.model import pack_cache
from commkit.model.pack import load_pack_uncached

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("COMMKIT_CACHE_DIR", str(folder))
    monkeypatch.delenv("COMMKIT_NO_CACHE", raising=False)
    return folder


@pytest.fixture
def pack_copy(tmp_path: Path) -> Path:
    root = tmp_path / "pack"
    for sub in ("methodology", "checklists"):
        shutil.copytree(ROOT / sub, root / sub, ignore=shutil.ignore_patterns("history"))
    return root


def entries(cache: Path) -> list[Path]:
    return sorted((cache / "packs").glob("*.pickle")) if (cache / "packs").is_dir() else []


def refuse_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any parse fail, so a load that succeeds must have come from the cache."""

    def refuse(*_args: object) -> object:
        raise AssertionError("the pack was parsed although it was cached")

    from commkit.model import content_pack, loader

    monkeypatch.setattr(pack_module, "parse_documents", refuse)
    monkeypatch.setattr(content_pack, "parse_documents", refuse)
    monkeypatch.setattr(loader, "parse_file", refuse)


def test_second_load_comes_from_the_cache(
    cache: Path, pack_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_pack_uncached(pack_copy)
    assert len(entries(cache)) == 1
    refuse_parsing(monkeypatch)
    second = load_pack_uncached(pack_copy)
    assert second.checklist == first.checklist
    assert [s.id for s in second.seminars] == [s.id for s in first.seminars]


def test_an_edited_file_is_read_again(cache: Path, pack_copy: Path) -> None:
    load_pack_uncached(pack_copy)
    path = pack_copy / "methodology" / "seminars" / "meetup.yaml"
    marker = "Edited after caching"
    path.write_text(
        path.read_text(encoding="utf-8").replace("en: ", f"en: {marker} ", 1), encoding="utf-8"
    )
    meetup = load_pack_uncached(pack_copy).seminar("meetup")
    assert meetup is not None and marker in meetup.model_dump_json()
    assert len(entries(cache)) == 2


def test_a_cached_pack_knows_its_checklists_hashes(
    cache: Path, pack_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The content hash comes with the cached pack (no checklist is serialised to learn it);
    it is the hash of the content, and a changed copy of a checklist gets its own."""
    from commkit.model.checklist import Checklist
    from commkit.model.content_pack import content_hash

    built = load_pack_uncached(pack_copy).checklist
    expected = content_hash(built.model_copy())  # another object: worked out afresh
    cached = load_pack_uncached(pack_copy).checklist
    assert cached is not built
    edited = cached.model_copy(update={"version": "1.9"})

    def refuse(*_args: object, **_kwargs: object) -> object:
        raise AssertionError("the checklist was serialised although its hash was cached")

    with monkeypatch.context() as patched:
        patched.setattr(Checklist, "model_dump", refuse)
        assert content_hash(cached) == expected
        with pytest.raises(AssertionError):
            content_hash(edited)
    assert content_hash(edited) != expected


def test_a_touched_but_unchanged_file_still_hits(
    cache: Path, pack_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_pack_uncached(pack_copy)
    os.utime(pack_copy / "methodology" / "methodology.yaml", (1, 1))
    refuse_parsing(monkeypatch)
    assert load_pack_uncached(pack_copy).methodology is not None
    assert len(entries(cache)) == 1


def meetup_copy(seminars: Path) -> str:
    text = (seminars / "meetup.yaml").read_text(encoding="utf-8")
    return text.replace("id: meetup", "id: meetup-copy", 1).replace("number: 9", "number: 19", 1)


def test_a_new_file_is_seen(cache: Path, pack_copy: Path) -> None:
    seminars = pack_copy / "methodology" / "seminars"
    before = {s.id for s in load_pack_uncached(pack_copy).seminars}
    (seminars / "meetup-copy.yaml").write_text(meetup_copy(seminars), encoding="utf-8")
    after = {s.id for s in load_pack_uncached(pack_copy).seminars}
    assert after - before == {"meetup-copy"}


def test_a_deleted_file_is_seen(cache: Path, pack_copy: Path) -> None:
    seminars = pack_copy / "methodology" / "seminars"
    (seminars / "meetup-copy.yaml").write_text(meetup_copy(seminars), encoding="utf-8")
    assert "meetup-copy" in {s.id for s in load_pack_uncached(pack_copy).seminars}
    (seminars / "meetup-copy.yaml").unlink()
    assert "meetup-copy" not in {s.id for s in load_pack_uncached(pack_copy).seminars}


def test_another_commkit_version_misses(
    cache: Path, pack_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_pack_uncached(pack_copy)
    monkeypatch.setattr(pack_cache, "__version__", "999.0")
    load_pack_uncached(pack_copy)
    assert len(entries(cache)) == 2


def test_another_pack_folder_misses(cache: Path, pack_copy: Path, tmp_path: Path) -> None:
    load_pack_uncached(pack_copy)
    twin = tmp_path / "twin"
    shutil.copytree(pack_copy, twin)
    load_pack_uncached(twin)
    assert len(entries(cache)) == 2


def test_an_unwritable_cache_folder_is_no_error(
    tmp_path: Path, pack_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A file where the folder should be: mkdir fails for root too (root ignores 0500).
    blocker = tmp_path / "blocked"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("COMMKIT_CACHE_DIR", str(blocker / "cache"))
    assert load_pack_uncached(pack_copy).checklist.id
    readonly = tmp_path / "readonly"
    readonly.mkdir(mode=0o500)
    monkeypatch.setenv("COMMKIT_CACHE_DIR", str(readonly))
    assert load_pack_uncached(pack_copy).checklist.id


def test_a_corrupt_entry_is_rebuilt(cache: Path, pack_copy: Path) -> None:
    first = load_pack_uncached(pack_copy)
    (entry,) = entries(cache)
    entry.write_bytes(b"\x80\x05 not a pickle at all")
    again = load_pack_uncached(pack_copy)
    assert again.checklist == first.checklist
    (rebuilt,) = entries(cache)
    assert rebuilt.read_bytes()[:1] == b"\x80" and len(rebuilt.read_bytes()) > 1000


def test_a_truncated_entry_is_rebuilt(cache: Path, pack_copy: Path) -> None:
    load_pack_uncached(pack_copy)
    (entry,) = entries(cache)
    entry.write_bytes(entry.read_bytes()[:500])
    assert load_pack_uncached(pack_copy).checklist.id


def test_two_processes_filling_the_cache_at_once(cache: Path, pack_copy: Path) -> None:
    code = (
        "from commkit.model.pack import load_pack_uncached as load; "
        f"print(load({str(pack_copy)!r}).checklist.id)"
    )
    env = {**os.environ, "COMMKIT_CACHE_DIR": str(cache)}
    procs = [
        subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    outputs = [p.communicate(timeout=120)[0].strip() for p in procs]
    assert all(p.returncode == 0 for p in procs)
    assert len(set(outputs)) == 1
    assert len(entries(cache)) == 1
    assert not list((cache / "packs").glob(".*.tmp"))
    assert load_pack_uncached(pack_copy).checklist.id == outputs[0]


def test_no_cache_switches(cache: Path, pack_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMMKIT_NO_CACHE", "1")
    load_pack_uncached(pack_copy)
    assert entries(cache) == []
    monkeypatch.delenv("COMMKIT_NO_CACHE")
    run = subprocess.run(
        [sys.executable, "-m", "commkit", "--no-cache", "--content", str(pack_copy), "validate"],
        env={**os.environ, "COMMKIT_CACHE_DIR": str(cache)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert entries(cache) == []


def test_a_broken_pack_is_never_cached_and_errors_keep_their_lines(
    cache: Path, pack_copy: Path
) -> None:
    path = pack_copy / "methodology" / "roadmaps" / "default.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\nbogus_key: 1\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ContentError) as info:
            load_pack_uncached(pack_copy)
        assert any(
            d.file and d.file.name == "default.yaml" and d.line for d in info.value.diagnostics
        )
    assert entries(cache) == []


def test_positions_are_there_when_a_cached_pack_must_report(cache: Path, pack_copy: Path) -> None:
    load_pack_uncached(pack_copy)
    pack = load_pack_uncached(pack_copy)
    assert pack.parsed is None
    doc = pack.documents[f"checklist/{pack.checklist.id}"]
    assert doc.path.name == "self-identification.yaml"
    assert doc.diagnostic(("dimensions", 0, "id"), "x").line


def full_pack_copy(tmp_path: Path) -> Path:
    root = tmp_path / "full"
    for sub in ("methodology", "checklists"):
        shutil.copytree(ROOT / sub, root / sub)
    return root


def test_validating_a_cached_clean_pack_parses_nothing(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from commkit.api import validate

    root = full_pack_copy(tmp_path)
    assert validate(content=root).ok
    refuse_parsing(monkeypatch)
    report = validate(content=root)
    assert report.ok and len(report.files) == len(pack_module.pack_files(root))


def test_a_bad_mapped_value_is_located_when_the_pack_is_cached(cache: Path, tmp_path: Path) -> None:
    from commkit.api import validate

    root = full_pack_copy(tmp_path)
    path = root / "checklists" / "migrations" / "self-identification-1.0-1.1.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("5: 50}", "5: 500}", 1), encoding="utf-8")
    for _ in range(2):  # the second run takes the pack from the cache
        bad = [d for d in validate(content=root).diagnostics if "500" in d.message]
        assert len(bad) == 1 and bad[0].file == path and bad[0].line == 77

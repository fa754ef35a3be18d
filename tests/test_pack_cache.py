"""The content-pack cache: a hit skips parsing, and no change to the pack is ever missed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from commkit.errors import ContentError
from commkit.model import pack as pack_module
from commkit.model import pack_cache
from commkit.model.pack import load_pack_uncached

ROOT = Path(__file__).resolve().parent.parent
# A small pack of the same kinds of file (methodology, roadmap, seminars, checklist): what is
# tested is the cache, not the shipped content, and a parse of it costs about 0.08 s of CPU
# where the shipped pack's costs 0.6 s (each test here parses at least once, some five times).
# The shipped pack's own round trip through the cache is tested once, below.
SMALL_PACK = ROOT / "tests" / "fixtures" / "seminars" / "pack"


@pytest.fixture
def pack_copy(tmp_path: Path) -> Path:
    root = tmp_path / "pack"
    shutil.copytree(SMALL_PACK, root)
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


@pytest.mark.parametrize("report_cached", [True, False])
def test_validating_a_cached_clean_pack_parses_nothing(
    report_cached: bool, cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from commkit.api import validate

    root = full_pack_copy(tmp_path)
    assert validate(content=root).ok
    if not report_cached:  # only the pack itself is in the cache
        shutil.rmtree(cache / "data")
    refuse_parsing(monkeypatch)
    report = validate(content=root)
    assert report.ok and len(report.files) == len(pack_module.pack_files(root))


def test_a_bad_mapped_value_is_located_when_the_pack_is_cached(cache: Path, tmp_path: Path) -> None:
    from commkit.api import validate

    root = full_pack_copy(tmp_path)
    path = root / "checklists" / "migrations" / "self-identification-1.0-1.1.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("5: 50}", "5: 500}", 1), encoding="utf-8")
    for run in range(3):  # then from the pack cache, then the report from its own cache
        if run == 1:
            shutil.rmtree(cache / "data")
        bad = [d for d in validate(content=root).diagnostics if "500" in d.message]
        assert len(bad) == 1 and bad[0].file == path and bad[0].line == 77
        assert len(entries(cache)) == 1


# What commands work out from the pack alone (validate's report, the seminar shown) is cached
# as plain data beside the pack: the same output from the cache, and never a stale one.


def cli(*args: str) -> tuple[int, str, str]:
    """One in-process run of the CLI, as a new process would start it (no pack in memory)."""
    from commkit.cli.app import app

    pack_module._load_cached.cache_clear()
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def data_entries(cache: Path) -> list[Path]:
    return sorted((cache / "data").glob("*.json")) if (cache / "data").is_dir() else []


def refuse_working_out(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any work on the pack fail, so a run that succeeds must have come from the cache."""
    from commkit.api import validation

    def refuse(*_args: object, **_kwargs: object) -> object:
        raise AssertionError("worked out again although it was cached")

    monkeypatch.setattr(validation, "validate_pack", refuse)
    monkeypatch.setattr(pack_module, "load_pack", refuse)
    refuse_parsing(monkeypatch)


SHOW = ("seminars", "show", "meetup")


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize(
    "command", [("validate",), ("validate", "--json"), SHOW, (*SHOW, "--json")]
)
def test_a_warm_run_prints_what_a_cold_one_does(
    lang: str,
    command: tuple[str, ...],
    cache: Path,
    pack_copy: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    args = ("--lang", lang, "--content", str(pack_copy), *command)
    monkeypatch.setenv("COMMKIT_NO_CACHE", "1")
    uncached = cli(*args)
    monkeypatch.delenv("COMMKIT_NO_CACHE")
    assert data_entries(cache) == []
    cold = cli(*args)
    assert cold == uncached and cold[0] == 0 and cold[1]
    assert len(data_entries(cache)) == 1
    refuse_working_out(monkeypatch)
    assert cli(*args) == cold


def test_the_shipped_pack_warm_prints_what_it_does_cold(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The shipped content (every seminar, the templates, the long roadmap) through both
    caches: the tests above use a small pack of the same kinds of file."""
    root = tmp_path / "shipped"
    for sub in ("methodology", "checklists"):
        shutil.copytree(ROOT / sub, root / sub, ignore=shutil.ignore_patterns("history"))
    commands = [
        ("--lang", "en", "--content", str(root), "validate", "--json"),
        ("--lang", "ru", "--content", str(root), *SHOW),
    ]
    monkeypatch.setenv("COMMKIT_NO_CACHE", "1")
    uncached = [cli(*args) for args in commands]
    monkeypatch.delenv("COMMKIT_NO_CACHE")
    cold = [cli(*args) for args in commands]
    assert cold == uncached and all(code == 0 and out for code, out, _ in cold)
    assert len(data_entries(cache)) == 2 and len(entries(cache)) == 1
    refuse_working_out(monkeypatch)
    assert [cli(*args) for args in commands] == cold


def test_a_bad_pack_is_reported_warm_as_cold(
    cache: Path, pack_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = pack_copy / "methodology" / "roadmaps" / "default.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\nbogus_key: 1\n", encoding="utf-8")
    cold = cli("--content", str(pack_copy), "validate")
    assert cold[0] == 1 and "default.yaml:" in cold[2] and "bogus_key" in cold[2]
    refuse_working_out(monkeypatch)
    assert cli("--content", str(pack_copy), "validate") == cold


def test_an_edited_file_is_reported_not_the_cached_result(cache: Path, pack_copy: Path) -> None:
    clean = cli("--content", str(pack_copy), "validate")
    assert clean[0] == 0
    path = pack_copy / "methodology" / "seminars" / "meetup.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("number: 9", "number: nine", 1), encoding="utf-8")
    code, _, stderr = cli("--content", str(pack_copy), "validate")
    assert code == 1 and "meetup.yaml:" in stderr and "number" in stderr
    path.write_text(text, encoding="utf-8")  # put back: the clean report again
    assert cli("--content", str(pack_copy), "validate") == clean


def test_an_edited_seminar_is_shown_as_edited(cache: Path, pack_copy: Path) -> None:
    before = cli("--content", str(pack_copy), *SHOW)
    path = pack_copy / "methodology" / "seminars" / "meetup.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("en: ", "en: Edited after caching ", 1), encoding="utf-8")
    after = cli("--content", str(pack_copy), *SHOW)
    assert after[0] == 0 and "Edited after caching" in after[1] and after != before


def test_a_touched_but_unchanged_pack_still_hits(
    cache: Path, pack_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cold = cli("--content", str(pack_copy), "validate")
    for path in pack_module.pack_files(pack_copy):
        os.utime(path, (1, 1))
    refuse_working_out(monkeypatch)
    assert cli("--content", str(pack_copy), "validate") == cold


def test_a_new_and_a_deleted_file_are_listed(cache: Path, pack_copy: Path) -> None:
    seminars = pack_copy / "methodology" / "seminars"
    copy = seminars / "meetup-copy.yaml"
    without = cli("--content", str(pack_copy), "validate")
    copy.write_text(meetup_copy(seminars), encoding="utf-8")
    with_copy = cli("--content", str(pack_copy), "validate")
    assert "meetup-copy.yaml" in with_copy[1] and "meetup-copy.yaml" not in without[1]
    assert cli("--content", str(pack_copy), "seminars", "show", "meetup-copy")[0] == 0
    copy.unlink()
    assert cli("--content", str(pack_copy), "validate") == without
    code, _, stderr = cli("--content", str(pack_copy), "seminars", "show", "meetup-copy")
    assert code == 1 and "no seminar 'meetup-copy'" in stderr


def test_another_commkit_or_option_misses(
    cache: Path, pack_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli("--content", str(pack_copy), "validate")
    cli("--content", str(pack_copy), "validate", "--strict-i18n")
    assert len(data_entries(cache)) == 2
    with monkeypatch.context() as patched:
        patched.setattr(pack_cache, "__version__", "999.0")
        pack_cache.package_identity.cache_clear()
        cli("--content", str(pack_copy), "validate")
    pack_cache.package_identity.cache_clear()
    assert len(data_entries(cache)) == 3


def test_a_changed_line_of_commkit_misses(
    cache: Path, pack_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A development checkout keeps its version number while its code changes."""
    stamps = [b"commkit code as it was", b"commkit code edited"]
    monkeypatch.setattr(pack_cache, "package_identity", lambda: stamps[0])
    cli("--content", str(pack_copy), "validate")
    stamps.pop(0)
    cli("--content", str(pack_copy), "validate")
    assert len(data_entries(cache)) == 2


def test_strict_i18n_finds_what_a_cached_plain_report_does_not(
    cache: Path, pack_copy: Path
) -> None:
    path = pack_copy / "methodology" / "seminars" / "meetup.yaml"
    text = path.read_text(encoding="utf-8")
    without_russian = text.replace(', ru: "Бейджи"', "", 1)  # one text left English only
    assert without_russian != text
    path.write_text(without_russian, encoding="utf-8")
    plain = cli("--content", str(pack_copy), "validate")
    strict = cli("--content", str(pack_copy), "validate", "--strict-i18n")
    assert "meetup.yaml:" in strict[2] and "meetup.yaml:" not in plain[2]


def test_an_unwritable_cache_folder_serves_the_same_output(
    tmp_path: Path, pack_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = [cli("--content", str(pack_copy), *c) for c in (("validate",), SHOW)]
    blocker = tmp_path / "blocked"
    blocker.write_text("not a folder", encoding="utf-8")
    readonly = tmp_path / "readonly"
    readonly.mkdir(mode=0o500)
    for folder in (blocker / "cache", readonly):
        monkeypatch.setenv("COMMKIT_CACHE_DIR", str(folder))
        for command, output in zip((("validate",), SHOW), expected, strict=True):
            assert cli("--content", str(pack_copy), *command) == output


@pytest.mark.parametrize("damage", [b"{not json", b'{"key": "another", "data": {}}', b""])
def test_a_corrupt_report_is_worked_out_again(damage: bytes, cache: Path, pack_copy: Path) -> None:
    cold = cli("--content", str(pack_copy), "validate")
    (entry,) = data_entries(cache)
    entry.write_bytes(damage)
    assert cli("--content", str(pack_copy), "validate") == cold
    (rebuilt,) = data_entries(cache)
    assert rebuilt.read_bytes() != damage


def test_two_processes_storing_a_report_at_once(cache: Path, pack_copy: Path) -> None:
    args = [sys.executable, "-m", "commkit", "--content", str(pack_copy)]
    env = {**os.environ, "COMMKIT_CACHE_DIR": str(cache)}
    procs = [
        subprocess.Popen([*args, *command], env=env, stdout=subprocess.PIPE, text=True)
        for command in (["validate"], ["validate"], list(SHOW), list(SHOW))
    ]
    outputs = [p.communicate(timeout=120)[0] for p in procs]
    assert all(p.returncode == 0 for p in procs)
    assert outputs[0] == outputs[1] and outputs[2] == outputs[3]
    assert len(data_entries(cache)) == 2
    assert not list((cache / "data").glob(".*.tmp"))
    assert cli("--content", str(pack_copy), "validate")[1] == outputs[0]
    assert cli("--content", str(pack_copy), *SHOW)[1] == outputs[2]


def test_no_cache_stores_no_report(
    cache: Path, pack_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli("--no-cache", "--content", str(pack_copy), "validate")
    monkeypatch.setenv("COMMKIT_NO_CACHE", "1")
    cli("--content", str(pack_copy), *SHOW)
    assert data_entries(cache) == [] and entries(cache) == []


@pytest.mark.parametrize(
    ("command", "absent"),
    [(["validate"], ["pydantic", "yaml", "rich"]), (list(SHOW), ["pydantic", "yaml"])],
)
def test_a_warm_run_builds_no_model(
    command: list[str], absent: list[str], cache: Path, pack_copy: Path
) -> None:
    """What makes a warm run quick: no pydantic, no YAML and, on a pipe, no rich."""
    code = (
        "import sys\n"
        f"sys.argv = ['commkit', '--content', {str(pack_copy)!r}, *{command!r}]\n"
        "from commkit.cli.app import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print('LOADED:' + ','.join(m for m in {absent!r} if m in sys.modules))\n"
    )
    env = {**os.environ, "COMMKIT_CACHE_DIR": str(cache)}
    runs = [
        subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
        for _ in range(2)
    ]
    assert all(run.returncode == 0 for run in runs), runs[0].stderr
    assert runs[0].stdout.splitlines()[-1].startswith("LOADED:pydantic")  # the cold run
    assert runs[1].stdout.splitlines()[-1] == "LOADED:", runs[1].stdout
    assert runs[1].stdout == runs[0].stdout.replace(runs[0].stdout.splitlines()[-1], "LOADED:")

"""A batch's files are flushed to disk once per group, and still never half-written.

``commkit.fsutil.publish_groups`` puts every staged file's data on disk before any file gets
its name; ``commkit.api.store_batch`` yields an item only once its files have their names,
keeps refusals at the item they belong to, and removes what was staged but not published
when the run stops.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from commkit import api
from commkit.errors import OutputExistsError, UserError
from commkit.fsutil import publish_groups, stage_text

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples" / "perm-krai" / "answers").glob("*.yaml"))


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.name.endswith(".tmp"))


def record_flushes(monkeypatch: pytest.MonkeyPatch, out: Path) -> list[tuple[str, list[str]]]:
    """Every fsync from now on, as (the file's name, or a folder's name and ``/``; the
    names in ``out`` at that moment), and no ``os.sync``: that flushes the whole machine."""
    flushes: list[tuple[str, list[str]]] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        path = Path(os.readlink(f"/proc/self/fd/{fd}"))
        named = sorted(p.name for p in out.iterdir() if not p.name.endswith(".tmp"))
        flushes.append((path.name + ("/" if path.is_dir() else ""), named))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "sync", lambda: pytest.fail("os.sync flushes every file system"))
    return flushes


def test_groups_are_flushed_once_before_any_file_gets_its_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    groups = [
        [
            (stage_text(out / f"{n}.yaml", f"n: {n}\n"), out / f"{n}.yaml"),
            (stage_text(out / f"{n}.md", f"report {n}\n"), out / f"{n}.md"),
        ]
        for n in range(4)
    ]
    assert not [p for p in out.iterdir() if not p.name.endswith(".tmp")]  # staged, unnamed
    (out / "2.yaml").write_text("someone else's\n", encoding="utf-8")  # appeared meanwhile
    flushes = record_flushes(monkeypatch, out)
    errors = publish_groups(groups)
    temps = {tmp.name for group in groups for tmp, _ in group}
    # the data of every staged file (and nothing else) first, then the one folder
    assert sorted(name for name, _ in flushes[:-1]) == sorted(temps)
    assert all(named == ["2.yaml"] for _, named in flushes[:-1])  # before any got its name
    assert flushes[-1][0] == "out/"
    assert [type(e) for e in errors] == [type(None), type(None), OutputExistsError, type(None)]
    assert (out / "2.yaml").read_text(encoding="utf-8") == "someone else's\n"  # kept
    assert not (out / "2.md").exists()  # its group stopped: no report without its result
    for n in (0, 1, 3):
        assert (out / f"{n}.md").read_text(encoding="utf-8") == f"report {n}\n"
        assert (out / f"{n}.yaml").read_text(encoding="utf-8") == f"n: {n}\n"
        assert (out / f"{n}.yaml").stat().st_mode & 0o777 != 0o600  # not the temp's mode
    assert leftovers(out) == []


def test_a_staged_file_has_the_users_file_mode_from_the_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    mask = os.umask(0o027)
    try:
        groups = [[(stage_text(out / "a.yaml", "a: 1\n"), out / "a.yaml")]]
    finally:
        os.umask(mask)
    monkeypatch.setattr(os, "chmod", lambda *a, **k: pytest.fail("no chmod: set at creation"))
    assert publish_groups(groups) == [None]
    assert (out / "a.yaml").stat().st_mode & 0o777 == 0o640  # 0666 less that umask
    assert (out / "a.yaml").read_text(encoding="utf-8") == "a: 1\n"


def test_an_interrupt_while_publishing_leaves_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    groups = [[(stage_text(out / f"{n}.yaml", f"n: {n}\n"), out / f"{n}.yaml")] for n in range(3)]
    real_replace = os.replace
    calls = []

    def replace(src: object, dst: object) -> None:
        calls.append(dst)
        if len(calls) == 2:
            raise KeyboardInterrupt
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(KeyboardInterrupt):
        publish_groups(groups, force=True)
    assert sorted(p.name for p in out.iterdir()) == ["0.yaml"]
    assert (out / "0.yaml").read_text(encoding="utf-8") == "n: 0\n"


def test_ctrl_c_between_a_groups_renames_waits_until_the_group_has_its_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C pressed after an assessment's result got its name and before its report did:
    both get their names, then the interrupt goes on (no result without its report)."""
    import signal

    out = tmp_path / "out"
    groups = [
        [
            (stage_text(out / f"{n}.yaml", f"n: {n}\n"), out / f"{n}.yaml"),
            (stage_text(out / f"{n}.md", f"# {n}\n"), out / f"{n}.md"),
        ]
        for n in range(3)
    ]
    real_replace = os.replace
    calls = []

    def replace(src: object, dst: object) -> None:
        real_replace(src, dst)  # type: ignore[arg-type]
        calls.append(dst)
        if len(calls) == 3:  # the second group's result has its name, its report not yet
            signal.raise_signal(signal.SIGINT)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(KeyboardInterrupt):
        publish_groups(groups, force=True)
    assert sorted(p.name for p in out.iterdir()) == ["0.md", "0.yaml", "1.md", "1.yaml"]
    assert (out / "1.md").read_text(encoding="utf-8") == "# 1\n"
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def batch(folder: Path) -> list[str]:
    """The example answers under new slugs, one bad file and one duplicate community."""
    answers = folder / "answers"
    answers.mkdir(parents=True)
    names = []
    for k in range(2):
        for src in EXAMPLES:
            slug = f"{src.stem}-{k}"
            text = src.read_text(encoding="utf-8").replace(f"slug: {src.stem}", f"slug: {slug}")
            if f"slug: {slug}" not in text:
                text = text.replace("community:\n", f"community:\n  slug: {slug}\n", 1)
            (answers / f"{slug}.yaml").write_text(text, encoding="utf-8")
            names.append(str(answers / f"{slug}.yaml"))
    shutil.copy(ROOT / "tests" / "bad_inputs" / "answers-out-of-range.yaml", answers / "bad.yaml")
    shutil.copy(names[0], answers / "same.yaml")
    return [*names, str(answers / "bad.yaml"), str(answers / "same.yaml")]


def test_a_stored_batch_writes_what_one_store_per_file_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = batch(tmp_path)
    one = api.AssessmentWriter(out=tmp_path / "one")
    expected: list[tuple[str, object]] = []
    for item in api.assess_batch(names, api.BatchOptions(out=tmp_path / "one"), writer=one):
        try:
            if item.error is not None:
                raise item.error
            assert item.rendered is not None
            files = one.store(item.rendered, source=item.source)
            expected.append((item.source, {k: Path(v).name for k, v in files.items()}))
        except UserError as exc:
            expected.append((item.source, str(exc).replace("/one/", "/grouped/")))
    from commkit import fsutil

    flushes: list[int] = []
    real_flush = fsutil.flush_files
    monkeypatch.setattr(fsutil, "flush_files", lambda files: (flushes.append(1), real_flush(files)))
    grouped = api.AssessmentWriter(out=tmp_path / "grouped")
    options = api.BatchOptions(out=tmp_path / "grouped")
    got: list[tuple[str, object]] = []
    items = api.assess_batch(names, options, writer=grouped)
    for item in api.store_batch(items, grouped, group=3):
        if item.error is not None:
            got.append((item.source, str(item.error)))
        else:
            assert item.files is not None
            assert all(Path(f).exists() for f in item.files.values())  # named when yielded
            got.append((item.source, {k: Path(v).name for k, v in item.files.items()}))
    assert got == expected
    assert "already written in this run" in str(got[-1][1])
    assert len(flushes) == -(-len(names) // 3)  # one flush per group of three
    for path in (tmp_path / "one").iterdir():
        assert (tmp_path / "grouped" / path.name).read_bytes() == path.read_bytes()
    assert leftovers(tmp_path / "grouped") == []


def test_a_batch_stopped_midway_keeps_only_what_it_reported_written(tmp_path: Path) -> None:
    names = batch(tmp_path)[:8]
    writer = api.AssessmentWriter(out=tmp_path / "out")

    def interrupted() -> Iterator[api.BatchItem]:
        yield from api.assess_batch(names, api.BatchOptions(out=tmp_path / "out"), writer=writer)
        raise KeyboardInterrupt  # Ctrl-C while the next file is being read

    reported: set[str] = set()
    with pytest.raises(KeyboardInterrupt):
        for item in api.store_batch(interrupted(), writer, group=3):
            reported.update(Path(f).name for f in (item.files or {}).values())
    # the first group of three was published; the second was being flushed, the last two
    # staged: both dropped
    assert len(reported) == 6
    assert {p.name for p in (tmp_path / "out").iterdir()} == reported


def test_a_file_name_is_checked_without_resolving_its_folder_again(tmp_path: Path) -> None:
    """``safe_child`` skips resolving a plain file name that is not a link; a link, a
    ``..`` or a path still go through ``resolve`` and are refused outside the folder."""
    from commkit.fsutil import safe_child

    out = tmp_path / "out"
    out.mkdir()
    (tmp_path / "elsewhere.md").write_text("not ours\n", encoding="utf-8")
    (out / "linked.md").symlink_to(tmp_path / "elsewhere.md")
    (out / "inside.md").symlink_to(out / "real.md")
    assert safe_child(out, "a.md") == out.resolve() / "a.md"
    assert safe_child(out, "inside.md") == out.resolve() / "real.md"
    for name in ("linked.md", "..", "../a.md"):
        with pytest.raises(UserError, match="refusing to write outside"):
            safe_child(out, name)


def test_an_item_from_a_worker_brings_the_same_assessment(tmp_path: Path) -> None:
    """A worker sends the assessment as JSON text; it is read back only when asked for,
    equal to the one the worker made (and pickled as it is when a float would differ)."""
    import pickle

    names = batch(tmp_path)[:4]
    options = api.BatchOptions(out=tmp_path / "out")
    for item in api.assess_batch(names, options):
        assert item.assessment is not None
        back = pickle.loads(pickle.dumps(item))
        assert back._packed is not None  # text, not the model
        assert (back.overall, back.stage) == (item.overall, item.stage)
        assert back.assessment == item.assessment
        odd = item.assessment.result.model_copy(update={"overall": float("nan")})
        item.assessment = item.assessment.model_copy(update={"result": odd})
        back = pickle.loads(pickle.dumps(item))
        assert back._packed is None and back.assessment is not None
        assert back.assessment.result.overall != back.assessment.result.overall  # NaN kept


def test_workers_write_the_files_and_send_only_their_names(tmp_path: Path) -> None:
    """``staged=True``: a pool's workers write each item's files under temporary names and
    send the names, not the texts; stored, the files are those of a run in one process,
    refusals (a duplicate, a bad file) at the same items."""

    names = batch(tmp_path)
    serial = api.AssessmentWriter(out=tmp_path / "one")
    items = api.assess_batch(names, api.BatchOptions(out=tmp_path / "one"), writer=serial)
    expected = [(i.source, str(i.error or "")) for i in api.store_batch(items, serial, group=3)]
    writer = api.AssessmentWriter(out=tmp_path / "two")
    options = api.BatchOptions(out=tmp_path / "two")
    pooled = api.assess_batch(names, options, jobs=2, writer=writer, staged=True)
    got = []
    for item in api.store_batch(_sent_without_text(pooled), writer, group=3):
        got.append((item.source, str(item.error or "").replace("/two/", "/one/")))
    assert got == expected
    assert "already written in this run" in got[-1][1]
    for path in (tmp_path / "one").iterdir():
        assert (tmp_path / "two" / path.name).read_bytes() == path.read_bytes()
    assert leftovers(tmp_path / "two") == []


def _sent_without_text(items: Iterator[api.BatchItem]) -> Iterator[api.BatchItem]:
    yield next(items)  # (the first is made in this process, before the workers start)
    for item in items:
        assert item.rendered is None  # the texts stayed in the worker
        if item.error is None:
            assert item.staged is not None
            assert all(os.path.exists(tmp) for _, _, tmp in item.staged)
        yield item


def test_a_pool_stopped_midway_leaves_no_temp_file_of_its_workers(tmp_path: Path) -> None:
    names = batch(tmp_path)
    writer = api.AssessmentWriter(out=tmp_path / "out")
    options = api.BatchOptions(out=tmp_path / "out")
    items = api.assess_batch(names, options, jobs=2, writer=writer, staged=True)
    reported: set[str] = set()
    with pytest.raises(KeyboardInterrupt):
        for n, item in enumerate(api.store_batch(items, writer, group=2)):
            reported.update(Path(f).name for f in (item.files or {}).values())
            if n == 3:  # Ctrl-C after two groups, with items staged by workers, not taken
                raise KeyboardInterrupt
    assert reported
    assert {p.name for p in (tmp_path / "out").iterdir()} == reported  # only those, no .tmp


def test_a_worker_reports_the_stale_temp_files_it_removed(tmp_path: Path) -> None:
    """A temp file a killed earlier run left is removed by whichever process writes there
    first, a worker too, and the run says so."""
    import time

    from commkit.fsutil import take_stale_removed

    names = batch(tmp_path)[:4]
    out = tmp_path / "out"
    out.mkdir()
    stale = out / ".x.md.999999999-0123abcd.tmp"  # (no such process)
    stale.write_text("half a file", encoding="utf-8")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    take_stale_removed()
    writer = api.AssessmentWriter(out=out)
    items = api.assess_batch(names, api.BatchOptions(out=out), jobs=2, writer=writer, staged=True)
    assert all(item.error is None for item in api.store_batch(items, writer))
    assert not stale.exists()
    assert take_stale_removed() == [stale]


def test_with_json_an_item_brings_its_assessment_once(tmp_path: Path) -> None:
    """With ``as_json`` the JSON text an item carries is the assessment it sends back."""
    import pickle

    names = batch(tmp_path)[:2]
    options = api.BatchOptions(out=tmp_path / "out", as_json=True)
    for item in api.assess_batch(names, options):
        assert item.assessment is not None and item.json is not None
        back = pickle.loads(pickle.dumps(item))
        assert back._packed is None and back._assessment is None
        assert back.assessment == item.assessment
        assert back.json is not None and back.json.text == item.json.text


def test_without_assessments_the_json_text_travels_as_the_outputs_bytes(tmp_path: Path) -> None:
    """What the CLI asks of a worker (its score, stage and ``--json`` text): the text comes
    back as the UTF-8 of the array's item, two levels in, and reads back as the same text."""
    import pickle

    from commkit.render.json_text import dumps

    names = batch(tmp_path)[:2]
    options = api.BatchOptions(out=tmp_path / "out", as_json=True, assessments=False)
    for item in api.assess_batch(names, options):
        assert item.json is not None
        text = item.json.text
        back = pickle.loads(pickle.dumps(item))
        assert back._json is None and back._json_out is not None  # bytes, not text
        said = dumps({"x": {"assessment": item.json}}, level=0)
        value = said.split('"assessment": ', 1)[1][: -len("\n  }\n}")]
        assert back.json_out() == value.encode("utf-8") == item.json_out()
        assert back.json is not None and back.json.text == text  # read back when asked


def test_a_folder_removed_between_two_staged_files_is_made_again(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = stage_text(out / "a.md", "a\n")
    shutil.rmtree(out)
    second = stage_text(out / "b.md", "b\n")
    assert not first.exists() and second.read_text(encoding="utf-8") == "b\n"
    (tmp_path / "file").write_text("in the way\n", encoding="utf-8")
    with pytest.raises(UserError, match="is a file, not a folder"):
        stage_text(tmp_path / "file" / "c.md", "c\n")


def test_without_assessments_an_item_brings_its_score_and_stage_only(tmp_path: Path) -> None:
    import pickle

    names = batch(tmp_path)[:2]
    full = list(api.assess_batch(names, api.BatchOptions(out=tmp_path / "a")))
    options = api.BatchOptions(out=tmp_path / "b", assessments=False)
    for whole, item in zip(full, api.assess_batch(names, options), strict=True):
        back = pickle.loads(pickle.dumps(item))
        assert back.assessment is None and back._packed is None
        assert whole.assessment is not None
        assert (back.overall, back.stage) == (whole.overall, whole.stage)
        assert (back.overall, back.stage) == (
            whole.assessment.result.overall,
            whole.assessment.result.stage,
        )


def test_a_folder_seen_before_is_still_checked_and_relative_to_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``safe_child`` remembers each folder's resolved path (a batch names thousands of
    files in one folder): a relative folder still follows the working folder, and a name
    leading out of a folder seen before is still refused."""
    from commkit.fsutil import safe_child

    for sub in ("a", "b"):
        (tmp_path / sub / "out").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "a")
    assert safe_child(Path("out"), "x.md") == (tmp_path / "a" / "out" / "x.md").resolve()
    monkeypatch.chdir(tmp_path / "b")
    assert safe_child(Path("out"), "x.md") == (tmp_path / "b" / "out" / "x.md").resolve()
    (tmp_path / "b" / "out" / "link.md").symlink_to(tmp_path / "a" / "secret.md")
    for name in ("link.md", "..", "../x.md"):
        with pytest.raises(UserError, match="refusing to write outside"):
            safe_child(Path("out"), name)

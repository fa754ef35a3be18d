"""A batch's large groups are flushed by a helper process, with the same guarantees.

``commkit.flushing.Flusher`` sends a group of at least ``HELPER_FILES`` staged files to a
helper process (a one-worker process pool) that fsyncs them, so the run's own threads do
not trade its GIL for every file; ``store_batch`` names no file before the helper says its
group is on disk, an error flushing a file refuses that group as before, and a helper that
stops is replaced by flushing in the run itself. A pool's workers start with the run's
objects frozen for their cyclic GC.
"""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from commkit import api, flushing
from commkit.fsutil import stage_text
from test_batch_store import batch, leftovers


@pytest.fixture
def helper_for_every_group(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(flushing, "HELPER_FILES", 1)


def test_the_helper_flushes_a_group_and_names_a_file_it_cannot_flush(tmp_path: Path) -> None:
    files = [stage_text(tmp_path / f"{n}.md", f"{n}\n") for n in range(3)]
    flusher = flushing.Flusher(helper_files=1)
    try:
        flusher.submit(files, [tmp_path]).result()
        assert flusher._helper is not None  # the helper did it
        gone = tmp_path / "gone.md"
        pending = flusher.submit([*files, gone], [])
        with pytest.raises(OSError) as caught:
            pending.result()
        assert caught.value.errno == errno.ENOENT and caught.value.filename == str(gone)
        flusher.submit(files, []).result()  # the helper goes on after an error
    finally:
        flusher.close()
    assert flusher._helper is None


def test_a_small_group_is_flushed_by_a_thread_of_the_run(tmp_path: Path) -> None:
    files = [stage_text(tmp_path / f"{n}.md", f"{n}\n") for n in range(3)]
    flusher = flushing.Flusher(helper_files=4)
    try:
        flusher.submit(files, [tmp_path]).result()
        assert flusher._helper is None
    finally:
        flusher.close()


def test_a_stored_batch_names_a_group_only_once_the_helper_has_flushed_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, helper_for_every_group: None
) -> None:
    names = batch(tmp_path)
    out = tmp_path / "out"
    named_when_waited: list[set[str]] = []
    real_result = flushing.Flushing.result

    def result(self: flushing.Flushing) -> None:
        named_when_waited.append({p.name for p in out.iterdir() if not p.name.endswith(".tmp")})
        real_result(self)

    monkeypatch.setattr(flushing.Flushing, "result", result)
    writer = api.AssessmentWriter(out=out)
    reported: list[set[str]] = []
    group: set[str] = set()
    items = api.assess_batch(names, api.BatchOptions(out=out), writer=writer)
    for n, item in enumerate(api.store_batch(items, writer, group=3, seconds=3600)):
        group.update(Path(f).name for f in (item.files or {}).values())
        if n % 3 == 2 or n == len(names) - 1:
            reported.append(group)
            group = set()
    assert len(named_when_waited) == len(reported)
    earlier: set[str] = set()
    for seen, published in zip(named_when_waited, reported, strict=True):
        assert seen == earlier  # none of this group's files had its name yet
        earlier |= published
    assert {p.name for p in out.iterdir()} == earlier
    assert leftovers(out) == []


def test_a_helper_that_stops_is_replaced_by_flushing_in_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, helper_for_every_group: None
) -> None:
    names = batch(tmp_path)
    out = tmp_path / "out"
    real_submit = flushing.Flusher.submit
    killed = []

    def submit(self: flushing.Flusher, files: list[Path], folders: list[Path]) -> object:
        pending = real_submit(self, files, folders)
        if self._helper is not None and not killed:
            for process in list(self._helper._processes.values()):
                process.kill()  # the helper dies with a group in hand
                process.join()
            killed.append(1)
        return pending

    monkeypatch.setattr(flushing.Flusher, "submit", submit)
    writer = api.AssessmentWriter(out=out)
    items = api.assess_batch(names, api.BatchOptions(out=out), writer=writer)
    stored = list(api.store_batch(items, writer, group=3))
    assert killed
    errors = [str(item.error) for item in stored if item.error is not None]
    assert len(errors) == 2  # the bad file and the duplicate only, as without the helper
    assert all(Path(f).exists() for item in stored for f in (item.files or {}).values())
    assert leftovers(out) == []


def test_a_batch_stopped_midway_with_the_helper_keeps_only_what_it_reported(
    tmp_path: Path, helper_for_every_group: None
) -> None:
    names = batch(tmp_path)
    writer = api.AssessmentWriter(out=tmp_path / "out")
    items = api.assess_batch(names, api.BatchOptions(out=tmp_path / "out"), writer=writer)
    reported: set[str] = set()
    with pytest.raises(KeyboardInterrupt):
        for n, item in enumerate(api.store_batch(items, writer, group=2)):
            reported.update(Path(f).name for f in (item.files or {}).values())
            if n == 3:
                raise KeyboardInterrupt
    assert reported
    assert {p.name for p in (tmp_path / "out").iterdir()} == reported  # no .tmp either


def test_the_workers_start_with_the_objects_of_the_run_frozen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pool's workers inherit the pack and the modules frozen (their GC never walks
    them, so the pages they share with the run are not copied); the run keeps them frozen
    while it takes the items and unfreezes them after the last, so an API caller's
    objects are collected as before."""
    import gc

    from commkit.api import batch as batch_module

    seen = tmp_path / "frozen"
    real_start = batch_module._start_worker

    def start(*args: object) -> None:
        seen.write_text(str(gc.get_freeze_count()), encoding="utf-8")
        real_start(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(batch_module, "_start_worker", start)
    before = gc.get_freeze_count()
    names = batch(tmp_path)[:3]
    options = api.BatchOptions(out=tmp_path / "out", assessments=False)
    items = []
    for item in api.assess_batch(names, options, jobs=2):
        assert gc.get_freeze_count() > before + 1000  # the run's own, while it goes
        items.append(item)
    assert all(item.error is None for item in items)
    assert int(seen.read_text(encoding="utf-8")) > 1000  # the run's objects, frozen
    assert gc.get_freeze_count() == before


def test_a_batch_in_one_process_freezes_what_was_made_before_while_it_goes(
    tmp_path: Path,
) -> None:
    """The GC's full collections skip the start-up heap during a batch, and the caller's
    objects are unfrozen (collectable again) after the last item, or when it stops."""
    import gc

    before = gc.get_freeze_count()
    names = batch(tmp_path)[:3]
    options = api.BatchOptions(out=tmp_path / "out", assessments=False)
    for item in api.assess_batch(names, options, jobs=1):
        assert item.error is None
        assert gc.get_freeze_count() > before + 1000
    assert gc.get_freeze_count() == before
    items = api.assess_batch(names, options, jobs=1)
    next(items)
    items.close()  # type: ignore[attr-defined]
    assert gc.get_freeze_count() == before


def test_a_pool_closed_before_its_first_item_is_taken_leaves_no_temp_file(
    tmp_path: Path,
) -> None:
    """Closing a batch's items before taking any (Ctrl-C while the run sets up its screen)
    stops the pool and removes what its workers staged, as closing it later does."""
    import time

    names = batch(tmp_path)
    out = tmp_path / "out"
    options = api.BatchOptions(out=out, assessments=False)
    items = api.assess_batch(names, options, jobs=2, staged=True)
    deadline = time.monotonic() + 60
    while not leftovers(out) and time.monotonic() < deadline:  # the workers stage files
        time.sleep(0.01)
    items.close()  # type: ignore[attr-defined]
    assert leftovers(out) == []

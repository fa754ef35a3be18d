"""Batch assessment: many answers files scored and rendered, here or in worker processes.

Each answers file becomes a :class:`BatchItem`: its warnings, its error, or its assessment
with its files rendered as text. Nothing is written here: the caller stores every item in
the order of the files (:meth:`AssessmentWriter.store`), so a run with ``jobs > 1`` writes
the same files, refuses the same duplicates and reports the same messages in the same order
as a run in one process.

The pool is :class:`concurrent.futures.ProcessPoolExecutor`: worker processes running this
module's Python functions, started by Python itself (no shell, no other program). The
workers ignore Ctrl-C; the run that started them stops them (pending files are cancelled,
running ones finish in a few milliseconds) and writes nothing more, and what it wrote
before was written whole (temp file + rename).
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from commkit.api._common import PathLike
from commkit.render.json_text import plain_floats

if TYPE_CHECKING:
    from concurrent.futures import Future

    from commkit.api.assess import AssessmentWriter, RenderedAssessment
    from commkit.errors import CommkitError, CommkitWarning
    from commkit.flushing import Flusher, Flushing
    from commkit.fsutil import StrPath
    from commkit.model.answers import Assessment
    from commkit.model.pack import ContentPack
    from commkit.render.json_text import RawJson


@dataclass(frozen=True)
class BatchOptions:
    """What every answers file of a batch shares (sent to each worker process once)."""

    content: PathLike | None = None
    """The content pack folder (``None``: the default pack)."""
    lang: str | None = None
    """The language asked for (``--lang``); ``None``: each answers file's own."""
    ui_lang: str | None = None
    """The language of messages (errors, warnings)."""
    when: dt.date | None = None
    community: str | None = None
    explain: bool = False
    """Also give each file's ``--explain`` lines."""
    as_json: bool = False
    """Also give each assessment as JSON-ready data."""
    assessments: bool = True
    """Give each item its assessment (:attr:`BatchItem.assessment`); ``False``: only its
    score and stage (what a run prints), so a worker does not send the assessment back."""
    out: PathLike = "."
    workspace: PathLike | None = None
    force: bool = False
    charts: bool = False
    html: bool = False
    named: bool = False


@dataclass
class BatchItem:
    """One answers file of a batch, ready to store (or its error)."""

    source: str
    warnings: list[CommkitWarning] = field(default_factory=list)
    error: CommkitError | None = None
    rendered: RenderedAssessment | None = None
    lang: str = "en"
    explain: list[str] | None = None
    files: dict[str, str] | None = None
    """The files written, by role (``markdown``, ``yaml``...), once :func:`store_batch`
    has stored them."""
    staged: list[tuple[str, str, str]] | None = None
    """``(role, target, temp)`` of the files a worker process wrote under temporary names
    (``assess_batch(..., staged=True)``, instead of :attr:`rendered`): only their names
    travel back, as text (unpickling a ``Path`` costs the run ~20 us, its text <1 us);
    :func:`store_batch` gives them their names, or removes them."""
    swept: list[Path] | None = None
    """Temp files of a killed earlier run that the worker removed while staging."""

    overall: float | None = None
    """The assessment's overall score (what a run prints per file)."""
    stage: str | None = None
    """The stage the assessment reached."""
    _assessment: Assessment | None = field(default=None, repr=False)
    _packed: str | None = field(default=None, repr=False)
    _in_json: bool = field(default=False, repr=False)
    _json: RawJson | None = field(default=None, repr=False)
    _json_out: bytes | None = field(default=None, repr=False)

    @property
    def json(self) -> RawJson | None:
        """The assessment as ``--json`` writes it (with ``as_json``): text, placed as it is
        in the output (from a worker process it comes as :meth:`json_out`, read back into
        text only when asked for here)."""
        if self._json is None and self._json_out is not None:
            from commkit.render.json_text import RawJson

            text = self._json_out.replace(_ARRAY_LINE, b"\n").decode("utf-8")
            self._json, self._json_out = RawJson(text), None
        return self._json

    @json.setter
    def json(self, value: RawJson | None) -> None:
        self._json, self._json_out = value, None

    def json_out(self) -> bytes | None:
        """:attr:`json` as it stands in a batch's ``--json`` array (an item's value: every
        line after the first two levels in), UTF-8: what a worker process sends, so that
        the run writes it as it is, never decoding, indenting or encoding it again."""
        if self._json_out is None and self._json is not None:
            # encoded first, then indented as bytes: the same bytes at 0.58x the CPU of
            # indenting the (mostly Cyrillic) text, then encoding it (58 us a file against
            # 102; paired, 300 files, 22:05 UTC, load 12)
            return self._json.utf8().replace(b"\n", _ARRAY_LINE)
        return self._json_out

    @property
    def data(self) -> dict[str, Any] | None:
        """The assessment as JSON-ready data (with ``as_json``)."""
        return None if self.json is None else self.json.data()

    @property
    def assessment(self) -> Assessment | None:
        """The assessment (an item from a worker process brings it as JSON text, read
        here only when asked for: most runs need only the score and stage)."""
        if self._assessment is None and (self._packed is not None or self._in_json):
            from commkit.model.answers import Assessment

            json = self.json if self._in_json else None
            packed = json.text if json is not None else self._packed
            self._assessment = Assessment.model_validate_json(packed or "")
            self._packed, self._in_json = None, False
        return self._assessment

    @assessment.setter
    def assessment(self, value: Assessment | None) -> None:
        self._assessment, self._packed, self._in_json = value, None, False
        self.overall = value.result.overall if value is not None else None
        self.stage = value.result.stage if value is not None else None

    def __getstate__(self) -> dict[str, Any]:
        """What a worker sends: the assessment as JSON text (several times cheaper than
        pickling the model), unless a float would not come back the same; with ``--json``
        the text of :attr:`json` is that text already (pydantic's, see :func:`model_json`),
        so the assessment is not sent twice."""
        state = dict(self.__dict__)
        assessment = self._assessment
        if assessment is not None and _json_exact(assessment):
            state["_assessment"] = None
            if self._json is not None:  # written by pydantic's writer: exact
                state["_in_json"] = True
            else:
                state["_packed"] = assessment.model_dump_json()
        elif self._json is not None and not self._in_json:
            state["_json"], state["_json_out"] = None, self.json_out()
        return state


_ARRAY_LINE = b"\n    "
"""A new line of an assessment's ``--json`` text in a batch's array (two levels in): the
text's own lines are all indentation (JSON writes a new line in a string as ``\\n``), so
this is undone exactly by replacing it with ``\\n`` again. (In UTF-8: a new line is one
byte, never part of a letter's.)"""


def cores() -> int:
    """The processors this process may run on (``--jobs``' default)."""
    import os

    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


WRITER_SETTINGS = ("out", "workspace", "force", "charts", "html", "named")
"""What :class:`BatchOptions` carries of the run's writer, so that workers write alike."""


def writer_settings(writer: AssessmentWriter) -> dict[str, Any]:
    """``writer``'s settings as :class:`BatchOptions` keywords (for a pool's workers)."""
    return {name: getattr(writer, name) for name in WRITER_SETTINGS}


def writer_for(options: BatchOptions, pack: ContentPack | None = None) -> AssessmentWriter:
    """The writer of a batch's files."""
    from commkit.api.assess import AssessmentWriter

    return AssessmentWriter(pack=pack, **{name: getattr(options, name) for name in WRITER_SETTINGS})


def prepare(
    name: str, *, pack: ContentPack, writer: AssessmentWriter, options: BatchOptions
) -> BatchItem:
    """Read, check, score and render one answers file; a located error is kept, not raised."""
    import sys

    from commkit.api.answers import STDIN, date_warnings, read_answers
    from commkit.api.assess import RenderedAssessment, assess, explain
    from commkit.api.batch_plain import plain_item
    from commkit.errors import CommkitError
    from commkit.i18n import resolve_lang

    stdin = name == STDIN
    if not stdin and _plain_way(options, writer):
        plain = plain_item(
            name,
            pack=pack,
            writer=writer,
            lang=options.lang,
            when=options.when,
            as_json=options.as_json,
        )
        if plain is not None:
            item = BatchItem(name, lang=plain.lang)
            item.json = plain.json
            item.rendered = RenderedAssessment(plain.files)
            item.overall, item.stage = plain.overall, plain.stage
            return item
    item = BatchItem(name)
    try:
        if stdin:
            checked = read_answers("<stdin>", pack=pack, data=sys.stdin.buffer.read())
        else:
            checked = read_answers(name, pack=pack)
        item.warnings.extend(checked.warnings)
        assessment = assess(checked, pack=pack, today=options.when, slug=options.community)
        file = None if stdin else name
        item.warnings.extend(date_warnings(assessment, workspace=writer.workspace, file=file))
        item.lang = resolve_lang(options.lang, checked.answers.language)
        item.rendered = writer.render(assessment, lang=item.lang)
        if options.explain:
            item.explain = explain(checked.answers, pack=pack, lang=item.lang, on=assessment.date)
    except CommkitError as exc:
        item.error = exc
        return item
    if options.assessments:
        item.assessment = assessment
    else:
        item.overall, item.stage = assessment.result.overall, assessment.result.stage
    if options.as_json:
        item.json = assessment_json(assessment)
    return item


def _plain_way(options: BatchOptions, writer: AssessmentWriter) -> bool:
    """Whether a batch's files may be assessed on plain objects
    (:mod:`commkit.api.batch_plain`): two files in an output folder, the score and stage
    asked for (not the assessment); a workspace, charts, a page, ``--explain`` or a
    community's slug go the full way."""
    return (
        writer.workspace is None
        and not writer.charts
        and not writer.html
        and not options.explain
        and options.community is None
        and not options.assessments
    )


def assessment_json(assessment: Assessment) -> RawJson:
    """The assessment as ``--json`` writes it: ``json_text(assessment.model_dump(mode=
    "json"))``, by pydantic's compiled writer unless a float would come out otherwise."""
    from commkit.render.json_text import model_json

    return model_json(assessment, plain=_json_exact(assessment))


def _json_exact(assessment: Assessment) -> bool:
    """Whether pydantic's JSON of ``assessment`` is the bytes (and, read back, the values)
    of commkit's own: no team block and no float written another way."""
    return assessment.team is None and plain_floats(_floats(assessment))


def _floats(assessment: Assessment) -> list[Any]:
    """Every float an assessment without a team block may hold (a test keeps this list
    whole)."""
    result = assessment.result
    return [
        result.overall,
        *(d.score for d in result.dimensions),
        *(a.value for a in assessment.answers.values()),
    ]


GROUP_FILES = 100
"""A batch's files are flushed to disk together, this many answers files at a time..."""
GROUP_SECONDS = 1.0
"""...or what was staged within this long, whichever comes first."""


def store_batch(
    items: Iterable[BatchItem],
    writer: AssessmentWriter,
    *,
    group: int = GROUP_FILES,
    seconds: float = GROUP_SECONDS,
) -> Iterator[BatchItem]:
    """Store every item's files, yielding each item (in order) once its files are written
    under their names (``item.files``) or with the error that refused them (``item.error``).

    One flush per group of answers files instead of one per file (several milliseconds
    each): the files are staged under temporary names, flushed together in a thread while
    the next group is prepared, then renamed (:func:`commkit.fsutil.publish_groups`). A
    crash therefore never leaves a half-written file under its name; it can lose the
    results of the last two groups (at most ``2 * group`` answers files or about
    ``2 * seconds`` of work), none of which was reported written. Interrupted, whatever is
    staged and not published is removed.
    """
    import time

    from commkit.flushing import Flusher
    from commkit.fsutil import flush_folders, remove_file

    pending: Staged = []
    flushing: tuple[Staged, Flushing] | None = None
    folders: set[str] = set()  # where files got their names since the last flush
    flusher = Flusher()
    started = 0.0
    completed = False
    item: BatchItem | None = None
    try:
        for item in items:
            if not pending:
                started = time.monotonic()
            pending.append((item, _stage(item, writer)))
            if len(pending) >= group or time.monotonic() - started >= seconds:
                if flushing is not None:
                    yield from _published(*flushing, writer, folders)
                flushing, pending = (pending, _flush_in(flusher, pending, folders)), []
        if flushing is not None:
            yield from _published(*flushing, writer, folders)
            flushing = None
        if pending:
            flushing, pending = (pending, _flush_in(flusher, pending, folders)), []
            yield from _published(*flushing, writer, folders)
            flushing = None  # (published: its temp files are gone, none to remove)
        flush_folders(folders)  # the last renames (the earlier ones went with each flush)
        completed = True
    finally:  # done, an error or Ctrl-C: what is staged and not published is removed
        flusher.close(wait=completed)
        close = getattr(items, "close", None)
        if close is not None:  # a pool's items not yet taken: their workers' temp files
            close()
        for _, staged in pending + (flushing[0] if flushing is not None else []):
            for tmp, _ in staged:
                remove_file(tmp)  # (gone already if it was published)
        if item is not None:  # (stopped while taking it in)
            discard_staged([item])


Staged = list[tuple[BatchItem, Sequence[tuple["StrPath", "StrPath"]]]]


def _flush_in(flusher: Flusher, staged: Staged, folders: set[str]) -> Flushing:
    """Start putting the data of ``staged`` on disk in the background, with the renames
    made so far in ``folders`` (then forgotten: the next flush takes the next)."""
    files = [str(tmp) for _, pairs in staged for tmp, _ in pairs]  # (text: cheap to send)
    renamed = list(folders)
    folders.clear()
    return flusher.submit(files, renamed)


def _stage(item: BatchItem, writer: AssessmentWriter) -> Sequence[tuple[StrPath, StrPath]]:
    """Stage ``item``'s files (an error refusing them is kept in the item)."""
    from commkit.errors import CommkitError

    if item.staged is not None:
        return _claim_staged(item, writer)
    if item.error is not None or item.rendered is None:
        return []
    try:
        item.files, staged = writer.stage(item.rendered, source=item.source)
    except CommkitError as exc:
        item.error = exc
        return []
    item.rendered = None  # on disk now: a group in memory holds no text
    return staged


def _claim_staged(item: BatchItem, writer: AssessmentWriter) -> list[tuple[str, str]]:
    """The ``(temp, target)`` pairs of the files a worker staged for ``item``, claimed as
    :meth:`AssessmentWriter.stage` claims them (refused: removed, the error kept)."""
    from commkit.errors import CommkitError
    from commkit.fsutil import stale_removed

    assert item.staged is not None
    if item.swept:
        stale_removed.extend(item.swept)
        item.swept = None
    try:
        paths = {role: path for role, path, _ in item.staged}
        item.files = writer.claim(paths, source=item.source)
    except CommkitError as exc:
        item.error = exc
        discard_staged([item])
        return []
    return [(tmp, path) for _, path, tmp in item.staged]


def discard_staged(items: Iterable[BatchItem]) -> None:
    """Remove the temp files workers wrote for ``items`` (none once published)."""
    from commkit.fsutil import remove_file

    for item in items:
        for _, _, tmp in item.staged or ():
            remove_file(tmp)
        item.staged = None


def _published(
    done: Staged, flushed: Flushing, writer: AssessmentWriter, folders: set[str]
) -> Iterator[BatchItem]:
    """The items of a group once its flush is over and its files have their names."""
    import os

    from commkit.fsutil import discard_groups, publish_groups

    groups = [staged for _, staged in done]
    try:
        flushed.result()
    except OSError as exc:
        errors = discard_groups(groups, exc)
    else:
        errors = publish_groups(groups, force=writer.force, flushed=True)
    for (item, staged), error in zip(done, errors, strict=True):
        if error is not None and item.files is not None:
            writer.unclaim(item.files)
            item.files, item.error = None, error
        elif staged:
            folders.update(os.path.dirname(path) for _, path in staged)
    for item, _ in done:
        item.staged = None  # named, or removed with its group
        yield item


def assess_batch(
    names: Sequence[str],
    options: BatchOptions,
    *,
    jobs: int = 1,
    pack: ContentPack | None = None,
    writer: AssessmentWriter | None = None,
    staged: bool = False,
) -> Iterator[BatchItem]:
    """Every answers file as a :class:`BatchItem`, in the order given.

    ``jobs`` > 1 shares the files among that many worker processes (standard input, ``-``,
    is read here: a batch naming it runs in this process). The pool starts before this
    returns, so the caller may start threads (a progress bar) afterwards. ``writer``: the
    one whose ``render`` a run in this process uses (with a workspace, its peers are read
    once, before any file is written, and the workers get the same peers).

    ``staged``: the workers also write each item's files under temporary names
    (:attr:`BatchItem.staged`, for :func:`store_batch`, which names or removes them): only
    the names travel back to this process, not the texts, and the writing is shared
    among the workers. Closing the iterator removes the temp files of items not taken.
    """
    from commkit.api.answers import STDIN
    from commkit.api.content import load_content

    pack = pack if pack is not None else load_content(options.content)
    writer = writer or writer_for(options, pack)

    if jobs <= 1 or len(names) < 2 or STDIN in names:
        return _frozen_heap(prepare(n, pack=pack, writer=writer, options=options) for n in names)
    peers = writer.peer_pool_now()
    # The first file here, before the workers start: the modules and first-use tables
    # every file needs (~0.3 s) are then made once and the workers start with them.
    first = prepare(names[0], pack=pack, writer=writer, options=options)
    return _in_pool(list(names[1:]), options, jobs, peers, staged, first)


def _frozen_heap(items: Iterator[BatchItem]) -> Iterator[BatchItem]:
    """``items``, with every object made before the first one (the pack, the modules, the
    first-use tables) frozen for the cyclic GC until the last: its full collections, which
    a batch's thousands of small objects set off again and again, then walk only what the
    batch made, not the whole start-up heap each time (~5 % of a run's CPU otherwise)."""
    import gc

    gc.freeze()
    try:
        yield from items
    finally:
        gc.unfreeze()


CHUNK_FILES = 16
"""Answers files a worker takes at a time (fewer for a small batch, so that every worker
gets some): each chunk is a round trip between the run and a worker (the call and its
items pickled, sent, read and unpickled), so larger chunks cost the run less per file;
the last chunk's files are the most one worker can finish after the others (~60 ms)."""


def _in_pool(
    names: list[str],
    options: BatchOptions,
    jobs: int,
    peers: Any,
    staged: bool,
    first: BatchItem,
) -> Iterator[BatchItem]:
    import gc
    import signal
    from concurrent.futures import ProcessPoolExecutor
    from itertools import islice

    size = max(1, min(CHUNK_FILES, len(names) // (jobs * 8)))
    chunks = iter([names[i : i + size] for i in range(0, len(names), size)])
    # The workers inherit "ignore Ctrl-C" from the moment they start; this process gets
    # its own handler back as soon as they are running. They also inherit every object
    # made so far (the pack, the modules) frozen: their cyclic GC then never walks them,
    # which would write to each object's memory and copy every page they share with this
    # process. (The first submit forks them all; here the objects are unfrozen again, and
    # frozen in this process too while its items are taken: :func:`_results`.)
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.freeze()
    try:
        pool = ProcessPoolExecutor(
            jobs, initializer=_start_worker, initargs=(options, peers, staged)
        )
        _widen_results_pipe(pool)
        window: deque[tuple[Future[list[BatchItem]], list[str]]] = deque(
            (pool.submit(_work, chunk), chunk) for chunk in islice(chunks, jobs * 3)
        )
    finally:
        gc.unfreeze()
        signal.signal(signal.SIGINT, previous)
    results = _results(pool, window, chunks, first)
    next(results)  # started: closed (or dropped) before its first item, it stops the pool
    return cast("Iterator[BatchItem]", results)  # (its one ``None`` is taken)


RESULTS_PIPE_BYTES = 1 << 20
"""The pipe a pool's workers send their chunks' items back through, widened from the
system's 64 KB to this (Linux's limit for a user, ``/proc/sys/fs/pipe-max-size``)."""


def _widen_results_pipe(pool: Any) -> None:
    """Let a worker send a whole chunk's items back in one write (16 files with ``--json``:
    ~400 KB): through a 64 KB pipe it waited for this process to read each 64 KB (six
    wake-ups of this process, on cores the workers keep busy) before it could take its next
    chunk, idle 29 ms a chunk (bench/timeline.py, 00:53 UTC, load 12). Nowhere to widen (not
    Linux, an executor without that pipe, a user at its pipe limit): left as it is."""
    try:
        import fcntl

        reader = pool._result_queue._reader
        fcntl.fcntl(reader.fileno(), fcntl.F_SETPIPE_SZ, RESULTS_PIPE_BYTES)
    except (ImportError, AttributeError, OSError, ValueError):
        pass


def _results(
    pool: Any, window: Any, chunks: Iterator[list[str]], first: BatchItem
) -> Iterator[BatchItem | None]:
    """The items in order, keeping a few chunks ahead in the pool (memory stays flat);
    meanwhile the objects made before are frozen for the GC, as :func:`_frozen_heap` says."""
    import gc

    items: deque[BatchItem] = deque([first])
    gc.freeze()
    try:
        yield None  # (taken by :func:`_in_pool`: from here on, its ``finally`` runs)
        while items:
            yield items.popleft()
        while window:
            done, names = window.popleft()
            for item, name in zip(done.result(), names, strict=True):
                # the name as this run holds it, not the worker's copy: the writer's record
                # of what it wrote keeps one per answers file
                item.source = name
                items.append(item)
            chunk = next(chunks, None)
            if chunk is not None:
                window.append((pool.submit(_work, chunk), chunk))
            while items:
                yield items.popleft()
    finally:  # done, an error, or Ctrl-C: pending chunks are dropped
        gc.unfreeze()
        pool.shutdown(wait=True, cancel_futures=True)
        for done, _ in window:  # finished and never taken: their temp files go
            if done.done() and not done.cancelled() and done.exception() is None:
                items.extend(done.result())
        discard_staged(items)


_WORKER: dict[str, Any] = {}


def _start_worker(options: BatchOptions, peers: Any, staged: bool = False) -> None:
    """A worker's set-up, once: Ctrl-C is the parent's to handle; the pack and the writer."""
    import signal

    from commkit.api.content import load_content
    from commkit.i18n.messages import set_ui_lang

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    set_ui_lang(options.ui_lang)
    pack = load_content(options.content)
    writer = writer_for(options, pack)
    writer.use_peer_pool(peers)
    _WORKER.update(pack=pack, writer=writer, options=options, staged=staged)


def _work(names: list[str]) -> list[BatchItem]:
    pack, writer, options = _WORKER["pack"], _WORKER["writer"], _WORKER["options"]
    items: list[BatchItem] = []
    try:
        for name in names:
            items.append(prepare(name, pack=pack, writer=writer, options=options))
            if _WORKER["staged"]:
                _stage_here(items[-1])
    except BaseException:
        discard_staged(items)
        raise
    return items


def _stage_here(item: BatchItem) -> None:
    """Write ``item``'s files under temporary names, in this worker (the run that started
    it claims and names them). A file that cannot be written is left to that run, which
    stages it itself and says why, in the order of the files."""
    from commkit.errors import CommkitError
    from commkit.fsutil import remove_file, stage_text, take_stale_removed

    if item.error is not None or item.rendered is None:
        return
    staged: list[tuple[str, str, str]] = []
    try:
        for role, path, text in item.rendered.files:
            staged.append((role, str(path), str(stage_text(path, text))))
    except BaseException as exc:
        for _, _, tmp in staged:
            remove_file(tmp)
        if isinstance(exc, CommkitError):
            return
        raise
    item.staged, item.rendered = staged, None
    item.swept = take_stale_removed() or None


__all__ = [
    "BatchItem",
    "BatchOptions",
    "assess_batch",
    "cores",
    "prepare",
    "store_batch",
    "writer_for",
    "writer_settings",
]

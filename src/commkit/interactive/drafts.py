"""Drafts of the assess wizard: where they live, what they record, and whose file is whose.

A draft is ``<slug>-assessment-draft.yaml`` next to the output (the ``--out`` folder, or
``drafts/`` in a ``--workspace``): a folder the user chose, can see with ``ls`` and that
commkit can write. It is an answers file (``complete: false``) with a ``draft:`` section
that records the options of the run, so ``--resume DRAFT`` alone continues that run.

Only a file that is a commkit draft (its name and its ``draft:`` section) is ever written
over or removed. Resuming from any other answers file reads it and continues in a new
draft beside the output; the file itself stays byte for byte as it was.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from commkit.errors import CommkitError, OutputExistsError
from commkit.fsutil import atomic_write_text, safe_child, slugify
from commkit.model.answers import Answers, DraftRun
from commkit.render.report import to_yaml

SUFFIX = "-assessment-draft.yaml"
WORKSPACE_DRAFTS = "drafts"


def draft_folder(out: Path, workspace: Path | None = None) -> Path:
    """Where the drafts of a run go: beside what the run writes."""
    return workspace / WORKSPACE_DRAFTS if workspace is not None else out


def draft_path(folder: Path, slug: str, number: int = 1) -> Path:
    name = f"{slug}{SUFFIX}" if number == 1 else f"{slug}-{number}{SUFFIX}"
    return safe_child(folder, name)


def resume_command(draft: Path, program: str | None = None) -> str:
    """The command that continues ``draft``, to copy from the terminal: commkit as the user
    ran it (:func:`program_as_invoked`), the path relative to the current folder when it lies
    below it (short enough for one line), quoted for a shell."""
    import shlex

    from commkit.shown_path import below_here

    shown: str | Path = draft
    with contextlib.suppress(OSError):
        shown = below_here(draft.resolve()) or draft
    program = program_as_invoked() if program is None else program
    return f"{program} assess --resume " + shlex.quote(os.fspath(shown))


def program_as_invoked(argv0: str | None = None) -> str:
    """How to run this commkit again from the same terminal and folder: ``commkit`` when that
    name on PATH is this very program, else the path the user ran (``.venv/bin/commkit`` after
    the README's Quick start, with the venv not activated), or ``PYTHON -m commkit``."""
    import shlex
    import sys

    argv0 = sys.argv[0] if argv0 is None else argv0
    if Path(argv0).name == "__main__.py":
        return shlex.quote(_runnable(sys.executable)) + " -m commkit"
    if not argv0 or os.sep not in argv0:
        return "commkit"
    return shlex.quote(_runnable(argv0))


def _runnable(path: str) -> str:
    """``path`` as a shell finds it: its bare name when PATH leads there, else relative to the
    current folder when below it (``./`` so the shell does not search PATH), else as given."""
    import shutil

    name = os.path.basename(path)
    found = shutil.which(name)
    with contextlib.suppress(OSError):
        if found is not None and os.path.samefile(found, path):
            return name
    from commkit.shown_path import below_here

    below = below_here(path)
    if below is None:  # given relative, or outside the current folder
        return path
    return below if os.sep in below else f".{os.sep}{below}"


def is_commkit_draft(path: Path, answers: Answers) -> bool:
    """Written by commkit as a draft (so commkit may update and finally remove it)."""
    return path.name.endswith(SUFFIX) and answers.draft is not None and not answers.complete


def load_draft(path: Path) -> Answers:
    from commkit.model.loader import load_file

    answers: Answers = load_file(path, Answers)
    return answers


def find_drafts(folder: Path) -> list[tuple[Path, Answers]]:
    """The readable commkit drafts in ``folder``, newest first (others are left alone)."""
    found: list[tuple[Path, Answers]] = []
    try:
        paths = sorted(folder.glob(f"*{SUFFIX}"))
    except OSError:
        return found
    for path in paths:
        try:
            answers = load_draft(path)
        except CommkitError:
            continue
        if is_commkit_draft(path, answers):
            found.append((path, answers))
    found.sort(key=lambda item: item[0].stat().st_mtime, reverse=True)
    return found


def recorded_run(path: Path) -> DraftRun | None:
    """The options recorded in a commkit draft (``None`` for any other answers file)."""
    answers = load_draft(path)
    return answers.draft if is_commkit_draft(path, answers) else None


def draft_run(
    *,
    out: Path,
    workspace: Path | None,
    content: Path | None,
    community: str | None,
    date: dt.date | None,
    lang: str | None,
) -> DraftRun:
    """The options of a wizard run, kept in its draft so that ``--resume DRAFT`` alone
    continues it (paths made absolute: the run may resume from another folder)."""
    return DraftRun(
        out=str(out.resolve()),
        workspace=str(workspace.resolve()) if workspace is not None else None,
        content=str(content.resolve()) if content is not None else None,
        community=community,
        date=date,
        lang=lang,
    )


LOCK_SUFFIX = ".lock"


def lock_path(draft: Path) -> Path:
    return draft.with_name(draft.name + LOCK_SUFFIX)


def _holder(lock: Path) -> tuple[int, str] | None:
    """The live commkit holding ``lock`` (pid, host), or ``None`` when the lock is stale:
    its process is gone, or it is unreadable."""
    import platform

    try:
        pid_text, host = lock.read_text(encoding="utf-8").split()[:2]
        pid = int(pid_text)
    except (OSError, ValueError):
        return None
    if host != platform.node():
        return pid, host  # another machine (a shared folder): cannot tell, so it holds
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:  # alive, but run by another user: it holds too
        return pid, host
    return pid, host


def take_lock(draft: Path) -> Path:
    """Mark ``draft`` as open in this process (``<draft>.lock``: pid and host), so that a
    second terminal resuming it refuses instead of both saving over each other. A lock
    whose process is gone is stale and taken over. Released at exit (and by
    :func:`release_lock`)."""
    import atexit
    import platform

    from commkit.errors import UserError

    lock = lock_path(draft)
    mine = f"{os.getpid()} {platform.node()}\n"
    for _ in range(5):
        try:
            fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            seen = _read(lock)
            holder = _holder(lock)
            if holder is not None and holder[0] != os.getpid():
                raise UserError(
                    f"{draft} is open in another commkit (process {holder[0]} on "
                    f"{holder[1]}): finish or stop that one first. If it is not running "
                    f"any more, remove {lock}"
                ) from None
            _set_aside(lock, seen)  # stale, or this process's own
            continue
        except OSError:
            return lock  # a folder that takes no lock files still takes the draft
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(mine)
        atexit.register(release_lock, lock)
        return lock
    raise UserError(f"{draft} is being opened by another commkit at this moment: try again")


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


def _set_aside(lock: Path, seen: str | None) -> None:
    """Remove the stale lock that was read as ``seen`` - and only it: when two runs take
    over one stale lock at once, the later must not remove the fresh lock of the first."""
    aside = lock.with_name(f"{lock.name}.{os.getpid()}.stale")
    try:
        os.rename(lock, aside)
    except OSError:
        return  # gone already: taken over by another run, or removed
    if _read(aside) != seen:  # a fresh lock made meanwhile: give it back
        with contextlib.suppress(OSError):
            os.link(aside, lock)
    with contextlib.suppress(OSError):
        aside.unlink()


def release_lock(lock: Path) -> None:
    """Remove ``lock`` if this process holds it."""
    try:
        if lock.read_text(encoding="utf-8").split()[:1] == [str(os.getpid())]:
            lock.unlink()
    except (OSError, ValueError):
        pass


@dataclass
class DraftStore:
    """Saves the answers of one wizard run after every answer, into a draft of its own.

    ``path`` is ``None`` until the first save (the slug comes from the start screen); the
    first save never takes the name of an existing file (another run's draft, a file of
    the user's): it picks the next free name. ``source`` is the file the run resumed from.
    """

    folder: Path
    run: DraftRun
    path: Path | None = None
    source: Path | None = None
    saved: list[Path] = field(default_factory=list)

    @classmethod
    def resume(cls, source: Path, answers: Answers, folder: Path, run: DraftRun) -> DraftStore:
        """Continue in ``source`` itself only when it is a commkit draft."""
        if is_commkit_draft(source, answers):
            take_lock(source)
            return cls(folder=folder, run=run, path=source, source=source)
        return cls(folder=folder, run=run, source=source)

    def check_writable(self) -> None:
        """Refuse before the first question, not after the start screen was typed."""
        import os

        from commkit.errors import UserError

        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(
                f"cannot keep drafts in {self.folder}: {exc.strerror or exc} "
                "(choose a folder you can write with --out or --workspace)"
            ) from None
        if not os.access(self.folder, os.W_OK | os.X_OK):
            raise UserError(
                f"cannot keep drafts in {self.folder}: the folder is read-only "
                "(choose a folder you can write with --out or --workspace)"
            )

    @property
    def writes_to_source(self) -> bool:
        return self.path is not None and self.path == self.source

    def save(self, answers: Answers) -> Path:
        """Write the draft atomically (a crash mid-write leaves the previous one intact)."""
        draft = answers.model_copy(update={"complete": False, "draft": self.run})
        text = to_yaml(draft)
        if self.path is not None:
            return atomic_write_text(self.path, text, force=True)
        slug = answers.community.slug or slugify(answers.community.name)
        for number in range(1, 1000):
            candidate = draft_path(self.folder, slug, number)
            try:
                atomic_write_text(candidate, text)
            except OutputExistsError:
                continue
            self.path = candidate
            take_lock(candidate)
            return candidate
        raise OutputExistsError(f"too many drafts for {slug} in {self.folder}")

    def finish(self) -> Path | None:
        """The run is complete: remove its draft (never a file that is not one). Returns
        the draft removed."""
        if self.path is None or not self.path.exists():
            return None
        try:
            current = load_draft(self.path)
        except CommkitError:
            return None
        if not is_commkit_draft(self.path, current):
            return None
        self.path.unlink()
        release_lock(lock_path(self.path))
        return self.path

"""Files every command writes the same way: refused when they exist (unless forced), and
temp files left by a killed earlier run cleaned up and named."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from commkit.api._common import PathLike


def check_new_files(paths: Iterable[PathLike | None], *, force: bool = False) -> None:
    """Refuse (:class:`~commkit.errors.OutputExistsError`) when any of ``paths`` exists,
    before a command writes the first of them: nothing is ever half written."""
    from commkit.fsutil import refuse_existing

    refuse_existing((Path(p) if p is not None else None for p in paths), force=force)


def stale_temps_removed() -> list[Path]:
    """Temp files of a killed earlier run that this run's writes removed (each named once),
    so that the CLI can say what it cleaned up."""
    from commkit.fsutil import take_stale_removed

    return list(take_stale_removed())

"""What the ways of running ``commkit assess`` share (answer replays, ``--team``,
``--rescore``): the run's settings, the inputs named, where results go and how they print."""

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from commkit.cli.context import Settings


@dataclass(frozen=True, kw_only=True)
class AssessRun:
    settings: Settings
    names: list[str]
    """Answers files, globs or ``-`` as typed (``--answers`` and the arguments)."""
    out: Path
    workspace: Path | None
    community: str | None
    when: dt.date | None
    force: bool
    json_output: bool

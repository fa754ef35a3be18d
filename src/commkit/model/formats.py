"""The format versions of every file kind that this commkit reads.

A file's ``version:`` starts with its format number (``"1"``, or ``"1.0"`` for content whose
version also names the edition of the method). A file in a format this commkit does not read
is refused with what to do: a newer one needs a newer commkit; an older one names its
migration. Nothing is guessed: reading a newer format as if it were an old one could drop
or misread what the user wrote.
"""

from __future__ import annotations

import re
from typing import Any

READS: dict[str, tuple[int, ...]] = {
    "methodology": (1,),
    "checklist": (1,),
    "roadmap": (1,),
    "seminar": (1,),
    "pack": (1,),
    "region": (1,),
    "community": (1,),
    "answers": (1,),
    "assessment": (1,),
    "migration": (1,),
}
"""Kind -> the format numbers this commkit reads (add a number when a format changes)."""

MIGRATIONS: dict[tuple[str, int], str] = {}
"""(kind, an older format) -> how to bring such a file up to a format read today."""

_NUMBER = re.compile(r"\s*(\d+)")


def format_number(version: Any) -> int | None:
    """The format number a ``version:`` value starts with (``"1.0-my-pack"`` -> 1)."""
    if isinstance(version, bool):
        return None
    if isinstance(version, int):
        return version
    match = _NUMBER.match(str(version))
    return int(match.group(1)) if match else None


def _listed(numbers: tuple[int, ...]) -> str:
    return ", ".join(str(n) for n in numbers)


def format_problem(kind: str, version: Any) -> str | None:
    """Why a ``kind`` file with this ``version:`` cannot be read, or ``None`` when it can."""
    reads = READS.get(kind)
    if reads is None or version is None:
        return None
    number = format_number(version)
    if number is None:
        return (
            f"version {version!r} does not start with a format number "
            f'(this commkit reads format {_listed(reads)}, e.g. version: "{reads[-1]}")'
        )
    if number in reads:
        return None
    if number > max(reads):
        return (
            f"written by a newer commkit (format {number}; this one reads {_listed(reads)}): "
            "upgrade commkit"
        )
    migration = MIGRATIONS.get(
        (kind, number),
        f"no automatic migration exists: re-create it with this commkit, or open it with the "
        f"commkit that wrote it and copy the values into a format {reads[0]} file "
        "(see docs/formats.md)",
    )
    return (
        f"written in format {number}, older than this commkit reads ({_listed(reads)}): {migration}"
    )

"""The content hash of each file of a pack, without reading files that did not change.

A warm command used to read and hash every byte of the pack (about 770 KB) to find its cache
entry. A memo kept in the cache folder remembers, for each file, its stamp (device, inode,
size, modification and status-change times, in nanoseconds) and the hash of its content;
while a file's stamp is the one remembered, its hash is taken from the memo.

Never stale: any write to a file moves its status-change time (ctime), which no program can
set back (``touch`` and ``os.utime`` move it too), and a file replaced by a rename is another
inode. A file whose times are within :data:`RACY_NS` of the moment it is hashed is hashed but
not remembered: a second write within the clock's granularity could leave its stamp as it
was (git's "racily clean" files). The stamp is taken before the file is read and again after,
and only a file that did not move in between is remembered. Anything doubtful in the memo
(not a mapping, a malformed entry) is simply not used: the file is hashed.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

RACY_NS = 3_000_000_000
"""A file changed this recently (3 s) is hashed on every run until it is older."""

LIMIT = 4096
"""The most files remembered; the ones remembered longest ago are forgotten first."""


def _stamp(path: Path) -> tuple[str, list[int]]:
    found = os.stat(path)
    return f"{found.st_dev}:{found.st_ino}", [
        found.st_size,
        found.st_mtime_ns,
        found.st_ctime_ns,
    ]


def _hash(path: Path) -> str:
    import hashlib  # only when a file must be read: a warm run imports no hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def digests(files: list[Path], memo: dict[str, Any]) -> tuple[list[str], bool]:
    """The content hash of each of ``files`` and whether ``memo`` (``{"dev:ino": [size,
    mtime_ns, ctime_ns, hash]}``, updated in place) gained or lost anything worth writing.
    Raises ``OSError`` when a file cannot be read."""
    now = time.time_ns()
    found: list[str] = []
    changed = False
    for path in files:
        ident, stamp = _stamp(path)
        known = memo.get(ident)
        if (
            type(known) is list
            and len(known) == 4
            and known[:3] == stamp
            and all(type(value) is int for value in known[:3])
            and type(known[3]) is str
            and len(known[3]) == 64
        ):
            found.append(known[3])
            continue
        digest = _hash(path)
        found.append(digest)
        if known is not None:
            del memo[ident]
            changed = True
        if _stamp(path) == (ident, stamp) and max(stamp[1], stamp[2]) < now - RACY_NS:
            memo[ident] = [*stamp, digest]
            changed = True
    while len(memo) > LIMIT:
        del memo[next(iter(memo))]
        changed = True
    return found, changed

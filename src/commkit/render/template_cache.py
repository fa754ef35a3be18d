"""Compiled report templates kept in the user's cache folder, so that a run does not compile
its template again (compiling is most of what rendering one report costs).

Jinja2 checks each entry against its template's source, so an edited template is compiled
afresh; the folder is per commkit version and template set-up, so code compiled with other
settings is never read. A cache that cannot be read or written is skipped, never an error;
``--no-cache`` or ``COMMKIT_NO_CACHE=1`` turn it off.
"""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path

from jinja2 import BytecodeCache, FileSystemBytecodeCache
from jinja2.bccache import Bucket

from commkit.model import pack_cache

KEEP_OTHERS = 2
"""Folders of other commkit versions or set-ups kept beside this one's (two installations
used in turn keep theirs), the most recently made."""


class QuietBytecodeCache(FileSystemBytecodeCache):
    """Jinja2's file cache, where a corrupt entry or an unwritable folder means no cache."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # a corrupt or truncated entry: compile again
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(Exception):
            super().dump_bytecode(bucket)


def _setup_stamp() -> bytes:
    """The commkit code and the template set-up (Jinja2's options live in templating.py)."""
    here = Path(__file__).resolve().parent
    stamps = [pack_cache.code_identity()]
    for name in ("templating.py", "template_cache.py"):
        stat = (here / name).stat()
        stamps.append(f"{name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return b"|".join(stamps)


def bytecode_cache() -> BytecodeCache | None:
    """The cache for compiled templates, or ``None`` (turned off or no cache folder)."""
    if not pack_cache.enabled():
        return None
    try:
        setup = hashlib.sha256(_setup_stamp()).hexdigest()[:16]
        new = not (pack_cache.cache_dir() / "templates" / setup).is_dir()
        folder = pack_cache.private_dir("templates", setup)
    except OSError:
        return None
    if new:  # another commkit or set-up: the folders of those used longest ago go
        import re

        from commkit.model.cache_prune import prune_folders

        prune_folders(folder.parent, re.compile("[0-9a-f]{16}"), KEEP_OTHERS, setup)
    return QuietBytecodeCache(str(folder))

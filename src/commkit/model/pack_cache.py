"""A disk cache of checked content packs, so a command does not re-parse the pack every run.

Parsing the pack with positions is most of what a one-file command costs. A pack that loaded
without errors is stored, already checked, in the user's cache folder under a key made of
everything it was built from: the content hash and name of every pack file, the pack folders,
the commkit version and the model code. Any changed byte, another pack folder or another
commkit misses. A file's hash is read from a memo while its stamp (inode, size, times) is the
one remembered (:mod:`commkit.model.file_digests`), so a warm run reads no pack file. The key
is stored whole in its entry and compared whole; the entry's file name is only a checksum of
it. A cache that cannot be read or written is silently skipped: the pack is then built as
if there were no cache. ``--no-cache`` or ``COMMKIT_NO_CACHE=1`` turn it off.

The entry is a pickle of commkit's own models (the format the standard library offers for
restoring them without validating again); it lives in a folder only the user may write
(0700), and any entry that fails to load is deleted and rebuilt.

What a command works out from the pack alone (``validate``'s report, the text ``seminars
show`` prints) is cached beside it as plain JSON data (:func:`data_key`, :func:`load_data`,
:func:`store_data`), keyed by the same bytes plus the name and arguments of what was worked
out and the stamp of all of commkit's code: a warm run then reads neither the models nor
pydantic. Unpickling the pack builds every model class, which is most of a warm command.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from commkit import __version__

if TYPE_CHECKING:
    from commkit.model.content_pack import ContentPack

KEEP_PACKS = 8
"""Checked packs kept (about 700 KB each): the packs and commkit versions used of late."""
KEEP_DATA = 64
"""Worked-out results kept (a few KB each: validate's report, a seminar's text...)."""
USED_EVERY = 86_400
"""Seconds between two marks of an entry as used: a warm run writes nothing most days."""
ENV_DISABLE = "COMMKIT_NO_CACHE"
ENV_DIR = "COMMKIT_CACHE_DIR"
FORMAT = 1


def enabled() -> bool:
    return os.environ.get(ENV_DISABLE, "").strip().lower() in ("", "0", "false", "no")


def cache_dir() -> Path:
    """``$COMMKIT_CACHE_DIR`` or the platform's user cache folder (``~/.cache/commkit``)."""
    override = os.environ.get(ENV_DIR)
    if override:
        return Path(override)
    if sys.platform == "linux" and "ANDROID_DATA" not in os.environ:
        written_out = _xdg_cache_home()
        if written_out is not None:
            return Path(written_out, "commkit")
    from platformdirs import user_cache_dir  # other systems, or no home folder: its rules

    return Path(user_cache_dir("commkit", appauthor=False))


def _xdg_cache_home() -> str | None:
    """The XDG base-directory rule for the user cache folder, as platformdirs applies it on
    Linux: ``$XDG_CACHE_HOME`` when it is an absolute path, else ``~/.cache`` (a relative or
    empty ``HOME`` is ignored in favour of the password database); ``None`` when no home
    folder is known. Written out because importing platformdirs (with ``tempfile`` and
    ``random``) cost every warm command more than working out its answer."""
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if xdg.startswith("/"):
        return xdg
    home = os.environ.get("HOME", "")
    if not home.startswith("/"):
        import pwd

        try:
            home = pwd.getpwuid(os.getuid()).pw_dir
        except KeyError:
            return None
        if not home.startswith("/"):
            return None
    return home.rstrip("/") + "/.cache"


def code_identity() -> bytes:
    """The commkit version and the size and mtime of the model modules: a cache written by
    other model code must not be read (a development checkout keeps its version number)."""
    here = Path(__file__).resolve().parent
    parts = [f"commkit {__version__} format {FORMAT}"]
    for path in sorted(here.glob("*.py")):
        stat = path.stat()
        parts.append(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}")
    return "|".join(parts).encode()


@cache
def package_identity() -> bytes:
    """The commkit version and the size and mtime of every file of commkit's code (its Python
    modules, message catalogs and templates; not the default pack, which is hashed): what is
    worked out from a pack depends on more than the models."""
    package = str(Path(__file__).resolve().parent.parent)
    parts = [f"commkit {__version__} format {FORMAT} at {package}"]
    start = len(package) + 1

    def walk(folder: str) -> None:
        with os.scandir(folder) as found:
            for entry in sorted(found, key=lambda e: e.name):
                if entry.is_dir():
                    if entry.name not in ("__pycache__", "_pack"):
                        walk(entry.path)
                else:
                    stat = entry.stat()
                    parts.append(f"{entry.path[start:]}:{stat.st_size}:{stat.st_mtime_ns}")

    walk(package)
    return "|".join(parts).encode()


def _memo_path() -> Path:
    return cache_dir() / "memo" / f"file-digests-{FORMAT}.json"


def file_digests(files: list[Path]) -> list[str]:
    """The content hash of each file, read again only when its stamp moved
    (:mod:`commkit.model.file_digests`); the memo is read from and written to the cache
    folder, and one that cannot be read or written just means reading the files. Raises
    ``OSError`` when a file cannot be read."""
    from commkit.model.file_digests import digests

    path = _memo_path()
    memo: Any = None
    with contextlib.suppress(Exception):  # missing, unreadable or corrupt: start afresh
        memo = json.loads(path.read_bytes())
    if not isinstance(memo, dict):
        memo = {}
    found, changed = digests(files, memo)
    if changed:
        _write(path, lambda: json.dumps(memo, separators=(",", ":")).encode())
    return found


def _sources(roots: list[Path], files: list[Path]) -> str:
    """The folders (resolved) and, per file, its name and content hash, as key text."""
    parts = [f"root\0{root.resolve()}" for root in roots]
    for path, digest in zip(files, file_digests(files), strict=True):
        parts.append(f"file\0{path}\0{digest}")
    return "\n".join(parts)


def pack_key(roots: list[Path], files: list[Path]) -> str:
    """The cache key of a pack built from ``files`` under ``roots`` (folders in load order):
    the text of everything the pack is built from, stored whole in the entry and compared
    whole on loading (:func:`_entry_name` only names the file)."""
    return code_identity().decode() + "\npack\n" + _sources(roots, files)


def data_key(name: str, args: list[Any], roots: list[Path], files: list[Path]) -> str:
    """The key of what ``name`` works out, given ``args`` (plain JSON values), from ``files``
    under ``roots``: a changed byte, file name, folder, argument or line of commkit misses.
    Raises ``OSError`` when a file cannot be read (then nothing is cached)."""
    head = json.dumps([name, args], ensure_ascii=False)
    return package_identity().decode() + "\ndata\0" + head + "\n" + _sources(roots, files)


def _entry_name(key: str) -> str:
    """A short file name for an entry whose whole key is stored (and compared) inside it: two
    keys that share a name only take turns in one file, never read each other's entry."""
    import zlib

    raw = key.encode("utf-8", "surrogateescape")
    return f"{zlib.crc32(raw):08x}{zlib.adler32(raw):08x}{len(raw):x}"


def private_dir(*parts: str) -> Path:
    """A folder under the cache folder, created private to the user (0700) if missing."""
    folder = cache_dir()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    for part in parts:
        folder = folder / part
        folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def _entry(key: str) -> Path:
    return cache_dir() / "packs" / f"{_entry_name(key)}.pickle"


def load(key: str) -> ContentPack | None:
    """The cached pack for ``key``, or ``None`` (missing, unreadable, corrupt or foreign)."""
    import pickle

    from commkit.model.content_pack import ContentPack

    pack: ContentPack | None = _read(_entry(key), key, pickle.loads, "pack", ContentPack)
    return pack


def store(key: str, pack: ContentPack) -> None:
    """Write the entry atomically (temp file + rename); any failure just means no cache."""
    import pickle

    path = _entry(key)
    _write(path, lambda: pickle.dumps({"key": key, "pack": pack}, protocol=pickle.HIGHEST_PROTOCOL))
    _prune(path.parent, "pickle", KEEP_PACKS)


def _data_entry(key: str) -> Path:
    return cache_dir() / "data" / f"{_entry_name(key)}.json"


def load_data(key: str) -> Any | None:
    """The plain data stored under ``key``, or ``None`` (missing, unreadable, corrupt)."""
    return _read(_data_entry(key), key, json.loads, "data", object)


def _read(path: Path, key: str, decode: Callable[[bytes], Any], field: str, kind: type) -> Any:
    """The ``field`` of the entry at ``path`` if it is whole, stored for ``key`` and of
    ``kind``; else ``None``, and an entry that is there but unusable (corrupt, truncated,
    foreign) is deleted, to be rebuilt."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
            mark_used(handle.fileno())
    except OSError:
        return None
    try:
        stored = decode(data)
        if (
            isinstance(stored, dict)
            and stored.get("key") == key
            and field in stored
            and isinstance(stored[field], kind)
        ):
            return stored[field]
    except Exception:  # a corrupt or truncated entry: forget it and rebuild
        pass
    with contextlib.suppress(OSError):
        path.unlink()
    return None


def mark_used(fd: int) -> None:
    """Mark the open entry ``fd`` as read now (its modification time), at most once a day:
    pruning (:mod:`commkit.model.cache_prune`) keeps what is used. One ``fstat`` a read; a
    read-only cache stays as it is."""
    with contextlib.suppress(OSError):
        if time.time() - os.fstat(fd).st_mtime > USED_EVERY:
            os.utime(fd)


def store_data(key: str, data: Any) -> None:
    """Store plain JSON data under ``key``, atomically; any failure just means no cache."""
    path = _data_entry(key)
    _write(path, lambda: json.dumps({"key": key, "data": data}, ensure_ascii=False).encode("utf-8"))
    _prune(path.parent, "json", KEEP_DATA)


def _prune(folder: Path, suffix: str, keep: int) -> None:
    """After a store (a run that just built what it stores): the entries of ``folder`` but
    the ``keep`` most recently used (:mod:`commkit.model.cache_prune`)."""
    import re

    from commkit.model.cache_prune import prune_entries

    prune_entries(folder, re.compile(rf"[0-9a-f]{{17,}}\.{suffix}"), keep)


def _write(path: Path, encode: Any) -> None:
    """Write an entry atomically (a private temp file, then a rename): a reader sees the old
    entry or the whole new one, and two writers each replace it with a whole one."""
    tmp = path.with_name(f".{path.name}.{os.urandom(4).hex()}.tmp")
    try:
        private_dir(path.parent.name)
        data = encode()
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except Exception:
        with contextlib.suppress(OSError):
            tmp.unlink()

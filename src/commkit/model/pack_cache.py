"""A disk cache of checked content packs, so a command does not re-parse the pack every run.

Parsing the pack with positions is most of what a one-file command costs. A pack that loaded
without errors is stored, already checked, in the user's cache folder under a key made of
everything it was built from: the bytes and names of every pack file, the pack folders, the
commkit version and the model code. Any changed byte, another pack folder or another commkit
misses. A cache that cannot be read or written is silently skipped: the pack is then built as
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
import hashlib
import json
import os
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from commkit import __version__

if TYPE_CHECKING:
    from commkit.model.content_pack import ContentPack

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
    package = Path(__file__).resolve().parent.parent
    parts = [f"commkit {__version__} format {FORMAT}"]

    def walk(folder: str) -> None:
        with os.scandir(folder) as found:
            for entry in sorted(found, key=lambda e: e.name):
                if entry.is_dir():
                    if entry.name not in ("__pycache__", "_pack"):
                        walk(entry.path)
                else:
                    stat = entry.stat()
                    parts.append(f"{entry.path}:{stat.st_size}:{stat.st_mtime_ns}")

    walk(str(package))
    return "|".join(parts).encode()


def _hash_files(digest: Any, roots: list[Path], files: list[Path]) -> None:
    for root in roots:
        digest.update(b"\0root\0" + str(root.resolve()).encode())
    for path in files:
        digest.update(b"\0file\0" + str(path.resolve()).encode() + b"\0")
        digest.update(path.read_bytes())


def pack_key(roots: list[Path], files: list[Path]) -> str:
    """The cache key of a pack built from ``files`` under ``roots`` (folders in load order)."""
    digest = hashlib.sha256()
    digest.update(code_identity())
    _hash_files(digest, roots, files)
    return digest.hexdigest()[:32]


def data_key(name: str, args: list[Any], roots: list[Path], files: list[Path]) -> str:
    """The key of what ``name`` works out, given ``args`` (plain JSON values), from ``files``
    under ``roots``: a changed byte, file name, folder, argument or line of commkit misses.
    Raises ``OSError`` when a file cannot be read (then nothing is cached)."""
    digest = hashlib.sha256()
    digest.update(package_identity())
    digest.update(b"\0data\0" + json.dumps([name, args], ensure_ascii=False).encode())
    _hash_files(digest, roots, files)
    return digest.hexdigest()[:32]


def private_dir(*parts: str) -> Path:
    """A folder under the cache folder, created private to the user (0700) if missing."""
    folder = cache_dir()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    for part in parts:
        folder = folder / part
        folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def _entry(key: str) -> Path:
    return cache_dir() / "packs" / f"{key}.pickle"


def load(key: str) -> ContentPack | None:
    """The cached pack for ``key``, or ``None`` (missing, unreadable, corrupt or foreign)."""
    import pickle

    from commkit.model.content_pack import ContentPack

    pack: ContentPack | None = _read(_entry(key), key, pickle.loads, "pack", ContentPack)
    return pack


def store(key: str, pack: ContentPack) -> None:
    """Write the entry atomically (temp file + rename); any failure just means no cache."""
    import pickle

    _write(
        _entry(key),
        lambda: pickle.dumps({"key": key, "pack": pack}, protocol=pickle.HIGHEST_PROTOCOL),
    )


def _data_entry(key: str) -> Path:
    return cache_dir() / "data" / f"{key}.json"


def load_data(key: str) -> Any | None:
    """The plain data stored under ``key``, or ``None`` (missing, unreadable, corrupt)."""
    return _read(_data_entry(key), key, json.loads, "data", object)


def _read(path: Path, key: str, decode: Callable[[bytes], Any], field: str, kind: type) -> Any:
    """The ``field`` of the entry at ``path`` if it is whole, stored for ``key`` and of
    ``kind``; else ``None``, and an entry that is there but unusable (corrupt, truncated,
    foreign) is deleted, to be rebuilt."""
    try:
        data = path.read_bytes()
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


def store_data(key: str, data: Any) -> None:
    """Store plain JSON data under ``key``, atomically; any failure just means no cache."""
    _write(
        _data_entry(key),
        lambda: json.dumps({"key": key, "data": data}, ensure_ascii=False).encode("utf-8"),
    )


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

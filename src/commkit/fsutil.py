"""Safe file writing: atomic, never outside the chosen folder, never over a file by accident."""

from __future__ import annotations

import os
import re
import secrets
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path

from commkit.errors import OutputExistsError, UserError

_TRANSLIT = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        [
            "a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o",
            "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e",
            "yu", "ya",
        ],
        strict=True,
    )
)  # fmt: skip


def slugify(name: str, fallback: str = "community") -> str:
    """A safe file-name slug: latin letters, digits and '-'; Cyrillic is transliterated."""
    text = "".join(_TRANSLIT.get(ch, ch) for ch in name.lower())
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text[:60].strip("-") or fallback


def safe_child(root: Path, *parts: str) -> Path:
    """``root/parts...``, refusing anything that would land outside ``root``."""
    base = root.resolve()
    target = base.joinpath(*parts).resolve()
    if target != base and base not in target.parents:
        raise UserError(f"refusing to write outside {root}: {'/'.join(parts)!r}")
    return target


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _create_temp(path: Path) -> tuple[int, Path]:
    """Create ``.<name>.<random>.tmp`` next to ``path``, private until renamed.

    The name is chosen before the file exists (unlike ``mkstemp``), so a Ctrl-C that lands
    while it is being created still knows what to remove: no stray temp file is left.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        tmp = path.parent / f".{path.name}.{secrets.token_hex(4)}.tmp"
        try:
            return os.open(tmp, flags, 0o600), tmp
        except FileExistsError:
            continue
        except OSError as exc:
            raise UserError(f"cannot write {path}: {exc.strerror or exc}") from None
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    raise UserError(f"cannot write {path}: no free temporary file name")


def _atomic_write(path: Path, chunks: Iterable[bytes], force: bool, fsync: bool = True) -> Path:
    """Write ``chunks`` to ``path`` through a temp file in the same folder and a rename.

    Readers never see a half-written file; a failed write leaves no partial file; an
    existing file is kept unless ``force``. The file gets the usual permissions (0666 less
    the umask), not the private 0600 that ``mkstemp`` gives its temp files. ``fsync=False``
    skips flushing the data to disk before the rename (for a file derived from another one
    that is fsynced, e.g. the Markdown report next to its assessment YAML).
    """
    if path.exists() and not force:
        raise OutputExistsError(f"{path} already exists (use --force to overwrite it)")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        blocker = next((p for p in path.parents if p.exists() and not p.is_dir()), path.parent)
        raise UserError(f"cannot write {path}: {blocker} is a file, not a folder") from None
    except OSError as exc:
        raise UserError(f"cannot write {path}: {exc.strerror or exc}") from None
    fd, tmp = _create_temp(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            if fsync:
                os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        if not force and path.exists():
            raise OutputExistsError(f"{path} already exists (use --force to overwrite it)")
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(f"cannot write {path}: {exc.strerror or exc}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def atomic_write_bytes(path: Path, data: bytes, *, force: bool = False) -> Path:
    """Write ``data`` atomically (see :func:`_atomic_write`)."""
    return _atomic_write(path, (data,), force)


def atomic_write_text(
    path: Path, text: str, *, force: bool = False, bom: bool = False, fsync: bool = True
) -> Path:
    """Write UTF-8 text atomically; ``bom`` for spreadsheet programs that want one."""
    data = text.encode("utf-8")
    if bom:
        data = b"\xef\xbb\xbf" + data
    return _atomic_write(path, (data,), force, fsync)


def atomic_write_chunks(path: Path, chunks: Iterable[str], *, force: bool = False) -> Path:
    """Like :func:`atomic_write_text`, for text produced piece by piece (a streamed
    template): the whole text never sits in memory, and readers still never see half a file."""
    return _atomic_write(path, (chunk.encode("utf-8") for chunk in chunks), force)


def atomic_build(path: Path, build: Callable[[Path], None], *, force: bool = False) -> Path:
    """Let ``build`` write a whole file at a temporary path, then rename it over ``path``.

    For files a library writes itself (a SQLite database): readers never see a half-built
    file, a failed build leaves the previous file as it was, and nothing is overwritten
    unless ``force``.
    """
    if path.exists() and not force:
        raise OutputExistsError(f"{path} already exists (use --force to overwrite it)")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _create_temp(path)
    os.close(fd)
    tmp.unlink()
    try:
        build(tmp)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(f"cannot write {path}: {exc.strerror or exc}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path

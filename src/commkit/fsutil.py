"""Safe file writing: atomic, never outside the chosen folder, never over a file by accident."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable
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


def _atomic_write(path: Path, chunks: Iterable[bytes], force: bool) -> Path:
    """Write ``chunks`` to ``path`` through a temp file in the same folder and a rename.

    Readers never see a half-written file; a failed write leaves no partial file; an
    existing file is kept unless ``force``. The file gets the usual permissions (0666 less
    the umask), not the private 0600 that ``mkstemp`` gives its temp files.
    """
    if path.exists() and not force:
        raise OutputExistsError(f"{path} already exists (use --force to overwrite it)")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise UserError(f"cannot write {path}: {exc.strerror or exc}") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
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


def atomic_write_text(path: Path, text: str, *, force: bool = False, bom: bool = False) -> Path:
    """Write UTF-8 text atomically; ``bom`` for spreadsheet programs that want one."""
    data = text.encode("utf-8")
    if bom:
        data = b"\xef\xbb\xbf" + data
    return _atomic_write(path, (data,), force)


def atomic_write_chunks(path: Path, chunks: Iterable[str], *, force: bool = False) -> Path:
    """Like :func:`atomic_write_text`, for text produced piece by piece (a streamed
    template): the whole text never sits in memory, and readers still never see half a file."""
    return _atomic_write(path, (chunk.encode("utf-8") for chunk in chunks), force)

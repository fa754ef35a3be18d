"""How a path is shown to a person: as short as it can be while still naming the file."""

from __future__ import annotations

import os


def below_here(path: str | os.PathLike[str]) -> str | None:
    """An absolute ``path`` relative to the working folder when it lies below it, else
    ``None`` (callers choose what to show then)."""
    text = os.fspath(path)
    if not os.path.isabs(text):
        return None
    try:
        here = os.getcwd()
    except OSError:  # the working folder was removed
        return None
    prefix = here.rstrip(os.sep) + os.sep
    return text[len(prefix) :] if text.startswith(prefix) and len(text) > len(prefix) else None


def shown_path(path: str | os.PathLike[str]) -> str:
    """``path`` relative to the working folder when it lies below it (as ``git status``
    shows paths), else as it is. Files commkit writes have absolute paths (their folder is
    resolved when it is made safe); printed whole, they wrapped a batch's lines."""
    return below_here(path) or os.fspath(path)

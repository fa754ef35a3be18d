"""How a path is shown to a person: as short as it can be while still naming the file."""

from __future__ import annotations

import os


def shown_path(path: str | os.PathLike[str]) -> str:
    """``path`` relative to the working folder when it lies below it (as ``git status``
    shows paths), else as it is. Files commkit writes have absolute paths (their folder is
    resolved when it is made safe); printed whole, they wrapped a batch's lines."""
    text = os.fspath(path)
    if not os.path.isabs(text):
        return text
    try:
        here = os.getcwd()
    except OSError:  # the working folder was removed
        return text
    below = here.rstrip(os.sep) + os.sep
    return text[len(below) :] if text.startswith(below) and len(text) > len(below) else text

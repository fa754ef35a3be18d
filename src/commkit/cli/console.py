"""The rich console commkit prints with: in a terminal, long lines break at spaces and a count
stays with its noun. A module of its own, so that output rich adds nothing to (a plain line on
a pipe, :class:`commkit.cli.output.Lines`) never imports rich."""

import contextlib
from collections.abc import Iterator
from typing import Any

from rich.console import Console

from commkit.cli.line_breaks import unbreakable


@contextlib.contextmanager
def _rich_keeps_counts_whole() -> Iterator[None]:
    """While rich wraps, it finds its break points in :func:`unbreakable` text (the same
    length, so the offsets fit the real text). rich has no no-break mark of its own."""
    import rich.text
    from rich._wrap import divide_line as divide

    def divide_keeping(text: str, width: int, fold: bool = True) -> list[int]:
        return divide(unbreakable(text), width, fold=fold)

    rich.text.divide_line = divide_keeping  # type: ignore[attr-defined]
    try:
        yield
    finally:
        rich.text.divide_line = divide  # type: ignore[attr-defined]


class WordWrapConsole(Console):
    """A console that, in a terminal, breaks long lines at spaces even where a command asked
    for ``soft_wrap`` (one line for tools reading a pipe): the terminal itself would cut a
    word, a number or a file name in two at its edge. A count stays on one line with its
    noun, and no-break spaces do not break."""

    def print(self, *objects: Any, **options: Any) -> None:
        if not self.is_terminal:
            super().print(*objects, **options)
            return
        options["soft_wrap"] = False
        with _rich_keeps_counts_whole():
            super().print(*objects, **options)

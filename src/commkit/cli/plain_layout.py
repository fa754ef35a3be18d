"""Lines and a boxed table laid out as rich lays them out on a pipe, without importing
rich's console (a fifth of a one-file command's start-up).

Off a terminal rich adds no colour: what it prints is plain text, wrapped at spaces to its
width, and tables drawn with box characters. This module makes those same bytes for the
simple cases (every cell on one line, a table no wider than the output); anything else
(:class:`NeedsRich`) goes through rich itself. Cell widths and break points come from rich's
own small modules (``rich.cells``, ``rich._wrap``), so characters count as rich counts them.
"""

from __future__ import annotations

import itertools
import os
import sys
from dataclasses import dataclass, field

from rich._wrap import divide_line
from rich.cells import cell_len


class NeedsRich(Exception):
    """A line or table rich would lay out in a way this module does not copy."""


def _plain(text: str) -> str:
    """``text`` when rich prints it as it is: no control character (rich expands tabs and
    drops the others)."""
    if any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in text):
        raise NeedsRich(text)
    return text


def pipe_width() -> int:
    """The width rich gives a console that is not a terminal: ``COLUMNS``, else the size of
    the first of stdin, stdout and stderr that is a terminal, else 80."""
    if sys.platform == "win32":
        raise NeedsRich("windows")
    columns = os.environ.get("COLUMNS")
    if columns is not None and columns.isdigit():
        if int(columns) < 1:
            raise NeedsRich(columns)
        return int(columns)
    for fd in (0, 1, 2):
        try:
            width = os.get_terminal_size(fd).columns
        except (AttributeError, ValueError, OSError):
            continue
        return width or 80
    return 80


def wrapped(text: str, width: int) -> list[str]:
    """``text`` broken into lines as rich's ``print`` breaks it (spaces stay at the end of a
    line, and are cut only beyond the width)."""
    _plain(text)
    offsets = [0, *divide_line(text, width), len(text)]
    lines = []
    for start, end in itertools.pairwise(offsets):
        line = text[start:end]
        if len(line) > width:
            excess = len(line) - width
            spaces = len(line) - len(line.rstrip())
            line = line[: len(line) - min(spaces, excess)]
        if cell_len(line) > width:
            raise NeedsRich(text)
        lines.append(line)
    return lines


def whole(line: str) -> str:
    """A line rich prints as it is, however long (``soft_wrap``)."""
    return _plain(line)


@dataclass
class Table:
    """A table as rich draws it by default (heavy head, a border round it, one space of
    padding in each cell, title on the left above it)."""

    title: str
    headers: list[str]
    right: list[bool]
    """Which columns are right-justified."""
    rows: list[list[str]] = field(default_factory=list)
    sections: list[int] = field(default_factory=list)
    """Row numbers a line is drawn above (rich's ``add_section``)."""

    def lines(self, width: int) -> list[str]:
        cells = [self.headers, *self.rows]
        widths = [max(cell_len(_plain(row[i])) for row in cells) for i in range(len(self.right))]
        inner = sum(w + 2 for w in widths) + len(widths) - 1
        if not self.title or inner + 2 > width or cell_len(_plain(self.title)) > inner + 2:
            raise NeedsRich(self.title)

        def row(values: list[str], bar: str) -> str:
            parts = [
                " " + (" " * (w - cell_len(v)) + v if right else v + " " * (w - cell_len(v))) + " "
                for v, w, right in zip(values, widths, self.right, strict=True)
            ]
            return bar + bar.join(parts) + bar

        def rule(left: str, line: str, cross: str, end: str) -> str:
            return left + cross.join(line * (w + 2) for w in widths) + end

        title = self.title + " " * (inner + 2 - cell_len(self.title))
        out = [title, rule("┏", "━", "┳", "┓"), row(self.headers, "┃"), rule("┡", "━", "╇", "┩")]
        for n, values in enumerate(self.rows):
            if n in self.sections:
                out.append(rule("├", "─", "┼", "┤"))
            out.append(row(values, "│"))
        out.append(rule("└", "─", "┴", "┘"))
        return out

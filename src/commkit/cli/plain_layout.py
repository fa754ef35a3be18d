"""Lines and a boxed table laid out as rich lays them out, without importing rich's console
(a fifth of a one-file command's start-up).

On a pipe rich adds no colour: what it prints is plain text, wrapped at spaces to its width,
and tables drawn with box characters. In a terminal it adds styles (each run of styled text
between ``ESC[...m`` and ``ESC[0m``), and :class:`commkit.cli.console.WordWrapConsole` wraps
every line there, keeping a count with its noun. This module makes those same bytes for the
simple cases (every cell on one line, a table no wider than the output, the styles commkit
uses); anything else (:class:`NeedsRich`) goes through rich itself. Cell widths and break
points come from rich's own small modules (``rich.cells``, ``rich._wrap``), so characters
count as rich counts them.
"""

from __future__ import annotations

import builtins
import itertools
import os
import sys
from typing import Any

from rich._wrap import divide_line
from rich.cells import cell_len

from commkit.cli.line_breaks import unbreakable


class NeedsRich(Exception):
    """A line or table rich would lay out in a way this module does not copy."""


Part = str | tuple[str, str]
"""A piece of a line: text, or ``(text, style)`` (as rich's ``Text.assemble`` takes them)."""


def _plain(text: str, newlines: bool = False) -> str:
    """``text`` when rich prints it as it is: no control character (rich expands tabs and
    drops the others); line breaks where ``newlines`` allows them."""
    if any((ord(c) < 32 or 0x7F <= ord(c) < 0xA0) and not (newlines and c == "\n") for c in text):
        raise NeedsRich(text)
    return text


class Screen:
    """Where the lines go, as rich's console sees it. (A plain class: a dataclass costs a
    one-file command a millisecond or two to create.)"""

    __slots__ = ("colour", "no_color", "terminal", "width")

    def __init__(
        self, width: int, terminal: bool = False, colour: bool = False, no_color: bool = False
    ) -> None:
        self.width = width
        self.terminal = terminal
        """rich takes the stream for a terminal: every line is wrapped (``soft_wrap`` too)
        and a count stays with its noun (:class:`commkit.cli.console.WordWrapConsole`)."""
        self.colour = colour
        """Styles are written (rich found a colour system: a terminal, not a dumb one)."""
        self.no_color = no_color
        """``NO_COLOR``: colours dropped, bold and italics kept (as rich does)."""

    @property
    def is_terminal(self) -> bool:  # as a console, for commkit.cli.output.wrap_lines
        return self.terminal

    def __repr__(self) -> str:
        return (
            f"Screen({self.width}, terminal={self.terminal}, colour={self.colour},"
            f" no_color={self.no_color})"
        )


def _columns(terminal: bool) -> int:
    """The console's width by rich's rules (``Console.size``): in a dumb terminal 80 unless
    both ``COLUMNS`` and ``LINES`` are set; else ``COLUMNS``, else the size of the first of
    stdin, stdout and stderr that is a terminal, else 80."""
    env = os.environ
    columns = env.get("COLUMNS", "")
    given = columns.isdigit()
    dumb = terminal and env.get("TERM", "").lower() in ("dumb", "unknown")
    if dumb and not (given and env.get("LINES", "").isdigit()):
        return 80
    if given:
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


def screen_of(stream: Any, terminal: bool) -> Screen:
    """How rich's console would print to ``stream`` (``terminal``: rich takes it for one, by
    :func:`commkit.cli.output.seen_as_terminal`). Raises :class:`NeedsRich` where rich's
    rules are not copied: Windows, Jupyter or IDLE, an encoding other than UTF-8 (rich draws
    ASCII boxes there)."""
    if sys.platform == "win32" or hasattr(builtins, "get_ipython") or "idlelib" in sys.modules:
        raise NeedsRich("console")
    encoding = (getattr(stream, "encoding", "utf-8") or "utf-8").lower()
    if not encoding.startswith("utf"):
        raise NeedsRich(encoding)
    dumb = os.environ.get("TERM", "").lower() in ("dumb", "unknown")
    return Screen(
        width=_columns(terminal),
        terminal=terminal,
        colour=terminal and not dumb,
        no_color=os.environ.get("NO_COLOR", "") != "",
    )


_ATTRIBUTES = {"bold": "1", "dim": "2", "italic": "3", "underline": "4"}
_STANDARD = ("black", "red", "green", "yellow", "blue", "magenta", "cyan", "white")
_COLOURS = {
    **{name: str(30 + n) for n, name in enumerate(_STANDARD)},
    **{f"bright_{name}": str(90 + n) for n, name in enumerate(_STANDARD)},
}


def style_codes(style: str, no_color: bool = False) -> str:
    """The SGR codes rich writes for ``style``: attributes in rich's order, then the colour
    (a standard colour is written alike by every colour system)."""
    words = style.split()
    if any(w not in _ATTRIBUTES and w not in _COLOURS for w in words):
        raise NeedsRich(style)
    codes = [code for name, code in _ATTRIBUTES.items() if name in words]
    colours = [_COLOURS[w] for w in words if w in _COLOURS]
    if colours and not no_color:
        codes.append(colours[-1])
    return ";".join(codes)


def paint(text: str, style: str, screen: Screen) -> str:
    """``text`` as rich writes one segment of it in ``style``."""
    if not (screen.colour and style and text):
        return text
    codes = style_codes(style, screen.no_color)
    return f"\x1b[{codes}m{text}\x1b[0m" if codes else text


def styled(parts: list[Part], screen: Screen, soft_wrap: bool = False) -> list[str]:
    """``parts`` as rich's ``print`` writes them: each of their lines broken where
    :func:`_breaks` says, each part painted in its style on each line."""
    return [painted(line, screen) for line in pieces_of(parts, screen, soft_wrap=soft_wrap)]


Pieces = list[tuple[str, str]]


def pieces_of(
    parts: list[Part], screen: Screen, width: int | None = None, soft_wrap: bool = False
) -> list[Pieces]:
    """The lines rich makes of ``parts`` at ``width`` (the screen's by default), each as its
    ``(text, style)`` pieces, not yet painted."""
    pieces = [(p, "") if isinstance(p, str) else p for p in parts]
    text = _plain("".join(t for t, _ in pieces), newlines=True)
    for _, style in pieces:
        style_codes(style)  # an unknown style goes to rich, on a pipe too
    spans = []
    at = 0
    for line in text.split("\n"):  # rich's lines, each wrapped on its own
        found = _breaks(line, screen, soft_wrap, screen.width if width is None else width)
        spans += [(at + start, at + end) for start, end in found]
        at += len(line) + 1
    lines = []
    for start, end in spans:
        out = []
        at = 0
        for piece, style in pieces:
            low, high = max(start, at), min(end, at + len(piece))
            if high > low:
                out.append((text[low:high], style))
            at += len(piece)
        lines.append(out)
    return lines


def painted(pieces: Pieces, screen: Screen) -> str:
    return "".join(paint(text, style, screen) for text, style in pieces)


def pieces_len(pieces: Pieces) -> int:
    return sum(cell_len(text) for text, _ in pieces)


def _breaks(text: str, screen: Screen, soft_wrap: bool, width: int) -> list[tuple[int, int]]:
    """Where rich's ``print`` breaks one line of ``text``: at spaces to the width (not where
    ``soft_wrap`` asks for one line off a terminal), spaces kept at the end of a line and cut
    only beyond the width."""
    if soft_wrap and not screen.terminal:
        return [(0, len(text))]
    offsets = [0, *divide_line(unbreakable(text) if screen.terminal else text, width)]
    spans = []
    for start, end in itertools.pairwise([*offsets, len(text)]):
        line = text[start:end]
        if len(line) > width:
            end -= min(len(line) - len(line.rstrip()), len(line) - width)
        if cell_len(text[start:end]) > width:
            raise NeedsRich(text)
        spans.append((start, end))
    return spans


def wrapped(text: str, width: int) -> list[str]:
    """``text`` broken into lines as rich's ``print`` breaks it on a pipe."""
    return styled([text], Screen(width))


def whole(line: str) -> str:
    """A line rich prints as it is on a pipe, however long (``soft_wrap``)."""
    return _plain(line)


class Table:
    """A table as rich draws it by default (heavy head, a border round it, one space of
    padding in each cell, title on the left above it in italics, the head in bold)."""

    def __init__(self, title: str, headers: list[str], right: list[bool]) -> None:
        self.title = title
        self.headers = headers
        self.right = right
        """Which columns are right-justified."""
        self.rows: list[list[Part]] = []
        """Cells: text, or ``(text, style)`` (a rich ``Text`` in that style)."""
        self.sections: list[int] = []
        """Row numbers a line is drawn above (rich's ``add_section``)."""

    def lines(self, where: int | Screen) -> list[str]:
        screen = where if isinstance(where, Screen) else Screen(where)
        head = [(h, "") for h in self.headers]
        rows = [[(c, "") if isinstance(c, str) else c for c in row] for row in self.rows]
        widths = [
            max(cell_len(_plain(row[i][0])) for row in (head, *rows))
            for i in range(len(self.right))
        ]
        inner = sum(w + 2 for w in widths) + len(widths) - 1
        if not self.title or inner + 2 > screen.width or cell_len(_plain(self.title)) > inner + 2:
            raise NeedsRich(self.title)

        def row(values: list[tuple[str, str]], bar: str, style: str = "") -> str:
            pad = paint(" ", style, screen)
            parts = []
            for (value, own), w, right in zip(values, widths, self.right, strict=True):
                fill = " " * (w - cell_len(value))
                shown = fill + value if right else value + fill
                parts.append(pad + paint(shown, f"{style} {own}".strip(), screen) + pad)
            return bar + bar.join(parts) + bar

        def rule(left: str, line: str, cross: str, end: str) -> str:
            return left + cross.join(line * (w + 2) for w in widths) + end

        title = self.title + " " * (inner + 2 - cell_len(self.title))
        out = [
            paint(title, "italic", screen),
            rule("┏", "━", "┳", "┓"),
            row(head, "┃", "bold"),
            rule("┡", "━", "╇", "┩"),
        ]
        for n, values in enumerate(rows):
            if n in self.sections:
                out.append(rule("├", "─", "┼", "┤"))
            out.append(row(values, "│"))
        out.append(rule("└", "─", "┴", "┘"))
        return out

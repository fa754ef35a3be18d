"""``seminars show``'s screen as rich draws it (a panel, bulleted grids, the agenda's table),
written without importing rich's console: rich's own modules are most of what the command
costs beyond ``--version``. Same bytes as rich, on a pipe and in a terminal
(:mod:`commkit.cli.plain_layout`); anything this does not copy raises
:class:`~commkit.cli.plain_layout.NeedsRich` and goes through rich."""

from __future__ import annotations

from math import ceil
from typing import Any

from rich.cells import cell_len

from commkit.cli.plain_layout import (
    NeedsRich,
    Part,
    Pieces,
    Screen,
    paint,
    painted,
    pieces_len,
    pieces_of,
)


def seminar_lines(view: dict[str, Any], screen: Screen) -> list[str]:
    """The lines rich prints for ``view`` (:func:`commkit.api.seminar_view`) on ``screen``."""
    lab = view["L"]
    markup = [view["id"], lab["week"], lab["minutes"], lab["time"], lab["block"]]
    markup += [lab["what_happens"], lab["agenda"]]
    if any("[" in text for text in markup):  # rich reads these as markup: not copied here
        raise NeedsRich("markup")
    out = _panel(view, lab, screen)
    _bullets(out, lab["goals"], view["goals"], screen)
    out.append("")
    out += _agenda(view, lab, screen)
    exercises = []
    for ex in view["exercises"]:
        minutes = f" ({ex['minutes']} {lab['minutes']})" if ex["minutes"] else ""
        exercises.append(f"{ex['title']}{minutes}: {' '.join(ex['instructions'].split())}")
    _bullets(out, lab["exercises"], exercises, screen, numbered=True)
    _bullets(out, lab["homework"], view["homework"], screen)
    _bullets(out, lab["dimensions_lifted"], [d["title"] for d in view["dimensions"]], screen)
    chapters = [f"{c['label']}. {c['title']}" for c in view["chapters"]]
    _bullets(out, lab["chapters"], chapters, screen)
    return out


def _panel(view: dict[str, Any], lab: dict[str, str], screen: Screen) -> list[str]:
    """rich's ``Panel`` (rounded box in cyan, the id in its top line, one space of padding)."""
    width = screen.width
    inner = width - 4
    title = f" {view['id']} "
    if inner < 1 or cell_len(title) > inner:
        raise NeedsRich(title)
    head: list[Part] = [
        (view["title"], "bold"),
        f"\n{view['kicker']} · {lab['week']} {view['week']} · {view['format_label']}"
        f" · {view['duration']} {lab['minutes']}\n",
        (f"{lab['audience']}:", "dim"),
        f" {view['audience']}",
    ]

    def cyan(text: str) -> str:
        return paint(text, "cyan", screen)

    excess = inner - cell_len(title)
    top = cyan("╭─") + cyan(title) + (cyan("─" * excess) if excess else "") + cyan("─╮")
    out = [top]
    for line in pieces_of(head, screen, inner):
        fill = " " * (inner - pieces_len(line))
        out.append(cyan("│") + " " + painted(line, screen) + fill + " " + cyan("│"))
    out.append(cyan("╰" + "─" * (width - 2) + "╯"))
    return out


def _bullets(
    out: list[str], title: str, items: list[str], screen: Screen, numbered: bool = False
) -> None:
    """A bold heading after a blank line, then rich's grid: a mark right-justified in its
    column, one space, the item wrapped in what is left (rich's collapse of the one column
    that may wrap)."""
    if not items:
        return
    out += [painted(line, screen) for line in pieces_of(["\n", (title, "bold")], screen)]
    marks = [f"  {i}." if numbered else "  •" for i in range(1, len(items) + 1)]
    first = max(cell_len(m) for m in marks) + 1
    longest = max(cell_len(_cell(item)) for item in items)
    rest = min(longest, screen.width - first)
    if rest < 1 or any(cell_len(word) > rest for item in items for word in item.split()):
        raise NeedsRich(title)
    for mark, item in zip(marks, items, strict=True):
        lines = pieces_of([item], screen, rest)
        for n, line in enumerate(lines):
            left = " " * (first - 1 - cell_len(mark)) + mark + " " if n == 0 else " " * first
            out.append(left + painted(line, screen) + " " * (rest - pieces_len(line)))


def _cell(text: str) -> str:
    """A cell's text: rich drops nothing from it, but a line break would make two lines."""
    if "\n" in text:
        raise NeedsRich(text)
    return text


def _distribute(total: int, ratios: list[int], minimums: list[int]) -> list[int]:
    """rich's ``ratio_distribute``: ``total`` shared by ``ratios``, none under its minimum."""
    left_ratio, left, shares = sum(ratios), total, []
    for ratio, minimum in zip(ratios, minimums, strict=True):
        share = max(minimum, ceil(ratio * left / left_ratio)) if left_ratio > 0 else left
        shares.append(share)
        left_ratio -= ratio
        left -= share
    return shares


def _agenda(view: dict[str, Any], lab: dict[str, str], screen: Screen) -> list[str]:
    """The agenda as rich draws an expanding table: time and minutes as wide as their
    widest cell, block and description sharing the rest 2:3; cells wrapped, rows as tall as
    their tallest cell; a total row under a line."""
    headers = [lab["time"], lab["minutes"], lab["block"], lab["what_happens"]]
    right = [False, True, False, False]
    rows: list[list[list[Part]]] = [
        [
            [f"{b['start']}–{b['end']}"],
            [str(b["minutes"])],
            [f"{b['n']}. {b['title']}"],
            [" ".join(b["description"].split())],
        ]
        for b in view["agenda"]
    ]
    total: list[list[Part]] = [
        [""],
        [(str(view["total_minutes"]), "bold")],
        [(lab["total"], "bold")],
        [""],
    ]
    head_cells: list[list[Part]] = [[h] for h in headers]
    cells = [head_cells, *rows, total]
    texts = [["".join(p if isinstance(p, str) else p[0] for p in c) for c in row] for row in cells]
    measured = [max(cell_len(_cell(row[i])) for row in texts) + 2 for i in range(4)]
    room = screen.width - 5
    fixed = measured[0] + measured[1]
    widths = [measured[0], measured[1], *_distribute(room - fixed, [2, 3], [3, 3])]
    if sum(widths) != room:
        raise NeedsRich("agenda")
    for row_texts in texts:  # a word wider than its column: rich cuts it with an ellipsis
        pairs = zip(row_texts, widths, strict=True)
        if any(cell_len(word) > w - 2 for t, w in pairs for word in t.split()):
            raise NeedsRich("agenda")

    def wrapped(values: list[list[Part]]) -> list[list[Pieces]]:
        return [pieces_of(c, screen, w - 2) for c, w in zip(values, widths, strict=True)]

    head = wrapped(head_cells)
    if any(len(lines) != 1 for lines in head):
        raise NeedsRich("a header on two lines")

    def row(lines_of: list[list[Pieces]], bar: str, style: str) -> list[str]:
        height = max(len(lines) for lines in lines_of)
        pad = paint(" ", style, screen)
        out = []
        for n in range(height):
            parts = []
            for lines, w, justify_right in zip(lines_of, widths, right, strict=True):
                line = lines[n] if n < len(lines) else [(" " * (w - 2), "")]
                fill = " " * (w - 2 - pieces_len(line))
                shown = [(fill, ""), *line] if justify_right else [*line, (fill, "")]
                runs: Pieces = []  # rich's segments: unstyled text and its padding are one
                for t, s in shown:
                    if runs and not s and not runs[-1][1]:
                        runs[-1] = (runs[-1][0] + t, "")
                    elif t:
                        runs.append((t, s))
                text = "".join(paint(t, f"{style} {s}".strip(), screen) for t, s in runs)
                parts.append(pad + text + pad)
            out.append(bar + bar.join(parts) + bar)
        return out

    def rule(left: str, line: str, cross: str, end: str) -> str:
        return left + cross.join(line * w for w in widths) + end

    title = lab["agenda"]
    if cell_len(_cell(title)) > screen.width:
        raise NeedsRich(title)
    out = [paint(title + " " * (screen.width - cell_len(title)), "italic", screen)]
    out.append(rule("┏", "━", "┳", "┓"))
    out += row(head, "┃", "bold")
    out.append(rule("┡", "━", "╇", "┩"))
    for values in rows:
        out += row(wrapped(values), "│", "")
    out.append(rule("├", "─", "┼", "┤"))
    out += row(wrapped(total), "│", "")
    out.append(rule("└", "─", "┴", "┘"))
    return out

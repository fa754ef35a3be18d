"""Where a printed line must not break: shared by rich's wrapping in a terminal
(:mod:`commkit.cli.console`) and the plain wrapping of :func:`commkit.cli.output.wrap_lines`."""

import re

KEEP_TOGETHER = re.compile(r"(?<=\d) (?=[^\W\d_])|(?<=→) | (?=×)|(?<=×) ")
"""Spaces that are never a break: between a count and its noun («1 предупреждение», "25
files"), and inside a figure's working ("→ 0,400 × вес 1")."""
_NO_BREAK_SPACES = re.compile("[\u00a0\u2007\u202f]")


def unbreakable(text: str) -> str:
    """``text`` with each place a line must not break turned into a letter of the same width:
    rich breaks lines at every Unicode space, no-break spaces included."""
    return _NO_BREAK_SPACES.sub("x", KEEP_TOGETHER.sub("x", text))

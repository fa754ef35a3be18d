"""Escaping user text for Markdown and HTML, so a name with '|' or '#' cannot break a report."""

from __future__ import annotations

import html
import re

_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~])")


def md_inline(text: object) -> str:
    """Escape text placed inside a Markdown paragraph, heading or list item."""
    value = " ".join(str(text).split())  # newlines would start new blocks
    value = _MD_INLINE.sub(r"\\\1", value)
    if value[:1] in {"#", "+", "-", "=", ">"} or re.match(r"^\d+[.)]", value):
        value = "\\" + value
    return value


def md_cell(text: object) -> str:
    """Escape text placed inside a GFM table cell (pipes and newlines above all)."""
    return md_inline(text) or " "


def html_text(text: object) -> str:
    return html.escape(str(text), quote=True)

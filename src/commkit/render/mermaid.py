"""Text and ids safe inside a Mermaid chart, whatever a community or action is called.

Mermaid reads ``#<code>;`` as a character code in every chart kind (gantt titles, sections and
tasks, flowchart node and edge labels), while HTML entities (``&amp;``) show literally in a
gantt title and a stray ``#1;`` in a name turns into a control character that blanks a node.
So every character that means something to Mermaid, to HTML or to the Markdown fence around
the chart is written as its character code, and nothing else is touched, so the chart's source
stays readable.
"""

from __future__ import annotations

import re

# ':' ends a gantt task title, ';' a statement, '#' starts a code, '|' and '"' close labels,
# '<' '>' '&' are HTML in labels, '`' could close the Markdown fence, '%' starts a comment,
# brackets and braces open node shapes, '\\' escapes.
_SPECIAL = set(':;#|"<>&`%[]{}\\')
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_ID = re.compile(r"[^A-Za-z0-9_-]")


def mermaid_text(text: object, empty: str = "-") -> str:
    """One line of text for a Mermaid title, section, task or label, shown as written."""
    flat = " ".join(_CONTROL.sub(" ", str(text)).split())
    return "".join(f"#{ord(ch)};" if ch in _SPECIAL else ch for ch in flat) or empty


def mermaid_id(value: str) -> str:
    """An id Mermaid accepts (task ids, node ids): letters, digits, '_' and '-' only."""
    return _ID.sub("_", value) or "_"


def short_label(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.-–—(") + "…"

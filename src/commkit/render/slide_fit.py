"""Type size for a Marp slide by how much text it carries, so no slide runs past its bottom.

Marp's default theme sets 29 px type on a 1280x720 slide: about 850 "weight" units fit (see
:func:`slide_weight`), measured on the seminar decks rendered by marp-cli in Chromium. Denser
slides get a class with smaller type (defined in :data:`SLIDE_STYLE`, the deck's front matter).
The render tier measures every deck, so a change here that lets a slide overflow fails there.
"""

from __future__ import annotations

from collections.abc import Iterable

# A heading, a bullet or a paragraph costs a line even when short.
LINE_COST = 50
HEADING_COST = 60
# (largest weight, class): the first that holds the slide wins; beyond the last, "denser".
CLASSES = ((700, ""), (1100, "dense"))
LAST_CLASS = "denser"

SLIDE_STYLE = "section.dense { font-size: 24px; }\nsection.denser { font-size: 20px; }"


def slide_weight(items: Iterable[object]) -> int:
    """How much room a slide's heading plus its items (paragraphs, bullets) take."""
    return HEADING_COST + sum(len(" ".join(str(item).split())) + LINE_COST for item in items)


def slide_class(items: Iterable[object]) -> str:
    """``""``, ``"dense"`` or ``"denser"`` for a slide carrying ``items``."""
    weight = slide_weight(items)
    for limit, name in CLASSES:
        if weight <= limit:
            return name
    return LAST_CLASS


def class_directive(items: Iterable[object]) -> str:
    """A Marp ``_class`` comment for a dense slide, or nothing for a light one."""
    name = slide_class(items)
    return f"<!-- _class: {name} -->" if name else ""

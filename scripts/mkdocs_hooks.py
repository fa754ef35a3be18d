"""MkDocs hooks: the API docstrings use Sphinx roles (``:class:`x```) that mkdocstrings shows
as written; on the site they become plain code, as in the terminal's ``help()``."""

from __future__ import annotations

import re
from typing import Any

ROLE = re.compile(r":(?:class|mod|func|meth|attr|exc|data|obj):\s*(<code>)~?")
LITERAL = re.compile(r"::(</p>)")


def on_page_content(html: str, **_: Any) -> str:
    return LITERAL.sub(r":\1", ROLE.sub(r"\1", html))

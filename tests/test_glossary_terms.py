"""The content pack's Russian uses the glossary's term where its English uses the term."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
GLOSSARY = ROOT / "docs" / "glossary.md"


def glossary_russian(english: str) -> str:
    """The Russian column of the glossary row whose English cell starts with ``english``."""
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and cells[0].startswith(english):
            return cells[1]
    raise AssertionError(f"docs/glossary.md has no row for {english!r}")


def pairs(node: Any) -> Iterator[tuple[str, str]]:
    """Every English text of the YAML with its Russian."""
    if isinstance(node, dict):
        if isinstance(node.get("en"), str) and isinstance(node.get("ru"), str):
            yield node["en"], node["ru"]
        for value in node.values():
            yield from pairs(value)
    elif isinstance(node, list):
        for value in node:
            yield from pairs(value)


def content_pairs() -> Iterator[tuple[Path, str, str]]:
    for path in sorted((ROOT / "methodology").rglob("*.yaml")):
        for en, ru in pairs(yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER)):
            yield path, en, ru


def test_the_government_support_emphases_are_one_term_in_russian() -> None:
    term = glossary_russian("emphasis")
    assert term == "направление господдержки"
    found = [(p.name, ru) for p, en, ru in content_pairs() if re.search(r"\bemphases\b", en)]
    assert len(found) >= 5, found
    for name, ru in found:
        # «направление», «направлений», «направления»: the short form the glossary gives
        assert re.search(r"направлени[еяйи]", ru), (name, ru)
        assert "акцент" not in ru.lower(), (name, ru)

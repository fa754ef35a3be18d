"""Picking a text's language: what the engine, the reports and the scheduler need of a
localised text at run time, without pydantic (the models' home, :mod:`commkit.model.common`,
re-exports it)."""

from __future__ import annotations

from collections.abc import Mapping

DEFAULT_LANG = "en"


def tr(text: str | Mapping[str, str] | None, lang: str = DEFAULT_LANG) -> str:
    """Pick the text for ``lang``; fall back to English, then to any language present."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    if lang in text:
        return text[lang]
    base = lang.split("-")[0]
    if base in text:
        return text[base]
    if DEFAULT_LANG in text:
        return text[DEFAULT_LANG]
    return next(iter(text.values()))

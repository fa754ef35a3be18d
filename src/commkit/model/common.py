"""Building blocks shared by every YAML kind: strict models, ids, localised text."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema

DEFAULT_LANG = "en"
LANG_RE = re.compile(r"^[a-z]{2}(-[A-Z]{2})?$")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")


class StrictModel(BaseModel):
    """Unknown keys are errors: a typo in a content file must not pass silently."""

    model_config = ConfigDict(extra="forbid", validate_default=True, defer_build=True)


def _check_id(value: str) -> str:
    if not ID_RE.match(value):
        raise ValueError(
            f"{value!r} is not a valid id: use lower-case latin letters, digits, '-', '_' "
            "or '.', starting with a letter or digit, at most 64 characters"
        )
    return value


Id = Annotated[str, AfterValidator(_check_id)]
"""A permanent identifier. Ids are never renumbered: old answer files keep their meaning."""


def _check_text_map(value: Any) -> Any:
    if isinstance(value, dict):
        if not value:
            raise ValueError("a localised text needs at least one language")
        for key, text in value.items():
            if not isinstance(key, str) or not LANG_RE.match(key):
                raise ValueError(f"{key!r} is not a language code such as 'en' or 'ru'")
            if not isinstance(text, str):
                raise ValueError(f"the {key!r} text must be a string")
    return value


Text = Annotated[str | dict[str, str], BeforeValidator(_check_text_map)]
"""Human-readable text: a plain string, or a map of language code to string."""


def _version_to_str(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return str(value)
    return value


Version = Annotated[
    str,
    BeforeValidator(_version_to_str),
    Field(min_length=1, max_length=40),
    WithJsonSchema({"type": ["string", "integer", "number"], "title": "Version"}),
]

NonNegative = Annotated[float, Field(ge=0)]
Count = Annotated[int, Field(ge=0, le=10_000_000)]


def tr(text: Text | None, lang: str = DEFAULT_LANG) -> str:
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


def languages_of(text: Text | None) -> set[str] | None:
    """The languages a text is written in; ``None`` for a plain (language-neutral) string."""
    if text is None or isinstance(text, str):
        return None
    return set(text)


PARTIAL_DATE_RE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def _partial_date(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int) and 1000 <= value <= 9999:
        return str(value)
    if isinstance(value, str) and not PARTIAL_DATE_RE.match(value):
        raise ValueError(f"{value!r} is not a date such as 2020, 2020-08 or 2020-08-15")
    return value


PartialDate = Annotated[
    str,
    BeforeValidator(_partial_date),
    WithJsonSchema(
        {
            "type": ["string", "integer"],
            "pattern": PARTIAL_DATE_RE.pattern,
            "description": "YYYY, YYYY-MM or YYYY-MM-DD",
        }
    ),
]
"""A year, a year and month, or a full date: the article often gives only 'summer 2020'."""


class Header(StrictModel):
    """Every file starts with ``kind:`` and ``version:``; subclasses pin ``kind``."""

    version: Version

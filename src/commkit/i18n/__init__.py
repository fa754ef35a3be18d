"""The one message catalog of commkit: every fixed text in English and Russian.

One lookup rule: a language commkit does not speak (or a regional tag such as ``ru-RU``
reduced to ``ru``) falls back to English; a key is always present in both languages (a test
checks it), so a missing key is a programming error (``KeyError``), never a silent fallback.

The texts are data: ``en.json`` and ``ru.json`` beside this module. Keys are ``section.name``
(``wizard.welcome``, ``report.title``). Plural texts are mappings of plural categories:
English ``one``/``other``, Russian ``one``/``few``/``many``; pick one with :func:`plural`.
Numbers are written per language with :func:`number` (Russian: decimal comma, thin-space
thousands).

Which language to use is decided once, by :func:`resolve_lang`: ``--lang`` > ``COMMKIT_LANG``
> the language stored in the input > English.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cache
from pathlib import Path

LANGS = ("en", "ru")
DEFAULT = "en"
ENV = "COMMKIT_LANG"
THIN_SPACE = "\u202f"
"""Between groups of thousands in Russian: a narrow no-break space (never breaks a number)."""


def norm(lang: str | None) -> str:
    """``lang`` reduced to a language commkit speaks (``ru-RU`` -> ``ru``; unknown -> ``en``)."""
    code = (lang or "").strip().lower().replace("_", "-").split("-")[0]
    return code if code in LANGS else DEFAULT


def resolve_lang(given: str | None = None, stored: str | None = None) -> str:
    """The language of a run: ``given`` (``--lang``) > ``COMMKIT_LANG`` > ``stored`` > ``en``."""
    for candidate in (given, os.environ.get(ENV), stored):
        if candidate and candidate.strip():
            return norm(candidate)
    return DEFAULT


@cache
def catalog(lang: str) -> Mapping[str, str | dict[str, str]]:
    """Every text of ``lang`` (``en`` or ``ru``) by key: the data file ``<lang>.json`` beside
    this module, one text per line, read once per process."""
    import json

    path = Path(__file__).with_name(f"{lang}.json")
    texts: dict[str, str | dict[str, str]] = json.loads(path.read_text(encoding="utf-8"))
    return texts


def _raw(key: str, lang: str | None) -> str | dict[str, str]:
    return catalog(norm(lang))[key]


def text(key: str, lang: str | None, **values: object) -> str:
    """The text of ``key`` in ``lang``, with ``{placeholders}`` filled from ``values``."""
    raw = _raw(key, lang)
    if not isinstance(raw, str):
        raise TypeError(f"{key} has plural forms: use plural()")
    return raw.format(**values) if values else raw


def plural_category(n: int | float, lang: str | None) -> str:
    """The CLDR plural category of ``n``: ``one``/``other`` (en), ``one``/``few``/``many`` (ru).

    Fractions take ``other`` (en) and ``few``... in Russian the genitive singular, which is
    written with the ``few`` form (``2,5 балла``).
    """
    code = norm(lang)
    whole = float(n).is_integer()
    if code == "ru":
        if not whole:
            return "few"
        k = abs(int(n))
        if k % 10 == 1 and k % 100 != 11:
            return "one"
        if 2 <= k % 10 <= 4 and not 12 <= k % 100 <= 14:
            return "few"
        return "many"
    return "one" if whole and abs(int(n)) == 1 else "other"


def plural(key: str, n: int | float, lang: str | None, **values: object) -> str:
    """The form of ``key`` for the count ``n``; ``{n}`` in it is the number as written in
    ``lang`` (see :func:`number`)."""
    raw = _raw(key, lang)
    if isinstance(raw, str):
        raise TypeError(f"{key} has no plural forms: use text()")
    form = raw[plural_category(n, lang)]
    return form.format(n=number(n, lang), **values)


def number(value: float | int | None, lang: str | None, digits: int | None = None) -> str:
    """``value`` as a reader of ``lang`` writes it: ``1,234.5`` -> ``1 234,5`` in Russian.

    ``digits``: decimals to show (default: none for whole numbers, one otherwise). Russian
    groups thousands from 10 000 up (``2026``, ``12 500``); ``None`` is a dash.
    """
    if value is None:
        return "—"
    if digits is None:
        digits = 0 if float(value).is_integer() else 1
    raw = f"{value:,.{digits}f}"
    if norm(lang) == "ru":
        whole, _, frac = raw.partition(".")
        if len(whole.replace(",", "").lstrip("-")) <= 4:
            whole = whole.replace(",", "")
        whole = whole.replace(",", THIN_SPACE)
        return whole + ("," + frac if frac else "")
    return raw


def score(value: float | None, lang: str | None) -> str:
    """A 0-100 score, always with one decimal: ``62.5`` / ``62,5``; ``None`` is a dash."""
    return number(value, lang, 1)


def section(name: str, lang: str | None) -> dict[str, str]:
    """Every plain text of section ``name`` in ``lang``, keyed by its short name (for the
    templates and the wizard, which use many labels of one section)."""
    return dict(_section(name, norm(lang)))


@cache
def _section(name: str, lang: str) -> dict[str, str]:
    """:func:`section`, picked out of the whole catalog once per section and language (a
    report asks for its labels once per answer)."""
    prefix = name + "."
    return {
        key[len(prefix) :]: value
        for key, value in catalog(lang).items()
        if key.startswith(prefix) and isinstance(value, str)
    }


def quote(value: str, lang: str | None) -> str:
    """A title in the quotes of ``lang``: «…» or “…”."""
    return f"«{value}»" if norm(lang) == "ru" else f"“{value}”"


def join(items: list[str], lang: str | None) -> str:
    """``a, b and c`` / ``a, b и c``."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + text("common.and", lang) + items[-1]


def month_name(month: int, lang: str | None) -> str:
    """``January`` / ``Январь`` (a month on its own, e.g. a heading)."""
    return text(f"date.month_{month}", lang)


def counted(n: int | float, unit: str | Mapping[str, str] | None, lang: str | None) -> str:
    """``3 leaders`` / ``3 лидера``: a count with its unit in the plural form the number
    takes, when the catalog knows the unit (``unit.*``, keyed by its English word); other
    units as the content writes them (``40 % участников``)."""
    if unit is None:
        return number(n, lang)
    english = unit if isinstance(unit, str) else unit.get("en", "")
    key = "unit." + english.strip().replace(" ", "_")
    if key in catalog(norm(lang)):
        return plural(key, n, lang)
    local = unit if isinstance(unit, str) else unit.get(norm(lang)) or english
    return f"{number(n, lang)} {local}".strip()


def both(key: str) -> dict[str, str]:
    """The text of ``key`` in every language, as content carries it (``{en: ..., ru: ...}``):
    for names the core hands to renderers that pick the language later."""
    return {lang: text(key, lang) for lang in LANGS}

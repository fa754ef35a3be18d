"""Errors and warnings in the language of the run.

commkit's checks (the loader, the models' validators, pydantic, the cross-file checks, the
API) say what is wrong in English, the language of the code and of ``--json``. Each such
sentence is a ``msg.*`` text of the catalog: the English text is the pattern the check
writes, the Russian one is what a Russian run shows instead. :func:`localize` finds the
pattern a message was written from and writes it again in the run's language, placeholder
values included (a value that is itself a message, such as the reason after "question X:",
is translated too; ids, numbers and file names stay as they are).

A message no pattern matches is shown as written (and the Russian corpus test fails on it).
"""

from __future__ import annotations

import re
import string
from functools import cache

from commkit.i18n import catalog, norm, number, plural_category

PREFIX = "msg."

_UI_LANG: list[str | None] = [None]


def set_ui_lang(lang: str | None) -> None:
    """The language the command line shows messages in (``None``: English)."""
    _UI_LANG[0] = lang


def ui_lang() -> str:
    """The language of messages: the one the command line set, else English."""
    return norm(_UI_LANG[0])


Pattern = tuple[re.Pattern[str], str, list[str]]


def _regex(template: str) -> tuple[str, list[str]]:
    out, names = "", []
    for literal, name, _, _ in string.Formatter().parse(template):
        out += re.escape(literal)
        if name is None:
            continue
        if name in names:
            out += f"(?P={name})"
        else:
            names.append(name)
            out += f"(?P<{name}>.+?)"
    return out, names


@cache
def _patterns() -> list[Pattern]:
    """Every English message text as a regular expression, the most specific first."""
    found: list[tuple[int, Pattern]] = []
    for key, value in catalog("en").items():
        if not key.startswith(PREFIX):
            continue
        for template in [value] if isinstance(value, str) else list(value.values()):
            body, names = _regex(template)
            literal = len(re.sub(r"\{[^}]*\}", "", template))
            found.append((literal, (re.compile(f"^{body}$", re.S), key, names)))
    found.sort(key=lambda item: -item[0])
    return [p for _, p in found]


_JOINERS = {"msg.or", "msg.got_kind"}
"""Texts that only join other messages: used when every part they join is translated."""


def localize(message: str, lang: str | None = None) -> str:
    """``message`` (an English error or warning of commkit) in ``lang`` (default: the UI's)."""
    code = norm(lang) if lang is not None else ui_lang()
    if code == "en" or not message:
        return message
    return _translate(message, code)


def _translate(message: str, lang: str) -> str:
    for regex, key, names in _patterns():
        match = regex.match(message)
        if match is None:
            continue
        values = {name: _value(match.group(name), lang) for name in names}
        if key in _JOINERS and any(
            " " in match.group(name) and values[name] == match.group(name) for name in names
        ):
            continue  # "a or b" only joins messages commkit knows
        target = catalog(lang)[key]
        if isinstance(target, str):
            return target.format(**values)
        count = _count(match.group("n")) if "n" in names else 0
        return target[plural_category(count, lang)].format(**values)
    return message


def _value(value: str, lang: str) -> str:
    """A placeholder's value: a nested message translated, a list of them item by item, a
    number with thousands written as ``lang`` writes them (``250,000`` -> ``250 000``)."""
    if re.fullmatch(r"\d{1,3}(,\d{3})+", value):
        return number(int(value.replace(",", "")), lang)
    whole = _translate(value, lang)
    if whole != value:
        return whole
    if "; " in value:
        return "; ".join(_translate(part, lang) for part in value.split("; "))
    if _CHOICES.fullmatch(value):  # 'online', 'offline' or 'mixed'
        return value.replace(" or ", catalog(lang)["msg.or_word"])  # type: ignore[arg-type]
    return value


_CHOICES = re.compile(r"(?:'[^']*'(?:, | or ))+'[^']*'")


def _count(value: str) -> float:
    try:
        return float(value.replace(",", "").replace("\u202f", ""))
    except ValueError:
        return 0

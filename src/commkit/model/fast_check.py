"""A quick "surely valid" for a file's data, without importing pydantic.

Importing pydantic and building a file kind's model classes costs more than the rest of a
warm one-file command. :func:`surely_valid` answers from a validator generated (with
fastjsonschema) from the kind's JSON Schema (:mod:`commkit.model.json_schema`, which says
what ``commkit validate`` accepts), so a warm run needs no model to know that its file is
fine. It only ever answers "surely valid" (``True``) or "ask pydantic" (``False``): a
``False`` says nothing, the caller then reads the file the full way, which decides and
reports with file, line and field.

Where a JSON Schema and pydantic read Python data differently, the data is left to pydantic:
a number that is not finite (JSON has none, so no schema refuses one), a number beyond 64
bits (pydantic's integers stop there), a key that is not a string, a list or mapping met
twice (a YAML alias), any value that is not plain data, and a YAML date anywhere but in a
date field (the validator sees a date as a marked string that only a date field's format
takes, and a date field takes a string only when it is a real date).

The validators are plain modules in :mod:`commkit.model.generated_checks`, written by
``scripts/gen_checks.py`` from the JSON Schema and kept in the repository (a test fails when
they differ from what the script writes today): a warm run imports one like any module, and
commkit never runs code it made or found at run time.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from typing import Any

KINDS = ("answers", "assessment")
"""The kinds a validator is made for (any other kind: ask pydantic)."""

_INT_LIMIT = 2**63

_validators: dict[str, Callable[..., Any]] = {}


class _DateText(str):
    """A YAML date, as the validator sees it: its ISO text, taken only by a date field."""


class _Odd(Exception):
    """The data holds something a JSON Schema reads otherwise than pydantic."""


def _is_date(text: str) -> bool:
    if type(text) is _DateText:
        return True
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


_FORMATS: dict[str, Callable[[str], bool]] = {
    "commkit-date": _is_date,
    "commkit-text": lambda text: type(text) is str,
}


def surely_valid(kind: str, data: Any) -> bool:
    """Whether the model of ``kind`` surely accepts ``data`` (as read from YAML or JSON);
    ``False``: ask pydantic."""
    if kind not in KINDS:
        return False
    try:
        prepared = _plain(data, set())
        validate = _validator(kind)
        validate(prepared, _FORMATS)
    except Exception:  # refused, odd data, or no validator: pydantic decides
        return False
    return True


def _plain(value: Any, seen: set[int]) -> Any:
    """A copy of ``value`` for the validator (dates marked), or :class:`_Odd` (also for a
    list or mapping met twice: YAML aliases are left to the full reader)."""
    kind = type(value)
    if kind is str or kind is bool or value is None:
        return value
    if kind is int:
        if -_INT_LIMIT <= value < _INT_LIMIT:
            return value
        raise _Odd
    if kind is float:  # an integral float counts as an int for pydantic, and 64 bits bound it
        if math.isfinite(value) and -_INT_LIMIT < value < _INT_LIMIT:
            return value
        raise _Odd
    if kind is dict or kind is list:
        if id(value) in seen:
            raise _Odd
        seen.add(id(value))
    if kind is dict:
        copy = {}
        for key, item in value.items():
            if type(key) is not str:
                raise _Odd
            copy[key] = _plain(item, seen)
        return copy
    if kind is list:
        return [_plain(item, seen) for item in value]
    if kind is dt.date:
        return _DateText(value.isoformat())
    raise _Odd


def _validator(kind: str) -> Callable[..., Any]:
    """The kind's validating function (its generated module, imported once)."""
    found = _validators.get(kind)
    if found is None:
        from importlib import import_module

        module = import_module(f"commkit.model.generated_checks.{kind}")
        found = _validators[kind] = module.VALIDATE
    return found

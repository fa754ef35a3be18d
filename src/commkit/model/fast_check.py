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

The ``answers:`` mapping of an answers file (most of its data) is checked in one pass of its
own (:func:`_common_answers`): each answer of a common form (a scalar, a list of texts,
``{value, note}``, ``{status: dont_know | not_applicable, note}``, all of plain types) is one
the generated validator surely accepts, so the validator sees the rest of the file only, and
nothing is copied for it. Any other answer, however valid, sends the whole file through the
generated validator as before: the common pass only ever answers for less.

The validators are plain modules in :mod:`commkit.model.generated_checks`, written by
``scripts/gen_checks.py`` from the JSON Schema and kept in the repository (a test fails when
they differ from what the script writes today): a warm run imports one like any module, and
commkit never runs code it made or found at run time.
"""

from __future__ import annotations

import datetime as dt
import math
import re
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
        validate = _validator(kind)
        if kind == "answers" and type(data) is dict:
            seen = {id(data)}
            if _common_answers(data.get("answers"), seen):
                if _common_header(data, seen):
                    return True
                validate(_plain_but_answers(data, seen), _FORMATS)
                return True
        validate(_plain(data, set()), _FORMATS)
    except Exception:  # refused, odd data, or no validator: pydantic decides
        return False
    return True


_ENTRY_NOTE_MAX = 2000
"""The schema's ``maxLength`` of a note."""
_ID = re.compile(r"[a-z0-9][a-z0-9_.-]{0,63}")
_ids: set[str] = set()
"""Answer keys (question ids) seen to match the schema's id pattern (bounded)."""
_IDS_MAX = 10_000
_NOT_ANSWERED = ("dont_know", "not_applicable")
_VALUE_ENTRY = frozenset({"value"})


def _common_answers(answers: Any, seen: set[int]) -> bool:
    """Whether ``answers`` (an answers file's ``answers:``) is a mapping of question ids to
    answers of the common forms only, each of plain types: then the generated validator
    surely accepts it (as :func:`_plain` copies it; ``seen`` gets the ids of its lists and
    mappings, as :func:`_plain` counts them). ``False`` says nothing (an uncommon form or
    odd data: the whole file goes the generated way)."""
    if type(answers) is not dict or id(answers) in seen:
        return False
    seen.add(id(answers))
    ids = _ids
    for key, value in answers.items():
        if type(key) is not str:
            return False
        if key not in ids:
            if _ID.fullmatch(key) is None:
                return False
            if len(ids) >= _IDS_MAX:
                ids.clear()
            ids.add(key)
        kind = type(value)
        if kind is str or kind is bool:
            continue
        if kind is int:
            if -_INT_LIMIT <= value < _INT_LIMIT:
                continue
            return False
        if kind is dict:
            if id(value) in seen or not _common_entry(value, seen):
                return False
            seen.add(id(value))
            continue
        if not _common_value(value, kind, seen):
            return False
    return True


def _common_entry(entry: dict[Any, Any], seen: set[int]) -> bool:
    """``{value: V, note: N}`` (``status: answered`` allowed) with a common non-null value,
    or ``{status: dont_know | not_applicable, note: N}``; a note, if any, a short text."""
    note = entry.get("note")
    if "note" in entry and (type(note) is not str or len(note) > _ENTRY_NOTE_MAX):
        return False
    status = entry.get("status", "answered")
    if status == "answered" and type(status) is str:
        if "value" not in entry or not entry.keys() - {"status", "note"} <= _VALUE_ENTRY:
            return False
        value = entry["value"]
        kind = type(value)
        if kind is int:
            return bool(-_INT_LIMIT <= value < _INT_LIMIT)
        return kind is str or kind is bool or _common_value(value, kind, seen)
    return type(status) is str and status in _NOT_ANSWERED and not entry.keys() - {"status", "note"}


def _common_value(value: Any, kind: type, seen: set[int]) -> bool:
    """A finite float in 64 bits, or a list of texts met for the first time."""
    if kind is float:
        return math.isfinite(value) and -_INT_LIMIT < value < _INT_LIMIT
    if kind is not list or id(value) in seen:
        return False
    seen.add(id(value))
    for item in value:  # noqa: SIM110 (a loop: all() of a generator costs more per list)
        if type(item) is not str:
            return False
    return True


_HEADER_KEYS = frozenset({"kind", "version", "checklist", "community", "date", "language"})
_REQUIRED = frozenset({"kind", "version", "checklist", "community"})
_CHECKLIST_KEYS = frozenset({"id", "version"})
_COMMUNITY_KEYS = frozenset({"name", "slug"})
_NAME_MAX = 200
_LANGUAGE = re.compile(r"[a-z]{2}")


def _common_header(data: dict[Any, Any], seen: set[int]) -> bool:
    """Whether the rest of an answers file (all but its ``answers:``) is of the common form,
    which the generated validator surely accepts: ``kind: answers``, ``version: '1'``, a
    checklist's id and version, a community's name (and slug), a YAML date (or none) and a
    language of two letters, nothing else. ``False`` says nothing (the generated validator
    decides)."""
    keys = data.keys() - {"answers"}
    if not keys <= _HEADER_KEYS or not keys >= _REQUIRED:
        return False
    if data["kind"] != "answers" or type(data["kind"]) is not str:
        return False
    if data["version"] != "1" or type(data["version"]) is not str:
        return False
    checklist, community = data["checklist"], data["community"]
    if type(checklist) is not dict or type(community) is not dict:
        return False
    if id(checklist) in seen or id(community) in seen or checklist is community:
        return False
    if checklist.keys() != _CHECKLIST_KEYS or type(checklist["version"]) is not str:
        return False
    if not _is_id(checklist["id"]):
        return False
    if not community.keys() <= _COMMUNITY_KEYS or "name" not in community:
        return False
    name = community["name"]
    if type(name) is not str or not 0 < len(name) <= _NAME_MAX:
        return False
    if "slug" in community and not _is_id(community["slug"]):
        return False
    if "date" in data and type(data["date"]) is not dt.date:
        return False
    language = data.get("language", "en")
    return type(language) is str and _LANGUAGE.fullmatch(language) is not None


def _is_id(text: Any) -> bool:
    """A text the schema's id pattern takes."""
    return type(text) is str and _ID.fullmatch(text) is not None


def _plain_but_answers(data: dict[Any, Any], seen: set[int]) -> dict[str, Any]:
    """:func:`_plain` of an answers file's data with its ``answers:`` (checked by
    :func:`_common_answers`) left empty for the validator."""
    copy: dict[str, Any] = {}
    for key, item in data.items():
        if type(key) is not str:
            raise _Odd
        copy[key] = {} if key == "answers" else _plain(item, seen)
    return copy


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

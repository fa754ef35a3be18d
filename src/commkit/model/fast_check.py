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

The generated code is compiled once and cached in the user cache folder as the marshalled
code of a plain module (compiling it costs more than the whole check; a ``.py`` there would be
compiled on every run), keyed by commkit's code stamp, pydantic's version, the interpreter's
bytecode and the kind. A missing, corrupt or foreign entry is ignored and built again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections.abc import Callable
from typing import Any

FORMAT = 1
KINDS = ("answers", "assessment")
"""The kinds a validator is made for (any other kind: ask pydantic)."""

_INT_LIMIT = 2**63
_SCHEMA_ONLY = ("title", "description", "default", "examples", "$comment")
"""Schema keywords that check nothing (left out of the generated code)."""
_SUBSCHEMA = ("items", "additionalProperties", "not", "if", "then", "else", "propertyNames")
_SUBSCHEMA_LISTS = ("anyOf", "allOf", "oneOf", "prefixItems")
_SUBSCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions")
_EXCEPTION = '''
class JsonSchemaValueException(ValueError):
    """Raised by the generated checks (fastjsonschema's own class is not imported)."""

    def __init__(self, message, value=None, name=None, definition=None, rule=None):
        super().__init__(message)


JsonSchemaValuesException = JsonSchemaValueException
'''

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
    """The kind's validating function: made once per process, from the disk cache when it
    holds it, else generated (importing pydantic and fastjsonschema) and stored."""
    found = _validators.get(kind)
    if found is not None:
        return found
    import marshal

    from commkit.model import pack_cache

    key = _key(kind) if pack_cache.enabled() else None
    code = None
    if key is not None:
        stored = pack_cache.load_bytes("validators", key)
        if stored is not None:
            try:
                code = marshal.loads(stored)
            except Exception:  # written by another interpreter or damaged: make it again
                code = None
    if code is None:
        code = compile(generated_source(kind), f"<commkit {kind} validator>", "exec")
        if key is not None:
            pack_cache.store_bytes("validators", key, marshal.dumps(code))
    namespace: dict[str, Any] = {"__name__": f"commkit.model.fast_check.{kind}"}
    exec(code, namespace)
    validate: Callable[..., Any] = namespace["VALIDATE"]
    _validators[kind] = validate
    return validate


def _key(kind: str) -> str:
    """What the generated code depends on: commkit's code, pydantic (which writes the JSON
    Schema), the interpreter's bytecode format and the kind."""
    from importlib.util import MAGIC_NUMBER

    from commkit.model.pack_cache import package_identity

    digest = hashlib.sha256()
    digest.update(package_identity())
    digest.update(b"\0pydantic\0" + _pydantic_stamp())
    digest.update(b"\0python\0" + MAGIC_NUMBER)
    digest.update(f"\0validator\0{kind}\0{FORMAT}".encode())
    return digest.hexdigest()[:32]


def _pydantic_stamp() -> bytes:
    """The text of pydantic's version module, found without importing pydantic."""
    from importlib.util import find_spec
    from pathlib import Path

    spec = find_spec("pydantic")
    if spec is None or spec.origin is None:
        raise OSError("pydantic not found")
    return (Path(spec.origin).parent / "version.py").read_bytes()


def generated_source(kind: str) -> str:
    """The Python source of the kind's validator: a plain module that needs only ``re``
    (and ``decimal`` where the schema asks for it), its function named ``VALIDATE``."""
    import fastjsonschema

    from commkit.model.json_schema import schemas

    schema = _tightened(schemas()[kind])
    source = fastjsonschema.compile_to_code(schema, formats=_FORMATS, use_default=False)
    source, found = re.subn(r"(?m)^from fastjsonschema import .*$", _EXCEPTION, source)
    if found != 1:
        raise RuntimeError("unexpected generated code")
    name = re.search(r"(?m)^def (validate\w*)\(", source)
    if name is None:
        raise RuntimeError("unexpected generated code")
    return f"{source}\n\nVALIDATE = {name.group(1)}\n"


def _tightened(schema: Any) -> Any:
    """``schema`` for the generated validator: descriptions dropped, date fields given the
    ``commkit-date`` format (a marked YAML date or a real ISO date) and every other string
    the ``commkit-text`` format (a plain string: a YAML date there is left to pydantic)."""
    if not isinstance(schema, dict):
        return schema
    result: dict[str, Any] = {}
    for word, value in schema.items():
        if word in _SCHEMA_ONLY:
            continue
        if word in _SUBSCHEMA:
            value = _tightened(value)
        elif word in _SUBSCHEMA_LISTS:
            value = [_tightened(item) for item in value]
        elif word in _SUBSCHEMA_MAPS:
            value = {name: _tightened(item) for name, item in value.items()}
        result[word] = value
    kinds = result.get("type")
    if kinds == "string" or (isinstance(kinds, list) and "string" in kinds):
        given = result.get("format")
        if given == "date":
            result["format"] = "commkit-date"
        elif given is None:
            result["format"] = "commkit-text"
        else:
            result = {"allOf": [result, {"format": "commkit-text"}]}
    return result

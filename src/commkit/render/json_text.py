"""Indented JSON text, byte for byte ``json.dumps(data, ensure_ascii=False, indent=2,
default=str)``, several times faster.

With ``indent``, the standard library encodes in pure Python through nested generators; a
batch's ``--json`` output (one assessment per answers file) spent a sixth of its time there.
This writer walks JSON-ready data (dicts with string keys, lists, strings, numbers,
booleans, None) with the C string encoder and hands anything else to ``json.dumps``, so
the text is the same either way (tests compare both on random data).

:func:`model_json` writes a pydantic model's JSON with pydantic's own (compiled) writer
where that gives the same bytes, and :class:`RawJson` places such text inside other data
without reading it back.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import BaseModel

_string = json.encoder.encode_basestring  # the C encoder where the build has it


class RawJson:
    """JSON text already written (as :func:`dumps` writes it at level 0), placed as it is
    where it stands in the data given to :func:`dumps`, indented to its level. Held as text,
    or as its UTF-8 (:meth:`of_utf8`, as a batch's one pass makes it, to be written as it is:
    read as text only when asked for)."""

    __slots__ = ("_text", "_utf8")

    def __init__(self, text: str) -> None:
        self._text: str | None = text
        self._utf8: bytes | None = None

    @classmethod
    def of_utf8(cls, utf8: bytes) -> RawJson:
        """The JSON text whose UTF-8 is ``utf8``."""
        made = cls.__new__(cls)
        made._text, made._utf8 = None, utf8
        return made

    @property
    def text(self) -> str:
        """The JSON text."""
        if self._text is None:
            self._text = (self._utf8 or b"").decode("utf-8")
        return self._text

    def utf8(self) -> bytes:
        """The JSON text in UTF-8."""
        if self._utf8 is not None:
            return self._utf8
        return self.text.encode("utf-8")

    def data(self) -> Any:
        """The data the text stands for."""
        return json.loads(self.text)


def _default(value: Any) -> Any:
    return value.data() if isinstance(value, RawJson) else str(value)


class _Other(Exception):
    """Data this writer leaves to ``json.dumps`` (a non-string key, an object)."""


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == float("inf"):
        return "Infinity"
    if value == float("-inf"):
        return "-Infinity"
    return float.__repr__(value)


def _write(data: Any, pad: str, out: list[str]) -> None:
    kind = type(data)
    if kind is str:
        out.append(_string(data))
    elif data is None:
        out.append("null")
    elif data is True:
        out.append("true")
    elif data is False:
        out.append("false")
    elif kind is int:
        out.append(int.__repr__(data))
    elif kind is float:
        out.append(_float(data))
    elif kind is RawJson:
        out.append(data.text.replace("\n", "\n" + pad) if pad else data.text)
    elif kind is dict:
        if not data:
            out.append("{}")
            return
        inner = pad + "  "
        sep = "{\n" + inner
        for key, value in data.items():
            if type(key) is not str:
                raise _Other
            out.append(sep)
            out.append(_string(key))
            out.append(": ")
            _write(value, inner, out)
            sep = ",\n" + inner
        out.append("\n" + pad + "}")
    elif kind is list or kind is tuple:
        if not data:
            out.append("[]")
            return
        inner = pad + "  "
        sep = "[\n" + inner
        for item in data:
            out.append(sep)
            _write(item, inner, out)
            sep = ",\n" + inner
        out.append("\n" + pad + "]")
    else:
        raise _Other


def dumps(data: Any, *, level: int = 0) -> str:
    """``data`` as ``json.dumps(data, ensure_ascii=False, indent=2, default=str)`` writes
    it, every line after the first indented ``level`` more steps (an item of an array)."""
    pad = "  " * level
    out: list[str] = []
    try:
        _write(data, pad, out)
    except (_Other, RecursionError):
        text = json.dumps(data, ensure_ascii=False, indent=2, default=_default)
        return text.replace("\n", "\n" + pad) if pad else text
    return "".join(out)


def model_json(model: BaseModel, *, plain: bool) -> RawJson:
    """``model`` as :func:`dumps` writes ``model.model_dump(mode="json")``: by pydantic's
    compiled writer (several times faster) when ``plain``, i.e. :func:`plain_floats` of
    every float the model holds; the two write everything else alike."""
    if plain:
        return RawJson(model.model_dump_json(indent=2))
    return RawJson(dumps(model.model_dump(mode="json")))


def plain_floats(values: Iterable[Any]) -> bool:
    """Whether pydantic writes every float of ``values`` as Python does: not numbers that
    Python writes with an exponent below 1e-4 (``1e-05``, pydantic ``0.00001``), nor NaN and
    the infinities (pydantic ``null``). Other values pass."""
    for value in values:
        if type(value) is float and not (value == 0 or 1e-4 <= abs(value) < 1e16):
            return False
    return True

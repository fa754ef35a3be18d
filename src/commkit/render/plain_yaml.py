"""A fast YAML writer for commkit's own files, byte for byte what PyYAML's SafeDumper writes.

PyYAML spends most of a small file's time in its pure-Python representer and resolver
(libyaml's emitter only does the last step), which makes a bulk import of a thousand
answers files take seconds. The files commkit writes are plain data: nested mappings with
string keys, lists of scalars or of mappings (an assessment's dimensions), strings, numbers
and booleans. For those this module follows PyYAML's rules (``sort_keys=False,
allow_unicode=True, default_flow_style=False``) directly: which strings go plain and which
in single quotes, and where a long line is folded.

Anything outside that subset (line breaks or control characters in a string, a list inside
a list, an empty mapping in a list, a key of 128 characters or more) gets ``None`` back,
and the caller uses PyYAML: the output is the same either way, only the time differs. Tests
compare the two on the examples and on generated data.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["dump"]

_SAFE = re.compile("[^\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff\U0010ffff]*")
r"""Characters PyYAML writes as they are with ``allow_unicode`` (no escapes, no line breaks):
\x20-\x7e, \xa0-\u2027, \u202a-\ud7ff, \ue000-\ufefe, \uff00-\ufffd, \U00010000-\U0010fffe,
written as the characters left out (the same set): compiling a class of wide ranges costs
a warm command about 3 ms."""

_BLOCK_INDICATOR = re.compile(r"^(?:---|\.\.\.)|^[#,\[\]{}&*!|>'\"%@`]|^[?:-](?: |$)|: |:$| #")
"""What keeps a string from being written plain in block context (PyYAML's analysis)."""

_SINGLE_SPACE = re.compile(r"(?<! ) (?! )")

_STR = "tag:yaml.org,2002:str"
_FLOAT = "tag:yaml.org,2002:float"
_NULL = "tag:yaml.org,2002:null"
_IMPLICIT = [
    (
        "tag:yaml.org,2002:bool",
        re.compile(
            r"""^(?:yes|Yes|YES|no|No|NO
            |true|True|TRUE|false|False|FALSE
            |on|On|ON|off|Off|OFF)$""",
            re.X,
        ),
        "yYnNtTfFoO",
    ),
    (
        _FLOAT,
        re.compile(
            r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?
            |\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
            |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
            |[-+]?\.(?:inf|Inf|INF)
            |\.(?:nan|NaN|NAN))$""",
            re.X,
        ),
        "-+0123456789.",
    ),
    (
        "tag:yaml.org,2002:int",
        re.compile(
            r"""^(?:[-+]?0b[0-1_]+
            |[-+]?0[0-7_]+
            |[-+]?(?:0|[1-9][0-9_]*)
            |[-+]?0x[0-9a-fA-F_]+
            |[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$""",
            re.X,
        ),
        "-+0123456789",
    ),
    ("tag:yaml.org,2002:merge", re.compile(r"^(?:<<)$"), "<"),
    (_NULL, re.compile(r"^(?: ~ |null|Null|NULL | )$", re.X), "~nN"),
    (
        "tag:yaml.org,2002:timestamp",
        re.compile(
            r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
            |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?
            (?:[Tt]|[ \t]+)[0-9][0-9]?
            :[0-9][0-9] :[0-9][0-9] (?:\.[0-9]*)?
            (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""",
            re.X,
        ),
        "0123456789",
    ),
    ("tag:yaml.org,2002:value", re.compile(r"^(?:=)$"), "="),
    ("tag:yaml.org,2002:yaml", re.compile(r"^(?:!|&|\*)$"), "!&*"),
]
"""PyYAML's implicit resolvers (``yaml/resolver.py``), in its order, each with the first
characters it is tried for: copied rather than imported, since importing PyYAML costs a
bulk import more than the writing does. A test compares them with PyYAML's own."""
_resolved: dict[str, str] = {}
_one_line: dict[str, tuple[str, int, bool]] = {}


class _Fallback(Exception):
    """The data has something this writer does not handle: let PyYAML write it."""


def _resolve(text: str) -> str:
    """The tag a plain ``text`` would be read back as (as PyYAML's resolver finds it)."""
    tag = _resolved.get(text)
    if tag is None:
        tag = _implicit_tag(text)
        if len(_resolved) < 50_000:
            _resolved[text] = tag
    return tag


_BY_FIRST: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
"""The implicit resolvers tried for a text by its first character, in PyYAML's order: most
texts (a name: ``Community 12``) begin with a character none is tried for."""
for _tag, _pattern, _firsts in _IMPLICIT:
    for _first in _firsts:
        _BY_FIRST.setdefault(_first, []).append((_tag, _pattern))


def _implicit_tag(text: str) -> str:
    if not text:
        return _NULL
    for tag, pattern in _BY_FIRST.get(text[0], ()):
        if pattern.match(text):
            return tag
    return _STR


def _fold(text: str, column: int, width: int, indent: int) -> str:
    """``text`` folded as PyYAML's ``write_plain`` and ``write_single_quoted`` fold it: a
    single space between words (not a run of spaces, nor one at either end) becomes a line
    break when the line is already past ``width`` there. ``column``: where ``text`` starts.

    A line breaks at the first such space past ``width`` columns, so each line costs one
    search instead of a step per word."""
    last = len(text) - 1
    out: list[str] = []
    start = 0
    while True:
        at = max(start + width - column + 1, start, 1)
        space = _SINGLE_SPACE.search(text, at)
        if space is None or space.start() >= last:
            break
        out.append(text[start : space.start()])
        out.append("\n" + " " * indent)
        start = space.start() + 1
        column = indent
    out.append(text[start:])
    return "".join(out)


def _unfolded(text: str) -> tuple[str, int, bool]:
    """``text`` as a scalar on one line, the columns it needs, and whether it is plain."""
    known = _one_line.get(text)
    if known is not None:
        return known
    if _SAFE.fullmatch(text) is None:
        raise _Fallback
    plain = (
        bool(text)
        and text[0] != " "
        and text[-1] != " "
        and _BLOCK_INDICATOR.search(text) is None
        and _resolve(text) == _STR
    )
    if plain:
        known = (text, len(text), True)
    else:
        quoted = text.replace("'", "''")
        known = (f"'{quoted}'", len(quoted) + 1, False)
    if len(_one_line) < 50_000:
        _one_line[text] = known
    return known


def _string(text: str, column: int, indent: int, width: int, key: bool) -> str:
    """``text`` as PyYAML writes a scalar starting at ``column`` (after ``key: `` or ``- ``)."""
    if key and not text:
        raise _Fallback
    line, needs, plain = _unfolded(text)
    if key or column + needs <= width:
        return line
    if plain:
        return _fold(text, column, width, indent)
    return "'" + _fold(text.replace("'", "''"), column + 1, width, indent) + "'"


def _scalar(value: Any, column: int, indent: int, width: int) -> str:
    if isinstance(value, str):
        return _string(value, column, indent, width, key=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = repr(value).lower()
        if "." not in text and "e" in text:
            text = text.replace("e", ".0e", 1)
        if value != value or value in (float("inf"), float("-inf")) or _resolve(text) != _FLOAT:
            raise _Fallback
        return text
    raise _Fallback


_lines: dict[tuple[int, int, Any, type, Any], str] = {}
"""``key: value`` lines already written (answers repeat: ``purpose.common-goal: 4``), and
``key:`` with its list of strings."""


def _mapping(data: dict[Any, Any], indent: int, width: int, out: list[str], seen: set[int]) -> None:
    pad = " " * indent
    for key, value in data.items():
        kind = type(value)
        # a float's line too, but not a zero: ``-0.0`` equals ``0.0`` and is written apart
        if kind is str or kind is int or kind is bool or (kind is float and value):
            line_key = (width, indent, key, kind, value)
            line = _lines.get(line_key)
            if line is None:
                line = _line(pad, key, value, indent, width)
                if len(_lines) < 50_000 and (kind is not str or len(value) <= 200):
                    _lines[line_key] = line
            out.append(line)
            continue
        if isinstance(value, dict | list):
            if id(value) in seen:  # PyYAML would write an anchor and an alias
                raise _Fallback
            seen.add(id(value))
        if not isinstance(key, str) or len(key) >= 128:
            raise _Fallback
        name = _string(key, indent, indent, width, key=True)
        head = f"{pad}{name}:"
        if isinstance(value, dict):
            if not value:
                out.append(f"{head} {{}}\n")
                continue
            out.append(head + "\n")
            _mapping(value, indent + 2, width, out, seen)
        elif isinstance(value, list):
            if not value:
                out.append(f"{head} []\n")
                continue
            words = tuple(value) if all(type(item) is str for item in value) else None
            if words is not None:  # ticked options repeat from file to file
                line_key = (width, indent, key, list, words)
                block = _lines.get(line_key)
                if block is None:
                    block = head + "\n" + "".join([_word(w, indent, width) for w in words])
                    if len(_lines) < 50_000 and len(block) <= 1000:
                        _lines[line_key] = block
                out.append(block)
                continue
            out.append(head + "\n")
            for item in value:
                if isinstance(item, dict) and item:
                    _item_mapping(item, indent, width, out, seen)
                elif isinstance(item, dict | list):
                    raise _Fallback
                else:
                    out.append(f"{pad}- {_scalar(item, indent + 2, indent + 2, width)}\n")
        else:
            out.append(_line(pad, key, value, indent, width))


_words: dict[tuple[int, int, str], str] = {}
"""``- word`` lines of lists of strings already written (question and dimension ids)."""


def _word(word: str, indent: int, width: int) -> str:
    """A string as an item of a block sequence at ``indent``, with its line end."""
    key = (width, indent, word)
    line = _words.get(key)
    if line is None:
        line = f"{' ' * indent}- {_scalar(word, indent + 2, indent + 2, width)}\n"
        if len(_words) < 50_000 and len(word) <= 200:
            _words[key] = line
    return line


def _item_mapping(
    item: dict[Any, Any], indent: int, width: int, out: list[str], seen: set[int]
) -> None:
    """A mapping as an item of a block sequence at ``indent``: its keys two columns in, the
    first one after the ``- `` (where PyYAML puts it, at the same column)."""
    if id(item) in seen:
        raise _Fallback
    seen.add(id(item))
    kinds = tuple(map(type, item.values()))
    key = None
    if _PLAIN.issuperset(kinds) or (
        # a float too, but not a zero: ``-0.0`` equals ``0.0`` and is written apart
        _NUMBERS.issuperset(kinds) and all(v for v in item.values() if type(v) is float)
    ):
        key = (width, indent, tuple(item.items()), kinds)
    if key is not None:
        block = _items.get(key)
        if block is not None:
            out.append(block)
            return
    start = len(out)
    _mapping(item, indent + 2, width, out, seen)
    first = out[start]
    out[start] = first[:indent] + "- " + first[indent + 2 :]
    if key is not None and len(_items) < 50_000:
        block = "".join(out[start:])
        if len(block) <= 1000:
            del out[start:]
            out.append(block)
            _items[key] = block


_PLAIN = frozenset((str, int, bool))
_NUMBERS = frozenset((str, int, bool, float))
_items: dict[tuple[int, int, tuple[tuple[Any, Any], ...], tuple[type, ...]], str] = {}
"""Items of a list already written whose values are strings, numbers other than a zero float
or booleans (an assessment's recommendations: ``- question: ..`` and ``dimension: ..``; its
dimensions' scores and counts)."""


def _line(pad: str, key: Any, value: Any, indent: int, width: int) -> str:
    """``key: value`` for a scalar value, with its line end."""
    if not isinstance(key, str) or len(key) >= 128:
        raise _Fallback
    head = f"{pad}{_string(key, indent, indent, width, key=True)}:"
    return f"{head} {_scalar(value, len(head) + 1, indent + 2, width)}\n"


def dump(data: dict[str, Any], *, width: int = 100) -> str | None:
    """``data`` as ``yaml.dump(data, Dumper=yaml.SafeDumper, sort_keys=False,
    allow_unicode=True, default_flow_style=False, width=width)`` writes it, or ``None``
    when the data needs PyYAML itself (see the module's docstring)."""
    if not isinstance(data, dict) or not data:
        return None
    out: list[str] = []
    try:
        _mapping(data, 0, width, out, {id(data)})
    except _Fallback:
        return None
    return "".join(out)


def scalar(value: Any) -> str | None:
    """A number, a boolean or null as PyYAML writes it after a key (``key: ...``, where its
    column does not matter), or ``None`` for anything else and what needs PyYAML itself."""
    if not (value is None or type(value) in (int, float, bool)):
        return None
    try:
        return _scalar(value, 0, 0, 100)
    except _Fallback:
        return None


def block(data: dict[str, Any], indent: int, *, width: int = 100) -> str | None:
    """The lines :func:`dump` writes for the keys of ``data`` when they sit ``indent``
    columns in (inside a mapping), or ``None`` as :func:`dump` gives it: a caller that
    writes a document piece by piece (an assessment's result) joins such blocks."""
    out: list[str] = []
    try:
        _mapping(data, indent, width, out, {id(data)})
    except _Fallback:
        return None
    return "".join(out)


def item(data: dict[str, Any], indent: int, *, width: int = 100) -> str | None:
    """The lines of ``data`` as an item (``- key: ..``) of a list of mappings whose key sits
    ``indent`` columns in, or ``None`` as :func:`dump` gives it."""
    if not data:
        return None
    out: list[str] = []
    try:
        _item_mapping(data, indent, width, out, set())
    except _Fallback:
        return None
    return "".join(out)

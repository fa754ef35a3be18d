"""Plain block YAML read line by line in Python, faster than libyaml and PyYAML's composer.

The files commkit writes and reads most (answers, community profiles) are plain block YAML:
``key: value`` lines, nested block mappings, ``- item`` lists, plain, single- and double-quoted
scalars, comments; short flow collections on one line (``{en: ..., ru: ...}``, ``[a, b]``), and
long plain or single-quoted scalars wrapped over several lines as PyYAML's dumper wraps them.
For such a file, one pass over its lines builds the data in less time than libyaml's parser
plus PyYAML's Python-side composer and constructor, and without importing PyYAML at all.

:func:`load` accepts only a strict subset of YAML and raises :class:`Refused` at any doubt
(a flow collection over several lines or with anything but string keys, plain items and one
``, `` between them; anchors, aliases, tags, block scalars, a double-quoted scalar over
several lines, a blank or comment line inside a wrapped plain scalar, ``?`` keys, directives
and document markers, tabs, CR line ends, a byte-order mark, characters YAML does not allow, a
key written twice, an escape or a value it does not construct: a timestamp with a time,
``.nan``); the caller then reads the file with libyaml, which decides.
What it accepts gives exactly the data ``yaml.load(text, Loader=yaml.CSafeLoader)`` gives.
Plain scalars are resolved by PyYAML's own implicit resolvers (YAML 1.1), copied here so
that nothing imports ``yaml``; a test checks the copy against PyYAML's table.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

__all__ = ["IMPLICIT_RESOLVERS", "Refused", "load"]


class Refused(Exception):
    """The document is beyond the subset read here; libyaml must read it."""


class _OpenQuote(Exception):
    """A single-quoted scalar that goes on on the next lines (its first line's part)."""


_X = re.X | re.U
_U = re.U
IMPLICIT_RESOLVERS: list[tuple[str, str, int, list[str]]] = [
    # PyYAML's yaml/resolver.py, in its order (the order decides between them): tag,
    # pattern, flags (re.compile adds re.U to a text pattern) and first characters
    (
        "tag:yaml.org,2002:bool",
        r"""^(?:yes|Yes|YES|no|No|NO
                    |true|True|TRUE|false|False|FALSE
                    |on|On|ON|off|Off|OFF)$""",
        _X,
        list("yYnNtTfFoO"),
    ),
    (
        "tag:yaml.org,2002:float",
        r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?
                    |\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
                    |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
                    |[-+]?\.(?:inf|Inf|INF)
                    |\.(?:nan|NaN|NAN))$""",
        _X,
        list("-+0123456789."),
    ),
    (
        "tag:yaml.org,2002:int",
        r"""^(?:[-+]?0b[0-1_]+
                    |[-+]?0[0-7_]+
                    |[-+]?(?:0|[1-9][0-9_]*)
                    |[-+]?0x[0-9a-fA-F_]+
                    |[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$""",
        _X,
        list("-+0123456789"),
    ),
    ("tag:yaml.org,2002:merge", r"^(?:<<)$", _U, ["<"]),
    (
        "tag:yaml.org,2002:null",
        r"""^(?: ~
                    |null|Null|NULL
                    | )$""",
        _X,
        ["~", "n", "N", ""],
    ),
    (
        "tag:yaml.org,2002:timestamp",
        r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
                    |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?
                     (?:[Tt]|[ \t]+)[0-9][0-9]?
                     :[0-9][0-9] :[0-9][0-9] (?:\.[0-9]*)?
                     (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""",
        _X,
        list("0123456789"),
    ),
    ("tag:yaml.org,2002:value", r"^(?:=)$", _U, ["="]),
    ("tag:yaml.org,2002:yaml", r"^(?:!|&|\*)$", _U, list("!&*")),
]

_by_first: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
"""A first character -> its resolvers, compiled on first use (most scalars need none: see
:data:`_WORDS`), as PyYAML's resolve looks them up."""
_WORDS = {
    **dict.fromkeys(("yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"), True),
    **dict.fromkeys(("no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"), False),
    **dict.fromkeys(("~", "null", "Null", "NULL", ""), None),
}
"""Every scalar the bool and null resolvers accept, the only ones starting with their first
characters (:data:`_WORDS_FIRST`): those need no regular expression."""
_WORDS_FIRST = frozenset("yYnNtTfFoO~")
_NUMBER_FIRST = frozenset("-+0123456789.")

_FORBIDDEN = re.compile(
    # what YAML does not allow in a stream, and the line breaks other than \n (\x85,
    # \u2028, \u2029), \r, \t and the byte-order mark: each is read here no further.
    # Written as the few characters left out rather than the many let in (the same set):
    # compiling a class of wide ranges costs a warm command about 6 ms.
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]"
)
_PLAIN_FIRST_BAD = frozenset("?:,[]{}#&*!|>'\"%@`")
"""Indicators a plain scalar may not start with here (``-`` is checked apart)."""
# Quoted scalars as "unrolled loops" (a run of plain characters, then each escape or '' with
# the run after it): the same matches as ``(?:[^']|'')*``, whose alternation costs a step
# per character: 2.6 s for a 2 MB quoted value, 0.02 s now; short values gain a little too.
_SINGLE = re.compile(r"'([^']*(?:''[^']*)*)'")
_SINGLE_BODY = re.compile(r"[^']*(?:''[^']*)*")
_DOUBLE = re.compile(r'"([^"\\]*(?:\\.[^"\\]*)*)"')
_ESCAPE = re.compile(r"\\(?:([xuU])([0-9a-fA-F]*)|(.))")
_ESCAPES = {
    "0": "\0",
    "a": "\x07",
    "b": "\x08",
    "t": "\t",
    "n": "\n",
    "v": "\x0b",
    "f": "\x0c",
    "r": "\r",
    "e": "\x1b",
    " ": " ",
    '"': '"',
    "/": "/",
    "\\": "\\",
    "N": "\x85",
    "_": "\xa0",
    "L": "\u2028",
    "P": "\u2029",
}
_HEX_LENGTH = {"x": 2, "u": 4, "U": 8}
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_REST_OK = re.compile(r"(?: +#.*)? *\Z")
"""What may follow a quoted scalar or a flow ``[]``/``{}`` on its line."""
_FLOW_PLAIN = re.compile(r"[^,\[\]{}:#]*")
"""A plain scalar in a flow collection, up to what ends it or makes it doubtful."""
_FLOW_DEPTH = 20
MAX_DEPTH = 64
"""The deepest a value may be nested: the bound of libyaml's way (which counts it exactly)
and of the located loader (``loader.MAX_DEPTH``). Defined here, where PyYAML is not imported."""
_BLOCK_DEPTH = MAX_DEPTH - _FLOW_DEPTH - 2
"""Block collections deeper than this go to libyaml's way: a flow collection in one could
pass :data:`MAX_DEPTH` (real files nest a few levels)."""
_KEY_MAX = 1000
"""libyaml refuses an implicit key over 1024 characters; longer ones go to libyaml."""
_REMEMBER = 64
_LIMIT = 100_000
_plain_memo: dict[str, Any] = {}
"""A short plain scalar -> its value (None, bool, int, float, date, str: immutable)."""
_value_memo: dict[str, Any] = {}
"""The text after ``key: `` or ``- `` -> its value, for texts read as a scalar before (which
is never empty, never a comment, never has ``: `` outside quotes nor ends with ``:``)."""
_key_memo: dict[str, str] = {}
"""The text before ``: `` -> the key, for plain keys read as their own text before."""
_MISSING = object()
_line_memo: dict[str, tuple[int, Any, Any, str]] = {}
"""A whole ``key: value`` or ``- value`` line read on the quick path before -> its indent,
its key (:data:`_ITEM` for a list's item), its value (immutable) and its text after the
indent: read again, it costs one look-up. At most :data:`_LINES` (cleared when full: about
1.4 MB, in a batch of many files where each has a few lines of its own, its name and slug)."""
_ITEM = object()
_LINE_MAX = 120
_LINES = 5_000


def _remember_line(raw: str, read: tuple[int, Any, Any, str]) -> None:
    if len(_line_memo) >= _LINES:
        _line_memo.clear()
    _line_memo[raw] = read


_SLOW_FIRST = frozenset(("", " ", "#", "'", '"', "-", "[", "{"))
"""First characters of a value the common lines leave to :meth:`_Reader._line` and
:meth:`_Reader._entry`: none, a comment, a quoted scalar (perhaps over several lines), a
nested ``- `` item, a flow collection."""


def load(text: str) -> Any:
    """The data of the YAML document ``text`` as ``yaml.load(text, Loader=CSafeLoader)``
    gives it (``None`` for a document of only blank and comment lines), or
    :class:`Refused`."""
    if _FORBIDDEN.search(text):
        raise Refused
    return _Reader().read(text)


class _Reader:
    """One document's lines into data: a stack of the open block collections."""

    __slots__ = ("folding", "pending", "quoting", "root", "stack")

    def __init__(self) -> None:
        self.root: Any = None
        # open collections, innermost last: (indent, the dict or list, is a list)
        self.stack: list[tuple[int, Any, bool]] = []
        # a key or item written with no value yet: (its collection, key or index, indent,
        # the collection is a mapping)
        self.pending: tuple[Any, Any, int, bool] | None = None
        # a plain scalar over several lines: (its collection, key or index, its text so far,
        # the line that last went on with it)
        self.folding: tuple[Any, Any, str, str] | None = None
        # a single-quoted scalar over several lines: (its collection, key or index, its
        # lines' parts so far, None for a blank line; the collection's indent)
        self.quoting: tuple[Any, Any, list[str | None], int] | None = None

    def read(self, text: str) -> Any:
        stack = self.stack
        keys, values, lines, missing, item = _key_memo, _value_memo, _line_memo, _MISSING, _ITEM
        content: str | None = None
        for raw in text.split("\n"):
            if self.quoting is not None:
                self._quoted_line(raw)
                content = None
                continue
            seen = lines.get(raw)
            if seen is not None:
                indent, seen_key, seen_value, now = seen
                last, content = content, now
            else:
                last, content = content, raw.lstrip(" ")
                if not content or content[0] == "#":
                    content = None  # a plain scalar does not go on past a blank or comment line
                    continue
                indent = len(raw) - len(content)
            pending = self.pending
            if pending is not None:
                self.pending = None
                into, key, at, in_map = pending
                dash = content[0] == "-" and (len(content) == 1 or content[1] == " ")
                if indent > at or (in_map and dash and indent == at):
                    made: Any = [] if dash else {}
                    into[key] = made
                    stack.append((indent, made, dash))
                    if len(stack) > _BLOCK_DEPTH:
                        raise Refused
            while stack and stack[-1][0] > indent:
                stack.pop()  # a line less indented closes the collections it is not in
            if stack:
                # the common lines, "key: value", "key:" and "- value", at once: a key seen
                # before (so checked before), a value seen before or a plain scalar
                at, into, is_list = stack[-1]
                if at == indent:
                    if seen is not None:  # the whole line read so before
                        if seen_key is item:
                            if is_list:
                                into.append(seen_value)
                                continue
                        else:
                            if is_list and len(stack) > 1 and stack[-2][0] == indent:
                                stack.pop()  # the end of a list written under its key's column
                                at, into, is_list = stack[-1]
                            if not is_list and seen_key not in into:
                                into[seen_key] = seen_value
                                continue
                    if is_list:
                        if content[:2] == "- ":
                            rest = content[2:]
                            value = values.get(rest, missing)
                            if (
                                value is missing
                                and rest[:1] not in _SLOW_FIRST
                                and rest[-1] != ":"
                                and ": " not in rest
                            ):
                                value = _value(rest)  # as _line reads it: not a mapping
                            if value is not missing:
                                into.append(value)
                                if len(raw) <= _LINE_MAX:
                                    _remember_line(raw, (indent, item, value, content))
                                continue
                        elif content[0] != "-" and len(stack) > 1 and stack[-2][0] == indent:
                            stack.pop()  # the end of a list written under its key's column
                            at, into, is_list = stack[-1]
                    if not is_list:
                        end = content.find(": ")
                        if end > 0:
                            key = keys.get(content[:end])
                            if key is not None and key not in into:
                                rest = content[end + 2 :]
                                value = values.get(rest, missing)
                                if value is missing and rest[:1] not in _SLOW_FIRST:
                                    value = _value(rest)  # as _entry reads it
                                if value is not missing:
                                    into[key] = value
                                    if len(raw) <= _LINE_MAX:
                                        _remember_line(raw, (indent, key, value, content))
                                    continue
                        elif content[-1] == ":":
                            key = keys.get(content[:-1])
                            if key is not None and key not in into:
                                into[key] = None
                                self.pending = (into, key, indent, True)
                                continue
            if indent == 0 and (content[0] == "%" or content[:3] in ("---", "...")):
                raise Refused
            if pending is None and stack and indent > stack[-1][0] and last is not None:
                self._continued(last, content)
                continue
            dash = content[0] == "-" and (len(content) == 1 or content[1] == " ")
            if not stack:
                if self.root is not None:
                    raise Refused
                self.root = [] if dash else {}
                stack.append((indent, self.root, dash))
            self._line(content, indent, dash)
        if self.quoting is not None:
            raise Refused
        return self.root

    def _quoted_line(self, raw: str) -> None:
        """The next line of a single-quoted scalar written over several lines, as PyYAML's
        dumper wraps a long one: lines joined with one space, each blank line a line break."""
        quoting = self.quoting
        if quoting is None:  # only called while one is open
            raise Refused
        into, key, parts, at = quoting
        content = raw.lstrip(" ")
        if not content:
            parts.append(None)
            return
        if len(raw) - len(content) <= at or not parts[0]:
            raise Refused  # not indented under its key, or nothing on the first line
        end = _body_end(content, 0)
        if end == len(content):
            parts.append(content.rstrip(" "))
            return
        if not _REST_OK.match(content, end + 1):
            raise Refused
        parts.append(content[:end])
        self.quoting = None
        text, breaks = parts[0].replace("''", "'"), 0
        for part in parts[1:]:
            if part is None:
                breaks += 1
                continue
            text += ("\n" * breaks if breaks else " ") + part.replace("''", "'")
            breaks = 0
        into[key] = text

    def _continued(self, last: str, content: str) -> None:
        """``content`` (a line more indented than the innermost collection) as the next line
        of the plain scalar that ``last`` (the line before) wrote or went on with, as
        PyYAML's dumper wraps a long one: the lines joined with one space."""
        _, into, is_list = self.stack[-1]
        folding = self.folding
        if folding is not None and folding[3] is last and folding[0] is into:
            _, key, text, _ = folding
        else:
            head = last
            while head[:2] == "- ":
                head = head[2:].lstrip(" ")
            if is_list:
                if last[:2] != "- " or not into or head[0] in "'\"" or _key_end(head) >= 0:
                    raise Refused
                key, text = len(into) - 1, head
            else:
                end = _key_end(head)
                if end < 0 or head[0] in "'\"" or not into:
                    raise Refused
                key = next(reversed(into))
                if key != _key(head[:end]) or key.__class__ is not str:
                    raise Refused
                text = head[end + 1 :].lstrip(" ")
            if not text or text[0] in _PLAIN_FIRST_BAD or " #" in text:
                raise Refused  # not a plain scalar, or one ended by a comment
            text = text.rstrip(" ")
        line = content.rstrip(" ")
        if line[0] in _PLAIN_FIRST_BAD or line[0] == "-" or ": " in line or " #" in line:
            raise Refused
        if line[-1] == ":":
            raise Refused
        text = f"{text} {line}"
        into[key] = _plain(text)
        self.folding = (into, key, text, content)

    def _line(self, content: str, indent: int, dash: bool) -> None:
        """``content`` (a line from column ``indent`` on) into the innermost collection."""
        stack = self.stack
        at, into, is_list = stack[-1]
        if at != indent:
            raise Refused
        if is_list and not dash:  # the end of a list written under its key's own column
            if len(stack) < 2 or stack[-2][0] != indent or stack[-2][2]:
                raise Refused
            stack.pop()
            at, into, is_list = stack[-1]
        if not is_list:
            if dash:
                raise Refused
            self._entry(into, content, indent)
            return
        if not dash:
            raise Refused
        while True:  # "- - - x": a list in a list, each one column further
            rest = content[1:].lstrip(" ")
            if not rest or rest[0] == "#":
                self.pending = (into, len(into), indent, False)
                into.append(None)
                return
            column = indent + len(content) - len(rest)
            if rest[0] == "-" and (len(rest) == 1 or rest[1] == " "):
                inner: list[Any] = []
                into.append(inner)
                stack.append((column, inner, True))
                if len(stack) > _BLOCK_DEPTH:
                    raise Refused
                into, content, indent = inner, rest, column
                continue
            break
        key_end = -1 if rest[0] in "[{" else _key_end(rest)
        if key_end < 0:
            try:
                into.append(_value(rest))
            except _OpenQuote as open_quote:
                self.quoting = (into, len(into), [open_quote.args[0]], stack[-1][0])
                into.append(None)
            return
        mapping: dict[Any, Any] = {}
        into.append(mapping)
        stack.append((column, mapping, False))
        if len(stack) > _BLOCK_DEPTH:
            raise Refused
        self._entry(mapping, rest, column)

    def _entry(self, into: dict[Any, Any], content: str, indent: int) -> None:
        """A ``key: value`` line (``content``) into the mapping ``into``."""
        end = _key_end(content)
        if end < 0:
            raise Refused
        text = content[:end]
        key = _key(text)
        if key == text and key.__class__ is str and text[0] not in "-.":
            if len(_key_memo) >= _LIMIT:
                _key_memo.clear()
            _key_memo[text] = key  # a plain key that is its own text: no more to check
        if key in into or (key.__class__ is not str and text.rstrip(" ") in into):
            raise Refused
        if text[0] in "'\"" and _as_plain(key) in into:
            raise Refused  # '1' after 1: one key written twice, for the located loader
        rest = content[end + 1 :].lstrip(" ")
        if not rest or rest[0] == "#":
            into[key] = None
            self.pending = (into, key, indent, True)
            return
        try:
            into[key] = _value(rest)
        except _OpenQuote as open_quote:
            self.quoting = (into, key, [open_quote.args[0]], indent)
            into[key] = None


def _key_end(content: str) -> int:
    """Where the ``:`` after the key of a ``key: value`` line is, or -1 (not such a line)."""
    first = content[0]
    if first == "'" or first == '"':
        match = (_SINGLE if first == "'" else _DOUBLE).match(content)
        if match is None:
            return -1
        end = match.end()
        if content[end : end + 1] == ":" and content[end + 1 : end + 2] in ("", " "):
            return end
        return -1
    end = content.find(": ")
    if end < 0:
        end = len(content) - 1 if content[-1] == ":" else -1
    return end if end != 0 else -1  # ": x" (an empty key) is left to libyaml


def _as_plain(text: str) -> Any:
    """What ``text`` would be as a plain scalar when that is not a string, else ``text``
    (a quoted key is the same key as a plain one of the same text, for the located loader)."""
    try:
        return _plain(text) if text else None
    except Refused:
        return text


def _key(text: str) -> Any:
    """A key's value (its text up to the ``:``), refusing what YAML reads otherwise."""
    first = text[0]
    if first == "'" or first == '"':
        return _quoted(text, first)
    text = text.rstrip(" ")
    if len(text) > _KEY_MAX or " #" in text:
        raise Refused
    return _plain(text)


def _value(text: str) -> Any:
    """A value written after ``key: `` or ``- `` (spaces before it removed), remembered
    when short and not a collection."""
    value = _value_memo.get(text, _MISSING)
    if value is not _MISSING:
        return value
    value = _value_text(text)
    if len(text) <= _REMEMBER and value.__class__ is not list and value.__class__ is not dict:
        if len(_value_memo) >= _LIMIT:
            _value_memo.clear()
        _value_memo[text] = value
    return value


def _value_text(text: str) -> Any:
    first = text[0]
    if first == "'" or first == '"':
        if first == "'" and _body_end(text, 1) == len(text):
            raise _OpenQuote(text[1:].rstrip(" "))  # goes on on the next lines
        match = (_SINGLE if first == "'" else _DOUBLE).match(text)
        if match is None or not _REST_OK.match(text, match.end()):
            raise Refused  # a double-quoted scalar over several lines, or more after it
        return _quoted(match.group(0), first)
    if first == "[" or first == "{":
        value, end = _flow(text, 0, 0)
        if not _REST_OK.match(text, end):
            raise Refused
        return value
    cut = text.find(" #")
    if cut >= 0:
        text = text[:cut]
    text = text.rstrip(" ")
    if text.endswith(":") or ": " in text:
        raise Refused
    return _plain(text)


def _flow(text: str, at: int, depth: int) -> tuple[Any, int]:
    """The flow collection (``[a, 1]``, ``{en: x, ru: 'y'}``) opening at ``text[at]``, all on
    its line, and where it ends. Only a strict subset: scalars (plain ones without ``:``,
    ``#`` nor flow indicators), nested collections, string keys, one ``, `` between items."""
    if depth > _FLOW_DEPTH:
        raise Refused
    is_map = text[at] == "{"
    closing = "}" if is_map else "]"
    out: Any = {} if is_map else []
    at = _spaces(text, at + 1)
    if text[at : at + 1] == closing:
        return out, at + 1
    while True:
        if is_map:
            key, at = _flow_scalar(text, at, True)
            if key.__class__ is not str or key in out or text[at : at + 2] != ": ":
                raise Refused
            value, at = _flow_item(text, _spaces(text, at + 2), depth)
            out[key] = value
        else:
            value, at = _flow_item(text, at, depth)
            out.append(value)
        at = _spaces(text, at)
        mark = text[at : at + 1]
        if mark == closing:
            return out, at + 1
        if mark != ",":
            raise Refused
        at = _spaces(text, at + 1)


def _flow_item(text: str, at: int, depth: int) -> tuple[Any, int]:
    if text[at : at + 1] in ("[", "{"):
        return _flow(text, at, depth + 1)
    return _flow_scalar(text, at, False)


def _flow_scalar(text: str, at: int, key: bool) -> tuple[Any, int]:
    """A scalar in a flow collection and where it ends (spaces after a plain one left)."""
    first = text[at : at + 1]
    if first == "'" or first == '"':
        match = (_SINGLE if first == "'" else _DOUBLE).match(text, at)
        if match is None:
            raise Refused
        return _quoted(match.group(0), first), _spaces(text, match.end())
    match = _FLOW_PLAIN.match(text, at)
    end = match.end() if match else at
    plain = text[at:end].rstrip(" ")
    if not plain or text[end : end + 1] not in ((":",) if key else (",", "]", "}")):
        raise Refused  # an empty item, a ':', '#' or '[' in a plain scalar, the line's end
    if key and (plain != text[at:end] or len(plain) > _KEY_MAX):
        raise Refused
    return _plain(plain), end


def _spaces(text: str, at: int) -> int:
    while text[at : at + 1] == " ":
        at += 1
    return at


def _body_end(text: str, at: int) -> int:
    """Where the single-quoted text from ``at`` on ends (its closing quote, or the end)."""
    match = _SINGLE_BODY.match(text, at)
    return at if match is None else match.end()


def _quoted(text: str, quote: str) -> str:
    """A whole quoted scalar (quotes included) on one line."""
    inner = text[1:-1]
    if quote == "'":
        return inner.replace("''", "'")
    if "\\" not in inner:
        return inner
    return _ESCAPE.sub(_unescape, inner)


def _unescape(match: re.Match[str]) -> str:
    kind, digits, char = match.groups()
    if kind is None:
        try:
            return _ESCAPES[char]
        except KeyError:
            raise Refused from None
    length = _HEX_LENGTH[kind]
    if len(digits) < length:
        raise Refused
    code = int(digits[:length], 16)
    if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        raise Refused
    return chr(code) + digits[length:]


def _plain(text: str) -> Any:
    """A plain scalar's value, resolved as PyYAML's implicit resolvers say (remembered)."""
    value = _plain_memo.get(text, _MISSING)
    if value is not _MISSING:
        return value
    first = text[:1]
    if first in _PLAIN_FIRST_BAD or (first == "-" and text[1:2] in ("", " ")):
        raise Refused
    value = _resolved(text)
    if len(text) <= _REMEMBER:
        if len(_plain_memo) >= _LIMIT:
            _plain_memo.clear()
        _plain_memo[text] = value
    return value


def _resolved(text: str) -> Any:
    """A plain scalar's value: PyYAML's implicit resolvers and safe constructors."""
    first = text[:1]
    if first in _WORDS_FIRST or not first:
        return _WORDS.get(text, text)
    if first not in _NUMBER_FIRST:
        if text == "<<" or text == "=":  # a merge key; PyYAML's 'value', which it cannot make
            raise Refused
        return text
    if text.isdigit() and text.isascii() and (first != "0" or len(text) == 1):
        try:  # decimal: only the int resolver takes it
            return int(text)
        except ValueError:  # too many digits: PyYAML raises
            raise Refused from None
    return _constructed(text, _resolved_tag(text))


def _resolved_tag(text: str) -> str | None:
    """The tag PyYAML's implicit resolvers give a plain scalar (``None``: a string)."""
    first = text[:1]
    resolvers = _by_first.get(first)
    if resolvers is None:
        resolvers = _by_first[first] = [
            (tag, re.compile(pattern, flags))
            for tag, pattern, flags, firsts in IMPLICIT_RESOLVERS
            if first in firsts
        ]
    return next((tag for tag, regexp in resolvers if regexp.match(text)), None)


def _constructed(text: str, tag: str | None) -> Any:
    if tag is None:
        return text
    name = tag[18:]
    try:
        if name == "null":
            return None
        if name == "bool":
            return text.lower() in ("yes", "true", "on")
        if name == "int":
            return _int(text)
        if name == "float":
            return _float(text)
        if name == "timestamp" and _DATE.match(text):
            return dt.date(int(text[:4]), int(text[5:7]), int(text[8:10]))
    except (ValueError, OverflowError):  # PyYAML raises too: libyaml's way says where
        raise Refused from None
    raise Refused  # a timestamp with a time, a merge key, '=': left to libyaml


def _int(text: str) -> int:
    """PyYAML's ``construct_yaml_int``."""
    value = text.replace("_", "")
    sign = -1 if value[0] == "-" else 1
    if value[0] in "+-":
        value = value[1:]
    if value == "0":
        return 0
    if value.startswith("0b"):
        return sign * int(value[2:], 2)
    if value.startswith("0x"):
        return sign * int(value[2:], 16)
    if value[0] == "0":
        return sign * int(value, 8)
    if ":" in value:
        total, base = 0, 1
        for part in reversed(value.split(":")):
            total += int(part) * base
            base *= 60
        return sign * total
    return sign * int(value)


def _float(text: str) -> float:
    """PyYAML's ``construct_yaml_float``."""
    value = text.replace("_", "").lower()
    sign = -1 if value[0] == "-" else 1
    if value[0] in "+-":
        value = value[1:]
    if value == ".inf":
        return sign * float("inf")
    if value == ".nan":  # PyYAML gives its one NaN object (equal in a dict to itself only)
        raise Refused
    if ":" in value:  # summed from the last part, as PyYAML sums (the same rounding)
        total, base = 0.0, 1
        for part in reversed(value.split(":")):
            total += float(part) * base
            base *= 60
        return sign * total
    return sign * float(value)

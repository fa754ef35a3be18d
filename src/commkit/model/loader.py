"""YAML -> Python data -> pydantic models, with every error located by file:line:column.

PyYAML is used only to parse (the C safe parser when the wheel has it); turning nodes
into data is done here so that we can remember where every value came from, refuse
duplicate keys (PyYAML silently keeps the last), refuse tags that build Python objects,
and bound alias expansion.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from commkit.errors import ContentError, Diagnostic
from commkit.errors import format_path as format_path
from commkit.model import fast_yaml

if TYPE_CHECKING:
    from commkit.model.expansion import Expansion

# libyaml's parser and composer (the C safe loader when the wheel has it) with each plain
# scalar's resolution remembered (:mod:`commkit.model.composed_yaml`): the same nodes;
# parse_text of the shipped checklist and methodology 11 % less CPU than CSafeLoader's
from commkit.model.composed_yaml import MAX_VALUES
from commkit.model.composed_yaml import _Loader as _Loader
from commkit.model.line_yaml import MAX_DEPTH  # the bound on nesting, every reader's

HAS_C_LOADER: bool = yaml.__with_libyaml__

MAX_FILE_BYTES = 2 * 1024 * 1024
"""Files above this size are refused: content and answers are a few hundred KB at most."""
MAX_NODES = MAX_VALUES
"""Bound on values built from one file, aliases expanded: stops 'billion laughs' bombs
(defined beside libyaml's way, which refuses beyond it too)."""

Path_ = tuple[str | int, ...]
M = TypeVar("M", bound=BaseModel)

_ALLOWED_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}


@dataclass(frozen=True)
class Pos:
    file: Path
    line: int  # 1-based
    column: int  # 1-based


@dataclass
class Document:
    """Parsed data of one file with the position of every value and key in it."""

    path: Path
    data: Any
    lines: list[str]
    values: dict[Path_, Pos] = field(default_factory=dict)
    keys: dict[Path_, Pos] = field(default_factory=dict)
    problems: list[Diagnostic] = field(default_factory=list)
    """Errors found while parsing (duplicate keys) that validation reports with its own."""

    @property
    def kind(self) -> str | None:
        return self.data.get("kind") if isinstance(self.data, dict) else None

    def pos(self, path: Path_, key: bool = False) -> Pos | None:
        """The closest known position for ``path`` (walking up to its parents)."""
        table = self.keys if key else self.values
        probe = tuple(path)
        while True:
            if probe in table:
                return table[probe]
            if key and probe in self.values:
                return self.values[probe]
            if not probe:
                return None
            probe = probe[:-1]

    def diagnostic(
        self, path: Path_, message: str, key: bool = False, severity: str = "error"
    ) -> Diagnostic:
        pos = self.pos(path, key=key)
        line = pos.line if pos else None
        source = None
        file = pos.file if pos else self.path
        if pos is not None:
            source = _source_line(pos.file, pos.line, self.lines if pos.file == self.path else None)
        return Diagnostic(
            message=message,
            file=file,
            line=line,
            column=pos.column if pos else None,
            field=format_path(path) or None,
            source_line=source,
            severity=severity,
        )


_SOURCE_CACHE: dict[Path, list[str]] = {}


def forget_source(path: Path) -> None:
    """Drop the cached lines of ``path``: callers that stream thousands of files call this
    once a file's diagnostics are built, so memory does not grow with the number of files."""
    _SOURCE_CACHE.pop(path, None)


def _source_line(file: Path, line: int, lines: list[str] | None) -> str | None:
    if lines is None:
        lines = _SOURCE_CACHE.get(file)
    if lines is None or not 1 <= line <= len(lines):
        return None
    return lines[line - 1]


# ---------------------------------------------------------------- reading text


def read_text(path: Path, max_bytes: int = MAX_FILE_BYTES) -> str:
    """Read a UTF-8 file (BOM and CRLF welcome); refuse huge, binary or mis-encoded files."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ContentError(
                "",
                [
                    Diagnostic(
                        f"file is {size:,} bytes, over the {max_bytes:,}-byte limit", file=path
                    )
                ],
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ContentError("", [Diagnostic("no such file", file=path)]) from None
    except IsADirectoryError:
        raise ContentError("", [Diagnostic("is a folder, not a file", file=path)]) from None
    except OSError as exc:
        raise ContentError("", [Diagnostic(f"cannot read: {exc.strerror}", file=path)]) from None
    return decode_bytes(raw, path)


def decode_bytes(raw: bytes, path: Path) -> str:
    if len(raw) > MAX_FILE_BYTES:
        raise ContentError(
            "", [Diagnostic(f"input is over the {MAX_FILE_BYTES:,}-byte limit", file=path)]
        )
    if b"\x00" in raw:
        raise ContentError("", [Diagnostic("binary data (NUL bytes), not a text file", file=path)])
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        hint = "save it as UTF-8"
        try:
            guess = raw.decode("cp1251")
            if any("\u0400" <= ch <= "\u04ff" for ch in guess):
                hint = "it looks like Windows-1251 (cp1251) Cyrillic: save it as UTF-8"
        except UnicodeDecodeError:
            pass
        raise ContentError(
            "",
            [Diagnostic(f"the file is not valid UTF-8 ({hint})", file=path, line=line)],
        ) from None
    return text.replace("\r\n", "\n")


# ---------------------------------------------------------------- YAML -> data


class _Builder:
    def __init__(self, path: Path, loader: Any) -> None:
        self.path = path
        self.loader = loader
        self.doc_values: dict[Path_, Pos] = {}
        self.doc_keys: dict[Path_, Pos] = {}
        self.count = 0
        self.errors: list[tuple[Path_, Pos, str]] = []

    def pos(self, node: yaml.Node) -> Pos:
        mark = node.start_mark
        return Pos(self.path, mark.line + 1, mark.column + 1)

    def build(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _Abort(self.pos(node), _TOO_MANY_VALUES)
        if depth > MAX_DEPTH:
            raise _Abort(self.pos(node), _TOO_DEEP)
        self.doc_values.setdefault(path, self.pos(node))
        # A problem in one value is noted and the rest of the file is still read, so that
        # one run reports every error of the file (a bad date does not hide a typo below).
        if node.tag not in _ALLOWED_TAGS:
            self.note(
                path,
                node,
                f"the tag {node.tag!r} is not allowed: commkit reads plain YAML data only",
            )
            return None
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    self.note(path, key_node, "merge keys ('<<') are not supported")
                    continue
                if not isinstance(key_node, yaml.ScalarNode):
                    self.note(path, key_node, "a key must be a plain value, not a list or map")
                    continue
                key = _as_key(self.build(key_node, (*path, "<key>"), depth + 1), key_node)
                key_path = (*path, key)
                if key in result:
                    first = self.doc_keys.get(key_path)
                    where = f" (first at line {first.line})" if first else ""
                    self.errors.append(
                        (key_path, self.pos(key_node), f"duplicate key {key!r}{where}")
                    )
                    continue
                self.doc_keys[key_path] = self.pos(key_node)
                result[key] = self.build(value_node, key_path, depth + 1)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        if node.tag == _STR:
            # what the constructor makes of a text, without its bookkeeping: parse_text of
            # the shipped checklist and methodology (most values texts) 11 % less CPU
            return node.value
        try:
            return self.loader.construct_object(node, deep=True)
        except yaml.YAMLError as exc:
            self.note(path, node, _yaml_problem(exc))
        except (ValueError, OverflowError) as exc:  # e.g. a timestamp with month 13
            self.note(path, node, f"invalid value {node.value!r}: {exc}")
        return node.value

    def note(self, path: Path_, node: yaml.Node, message: str) -> None:
        self.errors.append((path, self.pos(node), message))


_TOO_MANY_VALUES = (
    f"the document expands to more than {MAX_NODES:,} values (an alias bomb?): refused"
)
_TOO_DEEP = f"nesting deeper than {MAX_DEPTH} levels: refused"


def _as_key(value: Any, key_node: yaml.Node) -> Any:
    """A mapping key as the builder keeps it: an integer as read, other numbers, booleans'
    spellings and nulls as written (a bool is an int here: ``True`` stays ``True``)."""
    if isinstance(value, bool | int | float) or value is None:
        return key_node.value if not isinstance(value, int) else value
    return value


def _key_reader() -> Any:
    """The key the builder makes of a key node, read by a constructor of its own (the
    loader's remembers a failed construction, and its messages must not change)."""
    constructor = yaml.constructor.SafeConstructor()

    def key_of(node: yaml.ScalarNode) -> Any:
        if node.tag == _STR:
            return node.value
        if node.tag not in _ALLOWED_TAGS:
            return _as_key(None, node)
        try:
            value = constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError):
            value = node.value
        return _as_key(value, node)

    return key_of


def expansion_of(node: yaml.Node) -> Expansion:
    """What the builder would build from ``node``, counted without building it."""
    from commkit.model.expansion import Expansion

    return Expansion(
        node,
        max_values=MAX_NODES,
        max_depth=MAX_DEPTH,
        allowed_tags=_ALLOWED_TAGS,
        key_of=_key_reader(),
    )


def refuse_expansion(node: yaml.Node, builder: _Builder) -> None:
    """Refuse (:class:`_Abort`) a document that expands to more than ``MAX_NODES`` values
    where the builder would, without building any: a few ms for a 'billion laughs' file
    instead of 2-10 s building 250,000 values first (see :mod:`commkit.model.expansion`)."""
    stop = expansion_of(node).stop()
    if stop is not None:
        message = _TOO_MANY_VALUES if stop.limit == "values" else _TOO_DEEP
        raise _Abort(builder.pos(stop.node), message)


class _Abort(Exception):
    def __init__(self, pos: Pos, message: str) -> None:
        super().__init__(message)
        self.pos = pos
        self.message = message


_TAB_HINT = " (YAML does not allow tabs for indentation: use spaces)"
_CONTROL_CHARACTER = (
    "control character #x{code} is not allowed: delete it (most editors do not show it)"
)


def _yaml_problem(exc: yaml.YAMLError, lines: list[str] | None = None) -> str:
    """libyaml's words for a syntax error, with the hint about tabs only when a tab is the
    problem: libyaml names it ("found a tab character"), or the character at the problem's
    mark in ``lines`` is one. (Any "tab" in the text, as in "unacceptable", added it.)"""
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    text = f"{context}, {problem}" if context else problem
    if _is_tab_problem(problem, getattr(exc, "problem_mark", None), lines):
        text += _TAB_HINT
    return f"invalid YAML: {text}"


def _is_tab_problem(problem: str, mark: yaml.Mark | None, lines: list[str] | None) -> bool:
    if "tab character" in problem or "'\\t'" in problem:  # libyaml's, PyYAML's words
        return True
    if mark is None or lines is None or not 0 <= mark.line < len(lines):
        return False
    return lines[mark.line][mark.column : mark.column + 1] == "\t"


def _control_character(
    exc: yaml.reader.ReaderError, text: str, lines: list[str], path: Path
) -> Diagnostic:
    """A control character (libyaml refuses it while reading) at its line and column:
    libyaml gives its place as a byte offset in the UTF-8 text, with no line."""
    before = text.encode("utf-8")[: exc.position].decode("utf-8", "ignore")
    line = before.count("\n") + 1
    column = len(before) - before.rfind("\n")
    return Diagnostic(
        "invalid YAML: " + _CONTROL_CHARACTER.format(code=f"{exc.character:04X}"),
        file=path,
        line=line,
        column=column,
        source_line=lines[line - 1] if line <= len(lines) else None,
    )


def parse_text(text: str, path: Path) -> Document:
    """Parse one YAML document (or JSON, which is YAML) into a :class:`Document`."""
    lines = text.split("\n")
    _SOURCE_CACHE[path] = lines
    loader = _Loader(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark else None
            col = mark.column + 1 if mark else None
            message = _yaml_problem(exc, lines)
            if "expected a single document" in f"{exc.context} {exc.problem}":
                message = "the file holds more than one YAML document ('---'): use one per file"
            raise ContentError(
                "",
                [
                    Diagnostic(
                        message,
                        file=path,
                        line=line,
                        column=col,
                        source_line=lines[line - 1] if line and line <= len(lines) else None,
                    )
                ],
            ) from None
        except yaml.reader.ReaderError as exc:
            if not isinstance(exc.character, int):
                raise ContentError("", [Diagnostic(_yaml_problem(exc), file=path)]) from None
            raise ContentError("", [_control_character(exc, text, lines, path)]) from None
        except yaml.YAMLError as exc:
            raise ContentError("", [Diagnostic(_yaml_problem(exc), file=path)]) from None
        if node is None:
            raise ContentError("", [Diagnostic("the file is empty", file=path, line=1)])
        builder = _Builder(path, loader)
        try:
            if "*" in text and "&" in text:  # an alias (and its anchor): counted first
                refuse_expansion(node, builder)
            data = builder.build(node, (), 0)
        except _Abort as abort:
            raise ContentError(
                "",
                [
                    Diagnostic(
                        abort.message,
                        file=path,
                        line=abort.pos.line,
                        column=abort.pos.column,
                        source_line=_source_line(path, abort.pos.line, lines),
                    )
                ],
            ) from None
    finally:
        loader.dispose()
    doc = Document(path, data, lines, builder.doc_values, builder.doc_keys)
    doc.problems = [
        Diagnostic(
            msg,
            file=path,
            line=pos.line,
            column=pos.column,
            field=format_path(p),
            source_line=_source_line(path, pos.line, lines),
        )
        for p, pos, msg in builder.errors
    ]
    return doc


def parse_file(path: Path) -> Document:
    return parse_text(read_text(path), path)


class _NotPlain(Exception):
    """The text has something :func:`parse_text` treats with care: read it that way."""


_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


class _PlainData:
    """Nodes to data as :class:`_Builder` makes it, refusing (:class:`_NotPlain`) anything
    it reads differently or reports: a tag beyond plain data, an alias (a node met twice),
    a merge key, a key that is not a string or an integer, a key written twice, nesting too
    deep, too many values."""

    def __init__(self, aliases: bool) -> None:
        self.seen: set[int] | None = set() if aliases else None
        self.count = 1  # values built, keys included (as _Builder counts them)

    def data(self, node: yaml.Node, depth: int) -> Any:
        if self.seen is not None:
            if id(node) in self.seen:
                raise _NotPlain
            self.seen.add(id(node))
        kind = node.__class__
        if kind is yaml.ScalarNode:
            return node.value if node.tag == _STR else fast_yaml.scalar(node)
        items = node.value
        if depth >= MAX_DEPTH and items:
            raise _NotPlain
        depth += 1
        if kind is yaml.MappingNode and node.tag == _MAP:
            self.count += 2 * len(items)
            if self.count > MAX_NODES:
                raise _NotPlain
            out: dict[Any, Any] = {}
            for key_node, value_node in items:
                if key_node.__class__ is not yaml.ScalarNode:
                    raise _NotPlain
                tag = key_node.tag
                if tag == _STR:
                    key = key_node.value
                elif tag == _INT:
                    key = fast_yaml.scalar(key_node)
                else:
                    raise _NotPlain
                if key in out:
                    raise _NotPlain
                out[key] = self.data(value_node, depth)
            return out
        if kind is yaml.SequenceNode and node.tag == _SEQ:
            self.count += len(items)
            if self.count > MAX_NODES:
                raise _NotPlain
            return [self.data(item, depth) for item in items]
        raise _NotPlain


def parse_plain(text: str, path: Path) -> Document | None:
    """``text`` parsed as :func:`parse_text` parses it, but without positions (several
    times faster); ``None`` when it is not plain data (see :class:`_PlainData`) or not
    valid YAML. For batches: a file whose data passes every check needs no positions, and
    any other is parsed again with them, so that each problem names its line.

    libyaml composes the nodes with the scalars' resolution remembered
    (:mod:`commkit.model.fast_yaml`); one walk checks and builds the data. An alias needs
    a ``*`` in the text: without one, no node can be met twice and none is tracked."""
    try:
        node = fast_yaml.compose(text)
        if node is None:
            return None
        data = _PlainData(aliases="*" in text).data(node, 0)
    except (
        _NotPlain,
        fast_yaml.Refused,
        yaml.YAMLError,
        ValueError,
        OverflowError,
        RecursionError,
    ):
        return None
    return Document(path, data, [])


# ---------------------------------------------------------------- data -> model


def resolve_loc(data: Any, loc: Iterable[str | int]) -> Path_:
    """Map a pydantic error location onto the data, dropping union/validator tags."""
    out: list[str | int] = []
    current = data
    for part in loc:
        in_list = isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        if in_list or (isinstance(current, dict) and part in current):
            out.append(part)
            current = current[part]
        elif isinstance(current, dict) and isinstance(part, str) and not _is_tag(part):
            out.append(part)  # a missing or unknown key
            current = None
    return tuple(out)


def _is_tag(part: str) -> bool:
    return (
        "[" in part
        or part in {"str", "int", "float", "bool", "list", "dict", "none"}
        or part.startswith(("function-", "literal", "list[", "dict["))
    )


def _friendly(err: dict[str, Any], model: type[BaseModel], path: Path_) -> str:
    kind = err.get("type", "")
    msg = str(err.get("msg", "invalid value"))
    if kind == "extra_forbidden":
        name = str(path[-1]) if path else "?"
        allowed = _allowed_keys(model, path[:-1])
        hint = difflib.get_close_matches(name, allowed, n=1)
        suggestion = f" (did you mean {hint[0]!r}?)" if hint else ""
        return f"unknown key {name!r}{suggestion}"
    if kind == "missing":
        name = str(path[-1]) if path else "?"
        return f"missing required key {name!r}"
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, ") :]
    return msg[:1].lower() + msg[1:]


def _allowed_keys(model: type[BaseModel], path: Path_) -> list[str]:
    """Field names of the sub-model at ``path`` (best effort, for 'did you mean')."""
    current: Any = model
    for part in path:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or part not in fields:
            return []
        current = _inner_model(fields[part].annotation)
    fields = getattr(current, "model_fields", None)
    return list(fields) if fields else []


def _inner_model(annotation: Any) -> Any:
    from typing import get_args

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def format_diagnostic(doc: Document, model: type[BaseModel]) -> Diagnostic | None:
    """The file's format cannot be read by this commkit: the one thing worth saying then
    (its other keys would be judged by the wrong rules)."""
    from commkit.model.formats import format_problem

    if not isinstance(doc.data, dict) or "version" not in doc.data:
        return None
    kind_field = model.model_fields.get("kind")
    kind = kind_field.default if kind_field is not None else None
    if not isinstance(kind, str):
        from typing import get_args

        args = get_args(kind_field.annotation) if kind_field is not None else ()
        kind = str(args[0]) if args else None
    problem = format_problem(kind, doc.data["version"]) if kind else None
    return doc.diagnostic(("version",), problem) if problem else None


def validate_document(doc: Document, model: type[M]) -> M:
    """Validate parsed data against ``model``; every error located, all of them at once."""
    unreadable = format_diagnostic(doc, model)
    if unreadable is not None:
        raise ContentError("", [unreadable])
    try:
        result = model.model_validate(doc.data)
    except ValidationError as exc:
        raise ContentError("", with_problems(doc, diagnostics_from(exc, doc, model))) from None
    if doc.problems:
        raise ContentError("", list(doc.problems))
    return result


def with_problems(doc: Document, found: list[Diagnostic]) -> list[Diagnostic]:
    """The parse problems of ``doc`` and the validation errors ``found``, each place once
    (a value the parser refused is not also reported by validation)."""
    noted = {(d.field, d.line) for d in doc.problems}
    same = [d for d in found if d.field is not None and (d.field, d.line) in noted]
    return [*doc.problems, *(d for d in found if d not in same)]


def diagnostics_from(
    exc: ValidationError, doc: Document, model: type[BaseModel]
) -> list[Diagnostic]:
    grouped: dict[Path_, list[str]] = {}
    kinds: dict[Path_, str] = {}
    for err in exc.errors(include_url=False):
        path = resolve_loc(doc.data, err["loc"])
        text = _friendly(dict(err), model, path)
        bucket = grouped.setdefault(path, [])
        if text not in bucket:
            bucket.append(text)
        kinds.setdefault(path, err["type"])
    result = []
    for path, messages in grouped.items():
        if set(messages) == _TEXT_UNION:
            messages = ["expected a text, or a map of languages such as {en: ..., ru: ...}"]
        message = " or ".join(messages) if len(messages) > 1 else messages[0]
        result.append(doc.diagnostic(path, message, key=kinds[path] == "extra_forbidden"))
    return result


_TEXT_UNION = {"input should be a valid string", "input should be a valid dictionary"}


def kind_model(doc: Document) -> type[BaseModel]:
    """The model for a document, chosen by its ``kind:`` header."""
    from commkit.model import KIND_NAMES, kind_class

    if not isinstance(doc.data, dict):
        raise ContentError(
            "", [doc.diagnostic((), "expected a mapping with 'kind:' and 'version:' at the top")]
        )
    kind = doc.data.get("kind")
    if kind is None:
        raise ContentError(
            "",
            [
                doc.diagnostic(
                    (), f"missing 'kind:' header (one of: {', '.join(sorted(KIND_NAMES))})"
                )
            ],
        )
    if not isinstance(kind, str) or kind not in KIND_NAMES:
        raise ContentError(
            "",
            [
                doc.diagnostic(
                    ("kind",), f"unknown kind {kind!r} (one of: {', '.join(sorted(KIND_NAMES))})"
                )
            ],
        )
    if "version" not in doc.data:
        raise ContentError("", [doc.diagnostic((), "missing 'version:' header")])
    model: type[BaseModel] = kind_class(kind)
    return model


def load_document(doc: Document, model: type[M] | None = None) -> M | BaseModel:
    chosen = model or kind_model(doc)
    if model is not None and isinstance(doc.data, dict):
        expected = model.model_fields.get("kind")
        if expected is not None and doc.data.get("kind") is not None:
            kind_model(doc)  # unknown kinds get the friendlier message
    return validate_document(doc, chosen)


def load_file(path: Path, model: type[M] | None = None) -> Any:
    """Load one file into its model (chosen by ``kind:`` unless ``model`` is given)."""
    return load_document(parse_file(path), model)


def load_json_or_yaml_text(text: str, path: Path) -> Document:
    """Parse text from stdin or a string: JSON first (fast path), YAML otherwise."""
    stripped = text.lstrip()
    if stripped.startswith("{"):
        try:
            data = json.loads(text)
        except ValueError:
            pass
        else:
            doc = parse_text(text, path) if len(text) < 200_000 else Document(path, data, [])
            return doc
    return parse_text(text, path)

"""Plain YAML documents composed by libyaml, read faster than ``yaml.load(text,
Loader=CSafeLoader)``, same data (what :mod:`commkit.model.fast_yaml` does with what the line
reader refuses).

libyaml (in C) parses and composes the document into nodes; PyYAML's safe constructor then
turns the nodes into Python objects in pure Python, and that is most of the cost of reading
a workspace file. Workspace files are plain: mappings, lists and scalars, with the same keys
and values over and over. :func:`load` composes with libyaml as before, remembers how each
short plain scalar resolves and what each non-string scalar becomes, and builds the
dictionaries and lists in one small recursive walk.

Anything beyond plain data (a tag other than the standard scalar ones, a merge key, a key
that is not a scalar, a key written twice, a second document) raises :class:`Refused`; the
caller then reads the file with the located loader, which decides and reports. The data of
a document it accepts is what PyYAML's safe loader gives.
"""

from __future__ import annotations

import operator
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from commkit.model.line_yaml import MAX_DEPTH
from commkit.model.line_yaml import Refused as Refused  # one refusal for both readers

try:
    from yaml import CSafeLoader as _CLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _CLoader  # type: ignore[assignment]

_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_SCALAR_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float", "timestamp")
)
_REMEMBER = 64
"""Scalars up to this length are remembered (keys, ids, numbers, dates; not prose)."""
MAX_VALUES = 250_000
"""The most values a document may expand to, aliases followed; the located loader's bound
too (``loader.MAX_NODES``, which imports it from here: below them both)."""
_LIMIT = 100_000
"""Entries each memo may hold before it starts over: memory stays bounded."""

_tags: dict[str, str] = {}
"""A plain scalar -> its tag (the implicit resolvers look at nothing else)."""
_values: dict[tuple[str, str], Any] = {}
_constructor = yaml.constructor.SafeConstructor()
_resolve: Any = _CLoader.resolve


class _Loader(_CLoader):
    """libyaml's parser and composer with scalar resolution remembered.

    The composer calls three Python methods around every node: ``descend_resolver``,
    ``resolve`` and ``ascend_resolver``. Without path resolvers (none is registered unless
    someone calls ``yaml.add_path_resolver``) the first and last do nothing, so they are
    replaced by C functions that do nothing as cheaply; ``resolve`` answers a collection's
    tag and a quoted scalar's at once and remembers what a short plain scalar resolves to.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        if not self.yaml_path_resolvers:
            # descend_resolver(node, index) and ascend_resolver(): results ignored
            vars(self).update(descend_resolver=operator.is_, ascend_resolver=tuple)

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if self.yaml_path_resolvers:
            return _resolve(self, kind, value, implicit)
        if kind is ScalarNode:
            if not implicit[0]:  # quoted, block or tagged '!': a string, as PyYAML says
                return _STR
            if len(value) > _REMEMBER:
                return _resolve(self, kind, value, implicit)
            tag = _tags.get(value)
            if tag is None:
                if len(_tags) >= _LIMIT:
                    _tags.clear()
                tag = _tags[value] = _resolve(self, kind, value, implicit)
            return tag
        return _MAP if kind is MappingNode else _SEQ


def load(text: str) -> Any:
    """The data of the one YAML document in ``text`` (``None`` for an empty one), or
    :class:`Refused`. libyaml's own errors (bad syntax) propagate as PyYAML raises them.

    Safe on its own, whoever calls it: a document whose aliases expand it beyond the
    located loader's bound (a "billion laughs" makes millions of values of a few lines),
    a node that holds itself, and nesting deeper than :data:`MAX_DEPTH` are refused, and
    the located loader, which bounds all three alike, says where."""
    node = compose(text)
    if node is None:
        return None
    try:
        if "*" in text and "&" in text:  # an alias needs both: counted first
            _refuse_expansion(node)
        return _walk(node, 0)
    except RecursionError:  # a caller already near Python's recursion limit
        raise Refused from None


def _refuse_expansion(root: Node) -> None:
    """:class:`Refused` if the values ``root`` expands to, aliases followed, are more than
    the located loader builds (:data:`MAX_VALUES`), or a node holds itself; each node is counted
    once, so a bomb costs what its lines do, not what it expands to."""
    sizes: dict[int, int] = {}

    def size(node: Node) -> int:
        known = sizes.get(id(node))
        if known is not None:
            if known < 0:  # met again while it is being counted: it holds itself
                raise Refused
            return known
        sizes[id(node)] = -1
        total = 1
        if node.__class__ is MappingNode:
            for key_node, value_node in node.value:
                total += size(key_node) + size(value_node)
        elif node.__class__ is SequenceNode:
            for item in node.value:
                total += size(item)
        sizes[id(node)] = total
        return total

    if size(root) > MAX_VALUES:
        raise Refused


def compose(text: str) -> Node | None:
    """The node tree of the one YAML document in ``text`` as libyaml composes it (``None``
    for an empty one), its scalars resolved from the memo. libyaml's errors propagate."""
    loader = _Loader(text)
    try:
        node: Node | None = loader.get_single_node()
    finally:
        loader.dispose()
    return node


def scalar(node: Node) -> Any:
    """The value of a scalar node, as PyYAML's safe constructor makes it (remembered when
    short); :class:`Refused` for a tag beyond the standard scalar ones."""
    tag = node.tag
    if tag == _STR:
        return node.value
    key = (tag, node.value)
    try:
        return _values[key]
    except KeyError:
        pass
    if tag not in _SCALAR_TAGS:
        raise Refused
    value = _constructor.yaml_constructors[tag](_constructor, node)
    if len(node.value) <= _REMEMBER:  # immutable: None, bool, int, float, date, datetime
        if len(_values) >= _LIMIT:
            _values.clear()
        _values[key] = value
    return value


def _walk(node: Node, depth: int) -> Any:
    kind = node.__class__
    if kind is ScalarNode:
        return node.value if node.tag == _STR else scalar(node)
    # counted, not left to Python's stack, whose depth differs between versions (3.11 ran
    # out at about 500 levels, 3.12 and later do not): every Python reads the same files
    if depth >= MAX_DEPTH and node.value:  # its items would be deeper than the bound
        raise Refused
    depth += 1
    if kind is MappingNode and node.tag == _MAP:
        out: dict[Any, Any] = {}
        written: set[str] = set()
        for key_node, value_node in node.value:
            # a repeated key, as written or as read (1 and 1.0), goes to the located loader
            if key_node.__class__ is not ScalarNode or key_node.value in written:
                raise Refused
            written.add(key_node.value)
            key = key_node.value if key_node.tag == _STR else scalar(key_node)
            if key in out:
                raise Refused
            out[key] = _walk(value_node, depth)
        return out
    if kind is SequenceNode and node.tag == _SEQ:
        return [_walk(item, depth) for item in node.value]
    raise Refused

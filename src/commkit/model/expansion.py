"""How many values a composed YAML document expands to, counted before any is built.

An alias is the same node as its anchor, so a file of a few hundred bytes can expand to a
billion values ("billion laughs"). The located loader (:mod:`commkit.model.loader`) builds
values one by one and refuses at the 250,001st; building 250,000 values first took a
reader 2-10 s per bomb. Here each node's expanded size is counted once from the node graph
(memoised: an alias multiplies sizes without building anything), and when the document
passes the bound, the walk in the builder's own order that skips every subtree that fits
finds the node where the builder would stop, and why: so the refusal is the same message at
the same position, in milliseconds.

The children counted are those the builder builds, in its order: a mapping's keys and
values (not a merge key's pair, a key that is not a scalar or the value of a key written
twice), a list's items, nothing under a tag it does not allow.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable
from typing import NamedTuple

import yaml

_MERGE = "tag:yaml.org,2002:merge"


class Stop(NamedTuple):
    """Where the builder would stop: the node, and ``"values"`` or ``"depth"``."""

    node: yaml.Node
    limit: str


class Expansion:
    """The expanded size and depth of every node reachable from ``root``, as the builder
    counts them (sizes capped just past ``max_values``, depths past ``max_depth``: nothing
    beyond is ever compared)."""

    def __init__(
        self,
        root: yaml.Node,
        *,
        max_values: int,
        max_depth: int,
        allowed_tags: Collection[str],
        key_of: Callable[[yaml.ScalarNode], Hashable],
    ) -> None:
        self.root = root
        self.max_values = max_values
        self.max_depth = max_depth
        self.allowed_tags = allowed_tags
        self.key_of = key_of
        self.kids: dict[int, list[yaml.Node]] = {}
        self.size: dict[int, int] = {}
        self.height: dict[int, int] = {}
        self._measure()

    @property
    def values(self) -> int:
        """Values the builder builds from the whole document (``max_values + 1`` when more)."""
        return self.size[id(self.root)]

    def children(self, node: yaml.Node) -> list[yaml.Node]:
        """The nodes the builder builds right under ``node``, in its order."""
        if node.tag not in self.allowed_tags:
            return []
        if isinstance(node, yaml.MappingNode):
            out: list[yaml.Node] = []
            keys: set[Hashable] = set()
            for key_node, value_node in node.value:
                if key_node.tag == _MERGE or not isinstance(key_node, yaml.ScalarNode):
                    continue
                out.append(key_node)
                key = self.key_of(key_node)
                if key not in keys:  # a key written twice: its value is not built
                    keys.add(key)
                    out.append(value_node)
            return out
        if isinstance(node, yaml.SequenceNode):
            return list(node.value)
        return []

    def _measure(self) -> None:
        """Sizes and heights, children first, without recursion (a composed graph may be
        thousands of levels deep). A child still being measured when its parent is summed
        lies on a cycle (an alias inside its own anchor): its expansion has no end."""
        over_values, over_depth = self.max_values + 1, self.max_depth + 2
        kids, size, height = self.kids, self.size, self.height
        stack = [self.root]
        while stack:
            node = stack[-1]
            ident = id(node)
            if ident in size:
                stack.pop()
                continue
            if ident not in kids:
                found = kids[ident] = self.children(node)
                new = [kid for kid in found if id(kid) not in kids]
                if new:
                    stack.extend(reversed(new))
                    continue
            total, deepest = 1, 0
            for kid in kids[ident]:
                j = id(kid)
                if j in size:
                    total += size[j]
                    deepest = max(deepest, height[j])
                else:
                    total, deepest = over_values, over_depth
            size[ident] = min(total, over_values)
            height[ident] = min(deepest + 1, over_depth)
            stack.pop()

    def stop(self) -> Stop | None:
        """Where the builder would stop for too many values, or for nesting too deep before
        that; ``None`` when the document expands to at most ``max_values`` values (the
        builder then checks the depth itself)."""
        if self.values <= self.max_values:
            return None
        count = 0

        def walk(node: yaml.Node, depth: int) -> Stop | None:
            nonlocal count
            count += 1
            if count > self.max_values:
                return Stop(node, "values")
            if depth > self.max_depth:
                return Stop(node, "depth")
            for kid in self.kids[id(node)]:
                j = id(kid)
                if count + self.size[j] <= self.max_values and depth + self.height[j] <= (
                    self.max_depth
                ):
                    count += self.size[j]  # fits whole: the builder passes it, so do we
                    continue
                found = walk(kid, depth + 1)
                if found is not None:
                    return found
            return None

        return walk(self.root, 0)

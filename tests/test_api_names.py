"""The lazy ``commkit.api`` lists its names in three places that must agree: the imports
read by type checkers and the docs, the table that imports a module on first use, and
``__all__``; and each name is where its module says it is (its own ``__all__``)."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import commkit.api as api

SOURCE = Path(api.__file__).read_text(encoding="utf-8")


def typed_imports() -> dict[str, str]:
    """The names imported under ``if TYPE_CHECKING:`` and the api module each comes from."""
    tree = ast.parse(SOURCE)
    blocks = [
        node
        for node in tree.body
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
    ]
    names: dict[str, str] = {}
    for node in (inner for block in blocks for inner in ast.walk(block)):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("commkit.api."):
            assert node.module is not None
            for alias in node.names:
                names[alias.asname or alias.name] = node.module.removeprefix("commkit.api.")
    return names


def test_the_typed_imports_the_lazy_table_and_all_agree() -> None:
    lazy = api._LAZY
    assert typed_imports() == lazy
    assert sorted(api.__all__) == sorted(lazy)
    assert len(api.__all__) == len(set(api.__all__))


def test_each_name_is_exported_by_the_module_the_table_names() -> None:
    for module_name in sorted(set(api._LAZY.values())):
        module = importlib.import_module(f"commkit.api.{module_name}")
        listed = {name for name, where in api._LAZY.items() if where == module_name}
        exported = set(getattr(module, "__all__", listed))
        assert listed <= exported, (module_name, listed - exported)
        for name in listed:
            assert hasattr(module, name), (module_name, name)

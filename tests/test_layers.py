"""The layers hold: every import in src/ points down (cli > interactive > api > render and
export > core > model, with the message catalog, errors and fsutil as the ground every layer
stands on), and the CLI reaches the library only through commkit.api."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "commkit"
RANK = {
    "cli": 0,
    "interactive": 1,
    "api": 2,
    "render": 3,
    "export": 3,
    "core": 4,
    "model": 5,
    "fsutil": 6,
    "errors": 7,
    "i18n": 8,
}
"""From the top down; a layer imports only layers ranked below it (render and export sit
side by side and import neither each other)."""
CLI_MAY_IMPORT = ("commkit.api", "commkit.errors", "commkit.i18n", "commkit.interactive")


def layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "commkit" and parts[1] in RANK else None


def imports(path: Path) -> list[tuple[int, str]]:
    """Every commkit module ``path`` imports, at module level or inside a function."""
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "commkit":
                found += [(node.lineno, f"commkit.{a.name}") for a in node.names]
            elif node.module.startswith("commkit."):
                found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("commkit")]
    return found


def own_layer(path: Path) -> str | None:
    return layer("commkit." + path.relative_to(SRC).parts[0].removesuffix(".py"))


MODULES = sorted(p for p in SRC.rglob("*.py") if own_layer(p))


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(SRC)) for p in MODULES])
def test_imports_point_down(path: Path) -> None:
    own = own_layer(path)
    assert own is not None
    for line, module in imports(path):
        other = layer(module)
        if other is None or other == own:
            continue
        where = f"{path.relative_to(SRC)}:{line} imports {module}"
        assert RANK[other] > RANK[own], f"{where}: an import that points up or sideways"
        if own == "cli":
            assert module.startswith(CLI_MAY_IMPORT), (
                f"{where}: the CLI calls commkit.api (and shows commkit.errors and texts "
                "of commkit.i18n)"
            )


def test_every_layer_folder_has_its_ruff_bans() -> None:
    """The same rules as a lint error while editing: each folder's ruff.toml bans the
    layers above it and says which rule the ban keeps."""
    for name in RANK:
        folder = SRC / name
        if not folder.is_dir():
            continue
        text = (folder / "ruff.toml").read_text("utf-8")
        assert "banned-api" in text, name
        above = [other for other, rank in RANK.items() if rank < RANK[name]]
        for other in above:
            assert f'"commkit.{other}".msg' in text, f"{name}/ruff.toml does not ban {other}"
        assert "DESIGN.md" not in text, f"{name}/ruff.toml cites a file not in the repository"


def test_the_check_sees_a_bad_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from commkit.core.scoring import assess\n", "utf-8")
    assert imports(bad) == [(2, "commkit.core.scoring")]


def module_graph(root: Path) -> dict[str, set[str]]:
    """Which commkit module imports which, by the file it lands in: ``from commkit.model import
    pack_cache`` is an arrow to ``commkit.model.pack_cache``, ``from commkit.api import x`` one
    to the package ``commkit.api``. Imports inside functions and under TYPE_CHECKING count: a
    circle hidden in a function is still a circle."""
    base = root.parent

    def name(path: Path) -> str:
        return ".".join(path.relative_to(base).with_suffix("").parts).removesuffix(".__init__")

    files = {name(p): p for p in root.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for module, path in files.items():
        arrows = graph.setdefault(module, set())
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:
                    sub = f"{node.module}.{alias.name}"
                    arrows.add(sub if sub in files else node.module)
            elif isinstance(node, ast.Import):
                arrows.update(a.name for a in node.names)
        arrows &= files.keys() - {module}
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other round a loop (Tarjan's algorithm)."""
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        order[node] = low[node] = len(order)
        stack.append(node)
        for other in sorted(graph[node]):
            if other not in order:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], order[other])
        if low[node] == order[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in order:
            visit(node)
    return found


def test_no_modules_import_each_other_in_a_circle() -> None:
    """A piece two modules both need goes into a module of its own, below them both."""
    assert circles(module_graph(SRC)) == []


def test_the_check_sees_a_circle_hidden_in_a_function(tmp_path: Path) -> None:
    package = tmp_path / "commkit"
    package.mkdir()
    (package / "__init__.py").write_text("", "utf-8")
    (package / "a.py").write_text("from commkit.b import x\n", "utf-8")
    (package / "b.py").write_text("def x():\n    from commkit import a\n", "utf-8")
    assert circles(module_graph(package)) == [["commkit.a", "commkit.b"]]


def test_every_public_api_name_has_a_docstring() -> None:
    """The API reference is built from these docstrings (mkdocstrings)."""
    import inspect

    from commkit import api

    for name in api.__all__:
        obj = getattr(api, name)
        if inspect.isfunction(obj) or inspect.isclass(obj):
            assert (obj.__doc__ or "").strip(), f"commkit.api.{name} has no docstring"

"""The layers hold: every import in src/ points down (cli > interactive > api > render >
core > model), and the CLI reaches the library only through commkit.api."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "commkit"
ORDER = ["cli", "interactive", "api", "render", "core", "model", "fsutil", "errors"]
"""From the top down; fsutil and errors are the ground every layer may stand on."""
CLI_MAY_IMPORT = {"commkit", "commkit.api", "commkit.errors", "commkit.interactive"}


def layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "commkit" and parts[1] in ORDER else None


def imports(path: Path) -> list[tuple[int, str]]:
    """Every commkit module ``path`` imports, at module level or inside a function."""
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            found += [(node.lineno, n) for n in names[:1] if n.startswith("commkit")]
            if node.module == "commkit":
                found += [(node.lineno, n) for n in names[1:]]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("commkit")]
    return found


MODULES = sorted(
    p
    for p in SRC.rglob("*.py")
    if layer("commkit." + p.relative_to(SRC).parts[0].removesuffix(".py"))
)


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(SRC)) for p in MODULES])
def test_imports_point_down(path: Path) -> None:
    own = layer("commkit." + path.relative_to(SRC).parts[0].removesuffix(".py"))
    assert own is not None
    for line, module in imports(path):
        other = layer(module)
        if other is None or other == own:
            continue
        where = f"{path.relative_to(SRC)}:{line} imports {module}"
        assert ORDER.index(other) > ORDER.index(own), f"{where}: an import that points up"
        if own == "cli":
            assert module.rsplit(".", 1)[0] in CLI_MAY_IMPORT or module in CLI_MAY_IMPORT, (
                f"{where}: the CLI calls commkit.api (and shows commkit.errors)"
            )


def test_the_check_sees_a_bad_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from commkit.core.scoring import assess\n", "utf-8")
    assert imports(bad) == [(2, "commkit.core.scoring")]

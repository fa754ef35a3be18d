"""Write docs/cli.md (every command's ``--help``) and docs/api.md (every public function
of ``commkit.api`` with its docstring): the references, generated from the code.

    .venv/bin/python scripts/gen_cli_docs.py          # rewrite both
    .venv/bin/python scripts/gen_cli_docs.py --check  # exit 1 when one is stale

tests/test_cli_docs.py runs the check, so a changed option, help text or API docstring
fails the suite until the references are generated again.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "cli.md"
API_TARGET = ROOT / "docs" / "api.md"
WIDTH = "100"

HEADER = """# CLI reference

Generated from every command's `--help` by `scripts/gen_cli_docs.py`; do not edit by hand
(`tests/test_cli_docs.py` fails when this file is stale). The same text in the terminal:
`commkit COMMAND --help`.
"""


def commands(group: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Every command path under a Click group, in the order of its ``--help``."""
    yield path
    if hasattr(group, "list_commands"):  # a group (Typer ships its own Click)
        ctx = group.context_class(group, info_name=" ".join(("commkit", *path)))
        for name in group.list_commands(ctx):
            sub = group.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                yield from commands(sub, (*path, name))


def help_text(path: tuple[str, ...]) -> str:
    from typer.testing import CliRunner

    from commkit.cli.app import app

    env = {
        "COLUMNS": WIDTH,
        "NO_COLOR": "1",
        "TERM": "dumb",
        "COMMKIT_LANG": "",
        "COMMKIT_CONTENT": "",
    }
    result = CliRunner().invoke(app, [*path, "--help"], env=env, prog_name="commkit")
    if result.exit_code != 0:
        raise SystemExit(f"commkit {' '.join(path)} --help failed:\n{result.output}")
    return "\n".join(line.rstrip() for line in result.output.strip("\n").splitlines())


def render() -> str:
    """The whole reference as Markdown."""
    import typer

    from commkit.cli.app import app

    parts = [HEADER]
    for path in commands(typer.main.get_command(app)):
        title = " ".join(("commkit", *path))
        parts.append(f"## `{title}`\n\n```text\n{help_text(path)}\n```\n")
    return "\n".join(parts)


API_HEADER = """# Python API reference

`from commkit import api`: the library under the CLI. Every command is a short function
that parses its options, calls these functions and prints what they return; nothing here
prints or prompts. Bad input raises `commkit.errors.UserError` (or `ContentError`, with a
`Diagnostic` per problem: file, line, column, field); warnings are `commkit.errors`
warning classes, returned as data or issued with `warnings.warn`.

Generated from the docstrings by `scripts/gen_cli_docs.py`; do not edit by hand.
"""


def render_api() -> str:
    """Every public name of ``commkit.api``, grouped by module, with its docstring."""
    import inspect

    from commkit import api

    groups: dict[str, list[str]] = {}
    for name in api.__all__:
        obj = getattr(api, name)
        module = getattr(obj, "__module__", "")
        if not module.startswith("commkit.api") or not callable(obj):
            continue
        doc = inspect.getdoc(obj) or ""
        kind = "class" if inspect.isclass(obj) else "def"
        try:
            signature = str(inspect.signature(obj))
        except (TypeError, ValueError):
            signature = "(...)"
        entry = f"### `{name}`\n\n```python\n{kind} {name}{signature}\n```\n\n{doc}\n"
        groups.setdefault(module, []).append(entry)
    parts = [API_HEADER]
    for module in sorted(groups):
        first = (inspect.getdoc(sys.modules[module]) or "").split("\n\n")[0]
        parts.append(f"## `{module}`\n\n{first}\n")
        parts.extend(groups[module])
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if docs/cli.md is stale")
    args = parser.parse_args(argv)
    stale = 0
    for target, text in ((TARGET, render()), (API_TARGET, render_api())):
        if not args.check:
            target.write_text(text, "utf-8")
        elif not target.exists() or target.read_text("utf-8") != text:
            sys.stderr.write(f"{target} is stale: run python scripts/gen_cli_docs.py\n")
            stale = 1
    return stale


if __name__ == "__main__":
    raise SystemExit(main())

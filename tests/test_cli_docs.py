"""docs/cli.md and docs/api.md are generated from the code: they must not go stale."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _generator() -> object:
    spec = importlib.util.spec_from_file_location(
        "gen_cli_docs", ROOT / "scripts" / "gen_cli_docs.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_cli_reference_is_up_to_date() -> None:
    gen = _generator()
    text = gen.render()  # type: ignore[attr-defined]
    current = (ROOT / "docs" / "cli.md").read_text("utf-8")
    assert current == text, "docs/cli.md is stale: run .venv/bin/python scripts/gen_cli_docs.py"


def test_the_api_reference_is_up_to_date() -> None:
    gen = _generator()
    text = gen.render_api()  # type: ignore[attr-defined]
    assert (ROOT / "docs" / "api.md").read_text("utf-8") == text, (
        "docs/api.md is stale: run .venv/bin/python scripts/gen_cli_docs.py"
    )
    assert "### `assess`" in text and "### `read_answers`" in text


def test_the_reference_holds_every_command_and_option() -> None:
    text = (ROOT / "docs" / "cli.md").read_text("utf-8")
    for heading in ("## `commkit assess`", "## `commkit seminars export`", "## `commkit map`"):
        assert heading in text
    assert "--answers" in text and "--capacity" in text and "--strict-i18n" in text

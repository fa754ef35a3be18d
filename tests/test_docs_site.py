"""The documentation site: generated pages are fresh, every command is in the reference, and
the commands the pages show really run against the Perm Krai example."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from docs_blocks import DOCS, ROOT, commands, marked_blocks, run_page

# Pages that are one page for both languages (the glossary holds both columns); the Russian
# site shows the English page for them.
ONE_PAGE = {"glossary.md"}
PAGES = sorted(p for p in DOCS.rglob("*.md") if marked_blocks(p))


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_cli_reference_is_up_to_date() -> None:
    gen = _script("gen_cli_docs")
    for lang, target in gen.TARGETS.items():
        assert target.read_text("utf-8") == gen.render(lang), (
            f"{target.name} is stale: run .venv/bin/python scripts/gen_docs.py"
        )


def test_every_command_is_in_the_cli_reference() -> None:
    gen = _script("gen_cli_docs")
    text = (DOCS / "cli.md").read_text("utf-8")
    paths = [p for p in gen.command_paths() if p]
    assert len(paths) > 20
    for path in paths:
        assert f"## `commkit {' '.join(path)}`" in text, f"cli.md lacks commkit {' '.join(path)}"
    assert "--strict-i18n" in text and "--capacity" in text


def test_the_method_pages_are_up_to_date() -> None:
    gen = _script("gen_method_docs")
    for target, text in gen.pages().items():
        assert target.read_text("utf-8") == text, (
            f"{target.relative_to(ROOT)} is stale: run .venv/bin/python scripts/gen_docs.py"
        )


def test_every_page_of_the_nav_exists_in_both_languages() -> None:
    import yaml

    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))

    def files(nav: object) -> list[str]:
        if isinstance(nav, str):
            return [nav]
        if isinstance(nav, list):
            return [f for item in nav for f in files(item)]
        if isinstance(nav, dict):
            return [f for value in nav.values() for f in files(value)]
        return []

    missing = [
        page
        for page in files(config["nav"])
        if page not in ONE_PAGE
        and not ((DOCS / page).is_file() and (DOCS / page.replace(".md", ".ru.md")).is_file())
    ]
    assert not missing, f"pages missing in a language: {missing}"


def test_the_block_reader_sees_commands_codes_and_output() -> None:
    found = commands("$ COMMKIT_LANG=ru commkit map \\\n   examples/perm-krai\nКарта\n? 1\n…")
    assert found[0].argv == ["map", "examples/perm-krai"]
    assert found[0].env == {"COMMKIT_LANG": "ru"} and found[0].code == 1
    assert found[0].expect == ["Карта"]


def _tier(page: Path) -> object:
    """The tutorials walk through every feature (charts, SQLite, the API): tens of seconds,
    so they run in the render tier with the screenshots they describe; so do the Russian
    concept pages, which repeat the English pages' commands with ``--lang ru``."""
    if page.parent.name == "tutorials" or page.name.endswith(".ru.md"):
        return pytest.param(page, marks=pytest.mark.render)
    return page


@pytest.mark.parametrize("page", [_tier(p) for p in PAGES], ids=lambda p: str(p.relative_to(DOCS)))
def test_the_commands_of_a_page_run(page: Path, tmp_path: Path) -> None:
    assert run_page(page, tmp_path) > 0

"""Compiled templates in the user's cache: a warm run compiles nothing, and an edited
template, a corrupt entry, an unwritable folder or a turned-off cache never show."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from commkit.render import templating

CONTEXT = {"name": "Клуб", "items": ["a", "b"]}


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "cache"
    monkeypatch.setenv("COMMKIT_CACHE_DIR", str(folder))
    monkeypatch.delenv("COMMKIT_NO_CACHE", raising=False)
    templating._cached_environment.cache_clear()
    yield folder
    templating._cached_environment.cache_clear()


@pytest.fixture
def compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the templates compiled from source."""
    from jinja2.sandbox import SandboxedEnvironment

    names: list[str] = []
    real = SandboxedEnvironment.compile

    def counted(
        self: SandboxedEnvironment, source: str, name: str | None = None, *a: object, **k: object
    ) -> object:
        names.append(name or "")
        return real(self, source, name, *a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(SandboxedEnvironment, "compile", counted)
    return names


def render(folder: Path) -> str:
    """A fresh process's render: the in-memory environment forgotten first."""
    templating._cached_environment.cache_clear()
    return templating.render_template([folder], "t.md.j2", CONTEXT)


@pytest.fixture
def template(tmp_path: Path) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "t.md.j2").write_text(
        "# {{ name | md }}\n{% for i in items %}- {{ i }}\n{% endfor %}", encoding="utf-8"
    )
    return folder


def entries(cache: Path) -> list[Path]:
    return sorted((cache / "templates").rglob("*.cache"))


def test_a_warm_render_compiles_nothing(cache: Path, template: Path, compiles: list[str]) -> None:
    first = render(template)
    assert compiles == ["t.md.j2"] and len(entries(cache)) == 1
    assert render(template) == first == "# Клуб\n- a\n- b\n"
    assert compiles == ["t.md.j2"]


def test_an_edited_template_is_compiled_again(
    cache: Path, template: Path, compiles: list[str]
) -> None:
    render(template)
    (template / "t.md.j2").write_text("changed {{ name }}\n", encoding="utf-8")
    assert render(template) == "changed Клуб\n"
    assert compiles == ["t.md.j2", "t.md.j2"]


@pytest.mark.parametrize("garbage", [b"", b"\x00" * 7, b"j2garbage" * 50])
def test_a_corrupt_entry_is_compiled_again(
    cache: Path, template: Path, compiles: list[str], garbage: bytes
) -> None:
    first = render(template)
    (entry,) = entries(cache)
    from jinja2.bccache import bc_magic

    entry.write_bytes(entry.read_bytes()[: len(bc_magic)] + garbage)  # past Jinja2's own check
    assert render(template) == first
    assert len(compiles) == 2


def test_a_cache_folder_that_cannot_be_made_is_no_error(
    cache: Path, template: Path, compiles: list[str]
) -> None:
    cache.write_text("a file where the folder should be", encoding="utf-8")
    assert render(template) == render(template) == "# Клуб\n- a\n- b\n"
    assert len(compiles) == 2


def test_a_failed_write_is_no_error(
    cache: Path, template: Path, compiles: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import jinja2.bccache

    def refuse(*_args: object, **_kwargs: object) -> object:
        raise PermissionError("read-only folder")

    monkeypatch.setattr(jinja2.bccache.tempfile, "NamedTemporaryFile", refuse)
    assert render(template) == render(template) == "# Клуб\n- a\n- b\n"
    assert entries(cache) == [] and len(compiles) == 2


def test_no_cache_writes_nothing(
    cache: Path, template: Path, compiles: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COMMKIT_NO_CACHE", "1")
    render(template)
    render(template)
    assert entries(cache) == [] and len(compiles) == 2

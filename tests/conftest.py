"""Shared fixtures: run the CLI in-process, and locate the repository's files."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent

# Fixtures for the render tier (Chromium, marp, mmdc, Playwright); see render_clients.py.
pytest_plugins = ["render_clients"]

# Every test run (and every commkit it starts) gets a cache folder of its own, so the suite
# neither reads nor fills the user's cache.
os.environ.setdefault("COMMKIT_CACHE_DIR", tempfile.mkdtemp(prefix="commkit-test-cache-"))

# Where the environment forbids writing bytecode (PYTHONDONTWRITEBYTECODE, as on CI), every
# process a test starts (each commkit and Python it runs) compiled commkit's modules from
# source again: 0.3-0.5 s of CPU each. Those processes write their bytecode into a folder of
# the run's own instead (never beside the sources), removed at the end. The test processes
# themselves (the xdist workers) keep reading the bytecode installed beside the standard
# library and the dependencies: given the empty folder, each compiled all of them again
# (collection 22-24 s of CPU a worker, against 17-18 s; session 11).
_BYTECODE_FOLDER = "COMMKIT_TEST_BYTECODE"
_OWN_BYTECODE: str | None = None
if (
    os.environ.get("PYTHONDONTWRITEBYTECODE")
    and not os.environ.get("PYTHONPYCACHEPREFIX")
    and not os.environ.get(_BYTECODE_FOLDER)  # the run's first process
):
    _OWN_BYTECODE = tempfile.mkdtemp(prefix="commkit-test-bytecode-")
    os.environ[_BYTECODE_FOLDER] = _OWN_BYTECODE


_OWN_CODE_ONLY = ("hypothesis", "_hypothesis_globals", "_hypothesis_ftz_detector")
"""Packages pytest marks for assertion rewriting only because they ship a pytest plugin."""


def leave_plugin_packages_unrewritten(config: pytest.Config) -> None:
    """Hypothesis's own modules are imported as they are, not assertion-rewritten.

    pytest rewrites the asserts of every module of a package that ships a pytest plugin, so
    each worker parsed, rewrote and compiled hypothesis's ~75 modules from source
    (``PYTHONDONTWRITEBYTECODE``: no bytecode cache for rewritten modules) instead of reading
    their installed bytecode. Only a failing assert inside hypothesis itself would read
    differently; the tests' own asserts are rewritten as before. Importing hypothesis: 3.4 s
    -> 1.8 s of CPU a worker (2026-12-02 00:48 UTC, load 12). pytest keeps the marks in a
    private set; where it has none, nothing changes."""
    hook = getattr(config.pluginmanager, "rewrite_hook", None)
    marked = getattr(hook, "_must_rewrite", None)
    if not isinstance(marked, set):
        return
    for name in [n for n in marked if n.split(".")[0] in _OWN_CODE_ONLY]:
        marked.discard(name)
    cache = getattr(hook, "_marked_for_rewrite_cache", None)
    if isinstance(cache, dict):
        for name in [n for n in cache if n.split(".")[0] in _OWN_CODE_ONLY]:
            del cache[name]


def pytest_configure(config: pytest.Config) -> None:
    """The processes this one's tests start get the run's bytecode folder (an xdist
    controller runs no test: its workers must start without it)."""
    leave_plugin_packages_unrewritten(config)
    folder = os.environ.get(_BYTECODE_FOLDER)
    controller = bool(getattr(config.option, "numprocesses", None)) and (
        "PYTEST_XDIST_WORKER" not in os.environ
    )
    if folder and not controller and not os.environ.get("PYTHONPYCACHEPREFIX"):
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        os.environ["PYTHONPYCACHEPREFIX"] = folder


def pytest_unconfigure(config: pytest.Config) -> None:
    """The suite's own bytecode folder goes once the run (not one of its workers) ends."""
    if _OWN_BYTECODE is not None:  # set in the run's first process only
        shutil.rmtree(_OWN_BYTECODE, ignore_errors=True)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def repo_root() -> Path:
    return ROOT


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder of the test's own, the cache switched on, the language unset:
    for the tests about the cache itself (what is stored, hit, missed or never stale)."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("COMMKIT_CACHE_DIR", str(folder))
    monkeypatch.delenv("COMMKIT_NO_CACHE", raising=False)
    monkeypatch.delenv("COMMKIT_LANG", raising=False)
    return folder


_SHARED_BINDINGS: dict[str, object] = {}


@pytest.fixture
def shared_key_bindings(monkeypatch: pytest.MonkeyPatch) -> None:
    """For the wizard driven in-process: every prompt_toolkit Application (one per question)
    loads its default key bindings (emacs, vi, mouse, about 700) afresh; here they are loaded
    once per worker and shared. They keep no state of their own (that lives in the application
    they act on), so the wizard behaves alike, for about a third less CPU: the wizard's tests
    (three files, one process) 41 s -> 27 s, 2026-12-01 22:15 UTC at load 20."""
    from prompt_toolkit.application import application

    for name in ("load_key_bindings", "load_page_navigation_bindings"):
        if name not in _SHARED_BINDINGS:
            _SHARED_BINDINGS[name] = getattr(application, name)()
        monkeypatch.setattr(application, name, lambda shared=_SHARED_BINDINGS[name]: shared)


@pytest.fixture(autouse=True)
def _commkit_environment() -> Iterator[None]:
    """Each test starts with the ``COMMKIT_*`` variables the suite started with: the app run
    in-process with ``--no-cache`` sets ``COMMKIT_NO_CACHE`` for the workers it starts, and a
    test that then set it again by ``monkeypatch`` restored it as found, so later tests in the
    same worker ran without the cache (and the warm paths, which need it, were not taken)."""
    saved = {name: value for name, value in os.environ.items() if name.startswith("COMMKIT_")}
    yield
    for name in [name for name in os.environ if name.startswith("COMMKIT_")]:
        if name not in saved:
            del os.environ[name]
    os.environ.update(saved)

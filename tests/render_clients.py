"""The real clients the render tier opens commkit's outputs with: Chromium, marp, mmdc, Playwright.

Loaded as a pytest plugin by ``conftest.py``. Every fixture here FAILS (never skips) when its
client is missing: `.ci/render-clients` installs them (see CONTRIBUTING.md). Tests using them
carry ``@pytest.mark.render``, so the default run, on a machine with only python3, never starts
a browser.

Fixtures:

* ``chromium_path``: Debian's Chromium (``COMMKIT_CHROMIUM`` overrides ``/usr/bin/chromium``);
* ``marp``: ``marp(src, out, *extra_args)`` converts a Marp deck, or every deck in a folder
  ``src`` into the folder ``out`` (HTML by default; PDF/PNG with ``--pdf``/``--images png``)
  with that Chromium;
* ``mmdc``: ``mmdc(src, out, *extra_args)`` renders a Mermaid file (``.mmd`` or Markdown with
  mermaid blocks) to SVG/PNG with that Chromium;
* ``browser``: a headless Playwright ``Browser`` on that Chromium (one per test session and
  worker); ``page``: a fresh page in it, closed after the test.

``screenshot(browser, path, png)`` saves a picture of a local file for looking at by eye.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT = 180
INSTALL_HINT = "install the render clients with `.ci/render-clients` (see CONTRIBUTING.md)"

Runner = Callable[..., Path]


def require(tool: str) -> str:
    """The full path of a client on PATH; the test fails (not skips) when it is missing."""
    found = shutil.which(tool)
    if found is None:
        pytest.fail(f"{tool} is not installed: {INSTALL_HINT}", pytrace=False)
    return found


def _run(argv: list[str], out: Path, env: dict[str, str] | None = None) -> Path:
    done = subprocess.run(
        argv,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        env={**os.environ, **(env or {})},
        stdin=subprocess.DEVNULL,
        check=False,
    )
    if done.returncode != 0 or not out.exists():
        pytest.fail(
            f"{' '.join(argv)} exited {done.returncode} without {out}:\n"
            f"{done.stdout[-3000:]}\n{done.stderr[-3000:]}",
            pytrace=False,
        )
    return out


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = os.environ.get("COMMKIT_CHROMIUM", "/usr/bin/chromium")
    if not (Path(path).is_file() and os.access(path, os.X_OK)):
        pytest.fail(f"Chromium not found at {path}: {INSTALL_HINT}", pytrace=False)
    return path


@pytest.fixture(scope="session")
def puppeteer_config(tmp_path_factory: pytest.TempPathFactory, chromium_path: str) -> Path:
    """mmdc's browser settings: Debian's Chromium, no sandbox (CI runs as root)."""
    path = tmp_path_factory.mktemp("puppeteer") / "puppeteer.json"
    path.write_text(
        json.dumps({"executablePath": chromium_path, "args": CHROMIUM_FLAGS[1:]}),
        encoding="utf-8",
    )
    return path


@pytest.fixture(scope="session")
def marp(chromium_path: str) -> Runner:
    exe = require("marp")

    def convert(src: Path, out: Path, *args: str) -> Path:
        where = ["-I", str(src)] if src.is_dir() else [str(src)]
        argv = [exe, "--no-stdin", "--allow-local-files", *args, *where, "-o", str(out)]
        return _run(argv, out, {"CHROME_PATH": chromium_path})

    return convert


@pytest.fixture(scope="session")
def mmdc(puppeteer_config: Path) -> Runner:
    exe = require("mmdc")

    def render(src: Path, out: Path, *args: str) -> Path:
        argv = [exe, "-q", "-p", str(puppeteer_config), "-i", str(src), "-o", str(out), *args]
        if out.suffix == ".md":
            # Markdown in, Markdown out: each chart becomes <out stem>-N.svg beside it.
            _run(argv, out)
            return out
        return _run(argv, out)

    return render


@pytest.fixture(scope="session")
def browser(chromium_path: str) -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail(
            "Playwright is not installed: pip install -e '.[render]' (it drives Debian's "
            "Chromium; no browser download)",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=chromium_path, args=CHROMIUM_FLAGS[1:], headless=True
        )
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    opened = browser.new_page()
    try:
        yield opened
    finally:
        opened.close()


def screenshot(browser: Any, path: Path, png: Path, width: int = 1280, height: int = 720) -> Path:
    """A full-page PNG of a local file (HTML or SVG), to look at what a user would see."""
    shot = browser.new_page(viewport={"width": width, "height": height})
    try:
        shot.goto(path.resolve().as_uri())
        shot.screenshot(path=str(png), full_page=True)
    finally:
        shot.close()
    return png

"""Charts and HTML pages in a real browser (Chromium headless), both languages: the render tier."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from commkit.cli.app import app
from data_helpers import EXAMPLE, assessed_workspace

pytestmark = pytest.mark.render

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars"]  # fmt: skip
PNG = b"\x89PNG\r\n\x1a\n"


def chromium(*args: str) -> str:
    done = subprocess.run(
        [CHROMIUM, *FLAGS, *args], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def screenshot(page: Path, target: Path, height: int = 2400) -> bytes:
    chromium(f"--screenshot={target}", f"--window-size=1100,{height}", page.as_uri())
    data = target.read_bytes()
    assert data.startswith(PNG) and len(data) > 30_000, "an empty or blank page"
    return data


def run(*args: str) -> None:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return assessed_workspace(tmp_path_factory.mktemp("ws") / "perm-krai")


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_reports_render_with_their_charts(workspace: Path, tmp_path: Path, lang: str) -> None:
    answers = EXAMPLE / "answers" / "fashiontechperm.yaml"
    run("--lang", lang, "assess", "-a", str(answers), "--out", str(tmp_path), "--html",
        "--date", "2020-10-15")  # fmt: skip
    run("--lang", lang, "plan", "-a", str(answers), "--start", "2026-01-12", "--out",
        str(tmp_path), "--html", str(tmp_path / "plan.html"))  # fmt: skip
    run("--lang", lang, "map", str(workspace), "--html", str(tmp_path / "map.html"),
        "--date", "2021-04-01")  # fmt: skip
    run("--lang", lang, "progress", "fashiontechperm", "-w", str(workspace), "--html",
        str(tmp_path / "progress.html"))  # fmt: skip
    pages = [tmp_path / "fashiontechperm-assessment-2020-10-15.html", tmp_path / "plan.html",
             tmp_path / "map.html", tmp_path / "progress.html"]  # fmt: skip
    for page in pages:
        screenshot(page, page.with_suffix(".png"))
        dom = chromium("--dump-dom", page.as_uri())
        assert "<svg" in dom, page.name
        pdf = page.with_suffix(".pdf")
        chromium(f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri())
        assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000


def test_public_map_filters_in_the_browser(tmp_path: Path) -> None:
    for lang, shown in (("en", "Communities shown: 1"), ("ru", "Показано сообществ: 1")):
        page = tmp_path / f"public-{lang}.html"
        run("--lang", lang, "map", str(EXAMPLE), "--public", "--html", str(page))
        screenshot(page, page.with_suffix(".png"), 1100)
        dom = chromium("--dump-dom", page.as_uri() + "#q=fashion")
        assert shown in dom, "the script ran under the page's CSP and filtered the cards"
        cards = dom.split('<article class="card"')[1:]
        assert len(cards) == 2
        visible = [c for c in cards if " hidden" not in c.split(">", 1)[0]]
        assert len(visible) == 1 and "FashionTechPerm" in visible[0]

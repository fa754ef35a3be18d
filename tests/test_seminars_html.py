"""The HTML of the seminar export: valid HTML5, self-contained, user text escaped."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import html5lib
import pytest

from commkit.render.html import is_local_link, markdown_to_html, page
from commkit.render.seminars import split_slides
from seminars_helpers import EVIL, EVIL_NAME, FOLDERS, PROFILE, SEMINAR_IDS, export

XHTML = "{http://www.w3.org/1999/xhtml}"


def parse_strict(text: str) -> Any:
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True)
    return parser.parse(text)


def links_and_sources(tree: Any) -> list[str]:
    found = []
    for element in tree.iter():
        for attr in ("href", "src", "action", "srcset", "poster", "data"):
            if attr in element.attrib:
                found.append(element.attrib[attr])
    return found


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    roots = {}
    for lang in ("en", "ru"):
        root = tmp_path_factory.mktemp(f"html-{lang}")
        export(
            root,
            "--all",
            "--date",
            "2026-12-01",
            "--time",
            "18:00",
            "--profile",
            str(EVIL),
            lang=lang,
        )
        roots[lang] = root
    return roots


def html_files(root: Path) -> list[Path]:
    files = sorted(root.rglob("*.html"))
    assert len(files) == len(SEMINAR_IDS) + 1
    return files


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_page_parses_as_strict_html5(exported: dict[str, Path], lang: str) -> None:
    for path in html_files(exported[lang]):
        tree = parse_strict(path.read_text(encoding="utf-8"))
        assert tree.find(f"{XHTML}head/{XHTML}title") is not None, path
        assert tree.attrib.get("lang") == lang


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_pages_load_nothing_from_another_host(exported: dict[str, Path], lang: str) -> None:
    for path in html_files(exported[lang]):
        text = path.read_text(encoding="utf-8")
        tree = parse_strict(text)
        for url in links_and_sources(tree):
            assert is_local_link(url), (path, url)
            assert not url.lower().startswith(("http:", "https:", "//", "javascript:")), url
        for tag in ("script", "link", "img", "iframe", "object", "embed"):
            assert tree.find(f".//{XHTML}{tag}") is None, (path, tag)
        styles = "".join(s.text or "" for s in tree.iter(f"{XHTML}style"))
        assert "@import" not in styles and "url(" not in styles
        assert not re.search(r"""(src|href|action)\s*=\s*["']?\s*(\w+:)?//""", text, re.I)


def test_series_links_point_at_files_that_exist(exported: dict[str, Path]) -> None:
    root = exported["en"]
    tree = parse_strict((root / "index.html").read_text(encoding="utf-8"))
    hrefs = [a.attrib["href"] for a in tree.iter(f"{XHTML}a")]
    assert f"{FOLDERS['seminar-1']}/index.html" in hrefs
    assert f"{FOLDERS['meetup']}/slides.md" in hrefs
    for href in hrefs:
        assert (root / href).is_file(), href


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_community_name_is_escaped_everywhere(exported: dict[str, Path], lang: str) -> None:
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co | x"
    for path in html_files(exported[lang]):
        text = path.read_text(encoding="utf-8")
        assert "<script" not in text, path
        assert escaped in text, path
        tree = parse_strict(text)
        body_text = "".join(tree.find(f"{XHTML}body").itertext())
        assert EVIL_NAME in body_text, path


def test_markdown_in_pack_text_does_not_become_markup(exported: dict[str, Path]) -> None:
    text = (exported["en"] / FOLDERS["seminar-2"] / "index.html").read_text(encoding="utf-8")
    tree = parse_strict(text)
    body_text = "".join(tree.find(f"{XHTML}body").itertext())
    # a Markdown link, emphasis and raw tags written in a content file come out as text
    assert "[link](https://example.com)" in body_text
    assert "**members**" in body_text
    assert "<b>markup</b>" in body_text
    assert tree.find(f".//{XHTML}b") is None


def test_seminar_page_has_every_part_and_every_slide(exported: dict[str, Path]) -> None:
    root = exported["en"]
    page_text = (root / FOLDERS["seminar-1"] / "index.html").read_text(encoding="utf-8")
    tree = parse_strict(page_text)
    ids = {e.attrib.get("id") for e in tree.iter() if e.attrib.get("id")}
    assert {"handout", "facilitator", "invitation", "slides"} <= ids
    slides_md = export_slides(root)
    cards = [e for e in tree.iter(f"{XHTML}div") if "slide" in e.attrib.get("class", "").split()]
    assert len(cards) == len(split_slides(slides_md)) > 8
    notes = list(tree.iter(f"{XHTML}aside"))
    assert notes, "speaker notes are shown under the slides"
    joined = " ".join("".join(n.itertext()) for n in notes)
    assert "_class" not in joined, "Marp directives are not speaker notes"
    assert "Keep it short and concrete." in joined
    fills = [e for e in tree.iter(f"{XHTML}div") if e.attrib.get("class") == "fill"]
    assert len(fills) >= 13
    assert "@media print" in page_text


def export_slides(root: Path) -> str:
    return (root / FOLDERS["seminar-1"] / "slides.md").read_text(encoding="utf-8")


def test_russian_page_is_in_russian(exported: dict[str, Path]) -> None:
    text = (exported["ru"] / FOLDERS["seminar-1"] / "index.html").read_text(encoding="utf-8")
    for label in ("Раздаточный материал", "Памятка ведущего", "Приглашение", "Слайды"):
        assert label in text
    assert "вторник, 1 декабря 2026" in text
    for english in (">Handout<", ">Slides<", "Speaker notes", "Your answer"):
        assert english not in text


def test_profile_community_in_html(tmp_path: Path) -> None:
    export(tmp_path, "seminar-1", "--format", "html", "--profile", str(PROFILE))
    text = (tmp_path / FOLDERS["seminar-1"] / "index.html").read_text(encoding="utf-8")
    assert "For the community FashionTechPerm" in text
    assert "Pay special attention to “Ecosystem”" in text


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/x",
        "http://example.com",
        "//example.com/x",
        "\\\\host\\share",
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "data:text/html,x",
        "file:///etc/passwd",
        "mailto:a@b.c",
        "",
        " //x",
    ],
)
def test_only_relative_links_are_allowed(url: str) -> None:
    assert not is_local_link(url)
    html_out = markdown_to_html(f"[x]({url}) <{url}>")
    for href in re.findall(r'href="([^"]*)"', html_out):
        # what markdown-it keeps is percent-encoded into a harmless relative path
        assert href == "" or is_local_link(href), href
        assert "//" not in href and ":" not in href


@pytest.mark.parametrize("url", ["01-seminar-1/index.html", "#slides", "handout.md", "../a.md"])
def test_relative_links_render(url: str) -> None:
    assert is_local_link(url)
    assert f'href="{url}"' in markdown_to_html(f"[x]({url})")


def test_raw_html_and_images_in_markdown_stay_text() -> None:
    out = markdown_to_html('<script>alert(1)</script>\n\n![x](pic.png) <img src="x">')
    assert "<script" not in out and "<img" not in out
    assert "&lt;script&gt;" in out


def test_page_escapes_title_and_lang() -> None:
    text = page(title="<x> & y", lang='en"><script>', header="", body="", nav=[("a", "<b>")])
    tree = parse_strict(text)
    assert tree.find(f"{XHTML}head/{XHTML}title").text == "<x> & y"
    assert "<script" not in text


def _default_pack() -> Any:
    from commkit.model.pack import load_pack

    return load_pack(None)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_default_pack_every_seminar_exports_and_parses(tmp_path: Path, lang: str) -> None:
    from typer.testing import CliRunner

    from commkit.cli.app import app

    pack = _default_pack()
    assert {f"seminar-{n}" for n in range(1, 9)} | {"meetup"} <= {s.id for s in pack.seminars}
    result = CliRunner().invoke(
        app,
        ["--lang", lang, "seminars", "export", "--all", "--out", str(tmp_path),
         "--date", "2026-12-01", "--time", "18:00", "--zip"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    for seminar in pack.seminars:
        folder = tmp_path / f"{seminar.number:02d}-{seminar.id}"
        assert sum(b.minutes for b in seminar.agenda) == seminar.duration_minutes
        slides = (folder / "slides.md").read_text(encoding="utf-8")
        assert slides.startswith("---\nmarp: true\n")
        assert len(split_slides(slides)) >= len(seminar.agenda) + 3
        text = (folder / "index.html").read_text(encoding="utf-8")
        tree = parse_strict(text)
        for url in links_and_sources(tree):
            assert is_local_link(url), url
    with zipfile.ZipFile(tmp_path / "seminars.zip") as archive:
        on_disk = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()}
        assert set(archive.namelist()) == on_disk - {"seminars.zip"}

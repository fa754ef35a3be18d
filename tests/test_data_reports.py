"""Charts, HTML reports, "you versus your peers" and the public map, as a user gets them."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from commkit import api
from commkit.cli.app import app
from data_helpers import EXAMPLE, assessed_workspace

ANSWERS = EXAMPLE / "answers" / "fashiontechperm.yaml"


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return assessed_workspace(tmp_path_factory.mktemp("ws") / "perm-krai")


def self_contained(page: str) -> None:
    """No request to anywhere: no external source, no image, no stylesheet link."""
    assert "<img" not in page and "<link" not in page
    assert not re.search(r"""(src|href)=["'](https?:)?//""", page)


@pytest.mark.parametrize(
    ("lang", "title", "threshold"),
    [
        ("en", "Purpose and shared goal", "Next stage needs 35"),
        ("ru", "Цель и общие задачи", "Для следующей стадии нужно 35"),
    ],
)
def test_assessment_chart_in_markdown_and_html(
    tmp_path: Path, lang: str, title: str, threshold: str
) -> None:
    run("--lang", lang, "assess", "-a", str(ANSWERS), "--out", str(tmp_path), "--charts",
        "--html", "--date", "2020-10-15")  # fmt: skip
    stem = "fashiontechperm-assessment-2020-10-15"
    svg = (tmp_path / f"{stem}-scores.svg").read_text(encoding="utf-8")
    assert svg.startswith("<?xml") and title in svg and threshold in svg
    markdown = (tmp_path / f"{stem}.md").read_text(encoding="utf-8")
    assert f"](<{stem}-scores.svg>)" in markdown
    page = (tmp_path / f"{stem}.html").read_text(encoding="utf-8")
    assert page.count("<svg") == 1 and title in page and threshold in page
    assert "@page { size: A4" in page
    self_contained(page)


def test_charts_are_deterministic(tmp_path: Path) -> None:
    assessment = api.assess(ANSWERS, today=dt.date(2020, 10, 15))
    assert api.render_assessment_chart(assessment) == api.render_assessment_chart(assessment)


def test_progress_line_chart_and_map_charts(workspace: Path, tmp_path: Path) -> None:
    out = tmp_path / "progress.md"
    run("--lang", "ru", "progress", "fashiontechperm", "-w", str(workspace), "--out", str(out),
        "--charts", "--html", str(tmp_path / "progress.html"))  # fmt: skip
    svg = (tmp_path / "progress-scores.svg").read_text(encoding="utf-8")
    assert "2020-10-15" in svg and "2021-03-01" in svg and "Общий балл" in svg
    assert "](<progress-scores.svg>)" in out.read_text(encoding="utf-8")
    assert "Баллы во времени" in (tmp_path / "progress.html").read_text(encoding="utf-8")

    map_md = tmp_path / "map.md"
    run("--lang", "en", "map", str(workspace), "--out", str(map_md), "--charts", "--html",
        str(tmp_path / "map.html"), "--date", "2021-04-01")  # fmt: skip
    text = map_md.read_text(encoding="utf-8")
    assert "](<map-stages.svg>)" in text and "](<map-metrics.svg>)" in text
    assert "Mature community" in (tmp_path / "map-stages.svg").read_text(encoding="utf-8")
    assert "Community members" in (tmp_path / "map-metrics.svg").read_text(encoding="utf-8")
    page = (tmp_path / "map.html").read_text(encoding="utf-8")
    assert page.count("<svg") == 2 and "language-mermaid" not in page
    self_contained(page)


def test_plan_html_draws_the_timeline(tmp_path: Path) -> None:
    page_path = tmp_path / "plan.html"
    run("--lang", "ru", "plan", "-a", str(ANSWERS), "--start", "2026-01-12", "--out",
        str(tmp_path), "--html", str(page_path))  # fmt: skip
    page = page_path.read_text(encoding="utf-8")
    assert "План на шкале времени" in page and "<svg" in page
    assert "language-mermaid" not in page and "gantt" not in page
    self_contained(page)


def peer_workspace(root: Path, count: int) -> Path:
    """``count`` communities with the same answers (so the same stage), under other names."""
    api.init_region(root, "Peers")
    answers = api.load_answers(ANSWERS)
    for i in range(count):
        twin = answers.model_copy(
            update={
                "community": answers.community.model_copy(
                    update={"name": f"Twin {i}", "slug": f"twin-{i}"}
                )
            }
        )
        api.save_assessment(root, api.assess(twin, today=dt.date(2020, 10, 1)))
    return root


def test_you_versus_your_peers_needs_five_and_names_nobody(tmp_path: Path) -> None:
    ws = peer_workspace(tmp_path / "ws", 5)
    run("assess", "-a", str(ANSWERS), "--workspace", str(ws), "--date", "2020-10-15",
        "--charts", "--html")  # fmt: skip
    report = (ws / "assessments" / "fashiontechperm" / "2020-10-15.md").read_text("utf-8")
    assert "## You versus your peers" in report
    assert "the other 5 communities" in report
    assert "| Purpose and shared goals | 55.0 | 55.0 | 55.0–55.0 | at the median |" in report
    assert "Twin" not in report
    page = (ws / "assessments" / "fashiontechperm" / "2020-10-15.html").read_text("utf-8")
    assert "Others at this stage: quartiles and median" in page and "Twin" not in page

    run("--lang", "ru", "assess", "-a", str(ANSWERS), "--workspace", str(ws), "--date",
        "2020-10-15", "--named", "--force")  # fmt: skip
    report = (ws / "assessments" / "fashiontechperm" / "2020-10-15.md").read_text("utf-8")
    assert "## Вы и другие сообщества" in report
    assert "**С кем сравнение:** Twin 0, Twin 1, Twin 2, Twin 3, Twin 4" in report


def test_no_peer_section_with_fewer_than_five(tmp_path: Path) -> None:
    ws = peer_workspace(tmp_path / "ws", 4)
    run("assess", "-a", str(ANSWERS), "--workspace", str(ws), "--date", "2020-10-15")
    report = (ws / "assessments" / "fashiontechperm" / "2020-10-15.md").read_text("utf-8")
    assert "peers" not in report


PUBLIC = """kind: community
version: "1"
slug: open-club
name: "<script>alert(1)</script> Open Club"
description: SECRET-DESCRIPTION of the club
leaders:
  - name: Hidden Leader
    role: SECRET-ROLE
format: offline
platform: Telegram
topics: [export, food]
snapshots:
  - {date: 2020-10-01, members: 4242, note: SECRET-SNAPSHOT-NOTE}
public:
  purpose: {en: Exporters help each other, ru: Экспортёры помогают друг другу}
  city: Perm
  how_to_join: {en: Write to the coordinator, ru: Напишите координатору}
  contacts:
    - {label: {en: Coordinator, ru: Координатор}, value: "mailto:club@example.org"}
    - {label: Channel, value: "javascript:alert(2)"}
"""


def test_public_map_shows_only_what_was_published(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    api.init_region(ws, "Public")
    (ws / "communities" / "open-club.yaml").write_text(PUBLIC, encoding="utf-8")
    api.add_community(ws, "Unlisted Circle", leaders=["Another Person"], members=5)
    answers = api.load_answers(ANSWERS)
    assessment = api.assess(
        answers.model_copy(
            update={"community": answers.community.model_copy(update={"slug": "open-club"})}
        ),
        today=dt.date(2020, 10, 15),
    )
    api.save_assessment(ws, assessment)
    for lang, purpose in (("en", "Exporters help each other"), ("ru", "Экспортёры помогают")):
        target = tmp_path / f"public-{lang}.html"
        run("--lang", lang, "map", str(ws), "--public", "--html", str(target))
        page = target.read_text(encoding="utf-8")
        assert purpose in page and "Perm" in page and "export" in page
        assert '<a href="mailto:club@example.org" rel="noopener noreferrer">' in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt; Open Club" in page
        assert "<script>alert" not in page and 'href="javascript' not in page
        for secret in ("SECRET", "Hidden Leader", "4242", "Unlisted Circle", "Another Person",
                       "Passionate core", "Shared value", "49.8", "mission"):  # fmt: skip
            assert secret not in page, secret
        notes = [a.note for a in assessment.answers.values() if a.note]
        texts = [t for n in notes for t in ([n] if isinstance(n, str) else n.values())]
        assert texts and not any(t in page for t in texts)


def test_public_needs_html_only(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["map", str(EXAMPLE), "--public", "--out", "x.md"])
    assert result.exit_code == 2 and "--public" in result.output

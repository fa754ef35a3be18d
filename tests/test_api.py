"""`commkit.api`: the new-region workflow as a library, and the example script."""

from __future__ import annotations

import datetime as dt
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from commkit import api
from commkit.errors import ContentError, UserError
from commkit.model.answers import Answers

ROOT = Path(__file__).resolve().parent.parent
PERM = ROOT / "examples" / "perm-krai"
SCRIPT = ROOT / "examples" / "scripts" / "new_region.py"
DAY = dt.date(2026, 6, 1)

sys.path.insert(0, str(ROOT / "bench"))
import generate  # noqa: E402  (bench/generate.py: synthetic answers for the checklist)


def synthetic_answers(slug: str, name: str, seed: int, day: dt.date) -> Answers:
    pack = api.load_content()
    data = generate.answers_doc(pack.checklist, random.Random(seed), slug, name, day)
    return Answers.model_validate(data)


def test_whole_workflow_without_printing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = tmp_path / "kazan"
    region_file = api.init_region(ws, "Kazan", country="Russia", lang="ru")
    assert region_file == ws / "region.yaml"
    profile = api.add_community(
        ws, "IT Club", leaders=["Ivan Petrov"], members=40, events=4, snapshot_date=DAY
    )
    assert profile == ws / "communities" / "it-club.yaml"
    api.add_community(ws, "Клуб экспортёров", members=25, snapshot_date=DAY)
    first = api.assess(synthetic_answers("it-club", "IT Club", 1, dt.date(2026, 1, 10)))
    second = api.assess(synthetic_answers("it-club", "IT Club", 2, dt.date(2026, 5, 10)))
    saved = api.save_assessment(ws, first)
    api.save_assessment(ws, second)
    assert saved == ws / "assessments" / "it-club" / "2026-01-10.yaml"
    assert api.load_assessment(saved).result.stage == first.result.stage
    with pytest.raises(UserError, match="already exists"):
        api.save_assessment(ws, first)

    region_map = api.build_map(ws, today=DAY)
    rows = {row.slug: row for row in region_map.communities}
    assert set(rows) == {"it-club", "klub-eksporterov"}
    assert rows["it-club"].stage == second.result.stage
    assert rows["it-club"].score == round(second.result.overall, 1)
    assert rows["it-club"].previous_stage == first.result.stage
    assert region_map.metric("members").total == 65
    assert region_map.metric("communities").total == 2
    assert [a.slug for a in region_map.attention] == ["klub-eksporterov"]

    markdown = api.render_map_markdown(region_map, lang="ru")
    assert markdown.startswith("# Карта бизнес-сообществ: Kazan")
    assert "klub-eksporterov" in api.render_map_csv(region_map)
    history = api.progress(ws, "it-club")
    assert [s.date for s in history.stages] == [dt.date(2026, 1, 10), dt.date(2026, 5, 10)]
    assert len(history.dimensions) == len(api.load_content().checklist.dimensions)

    roadmap = api.plan(second, start=dt.date(2026, 6, 1))
    assert roadmap.slug == "it-club" and roadmap.start == dt.date(2026, 6, 1)
    assert api.render_plan_markdown(roadmap).startswith("#")
    assert "it-club" in api.render_assessment_markdown(second) or "IT Club" in (
        api.render_assessment_markdown(second)
    )
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


def test_build_map_strict_raises_with_locations(tmp_path: Path) -> None:
    ws = tmp_path / "w"
    api.init_region(ws, "R")
    (ws / "communities" / "bad.yaml").write_text(
        "kind: community\nversion: '1'\nslug: bad\nname: B\nformat: tv\n", encoding="utf-8"
    )
    region_map = api.build_map(ws, today=DAY)
    assert region_map.communities == []
    assert region_map.problems[0].line == 5 and region_map.problems[0].field == "format"
    with pytest.raises(ContentError) as caught:
        api.build_map(ws, today=DAY, strict=True)
    assert "bad.yaml:5" in str(caught.value)


def test_duplicate_slug_is_reported(tmp_path: Path) -> None:
    ws = tmp_path / "w"
    api.init_region(ws, "R")
    api.add_community(ws, "Alpha")
    text = (ws / "communities" / "alpha.yaml").read_text(encoding="utf-8")
    (ws / "communities" / "zeta.yaml").write_text(text, encoding="utf-8")
    region_map = api.build_map(ws, today=DAY)
    assert [row.slug for row in region_map.communities] == ["alpha"]
    messages = [p.message for p in region_map.problems]
    assert any("used twice" in m for m in messages)


def test_duplicate_key_falls_back_to_located_error(tmp_path: Path) -> None:
    ws = tmp_path / "w"
    api.init_region(ws, "R")
    (ws / "communities" / "dup.yaml").write_text(
        "kind: community\nversion: '1'\nslug: dup\nname: A\nname: B\n", encoding="utf-8"
    )
    region_map = api.build_map(ws, today=DAY)
    assert region_map.communities == []
    problem = region_map.problems[0]
    assert "duplicate key 'name'" in problem.message and problem.line == 5


def perm_answers() -> list[Path]:
    folder = PERM / "answers"
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []


def test_perm_krai_assessed_through_the_api(tmp_path: Path) -> None:
    ws = tmp_path / "perm"
    shutil.copytree(PERM, ws)
    assessed = set()
    for path in perm_answers():
        assessment = api.assess(path)
        api.save_assessment(ws, assessment, force=True)
        assessed.add(assessment.community.slug)
    region_map = api.build_map(ws, today=dt.date(2020, 12, 1))
    rows = {row.slug: row for row in region_map.communities}
    for slug in assessed & set(rows):
        assert rows[slug].stage is not None and rows[slug].last_assessment is not None
    assert not [p for p in region_map.problems if p.severity == "error"]
    assert region_map.metric("members").total is not None
    assert region_map.metric("members").total >= 270 + 150 + 80 + 50


def test_example_script_runs(tmp_path: Path) -> None:
    out = tmp_path / "new-region"
    python = ROOT / ".venv" / "bin" / "python"
    result = subprocess.run(
        [str(python if python.exists() else sys.executable), str(SCRIPT), str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    text = (out / "map.md").read_text(encoding="utf-8")
    assert "| Community members | 550 |" in text  # 270 + 150 + 80 + 50, the article's figures
    assert "Business-mentor Business Club" in text
    assert (out / "map.csv").is_file() and (out / "README.md").is_file()
    written = [line for line in result.stdout.splitlines() if line.startswith("wrote ")]
    assert len(written) >= 7
    if perm_answers():
        assert list((out / "plans").glob("*.md")), "assessed communities get a plan"
        assert list((out / "assessments").rglob("*.yaml"))

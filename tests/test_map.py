"""`commkit map` and `commkit progress` on fixture workspaces and on examples/perm-krai."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from commkit.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "region" / "ws"
PERM = ROOT / "examples" / "perm-krai"
DATE = "2026-06-01"

runner = CliRunner()


def run(*args: str) -> Any:
    return runner.invoke(app, list(args))


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    target = tmp_path / "ws"
    shutil.copytree(FIXTURE, target)
    return target


def map_json(path: Path, *extra: str) -> dict[str, Any]:
    result = run("map", str(path), "--json", "--date", DATE, *extra)
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def rows(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {row["slug"]: row for row in data["communities"]}


def total(data: dict[str, Any], metric: str) -> Any:
    return next(m for m in data["metrics"] if m["id"] == metric)


# ------------------------------------------------------------------ the fixture workspace


def test_map_rows_and_totals(ws: Path) -> None:
    data = map_json(ws)
    by_slug = rows(data)
    assert list(by_slug) == ["alpha-club", "beta-guild", "gamma-hub"]
    alpha = by_slug["alpha-club"]
    assert alpha["stage"] == "shared-value" and alpha["score"] == 58.5
    assert alpha["last_assessment"] == "2026-05-01" and alpha["assessments"] == 2
    assert alpha["metrics"]["members"] == 120 and alpha["metric_dates"]["members"] == "2026-04-01"
    assert alpha["previous_metrics"]["members"] == 100
    assert alpha["dimension_changes"] == {"purpose": 30.0, "leadership": 15.0}
    assert alpha["events"] == 14 and alpha["formalised"] is True
    assert alpha["leaders"] == ["Anna Petrova", "Ivan Smirnov"]
    # the seven metrics, summed over the latest snapshot of each community
    assert [m["id"] for m in data["metrics"]] == [
        "communities", "members", "leaders", "projects", "publications", "support_measures",
        "initiatives",
    ]  # fmt: skip
    assert total(data, "communities")["total"] == 3
    members = total(data, "members")
    assert (members["total"], members["reporting"]) == (120 + 45 + 30, 3)
    assert (members["earliest"], members["latest"]) == ("2025-10-01", "2026-04-01")
    assert total(data, "projects")["total"] == 3
    assert total(data, "publications")["total"] == 3
    assert total(data, "support_measures")["total"] == 1
    assert total(data, "initiatives") | {"name": None} == total(data, "initiatives") | {
        "name": None,
        "total": 2,
        "reporting": 1,
    }
    stages = {s["id"]: s["count"] for s in data["stages"]}
    assert stages["shared-value"] == 1 and stages["core"] == 1 and stages["not-assessed"] == 1


def test_map_attention_gap_and_links(ws: Path) -> None:
    data = map_json(ws)
    attention = {a["slug"]: a["status"] for a in data["attention"]}
    assert attention == {"beta-guild": "stale", "gamma-hub": "never-assessed"}
    # six months before 2025-09-01 + 6 months = 2026-03-01: on that date beta is still current
    earlier = map_json(ws, "--date", "2026-03-01")
    assert {a["slug"] for a in earlier["attention"]} == {"gamma-hub"}
    assert data["gap"]["actors"] == ["ambassadors"]
    assert data["gap"]["links"] == [
        {"source": "ambassadors", "target": "alpha-club", "kind": "ambassador"}
    ]
    link = data["links"][0]
    assert (link["source_type"], link["target_type"], link["target_name"]) == (
        "actor", "community", "Alpha | Club",
    )  # fmt: skip


def test_map_markdown_sections_escaping_and_mermaid(ws: Path, tmp_path: Path) -> None:
    out = tmp_path / "map.md"
    result = run("map", str(ws), "--out", str(out), "--date", DATE)
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    for heading in (
        "# Business Community Map: Test Region (Testland)",
        "## The seven final metrics",
        "## Communities",
        "## Stage distribution",
        "## Community leaders",
        "## Ecosystem",
        "## AS-IS vs TO-BE gap",
        "## Needs attention",
        "## Progress",
        "## Files with problems",
    ):
        assert heading + "\n" in text, heading
    assert "| Community members | 195 | 3 / 3 | 2025-10-01 – 2026-04-01 |" in text
    # the pipe in a community name does not break the table
    assert "| Alpha \\| Club |" in text
    assert "```mermaid\nflowchart LR\n" in text
    assert '-.->|"ambassador"|' in text  # TO-BE link dashed
    assert '(["Alpha #124; Club"])' in text
    assert "- Business Ambassadors Club (public institution)" in text
    assert "35 → 58.5 (+23.5)" in text and "Community members: 100 → 120 (+20)" in text
    assert "| Gamma Hub | never assessed | — |" in text
    # screen output names the map too, and refuses to overwrite without --force
    again = run("map", str(ws), "--out", str(out), "--date", DATE)
    assert again.exit_code == 1 and "--force" in again.output
    assert run("map", str(ws), "--out", str(out), "--date", DATE, "--force").exit_code == 0


def test_map_is_deterministic(ws: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.md", tmp_path / "b.md"
    run("map", str(ws), "--out", str(first), "--date", DATE)
    run("map", str(ws), "--out", str(second), "--date", DATE)
    assert first.read_bytes() == second.read_bytes()
    # the streamed file is exactly what the API renders in one piece
    from commkit import api

    region_map = api.build_map(ws, today=dt.date.fromisoformat(DATE))
    assert first.read_text(encoding="utf-8") == api.render_map_markdown(region_map)
    assert first.read_text(encoding="utf-8").endswith("\n") and not first.read_text(
        encoding="utf-8"
    ).endswith("\n\n")


def test_map_in_russian(ws: Path, tmp_path: Path) -> None:
    out = tmp_path / "map.md"
    result = run("--lang", "ru", "map", str(ws), "--out", str(out), "--date", DATE)
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Карта бизнес-сообществ: Test Region")
    assert "## Семь итоговых показателей" in text
    assert "Клуб бизнес-амбассадоров" in text  # localised actor name
    assert "как должно быть" in text  # the glossary: никогда латиницей, без капса


def test_map_csv(ws: Path, tmp_path: Path) -> None:
    target = tmp_path / "map.csv"
    result = run("map", str(ws), "--csv", str(target), "--date", DATE)
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8-sig")
    table = list(csv.DictReader(io.StringIO(text)))
    assert [r["slug"] for r in table] == ["alpha-club", "beta-guild", "gamma-hub"]
    assert table[0]["members"] == "120" and table[0]["leader_names"] == "Anna Petrova; Ivan Smirnov"
    assert table[1]["name"] == "Гильдия Бета" and table[1]["status"] == "stale"
    assert table[2]["stage"] == "" and table[2]["support_measures"] == "1"


def test_map_screen_table(ws: Path) -> None:
    result = runner.invoke(app, ["map", str(ws), "--date", DATE], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Business Community Map: Test Region" in result.stdout
    line = next(x for x in result.stdout.splitlines() if "Alpha | Club" in x)
    for cell in ("58.5", "120", "Anna Petrova, Ivan Smirnov", "Telegram", "2026-05-01"):
        assert cell in line, cell
    assert "195" in result.stdout  # members in the region
    assert "Needs attention: 2" in result.stdout


def test_map_without_region_file_still_builds(ws: Path) -> None:
    (ws / "region.yaml").unlink()
    data = map_json(ws)
    assert data["region"] == "ws" and len(data["communities"]) == 3
    assert any("no region.yaml" in p["message"] for p in data["problems"])


def test_map_missing_folder_is_an_error(tmp_path: Path) -> None:
    result = run("map", str(tmp_path / "nowhere"))
    assert result.exit_code == 1 and "region init" in result.output


# ------------------------------------------------------------------ broken files


def break_workspace(ws: Path) -> None:
    (ws / "communities" / "tabbed.yaml").write_text(
        'kind: community\nversion: "1"\nslug: tabbed\n\tname: x\n', encoding="utf-8"
    )
    (ws / "communities" / "negative.yaml").write_text(
        'kind: community\nversion: "1"\nslug: negative\nname: N\nsnapshots:\n'
        "  - date: 2026-01-01\n    members: -5\n",
        encoding="utf-8",
    )
    # a newer assessment that is broken: the older valid one is used instead
    (ws / "assessments" / "alpha-club" / "2026-05-20.yaml").write_text(
        "kind: assessment\nversion: '1'\nresult: [\n", encoding="utf-8"
    )
    (ws / "communities" / "wrong-kind.yaml").write_text(
        "kind: region\nversion: '1'\nname: X\n", encoding="utf-8"
    )


def test_broken_files_are_warnings_and_the_map_still_builds(ws: Path) -> None:
    break_workspace(ws)
    result = run("map", str(ws), "--json", "--date", DATE)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(rows(data)) == ["alpha-club", "beta-guild", "gamma-hub"]
    assert rows(data)["alpha-club"]["last_assessment"] == "2026-05-01"
    errors = result.stderr
    assert "tabbed.yaml:4:1: warning: invalid YAML" in errors
    assert "negative.yaml:7:14: warning: snapshots[0].members" in errors
    assert "2026-05-20.yaml:4:1: warning: invalid YAML" in errors
    assert "wrong-kind.yaml:1" in errors and "expected 'kind: community'" in errors
    assert "the map was built without them" in errors
    files = {Path(p["file"]).name for p in data["problems"]}
    assert {"tabbed.yaml", "negative.yaml", "2026-05-20.yaml", "wrong-kind.yaml"} <= files


def test_problems_of_a_workspace_read_in_russian_in_a_russian_run(ws: Path) -> None:
    communities, assessments = ws / "communities", ws / "assessments"
    shutil.copy(communities / "alpha-club.yaml", communities / "alpha-copy.yaml")
    (communities / "gamma-hub.yaml").rename(communities / "gamma.yaml")
    (communities / "wrong-kind.yaml").write_text(
        "kind: region\nversion: '1'\nname: X\n", encoding="utf-8"
    )
    shutil.copy(assessments / "alpha-club" / "2026-05-01.yaml", assessments / "beta-guild")
    shutil.copytree(assessments / "beta-guild", assessments / "nobody")
    (ws / "region.yaml").unlink()
    english = run("map", str(ws), "--date", DATE)
    russian = run("--lang", "ru", "map", str(ws), "--date", DATE)
    assert english.exit_code == russian.exit_code == 0, russian.output
    said = {
        "is used twice (also in": "уже занято (файлом",
        "the file name does not match slug 'gamma-hub'": "с кратким именем 'gamma-hub'",
        "expected 'kind: community' here, found 'region'": "здесь ожидается 'kind: community'",
        "names community 'alpha-club' but sits under": "относится к сообществу 'alpha-club'",
        "assessments for 'nobody', which has no profile": "есть оценки сообщества 'nobody'",
        "no region.yaml: the map is named after the folder": "нет region.yaml: карта названа",
    }
    for en, ru in said.items():
        assert en in english.stderr and ru not in english.stderr
        assert ru in russian.stderr and en not in russian.stderr
    assert "alpha-copy.yaml:3: предупреждение:" in russian.stderr  # file and line kept


def test_strict_fails_on_broken_files(ws: Path, tmp_path: Path) -> None:
    break_workspace(ws)
    out = tmp_path / "map.md"
    result = run("map", str(ws), "--strict", "--out", str(out), "--date", DATE)
    assert result.exit_code == 1
    assert "tabbed.yaml:4:1: error:" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_strict_passes_on_a_clean_workspace(ws: Path) -> None:
    region = ws / "region.yaml"
    text = region.read_text(encoding="utf-8")
    region.write_text(text.replace("target: no-such-thing", "target: gamma-hub"), encoding="utf-8")
    result = run("map", str(ws), "--strict", "--json", "--date", DATE)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["problems"] == []


def test_unknown_link_end_is_located(ws: Path) -> None:
    data = map_json(ws)
    problem = next(p for p in data["problems"] if "no-such-thing" in p["message"])
    assert Path(problem["file"]).name == "region.yaml" and problem["line"] == 30
    assert problem["field"] == "ecosystem.links[3].target"


# ------------------------------------------------------------------ progress


def test_progress_table_and_json(ws: Path) -> None:
    result = run("progress", "alpha-club", "--workspace", str(ws), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [s["stage"] for s in data["stages"]] == ["core", "shared-value"]
    purpose = next(d for d in data["dimensions"] if d["id"] == "purpose")
    assert (purpose["previous"], purpose["last"], purpose["change"]) == (40.0, 70.0, 30.0)
    members = next(m for m in data["metrics"] if m["id"] == "members")
    assert [p["value"] for p in members["points"]] == [100, 120]
    assert members["change"] == 20
    initiatives = next(m for m in data["metrics"] if m["id"] == "initiatives")
    assert initiatives["change"] is None  # measured once
    screen = run("progress", "alpha-club", "-w", str(ws))
    assert screen.exit_code == 0
    assert "2026-01-10" in screen.stdout and "+30" in screen.stdout and "+20" in screen.stdout


def test_progress_unknown_slug(ws: Path) -> None:
    result = run("progress", "nope", "-w", str(ws))
    assert result.exit_code == 1 and "no community 'nope'" in result.output


# ------------------------------------------------------------------ examples/perm-krai


def latest_with(profile: dict[str, Any], key: str) -> int | None:
    values = [
        s
        for s in sorted(profile.get("snapshots", []), key=lambda s: s["date"])
        if s.get(key) is not None
    ]
    return values[-1][key] if values else None


def test_perm_krai_article_figures_in_the_totals() -> None:
    data = map_json(PERM, "--date", "2020-12-01")
    profiles = [
        yaml.safe_load(p.read_text(encoding="utf-8"))
        for p in sorted((PERM / "communities").glob("*.yaml"))
    ]
    by_slug = rows(data)
    assert total(data, "communities")["total"] == len(profiles)
    # the article's figures, one by one
    article = {
        "business-mentor": 270,
        "fashiontechperm": 150,
        "business-club-prikamye": 80,
        "franchising-world": 50,
    }
    for slug, members in article.items():
        assert by_slug[slug]["metrics"]["members"] == members, slug
    assert by_slug["business-mentor"]["events"] == 600
    # and every metric's total is the sum of what the profiles hold
    for metric in (
        "members",
        "leaders",
        "projects",
        "publications",
        "support_measures",
        "initiatives",
    ):
        values = [v for p in profiles if (v := latest_with(p, metric)) is not None]
        assert total(data, metric)["total"] == (sum(values) if values else None), metric
        assert total(data, metric)["reporting"] == len(values)
    assert total(data, "members")["total"] >= 270 + 150 + 80 + 50
    assert data["problems"] == [] or all(p["severity"] == "warning" for p in data["problems"])
    assert "business-ambassadors-club" in data["gap"]["actors"]


def test_cli_workflow_init_add_assess_map(tmp_path: Path) -> None:
    """What a consultant types: the results of `assess --workspace` land on the map."""
    ws = tmp_path / "perm"
    assert run("region", "init", str(ws), "--name", "Perm Krai").exit_code == 0
    added = run(
        "community", "add", "-w", str(ws), "--name", "Business-mentor Business Club",
        "--slug", "business-mentor", "--leader", "Tatiana Terentyeva", "--members", "270",
        "--date", "2020-10-01",
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    assessed = run(
        "assess", "--answers", str(PERM / "answers" / "business-mentor.yaml"),
        "--workspace", str(ws), "--community", "business-mentor", "--date", "2020-11-01",
    )  # fmt: skip
    assert assessed.exit_code == 0, assessed.output
    assert (ws / "assessments" / "business-mentor" / "2020-11-01.yaml").is_file()
    data = map_json(ws, "--date", "2020-12-01")
    row = rows(data)["business-mentor"]
    assert row["stage"] is not None and row["last_assessment"] == "2020-11-01"
    assert total(data, "members")["total"] == 270
    assert data["attention"] == [] and data["problems"] == []


def test_map_keeps_no_parsed_documents(ws: Path) -> None:
    """Streaming: after the map, no file's text is cached by the loader."""
    from commkit.model import loader

    break_workspace(ws)
    map_json(ws)
    cached = [p for p in loader._SOURCE_CACHE if str(ws) in str(p)]
    assert cached == []


def test_generated_workspace(tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    import generate

    ws = tmp_path / "gen"
    generate.generate(ws, 40, seed=7)
    profiles = [
        yaml.safe_load(p.read_text(encoding="utf-8"))
        for p in sorted((ws / "communities").glob("*.yaml"))
    ]
    assert len(profiles) == 40
    assert any(any("\u0400" <= ch <= "\u04ff" for ch in p["name"]) for p in profiles)
    target = tmp_path / "gen.csv"
    data = map_json(ws, "--date", "2026-12-01", "--csv", str(target), "--strict")
    assert total(data, "communities")["total"] == 40
    for metric in ("members", "leaders", "projects", "initiatives"):
        values = [v for p in profiles if (v := latest_with(p, metric)) is not None]
        assert total(data, metric)["total"] == sum(values), metric
    assessed = {p.name for p in (ws / "assessments").iterdir() if p.is_dir()}
    assert sum(s["count"] for s in data["stages"]) == 40
    assert next(s for s in data["stages"] if s["id"] == "not-assessed")["count"] == 40 - len(
        assessed
    )
    twice = [r for r in data["communities"] if r["assessments"] == 2]
    assert twice and all(r["previous_stage"] is not None for r in twice)
    table = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert len(table) == 40


def test_a_folder_that_is_not_a_workspace(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    result = run("map", str(tmp_path))
    assert result.exit_code == 1
    assert "is not a workspace" in result.output and "region init" in result.output


def test_names_cities_and_platforms_read_in_the_run_language(tmp_path: Path) -> None:
    example = ROOT / "examples" / "perm-krai"
    for lang, club, city, leader in (
        ("ru", "Бизнес-клуб Прикамья", "Пермь", "Инга Дриневская"),
        ("en", "Business Club of Prikamye", "Perm", "Inga Drinevskaya"),
    ):
        out, page = tmp_path / f"map-{lang}.md", tmp_path / f"public-{lang}.html"
        assert run("--lang", lang, "map", str(example), "--out", str(out)).exit_code == 0
        assert (
            run("--lang", lang, "map", str(example), "--public", "--html", str(page)).exit_code == 0
        )
        text, html = out.read_text(encoding="utf-8"), page.read_text(encoding="utf-8")
        assert f"| {club} |" in text and leader in text
        assert f"<h2>{club}</h2>" in html and f" · {city} · " in html
        assert "FashionTechPerm" in text  # a plain name is the name in both languages
        other = "Business Club of Prikamye" if lang == "ru" else "Бизнес-клуб Прикамья"
        assert other not in text and other not in html

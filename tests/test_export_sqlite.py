"""``commkit export sqlite``: the Perm Krai example as a database an analyst opens in Datasette."""

from __future__ import annotations

import asyncio
import json
import os
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from commkit.cli.app import app
from data_helpers import assessed_workspace


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return assessed_workspace(tmp_path_factory.mktemp("ws") / "perm-krai")


def export(runner: CliRunner, ws: str, db: str, *options: str, lang: str = "en") -> str:
    result = runner.invoke(app, ["--lang", lang, "export", "sqlite", ws, db, *options])
    assert result.exit_code == 0, result.output
    return result.output


def data_dump(db: Path) -> list[str]:
    """Every row of every table except the bookkeeping of sources, in a stable order."""
    conn = sqlite3.connect(db)
    tables = [
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' "
            "AND name NOT LIKE '_commkit%' ORDER BY name"
        )
    ]
    rows = [f"{t}: {r}" for t in tables for r in conn.execute(f"SELECT * FROM [{t}] ORDER BY 1, 2")]
    conn.close()
    return rows


def test_tables_keys_search_and_views(workspace: Path, tmp_path: Path) -> None:
    db = tmp_path / "perm.db"
    export(CliRunner(), str(workspace), str(db))
    import sqlite_utils

    data = sqlite_utils.Database(db)
    for table in ("communities", "assessments", "answers", "dimension_scores", "stages",
                  "snapshots", "assessment_actions", "actors", "links"):  # fmt: skip
        assert data[table].count > 0, table
    assert data["communities"].pks == ["slug"]
    assert data["answers"].pks == ["assessment", "question"]
    fks = {(fk.column, fk.other_table) for fk in data["answers"].foreign_keys}
    assert {("assessment", "assessments"), ("question", "questions")} <= fks
    assert any(i.columns == ["status"] for i in data["answers"].indexes)
    assert data["answers"].detect_fts() == "answers_fts"
    assert data["communities"].detect_fts() == "communities_fts"

    row = data.execute(
        "SELECT checklist, checklist_version, stage FROM assessments "
        "WHERE id = 'fashiontechperm/2021-03-01'"
    ).fetchone()
    assert row[0] == "self-identification" and row[1] and row[2]
    note = data.execute(
        "SELECT status, note FROM answers WHERE assessment = 'fashiontechperm/2020-10-15' "
        "AND question = 'purpose.mission-text'"
    ).fetchone()
    assert note == (
        "dont_know",
        "The founders are still working out the mission together with members.",
    )
    found = [r["slug"] for r in data["communities"].search("Franchising", columns=["slug"])]
    assert found == ["franchising-world"]

    latest = {r["community"]: r["date"] for r in data["latest_assessments"].rows}
    assert latest["fashiontechperm"] == "2021-03-01"
    assert len(latest) == 4
    assert data.execute("PRAGMA foreign_key_check").fetchall() == []


def test_datasette_serves_a_table_and_a_view_with_russian_titles(
    workspace: Path, tmp_path: Path
) -> None:
    db = tmp_path / "region.db"
    export(CliRunner(), str(workspace), str(db), lang="ru")
    metadata = json.loads((tmp_path / "region.metadata.json").read_text(encoding="utf-8"))
    tables = metadata["databases"]["region"]["tables"]
    assert tables["communities"]["title"] == "Сообщества"
    assert tables["answers"]["columns"]["note"] == "Комментарий"

    from datasette.app import Datasette

    async def fetch() -> tuple[dict[str, object], dict[str, object], str]:
        ds = Datasette([str(db)], metadata=metadata)
        table = await ds.client.get("/region/communities.json?_shape=objects")
        view = await ds.client.get("/region/latest_assessments.json?_shape=objects")
        page = await ds.client.get("/region/communities")
        assert table.status_code == view.status_code == page.status_code == 200
        return table.json(), view.json(), page.text

    table, view, page = asyncio.run(fetch())
    names = {r["name"] for r in table["rows"]}  # type: ignore[attr-defined]
    assert "FashionTechPerm" in names
    stages = {r["community"]: r["stage_title"] for r in view["rows"]}  # type: ignore[attr-defined]
    assert stages["business-mentor"] == "Зрелое сообщество"
    assert "Сообщества" in page


def test_replace_is_incremental_and_equals_a_fresh_export(workspace: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    db = tmp_path / "a.db"
    export(runner, str(workspace), str(db))
    refused = runner.invoke(app, ["export", "sqlite", str(workspace), str(db)])
    assert refused.exit_code == 1 and "--replace" in refused.output

    out = export(runner, str(workspace), str(db), "--replace")
    assert "updated 0 communities" in out

    profile = workspace / "communities" / "technopark-perm.yaml"
    original = profile.read_text(encoding="utf-8")
    try:
        renamed = original.replace("name: {en: ", "name: {en: Renamed ", 1)
        assert renamed != original
        profile.write_text(renamed, encoding="utf-8")
        os.utime(profile, ns=(1, 1))
        out = export(runner, str(workspace), str(db), "--replace")
        assert "updated 1 community," in out
        fresh = tmp_path / "fresh.db"
        export(runner, str(workspace), str(fresh))
        assert data_dump(db) == data_dump(fresh)
        assert any("Renamed" in row for row in data_dump(db))
    finally:
        profile.write_text(original, encoding="utf-8")

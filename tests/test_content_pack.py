"""The default pack: it validates, it is complete in both languages, it covers the method."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from commkit.cli.app import app
from commkit.model.pack import ContentPack, load_pack

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def pack() -> ContentPack:
    return load_pack()


def test_default_pack_validates_strictly_in_both_languages(runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", "--strict-i18n"])
    assert result.exit_code == 0, result.stdout + result.stderr


def test_example_workspace_validates(runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", "--strict-i18n", str(ROOT / "examples/perm-krai")])
    assert result.exit_code == 0, result.stdout + result.stderr


def test_method_has_its_chapters_metrics_and_roles(pack: ContentPack) -> None:
    m = pack.methodology
    assert len(m.chapters) == 11
    assert {x.id for x in m.metrics} == {
        "communities", "members", "leaders", "projects", "publications",
        "support_measures", "initiatives",
    }  # fmt: skip
    assert len(m.objectives) == 3
    assert len(m.prerequisites) == 5
    assert len(m.support_emphases) == 6
    manager = next(r for r in m.roles if r.id == "community-manager")
    assert {f.id for f in manager.functions} == {"inform", "share", "activate", "provide"}
    assert manager.weekly_schedule


def test_coverage_of_chapters_dimensions_metrics(pack: ContentPack) -> None:
    chapters = {c.id for c in pack.methodology.chapters}
    assert chapters <= {a.chapter for a in pack.roadmap.actions}, "a chapter has no action"
    assert chapters <= {c for s in pack.seminars for c in s.chapters}, "a chapter has no seminar"
    assert {x.id for x in pack.methodology.metrics} <= {
        m for a in pack.roadmap.actions for m in a.metrics
    }
    checklist = pack.checklist
    assert len(checklist.dimensions) >= 9
    assert len(checklist.questions) >= 45
    for dim in checklist.dimensions:
        assert sum(q.dimension == dim.id for q in checklist.questions) >= 4, dim.id
    assert sum(q.when is not None for q in checklist.questions) >= 3
    assert {q.type for q in checklist.questions} == {
        "scale", "yes_no", "number", "choice", "multi", "text"
    }  # fmt: skip
    assert len(checklist.stages) >= 4
    assert len(pack.roadmap.actions) >= 30
    assert len([s for s in pack.seminars if s.type == "seminar"]) == 8
    assert len([s for s in pack.seminars if s.type == "meetup"]) == 1


def test_every_option_below_the_best_has_a_recommendation(pack: ContentPack) -> None:
    for q in pack.checklist.questions:
        if q.type == "choice":
            best = max(o.score for o in q.options)
            for option in q.options:
                if option.score < best:
                    assert option.recommendation is not None, f"{q.id}/{option.id}"
        elif q.type in ("scale", "yes_no", "number"):
            assert q.recommendation is not None, q.id


def test_schemas_validate_the_shipped_content(runner: CliRunner, tmp_path: Path) -> None:
    import jsonschema

    from commkit.model.loader import parse_file
    from commkit.model.pack import pack_files

    result = runner.invoke(app, ["schema", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    files = [*pack_files(ROOT), *sorted((ROOT / "examples/perm-krai").rglob("*.yaml"))]
    assert len(files) > 15
    validators: dict[str, Any] = {}  # each kind's schema checked and compiled once
    for path in files:
        data = json.loads(json.dumps(parse_file(path).data, default=str))
        kind = data["kind"]
        if kind not in validators:
            schema = json.loads((tmp_path / f"{kind}.schema.json").read_text())
            validator = jsonschema.validators.validator_for(schema)
            validator.check_schema(schema)
            validators[kind] = validator(schema)
        validators[kind].validate(data)


def test_methodology_views(runner: CliRunner) -> None:
    result = runner.invoke(app, ["methodology"])
    assert result.exit_code == 0
    assert "Business Community Map" in result.stdout
    detail = runner.invoke(app, ["--lang", "ru", "methodology", "7", "--json"])
    assert detail.exit_code == 0
    data = json.loads(detail.stdout)
    assert data["id"] == "community-map" and data["steps"]
    assert any("\u0400" <= ch <= "\u04ff" for ch in data["title"])
    missing = runner.invoke(app, ["methodology", "99"])
    assert missing.exit_code == 1 and "no chapter '99'" in missing.stderr

"""Every file kind states the format versions it reads; others are refused with what to do."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from commkit import api
from commkit.cli.app import app
from commkit.errors import ContentError
from commkit.model import KINDS
from commkit.model.formats import READS
from commkit.model.workspace import Region
from commkit.model.workspace_loader import load_model


def test_every_kind_states_the_formats_it_reads() -> None:
    assert set(KINDS) | {"pack"} == set(READS)
    assert all(READS[kind] for kind in READS)


@pytest.mark.parametrize(
    ("version", "message"),
    [
        ("99", "written by a newer commkit (format 99; this one reads 1): upgrade commkit"),
        ("2.0", "written by a newer commkit (format 2; this one reads 1): upgrade commkit"),
        ("0", "written in format 0, older than this commkit reads (1): no automatic migration"),
        ("next", "version 'next' does not start with a format number"),
    ],
)
def test_an_unreadable_format_is_refused_by_validate(
    version: str, message: str, tmp_path: Path, runner: CliRunner
) -> None:
    path = tmp_path / "region.yaml"
    path.write_text(f'kind: region\nversion: "{version}"\nname: R\n', encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert f"region.yaml:2:10: error: version: {message}" in result.stderr


def test_the_format_is_the_only_complaint_and_the_api_raises_it(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(
        'kind: answers\nversion: "3"\nchecklist: {id: self-identification, version: "1.0"}\n'
        "community: {name: X}\nnew_key_of_format_3: true\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as info:
        api.load_answers(path)
    assert [d.message for d in info.value.diagnostics] == [
        "written by a newer commkit (format 3; this one reads 1): upgrade commkit"
    ]


def test_the_fast_workspace_path_refuses_a_newer_format_too(tmp_path: Path) -> None:
    path = tmp_path / "region.yaml"
    path.write_text("kind: region\nversion: 99\nname: R\n", encoding="utf-8")
    model, diags = load_model(path, Region)
    assert model is None
    assert [d.line for d in diags] == [2]
    assert "format 99" in diags[0].message

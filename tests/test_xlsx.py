"""Excel workbooks of the map and the plan, opened back with openpyxl: types, header, filters."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from commkit.cli.app import app
from data_helpers import assessed_workspace


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return assessed_workspace(tmp_path_factory.mktemp("ws") / "perm-krai")


def run(*args: str) -> None:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output


def header(sheet: object) -> list[str]:
    return [c.value for c in sheet[1]]  # type: ignore[index]


@pytest.mark.parametrize(
    ("lang", "sheets", "community"),
    [
        ("en", ["Metrics", "Communities", "Gaps"], "Community"),
        ("ru", ["Показатели", "Сообщества", "Разрывы"], "Сообщество"),
    ],
)
def test_map_workbook_round_trips_with_types(
    workspace: Path, tmp_path: Path, lang: str, sheets: list[str], community: str
) -> None:
    target = tmp_path / "map.xlsx"
    run("--lang", lang, "map", str(workspace), "--xlsx", str(target), "--date", "2021-04-01")
    book = load_workbook(target)
    assert book.sheetnames == sheets
    table = book[sheets[1]]
    assert header(table)[0] == community
    assert table.freeze_panes == "A2"
    assert table.auto_filter.ref == f"A1:{table.cell(1, table.max_column).column_letter}8"
    rows = {r[1]: r for r in table.iter_rows(min_row=2, values_only=True)}
    mentor = rows["business-mentor"]
    assert mentor[3] == 93.1  # the score: a number, not text
    assert isinstance(mentor[4], int)  # members
    last = mentor[-2]
    assert isinstance(last, dt.datetime) and last.date() == dt.date(2020, 10, 15)
    assert table.column_dimensions["A"].width > 10
    metrics = book[sheets[0]]
    totals = [r[1] for r in metrics.iter_rows(min_row=2, values_only=True)]
    assert len(totals) == 7 and all(t is None or isinstance(t, int) for t in totals)
    gaps = list(book[sheets[2]].iter_rows(min_row=2, values_only=True))
    assert gaps, "the example has TO-BE actors and communities that need attention"


def test_plan_workbook_round_trips_with_types(tmp_path: Path, repo_root: Path) -> None:
    answers = repo_root / "examples" / "perm-krai" / "answers" / "fashiontechperm.yaml"
    target = tmp_path / "plan.xlsx"
    run("--lang", "ru", "plan", "-a", str(answers), "--start", "2026-01-12",
        "--out", str(tmp_path), "--xlsx", str(target))  # fmt: skip
    book = load_workbook(target)
    assert book.sheetnames == ["Действия", "Календарь", "Неделя менеджера"]
    actions = book["Действия"]
    assert header(actions)[:2] == ["Код", "Действие"]
    first = next(actions.iter_rows(min_row=2, values_only=True))
    assert isinstance(first[4], dt.datetime) and isinstance(first[5], dt.datetime)
    assert first[4].date() >= dt.date(2026, 1, 12)
    assert isinstance(first[6], int)
    assert actions.cell(2, 5).number_format == "yyyy-mm-dd"
    assert actions.freeze_panes == "A2" and actions.auto_filter.ref.startswith("A1:L")
    calendar = list(book["Календарь"].iter_rows(min_row=2, values_only=True))
    dates = [r[0] for r in calendar]
    assert dates == sorted(dates) and any("Семинар" in str(r[2]) for r in calendar)
    week = list(book["Неделя менеджера"].iter_rows(min_row=2, values_only=True))
    assert week and all(isinstance(r[2], int) for r in week)


def test_user_text_is_never_a_formula(tmp_path: Path) -> None:
    from commkit import api

    ws = tmp_path / "ws"
    api.init_region(ws, "Test")
    api.add_community(ws, "=HYPERLINK(1)", slug="evil", members=3)
    book = load_workbook(
        io.BytesIO(api.render_map_xlsx(api.build_map(ws, today=dt.date(2026, 1, 1))))
    )
    cell = book["Communities"]["A2"]
    assert cell.value == "=HYPERLINK(1)" and cell.data_type == "s"

"""The bad-input corpus through the library: `commkit.api` refuses every broken file with
the same error, file, line and field as the CLI prints (tests/bad_inputs/expected.yaml)."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from commkit import api
from commkit.cli.app import app
from commkit.errors import CommkitWarning, Diagnostic, UserError
from test_reliability_corpus import BAD, CASES, Case, invocations, pack_with, workspace_with


def _validate(bad: Path, tmp: Path) -> list[Diagnostic]:
    report = api.validate([bad])
    return [d for d in report.diagnostics if d.severity == "error"] or report.diagnostics


def _assess(bad: Path, tmp: Path) -> Any:
    api.assess(bad)


def _plan(bad: Path, tmp: Path) -> Any:
    return api.plan_input(bad).warnings


def _map(bad: Path, tmp: Path) -> Any:
    ws, _ = workspace_with(tmp, bad)
    api.build_map(ws, strict=True)


def _pack(bad: Path, tmp: Path, case: Case) -> Any:
    pack, _ = pack_with(tmp, bad, case.pack_path)
    api.load_content(pack)


def _holidays(bad: Path, tmp: Path) -> Any:
    api.load_holidays(bad)


READERS: dict[str, Callable[..., Any]] = {
    "validate": _validate,
    "assess": _assess,
    "plan": _plan,
    "map": _map,
    "pack": _pack,
    "holidays": _holidays,
}
PREFERENCE = ["assess", "plan", "map", "pack", "holidays", "validate"]


def _one_reader_per_file() -> list[Case]:
    """Each file once, through the most specific API reader of it (the CLI corpus test
    already runs every reader; the loader behind them is the same)."""
    chosen: dict[str, Case] = {}
    for case in CASES:
        if case.command not in READERS:
            continue
        best = chosen.get(case.name)
        if best is None or PREFERENCE.index(case.command) < PREFERENCE.index(best.command):
            chosen[case.name] = case
    return sorted(chosen.values(), key=lambda c: c.name)


API_CASES = _one_reader_per_file()


def problems(case: Case, bad: Path, tmp: Path) -> list[Diagnostic | UserError | CommkitWarning]:
    """What the API says about ``bad``: the diagnostics of its error, or its warnings."""
    reader = READERS[case.command]
    args = (bad, tmp, case) if case.command == "pack" else (bad, tmp)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            found = reader(*args)
        except UserError as exc:
            assert case.exit == 1, f"{case.name}: the API raised for a documented warning"
            return list(exc.diagnostics) or [exc]
    if isinstance(found, list):  # validate reports (never raises); plan returns warnings
        return list(found)
    assert case.exit == 0, f"{case.name}: the API accepted a file the CLI refuses"
    return [w.message for w in caught if isinstance(w.message, CommkitWarning)]


def _shown(item: Diagnostic | UserError | CommkitWarning) -> str:
    if isinstance(item, Diagnostic):
        return item.format().splitlines()[0]
    return str(item).splitlines()[0]


@pytest.mark.parametrize("case", API_CASES, ids=[c.id for c in API_CASES])
def test_the_api_refuses_what_the_cli_refuses(case: Case, tmp_path: Path) -> None:
    found = problems(case, BAD / case.name, tmp_path)
    if case.exit == 0 and not case.fragment:  # a good file: nothing to say
        assert not [f for f in found if not isinstance(f, Diagnostic)], found
        return
    lines = [_shown(item) for item in found]
    assert any(case.fragment in line for line in lines), lines
    if case.line is not None:
        # a map or a pack holds the file under another name
        moved = case.command in ("map", "pack")
        shown = f":{case.line}:" if moved else f"{case.name}:{case.line}:"
        assert any(case.fragment in line and shown in line for line in lines), lines


ANSWERS_CASES = [
    c for c in CASES if c.command in ("assess", "plan") and c.name.startswith("answers-")
]


@pytest.mark.parametrize("case", ANSWERS_CASES, ids=[c.id for c in ANSWERS_CASES])
def test_the_cli_prints_what_the_api_raises(case: Case, tmp_path: Path, runner: CliRunner) -> None:
    """The answer rules live once: the CLI shows the API's own lines (message, file, line
    and field), whatever it adds around them."""
    bad = BAD / case.name
    found = problems(case, bad, tmp_path)
    [(args, code, _)] = invocations(case, bad, tmp_path)
    result = runner.invoke(app, args)
    assert result.exit_code == code, result.stderr
    for item in found:
        assert _shown(item) in result.stderr, result.stderr

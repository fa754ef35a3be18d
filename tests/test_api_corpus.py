"""The bad-input corpus through the library: `commkit.api` refuses every broken file with
the same error, file, line and field as the CLI prints (tests/bad_inputs/expected.yaml)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from commkit import api
from commkit.cli.app import app
from commkit.errors import Diagnostic, UserError
from test_reliability_corpus import BAD, CASES, Case, invocations, pack_with, workspace_with


def _validate(bad: Path, tmp: Path) -> list[Diagnostic]:
    return api.validate([bad]).diagnostics


def _assess(bad: Path, tmp: Path) -> list[Diagnostic]:
    api.assess(bad)  # the library scores only what the CLI would score
    return list(api.read_answers(bad).warnings)


def _plan(bad: Path, tmp: Path) -> list[Diagnostic]:
    return list(api.plan_input(bad).warnings)


def _map(bad: Path, tmp: Path) -> list[Diagnostic]:
    ws, _ = workspace_with(tmp, bad)
    api.build_map(ws, strict=True)
    return []


def _pack(bad: Path, tmp: Path, case: Case) -> list[Diagnostic]:
    pack, _ = pack_with(tmp, bad, case.pack_path)
    api.load_content(pack)
    return []


def _holidays(bad: Path, tmp: Path) -> list[Diagnostic]:
    api.load_holidays(bad)
    return []


def _import(bad: Path, tmp: Path) -> list[Diagnostic]:
    api.import_answers([bad], out=tmp / "out")
    return []


READERS: dict[str, Callable[..., list[Diagnostic]]] = {
    "validate": _validate,
    "assess": _assess,
    "plan": _plan,
    "map": _map,
    "pack": _pack,
    "holidays": _holidays,
    "import": _import,
}
PREFERENCE = ["assess", "plan", "map", "pack", "holidays", "import", "validate"]


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


def problems(case: Case, bad: Path, tmp: Path) -> list[Any]:
    """What the API says about ``bad``: the diagnostics of its error, or its warnings."""
    reader = READERS[case.command]
    args = (bad, tmp, case) if case.command == "pack" else (bad, tmp)
    try:
        found = reader(*args)
    except UserError as exc:
        assert case.exit == 1, f"{case.name}: the API raised for a documented warning"
        return list(exc.diagnostics) or [exc]
    errors = [d for d in found if d.severity == "error"]
    assert bool(errors) == (case.exit == 1), f"{case.name}: the API and the CLI disagree"
    return found


def _shown(item: Diagnostic | UserError) -> str:
    if isinstance(item, Diagnostic):
        return item.format().splitlines()[0]
    return str(item).splitlines()[0]


@pytest.mark.parametrize("case", API_CASES, ids=[c.id for c in API_CASES])
def test_the_api_refuses_what_the_cli_refuses(case: Case, tmp_path: Path) -> None:
    found = problems(case, BAD / case.name, tmp_path)
    if case.exit == 0 and not case.fragment:  # a good file: nothing to say
        assert found == [], found
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


def test_a_kind_that_is_not_a_word_is_a_located_error(tmp_path: Path) -> None:
    """``kind: []`` once crashed the loader with a TypeError; now it is named like any
    unknown kind, through the API and the CLI alike."""
    found = api.validate([BAD / "kind-list.yaml"]).diagnostics
    assert [d.format().splitlines()[0] for d in found] == [
        f"{BAD / 'kind-list.yaml'}:1:7: error: kind: unknown kind [] (one of: answers, "
        "assessment, checklist, community, methodology, migration, region, roadmap, seminar)"
    ]

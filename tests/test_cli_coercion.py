"""Option values coerced without a pydantic validator per option (commkit.cli.coercion): the
same values and messages as Typer's own coercion, and a loud failure if Typer's private
names it relies on change."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import typer
import typer.main

from commkit.cli import coercion
from commkit.cli.app import app


def test_typer_still_has_what_the_shim_uses() -> None:
    """A Typer upgrade that renames these turns the shim off (Typer then coerces as always);
    this test says so, so the speed is not lost unnoticed."""
    from typer._coercion import RuntimeParam, build_runtime_param
    from typer._param_types import choice_coercion_annotation, coerce_cli_choice, coerce_cli_path
    from typer.core import _TyperParameter

    assert callable(build_runtime_param) and callable(coerce_cli_path)
    assert callable(coerce_cli_choice) and callable(choice_coercion_annotation)
    assert hasattr(RuntimeParam, "coerce")
    assert _TyperParameter.get_runtime_param is coercion._quick_runtime_param
    root = typer.main.get_command(app)
    param = root.params[0]
    assert isinstance(param, _TyperParameter)
    assert "_runtime_param" in vars(param)


def _params() -> list[tuple[str, Any, Any]]:
    """Every parameter of every commkit command, with a context of its command."""
    found: list[tuple[str, Any, Any]] = []

    def walk(command: Any, path: str) -> None:
        ctx = typer.Context(command)
        for param in command.get_params(ctx):
            found.append((f"{path} {param.name}", param, ctx))
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, f"{path} {name}")

    walk(typer.main.get_command(app), "commkit")
    return found


SAMPLES: list[Any] = [
    None,
    "text",
    " padded ",
    "",
    "-",
    "a/b/",
    "2026-01-12",
    "12",
    "012",
    "+3",
    " 3",
    "1_0",
    "260",
    "261",
    "99999999999",
    "2026-1-5",
    " 2026-01-12 ",
    "yes",
    ("one", "two/"),
    [],
    Path("."),
    True,
    0,
    3,
    26,
    1000,
    -1,
    2.0,
]


def _outcome(coerce: Any, value: Any, param: Any, ctx: Any) -> tuple[str, Any]:
    try:
        result = coerce(value, param=param, ctx=ctx)
    except typer.BadParameter as exc:
        return "error", exc.format_message()
    except Exception as exc:  # a value no command line gives (a tuple to a date parser)
        return "raised", f"{type(exc).__name__}: {exc}"
    if hasattr(result, "close") and hasattr(result, "read"):  # an opened file
        result.close()
        return "file", getattr(result, "name", None)
    return "value", (type(result), result)


def test_every_parameter_coerces_as_typer_does(tmp_path: Path, monkeypatch: Any) -> None:
    from typer._coercion import build_runtime_param
    from typer._param_types import choice_coercion_annotation

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a").mkdir()
    (tmp_path / "text").write_text("x", encoding="utf-8")
    checked = 0
    for where, param, ctx in _params():
        typers = build_runtime_param(param.type_descriptor)
        choices = choice_coercion_annotation(
            param.type_descriptor.annotation, param.type_descriptor.parameter_info
        )
        named = [str(c) for c in choices[0]] if choices else []
        for value in [*SAMPLES, *named, *(n.upper() for n in named)]:
            ours = _outcome(coercion.QuickCoercion(param).coerce, value, param, ctx)
            theirs = _outcome(typers.coerce, value, param, ctx)
            assert ours == theirs, (where, value)
            checked += 1
    assert checked > 500


def test_plain_digits_are_quick_any_other_number_is_left_to_typers_own_coercion() -> None:
    from typer._coercion import AdapterRuntimeParam

    root = typer.main.get_command(app)
    batch = root.commands["assess"]  # type: ignore[attr-defined]
    jobs = next(p for p in batch.params if p.name == "jobs")
    quick = coercion.QuickCoercion(jobs)
    assert quick.coerce(None, jobs, typer.Context(batch)) is None
    assert quick.coerce("3", jobs, typer.Context(batch)) == 3
    assert jobs._runtime_param is None  # no pydantic adapter built
    assert quick.coerce("+3", jobs, typer.Context(batch)) == 3
    assert isinstance(jobs._runtime_param, AdapterRuntimeParam)


def test_a_date_option_calls_its_parser_and_a_bad_date_is_typers_message() -> None:
    root = typer.main.get_command(app)
    command = root.commands["plan"]  # type: ignore[attr-defined]
    start = next(p for p in command.params if p.name == "start")
    quick = coercion.QuickCoercion(start)
    assert quick.coerce("2026-01-12", start, typer.Context(command)) == date(2026, 1, 12)
    assert start._runtime_param is None
    with pytest.raises(typer.BadParameter, match="is not a date such as"):
        quick.coerce("2026-13-01", start, typer.Context(command))


def test_a_one_file_command_builds_no_pydantic_adapter_for_its_options() -> None:
    code = (
        "import sys\n"
        "sys.argv = ['commkit', 'validate', '--lang', 'ru']\n"
        "from commkit.cli.app import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('ADAPTERS:', 'typer._adapters' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "ADAPTERS: False", done.stdout


def _typers_own(monkeypatch: Any) -> None:
    """Typer's coercion for every parameter from now on (as without the shim)."""
    from typer.core import _TyperParameter

    monkeypatch.setattr(_TyperParameter, "get_runtime_param", coercion.TYPERS_OWN)
    for _, param, _ in _params():
        monkeypatch.setattr(param, "_runtime_param", None)


@pytest.mark.parametrize(
    "argv",
    [
        ["--lang", "de", "validate"],
        ["validate", "--no-such-option"],
        ["plan", "--start", "2026-13-01", "-a", "x.yaml"],
        ["seminars", "show"],
        ["seminars", "show", "1", "--lang", "ru"],
        ["assess", "--jobs", "many", "--answers", "x.yaml"],
        ["checklist", "show", "--fmt", "nope"],
        ["validate", "no/such/file.yaml"],
        ["--content", "no/such/dir", "seminars", "list"],
    ],
)
def test_runs_end_as_with_typers_own_coercion(argv: list[str], monkeypatch: Any) -> None:
    """Output and exit code of good and bad command lines are those Typer's coercion gives."""
    from typer.testing import CliRunner

    ours = CliRunner().invoke(app, argv)
    _typers_own(monkeypatch)
    theirs = CliRunner().invoke(app, argv)
    assert (ours.exit_code, ours.output) == (theirs.exit_code, theirs.output)

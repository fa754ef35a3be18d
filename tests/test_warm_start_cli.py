"""The warm one-file commands started without the Typer app print and write what the app does,
and leave every other command line to it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from commkit.cli import quick_start, warm_commands
from commkit.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
ANSWERS = ROOT / "examples" / "perm-krai" / "answers"
FILES = [ANSWERS / "business-mentor.yaml", ANSWERS / "fashiontechperm.yaml"]


@pytest.fixture(autouse=True)
def plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("COMMKIT_LANG", "COMMKIT_CONTENT", "COMMKIT_NO_CACHE", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)


def quick(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int | None, str, str]:
    code = quick_start.run(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def through_app(argv: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(app, argv)
    return result.exit_code, result.stdout


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("lang", [[], ["--lang", "ru"]])
def test_assess_and_plan_print_and_write_what_the_app_does(
    lang: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for answers in FILES:
        quick_out, app_out = tmp_path / answers.stem / "quick", tmp_path / answers.stem / "app"
        argv = ["assess", "--answers", str(answers), "-o", str(quick_out), "--force"]
        code, out, err = quick([*lang, *argv], capsys)
        argv[4] = str(app_out)
        assert (code, err) == (0, "")
        assert through_app([*lang, *argv]) == (0, out.replace(str(quick_out), str(app_out)))
        assert files(quick_out) == files(app_out)
        (assessment,) = quick_out.glob("*.yaml")
        plan = ["plan", "-a", str(assessment), "--out", str(quick_out), "-f"]
        code, out, err = quick([*lang, *plan], capsys)
        plan[-2] = str(app_out)
        assert (code, err) == (0, "")
        assert through_app([*lang, *plan]) == (0, out.replace(str(quick_out), str(app_out)))
        assert files(quick_out) == files(app_out)


def test_commkit_lang_and_commkit_content_are_read_as_the_app_reads_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    argv = ["assess", "-a", str(FILES[0]), "--out", str(tmp_path), "-f"]
    monkeypatch.setenv("COMMKIT_LANG", "ru")
    monkeypatch.setenv("COMMKIT_CONTENT", str(ROOT))
    code, out, _ = quick(argv, capsys)
    assert code == 0 and "Бизнес-клуб" in out
    assert through_app(argv) == (0, out)


LEFT_TO_THE_APP = [
    ["assess", f"--answers={FILES[0]}"],
    ["assess", "-a", str(FILES[0]), "-a", str(FILES[1])],
    ["assess", "-a", str(FILES[0]), "--out"],
    ["assess", "-a", str(FILES[0]), "--out", "--force"],
    ["assess", "-a", str(FILES[0]), "--date", "2020-10-15"],
    ["assess", "-a", str(FILES[0]), "--json"],
    ["assess", str(FILES[0])],
    ["assess", "-a", str(FILES[0]), "-f", "-f"],
    ["--lang", "xx", "assess", "-a", str(FILES[0])],
    ["--debug", "assess", "-a", str(FILES[0])],
    ["--no-cache", "assess", "-a", str(FILES[0])],
    ["assess", "--lang", "ru", "-a", str(FILES[0])],
    ["assess", "-a", "no-such-file.yaml"],
    ["assess", "-a", str(ROOT / "examples" / "perm-krai" / "answers" / "first-round" / "x.yaml")],
    ["plan", "-a", str(FILES[0]), "--weeks", "4"],
    ["plan", "-w", "ws"],
    ["validate"],
    ["--version"],
    [],
]


@pytest.mark.parametrize("argv", LEFT_TO_THE_APP)
def test_other_command_lines_are_left_to_the_app_untouched(
    argv: list[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = quick([*argv[:1], *argv[1:]], capsys)
    assert (code, out, err) == (None, "", "")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("COMMKIT_LANG", "xx"),
        ("COMMKIT_LANG", ""),
        ("COMMKIT_CONTENT", ""),
        ("_COMMKIT_COMPLETE", "x"),
    ],
)
def test_an_environment_only_the_app_judges_is_left_to_it(
    name: str,
    value: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(name, value)
    assert quick(["assess", "-a", str(FILES[0]), "-o", str(tmp_path)], capsys) == (None, "", "")
    assert list(tmp_path.iterdir()) == []


def test_a_doubt_of_the_warm_way_writes_nothing_and_leaves_it_to_the_app(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["assess", "-a", str(FILES[0]), "-o", str(tmp_path)]
    assert quick(argv, capsys)[0] == 0
    before = files(tmp_path)
    assert quick(argv, capsys) == (None, "", "")  # a file in the way without --force
    assert files(tmp_path) == before
    assert through_app(argv)[0] == 1


def test_a_failed_write_and_ctrl_c_end_as_in_the_app(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    argv = ["assess", "-a", str(FILES[0]), "-o", str(tmp_path)]

    def refused(*_args: object, **_kwargs: object) -> bool:
        raise PermissionError(13, "Permission denied", str(tmp_path))

    monkeypatch.setattr(warm_commands, "warm_assess_run", refused)
    code, out, err = quick(argv, capsys)
    assert (code, out) == (1, "") and "Permission denied" in err and str(tmp_path) in err

    def interrupted(*_args: object, **_kwargs: object) -> bool:
        raise KeyboardInterrupt

    monkeypatch.setattr(warm_commands, "warm_assess_run", interrupted)
    code, out, err = quick(argv, capsys)
    assert (code, out) == (130, "") and err.strip()


def test_a_warm_assess_started_as_a_program_imports_no_typer(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from commkit.cli.quick_start import run\n"
        f"code = run(['assess', '-a', {str(FILES[0])!r}, '-o', {str(tmp_path)!r}])\n"
        "print(code, 'typer' in sys.modules, 'click' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.splitlines()[-1] == "0 False False"


def test_the_quick_start_knows_every_environment_variable_the_app_reads() -> None:
    """An option read from a new environment variable would be missed by the quick start:
    this fails until it learns it (or leaves such runs to the app)."""
    import typer.main

    root = typer.main.get_command(app)
    ctx = root.make_context("commkit", ["validate"], resilient_parsing=True)
    read = set()
    for command in (root, root.get_command(ctx, "assess"), root.get_command(ctx, "plan")):
        for param in command.params:
            envvar = getattr(param, "envvar", None)
            read.update([envvar] if isinstance(envvar, str) else envvar or [])
    assert read == {"COMMKIT_CONTENT", "COMMKIT_LANG"}

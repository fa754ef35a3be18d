"""Every command that reads files, on every broken file of tests/bad_inputs/ it reads.

expected.yaml gives each file its line, a fragment of the message and the commands that read
it (see its header). Each run must exit 1 (or 0 for a documented warning), show the message
with file:line on stderr, and never show a traceback.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from commkit.cli.app import app

HERE = Path(__file__).parent
BAD = HERE / "bad_inputs"
SMALL_PACK = HERE / "fixtures" / "plan" / "pack"
SMALL_ANSWERS = HERE / "fixtures" / "plan" / "answers.yaml"
EXPECTED: dict[str, list[Any]] = yaml.safe_load((BAD / "expected.yaml").read_text("utf-8"))

REGION = 'kind: region\nversion: "1"\nname: Test Region\n'
COMMUNITY = 'kind: community\nversion: "1"\nslug: good-club\nname: Good Club\n'


@dataclass
class Case:
    name: str
    line: int | None
    fragment: str
    command: str
    exit: int
    pack_path: str | None

    @property
    def id(self) -> str:
        return f"{self.command}-{self.name}"


def cases() -> list[Case]:
    out = []
    for name, entry in sorted(EXPECTED.items()):
        options: dict[str, Any] = entry[2] if len(entry) > 2 else {}
        for command in options.get("in", ["validate"]):
            out.append(
                Case(
                    name,
                    entry[0],
                    str(entry[1]),
                    command,
                    int(options.get("exit", 1)),
                    options.get("pack_path"),
                )
            )
    return out


CASES = cases()


def _kind(path: Path) -> str | None:
    try:
        data = yaml.safe_load(path.read_bytes().decode("utf-8-sig"))
    except Exception:
        return None
    kind = data.get("kind") if isinstance(data, dict) else None
    return kind if isinstance(kind, str) else None


def workspace_with(tmp: Path, bad: Path) -> tuple[Path, str]:
    """A clean small workspace holding ``bad`` where a user would put it."""
    ws = tmp / "ws"
    (ws / "communities").mkdir(parents=True)
    (ws / "communities" / "good-club.yaml").write_text(COMMUNITY, "utf-8")
    kind = _kind(bad)
    if kind == "region":
        dest = ws / "region.yaml"
    elif kind == "assessment":
        (ws / "region.yaml").write_text(REGION, "utf-8")
        dest = ws / "assessments" / "good-club" / "2026-01-01.yaml"
        dest.parent.mkdir(parents=True)
    else:
        (ws / "region.yaml").write_text(REGION, "utf-8")
        dest = ws / "communities" / bad.name
    shutil.copyfile(bad, dest)
    return ws, dest.name


def pack_with(tmp: Path, bad: Path, pack_path: str | None) -> tuple[Path, str]:
    pack = tmp / "pack"
    shutil.copytree(SMALL_PACK, pack)
    dest = pack / (pack_path or f"methodology/seminars/{bad.name}")
    shutil.copyfile(bad, dest)
    return pack, dest.name


def invocations(case: Case, bad: Path, tmp: Path) -> list[tuple[list[str], int, str]]:
    """(arguments, expected exit code, the file name shown in the location)."""
    out = str(tmp / "out")
    name = case.name
    if case.command == "validate":
        return [(["validate", str(bad)], case.exit, name)]
    if case.command == "assess":
        return [(["assess", "--answers", str(bad), "--out", out], case.exit, name)]
    if case.command == "plan":
        return [(["plan", "--assessment", str(bad), "--out", out], case.exit, name)]
    if case.command == "export":
        args = ["seminars", "export", "1", "--profile", str(bad), "--out", out]
        return [(args, case.exit, name)]
    if case.command == "holidays":
        args = ["--content", str(SMALL_PACK), "plan", "-a", str(SMALL_ANSWERS)]
        args += ["--holidays", str(bad), "--start", "2026-01-05", "--out", out]
        return [(args, case.exit, name)]
    if case.command == "batch":
        args = ["--content", str(SMALL_PACK), "assess", "--answers", str(SMALL_ANSWERS), str(bad)]
        return [([*args, "--out", out], case.exit, name)]
    if case.command == "import":
        return [(["answers", "import", str(bad), "--out", out], case.exit, name)]
    if case.command == "map":  # and `progress`, which reads the same workspace files
        ws, shown = workspace_with(tmp, bad)
        in_communities = (ws / "communities" / shown).exists()
        slug = Path(shown).stem if in_communities else "good-club"
        # progress of a broken profile fails; a broken assessment or region is a warning
        progress = case.exit if in_communities else 0
        return [
            (["map", str(ws)], 0, shown),
            (["map", str(ws), "--strict"], case.exit, shown),
            (["progress", slug, "-w", str(ws)], progress, shown),
        ]
    if case.command == "pack":
        pack, shown = pack_with(tmp, bad, case.pack_path)
        plan = ["--content", str(pack), "plan", "-a", str(SMALL_ANSWERS), "--out", out]
        return [(["--content", str(pack), "validate"], case.exit, shown), (plan, case.exit, shown)]
    raise AssertionError(f"unknown command {case.command!r} in expected.yaml")


def check(result: Any, code: int, fragment: str, shown: str, line: int | None) -> None:
    everything = result.output + (result.stderr or "")
    assert "Traceback" not in everything, everything
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert result.exit_code == code, everything
    if fragment:
        assert fragment in result.stderr, result.stderr
        location = f"{shown}:{line}" if line is not None else shown
        assert location in result.stderr, result.stderr


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_every_reader_of_a_bad_file(case: Case, tmp_path: Path, runner: CliRunner) -> None:
    bad = BAD / case.name
    for args, code, shown in invocations(case, bad, tmp_path):
        result = runner.invoke(app, args)
        check(result, code, case.fragment, shown, case.line)
        if code == 1 and case.command in ("assess", "plan", "export", "holidays", "import"):
            out = tmp_path / "out"
            assert not out.exists() or not any(out.rglob("*")), "wrote output for bad input"


def test_the_corpus_is_big_and_every_file_is_listed() -> None:
    files = {p.name for p in BAD.iterdir() if p.name != "expected.yaml"}
    assert files == set(EXPECTED)
    assert len(files) + 1 >= 40  # + the generated file over the size limit
    kinds = {_kind(BAD / f) for f in files}
    for kind in ("checklist", "roadmap", "seminar", "methodology", "region", "community"):
        assert kind in kinds, kind
    assert {"answers", "assessment", "pack"} <= kinds
    assert any(f.startswith("holidays-") for f in files)
    assert sum(p.stat().st_size for p in BAD.iterdir()) < 100_000


@pytest.fixture(scope="module")
def too_big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from commkit.model.loader import MAX_FILE_BYTES

    path = tmp_path_factory.mktemp("big") / "too-big.yaml"
    filler = "# " + "x" * 97 + "\n"
    count = MAX_FILE_BYTES // len(filler) + 10
    path.write_text('kind: community\nversion: "1"\nslug: a\nname: A\n' + filler * count)
    return path


@pytest.mark.parametrize("command", ["validate", "assess", "plan", "export", "map", "holidays"])
def test_a_file_over_the_size_limit(
    command: str, too_big: Path, tmp_path: Path, runner: CliRunner
) -> None:
    case = Case("too-big.yaml", None, "byte limit", command, 1, None)
    for args, code, shown in invocations(case, too_big, tmp_path):
        result = runner.invoke(app, args)
        check(result, code, "-byte limit", shown, None)

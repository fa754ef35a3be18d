"""CI smoke test of the benchmark suite (bench/): each script runs end to end at a tiny size
and prints its report. Nothing here is timed: the figures live in bench/README.md."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
FIXTURE_PACK = ROOT / "tests" / "fixtures" / "assess" / "pack"
HEAVY = (
    "questionary",
    "jinja2",
    "tabulate",
    "markdown_it",
    "icalendar",
    "matplotlib",
    "sqlite_utils",
    "openpyxl",
    "datasette",
)


def _run(*argv: str, timeout: int = 240) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, *argv], capture_output=True, text=True, cwd=ROOT, timeout=timeout
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report: dict[str, object] = json.loads(done.stdout)
    return report


def test_startup_benchmark_reports_every_case() -> None:
    report = _run(str(BENCH / "startup.py"), "--runs", "1", "--warmup", "0", "--json")
    results = report["results"]
    assert isinstance(results, list)
    assert [r["argv"] for r in results] == [
        "commkit --version",
        "commkit --help",
        "commkit assess --help",
    ]
    for r in results:
        assert r["commkit_ms"] > 0 and r["minimal_ms"] > 0 and r["ratio"] > 0
        assert isinstance(r["met"], bool)


def test_minimal_app_is_a_group_with_one_command() -> None:
    for argv, expected in (
        (["--version"], "minimal 0.0.0"),
        (["--help"], "assess"),
        (["assess", "--help"], "--answers"),
    ):
        done = subprocess.run(
            [sys.executable, str(BENCH / "minimal_app.py"), *argv], capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        assert expected in done.stdout


def test_batch_benchmark_at_n_60(tmp_path: Path) -> None:
    work = tmp_path / "work"
    report = _run(
        str(BENCH / "batch.py"),
        "--n", "60",
        "--runs", "1",
        "--no-warmup",
        "--content", str(FIXTURE_PACK),
        "--workdir", str(work),
        "--stages", "10",
        "--json",
    )  # fmt: skip
    results = report["results"]
    assert isinstance(results, list)
    commands = {(r["n"], r["command"]) for r in results}
    assert commands == {(60, "map"), (60, "map-rerun"), (60, "assess")}
    stages = report["stages"]
    assert isinstance(stages, dict)
    assert stages["60"]["files"] == 10
    assert all(ms >= 0 for ms in stages["60"]["ms_per_file"].values())
    assert stages["60"]["total_ms"] > 0
    # every run wrote into its own new output folder; all of them are gone after the timing
    assert sorted(p.name for p in work.iterdir() if p.name.startswith("reports")) == []
    for r in results:
        assert r["seconds"] > 0 and r["floor_seconds"] > 0
        assert r["cpu_seconds"] > 0 and r["floor_cpu_seconds"] > 0
        assert r["files"]["communities"] == 60
        assert r["files"]["answers"] > 0
        assert r["workspace_reused"] is False
    # --workdir keeps the workspace; a later run for the same N and seed reuses it (another
    # seed or N is the next test's). The run above generated it: one more run shows the reuse
    # (before, two runs at N=12 did, the first generating: 4.5 s of CPU more, 01:25 UTC).
    again = ("--n", "60", "--runs", "1", "--no-warmup", "--only", "assess")
    rest = ("--content", str(FIXTURE_PACK), "--workdir", str(work), "--json")
    results = _run(str(BENCH / "batch.py"), *again, *rest)["results"]
    assert isinstance(results, list)
    assert [(r["command"], r["workspace_reused"]) for r in results] == [("assess", True)]
    answers = sorted(p.name for p in (work / "n60" / "answers").iterdir())
    assert answers, "the workspace of the first run is kept"


def test_batch_benchmark_workspace_reuse_checks_its_files(tmp_path: Path) -> None:
    sys.path.insert(0, str(BENCH))
    try:
        import batch  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(BENCH))
    folder = tmp_path / "n3"
    (folder / "answers").mkdir(parents=True)
    (folder / "answers" / "a.yaml").write_text("x: 1\n", encoding="utf-8")
    key = batch.workspace_key(3, 1, None, None)
    assert batch.reusable(folder, key) is None  # no stamp: never generated whole
    stamp = {"key": key, "files": batch._counted(folder)["files"]}
    (folder / batch.STAMP).write_text(json.dumps(stamp), encoding="utf-8")
    assert batch.reusable(folder, key) is not None
    assert batch.reusable(folder, batch.workspace_key(3, 2, None, None)) is None
    assert batch.reusable(folder, batch.workspace_key(4, 1, None, None)) is None
    (folder / "answers" / "a.yaml").unlink()  # a file gone: generated again
    assert batch.reusable(folder, key) is None


def test_batch_benchmark_writes_each_run_into_a_new_folder(tmp_path: Path) -> None:
    sys.path.insert(0, str(BENCH))
    try:
        import batch  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(BENCH))
    outputs = batch.OutputFolders(tmp_path, "reports")
    first = outputs.new()
    first.mkdir()
    (first / "a.md").write_text("x", encoding="utf-8")
    (tmp_path / "reports-1").mkdir()  # left by an earlier, killed bench: not reused
    second = outputs.new()
    assert second not in (first, tmp_path / "reports-1") and not second.exists()
    second.mkdir()
    outputs.remove()  # after the timing: every folder it gave, and only those
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reports-1"]


def test_inprocess_benchmark_quick() -> None:
    report = _run(str(BENCH / "inprocess.py"), "--quick", "--content", str(FIXTURE_PACK), "--json")
    scoring, plan, wizard = report["scoring"], report["plan"], report["wizard"]
    assert isinstance(scoring, dict) and isinstance(plan, dict) and isinstance(wizard, dict)
    assert scoring["score_per_s"] > 0 and scoring["assess_per_s"] > 0
    assert scoring["fresh_per_s"] > 0 and scoring["fresh_calls"] == 10
    assert scoring["plain_per_s"] > 0 and scoring["rounds"] == 2
    for spread in (scoring["score_rounds"], scoring["plain_rounds"]):
        assert 0 < spread["min"] <= spread["median"] <= spread["max"]
    assert scoring["score_over_plain"] > 0
    assert plan["plans"] > 0 and plan["full_set_actions"] == plan["roadmap_actions"]
    assert wizard["questions_answered"] > 0


def test_score_pair_benchmark_against_this_checkout() -> None:
    report = _run(
        str(BENCH / "score_pair.py"),
        "--before",
        str(ROOT),
        "--rounds",
        "2",
        "--sets",
        "5",
        "--first",
        "4",
        "--json",
    )
    first = report["first"]
    assert first["sets"] == 4 and first["cpu_ratio"] > 0 and first["after_cpu_per_s"] > 0
    for kind in ("repeated", "fresh", "plain"):
        pair = report[kind]
        assert isinstance(pair, dict) and pair["rounds"] == 2 and pair["sets_per_round"] == 5
        assert pair["cpu_ratio_median"] > 0 and pair["after_cpu_per_s"] > 0


def test_read_answers_benchmark_at_n_5() -> None:
    report = _run(
        str(BENCH / "read_answers.py"),
        *("--count", "5", "--rounds", "2", "--parts", "--readers", "--plain", "--json"),
    )
    assert report["files"] and report["rounds"] == 2
    assert report["ours_cpu_ms"] > 0 and report["floor_cpu_ms"] > 0 and report["cpu_ratio"] > 0
    parts = report["parts_cpu_ms"]
    assert isinstance(parts, dict)
    assert sorted(parts) == ["check", "parse_plain", "read_text", "validate"]
    readers = report["readers"]
    assert isinstance(readers, dict)
    assert readers["accepted_by_lines"] == readers["files"] == report["files"]
    assert readers["fast_yaml_to_floor"] > 0 and readers["libyaml_way_to_floor"] > 0
    plain = report["plain"]
    assert isinstance(plain, dict)
    assert plain["read_by_plain_way"] == plain["files"] == report["files"]
    assert plain["cpu_ratio"] > 0 and sorted(plain["parts_cpu_ms"]) == ["bytes", "check", "lines"]
    assert plain["lines_share"] > 0


def test_report_benchmark_paired_with_this_checkout() -> None:
    report = _run(
        str(BENCH / "report.py"),
        "--before", str(ROOT / "src"),
        "--rounds", "1",
        "--n", "3",
        "--passes", "1",
        "--lang", "mixed",
        "--json",
    )  # fmt: skip
    assert report["rounds"] == 1 and report["n"] == 3
    for kind in ("render", "markdown", "yaml", "floor", "plain_markdown", "plain_texts"):
        pair = report[f"{kind}_cpu"]
        assert isinstance(pair, dict)
        assert pair["before_ms"] > 0 and pair["after_ms"] > 0 and pair["ratio_median"] > 0
    assert isinstance(report["plain_json_floors"], dict)


def test_export_benchmark_at_n_10_and_20() -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH / "export.py"), "--n", "10", "20", "--base", "10", "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    rows = json.loads(done.stdout)
    assert [r["n"] for r in rows] == [10, 20]
    assert all(r["communities"] == r["n"] and r["answers"] > 0 for r in rows)
    assert rows[1]["n_ratio"] == 2.0


def test_import_benchmark_at_n_20() -> None:
    report = _run(str(BENCH / "import_answers.py"), "--n", "20", "--paths", "--json")
    results = report["results"]
    assert isinstance(results, list) and [r["n"] for r in results] == [20]
    assert results[0]["cli_s"] > 0 and results[0]["floor_s"] > 0
    assert results[0]["floor_all_columns_s"] > 0
    assert isinstance(report["target_met"], bool)
    paths = report["paths"]
    assert isinstance(paths, dict)
    assert sorted(paths) == ["html_json_2", "kobo_xlsx_20", "workbooks_1"]


def test_hostile_files_benchmark_on_two_bombs() -> None:
    report = _run(
        str(BENCH / "hostile.py"), "--rounds", "1", "--only", "alias-bomb", "answers-bomb", "--json"
    )
    assert sorted(report) == ["alias-bomb", "answers-bomb"]
    for row in report.values():
        assert isinstance(row, dict) and row["floor_ms"] >= 0
        for reader in ("located", "workspace", "batch_plain", "parse_plain"):
            assert row[reader]["ms"] >= 0 and row[reader]["ratio"] >= 0


def test_timeline_of_a_batch_in_two_processes(tmp_path: Path) -> None:
    answers = ROOT / "tests" / "fixtures" / "assess" / "answers"
    names = [str(answers / "fashion-tech.yaml"), str(answers / "new-club.yaml")]
    report = _run(
        str(BENCH / "timeline.py"), "--json", "--cwd", str(tmp_path), "--",
        "--content", str(FIXTURE_PACK), "assess", "--answers", *names,
        "--out", str(tmp_path / "out"), "--json", "--jobs", "2",
    )  # fmt: skip
    assert report["exit"] == 0
    processes = report["processes"]
    assert isinstance(processes, list)
    assert [p["role"] for p in processes] == ["run", "worker", "worker"]
    assert processes[0]["calls"]["F"] == 1  # the first file, in the run
    assert sum(p["calls"].get("r", 0) for p in processes[1:]) == 1  # the other, by a worker
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if p.name.endswith(".md"))


def test_every_bench_script_is_smoke_tested() -> None:
    """A new script in bench/ gets its smoke test here (generate.py runs inside batch.py
    and export.py)."""
    source = Path(__file__).read_text(encoding="utf-8")
    for script in sorted(BENCH.glob("*.py")):
        assert f'"{script.name}"' in source or script.name == "generate.py", script.name


@pytest.mark.parametrize("argv", [["assess", "--help"], ["map", "--help"]])
def test_command_help_imports_no_heavy_module(argv: list[str]) -> None:
    code = (
        "import sys\n"
        f"sys.argv = ['commkit', *{argv!r}]\n"
        "from commkit.cli.app import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print('HEAVY:' + ','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "Usage: commkit" in done.stdout
    assert done.stdout.splitlines()[-1] == "HEAVY:", done.stdout

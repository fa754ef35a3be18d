"""Start-up benchmark: ``commkit`` against a minimal Typer app, runs alternated.

For each case (``--version``, ``--help``, ``<command> --help``) both programs are run
``--runs`` times in the same venv, alternating which goes first in each round, and the
median wall times and their ratio are reported. Targets (median ratio commkit/minimal):
``--version`` <= 1.15, ``--help`` <= 1.3, ``assess --help`` <= 1.3.

    .venv/bin/python bench/startup.py                  # 30 rounds, table
    .venv/bin/python bench/startup.py --runs 5 --json  # quick, one JSON document
    .venv/bin/python bench/startup.py --importtime     # also the top -X importtime costs

Times nothing in CI (tests/test_bench_smoke.py runs it with --runs 1 and checks the report).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
MINIMAL = HERE / "minimal_app.py"
TARGETS = {"--version": 1.15, "--help": 1.3, "command --help": 1.3}


def commkit_argv() -> list[str]:
    """The installed console script, run by this interpreter (the same venv)."""
    script = Path(sys.executable).parent / "commkit"
    if script.exists():
        return [sys.executable, str(script)]
    return [sys.executable, "-m", "commkit"]


def minimal_argv() -> list[str]:
    return [sys.executable, str(MINIMAL)]


PYCACHE: str | None = None
"""Set by --bytecode cached: a private PYTHONPYCACHEPREFIX so both programs start from
bytecode, as an installed wheel does, without writing __pycache__ into the repository."""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    if PYCACHE is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = PYCACHE
    env["NO_COLOR"] = "1"
    env["COLUMNS"] = "100"
    return env


def run_once(argv: list[str]) -> float:
    t0 = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, env=_env())
    elapsed = time.perf_counter() - t0
    if done.returncode != 0:
        raise SystemExit(
            f"{' '.join(argv)} exited {done.returncode}:\n{done.stderr.decode(errors='replace')}"
        )
    return elapsed


def measure(case: str, args: list[str], runs: int, warmup: int) -> dict[str, object]:
    ours, base = (
        commkit_argv() + args,
        minimal_argv() + (["assess", "--help"] if case == "command --help" else args),
    )
    for _ in range(warmup):
        run_once(ours)
        run_once(base)
    t_ours: list[float] = []
    t_base: list[float] = []
    for i in range(runs):
        # Alternate the order so drift on a shared machine hits both equally.
        if i % 2 == 0:
            t_base.append(run_once(base))
            t_ours.append(run_once(ours))
        else:
            t_ours.append(run_once(ours))
            t_base.append(run_once(base))
    m_ours, m_base = statistics.median(t_ours), statistics.median(t_base)
    ratio = m_ours / m_base
    paired = statistics.median(o / b for o, b in zip(t_ours, t_base, strict=True))
    return {
        "case": case,
        "argv": " ".join(["commkit", *args]),
        "runs": runs,
        "commkit_ms": round(m_ours * 1000, 1),
        "minimal_ms": round(m_base * 1000, 1),
        "ratio": round(ratio, 3),
        "paired_ratio": round(paired, 3),
        "target": TARGETS[case],
        "met": ratio <= TARGETS[case],
    }


def importtime(argv: list[str], top: int) -> list[tuple[int, int, str]]:
    """(self us, cumulative us, module) of the slowest imports, cumulative first."""
    done = subprocess.run(
        [argv[0], "-X", "importtime", *argv[1:]], capture_output=True, text=True, env=_env()
    )
    rows: list[tuple[int, int, str]] = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cum_us, name = line.removeprefix("import time:").split("|")
        rows.append((int(self_us), int(cum_us), name.rstrip()))
    rows.sort(key=lambda r: r[1], reverse=True)
    return rows[:top]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="rounds per case (default 30)")
    parser.add_argument("--warmup", type=int, default=2, help="untimed rounds first")
    parser.add_argument(
        "--command", default="assess", help="the subcommand whose --help is timed (assess)"
    )
    parser.add_argument("--importtime", action="store_true", help="show top import costs")
    parser.add_argument("--top", type=int, default=15, help="rows of -X importtime to show")
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.add_argument(
        "--bytecode",
        choices=("cached", "env"),
        default="cached",
        help="cached (default): start from bytecode in a private cache, as an installed wheel "
        "does; env: keep the environment as it is (PYTHONDONTWRITEBYTECODE=1 makes every "
        "run compile commkit from source)",
    )
    ns = parser.parse_args(argv)
    global PYCACHE
    if ns.bytecode == "cached":
        import atexit
        import shutil
        import tempfile

        PYCACHE = tempfile.mkdtemp(prefix="commkit-bench-pycache-")
        atexit.register(shutil.rmtree, PYCACHE, True)
        ns.warmup = max(ns.warmup, 1)

    cases = [
        ("--version", ["--version"]),
        ("--help", ["--help"]),
        ("command --help", [ns.command, "--help"]),
    ]
    results = [measure(case, args, ns.runs, ns.warmup) for case, args in cases]
    imports: dict[str, list[tuple[int, int, str]]] = {}
    if ns.importtime:
        for _case, args in cases:
            imports["commkit " + " ".join(args)] = importtime(commkit_argv() + args, ns.top)

    if ns.json:
        json.dump(
            {
                "benchmark": "startup",
                "python": sys.version.split()[0],
                "bytecode": ns.bytecode,
                "results": results,
                "importtime": imports,
            },
            sys.stdout,
            indent=2,
            ensure_ascii=False,
        )
        sys.stdout.write("\n")
        return 0

    print(
        f"start-up, {ns.runs} alternated runs each, medians (python {sys.version.split()[0]}, "
        f"bytecode: {ns.bytecode})"
    )
    print(
        f"{'case':<24}{'commkit ms':>12}{'minimal ms':>12}{'ratio':>8}{'paired':>8}"
        f"{'target':>8}  met"
    )
    for r in results:
        print(
            f"{r['argv']:<24}{r['commkit_ms']:>12}{r['minimal_ms']:>12}{r['ratio']:>8}"
            f"{r['paired_ratio']:>8}{r['target']:>8}  {'yes' if r['met'] else 'NO'}"
        )
    for label, rows in imports.items():
        print(f"\n-X importtime, {label} (top {ns.top} by cumulative us):")
        for self_us, cum_us, name in rows:
            print(f"  {cum_us:>8} {self_us:>8}  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

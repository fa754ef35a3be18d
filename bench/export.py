"""SQLite export benchmark: is ``commkit export sqlite`` linear, and is ``--replace`` cheap?

bench/generate.py writes ``--base`` synthetic communities (with assessments) once; each
workspace of N communities is made of copies of them under new slugs (generating 10,000
scored communities takes far longer than exporting them). Then, in one Python process (the
API, no CLI start-up):

- ``full``: a fresh export of the workspace;
- ``noop``: ``--replace`` with nothing changed (every file only stat()-ed);
- ``touch-1%``: ``--replace`` after rewriting 1% of the profiles.

Reported per N: wall and CPU seconds (CPU time is what to compare on a shared machine),
rows of answers, CPU microseconds per community, and across Ns the growth of the full
export (time at N / time at the previous N, against the N ratio: linear means they match).

    .venv/bin/python bench/export.py --n 1000 2000 5000 10000
    .venv/bin/python bench/export.py --n 200 --base 200 --json
    .venv/bin/python bench/export.py --n 1000 10000 --from /tmp/ws-1000   # reuse a base
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def measure(workspace: Path, db: Path) -> dict[str, Any]:
    from commkit import api

    pack = api.load_content()
    start, cpu = time.perf_counter(), time.process_time()
    result = api.export_sqlite(workspace, db, pack=pack)
    full = time.perf_counter() - start
    full_cpu = time.process_time() - cpu

    start = time.perf_counter()
    api.export_sqlite(workspace, db, pack=pack, replace=True)
    noop = time.perf_counter() - start

    profiles = sorted((workspace / "communities").glob("*.yaml"))
    for path in profiles[::100]:
        path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    start = time.perf_counter()
    touched = api.export_sqlite(workspace, db, pack=pack, replace=True)
    one_percent = time.perf_counter() - start
    return {
        "communities": result.communities,
        "assessments": result.assessments,
        "answers": result.answers,
        "full_s": round(full, 2),
        "full_cpu_s": round(full_cpu, 2),
        "noop_s": round(noop, 2),
        "touch_1pct_s": round(one_percent, 2),
        "touched": touched.updated,
        "cpu_us_per_community": round(full_cpu / max(1, result.communities) * 1e6),
        "db_mb": round(db.stat().st_size / 1e6, 1),
    }


def clone(base: Path, target: Path, count: int) -> None:
    """A workspace of ``count`` communities: the base profiles and assessments, copied
    round-robin under new slugs (``<slug>-c<k>``)."""
    profiles = sorted((base / "communities").glob("*.yaml"))
    (target / "communities").mkdir(parents=True)
    shutil.copy(base / "region.yaml", target / "region.yaml")
    for i in range(count):
        source = profiles[i % len(profiles)]
        old = source.stem
        new = f"{old}-c{i // len(profiles)}"
        text = source.read_text(encoding="utf-8").replace(f"slug: {old}\n", f"slug: {new}\n", 1)
        (target / "communities" / f"{new}.yaml").write_text(text, encoding="utf-8")
        folder = base / "assessments" / old
        if folder.is_dir():
            (target / "assessments" / new).mkdir(parents=True)
            for path in folder.glob("*.yaml"):
                body = path.read_text(encoding="utf-8").replace(f"slug: {old}\n", f"slug: {new}\n")
                (target / "assessments" / new / path.name).write_text(body, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--base", type=int, default=1000, help="communities to generate")
    parser.add_argument("--from", dest="source", type=Path, help="an existing base workspace")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    args = parser.parse_args(argv)
    scratch = Path(tempfile.mkdtemp(prefix="commkit-export-bench-"))
    results: list[dict[str, Any]] = []
    try:
        base = args.source
        if base is None:
            base = scratch / "base"
            subprocess.run(
                [sys.executable, str(HERE / "generate.py"), str(base), "--count", str(args.base)],
                check=True,
                stdout=subprocess.DEVNULL,
            )
        for n in args.n:
            workspace = scratch / f"ws-{n}"
            clone(base, workspace, n)
            row = {"n": n, **measure(workspace, scratch / f"ws-{n}.db")}
            if results:
                before = results[-1]
                row["growth"] = round(row["full_s"] / before["full_s"], 2)
                row["cpu_growth"] = round(row["full_cpu_s"] / before["full_cpu_s"], 2)
                row["n_ratio"] = round(n / before["n"], 2)
            results.append(row)
            if not args.json:
                print(" ".join(f"{k}={v}" for k, v in row.items()), flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(scratch, ignore_errors=True)
    if args.json:
        print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""SQLite export benchmark: is ``commkit export sqlite`` linear, and is ``--replace`` cheap?

For each N, bench/generate.py writes N synthetic communities (with assessments) into a
scratch folder; then, in one Python process (the API, no CLI start-up):

- ``full``: a fresh export of the workspace;
- ``noop``: ``--replace`` with nothing changed (every file only stat()-ed);
- ``touch-1%``: ``--replace`` after rewriting 1% of the profiles.

Reported per N: seconds, rows of answers, microseconds per community, and across Ns the
growth of the full export (time at N / time at the previous N, against the N ratio: linear
means the two match).

    .venv/bin/python bench/export.py --n 1000 10000
    .venv/bin/python bench/export.py --n 200 --json
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
    start = time.perf_counter()
    result = api.export_sqlite(workspace, db, pack=pack)
    full = time.perf_counter() - start

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
        "noop_s": round(noop, 2),
        "touch_1pct_s": round(one_percent, 2),
        "touched": touched.updated,
        "us_per_community": round(full / max(1, result.communities) * 1e6),
        "db_mb": round(db.stat().st_size / 1e6, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    args = parser.parse_args(argv)
    scratch = Path(tempfile.mkdtemp(prefix="commkit-export-bench-"))
    results: list[dict[str, Any]] = []
    try:
        for n in args.n:
            workspace = scratch / f"ws-{n}"
            subprocess.run(
                [sys.executable, str(HERE / "generate.py"), str(workspace), "--count", str(n)],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            row = {"n": n, **measure(workspace, scratch / f"ws-{n}.db")}
            if results:
                before = results[-1]
                row["growth"] = round(row["full_s"] / before["full_s"], 2)
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

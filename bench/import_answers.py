"""`commkit answers import` of a KoboToolbox export: seconds per 1,000 submissions.

Writes a synthetic Kobo CSV export (the XLSForm's own column names, ';' separator, Kobo's
extra columns) of N submissions made from the Perm Krai examples, then times, in one run:

- the floor: reading the CSV with ``csv.reader`` and writing N small YAML files with
  ``yaml.CSafeDumper`` (the least any import must do);
- ``api.import_answers`` in-process;
- ``commkit answers import`` as a user runs it (start-up included).

Ratios against the floor, and growth from the smallest to the largest N, are what to
compare: the machine is shared. The target is 1,000 submissions in under 2 s (CLI). CPU
times (user + system) are given beside wall times: on a loaded machine they move less.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from commkit import api  # noqa: E402
from forms_helpers import EXAMPLES, kobo_row, write_kobo, xlsform_columns  # noqa: E402


def make_export(workdir: Path, n: int) -> Path:
    xlsform = api.export_checklist("xlsform", workdir, force=True)
    headers, by_name = xlsform_columns(xlsform)
    examples = [api.load_answers(p) for p in EXAMPLES]
    rows = [kobo_row(examples[i % len(examples)], by_name, i + 1) for i in range(n)]
    path = workdir / f"kobo-{n}.csv"
    write_kobo(path, headers, rows)
    return path


def _cpu_self() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _cpu_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def floor(export: Path, out: Path) -> tuple[float, float]:
    import yaml

    cpu = _cpu_self()
    start = time.perf_counter()
    out.mkdir()
    with export.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter=";")
        header = next(reader)
        for i, row in enumerate(reader):
            data = dict(zip(header, row, strict=False))
            (out / f"{i}.yaml").write_text(
                yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True), encoding="utf-8"
            )
    return time.perf_counter() - start, _cpu_self() - cpu


def in_process(export: Path, out: Path) -> tuple[float, float]:
    pack = api.load_content()
    cpu = _cpu_self()
    start = time.perf_counter()
    result = api.import_answers([export], out=out, pack=pack)
    elapsed = time.perf_counter() - start
    assert result.written, "nothing written"
    return elapsed, _cpu_self() - cpu


def cli(export: Path, out: Path) -> tuple[float, float]:
    commkit = Path(sys.executable).with_name("commkit")
    cpu = _cpu_children()
    start = time.perf_counter()
    subprocess.run(
        [str(commkit), "answers", "import", str(export), "--out", str(out)],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start, _cpu_children() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, nargs="+", default=[1000, 3000])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = []
    work = Path(tempfile.mkdtemp(prefix="ck-bench-import-"))
    try:
        for n in args.n:
            export = make_export(work, n)
            f, f_cpu = floor(export, work / f"floor-{n}")
            p, p_cpu = in_process(export, work / f"api-{n}")
            c, c_cpu = cli(export, work / f"cli-{n}")
            results.append(
                {
                    "n": n,
                    "floor_s": round(f, 3),
                    "api_s": round(p, 3),
                    "cli_s": round(c, 3),
                    "floor_cpu_s": round(f_cpu, 3),
                    "api_cpu_s": round(p_cpu, 3),
                    "cli_cpu_s": round(c_cpu, 3),
                    "cli_cpu_over_floor_cpu": round(c_cpu / f_cpu, 2),
                    "api_per_1000_s": round(p / n * 1000, 3),
                    "cli_per_1000_s": round(c / n * 1000, 3),
                    "api_over_floor": round(p / f, 2),
                    "cli_over_floor": round(c / f, 2),
                }
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    first, last = results[0], results[-1]
    report = {
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "results": results,
        "growth_cli": round(last["cli_s"] / first["cli_s"], 2),
        "growth_n": round(last["n"] / first["n"], 2),
        "target_met": all(r["cli_per_1000_s"] < 2.0 for r in results),
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return
    for r in results:
        print(
            f"N={r['n']:>6}: floor {r['floor_s']:.2f} s, api {r['api_s']:.2f} s "
            f"({r['api_over_floor']}x), cli {r['cli_s']:.2f} s ({r['cli_over_floor']}x), "
            f"cli {r['cli_per_1000_s']:.2f} s per 1,000; CPU: floor {r['floor_cpu_s']:.2f} s, "
            f"api {r['api_cpu_s']:.2f} s, cli {r['cli_cpu_s']:.2f} s "
            f"({r['cli_cpu_over_floor_cpu']}x)"
        )
    print(f"load average {report['load_average']}")
    print(
        f"growth {report['growth_cli']}x for {report['growth_n']}x the submissions; "
        f"target (< 2 s per 1,000) met: {report['target_met']}"
    )


if __name__ == "__main__":
    main()

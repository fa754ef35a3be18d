"""`commkit answers import` of collected answers: seconds per 1,000 submissions.

Writes a synthetic KoboToolbox CSV export (the XLSForm's own column names, ';' separator,
Kobo's extra columns) of N submissions made from the Perm Krai examples, as raters type them
(notes in one language), then times, in one run:

- two floors, each in a process of its own (start-up included), reading the CSV with
  ``csv.reader`` and writing one YAML file per row with ``yaml.CSafeDumper``:
  ``floor_answers`` writes only the form's fields that hold something (the least an import
  must do), ``floor_all_columns`` every column of the row (the floor of earlier sessions);
- ``api.import_answers`` in-process;
- ``commkit answers import`` as a user runs it (start-up included).

``--paths`` also times the CLI on the other inputs it reads: the first N's rows as a Kobo
XLSX export, N/50 filled commkit workbooks and N/10 downloads of the HTML form (JSON): 20
and 100 for N=1,000.

Ratios against the floor, and growth from the smallest to the largest N, are what to
compare: the machine is shared. The target is 1,000 submissions in under 2 s (CLI). CPU
times (user + system) are given beside wall times: on a loaded machine they move less.

``--floor answers|all_columns EXPORT OUT`` runs one floor alone (for a timing tool).
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
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def make_export(workdir: Path, n: int, suffix: str = ".csv") -> Path:
    from commkit import api
    from forms_helpers import EXAMPLES, current_answers, kobo_row, write_kobo, xlsform_columns

    xlsform = api.export_checklist("xlsform", workdir, force=True)
    headers, by_name = xlsform_columns(xlsform)
    examples = [current_answers(p) for p in EXAMPLES]
    rows = [kobo_row(examples[i % len(examples)], by_name, i + 1) for i in range(n)]
    path = workdir / f"kobo-{n}{suffix}"
    write_kobo(path, headers, rows)
    return path


def make_workbooks(workdir: Path, count: int) -> list[Path]:
    from commkit import api
    from forms_helpers import EXAMPLES, current_answers, fill_workbook

    blank = api.export_checklist("xlsx", workdir / "blank", force=True)
    examples = [current_answers(p) for p in EXAMPLES]
    paths = []
    for i in range(count):
        path = workdir / "workbooks" / f"workbook-{i + 1}.xlsx"
        path.parent.mkdir(parents=True, exist_ok=True)
        fill_workbook(blank, path, examples[i % len(examples)], f"Rater {i + 1}")
        paths.append(path)
    return paths


def make_downloads(workdir: Path, count: int) -> list[Path]:
    """Answers files as the HTML form downloads them (JSON), one per rater."""
    from forms_helpers import EXAMPLES, current_answers

    examples = [current_answers(p).model_dump(mode="json", exclude_none=True) for p in EXAMPLES]
    folder = workdir / "downloads"
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        doc = json.loads(json.dumps(examples[i % len(examples)]))
        doc["rater"] = {"name": f"Rater {i + 1}", "role": "core team"}
        path = folder / f"answers-{i + 1}.json"
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


def _cpu_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _cpu_self() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run_floor(kind: str, export: Path, out: Path) -> None:
    """One floor (see the module's docstring): ``answers`` or ``all_columns``."""
    import yaml

    out.mkdir(parents=True)
    with export.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter=";")
        header = next(reader)
        if kind == "answers":  # the form's own fields: ``group/name`` (not Kobo's, per option)
            fields = [(i, h.split("/")[1]) for i, h in enumerate(header) if h.count("/") == 1]
        for i, row in enumerate(reader):
            if kind == "answers":
                data: dict[str, Any] = {name: row[j] for j, name in fields if row[j]}
            else:
                data = dict(zip(header, row, strict=False))
            (out / f"{i}.yaml").write_text(
                yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False),
                encoding="utf-8",
            )


def _timed(args: list[str]) -> tuple[float, float]:
    cpu = _cpu_children()
    start = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True)
    return time.perf_counter() - start, _cpu_children() - cpu


def floor(kind: str, export: Path, out: Path) -> tuple[float, float]:
    return _timed([sys.executable, __file__, "--floor", kind, str(export), str(out)])


def in_process(export: Path, out: Path) -> tuple[float, float]:
    from commkit import api

    pack = api.load_content()
    cpu = _cpu_self()
    start = time.perf_counter()
    result = api.import_answers([export], out=out, pack=pack)
    elapsed = time.perf_counter() - start
    assert result.written, "nothing written"
    return elapsed, _cpu_self() - cpu


def cli(files: list[Path], out: Path) -> tuple[float, float]:
    commkit = Path(sys.executable).with_name("commkit")
    return _timed([str(commkit), "answers", "import", *map(str, files), "--out", str(out)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, nargs="+", default=[1000, 3000])
    parser.add_argument("--paths", action="store_true", help="also XLSX, workbooks, JSON")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--floor", nargs=3, metavar=("KIND", "EXPORT", "OUT"))
    args = parser.parse_args()
    if args.floor:
        run_floor(args.floor[0], Path(args.floor[1]), Path(args.floor[2]))
        return
    sys.path.insert(0, str(ROOT / "tests"))
    results = []
    paths: dict[str, Any] = {}
    work = Path(tempfile.mkdtemp(prefix="ck-bench-import-"))
    try:
        for n in args.n:
            export = make_export(work, n)
            f, f_cpu = floor("answers", export, work / f"floor-{n}")
            fa, fa_cpu = floor("all_columns", export, work / f"floor-all-{n}")
            p, p_cpu = in_process(export, work / f"api-{n}")
            c, c_cpu = cli([export], work / f"cli-{n}")
            results.append(
                {
                    "n": n,
                    "floor_s": round(f, 3),
                    "floor_all_columns_s": round(fa, 3),
                    "api_s": round(p, 3),
                    "cli_s": round(c, 3),
                    "floor_cpu_s": round(f_cpu, 3),
                    "floor_all_columns_cpu_s": round(fa_cpu, 3),
                    "api_cpu_s": round(p_cpu, 3),
                    "cli_cpu_s": round(c_cpu, 3),
                    "cli_cpu_over_floor_cpu": round(c_cpu / f_cpu, 2),
                    "api_per_1000_s": round(p / n * 1000, 3),
                    "cli_per_1000_s": round(c / n * 1000, 3),
                    "cli_cpu_per_1000_s": round(c_cpu / n * 1000, 3),
                    "api_over_floor": round(p / f, 2),
                    "cli_over_floor": round(c / f, 2),
                }
            )
        if args.paths:
            n = args.n[0]
            books, downloads = max(1, n // 50), max(1, n // 10)
            inputs = {
                f"kobo_xlsx_{n}": [make_export(work, n, ".xlsx")],
                f"workbooks_{books}": make_workbooks(work, books),
                f"html_json_{downloads}": make_downloads(work, downloads),
            }
            for name, files in inputs.items():
                wall, cpu = cli(files, work / f"cli-{name}")
                paths[name] = {"cli_s": round(wall, 3), "cli_cpu_s": round(cpu, 3)}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    first, last = results[0], results[-1]
    report = {
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "results": results,
        "paths": paths,
        "growth_cli": round(last["cli_s"] / first["cli_s"], 2),
        "growth_n": round(last["n"] / first["n"], 2),
        "target_met": all(r["cli_per_1000_s"] < 2.0 for r in results),
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return
    for r in results:
        print(
            f"N={r['n']:>6}: floor {r['floor_s']:.2f} s (all columns {r['floor_all_columns_s']:.2f}"
            f" s), api {r['api_s']:.2f} s ({r['api_over_floor']}x), cli {r['cli_s']:.2f} s "
            f"({r['cli_over_floor']}x), cli {r['cli_per_1000_s']:.2f} s per 1,000; CPU: floor "
            f"{r['floor_cpu_s']:.2f} s (all columns {r['floor_all_columns_cpu_s']:.2f} s), api "
            f"{r['api_cpu_s']:.2f} s, cli {r['cli_cpu_s']:.2f} s ({r['cli_cpu_over_floor_cpu']}x)"
        )
    for name, figures in paths.items():
        print(f"{name}: cli {figures['cli_s']:.2f} s, CPU {figures['cli_cpu_s']:.2f} s")
    print(f"load average {report['load_average']}")
    print(
        f"growth {report['growth_cli']}x for {report['growth_n']}x the submissions; "
        f"target (< 2 s per 1,000) met: {report['target_met']}"
    )


if __name__ == "__main__":
    main()

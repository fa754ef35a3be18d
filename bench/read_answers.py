"""Reading and checking answers files in one process, against the parse floor, rounds paired.

    .venv/bin/python bench/read_answers.py --count 1000
    .venv/bin/python bench/read_answers.py --answers WORKSPACE/answers --rounds 9 --json
    PYTHONPATH=OTHER/src .venv/bin/python bench/read_answers.py ...   # another checkout

What batch ``assess --answers`` does first for every file: ``commkit.api.read_answers``
(read, parse, validate, check against the checklist), against the floor of the same files
read and parsed with ``yaml.CSafeLoader``. Each round reads every file both ways, the order
alternating round by round, so that what the machine does meanwhile weighs on both alike.
Reports CPU (``process_time``) and wall per file, files per second and the median of the
per-round ratios. ``--parts`` adds each step's share: parsing without positions, validating,
checking (the steps of a file that passes, as ``read_answers`` takes them). ``--readers``
adds the YAML readers alone on the same texts: ``fast_yaml.load`` (line by line first),
its libyaml way alone, and the floor, rounds rotated, and how many files the lines accept.
``--plain`` adds the batch's own way of reading and checking a file that needs no model
(``commkit.api.warm_assess._read``: the bytes, the line reader, the generated check) paired
with the floor the same way, and each of its steps alone, with the line reader's share.

The files are ``bench/generate.py``'s (``--count`` communities, answers only) unless
``--answers`` names a folder of answers files.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))


def floor(paths: list[Path]) -> None:
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            yaml.load(fh.read(), Loader=yaml.CSafeLoader)


def ours(paths: list[Path], pack: Any) -> None:
    """Each file read and checked, the result dropped (as a batch drops it once written)."""
    from commkit.api import read_answers

    for path in paths:
        read_answers(path, pack=pack)


def timed(work: Callable[[], Any]) -> tuple[float, float]:
    cpu, wall = time.process_time(), time.perf_counter()
    work()
    return time.process_time() - cpu, time.perf_counter() - wall


def paired(paths: list[Path], ours: Callable[[], Any], rounds: int) -> dict[str, float | int]:
    """Median CPU and wall per file of ``ours`` and of the floor, and of their ratios."""
    runs: dict[str, list[tuple[float, float]]] = {"floor": [], "ours": []}
    for i in range(rounds):
        order = [("floor", lambda: floor(paths)), ("ours", ours)]
        for name, run in order if i % 2 == 0 else reversed(order):
            runs[name].append(timed(run))
    n = len(paths)

    def ms(name: str, at: int) -> float:
        return statistics.median(r[at] for r in runs[name]) / n * 1000

    def ratio(at: int) -> float:
        return statistics.median(
            o[at] / f[at] for o, f in zip(runs["ours"], runs["floor"], strict=True)
        )

    return {
        "files": n,
        "rounds": rounds,
        "floor_cpu_ms": ms("floor", 0),
        "ours_cpu_ms": ms("ours", 0),
        "floor_wall_ms": ms("floor", 1),
        "ours_wall_ms": ms("ours", 1),
        "cpu_ratio": ratio(0),
        "wall_ratio": ratio(1),
        "ours_files_per_s": 1000 / ms("ours", 0),
        "floor_files_per_s": 1000 / ms("floor", 0),
    }


def parts(paths: list[Path], pack: Any, rounds: int) -> dict[str, float]:
    """CPU ms per file of each step of a file that passes (median of ``rounds``)."""
    from commkit.api.answers import checked
    from commkit.model.answers import Answers
    from commkit.model.loader import parse_plain, read_text, validate_document

    texts = [read_text(p) for p in paths]
    docs = [parse_plain(t, p) for t, p in zip(texts, paths, strict=True)]
    kept = [d for d in docs if d is not None]
    models = [validate_document(d, Answers) for d in kept]
    steps: dict[str, Callable[[], Any]] = {
        "read_text": lambda: [read_text(p) for p in paths],
        "parse_plain": lambda: [parse_plain(t, p) for t, p in zip(texts, paths, strict=True)],
        "validate": lambda: [validate_document(d, Answers) for d in kept],
        "check": lambda: [checked(m, d, pack) for m, d in zip(models, kept, strict=True)],
    }
    return {
        name: statistics.median(timed(step)[0] for _ in range(rounds)) / len(paths) * 1000
        for name, step in steps.items()
    }


def readers(paths: list[Path], rounds: int) -> dict[str, Any]:
    """CPU ms per file of reading the texts (already in memory) three ways, rounds rotated:
    ``fast_yaml.load`` (lines first, libyaml for what they refuse), fast_yaml's libyaml way
    alone (how it read every file before the line reader) and the floor; the median of the
    per-round ratios to the floor; and how many files the line reader accepts."""
    from commkit.model import fast_yaml, line_yaml

    texts = [p.read_text(encoding="utf-8") for p in paths]
    accepted = 0
    for text in texts:
        try:
            line_yaml.load(text)
            accepted += 1
        except line_yaml.Refused:
            pass
    ways: dict[str, Callable[[], Any]] = {
        "floor": lambda: [yaml.load(t, Loader=yaml.CSafeLoader) for t in texts],
        "fast_yaml": lambda: [fast_yaml.load(t) for t in texts],
        "libyaml_way": lambda: [fast_yaml.load_composed(t) for t in texts],
    }
    times: dict[str, list[float]] = {name: [] for name in ways}
    names = list(ways)
    for i in range(rounds):
        for name in names[i % 3 :] + names[: i % 3]:
            times[name].append(timed(ways[name])[0])
    report: dict[str, Any] = {"accepted_by_lines": accepted, "files": len(texts)}
    for name in names:
        report[f"{name}_cpu_ms"] = statistics.median(times[name]) / len(texts) * 1000
        report[f"{name}_to_floor"] = statistics.median(
            t / f for t, f in zip(times[name], times["floor"], strict=True)
        )
    return report


def plain(paths: list[Path], rounds: int) -> dict[str, Any]:
    """The batch's plain reading and checking (``warm_assess._read``) against the floor,
    rounds paired as :func:`paired` pairs them; then CPU ms per file of its steps alone
    (median of ``rounds``): the bytes read and decoded, the line reader on those texts, the
    check on that data; and the line reader's share of ``_read``."""
    from commkit.api.warm_assess import _read
    from commkit.model import fast_check, line_yaml

    names = [str(path) for path in paths]
    took = sum(_read(Path(name)) is not None for name in names)  # and warm
    floor(paths)
    report: dict[str, Any] = {
        "read_by_plain_way": took,
        **paired(paths, lambda: [_read(Path(name)) for name in names], rounds),
    }
    texts = [path.read_bytes().decode("utf-8") for path in paths]
    data = [line_yaml.load(text) for text in texts]
    steps: dict[str, Callable[[], Any]] = {
        "bytes": lambda: [Path(name).read_bytes().decode("utf-8") for name in names],
        "lines": lambda: [line_yaml.load(text) for text in texts],
        "check": lambda: [fast_check.surely_valid("answers", item) for item in data],
    }
    parts = {
        name: statistics.median(timed(step)[0] for _ in range(rounds)) / len(paths) * 1000
        for name, step in steps.items()
    }
    report["parts_cpu_ms"] = parts
    report["lines_share"] = parts["lines"] / report["ours_cpu_ms"]
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="communities to generate")
    parser.add_argument("--answers", type=Path, help="a folder of answers files instead")
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--parts", action="store_true", help="each step's CPU per file")
    parser.add_argument(
        "--readers", action="store_true", help="the YAML readers alone against the floor"
    )
    parser.add_argument(
        "--plain", action="store_true", help="the batch's plain reading and checking too"
    )
    parser.add_argument("--plain-only", action="store_true", help="--plain, and nothing else")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    import commkit
    from commkit import api

    with tempfile.TemporaryDirectory(prefix="commkit-read-") as tmp:
        folder = args.answers
        if folder is None:
            import generate

            generate.generate(Path(tmp), args.count, assess=False)
            folder = Path(tmp) / "answers"
        paths = sorted(folder.rglob("*.yaml"))
        pack = api.load_content()
        report: dict[str, Any] = {"commkit": str(Path(commkit.__file__).parent)}
        if not args.plain_only:
            for path in paths:  # warm: every file read once, each way
                api.read_answers(path, pack=pack)
            floor(paths)
            report.update(paired(paths, lambda: ours(paths, pack), args.rounds))
        if args.parts:
            report["parts_cpu_ms"] = parts(paths, pack, args.rounds)
        if args.readers:
            report["readers"] = readers(paths, args.rounds)
        if args.plain or args.plain_only:
            report["plain"] = plain(paths, args.rounds)
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    if not args.plain_only:
        _print_full(report)
    _print_more(report)
    return 0


def _print_full(report: dict[str, Any]) -> None:
    print(
        f"commkit from {report['commkit']}: {report['files']} answers files, "
        f"{report['rounds']} rounds paired"
    )
    print(
        f"read_answers: {report['ours_cpu_ms']:.3f} ms CPU per file "
        f"({report['ours_files_per_s']:,.0f} files/s), wall {report['ours_wall_ms']:.3f} ms"
    )
    print(
        f"floor (CSafeLoader): {report['floor_cpu_ms']:.3f} ms CPU per file "
        f"({report['floor_files_per_s']:,.0f} files/s), wall {report['floor_wall_ms']:.3f} ms"
    )
    print(
        f"ratio (median of rounds): CPU {report['cpu_ratio']:.2f}x, wall "
        f"{report['wall_ratio']:.2f}x"
    )
    for name, value in report.get("parts_cpu_ms", {}).items():
        print(f"  {name}: {value:.3f} ms CPU per file")


def _print_more(report: dict[str, Any]) -> None:
    if "readers" in report:
        got = report["readers"]
        print(f"readers ({got['accepted_by_lines']} of {got['files']} files read by lines):")
        for name in ("floor", "fast_yaml", "libyaml_way"):
            print(
                f"  {name}: {got[name + '_cpu_ms']:.3f} ms CPU per file, "
                f"{got[name + '_to_floor']:.2f}x the floor"
            )
    if "plain" in report:
        got = report["plain"]
        print(
            f"plain way (warm_assess._read, {got['read_by_plain_way']} of {got['files']} files): "
            f"{got['ours_cpu_ms']:.3f} ms CPU per file, {got['cpu_ratio']:.2f}x the floor "
            f"({got['floor_cpu_ms']:.3f} ms), wall {got['wall_ratio']:.2f}x"
        )
        for name, value in got["parts_cpu_ms"].items():
            print(f"  {name}: {value:.3f} ms CPU per file")
        print(f"  the line reader's share: {got['lines_share']:.0%}")


if __name__ == "__main__":
    raise SystemExit(main())

"""The scoring engine against an earlier one, in one process: rounds alternated.

    .venv/bin/python bench/score_pair.py --before /path/to/an/earlier/checkout
    .venv/bin/python bench/score_pair.py --before DIR --rounds 80 --sets 200 --json

The earlier engine (``DIR/src/commkit/core/scoring.py`` with its own ``conditions.py``) is
loaded beside this checkout's; each round scores the same answer sets with both, the order
alternating round by round, so that what the machine does meanwhile weighs on both alike.
Reports the median of the per-round ratios (earlier time / this time) and each engine's
answer sets per second, CPU time (``process_time``) and wall time, for two kinds of rounds:

- ``repeated``: the same ``--sets`` answer sets in every round (as ``inprocess.py`` does);
- ``fresh``: ``--sets`` answer sets never scored before in each round (what the engines keep
  between calls is then made as it comes, as in a batch of new files);
- ``plain``: like ``fresh``, but each engine's ``score_plain`` on the checklist and the
  answers as plain objects (``inprocess.plain_inputs``, made before the round is timed): the
  engine as the warm commands and the batch run it, no model made;
- ``first``: before anything else, each engine scores the same ``--first`` new answer sets
  once, its tables empty (what ``inprocess.py``'s ``fresh_per_s`` measures). One pass each,
  so run the script several times: an odd ``--seed`` runs the earlier engine first, an even
  one this checkout's.

Answer sets are those of ``inprocess.py`` (random values that fit the pack's checklist).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import statistics
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from inprocess import make_answers, plain_inputs


def load_engine(tree: Path) -> ModuleType:
    """The scoring module of another checkout, with the conditions module of that checkout."""
    import commkit.core.conditions as ours

    def load(name: str, path: Path) -> ModuleType:
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        return module

    core = tree / "src" / "commkit" / "core"
    theirs = load("earlier_conditions", core / "conditions.py")
    sys.modules["commkit.core.conditions"] = theirs  # what the earlier scoring imports
    try:
        return load("earlier_scoring", core / "scoring.py")
    finally:
        sys.modules["commkit.core.conditions"] = ours


def timed(engine: ModuleType, checklist: Any, sets: list[Any]) -> tuple[float, float]:
    """CPU and wall seconds to score ``sets`` (answers models; or, for a plain checklist,
    ``(language, plain answers)`` pairs, scored by ``score_plain``)."""
    cpu, wall = time.process_time(), time.perf_counter()
    if isinstance(sets[0], tuple):
        score_plain = engine.score_plain
        for lang, plain in sets:
            score_plain(checklist, plain, lang=lang)
    else:
        score = engine.score
        for answers in sets:
            score(checklist, answers.answers, lang=answers.language)
    return time.process_time() - cpu, time.perf_counter() - wall


def pair(
    before: ModuleType, after: ModuleType, checklist: Any, rounds: int, sets_for: Any
) -> dict[str, Any]:
    """Both engines on ``sets_for(i)`` in round ``i`` (made before the round is timed)."""
    cpu_ratios, wall_ratios = [], []
    cpu_before, cpu_after, wall_before, wall_after = [], [], [], []
    for i in range(rounds):
        sets = sets_for(i)
        if i % 2:
            a = timed(after, checklist, sets)
            b = timed(before, checklist, sets)
        else:
            b = timed(before, checklist, sets)
            a = timed(after, checklist, sets)
        cpu_before.append(b[0])
        cpu_after.append(a[0])
        wall_before.append(b[1])
        wall_after.append(a[1])
        cpu_ratios.append(b[0] / a[0])
        wall_ratios.append(b[1] / a[1])
    n = len(sets)
    quartiles = statistics.quantiles(cpu_ratios, n=4) if len(cpu_ratios) > 1 else cpu_ratios * 3
    return {
        "rounds": rounds,
        "sets_per_round": n,
        "cpu_ratio_median": round(statistics.median(cpu_ratios), 3),
        "cpu_ratio_quartiles": [round(quartiles[0], 3), round(quartiles[2], 3)],
        "wall_ratio_median": round(statistics.median(wall_ratios), 3),
        "before_cpu_per_s": round(n / statistics.median(cpu_before)),
        "after_cpu_per_s": round(n / statistics.median(cpu_after)),
        "before_wall_per_s": round(n / statistics.median(wall_before)),
        "after_wall_per_s": round(n / statistics.median(wall_after)),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True, help="an earlier checkout")
    parser.add_argument("--rounds", type=int, default=80, help="rounds of each kind")
    parser.add_argument("--sets", type=int, default=200, help="answer sets per round")
    parser.add_argument("--first", type=int, default=2000, help="answer sets of the first pass")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    ns = parser.parse_args()

    from commkit.core import scoring
    from commkit.model.pack import load_pack

    before = load_engine(ns.before)
    pack = load_pack()
    checklist = pack.checklist
    rng = random.Random(ns.seed)
    first = [make_answers(pack, rng, -1 - i) for i in range(ns.first)]
    order = (before, scoring) if ns.seed % 2 else (scoring, before)
    cold = {engine: timed(engine, checklist, first) for engine in order}
    repeated = [make_answers(pack, rng, i) for i in range(ns.sets)]
    for engine in (before, scoring):  # warm: lazy imports, compiled plans
        timed(engine, checklist, repeated)
    report = {
        "benchmark": "score_pair",
        "before": str(ns.before),
        "questions": len(checklist.questions),
        "first": {
            "sets": ns.first,
            "first_engine": "before" if order[0] is before else "after",
            "cpu_ratio": round(cold[before][0] / cold[scoring][0], 3),
            "wall_ratio": round(cold[before][1] / cold[scoring][1], 3),
            "before_cpu_per_s": round(ns.first / cold[before][0]),
            "after_cpu_per_s": round(ns.first / cold[scoring][0]),
        },
        "repeated": pair(before, scoring, checklist, ns.rounds, lambda r: repeated),
        "fresh": pair(
            before,
            scoring,
            checklist,
            ns.rounds,
            lambda r: [make_answers(pack, rng, ns.sets * (r + 1) + i) for i in range(ns.sets)],
        ),
    }
    plain_checklist = plain_inputs(checklist, [])[0]
    report["plain"] = pair(
        before,
        scoring,
        plain_checklist,
        ns.rounds,
        lambda r: plain_inputs(
            checklist,
            [make_answers(pack, rng, ns.sets * (ns.rounds + r + 1) + i) for i in range(ns.sets)],
        )[1],
    )
    if ns.json:
        json.dump(report, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    c = report["first"]
    assert isinstance(c, dict)
    print(
        f"first    one pass x {c['sets']} sets ({c['first_engine']} first): speed after / before "
        f"CPU {c['cpu_ratio']:.3f}x, wall {c['wall_ratio']:.3f}x; before "
        f"{c['before_cpu_per_s']:,}/s CPU, after {c['after_cpu_per_s']:,}/s CPU"
    )
    for kind in ("repeated", "fresh", "plain"):
        r = report[kind]
        assert isinstance(r, dict)
        print(
            f"{kind:8s} {r['rounds']} rounds x {r['sets_per_round']} sets: speed after / before "
            f"CPU {r['cpu_ratio_median']:.3f}x (quartiles {r['cpu_ratio_quartiles'][0]:.3f}-"
            f"{r['cpu_ratio_quartiles'][1]:.3f}), wall {r['wall_ratio_median']:.3f}x; "
            f"before {r['before_cpu_per_s']:,}/s CPU ({r['before_wall_per_s']:,}/s wall), "
            f"after {r['after_cpu_per_s']:,}/s CPU ({r['after_wall_per_s']:,}/s wall)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

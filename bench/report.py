"""An assessment's report per file: Markdown and YAML as a batch renders them, in one process.

    .venv/bin/python bench/report.py                          # this checkout: reports per second
    .venv/bin/python bench/report.py --before OTHER/src       # paired with an earlier checkout
    .venv/bin/python bench/report.py --before DIR --rounds 9 --n 300 --lang ru --json

What a batch ``assess`` does for each answers file after scoring it:
:meth:`commkit.api.AssessmentWriter.render` (the file names, the Markdown report, the YAML
result), over ``--n`` assessments scored beforehand (not timed) from answers drawn as
``generate.py`` draws them, in ``--lang`` (``mixed``: every other one in Russian). Each
pass renders assessments never rendered before, as a batch does, after a short warm-up;
the assessments are made first and set aside from the garbage collector (``gc.freeze``),
since a batch keeps nothing per file.
Also times the Markdown (:func:`commkit.api.render_assessment_markdown`) and the YAML
(:func:`commkit.render.report.to_yaml`) alone, and the batch's plain way
(:data:`PLAIN_KINDS`): for each of ``--n`` answers files read and scored as
:mod:`commkit.api.batch_plain` does, its parse floor, then its report, result file and
``--json`` text each on its own, or (every other file) the three as the batch makes them
and writes them, in UTF-8 (``plain_texts``), also in floors.

With ``--before SRC`` (the ``src`` folder of another checkout) both run as child processes
of the same interpreter (``PYTHONPATH`` set to each), alternated round by round with the
order swapped every round, so what the machine does meanwhile weighs on both alike;
reports the median of the per-round ratios (before / after) of CPU time per report.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
WARMUP = 100
KINDS = ("render", "markdown", "yaml")


def assessments(count: int, seed: int, lang: str) -> list[Any]:
    """``count`` scored assessments of the default checklist (answers as generate.py makes)."""
    sys.path.insert(0, str(HERE))
    from generate import answers_doc

    from commkit import api
    from commkit.model.answers import Answers

    pack = api.load_content()
    rng = random.Random(seed)
    out = []
    for i in range(count):
        day = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(0, 300))
        name = f"Сообщество {i}" if i % 3 == 0 else f"Community {i}"
        doc = answers_doc(pack.checklist, rng, f"c-{i}", name, day)
        doc["language"] = "ru" if lang == "ru" or (lang == "mixed" and i % 2) else "en"
        out.append(api.assess(Answers.model_validate(doc), pack=pack))
    return out


PLAIN_KINDS = ("floor", "plain_markdown", "plain_yaml", "plain_json", "plain_texts")
"""The batch's plain way per answers file, timed in turn for each file as a batch does it:
the floor (``yaml.CSafeLoader`` of the file's text), then, every other file, the report, the
result file and the ``--json`` text of the file read and scored as
:mod:`commkit.api.batch_plain` does, each made on its own; and for the files between, the
three as the batch makes them (``plain_texts``: in one pass where the checkout has
:mod:`commkit.render.report_pass`, else one at a time) and encodes them to write them
(where the checkout makes them as text: from session 12 the one pass makes UTF-8). Each
part's floors are over the floors of its own files."""


def plain_child(n: int, passes: int, seed: int, lang: str) -> dict[str, float]:
    """CPU milliseconds per file of each of :data:`PLAIN_KINDS` (median pass), over
    answers files written as ``generate.py`` writes them."""
    import yaml

    sys.path.insert(0, str(HERE))
    from generate import answers_doc

    from commkit import api
    from commkit.api import batch_plain
    from commkit.api.warm_assess import _read, plain_assessment
    from commkit.core.plain import plain_answers_file
    from commkit.render.report import _roadmap_of, assessment_yaml, report_markdown

    pack = api.load_content()
    roadmap = _roadmap_of(pack.roadmap.actions)
    rng = random.Random(seed)
    made = []
    warmup = min(WARMUP, n)  # a smoke run stays small
    with tempfile.TemporaryDirectory() as folder:
        for i in range(warmup + n * passes):
            day = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(0, 300))
            doc = answers_doc(pack.checklist, rng, f"c-{i}", f"Community {i}", day)
            doc["language"] = "ru" if lang == "ru" or (lang == "mixed" and i % 2) else "en"
            path = Path(folder) / f"c-{i}.yaml"
            text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
            path.write_text(text, encoding="utf-8")
            answers = plain_answers_file(_read(path))
            checklist = pack.checklists[answers.checklist.id]
            assessment, info = plain_assessment(
                answers,
                checklist,
                batch_plain._checklist_hash(checklist),
                pack.roadmap.actions,
                None,
                None,
            )
            made.append((text, assessment, checklist, info, answers.language))
    gc.collect()
    gc.freeze()
    texts = _batch_texts(roadmap)
    clock = time.process_time
    spent: dict[str, list[float]] = {k: [] for k in PLAIN_KINDS}
    floors: dict[str, list[float]] = {k: [] for k in PLAIN_KINDS[1:]}
    for p in range(-1, passes):  # the first pass warms up, untimed
        group = made[:warmup] if p < 0 else made[warmup + p * n : warmup + (p + 1) * n]
        sums = dict.fromkeys(PLAIN_KINDS, 0.0)
        under = [0.0, 0.0]  # the floors of the files timed each way
        for i, (text, assessment, checklist, info, language) in enumerate(group):
            t0 = clock()
            yaml.load(text, Loader=yaml.CSafeLoader)
            t1 = clock()
            sums["floor"] += t1 - t0
            under[i % 2] += t1 - t0
            if i % 2:
                texts(assessment, checklist, info, language)
                sums["plain_texts"] += clock() - t1
                continue
            report_markdown(assessment, checklist, info, language, roadmap=roadmap)
            t2 = clock()
            assessment_yaml(assessment)
            t3 = clock()
            batch_plain.assessment_json(assessment)
            t4 = clock()
            sums["plain_markdown"] += t2 - t1
            sums["plain_yaml"] += t3 - t2
            sums["plain_json"] += t4 - t3
        if p >= 0:
            halves = (len(group) - len(group) // 2, len(group) // 2)
            spent["floor"].append(sums["floor"] * 1000 / len(group))
            for kind in PLAIN_KINDS[1:]:
                way = 1 if kind == "plain_texts" else 0
                spent[kind].append(sums[kind] * 1000 / max(halves[way], 1))
                floors[kind].append(sums[kind] / under[way] if under[way] else 0.0)
    return {
        **{f"{k}_cpu_ms": round(statistics.median(v), 4) for k, v in spent.items()},
        **{f"{k}_floors": round(statistics.median(v), 4) for k, v in floors.items()},
    }


def _batch_texts(roadmap: Any) -> Any:
    """The batch's way to make a file's three texts in this checkout."""
    from commkit.api import batch_plain
    from commkit.render.report import assessment_yaml, report_markdown

    try:
        from commkit.render.report import template_labels
        from commkit.render.report_pass import assessment_texts
    except ImportError:  # an earlier checkout: one at a time

        def apart(assessment: Any, checklist: Any, info: Any, lang: str) -> Any:
            report = report_markdown(assessment, checklist, info, lang, roadmap=roadmap)
            result = assessment_yaml(assessment)
            json = batch_plain.assessment_json(assessment)
            return result.encode(), report.encode(), json.text.encode()

        return apart

    def together(assessment: Any, checklist: Any, info: Any, lang: str) -> Any:
        t = template_labels(lang)
        made = assessment_texts(assessment, checklist, info, lang, t, roadmap=roadmap, as_json=True)
        assert made is not None and made[2] is not None
        if isinstance(made[0], str):  # made as text (before session 12): encoded to be written
            return made[0].encode(), made[1].encode(), made[2].text.encode()
        return made[0], made[1], made[2].utf8()

    return together


def child(n: int, passes: int, seed: int, lang: str) -> dict[str, Any]:
    """Per-report CPU and wall milliseconds of this interpreter's commkit (median pass)."""
    import commkit
    from commkit import api
    from commkit.render.report import to_yaml

    made = assessments(WARMUP + 3 * n * passes, seed, lang)
    gc.collect()
    gc.freeze()  # a batch keeps nothing per file: the collector need not walk these
    with tempfile.TemporaryDirectory() as out:
        writer = api.AssessmentWriter(out=out)
        for a in made[:WARMUP]:
            writer.render(a, lang=a.language)
        rest = iter(made[WARMUP:])
        kinds: dict[str, Any] = {
            "render": lambda a: writer.render(a, lang=a.language),
            "markdown": lambda a: api.render_assessment_markdown(a, a.language),
            "yaml": to_yaml,
        }
        cpu: dict[str, list[float]] = {k: [] for k in kinds}
        wall: dict[str, list[float]] = {k: [] for k in kinds}
        for _ in range(passes):
            for kind, work in kinds.items():
                batch = [next(rest) for _ in range(n)]
                c, w = time.process_time(), time.perf_counter()
                for a in batch:
                    work(a)
                cpu[kind].append((time.process_time() - c) * 1000 / n)
                wall[kind].append((time.perf_counter() - w) * 1000 / n)
    return {
        "commkit": str(Path(commkit.__file__).parent),
        **{f"{k}_cpu_ms": round(statistics.median(v), 4) for k, v in cpu.items()},
        **{f"{k}_wall_ms": round(statistics.median(v), 4) for k, v in wall.items()},
        **plain_child(n, passes, seed, lang),
    }


def run_child(src: str, ns: argparse.Namespace) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": src}
    argv = [sys.executable, str(Path(__file__).resolve()), "--child", "--n", str(ns.n)]
    argv += ["--passes", str(ns.passes), "--seed", str(ns.seed), "--lang", ns.lang]
    done = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(done.stderr[-3000:])
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def paired(ns: argparse.Namespace) -> dict[str, Any]:
    """Both checkouts round by round, the order swapped every round."""
    after_src = str(HERE.parent / "src")
    rows: list[tuple[dict[str, Any], dict[str, Any]]] = []
    for i in range(ns.rounds):
        if i % 2:
            a = run_child(after_src, ns)
            b = run_child(ns.before, ns)
        else:
            b = run_child(ns.before, ns)
            a = run_child(after_src, ns)
        rows.append((b, a))
    report: dict[str, Any] = {
        "before": rows[0][0]["commkit"],
        "after": rows[0][1]["commkit"],
        "rounds": ns.rounds,
    }
    pairs = [(k, u) for k in KINDS for u in ("cpu", "wall")] + [(k, "cpu") for k in PLAIN_KINDS]
    for kind, unit in pairs:
        key = f"{kind}_{unit}_ms"
        before = [b[key] for b, _ in rows]
        after = [a[key] for _, a in rows]
        report[f"{kind}_{unit}"] = {
            "before_ms": round(statistics.median(before), 3),
            "after_ms": round(statistics.median(after), 3),
            "ratio_median": round(
                statistics.median(b / a for b, a in zip(before, after, strict=True)), 2
            ),
        }
    for kind in PLAIN_KINDS[1:]:  # in floors: each round's time over its own files' floor
        report[f"{kind}_floors"] = {
            side: round(statistics.median(r[i][f"{kind}_floors"] for r in rows), 3)
            for i, side in ((0, "before"), (1, "after"))
        }
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300, help="assessments per pass")
    parser.add_argument("--passes", type=int, default=3, help="passes per process (median)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--lang", choices=("en", "ru", "mixed"), default="en")
    parser.add_argument("--before", help="the src folder of an earlier checkout to pair with")
    parser.add_argument("--rounds", type=int, default=5, help="paired rounds (with --before)")
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ns = parser.parse_args()
    if ns.child:
        json.dump(child(ns.n, ns.passes, ns.seed, ns.lang), sys.stdout)
        return 0
    began = time.strftime("%H:%M:%S", time.gmtime())
    report = paired(ns) if ns.before else child(ns.n, ns.passes, ns.seed, ns.lang)
    report = {"benchmark": "report", "utc": began, "n": ns.n, "lang": ns.lang, **report}
    report["load"] = [round(x, 2) for x in os.getloadavg()]
    if ns.json:
        json.dump(report, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    head = f"{ns.n} reports a pass, lang {ns.lang}, started {began} UTC, load {report['load']}"
    print(head)
    for kind in KINDS:
        if ns.before:
            c, w = report[f"{kind}_cpu"], report[f"{kind}_wall"]
            print(
                f"{kind:9s} CPU {c['before_ms']:.3f} -> {c['after_ms']:.3f} ms a report "
                f"(before / after {c['ratio_median']:.2f}x over {ns.rounds} rounds); wall "
                f"{w['before_ms']:.3f} -> {w['after_ms']:.3f} ms ({w['ratio_median']:.2f}x)"
            )
        else:
            ms = report[f"{kind}_cpu_ms"]
            print(f"{kind:9s} CPU {ms:.3f} ms a report ({1000 / ms:,.0f}/s)")
    print("the batch's plain way, per answers file, each part timed in turn:")
    for kind in PLAIN_KINDS:
        if ns.before:
            c = report[f"{kind}_cpu"]
            said = f"{kind:14s} CPU {c['before_ms']:.3f} -> {c['after_ms']:.3f} ms"
            said += f" (before / after {c['ratio_median']:.2f}x)"
            if kind != "floor":
                f = report[f"{kind}_floors"]
                said += f"; {f['before']:.3f} -> {f['after']:.3f} floors"
        else:
            ms = report[f"{kind}_cpu_ms"]
            said = f"{kind:14s} CPU {ms:.3f} ms"
            if kind != "floor":
                said += f" ({report[f'{kind}_floors']:.3f} floors)"
        print(said)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

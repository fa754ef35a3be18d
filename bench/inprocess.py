"""In-process benchmark: scoring throughput, plan time, wizard next-question latency.

    .venv/bin/python bench/inprocess.py                      # default content pack
    .venv/bin/python bench/inprocess.py --content DIR --json
    .venv/bin/python bench/inprocess.py --quick              # what CI's smoke test runs

Measures, with answers drawn at random from the pack's own checklist (``--variants`` sets):

- ``score``: :func:`commkit.core.scoring.score` (dimension scores, stage, gaps,
  recommendations) per second, pydantic answers in and the result model out. Target
  >= 10,000/s. Also each of ``--fresh`` new answer sets scored once (what the engine shares
  between results is then made as it comes).
- ``score_plain``: the same engine on plain objects (:mod:`commkit.core.plain`: the
  checklist built from its JSON data, plain answers, a plain result, no pydantic model
  made), as a warm command and a batch score.

  The two take turns in ``--rounds`` short rounds and each is given as its median round
  (with the slowest and quickest): the speed of a shared machine moves 2x within a
  minute, so one long run says more about the moment than about the code. Their ratio in
  the same rounds holds still (``score_over_plain``).
- ``assess``: :func:`commkit.core.scoring.assess` (score + roadmap triggers + the
  ``Assessment`` model with the checklist's content hash) per second: what one file of a
  batch costs besides parsing and writing.
- ``make_plan``: ms per plan, for the assessments above and for the full template set
  (an assessment that selects every roadmap action). Target <= 20 ms.
- ``wizard``: ms from one answer to the next question being asked, draft saving included
  (the real engine, :class:`commkit.interactive.wizard.Wizard`, with a scripted prompter
  in place of the terminal and the real draft writer). Target <= 50 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

TARGETS = {"score_per_s": 10000.0, "plan_ms": 20.0, "wizard_ms": 50.0}


def answer_value(rng: random.Random, q: Any) -> Any:
    """A value that fits question ``q``."""
    if q.type == "yes_no":
        return rng.choice(["yes", "no"])
    if q.type == "scale":
        spec = q.scale_spec
        return rng.randint(spec.min, spec.max)
    if q.type == "number":
        spec = q.number
        top = (
            int(spec.max)
            if spec.max is not None
            else int(max(spec.min + 10, spec.bands[-1].min * 2))
        )
        return rng.randint(int(spec.min), max(int(spec.min), top))
    if q.type == "choice":
        return rng.choice(q.options).id
    if q.type == "multi":  # "none of these" (an exclusive option) only alone
        ids = [o.id for o in q.options if not o.exclusive]
        return sorted(rng.sample(ids, rng.randint(1, len(ids))), key=ids.index)
    return "Заметка / a note"


def make_answers(pack: Any, rng: random.Random, i: int) -> Any:
    from commkit.model.answers import Answers

    checklist = pack.checklist
    answers: dict[str, Any] = {}
    for q in checklist.questions:
        if q.type != "text" and rng.random() < 0.06:
            answers[q.id] = {"status": "dont_know"}
        else:
            answers[q.id] = answer_value(rng, q)
    return Answers.model_validate(
        {
            "kind": "answers",
            "version": "1",
            "checklist": {"id": checklist.id, "version": checklist.version},
            "community": {"name": f"Сообщество {i}", "slug": f"c-{i}"},
            "date": dt.date(2026, 11, 1),
            "language": rng.choice(["en", "ru"]),
            "answers": answers,
        }
    )


def rate(fn: Any, items: list[Any], min_seconds: float) -> tuple[float, int]:
    """Calls per second of ``fn(item)`` over ``items``, repeated for at least ``min_seconds``."""
    n = 0
    t0 = time.perf_counter()
    while True:
        for item in items:
            fn(item)
        n += len(items)
        elapsed = time.perf_counter() - t0
        if elapsed >= min_seconds:
            return n / elapsed, n


def plain_inputs(checklist: Any, answers: list[Any]) -> tuple[Any, list[Any]]:
    """The checklist as plain objects from its JSON data, and each answer set's language and
    plain answers."""
    from commkit.core.plain import PlainAnswer, plain_checklist

    plain = plain_checklist(json.loads(json.dumps(checklist.model_dump(mode="json"))))
    sets = [
        (a.language, {q: PlainAnswer(x.status, x.value, x.note) for q, x in a.answers.items()})
        for a in answers
    ]
    return plain, sets


def rounds(
    runs: dict[str, tuple[Any, list[Any]]], count: int, seconds: float
) -> dict[str, list[float]]:
    """Calls per second of each ``fn(item)`` in ``runs``, in ``count`` rounds of ``seconds``
    each, the functions taking turns within every round: on a shared machine the speed of
    the moment moves 2x within a minute, so a function's rounds spread, but two functions
    measured in the same round meet the same moment (their ratio is what holds still)."""
    rates: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(count):
        for name, (fn, items) in runs.items():
            rates[name].append(rate(fn, items, seconds)[0])
    return rates


def spread(rates: list[float]) -> dict[str, int]:
    """The slowest, median and quickest round (timeit's advice: the quickest is the
    machine's speed with the least interference; the median is what a run usually gets)."""
    return {
        "min": round(min(rates)),
        "median": round(statistics.median(rates)),
        "max": round(max(rates)),
    }


def bench_scoring(
    pack: Any, answers: list[Any], fresh: list[Any], min_seconds: float, count: int
) -> dict[str, Any]:
    """``score`` and ``score_plain`` go round ``answers`` again and again, in ``count``
    rounds taking turns (see :func:`rounds`); ``fresh_per_s`` scores each of ``fresh`` once,
    first, so that nothing the engine keeps between calls is made for it."""
    from commkit.core.scoring import assess, score, score_plain

    checklist = pack.checklist
    t0 = time.perf_counter()
    for a in fresh:
        score(checklist, a.answers, lang=a.language)
    fresh_per_s = len(fresh) / (time.perf_counter() - t0)
    plain_checklist_, plain_sets = plain_inputs(checklist, answers)
    model_sets = [(a.language, a.answers) for a in answers]
    per_round = rounds(
        {
            "score": (lambda a: score(checklist, a[1], lang=a[0]), model_sets),
            "plain": (lambda a: score_plain(plain_checklist_, a[1], lang=a[0]), plain_sets),
        },
        count,
        min_seconds / count,
    )
    scored, plain = per_round["score"], per_round["plain"]
    today = dt.date(2026, 11, 1)
    assess_per_s, n2 = rate(lambda a: assess(pack, a, today), answers, min_seconds)
    target = TARGETS["score_per_s"]
    return {
        "score_per_s": round(statistics.median(scored)),
        "score_rounds": spread(scored),
        "plain_per_s": round(statistics.median(plain)),
        "plain_rounds": spread(plain),
        "score_over_plain": round(
            statistics.median(s / p for s, p in zip(scored, plain, strict=True)), 3
        ),
        "rounds": count,
        "fresh_per_s": round(fresh_per_s),
        "fresh_calls": len(fresh),
        "assess_per_s": round(assess_per_s),
        "assess_calls": n2,
        "questions": len(checklist.questions),
        "target_per_s": target,
        "met": statistics.median(scored) >= target,
        "engine_met": statistics.median(plain) >= target,
    }


def bench_plan(pack: Any, answers: list[Any], repeat: int) -> dict[str, Any]:
    from commkit.core.scheduler import make_plan
    from commkit.core.scoring import assess

    today = dt.date(2026, 11, 1)
    start = dt.date(2026, 11, 2)
    assessments = [assess(pack, a, today) for a in answers]
    everything = assessments[0].model_copy(deep=True)
    everything.result.actions = [a.id for a in pack.roadmap.actions]

    def ms_per_plan(items: list[Any]) -> list[float]:
        times = []
        for _ in range(repeat):
            for item in items:
                t0 = time.perf_counter()
                make_plan(pack, item, start)
                times.append((time.perf_counter() - t0) * 1000)
        return times

    ms_per_plan(assessments[:3])  # warm-up (lazy imports)
    sample = ms_per_plan(assessments)
    full = ms_per_plan([everything] * 10)
    full_plan = make_plan(pack, everything, start)
    return {
        "plans": len(sample),
        "median_ms": round(statistics.median(sample), 2),
        "p95_ms": round(sorted(sample)[int(0.95 * (len(sample) - 1))], 2),
        "max_ms": round(max(sample), 2),
        "full_set_median_ms": round(statistics.median(full), 2),
        "full_set_max_ms": round(max(full), 2),
        "full_set_actions": len(full_plan.actions),
        "roadmap_actions": len(pack.roadmap.actions),
        "target_ms": TARGETS["plan_ms"],
        "met": statistics.median(full) <= TARGETS["plan_ms"],
    }


def bench_wizard(pack: Any, seed: int, rounds: int) -> dict[str, Any]:
    """Latency from an answer to the next question, through the real wizard engine."""
    from commkit.interactive.drafts import DraftStore
    from commkit.interactive.prompts import Heading, Item, Prompter
    from commkit.interactive.wizard import FINISH, SPECIALS
    from commkit.interactive.wizard import Wizard as WizardEngine
    from commkit.model.answers import DraftRun
    from commkit.model.pack import content_hash

    rng = random.Random(seed)
    latencies: list[float] = []
    saves: list[float] = []

    class Scripted(Prompter):
        """Answers at once; records the time from each answer to the next question."""

        def __init__(self) -> None:
            super().__init__()
            self.answered_at: float | None = None
            self.started = False

        def _asked(self) -> None:
            now = time.perf_counter()
            if self.answered_at is not None and self.started:
                latencies.append((now - self.answered_at) * 1000)

        def _answered(self) -> None:
            self.answered_at = time.perf_counter()

        def say(self, text: str = "", style: str = "") -> None:
            pass

        def text(
            self,
            message: str,
            *,
            default: str = "",
            validate: Any = None,
            instruction: str | None = None,
        ) -> str:
            self._asked()
            value = default or "Клуб предпринимателей"
            if validate is not None:
                for candidate in ("3", "10", "1", "0", "Заметка", ""):
                    if validate(candidate) is True and not default:
                        value = candidate
                        break
            self._answered()
            return value

        def select(
            self, message: str, entries: Any, *, default: Any = None, instruction: str | None = None
        ) -> Any:
            self._asked()
            items = [e for e in entries if isinstance(e, Item)]
            values = [i.value for i in items]
            if FINISH in values:
                value: Any = FINISH
            else:
                plain = [v for v in values if v not in SPECIALS]
                value = rng.choice(plain) if plain else values[0]
            self._answered()
            return value

        def checkbox(
            self,
            message: str,
            entries: Any,
            *,
            validate: Any = None,
            instruction: str | None = None,
        ) -> list[Any]:
            self._asked()
            plain = [e.value for e in entries if isinstance(e, Item) and e.value not in SPECIALS]
            _ = Heading
            value = rng.sample(plain, rng.randint(1, len(plain)))
            self._answered()
            return value

        def confirm(self, message: str, *, default: bool = True) -> bool:
            self._asked()
            self._answered()
            self.started = True  # the start screen ends here: questions follow
            return False

    checklist = pack.checklist
    with tempfile.TemporaryDirectory(prefix="commkit-bench-wizard-") as tmp:
        store = DraftStore(folder=Path(tmp), run=DraftRun(out=tmp))

        def save(answers: Any) -> Path:
            t0 = time.perf_counter()
            path = store.save(answers)
            saves.append((time.perf_counter() - t0) * 1000)
            return path

        for _ in range(rounds):
            prompter = Scripted()
            engine = WizardEngine(
                checklist=checklist,
                prompter=prompter,
                save=save,
                lang="ru",
                checklist_hash=content_hash(checklist),
            )
            engine.run()
    return {
        "questions_answered": len(latencies),
        "median_ms": round(statistics.median(latencies), 2),
        "p95_ms": round(sorted(latencies)[int(0.95 * (len(latencies) - 1))], 2),
        "max_ms": round(max(latencies), 2),
        "draft_save_median_ms": round(statistics.median(saves), 2),
        "target_ms": TARGETS["wizard_ms"],
        "met": max(latencies) <= TARGETS["wizard_ms"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=None, help="content pack folder")
    parser.add_argument("--variants", type=int, default=200, help="distinct answer sets")
    parser.add_argument("--seconds", type=float, default=2.0, help="time per throughput run")
    parser.add_argument(
        "--rounds", type=int, default=20, help="rounds the scoring time is cut into"
    )
    parser.add_argument("--plan-repeat", type=int, default=3, help="passes over the plans")
    parser.add_argument("--wizard-rounds", type=int, default=5, help="whole wizard runs")
    parser.add_argument("--fresh", type=int, default=2000, help="answer sets scored once each")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--quick", action="store_true", help="tiny sizes (CI smoke test)")
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    ns = parser.parse_args(argv)
    if ns.quick:
        ns.variants, ns.seconds, ns.plan_repeat, ns.wizard_rounds = 10, 0.05, 1, 1
        ns.rounds = 2
        ns.fresh = 10

    from commkit.model.pack import load_pack

    pack = load_pack(ns.content)
    rng = random.Random(ns.seed)
    answers = [make_answers(pack, rng, i) for i in range(ns.variants)]
    fresh = [make_answers(pack, rng, ns.variants + i) for i in range(ns.fresh)]
    report: dict[str, Any] = {
        "benchmark": "inprocess",
        "python": sys.version.split()[0],
        "checklist": f"{pack.checklist.id} {pack.checklist.version}",
        "scoring": bench_scoring(pack, answers, fresh, ns.seconds, ns.rounds),
        "plan": bench_plan(pack, answers, ns.plan_repeat),
        "wizard": bench_wizard(pack, ns.seed, ns.wizard_rounds),
    }
    if ns.json:
        json.dump(report, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    s, p, w = report["scoring"], report["plan"], report["wizard"]
    yes = {True: "yes", False: "NO"}
    print(
        f"in-process (python {report['python']}, checklist {report['checklist']}, "
        f"{s['questions']} questions)"
    )
    rounds_of = "{min:,} / {median:,} / {max:,} per s".format
    print(
        f"score      {s['score_per_s']:>10,} /s   median of {s['rounds']} rounds "
        f"(slowest / median / quickest {rounds_of(**s['score_rounds'])})   "
        f"target >= {s['target_per_s']:,.0f}/s  met: {yes[s['met']]}"
    )
    print(
        f"score      {s['plain_per_s']:>10,} /s   the engine on plain objects, no model made "
        f"({rounds_of(**s['plain_rounds'])}; score() / this, same rounds: "
        f"{s['score_over_plain']})   met: {yes[s['engine_met']]}"
    )
    print(f"score      {s['fresh_per_s']:>10,} /s   ({s['fresh_calls']:,} answer sets, each once)")
    print(f"assess()   {s['assess_per_s']:>10,} /s   (score + roadmap triggers + the model)")
    print(
        f"make_plan  full set ({p['full_set_actions']}/{p['roadmap_actions']} actions): "
        f"median {p['full_set_median_ms']} ms, max {p['full_set_max_ms']} ms; "
        f"{p['plans']} assessed plans: median {p['median_ms']} ms, p95 {p['p95_ms']} ms   "
        f"target <= {p['target_ms']} ms  met: {yes[p['met']]}"
    )
    print(
        f"wizard     next question: median {w['median_ms']} ms, p95 {w['p95_ms']} ms, "
        f"max {w['max_ms']} ms over {w['questions_answered']} answers "
        f"(draft save median {w['draft_save_median_ms']} ms)   target <= {w['target_ms']} ms  "
        f"met: {yes[w['met']]}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

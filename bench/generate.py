"""Generate a synthetic workspace of N communities for benchmarks and tests.

    .venv/bin/python bench/generate.py OUT_DIR --count 10000 [--seed 1] [--no-assess]

Writes ``region.yaml``, ``communities/<slug>.yaml`` (realistic sizes: a description, 1-3
leaders, 1-4 metric snapshots; a third of the names in Cyrillic), ``answers/<slug>.yaml``
(answers to every question of the default checklist), and, unless ``--no-assess``, the
scored ``assessments/<slug>/<date>.yaml`` through ``commkit.api`` (about one community in
four gets two assessments, so progress has something to compare; one in ten none).
Deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path
from typing import Any

import yaml

WORDS_EN = (
    "Business", "Club", "Makers", "Guild", "Founders", "Network", "Hub", "Circle", "Union",
    "Craft", "Tech", "Export", "Retail", "Food", "Design", "Tourism", "Logistics", "Agro",
)  # fmt: skip
WORDS_RU = (
    "Клуб", "Деловой", "Предпринимателей", "Гильдия", "Сообщество", "Союз", "Ремесленников",
    "Экспортёров", "Фермеров", "Дизайнеров", "Туризма", "Камы", "Прикамья", "Урала", "Перми",
)  # fmt: skip
FIRST = ("Anna", "Ivan", "Olga", "Pavel", "Maria", "Sergey", "Елена", "Дмитрий", "Татьяна")
LAST = ("Petrova", "Smirnov", "Ivanova", "Kuznetsov", "Алина", "Соколов", "Морозова", "Волков")
PLATFORMS = ("Telegram", "VK", "WhatsApp", "Leader-ID", "Zoom + office", None)
TOPICS = ("export", "retail", "IT", "food", "design", "tourism", "agro", "mentorship", "финансы")
LOREM = (
    "Entrepreneurs of the region meet to share contacts, experience and orders; the "
    "community runs regular meetings, a chat and joint projects with partners. "
    "Предприниматели региона обмениваются опытом и заказами, проводят встречи и "
    "совместные проекты с партнёрами. "
)


def community_name(rng: random.Random, index: int) -> str:
    if index % 3 == 0:
        return " ".join(rng.sample(WORDS_RU, 3)) + f" №{index}"
    return " ".join(rng.sample(WORDS_EN, 2)) + f" {index}"


def profile(rng: random.Random, index: int, slug: str, name: str) -> dict[str, Any]:
    start = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(0, 600))
    snapshots = []
    members = rng.randrange(10, 400)
    day = start
    for _ in range(rng.randrange(1, 5)):
        day = day + dt.timedelta(days=rng.randrange(30, 200))
        members = max(1, members + rng.randrange(-20, 80))
        snapshot: dict[str, Any] = {
            "date": day,
            "source": "reported",
            "members": members,
            "leaders": rng.randrange(1, 4),
            "events": rng.randrange(0, 60),
        }
        for key in ("projects", "publications", "support_measures", "initiatives"):
            if rng.random() < 0.6:
                snapshot[key] = rng.randrange(0, 15)
        snapshots.append(snapshot)
    return {
        "kind": "community",
        "version": "1",
        "slug": slug,
        "name": name,
        "description": {"en": LOREM[:240] * 1, "ru": LOREM[240:] * 2},
        "leaders": [
            {"name": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "role": "founder"}
            for _ in range(rng.randrange(1, 4))
        ],
        "format": rng.choice(("online", "offline", "mixed")),
        **({"platform": p} if (p := rng.choice(PLATFORMS)) else {}),
        "formalised": rng.random() < 0.3,
        "founded": str(start.year),
        "topics": rng.sample(TOPICS, 3),
        "snapshots": snapshots,
    }


def answer_for(rng: random.Random, question: Any, level: float) -> Any:
    if rng.random() < 0.05:
        return {"status": "dont_know"}
    kind = question.type
    if kind == "scale":
        spec = question.scale_spec
        span = spec.max - spec.min
        return max(spec.min, min(spec.max, spec.min + round(span * level + rng.uniform(-1, 1))))
    if kind == "yes_no":
        return rng.random() < level
    if kind == "number":
        spec = question.number
        value = int(max(spec.min, round(spec.bands[-1].min * level * rng.uniform(0.5, 1.5))))
        return value if spec.max is None else min(value, int(spec.max))
    if kind == "choice":
        ordered = sorted(question.options, key=lambda o: o.score)
        return ordered[min(len(ordered) - 1, int(level * len(ordered)))].id
    if kind == "multi":  # "none of these" (an exclusive option) only alone
        ticks = [o.id for o in question.options if not o.exclusive and rng.random() < level]
        return ticks or [question.options[0].id]
    return "Synthetic note / синтетическая заметка"


def answers_doc(checklist: Any, rng: random.Random, slug: str, name: str, day: dt.date) -> dict:
    level = rng.random()
    return {
        "kind": "answers",
        "version": "1",
        "checklist": {"id": checklist.id, "version": str(checklist.version)},
        "community": {"name": name, "slug": slug},
        "date": day,
        "language": "en",
        "answers": {q.id: answer_for(rng, q, level) for q in checklist.questions},
    }


def dump(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def generate(out: Path, count: int, seed: int = 1, assess: bool = True) -> None:
    from commkit import api
    from commkit.fsutil import slugify
    from commkit.model.answers import Answers

    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    if not (out / "region.yaml").exists():
        api.init_region(out, name=f"Synthetic region ({count})", country="Nowhere")
    pack = api.load_content()
    checklist = pack.checklist
    for index in range(1, count + 1):
        name = community_name(rng, index)
        slug = slugify(name)
        dump(out / "communities" / f"{slug}.yaml", profile(rng, index, slug, name))
        roll = rng.random()
        if roll < 0.1:
            continue
        dates = [dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(0, 300))]
        if roll > 0.75:
            dates.insert(0, dates[0] - dt.timedelta(days=rng.randrange(90, 400)))
        for day in dates:
            data = answers_doc(checklist, rng, slug, name, day)
            dump(out / "answers" / f"{slug}-{day.isoformat()}.yaml", data)
            if assess:
                answers = Answers.model_validate(data)
                api.save_assessment(out, api.assess(answers, pack=pack), force=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-assess", action="store_true", help="write answers only")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    generate(args.out, args.count, args.seed, assess=not args.no_assess)
    sys.stderr.write(
        f"generated {args.count} communities in {args.out} ({time.perf_counter() - began:.1f}s)\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

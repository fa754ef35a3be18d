"""A whole new-region workflow through the Python API only (no CLI calls).

    python examples/scripts/new_region.py OUT_DIR [--answers DIR] [--date 2020-12-01]

1. ``api.init_region``: a workspace with region.yaml (ecosystem template), communities/,
   assessments/ and a README for the team;
2. ``api.add_community``: profiles of the four communities the article describes, with the
   figures it gives (members, events, leaders);
3. ``api.assess`` + ``api.save_assessment``: every answers file in ``--answers`` (default:
   ``examples/perm-krai/answers``) whose community has a profile;
4. ``api.build_map`` + ``api.render_map_markdown`` / ``render_map_csv``: map.md, map.csv;
5. ``api.plan`` + ``api.render_plan_markdown``: plans/<slug>.md for each assessed community.

Prints one line per file written and exits 0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from commkit import api

HERE = Path(__file__).resolve().parent
DEFAULT_ANSWERS = HERE.parent / "perm-krai" / "answers"

# The communities of the article "Perm Phenomenon" with the figures it gives (autumn 2020).
ARTICLE_COMMUNITIES = [
    {
        "name": "Business-mentor Business Club",
        "slug": "business-mentor",
        "leaders": ["Tatiana Terentyeva"],
        "format": "mixed",
        "members": 270,
        "events": 600,
        "founded": "2015",
    },
    {
        "name": "FashionTechPerm",
        "slug": "fashiontechperm",
        "leaders": ["Yuliya Suntseva", "Oscar Yagafarov", "Natalya Karpova"],
        "format": "mixed",
        "members": 150,
        "events": 10,
        "founded": "2020-08",
    },
    {
        "name": "Business Club of Prikamye",
        "slug": "business-club-prikamye",
        "leaders": ["Inga Drinevskaya"],
        "platform": "Telegram",
        "members": 80,
        "events": 10,
        "founded": "2020",
    },
    {
        "name": "Franchising World Perm Krai",
        "slug": "franchising-world",
        "leaders": ["Yuliya Bogushevskaya", "Maria Kizima"],
        "members": 50,
        "events": 5,
        "founded": "2020",
    },
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run a new-region workflow with commkit.api.")
    parser.add_argument("out", type=Path, help="the new workspace folder")
    parser.add_argument("--answers", type=Path, default=DEFAULT_ANSWERS)
    parser.add_argument("--date", type=dt.date.fromisoformat, default=dt.date(2020, 12, 1))
    parser.add_argument("--lang", default="en", choices=("en", "ru"))
    args = parser.parse_args(argv)
    out: Path = args.out
    day: dt.date = args.date

    pack = api.load_content()
    print(f"wrote {api.init_region(out, 'Perm Krai', country='Russia', lang=args.lang)}")
    slugs = set()
    for spec in ARTICLE_COMMUNITIES:
        spec = dict(spec)
        path = api.add_community(out, snapshot_date=dt.date(2020, 10, 1), **spec)  # type: ignore[arg-type]
        slugs.add(str(spec["slug"]))
        print(f"wrote {path}")

    assessments = []
    answer_files = sorted(args.answers.glob("*.yaml")) if args.answers.is_dir() else []
    for answers_path in answer_files:
        answers = api.load_answers(answers_path)
        if answers.community.slug not in slugs:
            continue
        assessment = api.assess(answers, pack=pack)
        print(f"wrote {api.save_assessment(out, assessment, force=True)}")
        assessments.append(assessment)

    region_map = api.build_map(out, pack=pack, today=day)
    (out / "map.md").write_text(api.render_map_markdown(region_map, args.lang), encoding="utf-8")
    (out / "map.csv").write_text(api.render_map_csv(region_map), encoding="utf-8")
    print(f"wrote {out / 'map.md'}")
    print(f"wrote {out / 'map.csv'}")

    plans = out / "plans"
    plans.mkdir(exist_ok=True)
    for assessment in assessments:
        roadmap = api.plan(assessment, start=day, pack=pack)
        target = plans / f"{roadmap.slug}.md"
        target.write_text(api.render_plan_markdown(roadmap, args.lang, pack=pack), encoding="utf-8")
        print(f"wrote {target}")

    members = region_map.metric("members")
    print(
        f"{len(region_map.communities)} communities, {members.total} members, "
        f"{len(assessments)} assessed",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The example lines of ``--help``, typed the same in every language: the command help
in :mod:`commkit.i18n.help_en` and ``help_ru`` ends with them, under its own heading
(see :func:`commkit.cli.helpstyle.command_help`). A command whose examples carry
comments in words keeps them in each catalog instead.
"""

from __future__ import annotations

EXAMPLES: dict[str, str] = {
    "schema": """\
  commkit schema --out schemas/
  commkit schema > all-schemas.json""",
    "assess": """\
  commkit assess --out reports/
  commkit --lang ru assess --out reports/
  commkit assess --resume reports/fashion-tech-assessment-draft.yaml
  commkit assess --answers answers/*.yaml --out reports/ --date 2020-10-15
  commkit assess --answers 'answers/*.yaml' --json > results.json
  commkit assess --answers answers/*.yaml -o reports/ --table --fmt github
  cat answers.json | commkit assess --answers - --json
  commkit assess --team --answers anna.yaml boris.yaml vera.yaml -o reports/
  commkit assess --team --anonymous --workspace perm --community ftp
  commkit assess --rescore old/*.yaml -o reports/""",
    "plan": """\
  commkit plan --assessment assessments/fashiontechperm/2026-01-10.yaml
  commkit plan --workspace examples/perm-krai --start 2026-02-02
  commkit plan -a answers.yaml --start 2026-02-02 --weeks 12 --out plans
  commkit plan -a answers.yaml --capacity community-manager=1 --holidays off
  commkit plan -a answers.yaml --csv plan.csv --excel --ics plan.ics
  commkit --lang ru plan -a answers.yaml --xlsx plan.xlsx --html plan.html
  commkit --lang ru plan -a answers.yaml --json""",
    "map": """\
  commkit map examples/perm-krai
  commkit --lang ru map my-region --out map.md --csv map.csv --date 2026-06-30
  commkit map my-region --json > map.json
  commkit map my-region --table --fmt github
  commkit --lang ru map my-region --xlsx map.xlsx
  commkit map my-region --out map.md --charts --html map.html
  commkit --lang ru map my-region --public --html communities.html""",
    "progress": """\
  commkit progress business-mentor --workspace examples/perm-krai
  commkit progress my-club -w my-region --json
  commkit progress my-club -w my-region --table --fmt grid
  commkit --lang ru progress my-club -w my-region -o progress.md --charts \\
      --html p.html""",
    "content init": """\
  commkit content init my-pack
  commkit content init kazan-pack --overlay
  commkit --content my-pack validate my-pack""",
    "content diff": """\
  commkit content diff checklists/history/self-identification-1.0.yaml \\
      checklists/self-identification.yaml > CHANGES.md
  commkit content diff my-pack-2025 my-pack-2026
  commkit --lang ru content diff old-pack new-pack
  commkit content diff my-pack --rev v2025 --json""",
    "checklist export": """\
  commkit checklist export --format html --out forms/
  commkit checklist export --format html --lang ru \\
      --community fashiontechperm --workspace examples/perm-krai \\
      --out forms/
  commkit checklist export --format xlsform --out kobo/
  commkit checklist export --format xlsx --lang ru --out forms/
  commkit --lang ru checklist export --format md --out print/""",
    "answers import": """\
  commkit answers import downloads/*.json --out answers/
  commkit answers import kobo-export.csv --workspace perm-region
  commkit answers import filled-workbook.xlsx --out answers/ --force
  commkit answers import export.xlsx --out answers/ --skip-bad
  commkit assess --team --workspace perm-region --community fashiontechperm""",
    "seminars list": """\
  commkit seminars list
  commkit --lang ru seminars list
  commkit seminars list --json
  commkit seminars list --table --fmt github""",
    "seminars show": """\
  commkit seminars show seminar-1
  commkit seminars show 3
  commkit --lang ru seminars show meetup""",
    "seminars export": """\
  commkit seminars export --all --out materials
  commkit seminars export seminar-3 -o next --date 2026-12-01 --time 18:00
  commkit --lang ru seminars export --all -o out --zip \\
      --profile communities/club.yaml
  commkit seminars export 3 -o out -w my-region --community my-club
  commkit seminars export 1 2 --format html --out html-only""",
    "region init": """\
  commkit region init perm --name "Perm Krai" --country Russia --lang ru
  commkit region init ./kazan --name Kazan""",
    "export sqlite": """\
  commkit export sqlite examples/perm-krai perm.db
  commkit --lang ru export sqlite my-region region.db --replace
  datasette region.db -m region.metadata.json""",
}

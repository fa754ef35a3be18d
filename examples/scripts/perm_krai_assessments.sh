#!/bin/sh
# Rebuild the saved assessments of examples/perm-krai with commkit itself, from the answers
# files: a first round (summer 2020) for three communities, answered and scored with checklist
# 1.0 (the version of the day, kept in checklists/history/), and the October 2020 round for
# four, answered with checklist 1.1. `commkit progress` shows the change across the versions.
# Run from the repository root after the checklist changes:  sh examples/scripts/perm_krai_assessments.sh
set -e
WS=examples/perm-krai
COMMKIT=${COMMKIT:-.venv/bin/commkit}
PYTHON=${PYTHON:-.venv/bin/python}
rm -rf "$WS/assessments"
"$PYTHON" - "$WS" <<'PY'
import dataclasses
import sys
from pathlib import Path

from commkit import api

workspace = Path(sys.argv[1])
pack = api.load_content()
then = pack.checklist_version("self-identification", "1.0")
assert then is not None, "checklist 1.0 is kept in checklists/history/"
pack_then = dataclasses.replace(pack, checklists={**pack.checklists, then.id: then})
# scored as they were then: 1.0 let an empty tick list stand for "none of these"
from commkit.core.scoring import assess as assess_then

for answers in sorted((workspace / "answers" / "first-round").glob("*.yaml")):
    assessment = assess_then(pack_then, api.load_answers(answers))
    saved = api.save_assessment(workspace, assessment)
    report = api.render_assessment_markdown(assessment, pack=pack_then)
    saved.with_suffix(".md").write_text(report, encoding="utf-8")
PY
for file in "$WS"/answers/*.yaml; do
    slug=$(basename "$file" .yaml)
    $COMMKIT assess --answers "$file" --workspace "$WS" --community "$slug" >/dev/null
done
find "$WS/assessments" -type f | sort

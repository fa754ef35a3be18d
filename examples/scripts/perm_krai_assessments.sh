#!/bin/sh
# Rebuild the saved assessments of examples/perm-krai with commkit itself, from the answers
# files: a first round (summer 2020) for three communities and the October 2020 round for four.
# Run from the repository root after the checklist changes:  sh examples/scripts/perm_krai_assessments.sh
set -e
WS=examples/perm-krai
COMMKIT=${COMMKIT:-.venv/bin/commkit}
rm -rf "$WS/assessments"
for file in "$WS"/answers/first-round/*.yaml "$WS"/answers/*.yaml; do
    slug=$(basename "$file" .yaml)
    "$COMMKIT" assess --answers "$file" --workspace "$WS" --community "$slug" >/dev/null
done
find "$WS/assessments" -type f | sort

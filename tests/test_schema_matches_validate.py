"""A file is valid for `commkit schema`'s JSON Schema exactly when `commkit validate` accepts it.

Checked both ways on the bad-input corpus, on every shipped file and on small files that probe
the places where YAML readers and validators disagree: YAML 1.1 booleans (`yes`), quoted
numbers, integers for text, ids and language codes, dates, conditions and answers.
The data is read with commkit's own YAML 1.1 reader and checked with jsonschema.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from commkit.errors import ContentError, UserError
from commkit.model.json_schema import schemas
from commkit.model.loader import load_document, parse_file

ROOT = Path(__file__).resolve().parent.parent
BAD = ROOT / "tests" / "bad_inputs"
SHIPPED = sorted(
    [
        *(ROOT / "methodology").rglob("*.yaml"),
        *(ROOT / "checklists").rglob("*.yaml"),
        *(ROOT / "examples").rglob("*.yaml"),
    ]
)
CORPUS = sorted(p for p in BAD.glob("*.yaml") if p.name != "expected.yaml")

# What a JSON Schema cannot say: arithmetic between values. commkit validate alone checks it.
BEYOND_SCHEMA = {"seminar-minutes.yaml": "agenda minutes must add up to duration_minutes"}

SCHEMAS = schemas()

COMMUNITY = """\
kind: community
version: "1"
slug: {slug}
name: {name}
description: {description}
format: online
snapshots:
  - date: {date}
    members: {members}
"""
ANSWERS = """\
kind: answers
version: "1"
checklist: {{id: self-identification, version: "1"}}
community: {{name: Club, formalised: {formalised}}}
complete: {complete}
answers:
  {question}: {answer}
"""
CONDITION = """\
kind: roadmap
version: "1"
id: mini
title: Mini
actions:
  - id: kick-off
    title: Kick-off
    chapter: ch-1
    owner: community-leader
    duration_days: 5
    triggers:
      - {condition}
"""


def community(description: str = "A club", **fields: str) -> str:
    return COMMUNITY.format(description=description, **fields)


PROBES = {
    # yes/no: YAML 1.1 words plain or quoted, never numbers or other words
    "yes-plain": ANSWERS.format(
        formalised="yes", complete="true", question="purpose.x", answer="4"
    ),
    "yes-quoted": ANSWERS.format(
        formalised='"yes"', complete="On", question="purpose.x", answer="4"
    ),
    "bool-as-number": ANSWERS.format(
        formalised="1", complete="true", question="purpose.x", answer="4"
    ),
    "bool-other-word": ANSWERS.format(
        formalised='"sure"', complete="true", question="purpose.x", answer="4"
    ),
    # a year alone may be a number, and only a year
    "founded-year": ANSWERS.format(
        formalised="yes, founded: 2020", complete="true", question="purpose.x", answer="4"
    ),
    "founded-small-number": ANSWERS.format(
        formalised="yes, founded: 1", complete="true", question="purpose.x", answer="4"
    ),
    "founded-year-float": ANSWERS.format(
        formalised="yes, founded: 2020.0", complete="true", question="purpose.x", answer="4"
    ),
    "founded-month": ANSWERS.format(
        formalised='yes, founded: "2020-08"', complete="true", question="purpose.x", answer="4"
    ),
    "founded-trailing-newline": ANSWERS.format(
        formalised='yes, founded: "2020\\n"', complete="true", question="purpose.x", answer="4"
    ),
    # numbers are numbers
    "number": community(slug="club", name="Club", date="2020-08-31", members="60"),
    "number-float-whole": community(slug="club", name="Club", date="2020-08-31", members="60.0"),
    "number-quoted": community(slug="club", name="Club", date="2020-08-31", members='"60"'),
    "number-negative": community(slug="club", name="Club", date="2020-08-31", members="-1"),
    "number-huge": community(slug="club", name="Club", date="2020-08-31", members="99999999999"),
    "number-yes": community(slug="club", name="Club", date="2020-08-31", members="yes"),
    # text is text
    "integer-for-text": community(slug="club", name="1234", date="2020-08-31", members="60"),
    "quoted-integer-text": community(slug="club", name='"1234"', date="2020-08-31", members="60"),
    "yes-for-text": community(slug="club", name="yes", date="2020-08-31", members="60"),
    # ids
    "id-upper": community(slug="Club", name="Club", date="2020-08-31", members="60"),
    "id-newline": community(slug='"club\\n"', name="Club", date="2020-08-31", members="60"),
    "id-integer": community(slug="2020", name="Club", date="2020-08-31", members="60"),
    "id-quoted-digits": community(slug='"2020"', name="Club", date="2020-08-31", members="60"),
    "answer-key-bad-id": ANSWERS.format(
        formalised="yes", complete="true", question="Purpose.X", answer="4"
    ),
    # dates
    "date-quoted": community(slug="club", name="Club", date='"2020-08-31"', members="1"),
    "date-bad-month": community(slug="club", name="Club", date='"2020-13-01"', members="1"),
    "date-words": community(slug="club", name="Club", date="tomorrow", members="1"),
    "date-number": community(slug="club", name="Club", date="0", members="1"),
    "date-number-long": community(slug="club", name="Club", date="20200831", members="1"),
    # answers: answered needs a value, dont_know takes none
    "answer-dont-know": ANSWERS.format(
        formalised="no", complete="false", question="purpose.x", answer="{status: dont_know}"
    ),
    "answer-dont-know-with-value": ANSWERS.format(
        formalised="no",
        complete="false",
        question="purpose.x",
        answer="{status: dont_know, value: 3}",
    ),
    "answer-empty": ANSWERS.format(
        formalised="no", complete="false", question="purpose.x", answer="{note: later}"
    ),
    # conditions: one subject, at most one test, the test its subject needs
    "condition-question": CONDITION.format(condition="{question: purpose.x, at_least: 3}"),
    "condition-no-test": CONDITION.format(condition="{question: purpose.x}"),
    "condition-two-tests": CONDITION.format(
        condition="{question: purpose.x, at_least: 3, below: 5}"
    ),
    "condition-stage": CONDITION.format(condition="{stage: [core]}"),
    "condition-stage-with-test": CONDITION.format(condition="{stage: [core], equals: 3}"),
    "condition-dimension-equals": CONDITION.format(condition="{dimension: purpose, equals: 3}"),
    "condition-dimension": CONDITION.format(condition="{dimension: purpose, below: 50}"),
    "condition-null-subject": CONDITION.format(
        condition="{question: null, dimension: purpose, below: 50}"
    ),
    # language codes in texts
    "text-bad-language": community(
        slug="club", name="Club", description="{EN: Club}", date="2020-08-31", members="1"
    ),
    "text-no-language": community(
        slug="club", name="Club", description="{}", date="2020-08-31", members="1"
    ),
    "text-languages": community(
        slug="club",
        name="Club",
        description="{en: A club, ru: Клуб}",
        date="2020-08-31",
        members="1",
    ),
}


def verdicts(path: Path) -> tuple[bool, bool] | None:
    """(commkit validate accepts the structure, the JSON Schema accepts the data); ``None``
    when the file is not YAML data at all (both refuse it before any schema applies)."""
    try:
        doc = parse_file(path)
    except (ContentError, UserError):
        return None
    if doc.problems:  # duplicate keys: the YAML reader refuses them, like check-jsonschema's
        return None
    try:
        load_document(doc)
        accepted = True
    except (ContentError, UserError):
        accepted = False
    data: Any = json.loads(json.dumps(doc.data, default=str))  # dates as JSON text
    kind = data.get("kind") if isinstance(data, dict) else None
    if isinstance(kind, str) and kind in SCHEMAS:
        valid = jsonschema.Draft202012Validator(SCHEMAS[kind]).is_valid(data)
    else:  # no kind, or an unknown one: no schema may accept it
        valid = any(jsonschema.Draft202012Validator(s).is_valid(data) for s in SCHEMAS.values())
    return accepted, valid


@pytest.mark.parametrize("path", CORPUS + SHIPPED, ids=lambda p: str(p.relative_to(ROOT)))
def test_corpus_and_shipped_files(path):
    found = verdicts(path)
    if found is None:
        assert path.parent == BAD, f"{path} is shipped but not readable YAML"
        return
    accepted, valid = found
    if path.name in BEYOND_SCHEMA and path.parent == BAD:
        assert not accepted and valid, BEYOND_SCHEMA[path.name]
        return
    assert accepted == valid, f"validate {'accepts' if accepted else 'refuses'}, schema disagrees"
    if path.parent != BAD:
        assert accepted, f"{path} is shipped and must be valid"


@pytest.mark.parametrize("name", sorted(PROBES))
def test_probes(name, tmp_path):
    path = tmp_path / f"{name}.yaml"
    path.write_text(PROBES[name], encoding="utf-8")
    found = verdicts(path)
    assert found is not None, name
    accepted, valid = found
    assert accepted == valid, f"{name}: validate {'accepts' if accepted else 'refuses'}"


def test_probes_cover_both_answers(tmp_path):
    """The probes are not all on one side: these are the ones both accept."""
    accepted = set()
    for name, text in PROBES.items():
        path = tmp_path / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        found = verdicts(path)
        if found is not None and found[0]:
            accepted.add(name)
    assert accepted == {
        "yes-plain",
        "yes-quoted",
        "founded-year",
        "founded-year-float",
        "founded-month",
        "number",
        "number-float-whole",
        "quoted-integer-text",
        "id-quoted-digits",
        "date-quoted",
        "answer-dont-know",
        "condition-question",
        "condition-stage",
        "condition-dimension",
        "condition-null-subject",
        "text-languages",
    }

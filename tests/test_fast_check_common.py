"""The common answers, checked in one pass, are only ever said "surely valid" where the
generated validator and pydantic agree.

:func:`commkit.model.fast_check.surely_valid` checks an answers file's ``answers:`` of the
common forms itself and shows the generated validator the rest of the file only. Compared,
on generated and mutated answers data, with the generated validator over the whole file (the
way every file took before) and with the pydantic model; and on every example and generated
answers file, which must take the one-pass way.
"""

from __future__ import annotations

import copy
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from commkit.model import fast_check, kind_class, line_yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

HEADER: dict[str, Any] = {
    "kind": "answers",
    "version": "1",
    "checklist": {"id": "self-identification", "version": "1.1"},
    "community": {"name": "Agro Club 1", "slug": "agro-club-1"},
    "date": dt.date(2026, 8, 11),
    "language": "en",
}


def generated_way(data: Any) -> bool:
    """The generated validator over the whole file, as every file was checked before."""
    try:
        fast_check._validator("answers")(fast_check._plain(data, set()), fast_check._FORMATS)
    except Exception:
        return False
    return True


def pydantic_accepts(data: Any) -> bool:
    try:
        kind_class("answers").model_validate(copy.deepcopy(data))
    except ValueError:  # pydantic's ValidationError is one
        return False
    return True


def one_pass(data: dict[str, Any]) -> bool:
    """Whether the answers took the one-pass way (all of the common forms)."""
    return fast_check._common_answers(data.get("answers"), {id(data)})


TEXT = st.sampled_from(["x", "", "owners", "да", "a\nb", "x" * 2001, "2026-01-01", "yes"])
SCALAR = st.one_of(
    TEXT,
    st.booleans(),
    st.sampled_from([0, 1, -5, 55, 2**63 - 1, 2**63, -(2**63), 10**30]),
    st.sampled_from([0.5, 4.0, -0.0, 1e308, float("inf"), float("nan"), 2.0**63]),
    st.sampled_from([None, dt.date(2020, 1, 1), dt.datetime(2020, 1, 1, 3, 4), b"x", (1,)]),
)
LIST = st.lists(st.one_of(TEXT, TEXT, SCALAR), max_size=3)
TEXT_MAP = st.dictionaries(st.sampled_from(["en", "ru", "EN", "e", 1]), TEXT, max_size=2)
ENTRY = st.dictionaries(
    st.sampled_from(["value", "value", "status", "note", "extra", 1]),
    st.one_of(
        st.sampled_from(["answered", "dont_know", "not_applicable", "unanswered", "Answered"]),
        SCALAR,
        LIST,
        TEXT_MAP,
    ),
    max_size=3,
)
IDS = st.one_of(
    st.sampled_from(["purpose.goals", "membership.members", "q1", "a_b-c.d", "0x"]),
    st.sampled_from(["Purpose", "-q", ".q", "q q", "q\n", "q" * 64, "q" * 65, "", 1, None]),
)
ANSWERS = st.dictionaries(IDS, st.one_of(SCALAR, LIST, ENTRY, ENTRY), max_size=6)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers=ANSWERS, drop=st.sampled_from([None, "date", "language", "community"]))
def test_surely_valid_only_where_the_generated_way_and_pydantic_agree(
    answers: dict[Any, Any], drop: str | None
) -> None:
    data = {**copy.deepcopy(HEADER), "answers": answers}
    if drop is not None:
        del data[drop]
    if fast_check.surely_valid("answers", data):
        assert generated_way(data), data
        assert pydantic_accepts(data), data
    elif one_pass(data):  # the answers are common: only the rest of the file can refuse
        assert not generated_way(data), data


COMMON = st.dictionaries(
    st.sampled_from(["purpose.goals", "membership.members", "q1", "a_b-c.d"]),
    st.one_of(
        st.sampled_from(["x", "owners", 0, 55, True, False, 0.5]),
        st.lists(st.sampled_from(["owners", "experts"]), max_size=3),
        st.fixed_dictionaries({"status": st.sampled_from(["dont_know", "not_applicable"])}),
        st.fixed_dictionaries(
            {"value": st.sampled_from(["x", 3, True])},
            optional={"note": st.sampled_from(["n", "заметка"]), "status": st.just("answered")},
        ),
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=50, deadline=None)
@given(answers=COMMON)
def test_common_answers_take_the_one_pass_way_and_are_surely_valid(
    answers: dict[str, Any],
) -> None:
    data = {**copy.deepcopy(HEADER), "answers": answers}
    assert one_pass(data)
    assert fast_check.surely_valid("answers", data)
    assert generated_way(data)
    assert pydantic_accepts(data)


_GONE = "(gone)"
HEADER_FIELDS: dict[str, list[Any]] = {
    "kind": ["assessment", "Answers", 1, None],
    "version": [1, "1.0", " 1", "2", "1 ", 1.0, True, None],
    "checklist": [
        {"id": "Bad Id", "version": "1"},
        {"id": "x", "version": 1},
        {"id": "x"},
        {"id": "x", "version": "1", "hash": None},
        {"id": "x", "version": "1", "extra": 1},
        {"id": "x" * 65, "version": "1"},
        "self-identification",
        None,
    ],
    "community": [
        {"name": "A"},
        {"name": ""},
        {"name": "x" * 200, "slug": "a"},
        {"name": "x" * 201},
        {"name": {"en": "A"}},
        {"name": "A", "slug": "Bad"},
        {"name": "A", "slug": None},
        {"name": "A", "region": "R"},
        {"slug": "a"},
        {"name": 1},
        {"name": "A", 1: "x"},
        [],
    ],
    "date": [dt.datetime(2026, 1, 1, 1, 1), "2026-08-11", "2026-02-30", None, 20260811],
    "language": ["ru", "EN", "e", "eng", "", "e\n", 1, None],
}
HEADERS = st.fixed_dictionaries(
    {  # each field as it should be about four times in five, else odd or gone
        **{
            name: st.sampled_from([HEADER[name]] * 4 * (len(odd) + 1) + [*odd, _GONE])
            for name, odd in HEADER_FIELDS.items()
        },
        "extra": st.sampled_from([_GONE] * 9 + [1]),
        1: st.sampled_from([_GONE] * 9 + ["x"]),
    }
)


@settings(max_examples=100, deadline=None)
@given(header=HEADERS, answers=COMMON)
def test_a_header_is_surely_valid_only_where_the_generated_way_and_pydantic_agree(
    header: dict[Any, Any], answers: dict[str, Any]
) -> None:
    data = {k: copy.deepcopy(v) for k, v in header.items() if v is not _GONE}
    data["answers"] = answers
    assert one_pass(data)
    if fast_check.surely_valid("answers", data):
        assert generated_way(data), data
        assert pydantic_accepts(data), data
    if fast_check._common_header(data, {id(data)}):
        assert fast_check.surely_valid("answers", data), data
        event("the common header")


def test_the_rest_of_the_file_is_still_checked() -> None:
    answers = {"purpose.goals": True, "membership.members": 34}
    good = {**copy.deepcopy(HEADER), "answers": answers}
    assert fast_check.surely_valid("answers", good)
    for change in (
        {"date": "2020-02-30"},
        {"language": "english"},
        {"kind": "assessment"},
        {"extra": 1},
        {"community": {"slug": "x"}},
        {"checklist": {"id": "Bad Id", "version": "1"}},
        {"version": dt.date(2020, 1, 1)},
    ):
        changed = {**copy.deepcopy(good), **change}
        assert one_pass(changed)
        assert not fast_check.surely_valid("answers", changed), change
    shared = {"name": "A", "slug": "a"}  # a YAML alias: one object twice
    aliased = {**copy.deepcopy(good), "community": shared}
    aliased["answers"] = {"q1": {"value": "x", "note": "n"}}
    assert fast_check.surely_valid("answers", aliased)
    aliased["answers"]["q2"] = aliased["answers"]["q1"]
    assert not fast_check.surely_valid("answers", aliased)
    listed = ["owners"]
    assert not fast_check.surely_valid("answers", {**good, "answers": {"a": listed, "b": listed}})
    assert not fast_check.surely_valid("answers", {**good, 1: "x"})


def test_every_generated_and_example_answers_file_takes_the_one_pass_way() -> None:
    import random

    import generate
    import yaml

    from commkit import api

    checklist, rng = api.load_content().checklist, random.Random(19)
    texts = [
        yaml.safe_dump(
            generate.answers_doc(checklist, rng, f"c-{i}", f"C {i}", dt.date(2026, 1, 1 + i)),
            allow_unicode=True,
            sort_keys=False,
        )
        for i in range(20)
    ]
    examples = sorted((ROOT / "examples").rglob("answers/*.yaml"))
    assert examples
    for name, text in [*enumerate(texts), *((p, p.read_text(encoding="utf-8")) for p in examples)]:
        try:
            data = line_yaml.load(text)
        except line_yaml.Refused:
            from commkit.model import fast_yaml

            data = fast_yaml.load(text)
        assert fast_check.surely_valid("answers", data), name
        assert generated_way(data), name
        assert pydantic_accepts(data), name
        if isinstance(name, int):  # a generated file, as the batch's
            assert one_pass(data), name


def test_the_common_checks_limits_are_the_schemas() -> None:
    """The one-pass check restates a few limits of the answers schema (a note's length, a
    name's, the id and language patterns): a schema changed without them fails here, before
    the check could call surely valid what the schema now refuses."""
    from commkit.model.json_schema import schemas

    answers = schemas()["answers"]
    defs, props = answers["$defs"], answers["properties"]
    entry = props["answers"]["additionalProperties"]["anyOf"][2]["properties"]
    note = entry["note"]["anyOf"][0]
    assert note["maxLength"] == fast_check._ENTRY_NOTE_MAX
    assert sorted(entry["status"]["enum"]) == sorted(["answered", *fast_check._NOT_ANSWERED])
    name = defs["CommunityRef"]["properties"]["name"]["anyOf"][0]
    assert (name["minLength"], name["maxLength"]) == (1, fast_check._NAME_MAX)
    id_pattern = f"^{fast_check._ID.pattern}$(?!\\n)"
    assert props["answers"]["propertyNames"]["pattern"] == id_pattern
    assert defs["ChecklistRef"]["properties"]["id"]["pattern"] == id_pattern
    assert defs["CommunityRef"]["properties"]["slug"]["anyOf"][0]["pattern"] == id_pattern
    assert props["language"]["pattern"] == f"^{fast_check._LANGUAGE.pattern}$"
    assert props["kind"]["const"] == "answers"

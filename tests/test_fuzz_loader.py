"""Fuzzing (hypothesis, bounded): the loader and the scoring raise only commkit's own errors.

- valid models generated from strategies round-trip: model -> YAML -> loader -> equal model;
- valid answers to the real checklist pass ``check_answers`` and score without an error;
- random mutations of valid files (byte flips, lost or doubled lines, stray keys, cut-off
  text) give a :class:`commkit.errors.CommkitError` or a valid model, never anything else.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from commkit.core.scoring import assess, check_answers, checklist_for
from commkit.errors import CommkitError
from commkit.model.answers import Answers
from commkit.model.checklist import Checklist, Question
from commkit.model.loader import decode_bytes, load_document, parse_text, validate_document
from commkit.model.pack import ContentPack, load_pack
from commkit.model.workspace import Community, Region

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = [
    ROOT / "examples" / "perm-krai" / "answers" / "business-mentor.yaml",
    ROOT / "examples" / "perm-krai" / "communities" / "business-mentor.yaml",
    ROOT / "tests" / "fixtures" / "plan" / "pack" / "methodology" / "roadmap.yaml",
    ROOT / "tests" / "fixtures" / "plan" / "pack" / "checklists" / "mini.yaml",
    ROOT / "tests" / "fixtures" / "plan" / "pack" / "methodology" / "seminars" / "seminar-a.yaml",
    ROOT / "tests" / "fixtures" / "region" / "ws" / "region.yaml",
]
FAST = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@cache
def the_pack() -> ContentPack:
    return load_pack()


# ---------------------------------------------------------------- strategies

# names people type: latin, Cyrillic, Markdown and HTML specials, quotes, emoji, a tab
ALPHABET = st.sampled_from(
    list("abcxyzABC019 -_.,:;!?'\"|#*<>&[]{}()/\\@%`~")
    + list("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЯ")
    + ["«", "»", "—", "№", "\t", "😀", "\u00a0", "é"]
)
NAMES = st.text(ALPHABET, min_size=1, max_size=60).filter(lambda s: s.strip() != "")
NOTES = st.text(ALPHABET | st.just("\n"), max_size=120)
IDS = st.from_regex(r"[a-z0-9][a-z0-9_-]{0,20}", fullmatch=True)
COUNTS = st.none() | st.integers(0, 10**7)
DATES = st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31))


@st.composite
def communities(draw: Any) -> Community:
    snapshots = [
        {
            "date": draw(DATES),
            "source": draw(st.sampled_from(["article", "illustrative", "reported"])),
            "members": draw(COUNTS),
            "events": draw(COUNTS),
            "projects": draw(COUNTS),
            "note": draw(st.none() | NOTES),
        }
        for _ in range(draw(st.integers(0, 3)))
    ]
    data = {
        "kind": "community",
        "version": "1",
        "slug": draw(IDS),
        "name": draw(NAMES),
        "description": draw(st.none() | NAMES | st.fixed_dictionaries({"en": NAMES, "ru": NAMES})),
        "leaders": [{"name": n} for n in draw(st.lists(NAMES, max_size=3))],
        "format": draw(st.sampled_from(["online", "offline", "mixed"])),
        "platform": draw(st.none() | NAMES),
        "formalised": draw(st.booleans()),
        "founded": draw(st.none() | st.sampled_from(["2015", "2020-08", "2020-08-15"])),
        "topics": draw(st.lists(NAMES, max_size=3)),
        "snapshots": snapshots,
    }
    return Community.model_validate(data)


@st.composite
def regions(draw: Any) -> Region:
    actors = draw(st.lists(IDS, max_size=4, unique=True))
    data = {
        "kind": "region",
        "version": "1",
        "name": draw(NAMES),
        "country": draw(st.none() | NAMES),
        "language": draw(st.sampled_from(["en", "ru"])),
        "team": [{"name": draw(NAMES), "role": "community-manager"}],
        "ecosystem": {
            "actors": [
                {"id": a, "name": draw(NAMES), "sector": "public", "status": "to-be"}
                for a in actors
            ],
        },
    }
    return Region.model_validate(data)


def _value(draw: Any, q: Question) -> Any:
    if q.type == "yes_no":
        return draw(st.sampled_from(["yes", "no", True, False]))
    if q.type == "scale":
        spec = q.scale_spec
        return draw(st.integers(spec.min, spec.max))
    if q.type == "number":
        assert q.number is not None
        top = int(q.number.max) if q.number.max is not None else 10**6
        return draw(st.integers(int(q.number.min), top))
    ids = [o.id for o in q.options]
    if q.type == "choice":
        return draw(st.sampled_from(ids))
    if q.type == "multi":  # a valid tick list: an exclusive option ("none") alone, else 1+ ticks
        alone = [o.id for o in q.options if o.exclusive]
        ticks = [o.id for o in q.options if not o.exclusive]
        several = st.lists(st.sampled_from(ticks), unique=True, min_size=1)
        return draw(st.one_of(several, *(st.just([a]) for a in alone)))
    return draw(NOTES)


@st.composite
def answers_for(draw: Any, checklist: Checklist) -> Answers:
    given_answers: dict[str, Any] = {}
    for q in checklist.questions:
        how = draw(st.sampled_from(["value", "value", "value", "note", "dont_know", "n/a"]))
        if how == "value":
            given_answers[q.id] = _value(draw, q)
        elif how == "note":
            given_answers[q.id] = {"value": _value(draw, q), "note": draw(NOTES)}
        elif how == "dont_know":
            given_answers[q.id] = {"status": "dont_know"}
        else:
            given_answers[q.id] = {"status": "not_applicable", "note": draw(NOTES)}
    data = {
        "kind": "answers",
        "version": "1",
        "checklist": {"id": checklist.id, "version": checklist.version},
        "community": {"name": draw(NAMES), "slug": draw(st.none() | IDS)},
        "date": draw(DATES),
        "language": draw(st.sampled_from(["en", "ru"])),
        "answers": given_answers,
    }
    return Answers.model_validate(data)


def round_trip(model: Any, tmp: Path) -> Any:
    text = yaml.safe_dump(model.model_dump(mode="json"), allow_unicode=True, sort_keys=False)
    path = tmp / "model.yaml"
    return validate_document(parse_text(text, path), type(model))


# ---------------------------------------------------------------- round trips


@FAST
@given(community=communities())
def test_community_round_trips(community: Community, tmp_path: Path) -> None:
    assert round_trip(community, tmp_path) == community


@FAST
@given(region=regions())
def test_region_round_trips(region: Region, tmp_path: Path) -> None:
    assert round_trip(region, tmp_path) == region


@FAST
@given(data=st.data())
def test_answers_round_trip_and_score(data: Any, tmp_path: Path) -> None:
    pack = the_pack()
    answers = data.draw(answers_for(pack.checklist))
    back = round_trip(answers, tmp_path)
    assert back == answers
    problems = [d for d in check_answers(checklist_for(pack, back), back) if d.severity == "error"]
    assert problems == [], [d.format() for d in problems]
    assessment = assess(pack, back, today=dt.date(2026, 1, 1))
    assert 0 <= assessment.result.overall <= 100
    assert round_trip(assessment, tmp_path) == assessment


# ---------------------------------------------------------------- mutations


def mutate(raw: bytes, data: Any) -> bytes:
    lines = raw.split(b"\n")
    for _ in range(data.draw(st.integers(1, 3), label="how many")):
        how = data.draw(
            st.sampled_from(["flip", "delete", "double", "insert-key", "cut", "splice", "indent"])
        )
        blob = bytearray(b"\n".join(lines))
        if how == "flip" and blob:
            at = data.draw(st.integers(0, len(blob) - 1))
            blob[at] = data.draw(st.integers(0, 255))
            lines = bytes(blob).split(b"\n")
        elif how == "delete" and len(lines) > 1:
            del lines[data.draw(st.integers(0, len(lines) - 1))]
        elif how == "double":
            at = data.draw(st.integers(0, len(lines) - 1))
            lines.insert(at, lines[at])
        elif how == "insert-key":
            at = data.draw(st.integers(0, len(lines)))
            indent = b" " * data.draw(st.sampled_from([0, 2, 4]))
            key = data.draw(st.sampled_from([b"kind", b"id", b"zzz", b"answers", b"- x", b"<<"]))
            value = data.draw(
                st.sampled_from([b"1", b"[]", b"{}", b"~", b"&a x", b"*a", b"!!binary AA=="])
            )
            lines.insert(at, indent + key + b": " + value)
        elif how == "cut":
            blob = b"\n".join(lines)
            lines = blob[: data.draw(st.integers(0, len(blob)))].split(b"\n")
        elif how == "splice":
            junk = data.draw(st.sampled_from([b"\t", b"\x00", b"\xff\xfe", b"'", b'"', b"{", b"]"]))
            at = data.draw(st.integers(0, len(lines) - 1))
            lines[at] = lines[at] + junk
        elif how == "indent":
            at = data.draw(st.integers(0, len(lines) - 1))
            lines[at] = b"   " + lines[at]
    return b"\n".join(lines)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(sample=st.sampled_from(SAMPLES), data=st.data())
def test_mutated_files_give_only_commkit_errors(sample: Path, data: Any) -> None:
    pack = the_pack()
    raw = mutate(sample.read_bytes(), data)
    try:
        doc = parse_text(decode_bytes(raw, sample), sample)
        model = load_document(doc)
        if isinstance(model, Answers):
            check_answers(checklist_for(pack, model), model, doc)
            assess(pack, model, today=dt.date(2026, 1, 1))
    except CommkitError:
        return


TOKENS = ["\n", "  ", ": ", "- ", "kind: ", "version: ", "&a ", "*a", "!!", "? ", "{", "'"]


@FAST
@given(text=st.lists(ALPHABET | st.sampled_from(TOKENS), max_size=80).map("".join))
def test_random_text_gives_only_commkit_errors(text: str) -> None:
    assume(text.strip())
    with contextlib.suppress(CommkitError):
        load_document(parse_text(text, Path("random.yaml")))


# ---------------------------------------------------------------- alias expansion counted ahead

SCALARS = ["x", "y", "1", "1.0", "true", "yes", "~", "2020-01-01", "2020-13-45", "'q'"]
SCALARS += ["!!binary aGk=", "!odd z", "!!str 1", "0x1F", ".inf", "!!seq s"]
KEYS = ["a", "b", "1", "1.0", "01", "true", "on", "~", "null", "<<", "2020-01-01", "2020-13-45"]
KEYS += ["!!binary aGk=", "? [k]", "? {k: 1}", "!odd a"]


def flow_values(aliases: list[str]) -> Any:
    """Flow values whose leaves are scalars or the ``aliases``, and keys too."""
    leaves = st.sampled_from(SCALARS + aliases * 3)
    keys = st.sampled_from(KEYS + aliases)

    def collections(inner: Any) -> Any:
        items = st.lists(inner, max_size=5).map(lambda xs: "[" + ", ".join(xs) + "]")
        pairs = st.lists(st.tuples(keys, inner), max_size=4)
        return items | pairs.map(lambda kv: "{" + ", ".join(f"{k} : {v}" for k, v in kv) + "}")

    return st.recursive(leaves, collections, max_leaves=10)


ENTRIES = 6
# entry i may hold aliases of the entries above it, or of itself too (a cycle)
VALUES = {
    (i, own): flow_values([f"*a{j}" for j in range(i + own)])
    for i in range(ENTRIES)
    for own in (0, 1)
}


@st.composite
def aliased_documents(draw: Any) -> str:
    """Top-level entries ``dN: &aN VALUE`` whose flow values hold aliases of the entries
    above (now and then of their own: a cycle), keys written twice, merge keys, odd tags."""
    lines = []
    for i in range(draw(st.integers(1, ENTRIES))):
        value = draw(VALUES[i, draw(st.sampled_from([0, 0, 0, 1]))])
        tag = draw(st.sampled_from(["", "", "", "!!map ", "!odd "]))
        lines.append(f"{draw(st.sampled_from(['d', f'd{i}']))}: &a{i} {tag}{value}")
    return "\n".join(lines) + "\n"


@settings(max_examples=100, deadline=None)
@given(text=aliased_documents(), limit=st.integers(1, 400), depth=st.integers(1, 8))
def test_values_counted_ahead_are_the_values_built(text: str, limit: int, depth: int) -> None:
    """Under the bound the count ahead is the number of values the builder builds; over it,
    the refusal ahead is the builder's own: the same message at the same node (too many
    values, or nesting too deep before that). Small bounds, so that both are met."""
    from unittest import mock

    from commkit.model import loader

    with (
        mock.patch.object(loader, "MAX_NODES", limit),
        mock.patch.object(loader, "MAX_DEPTH", depth),
    ):
        try:
            node = loader._Loader(text).get_single_node()
        except yaml.YAMLError:
            assume(False)
        expansion = loader.expansion_of(node)
        try:
            loader.refuse_expansion(node, loader._Builder(Path("f.yaml"), loader._Loader("")))
            ahead = None
        except loader._Abort as abort:
            ahead = (abort.pos, abort.message)
        builder = loader._Builder(Path("f.yaml"), loader._Loader(text))
        try:
            builder.build(node, (), 0)
            built = None
        except loader._Abort as abort:
            built = (abort.pos, abort.message)
    if expansion.values <= limit:
        assert ahead is None
        assert built is None or "nesting deeper" in built[1]
        if built is None:
            assert builder.count == expansion.values
    else:
        assert ahead is not None
        assert ahead == built

"""The fast YAML writer writes exactly the bytes PyYAML's SafeDumper writes, or steps aside."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from commkit import api
from commkit.render import plain_yaml
from commkit.render.report import to_yaml

EXAMPLES = sorted((Path(__file__).parent.parent / "examples/perm-krai/answers").glob("*.yaml"))


def pyyaml(data: object) -> str:
    return yaml.dump(
        data,
        Dumper=yaml.SafeDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )


def test_example_answers_files_are_written_byte_for_byte_as_pyyaml_writes_them() -> None:
    assert EXAMPLES
    for path in EXAMPLES:
        answers = api.load_answers(path)
        data = yaml.safe_load(to_yaml(answers))
        fast = plain_yaml.dump(data)
        assert fast is not None, path
        assert fast == pyyaml(data), path
        assert to_yaml(answers) == fast


def test_example_assessments_with_lists_of_mappings_are_written_as_pyyaml_writes_them() -> None:
    saved = sorted(EXAMPLES[0].parent.parent.glob("assessments/*/*.yaml"))
    assert saved
    for path in saved:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert isinstance(data["result"]["dimensions"][0], dict)
        fast = plain_yaml.dump(data)
        assert fast is not None, path
        assert fast == pyyaml(data), path


# Words that PyYAML quotes or folds for different reasons: booleans, nulls, numbers,
# dates, indicators, quotes, runs of spaces, Cyrillic, astral characters.
_PIECES = st.sampled_from(
    [
        "a", "word", "Перми", "ёж", "😀", "yes", "No", "null", "~", "12", "1.5", "1e3",
        "2020-10-15", "-", "- x", "?", ":", ": ", "a: b", "#", " #c", "'", "\"", "[", "{",
        "&", "*", "!", "|", ">", "%", "@", "`", "---", "...", ",", " ", "  ", "\u00a0",
    ]
)  # fmt: skip
_TEXT = st.lists(_PIECES, max_size=60).map("".join) | st.text(max_size=150)
_KEY = st.text(min_size=1, max_size=20) | st.sampled_from(["purpose.common-goal", "yes", "1"])
_SCALAR = (
    _TEXT
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.booleans()
)
_VALUE = st.recursive(
    _SCALAR | st.lists(_SCALAR, max_size=4),
    lambda inner: (
        st.dictionaries(_KEY, inner, max_size=4)
        | st.lists(st.dictionaries(_KEY, inner, min_size=1, max_size=3), max_size=3)
    ),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(_KEY, _VALUE, min_size=1, max_size=6))
def test_any_plain_data_is_pyyamls_bytes_or_left_to_pyyaml(data: dict[str, object]) -> None:
    fast = plain_yaml.dump(data)
    if fast is not None:
        assert fast == pyyaml(data)


def test_lines_and_items_written_before_are_told_apart_by_type_and_sign() -> None:
    # a batch writes the same lines and list items file after file, from memory after the
    # first: 1, True and 1.0 (equal in Python) and 0.0 and -0.0 must each keep their bytes
    values = [1, True, 1.0, 0.0, -0.0, 0, False, "1", 2.5, -2.5]
    for _ in range(2):
        for v in values:
            data = {"score": v, "items": [{"q": "x", "v": v}, {"q": v}], "ticks": [{"v": v}]}
            assert plain_yaml.dump(data) == pyyaml(data), v
            for width in (40, 100):
                long = {"items": [{"note": "word " * 30, "v": v}]}
                assert plain_yaml.dump(long, width=width) == yaml.dump(
                    long,
                    Dumper=yaml.SafeDumper,
                    sort_keys=False,
                    allow_unicode=True,
                    default_flow_style=False,
                    width=width,
                ), (v, width)


def test_what_it_does_not_handle_goes_back_to_pyyaml() -> None:
    for data in (
        {"note": "two\nlines"},
        {"note": "a\ttab"},
        {"items": [[1]]},
        {"items": [{}]},
        {"": 1},
        {"k" * 130: 1},
    ):
        assert plain_yaml.dump(data) is None, data
    shared = ["x"]
    assert plain_yaml.dump({"a": shared, "b": shared}) is None  # PyYAML writes an alias


def test_long_notes_fold_where_pyyaml_folds_them() -> None:
    note = "The club meets every week and invites officials: " + "word " * 40 + "end"
    quoted = "'" + note  # must be quoted, and folds inside the quotes
    for data in (
        {"answers": {"q.id": {"value": "x", "note": note}}},
        {"answers": {"q.id": {"note": quoted}}},
        {"answers": {"q.id": {"note": " " + note + " "}}},  # quoted: spaces at both ends
        {"answers": {"q.id": {"note": "x" * 120 + " " + note + " "}}},
        {"answers": {"q.id": {"note": " " + "x" * 120 + " "}}},  # end spaces never fold
        {"k" * 110: " " + note},  # ...even when the key alone passes the width
        {"answers": {"q.id": [note, "no", quoted]}},
    ):
        fast = plain_yaml.dump(data)
        assert fast is not None and fast == pyyaml(data)
    folded = plain_yaml.dump({"answers": {"q.id": {"value": "x", "note": note}}})
    assert folded is not None and "\n      word" in folded


_LOOKALIKES = st.from_regex(
    r"[-+]?[0-9_.]{0,6}(e[-+]?[0-9]{1,2})?|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ][0-9:.]{1,12}Z?)?"
    r"|0[box][0-9a-fA-F_]{1,4}|[0-9:]{1,8}|\.?(inf|Inf|nan|NaN|NAN)|[yYnNtTfFoO][a-zA-Z]{0,4}"
    r"|~|<<|=|[!&*]|null|Null",
    fullmatch=True,
)


@settings(max_examples=400, deadline=None)
@given(_LOOKALIKES | _TEXT)
def test_a_strings_type_is_read_as_pyyaml_reads_it(text: str) -> None:
    """Which strings need quotes (``yes``, ``1_000``, ``2020-10-15``, ``.inf``...) is decided
    by the writer's own copy of PyYAML's rules: they must agree."""
    resolver = yaml.resolver.Resolver()
    assert plain_yaml._implicit_tag(text) == resolver.resolve(yaml.ScalarNode, text, (True, False))


def test_every_word_yaml_reads_as_a_boolean_or_null_is_quoted() -> None:
    words = "yes Yes YES no No NO true True TRUE false False FALSE on On ON off Off OFF"
    for word in [*words.split(), "~", "null", "Null", "NULL", "", "<<", "=", "1_000", ".5"]:
        fast = plain_yaml.dump({"k": word})
        assert fast == pyyaml({"k": word}) and fast != f"k: {word}\n", word
    for word in ("yess", "onn", "nil", "1_000x", "2020-10-15x"):
        assert plain_yaml.dump({"k": word}) == f"k: {word}\n" == pyyaml({"k": word})


@settings(max_examples=200, deadline=None)
@given(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=3))
def test_a_scalar_after_a_key_is_pyyamls_or_left_to_pyyaml(value: object) -> None:
    said = plain_yaml.scalar(value)
    if said is not None:  # numbers, booleans, null (not NaN nor the infinities: PyYAML's)
        assert f"score: {said}\n" == yaml.safe_dump({"score": value}, allow_unicode=True)
    else:
        assert type(value) is str or value != value or value in (float("inf"), float("-inf"))

"""libyaml writes a document only when its bytes equal PyYAML's own (render/yaml_emit.py).

Random documents made of the characters and shapes commkit's files hold (ids, Russian and
English text, punctuation YAML cares about, long lines that fold, quotes, numbers): whenever
``same_in_both`` lets libyaml write one, the text must be byte for byte PyYAML's. The
documents it refuses (line breaks, tabs, emoji, odd keys) must still come out as PyYAML's.
"""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commkit.render.yaml_emit import OPTIONS, dump_yaml, same_in_both

LETTERS = "abcxyz  ЖяПё—«»\u202f\xa0:#-?&*!|>%@`,[]{}'\"\\.=~/+;<"
AWKWARD = "\n\t\r\x85\u2028\ufeff😀\x07"
SPECIAL = ["null", "yes", "No", "~", "1.0", "2026-01-01", "", " ", "- a", "? x", "a: b", "#x"]


def long_text(alphabet: str) -> st.SearchStrategy[str]:
    """Words of ``alphabet`` joined by spaces, long enough to be folded at 100 columns."""
    words = st.text(alphabet=alphabet, min_size=1, max_size=12)
    return st.lists(words, min_size=8, max_size=40).map(" ".join)


texts = st.one_of(
    st.sampled_from(SPECIAL),
    st.text(alphabet=LETTERS, max_size=260),
    long_text(LETTERS),
    st.sampled_from(AWKWARD).flatmap(lambda c: long_text(LETTERS + c)),  # one awkward kind
    st.text(max_size=40),
)
scalars = st.one_of(texts, st.integers(), st.floats(allow_nan=False), st.booleans(), st.none())
keys = st.one_of(st.from_regex(r"[a-z][a-z0-9.-]{0,30}", fullmatch=True), texts)
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(keys, inner, min_size=1, max_size=4)
    ),
    max_leaves=12,
)


def python_yaml(data: object) -> str:
    return yaml.dump(data, Dumper=yaml.SafeDumper, **OPTIONS)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_libyaml_writes_a_text_only_as_pyyaml_writes_it(s: str) -> None:
    data = {"key": s, "list": [s, {"deeper": s}]}
    assert dump_yaml(data) == python_yaml(data)
    if same_in_both(data):
        assert yaml.dump(data, Dumper=yaml.CSafeDumper, **OPTIONS) == python_yaml(data)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(keys, documents, min_size=1, max_size=5))
def test_libyaml_writes_a_document_only_as_pyyaml_writes_it(data: dict[str, object]) -> None:
    assert dump_yaml(data) == python_yaml(data)
    if same_in_both(data):
        assert yaml.dump(data, Dumper=yaml.CSafeDumper, **OPTIONS) == python_yaml(data)


def test_the_corners_where_the_emitters_differ_go_to_pyyaml() -> None:
    long_escaped = {"note": ("a\tb " * 40).strip()}
    emoji = {"name": "Клуб 😀"}
    long_key = {"k" * 130: 1}
    for data in (long_escaped, emoji, long_key, {"": 1}):
        assert not same_in_both(data)
        assert dump_yaml(data) == python_yaml(data)
    # at least one of them really differs under libyaml, or this test proves nothing
    assert any(
        yaml.dump(d, Dumper=yaml.CSafeDumper, **OPTIONS) != python_yaml(d)
        for d in (long_escaped, emoji, long_key)
    )


def test_an_assessment_of_plain_text_goes_to_libyaml() -> None:
    data = {"kind": "assessment", "community": {"name": "Клуб «Кама» | #1"}, "answers": {"q": 4}}
    assert same_in_both(data)

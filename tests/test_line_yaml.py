"""The line-by-line reader gives exactly PyYAML's (CSafeLoader's) data, or refuses."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commkit.model import fast_yaml, line_yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))


def c_loaded(text: str) -> Any:
    return yaml.load(text, Loader=yaml.CSafeLoader)


def same(text: str) -> Any:
    """``text`` read both ways: the same data, the same types (repr tells 1 from True)."""
    want = c_loaded(text)
    for _ in range(2):  # the second time from what was remembered
        got = line_yaml.load(text)
        assert repr(got) == repr(want)
    return got


def test_the_resolvers_are_pyyaml_s_own() -> None:
    ours: dict[str, list[tuple[str, str, int]]] = {}
    for tag, pattern, flags, firsts in line_yaml.IMPLICIT_RESOLVERS:
        for first in firsts:
            ours.setdefault(first, []).append((tag, pattern, flags))
    theirs = {
        first: [(tag, regexp.pattern, regexp.flags) for tag, regexp in resolvers]
        for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
    }
    assert ours == theirs


SCALARS_TO_RESOLVE = [
    *("yes", "Yes", "YES", "yEs", "y", "Y", "n", "NO", "nO", "true", "tRUE", "on", "ON", "oN"),
    *("off", "Off", "OFF", "oFF", "o", "f", "t", "null", "Null", "NULL", "nULL", "nil", "~"),
    *("0", "00", "007", "08", "0_7", "1", "123", "1_000", "+1", "-0", "0x_1F", "0b1", "1:61"),
    *("\u0663", "1\u0663", ".5", "1.", "1.5e+3", "1e3", "-.inf", ".NaN", ".Nan", "<", "<<<"),
    *("2026-01-31", "2026-1-31", "9999-12-31", "=", "==", "-", "+", ".", "._", "0x", "word"),
]


def test_plain_scalars_resolve_as_pyyaml_resolves_them() -> None:
    refused = []
    for scalar in SCALARS_TO_RESOLVE:
        text = f"k: {scalar}\n"
        try:
            got = line_yaml.load(text)
        except line_yaml.Refused:
            refused.append(scalar)
            continue
        assert repr(got) == repr(c_loaded(text)), scalar
    assert refused == [".NaN", "=", "-"]  # the NaN object, what PyYAML cannot make, a dash


ACCEPTED = [
    "kind: answers\nversion: '1'\nnested:\n  deeper:\n    deepest: x\n  back: 2\ntop: 3\n",
    "a: 'it''s'\nb: \"\\u00e9\\t\"\nd: ''\ne: \"\"\n",
    'c: "\\x41\\U0001F600\\\\\\"\\/\\N\\_\\0 \\e"\n',
    "a: key:value\nb: http://example.org/x?y=1#z\nc: a#b\nd: x, y] {z}\n",
    "- - x\n  - y\n- - - z\n-\n  - w\n- a: 1\n  b:\n  - c\n- -1\n",
    "a: -1\nb: +2\nc: 1e3\nd: 1.0e+3\ne: 0x1F\nf: 017\ng: 1_000\nh: 1:30\ni: 1:30.5\n",
    "a: .inf\nb: -.Inf\nd: 0.\ne: -0\nf: 0b101\ng: 0o17\nh: 6.8523015e+5\n",
    "a: yes\nb: No\nc: on\nd: OFF\ne: true\nf: 'yes'\ng: y\nh: n\ni: ~\nj: null\nk: NULL\n",
    "a: 2026-01-31\nb: '2026-01-31'\nc: 2026-1-31\nd: 20260131\n",
    "# a comment\n  # an indented comment\na: 1   \nb: x  # a comment after a value\n"
    "c:    # a comment after a key\n  d: 'q' # after a quoted value\n\n\ne:\n",
    "a:\nb: []\nc: {}\nd: [] # none\ne:\n-\n- ~\n",
    "2: x\nyes: y\n2.5: z\nnull: n\n2026-01-01: d\n-2: m\n",
    "имя: Клуб предпринимателей Прикамья\n«ключ»: значение\nemoji 😀: ok\n",
    "list:\n- a\n- b\nafter: 1\nmap:\n  - indented\n  - list\n",
    "  indented: root\n  second: 2\n",
    "a :  spaced\n'quoted key': 1\n\"dq key\": 2\n'k: colon': 3\n",
    "-   a: 1\n    b: 2\n- x\n",
    "a: b'c\nd: e\"f\ng: 'h' \ni: x -y\nj: -x\nk: a - b\n",
    "",
    "# only a comment\n\n",
    "a: [1, 'two', 3.0, [4, {five: 5}]]\nb: {en: Perm Krai, ru: 'Пермский край'}\n"
    'c: {a: {b: {c: []}}}\nd: [ yes , ~, -1, "q, r" ]  # a comment\ne: {"k": v, \'l\' : w}\n',
    "a: one\n  two\n   three\nb: yes\n  more\nc: 1\n  2\n",
    "- one\n  two\n- - three\n    four\n- k: five\n    six\n  l: seven\n",
    "a: 'one\n  two  \n\n\n   # three ''four''\n  '\nb: 'x''\n  y' # c\n",
    "- 'one\n  two'\n- k: 'three:\n    four'\n",
    "- [a, b]\n- [ ]\n- {k: v, n: 2026-01-31}\n- x: [it's, a b]\n",
]


@pytest.mark.parametrize("text", ACCEPTED)
def test_tricky_documents_read_as_pyyaml_reads_them(text: str) -> None:
    same(text)


REFUSED = [
    "a: [1,\n  2]\n",  # flow collections over several lines, or beyond the plainest
    "a: {b: 1,\n  c: 2}\n",
    "a: [a, ]\n",
    "a: [a, , b]\n",
    "a: {b}\n",
    "a: {b: }\n",
    "a: [b: c]\n",
    "a: {1: x}\n",
    "a: {yes: x}\n",
    "a: {x: 1, x: 2}\n",
    "a: {x: 1, 'x': 2}\n",
    "a: [a#b]\n",
    "a: [a:b]\n",
    "a: [1, 2] x\n",
    '"a: ["x" y]\n',
    "a: [[[[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]]\n",
    "a: [x\n",
    "a: &x 1\nb: 2\n",  # an anchor
    "a: 1\nb: *x\n",  # an alias
    "a: !!str 1\n",  # tags
    "a: !x y\n",
    "a: |\n  text\n",  # block scalars
    "a: >\n  text\n",
    "a: one\n\n  two\n",  # a plain scalar over lines with a blank or comment line between
    "a: one\n  # c\n  two\n",
    "a: one # c\n  two\n",
    "a: one\n  two: x\n",  # a line going on that reads otherwise
    "a: one\n  two # c\n",
    "a: one\n  - two\n",
    "a: one\n  two:\n",
    "a: 'one'\n  two\n",
    "a: [one]\n  two\n",
    "- one\n  'two'\n",
    "a: 2026-01-31\n  10:20:30\n",  # a timestamp once joined
    "a:\n  b: 'one\n  two'\n",  # quoted ones not indented under their key, or double-quoted
    "- a: 'one\n  two'\n",
    "a: '\n  two'\n",
    "a: 'one\n  two\n",
    "a: 'one\n  two' x\n",
    'a: "one\n  two"\n',
    'a: "one\\\n  two"\n',
    "? a\n: b\n",  # an explicit key
    "%YAML 1.1\n---\na: 1\n",  # a directive, document markers
    "---\na: 1\n",
    "a: 1\n...\n",
    "a: 1\n---\nb: 2\n",
    "a:\n\tb: 1\n",  # a tab
    "a: x\ty\n",
    "a: 1\na: 2\n",  # a key twice
    "1: a\n1.0: b\n",  # the same key read twice
    "1: a\n'1': b\n",  # the same key written twice
    "a: b: c\n",  # ': ' in a plain scalar
    "a: b:\n",
    "a: @x\n",  # a plain scalar starting with an indicator
    "a: %x\n",
    "a: `x\n",
    "a: ,x\n",
    "a: ]\n",
    "a: -\n",
    "a: - b\n",
    "a: ? b\n",
    "a: :b\n",
    "a: ?x\n",
    'a: "\\q"\n',  # escapes not handled or not valid
    'a: "\\x4"\n',
    'a: "\\ud800"\n',
    "a: 1\r\nb: 2\r\n",  # CR line ends
    "\ufeffa: 1\n",  # a byte-order mark
    "a: \x07\n",  # a character YAML does not allow
    "a: x\x85y\n",  # a line break other than \n
    "a: =\n",  # PyYAML's 'value' tag, which it cannot construct
    "<<: x\n",  # a merge key
    "a: 2026-01-31 10:20:30\n",  # a timestamp with a time
    "a: 2026-13-45\n",  # no such date: PyYAML raises
    "a: .nan\n",  # PyYAML's own NaN object, which is equal to itself in a dict
    ".nan: 1\n",
    "a: 0b_\n",  # an int to PyYAML's resolver that its constructor cannot make
    "plain scalar at the top\n",
    "- a\nb: 1\n",  # a list then a mapping at the same column
    "a: 1\n- b\n",
    "a:\n    b: 1\n  c: 2\n",  # a column that closes nothing
    "a: 1\n  b: 2\n",
    ": x\n",  # an empty key
    "a: 'x'y\n",  # more after a quoted scalar
    "k" * 1001 + ": long key\n",
]


@pytest.mark.parametrize("text", REFUSED)
def test_anything_in_doubt_is_refused(text: str) -> None:
    with pytest.raises(line_yaml.Refused):
        line_yaml.load(text)


def test_a_refused_document_still_reads_through_libyaml() -> None:
    text = "a: [1, 2]\nb: &x {c: 1}\nd: *x\n"
    assert fast_yaml.load(text) == c_loaded(text)
    with pytest.raises(ValueError):  # as PyYAML raises it
        fast_yaml.load("a: 2026-13-45\n")


KEYS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["yes", "no", "1", "1.0", "null", "~", "", "- x", "a: b", "#", "'", '"']),
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.dates(),
    st.text(max_size=40),
    st.sampled_from(["yes", "On", "0x1F", "017", "1_000", "1:30", ".inf", "~", "2026-13-45"]),
    st.sampled_from(["- x", "a: b", "a #b", " lead", "trail ", "it's", 'say "hi"', "\t", "é\n"]),
)
DATA = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=4)),
    max_leaves=12,
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.dictionaries(KEYS, DATA, max_size=5) | st.lists(DATA, max_size=4),
    unicode=st.booleans(),
    sort_keys=st.booleans(),
    width=st.sampled_from([20, 80, 10_000]),
    indent=st.sampled_from([2, 4]),
)
def test_what_pyyaml_writes_reads_the_same_or_is_refused(
    data: Any, unicode: bool, sort_keys: bool, width: int, indent: int
) -> None:
    text = yaml.safe_dump(
        data,
        default_flow_style=False,
        allow_unicode=unicode,
        sort_keys=sort_keys,
        width=width,
        indent=indent,
    )
    try:
        got = line_yaml.load(text)
    except line_yaml.Refused:
        return
    assert repr(got) == repr(c_loaded(text))


LINE = st.tuples(
    st.sampled_from(["", " ", "  ", "    "]),
    st.sampled_from(["", "- ", "- - ", "-", "-  "]),
    st.sampled_from(["", "a:", "b: ", "'c':", '"d" :', "1:", "yes:", "a b:", "e:f"]),
    st.sampled_from(
        ["", " ", "x", "'y'", '"z"', "[]", "{}", "1", "# c", "x # c", "a: b", "-", "[x]", "{k: v}"]
    ),
)


def flow_text(parts: tuple[str, list[tuple[str, str]], str, str]) -> str:
    opening, items, comma, pad = parts
    if opening == "[":
        return "[" + pad + comma.join(item for _, item in items) + pad + "]"
    return "{" + pad + comma.join(key + item for key, item in items) + pad + "}"


FLOW = st.recursive(
    st.sampled_from(
        ["a", "1", "'q'", '"d"', "a b", "yes", "-1", "a:b", "a#b", "", " ", "~", "x'y"]
    ),
    lambda inner: st.tuples(
        st.sampled_from(["[", "{"]),
        st.lists(
            st.tuples(st.sampled_from(["a: ", "'b': ", '"c" : ', "d:", "1: ", "yes: "]), inner),
            max_size=3,
            unique_by=lambda pair: pair[0],
        ),
        st.sampled_from([", ", ", ", ",", " , ", ",,"]),
        st.sampled_from(["", "", " "]),
    ).map(flow_text),
    max_leaves=8,
)


@settings(max_examples=150, deadline=None)
@given(FLOW, st.sampled_from(["k: ", "- ", "k:  "]), st.sampled_from(["", " # c", "x", " ]"]))
def test_any_flow_collection_it_accepts_reads_as_pyyaml_reads_it(
    flow: str, lead: str, tail: str
) -> None:
    text = f"{lead}{flow}{tail}\n"
    try:
        got = line_yaml.load(text)
    except line_yaml.Refused:
        return
    assert repr(got) == repr(c_loaded(text))


@settings(max_examples=200, deadline=None)
@given(st.lists(LINE, min_size=1, max_size=8))
def test_any_line_soup_it_accepts_reads_as_pyyaml_reads_it(lines: list[Any]) -> None:
    text = "".join("".join(parts) + "\n" for parts in lines)
    try:
        got = line_yaml.load(text)
    except line_yaml.Refused:
        return
    assert repr(got) == repr(c_loaded(text))  # nor does libyaml refuse what it accepts


def test_every_example_and_fixture_file_reads_the_same_or_is_refused() -> None:
    paths = [*ROOT.glob("examples/**/*.yaml"), *ROOT.glob("tests/fixtures/**/*.yaml")]
    assert len(paths) > 50
    accepted = 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        try:
            got = line_yaml.load(text)
        except line_yaml.Refused:
            continue
        accepted += 1
        assert repr(got) == repr(c_loaded(text)), path
    assert accepted > 0


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import generate

    out = tmp_path_factory.mktemp("generated")
    generate.generate(out, 10, assess=False)
    return out


def test_every_generated_answers_file_is_read_by_lines_the_same(generated: Path) -> None:
    answers = sorted((generated / "answers").glob("*.yaml"))
    assert len(answers) >= 10
    for path in answers:  # all of them accepted: the batch's files never need libyaml
        same(path.read_text(encoding="utf-8"))
    for path in sorted(generated.rglob("*.yaml")):  # the rest the same, or refused
        text = path.read_text(encoding="utf-8")
        try:
            got = line_yaml.load(text)
        except line_yaml.Refused:
            continue
        assert repr(got) == repr(c_loaded(text)), path


def test_a_plain_answers_file_is_read_without_importing_pyyaml(generated: Path) -> None:
    path = sorted((generated / "answers").glob("*.yaml"))[0]
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from commkit.api.warm_assess import _read\n"
        f"data = _read(Path({str(path)!r}))\n"
        "print(type(data).__name__, sorted(m for m in sys.modules if m.split('.')[0] == 'yaml'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=os.environ, check=True, capture_output=True, text=True
    )
    assert done.stdout.split() == ["dict", "[]"]


def test_dates_and_numbers_keep_their_types() -> None:
    got = same("d: 2026-01-31\ni: 12\nf: 1.5\nb: on\nn: ~\ns: '12'\n")
    assert got == {"d": dt.date(2026, 1, 31), "i": 12, "f": 1.5, "b": True, "n": None, "s": "12"}


def test_long_quoted_values_read_as_pyyaml_reads_them() -> None:
    """Quoted values of 100,000 characters, quotes and escapes among them (a line that
    long is read in one regular-expression match), and one left open: refused."""
    single = "it''s " * 20_000
    double = 'a \\"b\\" \\t \\u00e9 ' * 7_000
    got = same(f"a: '{single}'\nb: \"{double}\"\nc: ['{single}', \"{double}\"]\n")
    assert got["a"] == single.replace("''", "'")
    assert got["c"] == [got["a"], got["b"]]
    with pytest.raises(line_yaml.Refused):
        line_yaml.load(f"a: '{single}\n")

"""The fast reader of workspace files gives PyYAML's safe-loader data, or refuses."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from commkit.errors import ContentError
from commkit.model import fast_yaml
from commkit.model.loader import MAX_DEPTH, parse_text
from commkit.model.workspace import Community
from commkit.model.workspace_loader import load_model

ROOT = Path(__file__).resolve().parent.parent

PLAIN = [
    "a: 1\nb: -0x1F\nc: 0o17\nd: 1_000\ne: 1:30\nf: 017\n",
    "a: 1.5\nb: .inf\nc: -.Inf\nd: .nan\ne: 1e3\nf: 6.8523015e+5\ng: 1_0.5\n",
    "a: yes\nb: No\nc: on\nd: OFF\ne: true\nf: 'yes'\ng: y\n",
    "a: ~\nb: null\nc:\nd: 'null'\n~: e\n",
    "a: 2020-10-15\nb: 2020-10-15T10:20:30Z\nc: 2020-10-15 10:20:30.5 +05:00\nd: '2020-10-15'\n",
    "a: !!str 1\nb: !!int '3'\nc: !!float '2'\nd: !!bool 'yes'\ne: !!null ''\n",
    "1: a\n2.5: b\nfalse: c\n2020-01-01: d\n",
    "list: [1, 'two', 3.0, [4, {five: 5}]]\nmap: {a: {b: {c: []}}}\nempty: {}\n",
    'text: |\n  line one\n  line two\nfolded: >\n  folded\n  text\nquoted: "tab\\tand \\u00e9"\n',
    "name: Клуб предпринимателей Прикамья\nnote: 'it''s: fine # not a comment'\n",
    "- a\n- 1\n- - nested\n  - list\n",
    "plain scalar at the top",
    # a quoted or non-specific ('!') scalar is a string, the same text unquoted is not
    "a: '12'\nb: 12\nc: ! 12\nd: \"yes\"\ne: yes\nf: ! yes\ng: '2020-10-15'\nh: 2020-10-15\n",
    "",
    "# only a comment\n",
    "long: " + "x" * 200 + "\nagain: " + "x" * 200 + "\nnumber: " + "9" * 80 + "\n",
]


@pytest.mark.parametrize("text", PLAIN)
def test_plain_documents_read_as_pyyaml_reads_them(text: str) -> None:
    want = yaml.load(text, Loader=yaml.CSafeLoader)
    for _ in range(2):  # the second time from what was remembered
        got = fast_yaml.load(text)
        assert got == want and repr(got) == repr(want)


REFUSED = [
    "a: 1\na: 2\n",  # a key twice
    "1: a\n1.0: b\n",  # the same key read twice
    "1: a\n'1': b\n",  # the same key written twice (the located loader reports it)
    "base: {a: 1}\nother:\n  <<: {a: 2}\n  b: 3\n",  # a merge key
    "? [a, b]\n: c\n",  # a key that is a list
    "? {a: 1}\n: c\n",
    "s: !!set {a, b}\n",
    "o: !!omap [a: 1]\n",
    "b: !!binary aGVsbG8=\n",
    "p: !!python/name:os.system ''\n",
    "t: !custom value\n",
    "v: =\n",
]


@pytest.mark.parametrize("text", REFUSED)
def test_anything_beyond_plain_data_is_refused(text: str) -> None:
    with pytest.raises(fast_yaml.Refused):
        fast_yaml.load(text)


@pytest.mark.parametrize("text", ["a: [1, 2\n", "a: 1\n---\nb: 2\n", "a: b: c\n"])
def test_broken_yaml_raises_as_pyyaml_does(text: str) -> None:
    with pytest.raises(yaml.YAMLError):
        yaml.load(text, Loader=yaml.CSafeLoader)
    with pytest.raises(yaml.YAMLError):
        fast_yaml.load(text)


def test_every_example_file_reads_the_same() -> None:
    paths = [*ROOT.glob("examples/**/*.yaml"), *ROOT.glob("tests/fixtures/**/*.yaml")]
    assert len(paths) > 50
    for path in paths:
        text = path.read_text(encoding="utf-8")
        try:
            want = yaml.load(text, Loader=yaml.CSafeLoader)
        except yaml.YAMLError:
            continue
        try:
            got = fast_yaml.load(text)
        except fast_yaml.Refused:
            continue
        assert got == want and repr(got) == repr(want), path


def test_a_repeated_key_is_still_reported_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "business-mentor.yaml"
    shutil.copy(ROOT / "examples" / "perm-krai" / "communities" / path.name, path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "slug: business-mentor\n", encoding="utf-8")
    value, problems = load_model(path, Community)
    assert value is None
    assert problems and problems[0].line == len(text.splitlines()) + 1


def _aliases(levels: int) -> str:
    """Ten leaves, each level ten aliases of the one above: 10 ** levels values."""
    text = "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n"
    for n in range(1, levels + 1):
        text += f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 10)}]\n"
    return text


@pytest.mark.parametrize(
    "text",
    [
        _aliases(5),  # 1,111,110 values from six lines; a few more levels fill the memory
        "a: &x [1, *x]\n",  # a list that holds itself
        "a: " + "[" * 600 + "]" * 600 + "\n",  # libyaml composes it (up to 1,000 levels)
    ],
    ids=["aliases", "recursive", "deep"],
)
def test_libyaml_s_way_refuses_aliases_and_depth_on_its_own(text: str) -> None:
    """Its callers send files with aliases to the located loader first; it does not rely on
    them: it refuses (and the located loader says where) instead of expanding or crashing.
    Aliases within the located loader's bound still read (test_line_yaml)."""
    with pytest.raises(fast_yaml.Refused):
        fast_yaml.load_composed(text)


@pytest.mark.parametrize("extra", [-1, 0, 1, 2])
@pytest.mark.parametrize("style", ["flow", "block"])
def test_nesting_is_read_as_deep_as_the_located_loader_reads_it(extra: int, style: str) -> None:
    """The same bound on every Python: the walk counts the levels rather than waiting for
    Python's stack to run out (3.11 ran out at about 500 levels, 3.12 and later do not)."""
    levels = MAX_DEPTH - 1 + extra  # the innermost value at MAX_DEPTH + extra (the top: 0)
    if style == "flow":
        text = "a: " + "[" * levels + "1" + "]" * levels + "\n"
    else:
        text = "".join(f"{'  ' * n}k{n}:\n" for n in range(levels)) + "  " * levels + "k: 1\n"
    try:
        parse_text(text, Path("x.yaml"))
        located_refuses = False
    except ContentError:
        located_refuses = True
    for read in (fast_yaml.load, fast_yaml.load_composed):
        try:
            data = read(text)
        except fast_yaml.Refused:
            assert located_refuses, (read, levels)
        else:
            assert not located_refuses, (read, levels)
            assert data == yaml.load(text, Loader=yaml.CSafeLoader)
    assert located_refuses is (extra > 0)


def test_an_anchor_without_an_alias_still_reads(tmp_path: Path) -> None:
    text = "a: &x 1\nb: 2 * 3 & 4\n"
    assert fast_yaml.load_composed(text) == yaml.load(text, Loader=yaml.CSafeLoader)

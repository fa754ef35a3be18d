"""What a warm one-file command imports and compiles: cheaper forms that change nothing."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from commkit.model import line_yaml
from commkit.render import plain_yaml

ROOT = Path(__file__).resolve().parent.parent
EVERY_CHARACTER = "".join(map(chr, range(0x110000)))


def test_the_characters_line_yaml_refuses_are_the_ones_yaml_leaves_out() -> None:
    let_in = re.compile(
        "[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
    )
    assert line_yaml._FORBIDDEN.findall(EVERY_CHARACTER) == let_in.findall(EVERY_CHARACTER)


def test_the_characters_written_plain_are_the_ones_pyyaml_writes_plain() -> None:
    left_out_of = re.compile(
        "[^\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010fffe]"
    )
    safe = plain_yaml._SAFE
    assert safe.pattern.startswith("[^") and safe.pattern.endswith("]*")
    left_out = re.compile("[" + safe.pattern[2:-2] + "]")  # the class's own complement
    assert left_out.findall(EVERY_CHARACTER) == left_out_of.findall(EVERY_CHARACTER)
    assert safe.fullmatch("Бизнес-клуб «Бизнес-ментор» 😀") is not None
    assert safe.fullmatch("two\nlines") is None


def test_a_plain_block_assessment_is_planned_without_pyyaml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The quick plan reads a file line_yaml takes without importing PyYAML (here: made
    unimportable), and writes what it writes from the same data in another layout."""
    import yaml

    from commkit.api.plan import quick_plan
    from commkit.api.warm_assess import warm_assess

    answers = ROOT / "examples" / "perm-krai" / "answers" / "business-mentor.yaml"
    made = warm_assess(answers, out=tmp_path / "assessed")
    assert made is not None
    (wrapped,) = (tmp_path / "assessed").glob("*.yaml")
    data = yaml.load(wrapped.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    block = tmp_path / "block" / wrapped.name
    block.parent.mkdir()
    block.write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**9), encoding="utf-8"
    )
    assert line_yaml.load(block.read_text(encoding="utf-8")) == data
    expected = quick_plan(wrapped, out=tmp_path / "expected")
    assert expected is not None
    monkeypatch.setitem(sys.modules, "commkit.model.fast_yaml", None)
    quick = quick_plan(block, out=tmp_path / "quick")
    assert quick is not None
    assert [p.read_bytes() for p in quick.written] == [p.read_bytes() for p in expected.written]

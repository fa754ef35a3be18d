"""What a warm one-file command imports and compiles: cheaper forms that change nothing."""

from __future__ import annotations

import re

from commkit.model import line_yaml
from commkit.render import plain_yaml

EVERY_CHARACTER = "".join(map(chr, range(0x110000)))


def test_the_characters_line_yaml_refuses_are_the_ones_yaml_leaves_out() -> None:
    let_in = re.compile(
        "[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
    )
    assert line_yaml._FORBIDDEN.findall(EVERY_CHARACTER) == let_in.findall(EVERY_CHARACTER)


def test_the_characters_written_plain_are_the_ones_pyyaml_writes_plain() -> None:
    let_in = re.compile(
        "[\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010fffe]"
    )
    safe = plain_yaml._SAFE
    assert safe.pattern.endswith("]*")
    one = re.compile(safe.pattern[:-1])  # the class itself, one character
    assert one.findall(EVERY_CHARACTER) == let_in.findall(EVERY_CHARACTER)
    assert safe.fullmatch("Бизнес-клуб «Бизнес-ментор» 😀") is not None
    assert safe.fullmatch("two\nlines") is None

"""Readable YAML text with libyaml's emitter wherever its bytes equal PyYAML's own.

PyYAML's pure-Python emitter was most of the time of a batch ``assess``. libyaml's emitter
(``CSafeDumper``) writes the same bytes for the same data except in a few corners, found by
comparing both on random documents (``tests/test_yaml_emit.py`` keeps doing so):

- a long double-quoted string (one with a line break or tab next to other text, or a
  character that must be escaped) is folded differently;
- characters outside the Basic Multilingual Plane (emoji) are escaped by libyaml, written as
  they are by PyYAML; so are a few PyYAML treats as line breaks (NEL, LS, PS) or the BOM;
- an empty key, or a key over 128 bytes, is written as ``? key`` by one and not the other.

So libyaml writes a document only when every string in it is one line of characters both
treat alike, and every key is short printable ASCII; any other document (a note typed on two
lines, an emoji in a name) goes through PyYAML's emitter, as before. The choice changes no
byte of any file.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

_SAME_TEXT = re.compile("[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]*")
"""Characters both emitters write alike: printable, one line, in the BMP, not the BOM."""

_SAME_KEY = re.compile("[\x20-\x7e]{1,64}")
"""Keys both emitters write as ``key:`` (ids and field names are far shorter)."""

_C_DUMPER: type[Any] | None = getattr(yaml, "CSafeDumper", None)

OPTIONS: dict[str, Any] = {
    "sort_keys": False,
    "allow_unicode": True,
    "default_flow_style": False,
    "width": 100,
}
"""How commkit writes YAML: keys in their order, text as it is, block style, 100 columns."""


def same_in_both(data: Any) -> bool:
    """True when libyaml's emitter writes ``data`` byte for byte as PyYAML's does."""
    stack = [data]
    text, key = _SAME_TEXT.fullmatch, _SAME_KEY.fullmatch
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if text(item) is None:
                return False
        elif isinstance(item, dict):
            for k, v in item.items():
                if not isinstance(k, str) or key(k) is None:
                    return False
                stack.append(v)
        elif isinstance(item, list):
            stack.extend(item)
        elif item is not None and not isinstance(item, int | float):  # bool is an int
            return False
    return True


def dump_yaml(data: Any, *, fast: bool = False) -> str:
    """``data`` (JSON-like: dicts, lists, strings, numbers, booleans, None) as YAML text.

    libyaml writes it when that gives the same bytes (see the module's docstring);
    ``fast`` lets libyaml write it even when its folding of long strings differs."""
    use_c = _C_DUMPER is not None and (fast or same_in_both(data))
    dumper = _C_DUMPER if use_c else yaml.SafeDumper
    text: str = yaml.dump(data, Dumper=dumper, **OPTIONS)
    return text

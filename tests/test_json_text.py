"""The fast JSON writer gives the bytes of ``json.dumps(..., indent=2)``."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from commkit.api import json_text

_SCALAR = (
    st.text(max_size=8)
    | st.integers()
    | st.floats()  # NaN and infinities too
    | st.booleans()
    | st.none()
)
_DATA = st.recursive(
    _SCALAR,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(max_size=6), inner, max_size=4)
        | st.dictionaries(st.integers(), inner, min_size=1, max_size=2)
    ),  # left to json.dumps
    max_leaves=20,
)


def reference(data: Any, level: int) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    return text.replace("\n", "\n" + "  " * level)


@settings(max_examples=300, deadline=None)
@given(_DATA, st.integers(0, 2))
def test_any_json_data_is_written_as_json_dumps_writes_it(data: Any, level: int) -> None:
    assert json_text(data, level=level) == reference(data, level)


def test_objects_and_tuples_as_json_dumps_writes_them() -> None:
    import datetime as dt

    for data in ({"d": dt.date(2020, 10, 15)}, {"t": (1, "два", [])}, {"e": {}, "l": []}):
        assert json_text(data, level=1) == reference(data, 1)

"""The fast JSON writer gives the bytes of ``json.dumps(..., indent=2)``."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from commkit.api import json_text
from commkit.render.json_text import RawJson, model_json, plain_floats

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


class _Floats(BaseModel):
    values: list[float]
    text: str


@settings(max_examples=300, deadline=None)
@given(st.lists(st.floats(), max_size=6), st.text(max_size=12))
def test_a_model_is_written_as_its_json_ready_data_is(values: list[float], text: str) -> None:
    """Pydantic's own writer is used only where it gives the same bytes (plain floats)."""
    model = _Floats(values=values, text=text)
    expected = reference(model.model_dump(mode="json"), 0)
    plain = plain_floats(values)
    assert model_json(model, plain=plain).text == expected
    if plain:
        assert model.model_dump_json(indent=2) == expected


@settings(max_examples=100, deadline=None)
@given(_DATA, _DATA, st.integers(0, 2))
def test_raw_json_text_is_placed_as_the_data_it_stands_for(
    outer: Any, inner: Any, level: int
) -> None:
    raw = RawJson(json_text(inner))
    assert json_text({"a": outer, "b": raw}, level=level) == reference(
        {"a": outer, "b": json.loads(raw.text)}, level
    )


def test_every_float_of_an_assessment_is_checked_before_the_fast_writer() -> None:
    """``api.batch.assessment_json`` lists the floats of an assessment; a new float field
    must be added there (or the team block, which it never writes fast)."""
    import typing

    from commkit.model.answers import Assessment

    found: set[str] = set()

    def walk(model: type[BaseModel], path: str) -> None:
        for name, field in model.model_fields.items():
            if path == "" and name == "team":
                continue
            args = [field.annotation]
            while args:
                ann = args.pop()
                if ann is float:
                    found.add(f"{path}.{name}")
                elif isinstance(ann, type) and issubclass(ann, BaseModel):
                    walk(ann, f"{path}.{name}")
                args.extend(typing.get_args(ann))

    walk(Assessment, "")
    assert found == {".result.overall", ".result.dimensions.score", ".answers.value"}


def test_the_assessment_json_of_the_examples_is_json_dumps_of_their_data() -> None:
    from pathlib import Path

    from commkit import api
    from commkit.api.batch import assessment_json

    root = Path(__file__).parent.parent / "examples" / "perm-krai" / "answers"
    for path in sorted(root.glob("*.yaml")):
        assessment = api.assess(path)
        expected = reference(assessment.model_dump(mode="json"), 0)
        assert assessment_json(assessment).text == expected
        tiny = assessment.model_copy(
            update={"result": assessment.result.model_copy(update={"overall": 1e-05})}
        )
        assert assessment_json(tiny).text == reference(tiny.model_dump(mode="json"), 0)

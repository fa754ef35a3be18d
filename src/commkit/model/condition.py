"""One condition language for ``when``, stage gates and roadmap triggers.

A condition has exactly one subject (a question, a dimension or a stage) and at
most one test. Where each subject is allowed is checked by the pack validator.
"""

from __future__ import annotations

from itertools import combinations
from typing import Any, Self

from pydantic import ConfigDict, Field, model_validator

from commkit.model.common import Id, StrictModel

Scalar = str | int | float | bool


_SUBJECTS = ("question", "dimension", "stage")
_TESTS = ("equals", "any_of", "at_least", "below", "score_below")


def _given(key: str) -> dict[str, Any]:
    return {"required": [key], "properties": {key: {"not": {"type": "null"}}}}


# The rules of _one_subject_one_test below, for editors and check-jsonschema.
_RULES: dict[str, Any] = {
    "allOf": [
        {"oneOf": [_given(s) for s in _SUBJECTS]},
        {"not": {"anyOf": [{"allOf": [_given(a), _given(b)]} for a, b in combinations(_TESTS, 2)]}},
        {"if": _given("stage"), "then": {"not": {"anyOf": [_given(t) for t in _TESTS]}}},
        {"if": _given("dimension"), "then": {"anyOf": [_given("at_least"), _given("below")]}},
        {"if": _given("question"), "then": {"anyOf": [_given(t) for t in _TESTS]}},
    ]
}


class Condition(StrictModel):
    model_config = ConfigDict(json_schema_extra=_RULES)

    question: Id | None = None
    dimension: Id | None = None
    stage: list[Id] | None = Field(
        default=None, description="Fires when the community is at one of these stages."
    )
    equals: Scalar | None = None
    any_of: list[Scalar] | None = None
    at_least: float | None = None
    below: float | None = None
    score_below: float | None = Field(
        default=None,
        ge=0,
        le=1,
        description="For a question: its normalised score (0..1) is below this.",
    )

    @model_validator(mode="after")
    def _one_subject_one_test(self) -> Self:
        subjects = [s for s in ("question", "dimension", "stage") if getattr(self, s) is not None]
        if len(subjects) != 1:
            raise ValueError("a condition needs exactly one of 'question', 'dimension' or 'stage'")
        tests = [
            t
            for t in ("equals", "any_of", "at_least", "below", "score_below")
            if getattr(self, t) is not None
        ]
        if len(tests) > 1:
            raise ValueError(f"a condition takes one test, got {', '.join(tests)}")
        if self.stage is not None and tests:
            raise ValueError("a 'stage' condition takes no test: list the stages")
        if self.dimension is not None and (not tests or tests[0] not in ("at_least", "below")):
            raise ValueError("a 'dimension' condition needs 'at_least' or 'below' (0-100)")
        if self.question is not None and not tests:
            raise ValueError(
                "a 'question' condition needs a test: equals, any_of, at_least, below "
                "or score_below"
            )
        return self

    @property
    def subject(self) -> str:
        if self.question is not None:
            return f"question {self.question}"
        if self.dimension is not None:
            return f"dimension {self.dimension}"
        return f"stage {', '.join(self.stage or [])}"

"""The self-identification checklist and its stage model."""

from __future__ import annotations

from typing import Any, Literal, Self

from pydantic import Field, model_serializer, model_validator

from commkit.model.common import ContentHeader, Id, NonNegative, StrictModel, Text
from commkit.model.condition import Condition

QuestionType = Literal["scale", "yes_no", "number", "choice", "multi", "text"]


class Dimension(StrictModel):
    id: Id
    title: Text
    description: Text | None = None
    weight: NonNegative = 1.0


class Option(StrictModel):
    """A choice; ``score`` is 0..1. For ``multi`` the chosen scores add up (capped at 1)."""

    id: Id
    label: Text
    score: float = Field(ge=0, le=1)
    recommendation: Text | None = Field(
        default=None,
        description="choice: shown when this option is chosen; multi: shown when it is not.",
    )
    exclusive: bool = Field(
        default=False,
        description="multi: 'none of these', ticked alone (a required tick list needs at least "
        "one option, so where none may apply the checklist offers this one).",
    )

    @model_serializer(mode="wrap")
    def _without_default_exclusive(self, handler: Any) -> Any:
        # An option without the flag dumps as before, so checklists that do not use it keep
        # their content hash (saved assessments record it).
        data = handler(self)
        if isinstance(data, dict) and not self.exclusive:
            data.pop("exclusive", None)
        return data


class ScaleSpec(StrictModel):
    min: int = 1
    max: int = 5
    labels: dict[int, Text] = {}

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.max <= self.min:
            raise ValueError("scale 'max' must be greater than 'min'")
        return self


class Band(StrictModel):
    """Numbers at or above ``min`` score ``score`` (the highest matching band wins)."""

    min: float
    score: float = Field(ge=0, le=1)


class NumberSpec(StrictModel):
    min: float = 0
    max: float | None = None
    integer: bool = True
    unit: Text | None = None
    bands: list[Band] = Field(min_length=1)
    period_months: int | None = Field(
        default=None,
        ge=1,
        le=120,
        description="The count covers the last N months: for a younger community it is "
        "scaled to the full period before banding (see core/scoring.py).",
    )

    @model_validator(mode="after")
    def _monotone(self) -> Self:
        for a, b in zip(self.bands, self.bands[1:], strict=False):
            if b.min <= a.min:
                raise ValueError("band 'min' values must be strictly increasing")
            if b.score < a.score:
                raise ValueError("band scores must not decrease as numbers grow")
        if self.max is not None and self.max < self.min:
            raise ValueError("'max' must not be below 'min'")
        return self


class Question(StrictModel):
    id: Id
    dimension: Id
    type: QuestionType
    text: Text
    help: Text
    weight: NonNegative = 1.0
    required: bool = True
    when: Condition | None = None
    options: list[Option] = []
    scale: ScaleSpec | None = None
    number: NumberSpec | None = None
    recommendation: Text | None = Field(
        default=None,
        description="scale, yes_no and number: shown when the answer is not the best one.",
    )
    yes_is_good: bool = True

    @model_validator(mode="after")
    def _type_fits(self) -> Self:
        if self.type in ("choice", "multi"):
            if len(self.options) < 2:
                raise ValueError(f"a '{self.type}' question needs at least two options")
            ids = [o.id for o in self.options]
            if len(set(ids)) != len(ids):
                raise ValueError("option ids must be unique within a question")
        elif self.options:
            raise ValueError(f"a '{self.type}' question takes no 'options'")
        if self.type == "number" and self.number is None:
            raise ValueError("a 'number' question needs a 'number' block with 'bands'")
        if self.type != "number" and self.number is not None:
            raise ValueError(f"a '{self.type}' question takes no 'number' block")
        if self.type != "scale" and self.scale is not None:
            raise ValueError(f"a '{self.type}' question takes no 'scale' block")
        if self.type == "text" and self.weight != 0:
            raise ValueError("a 'text' question is not scored: set 'weight: 0'")
        return self

    @property
    def scale_spec(self) -> ScaleSpec:
        return self.scale or ScaleSpec()


class Stage(StrictModel):
    """A stage on the S-curve. Reached when the overall score and every gate hold."""

    id: Id
    title: Text
    meaning: Text
    focus: Text
    descriptors: dict[Id, Text] = Field(
        default={},
        description="Per dimension id: what one observes in a community of this dimension "
        "at this stage (two or three sentences).",
    )
    min_score: float = Field(ge=0, le=100)
    requires: list[Condition] = []


class Checklist(ContentHeader):
    kind: Literal["checklist"]
    dimensions: list[Dimension] = Field(min_length=1)
    questions: list[Question] = Field(min_length=1)
    stages: list[Stage] = Field(min_length=1)
    earlier_wordings: list[str] = Field(
        default=[],
        exclude=True,  # about the hash, not part of it: a checklist without it keeps its hash
        description="Content hashes of this version before edits of wording only (no id, "
        "option, score, weight, condition or stage changed): answers and assessments that "
        "carry one of them were made with this checklist, so nothing is re-scored or warned.",
    )

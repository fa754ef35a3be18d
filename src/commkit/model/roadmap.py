"""Roadmap templates: the actions a plan is built from."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from commkit.model.common import Header, Id, StrictModel, Text
from commkit.model.condition import Condition


class Action(StrictModel):
    id: Id
    chapter: Id
    title: Text
    description: Text | None = None
    owner: Id = Field(description="Role id that runs the action.")
    duration_days: int = Field(ge=1, le=260, description="Working days.")
    depends_on: list[Id] = []
    always: bool = Field(default=False, description="Part of every plan, whatever the answers.")
    triggers: list[Condition] = Field(
        default=[], description="The action is selected when any trigger fires."
    )
    deliverables: list[Text] = []
    metrics: list[Id] = Field(default=[], description="Final metrics the action moves.")
    seminar: Id | None = Field(default=None, description="The seminar or MeetUp it delivers.")


class Roadmap(Header):
    kind: Literal["roadmap"]
    id: Id
    title: Text
    description: Text | None = None
    actions: list[Action] = Field(min_length=1)

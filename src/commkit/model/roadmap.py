"""Roadmap templates: the actions a plan is built from."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from commkit.model.common import ContentHeader, Id, StrictModel, Text
from commkit.model.condition import Condition

Level = Literal["community", "region"]


class RegionTrigger(StrictModel):
    """Fires on the region's map: when at least ``communities`` of the region's assessed
    communities meet ``when`` (each judged on its latest assessment)."""

    when: Condition
    communities: int = Field(
        default=1, ge=1, le=100_000, description="How many communities must meet 'when'."
    )


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
    level: Level = Field(
        default="community",
        description="Who it is for: 'community' actions are the community's own work; "
        "'region' actions are the regional team's and make up the regional plan.",
    )
    taught_in: Id | None = Field(
        default=None,
        description="The seminar that teaches it: never scheduled before that session.",
    )
    new_community: bool = Field(
        default=False,
        description="Selected for a new community (the answers say 'new: true').",
    )
    region_triggers: list[RegionTrigger] = Field(
        default=[],
        description="For 'region' actions: selected in the regional plan when one fires.",
    )


class Roadmap(ContentHeader):
    kind: Literal["roadmap"]
    actions: list[Action] = Field(min_length=1)

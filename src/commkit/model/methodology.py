"""The method itself: concepts, objectives, metrics, prerequisites, roles, chapters."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from commkit.model.common import Count, Header, Id, StrictModel, Text

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


class Concept(StrictModel):
    id: Id
    term: Text
    definition: Text


class Titled(StrictModel):
    """An entry of the method named by a title, its description optional: the shape of an
    objective, a chapter's step, a government-support emphasis and a next step."""

    id: Id
    title: Text
    description: Text | None = None


class Objective(Titled):
    pass


class Metric(StrictModel):
    """One of the method's seven final metrics."""

    id: Id
    name: Text
    unit: Text
    how_to_count: Text
    level: Literal["region", "community"] = Field(
        default="community",
        description="'region' metrics are counted once for the region (e.g. the number "
        "of communities); 'community' metrics are summed over communities.",
    )


class Prerequisite(StrictModel):
    id: Id
    title: Text
    description: Text
    examples: list[Text] = []


class Emphasis(Titled):
    """A government-support emphasis or a next step of the method."""


class RoleFunction(StrictModel):
    id: Id
    name: Text
    description: Text


class ScheduleSlot(StrictModel):
    day: Weekday
    activity: Text
    minutes: Count
    function: Id | None = Field(default=None, description="The role function this slot serves.")


class Role(StrictModel):
    id: Id
    name: Text
    description: Text
    functions: list[RoleFunction] = []
    weekly_schedule: list[ScheduleSlot] = []


class Step(Titled):
    pass


class Chapter(StrictModel):
    id: Id
    number: int = Field(ge=1, le=99)
    title: Text
    purpose: Text
    inputs: list[Text] = []
    activities: list[Text] = []
    deliverables: list[Text] = []
    owner: Id = Field(description="Role id that owns the chapter.")
    duration_days: int = Field(ge=1, le=365, description="Typical duration in working days.")
    steps: list[Step] = []


class CommunityKind(StrictModel):
    id: Id
    axis: Literal["legal", "maturity"]
    name: Text
    description: Text
    approach: Text = Field(description="What the method does differently for this kind.")


class Methodology(Header):
    kind: Literal["methodology"]
    id: Id
    title: Text
    summary: Text | None = None
    source: Text | None = None
    concepts: list[Concept]
    objectives: list[Objective]
    metrics: list[Metric]
    prerequisites: list[Prerequisite]
    support_emphases: list[Emphasis] = []
    next_steps: list[Emphasis] = []
    roles: list[Role]
    chapters: list[Chapter]
    community_kinds: list[CommunityKind] = []

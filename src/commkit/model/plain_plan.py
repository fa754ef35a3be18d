"""A dated plan as plain slotted objects: what the scheduler makes, without pydantic.

The scheduler and the plan's Markdown read these by attribute, as they read the models of
:mod:`commkit.model.plan` (same names, same fields); :func:`commkit.model.plan.plan_model`
turns them into those models where a caller wants models (``api.plan`` returns a ``Plan``).
A warm ``commkit plan`` then schedules and writes its Markdown without importing pydantic.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True, kw_only=True)
class Reason:
    """Why an action is in the plan (:class:`commkit.model.plan.Reason`)."""

    kind: str
    ref: str | None = None
    value: str | None = None
    threshold: str | None = None
    communities: list[Any] = field(default_factory=list)


@dataclass(slots=True, kw_only=True)
class PlannedAction:
    """One dated action (:class:`commkit.model.plan.PlannedAction`)."""

    id: str
    chapter: str
    chapter_number: int
    title: Any
    description: Any = None
    owner: str
    duration_days: int
    depends_on: list[str] = field(default_factory=list)
    deliverables: list[Any] = field(default_factory=list)
    metrics: list[str] = field(default_factory=list)
    seminar: str | None = None
    level: str = "community"
    taught_in: str | None = None
    status: str
    start: dt.date
    end: dt.date
    reasons: list[Reason]


@dataclass(slots=True, kw_only=True)
class SeminarEvent:
    """A seminar or the MeetUp in the timeline (:class:`commkit.model.plan.SeminarEvent`)."""

    id: str
    number: int
    type: str
    title: Any
    week: int
    date: dt.date
    action: str | None = None
    status: str = "scheduled"


@dataclass(slots=True, kw_only=True)
class Phase:
    """A month and the actions that start in it (:class:`commkit.model.plan.Phase`)."""

    month: str
    start: dt.date
    end: dt.date
    actions: list[str]


@dataclass(slots=True, kw_only=True)
class MetricImpact:
    """A metric and the actions that move it (:class:`commkit.model.plan.MetricImpact`)."""

    id: str
    name: Any
    unit: Any = None
    actions: list[str] = field(default_factory=list)
    later: list[str] = field(default_factory=list)


@dataclass(slots=True, kw_only=True)
class Plan:
    """A dated plan (:class:`commkit.model.plan.Plan`). ``community``, ``checklist`` and
    the manager's slots are whatever the caller gave: models, or plain objects with the
    same attributes."""

    kind: str = "plan"
    version: str = "1"
    scope: str = "community"
    community: Any
    slug: str
    checklist: Any
    roadmap: str
    assessment_date: dt.date
    language: str = "en"
    stage: str | None = None
    communities: list[Any] = field(default_factory=list)
    region_name: Any = None
    region_figures: list[Any] = field(default_factory=list)
    start: dt.date
    end: dt.date
    weeks: int
    capacity: dict[str, int]
    holidays: list[dt.date] = field(default_factory=list)
    actions: list[PlannedAction]
    seminars: list[SeminarEvent] = field(default_factory=list)
    phases: list[Phase] = field(default_factory=list)
    manager_role: str | None = None
    manager_schedule: list[Any] = field(default_factory=list)
    metrics: list[MetricImpact] = field(default_factory=list)

    def action(self, action_id: str) -> PlannedAction | None:
        return next((a for a in self.actions if a.id == action_id), None)

    @property
    def scheduled(self) -> list[PlannedAction]:
        return [a for a in self.actions if a.status == "scheduled"]

    @property
    def later(self) -> list[PlannedAction]:
        return [a for a in self.actions if a.status == "later"]

    def at_level(self, level: str) -> list[PlannedAction]:
        return [a for a in self.actions if a.level == level]

"""A dated plan as plain slotted objects: what the scheduler makes, without pydantic.

The scheduler and the plan's Markdown read these by attribute, as they read the models of
:mod:`commkit.model.plan` (same names, same fields); :func:`commkit.model.plan.plan_model`
turns them into those models where a caller wants models (``api.plan`` returns a ``Plan``).
A warm ``commkit plan`` then schedules and writes its Markdown without importing pydantic.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

_REQUIRED: Any = object()


class Fields:
    """Slotted fields given by keyword (defaults in ``_DEFAULTS``; an empty list default is
    a new list each time), compared and shown by value. Written out rather than made by
    ``dataclasses``: making those classes was a visible part of a warm run."""

    __slots__: ClassVar[tuple[str, ...]] = ()
    _DEFAULTS: ClassVar[dict[str, Any]] = {}

    def __init__(self, **values: Any) -> None:
        for name in self.__slots__:
            value = values.get(name, _REQUIRED)
            if value is _REQUIRED:
                value = self._DEFAULTS.get(name, _REQUIRED)
                if value is _REQUIRED:
                    raise TypeError(f"{type(self).__name__}() needs {name!r}")
                if value == []:
                    value = []
            setattr(self, name, value)
        if len(values) > len(self.__slots__) or not values.keys() <= set(self.__slots__):
            unknown = sorted(set(values) - set(self.__slots__))
            raise TypeError(f"{type(self).__name__}() has no {', '.join(unknown)}")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and all(
            getattr(self, name) == getattr(other, name) for name in self.__slots__
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({shown})"


class Reason(Fields):
    """Why an action is in the plan (:class:`commkit.model.plan.Reason`)."""

    __slots__ = ("communities", "kind", "ref", "threshold", "value")
    _DEFAULTS = {"ref": None, "value": None, "threshold": None, "communities": []}
    kind: str
    ref: str | None
    value: str | None
    threshold: str | None
    communities: list[Any]


class PlannedAction(Fields):
    """One dated action (:class:`commkit.model.plan.PlannedAction`)."""

    __slots__ = (
        "chapter",
        "chapter_number",
        "deliverables",
        "depends_on",
        "description",
        "duration_days",
        "end",
        "id",
        "level",
        "metrics",
        "owner",
        "reasons",
        "seminar",
        "start",
        "status",
        "taught_in",
        "title",
    )
    _DEFAULTS = {
        "description": None,
        "depends_on": [],
        "deliverables": [],
        "metrics": [],
        "seminar": None,
        "level": "community",
        "taught_in": None,
    }
    id: str
    chapter: str
    chapter_number: int
    title: Any
    description: Any
    owner: str
    duration_days: int
    depends_on: list[str]
    deliverables: list[Any]
    metrics: list[str]
    seminar: str | None
    level: str
    taught_in: str | None
    status: str
    start: dt.date
    end: dt.date
    reasons: list[Reason]


class SeminarEvent(Fields):
    """A seminar or the MeetUp in the timeline (:class:`commkit.model.plan.SeminarEvent`)."""

    __slots__ = ("action", "date", "id", "number", "status", "title", "type", "week")
    _DEFAULTS = {"action": None, "status": "scheduled"}
    id: str
    number: int
    type: str
    title: Any
    week: int
    date: dt.date
    action: str | None
    status: str


class Phase(Fields):
    """A month and the actions that start in it (:class:`commkit.model.plan.Phase`)."""

    __slots__ = ("actions", "end", "month", "start")
    month: str
    start: dt.date
    end: dt.date
    actions: list[str]


class MetricImpact(Fields):
    """A metric and the actions that move it (:class:`commkit.model.plan.MetricImpact`)."""

    __slots__ = ("actions", "id", "later", "name", "unit")
    _DEFAULTS = {"unit": None, "actions": [], "later": []}
    id: str
    name: Any
    unit: Any
    actions: list[str]
    later: list[str]


class Plan(Fields):
    """A dated plan (:class:`commkit.model.plan.Plan`). ``community``, ``checklist`` and
    the manager's slots are whatever the caller gave: models, or plain objects with the
    same attributes."""

    __slots__ = (
        "actions",
        "assessment_date",
        "capacity",
        "checklist",
        "communities",
        "community",
        "end",
        "holidays",
        "kind",
        "language",
        "manager_role",
        "manager_schedule",
        "metrics",
        "phases",
        "region_figures",
        "region_name",
        "roadmap",
        "scope",
        "seminars",
        "slug",
        "stage",
        "start",
        "version",
        "weeks",
    )
    _DEFAULTS = {
        "kind": "plan",
        "version": "1",
        "scope": "community",
        "language": "en",
        "stage": None,
        "communities": [],
        "region_name": None,
        "region_figures": [],
        "holidays": [],
        "seminars": [],
        "phases": [],
        "manager_role": None,
        "manager_schedule": [],
        "metrics": [],
    }
    kind: str
    version: str
    scope: str
    community: Any
    slug: str
    checklist: Any
    roadmap: str
    assessment_date: dt.date
    language: str
    stage: str | None
    communities: list[Any]
    region_name: Any
    region_figures: list[Any]
    start: dt.date
    end: dt.date
    weeks: int
    capacity: dict[str, int]
    holidays: list[dt.date]
    actions: list[PlannedAction]
    seminars: list[SeminarEvent]
    phases: list[Phase]
    manager_role: str | None
    manager_schedule: list[Any]
    metrics: list[MetricImpact]

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

"""A dated plan: what ``commkit plan`` computes from an assessment and the roadmap templates."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from pydantic import Field

from commkit.model.answers import ChecklistRef, CommunityRef
from commkit.model.common import Id, StrictModel, Text, built
from commkit.model.figures import RegionFigures
from commkit.model.methodology import ScheduleSlot

if TYPE_CHECKING:
    from commkit.model import plain_plan

P = TypeVar("P", bound=StrictModel)


def plan_part(model: type[P], **values: Any) -> P:
    """A part of a plan made from values the planner computed out of a validated pack and
    assessment, without validating them again: building the validators of a plan's classes
    took longer than making the plan. Tests check that every example plan is what
    validating its data gives."""
    return cast(P, model.model_construct(**values))


ReasonKind = Literal[
    "always",
    "answer",
    "question_score",
    "dimension",
    "stage",
    "assessment",
    "dependency",
    "new",
    "map",
]


class Reason(StrictModel):
    """Why an action is in the plan; rendered as a sentence in the report's language."""

    kind: ReasonKind
    ref: str | None = Field(
        default=None,
        description="The question, dimension, stage or (for 'dependency') the action that "
        "needs this one.",
    )
    value: str | None = Field(default=None, description="The answer or score that fired.")
    threshold: str | None = Field(default=None, description="The trigger's test, e.g. '< 50'.")
    communities: list[Text] = Field(
        default=[],
        description="For 'map': the communities that meet the trigger (names); 'value' is "
        "their count and 'ref' the question, dimension or stage.",
    )


class PlannedAction(StrictModel):
    id: Id
    chapter: Id
    chapter_number: int
    title: Text
    description: Text | None = None
    owner: Id
    duration_days: int
    depends_on: list[Id] = []
    deliverables: list[Text] = []
    metrics: list[Id] = []
    seminar: Id | None = None
    level: Literal["community", "region"] = "community"
    taught_in: Id | None = None
    status: Literal["scheduled", "later"]
    start: dt.date = Field(description="For 'later' actions: the earliest start after the horizon.")
    end: dt.date = Field(description="Last working day (inclusive).")
    reasons: list[Reason]


class SeminarEvent(StrictModel):
    """One of the online seminars or the MeetUp, placed in the timeline."""

    id: Id
    number: int
    type: Literal["seminar", "meetup"]
    title: Text
    week: int = Field(description="The programme week the method puts it in.")
    date: dt.date
    action: Id | None = Field(default=None, description="The action that prepares and runs it.")
    status: Literal["scheduled", "later"] = "scheduled"


class Phase(StrictModel):
    """A calendar month of the plan and the actions that start in it."""

    month: str = Field(pattern=r"^\d{4}-\d{2}$")
    start: dt.date
    end: dt.date
    actions: list[Id]


class MetricImpact(StrictModel):
    id: Id
    name: Text
    unit: Text | None = None
    actions: list[Id] = Field(default=[], description="Scheduled actions that move it.")
    later: list[Id] = Field(default=[], description="Later actions that move it.")


class MapCommunity(StrictModel):
    """One community of the map behind a regional plan."""

    slug: Id
    name: Text
    stage: Id | None = None
    assessed: dt.date | None = None


class Plan(StrictModel):
    kind: Literal["plan"] = "plan"
    version: str = "1"
    scope: Literal["community", "region"] = Field(
        default="community",
        description="'community': one community's plan (its own actions and what the region "
        "does for it); 'region': the regional roadmap made from the map.",
    )
    community: CommunityRef = Field(description="The community, or the region for a regional plan.")
    slug: Id
    checklist: ChecklistRef
    roadmap: Id
    assessment_date: dt.date = Field(description="The assessment's date, or the map's.")
    language: str = Field(
        default="en", pattern=r"^[a-z]{2}$", description="The assessment's language."
    )
    stage: Id | None = Field(default=None, description="The community's stage (community plans).")
    communities: list[MapCommunity] = Field(
        default=[], description="Regional plans: the map's communities the plan was made from."
    )
    region_name: Text | None = Field(
        default=None, description="Regional plans: the region's name in every language."
    )
    region_figures: list[RegionFigures] = Field(
        default=[], description="Regional plans: the region's own figures (region.yaml)."
    )
    start: dt.date = Field(description="The first day of the plan as asked (--start).")
    end: dt.date = Field(description="The last day of the horizon.")
    weeks: int
    capacity: dict[Id, int]
    holidays: list[dt.date] = []
    actions: list[PlannedAction]
    seminars: list[SeminarEvent] = []
    phases: list[Phase] = []
    manager_role: Id | None = None
    manager_schedule: list[ScheduleSlot] = []
    metrics: list[MetricImpact] = []

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


def _model(model: type[P], plain: Any, **given: Any) -> P:
    """``model`` with the values of the plain object's fields (``given`` replaces some)."""
    values = {name: getattr(plain, name) for name in model.model_fields}
    values.update(given)
    return built(model, values)


def _reason(reason: plain_plan.Reason | Reason) -> Reason:
    return reason if isinstance(reason, Reason) else _model(Reason, reason)


def plan_model(plain: plain_plan.Plan) -> Plan:
    """The :class:`Plan` of a plan the scheduler made as plain objects (same fields, same
    values; nothing validated again, as :func:`plan_part`)."""
    return _model(
        Plan,
        plain,
        actions=[
            _model(PlannedAction, a, reasons=[_reason(r) for r in a.reasons]) for a in plain.actions
        ],
        seminars=[_model(SeminarEvent, e) for e in plain.seminars],
        phases=[_model(Phase, p) for p in plain.phases],
        metrics=[_model(MetricImpact, m) for m in plain.metrics],
    )

"""The Business Community Map as data: its rows, totals, leaders, ecosystem and problems."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, Field

from commkit.errors import Diagnostic
from commkit.i18n import both
from commkit.model.common import Text
from commkit.model.workspace import RegionFigures

METRIC_IDS: tuple[str, ...] = (
    "communities",
    "members",
    "leaders",
    "projects",
    "publications",
    "support_measures",
    "initiatives",
)
"""The seven final metrics of the method (content ids, see docs/CONTENT-IDS.md)."""
COMMUNITY_METRICS: tuple[str, ...] = METRIC_IDS[1:]
"""Metrics that a community's snapshots report; ``communities`` is counted by the map."""

FALLBACK_METRIC_NAMES: dict[str, Text] = {
    metric: both(f"map.metric_{metric}") for metric in METRIC_IDS
}

STALE_MONTHS = 6
"""A community assessed longer ago than this needs a new assessment."""

Status = Literal["current", "stale", "never-assessed"]


class CommunityRow(BaseModel):
    """One line of the map: a community profile plus its latest assessment and figures."""

    slug: str
    name: Text
    file: str
    stage: str | None = None
    score: float | None = None
    next_stage: str | None = None
    last_assessment: dt.date | None = None
    assessments: int = 0
    status: Status = "never-assessed"
    leaders: list[Text] = []
    platform: Text | None = None
    format: str = "online"
    formalised: bool = False
    founded: str | None = None
    events: int | None = None
    metrics: dict[str, int] = Field(
        default={}, description="Each metric's value in its latest snapshot that gives it."
    )
    metric_dates: dict[str, dt.date] = Field(
        default={}, description="The date of the snapshot each value in 'metrics' comes from."
    )
    previous_metrics: dict[str, int] = Field(
        default={}, description="Each metric's value in the snapshot before that one."
    )
    previous_assessment: dt.date | None = None
    previous_score: float | None = None
    previous_stage: str | None = None
    version: str | None = Field(
        default=None, description="The checklist version of the latest assessment."
    )
    previous_version: str | None = Field(
        default=None,
        description="The checklist version of the assessment before; when it differs, the "
        "previous score, stage and changes are re-scored under the latest one's version "
        "(through the migrations), or left out when no migration leads there.",
    )
    rescored_score: float | None = Field(
        default=None,
        description="The latest assessment re-scored under the current checklist, when it was "
        "made with an earlier version and a migration leads on.",
    )
    rescored_stage: str | None = None
    dimension_changes: dict[str, float] = Field(
        default={},
        description="Dimensions whose score changed since the previous assessment "
        "(at most three, the largest changes first).",
    )

    def metric(self, metric_id: str) -> int | None:
        return self.metrics.get(metric_id)

    @property
    def members(self) -> int | None:
        return self.metric("members")

    @property
    def projects(self) -> int | None:
        return self.metric("projects")


class MetricTotal(BaseModel):
    """One final metric for the whole region."""

    id: str
    name: Text
    unit: Text | None = None
    level: Literal["region", "community"] = "community"
    total: int | None = Field(description="Sum over reporting communities (None: nobody reports).")
    reporting: int = Field(description="How many communities report this metric.")
    latest: dt.date | None = Field(description="Date of the most recent snapshot counted.")
    earliest: dt.date | None = Field(description="Date of the oldest latest-snapshot counted.")


class StageCount(BaseModel):
    id: str
    title: Text
    count: int


class LeaderEntry(BaseModel):
    name: Text
    role: Text | None
    community: str
    community_name: Text


class ActorEntry(BaseModel):
    id: str
    name: Text
    sector: str
    status: str
    links: int = 0


class LinkEntry(BaseModel):
    source: str
    target: str
    source_name: Text
    target_name: Text
    source_type: Literal["actor", "community", "unknown"]
    target_type: Literal["actor", "community", "unknown"]
    kind: Text
    status: str
    note: Text | None = None


class AttentionEntry(BaseModel):
    slug: str
    name: Text
    status: Literal["stale", "never-assessed"]
    last_assessment: dt.date | None = None


class Problem(BaseModel):
    """A located problem met while reading the workspace (a broken file, a bad link)."""

    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    field: str | None = None
    severity: str = "error"
    source_line: str | None = None

    @classmethod
    def of(cls, diag: Diagnostic) -> Problem:
        """The same fields as a :class:`Diagnostic`, the file as text (kept in JSON)."""
        return cls(**{**dataclasses.asdict(diag), "file": str(diag.file) if diag.file else None})

    def diagnostic(self, severity: str | None = None) -> Diagnostic:
        from pathlib import Path

        fields = self.model_dump()
        fields.update(
            file=Path(self.file) if self.file else None, severity=severity or self.severity
        )
        return Diagnostic(**fields)


class RegionMap(BaseModel):
    """Everything the Business Community Map shows; renderers only format it."""

    region: Text
    country: Text | None = None
    language: str = "en"
    workspace: str
    date: dt.date = Field(description="The map is 'as of' this date (stale checks use it).")
    stale_months: int = STALE_MONTHS
    communities: list[CommunityRow]
    metrics: list[MetricTotal]
    stages: list[StageCount]
    dimension_titles: dict[str, Text] = {}
    leaders: list[LeaderEntry]
    actors: list[ActorEntry]
    links: list[LinkEntry]
    attention: list[AttentionEntry]
    problems: list[Problem] = []
    baseline: list[RegionFigures] = Field(
        default=[], description="The region's own figures (region.yaml), up to the map's date."
    )
    current_version: str | None = Field(
        default=None, description="The content's current checklist version."
    )
    versions: list[str] = Field(
        default=[],
        description="The checklist versions of the communities' latest two assessments.",
    )
    not_comparable: list[str] = Field(
        default=[],
        description="Checklist versions no migration leads from to the current one: scores "
        "made with them are not compared with the others.",
    )

    @property
    def gap_actors(self) -> list[ActorEntry]:
        """TO-BE actors: organisations still to be created."""
        return [a for a in self.actors if a.status == "to-be"]

    @property
    def gap_links(self) -> list[LinkEntry]:
        """TO-BE links: working relations still to be built."""
        return [link for link in self.links if link.status == "to-be"]

    def metric(self, metric_id: str) -> MetricTotal:
        for metric in self.metrics:
            if metric.id == metric_id:
                return metric
        raise KeyError(metric_id)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict, with the AS-IS/TO-BE gap spelled out."""
        data = self.model_dump(mode="json")
        data["gap"] = {
            "actors": [a.id for a in self.gap_actors],
            "links": [
                {"source": link.source, "target": link.target, "kind": link.kind}
                for link in self.gap_links
            ],
        }
        return data


SECTOR_TITLES: dict[str, Text] = {
    sector: both("map.sector_title_" + sector.replace("-", "_"))
    for sector in ("state", "commercial", "non-profit", "public", "development")
}

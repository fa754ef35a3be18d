"""How one community changed over time: its assessments (stage, overall and each
dimension) and its metric snapshots, each compared with the one before."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel

from commkit.core.region_map import COMMUNITY_METRICS, FALLBACK_METRIC_NAMES
from commkit.core.rescore import result_under_current
from commkit.i18n import both
from commkit.model.common import Text
from commkit.model.workspace_loader import Workspace


class Point(BaseModel):
    """One value on a date (``None``: not measured then)."""

    date: dt.date
    value: float | None


class Series(BaseModel):
    """A dimension score or a metric across assessments / snapshots, oldest first."""

    id: str
    title: Text
    points: list[Point]

    @property
    def first(self) -> float | None:
        return next((p.value for p in self.points if p.value is not None), None)

    @property
    def last(self) -> float | None:
        return next((p.value for p in reversed(self.points) if p.value is not None), None)

    @property
    def previous(self) -> float | None:
        """The value before the last one measured."""
        measured = [p.value for p in self.points if p.value is not None]
        return measured[-2] if len(measured) > 1 else None

    @property
    def change(self) -> float | None:
        """Last minus previous measured value (None with fewer than two)."""
        if self.last is None or self.previous is None:
            return None
        return round(self.last - self.previous, 1)

    @property
    def total_change(self) -> float | None:
        """Last minus first measured value (None with fewer than two)."""
        measured = [p.value for p in self.points if p.value is not None]
        if len(measured) < 2:
            return None
        return round(measured[-1] - measured[0], 1)


class StagePoint(BaseModel):
    date: dt.date
    stage: str
    overall: float
    version: str | None = None
    """The checklist version the assessment was made with."""
    rescored_stage: str | None = None
    rescored_overall: float | None = None
    """The same answers re-scored under the current version, through the pack's migrations
    (set when the assessment was made with another version and a migration leads on)."""


class CommunityProgress(BaseModel):
    slug: str
    name: Text
    stages: list[StagePoint]
    stage_titles: dict[str, Text] = {}
    dimensions: list[Series]
    metrics: list[Series]
    current_version: str | None = None
    versions: list[str] = []
    """Checklist versions of the assessments, oldest first, each once."""
    not_comparable: list[str] = []
    """Versions no migration leads from to the current one: their scores are not comparable."""

    def to_json(self) -> dict[str, Any]:
        data = self.model_dump(mode="json")
        for key, series in (("dimensions", self.dimensions), ("metrics", self.metrics)):
            for entry, item in zip(data[key], series, strict=True):
                entry.update(
                    first=item.first,
                    previous=item.previous,
                    last=item.last,
                    change=item.change,
                    total_change=item.total_change,
                )
        return data


def community_progress(
    workspace: Workspace, slug: str, pack: Any | None = None
) -> CommunityProgress:
    """Every assessment and snapshot of ``slug`` as series; raises UserError if unknown."""
    community = workspace.community(slug)
    assessments = workspace.assessments(slug)
    dim_titles: dict[str, Text] = {}
    stage_titles: dict[str, Text] = {}
    order: list[str] = []
    if pack is not None:
        checklist = pack.checklist
        dim_titles = {d.id: d.title for d in checklist.dimensions}
        stage_titles = {s.id: s.title for s in checklist.stages}
        order = list(dim_titles)
    for assessment in assessments:
        for result in assessment.result.dimensions:
            if result.id not in order:
                order.append(result.id)
    dimensions = []
    for dim_id in order:
        points = []
        for assessment in assessments:
            scores = {d.id: d.score for d in assessment.result.dimensions}
            value = scores.get(dim_id)
            points.append(
                Point(date=assessment.date, value=None if value is None else round(value, 1))
            )
        dimensions.append(Series(id=dim_id, title=dim_titles.get(dim_id, dim_id), points=points))
    metric_names: dict[str, Text] = dict(FALLBACK_METRIC_NAMES)
    if pack is not None:
        metric_names.update({m.id: m.name for m in pack.methodology.metrics})
    snapshots = sorted(community.snapshots, key=lambda s: s.date)
    metrics = []
    for metric_id in (*COMMUNITY_METRICS, "events"):
        points = [Point(date=s.date, value=getattr(s, metric_id)) for s in snapshots]
        if any(p.value is not None for p in points):
            title = metric_names.get(metric_id, both("map.metric_events"))
            metrics.append(Series(id=metric_id, title=title, points=points))
    stages = [
        StagePoint(
            date=a.date,
            stage=a.result.stage,
            overall=round(a.result.overall, 1),
            version=a.checklist.version,
        )
        for a in assessments
    ]
    versions = list(dict.fromkeys(a.checklist.version for a in assessments))
    current = pack.checklist.version if pack is not None else None
    not_comparable: list[str] = []
    if pack is not None:
        for point, assessment in zip(stages, assessments, strict=True):
            if assessment.checklist.version == current:
                continue
            rescored = rescore_result(pack, assessment)
            if rescored is None:
                if assessment.checklist.version not in not_comparable:
                    not_comparable.append(assessment.checklist.version)
                continue
            point.rescored_stage, point.rescored_overall = rescored
    return CommunityProgress(
        slug=community.slug,
        name=community.name,
        stages=stages,
        stage_titles=stage_titles,
        dimensions=dimensions,
        metrics=metrics,
        current_version=current,
        versions=versions,
        not_comparable=not_comparable,
    )


def rescore_result(pack: Any, assessment: Any) -> tuple[str, float] | None:
    """Stage and overall score of an assessment's answers under the pack's current checklist,
    carried through its migrations; ``None`` when no migration leads there."""
    result = result_under_current(pack, assessment)
    return None if result is None else (result.stage, round(result.overall, 1))

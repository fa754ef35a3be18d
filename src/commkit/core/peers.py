""" "You versus your peers": a community's dimension scores against the other communities
of its region at the same stage (median and quartiles of their latest assessments).

Shown only when at least :data:`MIN_PEERS` other communities are at that stage, so that no
single community can be read off the figures; peers are never named unless the caller
asks (``named``).
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass

from pydantic import BaseModel

from commkit.model.answers import Assessment
from commkit.model.common import Text, tr
from commkit.model.workspace_loader import Workspace

MIN_PEERS = 5
"""The fewest other communities at the same stage for a comparison to be shown."""


class PeerDimension(BaseModel):
    id: str
    score: float | None
    q1: float
    median: float
    q3: float
    peers: int
    position: str
    """'top' (above Q3), 'upper' (above the median), 'middle' (on the median), 'lower'
    (Q1 up to the median), 'bottom' (below Q1), or 'unknown' (no score here)."""


class PeerComparison(BaseModel):
    stage: str
    peers: int
    dimensions: list[PeerDimension]
    names: list[Text] | None = None
    """The peer communities' names, only when asked for (``named``)."""


@dataclass(frozen=True)
class _Entry:
    slug: str
    name: Text
    stage: str
    scores: dict[str, float]


class PeerPool:
    """The latest assessment of every community of a workspace, read once per run."""

    def __init__(self, entries: Iterable[_Entry]) -> None:
        self.entries = list(entries)

    @classmethod
    def of(cls, workspace: Workspace) -> PeerPool:
        entries = []
        for slug in workspace.assessed_slugs():
            latest = workspace.latest_assessments(slug, 1)
            if latest:
                entries.append(_entry(slug, latest[0]))
        return cls(entries)

    def compare(
        self, slug: str, assessment: Assessment, *, named: bool = False
    ) -> PeerComparison | None:
        """Where each dimension stands against the others at the same stage, or ``None``
        when fewer than :data:`MIN_PEERS` other communities are there."""
        stage = assessment.result.stage
        peers = [e for e in self.entries if e.stage == stage and e.slug != slug]
        if len(peers) < MIN_PEERS:
            return None
        dimensions = []
        for dim in assessment.result.dimensions:
            values = sorted(e.scores[dim.id] for e in peers if dim.id in e.scores)
            if len(values) < MIN_PEERS:
                continue
            q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
            score = None if dim.score is None else round(dim.score, 1)
            dimensions.append(
                PeerDimension(
                    id=dim.id,
                    score=score,
                    q1=round(q1, 1),
                    median=round(median, 1),
                    q3=round(q3, 1),
                    peers=len(values),
                    position=_position(score, q1, median, q3),
                )
            )
        names = sorted((e.name for e in peers), key=tr) if named else None
        return PeerComparison(stage=stage, peers=len(peers), dimensions=dimensions, names=names)


def _entry(slug: str, assessment: Assessment) -> _Entry:
    scores = {d.id: d.score for d in assessment.result.dimensions if d.score is not None}
    return _Entry(slug, assessment.community.name, assessment.result.stage, scores)


def _position(score: float | None, q1: float, median: float, q3: float) -> str:
    if score is None:
        return "unknown"
    if score > q3:
        return "top"
    if score == round(median, 1):
        return "middle"
    if score > median:
        return "upper"
    if score >= q1:
        return "lower"
    return "bottom"

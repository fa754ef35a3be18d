"""Pydantic models of every YAML kind, and the loader that turns files into them."""

from __future__ import annotations

from commkit.model.answers import Answer, Answers, Assessment, AssessmentResult
from commkit.model.checklist import Checklist, Dimension, Option, Question, Stage
from commkit.model.common import Text, tr
from commkit.model.condition import Condition
from commkit.model.methodology import Chapter, Methodology, Metric, Role
from commkit.model.migration import Migration
from commkit.model.roadmap import Action, Roadmap
from commkit.model.seminar import Seminar
from commkit.model.workspace import Community, Region, Snapshot

KINDS: dict[str, type[object]] = {
    "methodology": Methodology,
    "checklist": Checklist,
    "roadmap": Roadmap,
    "seminar": Seminar,
    "region": Region,
    "community": Community,
    "answers": Answers,
    "assessment": Assessment,
    "migration": Migration,
}
"""Every file kind, by the value of its ``kind:`` header."""

__all__ = [
    "KINDS",
    "Action",
    "Answer",
    "Answers",
    "Assessment",
    "AssessmentResult",
    "Chapter",
    "Checklist",
    "Community",
    "Condition",
    "Dimension",
    "Methodology",
    "Metric",
    "Migration",
    "Option",
    "Question",
    "Region",
    "Roadmap",
    "Role",
    "Seminar",
    "Snapshot",
    "Stage",
    "Text",
    "tr",
]

"""Pydantic models of every YAML kind, and the loader that turns files into them.

Nothing is imported until it is asked for: a pydantic class costs time to build, and a
command that reads one kind of file should not build the classes of every other kind.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_HOMES = {
    "Answer": "answers",
    "Answers": "answers",
    "Assessment": "answers",
    "AssessmentResult": "answers",
    "Checklist": "checklist",
    "Dimension": "checklist",
    "Option": "checklist",
    "Question": "checklist",
    "Stage": "checklist",
    "Text": "common",
    "tr": "common",
    "Condition": "condition",
    "Chapter": "methodology",
    "Methodology": "methodology",
    "Metric": "methodology",
    "Role": "methodology",
    "Migration": "migration",
    "Action": "roadmap",
    "Roadmap": "roadmap",
    "Seminar": "seminar",
    "Community": "workspace",
    "Region": "workspace",
    "Snapshot": "workspace",
}
"""Each public name and the module (under ``commkit.model``) that defines it."""

KIND_NAMES: dict[str, str] = {
    "methodology": "Methodology",
    "checklist": "Checklist",
    "roadmap": "Roadmap",
    "seminar": "Seminar",
    "region": "Region",
    "community": "Community",
    "answers": "Answers",
    "assessment": "Assessment",
    "migration": "Migration",
}
"""Every file kind, by the value of its ``kind:`` header, and the name of its model."""


def kind_class(kind: str) -> Any:
    """The model of one file kind (its module imported now, and only it)."""
    return __getattr__(KIND_NAMES[kind])


def __getattr__(name: str) -> Any:
    if name == "KINDS":  # every kind's model, by kind
        return {kind: kind_class(kind) for kind in KIND_NAMES}
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{home}"), name)


__all__ = ["KINDS", "KIND_NAMES", "kind_class", *_HOMES]

"""A checklist with its texts changed, as an overlay makes one: for the tests that a report's
remembered pieces follow the checklist object they were made for."""

from __future__ import annotations

from typing import Any


def changed_copy(checklist: Any, meaning: str = "Means", questions: bool = False) -> Any:
    """``checklist`` with every dimension and stage text changed (``meaning`` begins each
    stage's meaning; ``""`` leaves it empty), and with ``questions`` every question's text."""
    dims = [
        d.model_copy(update={"title": {"en": f"Dim {i}", "ru": f"Изм {i}"}})
        for i, d in enumerate(checklist.dimensions)
    ]
    stages = [
        s.model_copy(
            update={
                "title": {"en": f"Stage {i}", "ru": f"Стадия {i}"},
                "meaning": {"en": meaning and f"{meaning} {i}", "ru": f"Значит {i}"},
                "descriptors": {d: {"en": f"At {i}", "ru": f"На {i}"} for d in s.descriptors},
            }
        )
        for i, s in enumerate(checklist.stages)
    ]
    update: dict[str, Any] = {"dimensions": dims, "stages": stages}
    if questions:
        update["questions"] = [
            q.model_copy(update={"text": {"en": f"Question {i}?", "ru": f"Вопрос {i}?"}})
            for i, q in enumerate(checklist.questions)
        ]
    return checklist.model_copy(update=update)

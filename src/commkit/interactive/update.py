"""``assess --update OLD``: an assessment made with an earlier checklist, continued in a new
draft that holds every carried answer and asks only the questions the current checklist
needs. The old file is only read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from commkit.model.answers import Answers


def update_draft(
    pack: Any, old: Path, today: dt.date | None = None
) -> tuple[Answers, list[str], str]:
    """The draft to continue (carried answers, the old date), the questions to ask and the
    version the old file was written for."""
    from commkit import api

    result = api.rescore(old, pack=pack, today=today)
    draft = result.answers.model_copy(update={"complete": False, "draft": None})
    return draft, [n.id for n in result.need], result.old_version

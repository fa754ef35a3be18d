"""Checks of an assessment's date against today and the community's founding date (pure)."""

from __future__ import annotations

import datetime as dt


def founded_start(founded: str) -> dt.date:
    """The first day a partial date (``2020``, ``2020-08``, ``2020-08-15``) can mean."""
    parts = [int(p) for p in founded.split("-")]
    while len(parts) < 3:
        parts.append(1)
    return dt.date(parts[0], parts[1], parts[2])


def date_problems(date: dt.date, today: dt.date, founded: str | None = None) -> list[str]:
    """Why ``date`` looks wrong for an assessment (empty when it does not)."""
    problems = []
    if date > today:
        problems.append(
            f"the assessment is dated {date.isoformat()}, in the future (today is "
            f"{today.isoformat()}): check the date"
        )
    if founded is not None:
        try:
            start = founded_start(founded)
        except ValueError:
            return problems
        if date < start:
            problems.append(
                f"the assessment is dated {date.isoformat()}, before the community was "
                f"founded ({founded}): check the date"
            )
    return problems

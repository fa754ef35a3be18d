"""Working days: Monday to Friday, minus the holidays a region declares.

A plan counts durations in working days. :class:`WorkCalendar` maps working-day indices
(0 = the first working day on or after the plan start) to dates and back, so that the
scheduler can work with plain integers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path

from commkit.errors import Diagnostic, UserError

_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def is_working_day(day: date, holidays: frozenset[date] | set[date] = frozenset()) -> bool:
    return day.weekday() < 5 and day not in holidays


def next_monday(today: date) -> date:
    """The Monday after ``today`` (a week later when ``today`` is a Monday)."""
    return today + timedelta(days=7 - today.weekday())


class WorkCalendar:
    """Working days from ``start`` on, indexed 0, 1, 2, ... (extended as far as asked)."""

    def __init__(self, start: date, holidays: Iterable[date] = ()) -> None:
        self.start = start
        self.holidays = frozenset(holidays)
        self._days: list[date] = []
        self._next = start

    def _extend(self, index: int) -> None:
        while len(self._days) <= index:
            day = self._next
            self._next = day + timedelta(days=1)
            if is_working_day(day, self.holidays):
                self._days.append(day)

    def day(self, index: int) -> date:
        """The date of working day ``index``."""
        if index < 0:
            raise ValueError("working-day index must not be negative")
        self._extend(index)
        return self._days[index]

    def index_on_or_after(self, day: date) -> int:
        """The index of the first working day on or after ``day``."""
        if day <= self.start:
            return 0
        index = 0
        while True:
            self._extend(index)
            if self._days[index] >= day:
                return index
            index += 1

    def count_before(self, day: date) -> int:
        """How many working days fall in ``[start, day)``."""
        return self.index_on_or_after(day)


def _located(path: Path, line_no: int, line: str, message: str) -> UserError:
    diag = Diagnostic(message, file=path, line=line_no, source_line=line)
    return UserError("", [diag])


def _parse_date(token: str) -> date | None:
    match = _DATE_RE.match(token)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def parse_holidays(text: str, path: Path) -> list[date]:
    """Holidays from a text or YAML list: one date (``YYYY-MM-DD``) or range per line.

    Accepted lines: ``2026-01-07``, ``- 2026-01-07``, ``- "2026-01-07"``, a range
    ``2026-01-01..2026-01-08`` (both ends included), a ``holidays:`` heading, blank lines and
    ``#`` comments (also after a date). A bad line raises a :class:`UserError` naming
    ``file:line``.
    """
    days: set[date] = set()
    for line_no, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line or line in ("---", "holidays:", "holidays: []"):
            continue
        if line.startswith("- "):
            line = line[2:].strip()
        line = line.strip("'\"").strip()
        first, sep, last = line.partition("..")
        start = _parse_date(first.strip().strip("'\""))
        end = _parse_date(last.strip().strip("'\"")) if sep else start
        if start is None or end is None:
            raise _located(
                path,
                line_no,
                raw,
                f"{line!r} is not a date such as 2026-01-07 (or a range 2026-01-01..2026-01-08)",
            )
        if end < start:
            raise _located(path, line_no, raw, "the range ends before it starts")
        if (end - start).days > 366:
            raise _located(path, line_no, raw, "a holiday range may span at most a year")
        day = start
        while day <= end:
            days.add(day)
            day += timedelta(days=1)
    return sorted(days)

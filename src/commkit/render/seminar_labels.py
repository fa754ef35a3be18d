"""The seminar materials' labels and dates, from :mod:`commkit.i18n`."""

from __future__ import annotations

from datetime import date

from commkit.i18n import section, text


def short_date(day: date, lang: str) -> str:
    """``Tue, 1 Dec 2026`` / ``вт, 1 дек 2026`` for tables."""
    weekday = text(f"date.weekday_short_{day.isoweekday()}", lang)
    month = text(f"date.month_short_{day.month}", lang)
    return f"{weekday}, {day.day} {month} {day.year}"


def labels(lang: str) -> dict[str, str]:
    """The labels for ``lang`` (section ``seminar`` of :mod:`commkit.i18n`)."""
    return section("seminar", lang)


def long_date(day: date, lang: str) -> str:
    """``Tuesday, 1 December 2026`` / ``вторник, 1 декабря 2026``."""
    weekday = text(f"date.weekday_{day.isoweekday()}", lang)
    month = text(f"date.month_of_{day.month}", lang)
    return f"{weekday}, {day.day} {month} {day.year}"

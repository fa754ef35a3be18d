"""The map's community table as CSV: one row per community, spreadsheet-safe."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from commkit.core.region_map import COMMUNITY_METRICS, RegionMap
from commkit.model.common import tr

COLUMNS = (
    "slug",
    "name",
    "stage",
    "score",
    "last_assessment",
    "assessments",
    "status",
    *COMMUNITY_METRICS,
    "events",
    "latest_snapshot",
    "leader_names",
    "platform",
    "format",
    "formalised",
    "founded",
)


def _safe(value: object) -> str:
    """Text as a cell; a leading ``= + - @`` is neutralised (no formula injection)."""
    if value is None:
        return ""
    text = str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


def map_csv(region_map: RegionMap, lang: str = "en") -> str:
    """CSV text (RFC 4180, ``\\r\\n`` line ends) with a header row; numbers stay numbers."""
    return "".join(map_csv_chunks(region_map, lang))


def map_csv_chunks(region_map: RegionMap, lang: str = "en") -> Iterator[str]:
    """:func:`map_csv` piece by piece (the header, then one chunk per 1,000 rows)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for index, row in enumerate(region_map.communities, start=1):
        if index % 1000 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
        dates = list(row.metric_dates.values())
        writer.writerow(
            [
                row.slug,
                _safe(tr(row.name, lang)),
                row.stage or "",
                "" if row.score is None else row.score,
                row.last_assessment.isoformat() if row.last_assessment else "",
                row.assessments,
                row.status,
                *("" if row.metric(m) is None else row.metric(m) for m in COMMUNITY_METRICS),
                "" if row.events is None else row.events,
                max(dates).isoformat() if dates else "",
                _safe("; ".join(tr(x, lang) for x in row.leaders)),
                _safe(tr(row.platform, lang)),
                row.format,
                "yes" if row.formalised else "no",
                row.founded or "",
            ]
        )
    yield buffer.getvalue()

"""The Business Community Map: every community of a workspace, the seven final metrics,
stages, leaders, the ecosystem AS-IS and TO-BE, and what needs attention.

- :mod:`.models`: the map and its parts (pydantic models) and the metric and sector names;
- :mod:`.aggregation`: a community's row, the totals, the stage counts, the ecosystem;
- :mod:`.streaming`: :func:`build_map`, which parses one profile and its latest assessments
  at a time and keeps only a small :class:`CommunityRow`, so memory grows with the number of
  rows (or stays flat, spilled), never with the parsed files or rendered reports.
"""

from commkit.core.region_map.aggregation import (
    across_versions,
    community_row,
    dimension_changes,
    latest_metrics,
)
from commkit.core.region_map.models import (
    COMMUNITY_METRICS,
    FALLBACK_METRIC_NAMES,
    METRIC_IDS,
    SECTOR_TITLES,
    STALE_MONTHS,
    ActorEntry,
    AttentionEntry,
    CommunityRow,
    LeaderEntry,
    LinkEntry,
    MetricTotal,
    Problem,
    RegionMap,
    StageCount,
)
from commkit.core.region_map.streaming import ProgressHook, build_map

__all__ = [
    "COMMUNITY_METRICS",
    "FALLBACK_METRIC_NAMES",
    "METRIC_IDS",
    "SECTOR_TITLES",
    "STALE_MONTHS",
    "ActorEntry",
    "AttentionEntry",
    "CommunityRow",
    "LeaderEntry",
    "LinkEntry",
    "MetricTotal",
    "Problem",
    "ProgressHook",
    "RegionMap",
    "StageCount",
    "across_versions",
    "build_map",
    "community_row",
    "dimension_changes",
    "latest_metrics",
]

"""What the map computes from its rows: a community's row, the totals, the stage counts and
the ecosystem's links (pure functions of their inputs, one row at a time)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from commkit.core.region_map.models import (
    COMMUNITY_METRICS,
    FALLBACK_METRIC_NAMES,
    METRIC_IDS,
    ActorEntry,
    CommunityRow,
    LinkEntry,
    MetricTotal,
    StageCount,
)
from commkit.errors import Diagnostic
from commkit.i18n import both
from commkit.model.common import Text
from commkit.model.workspace import Community, Link, Snapshot
from commkit.model.workspace_loader import Workspace


def latest_metrics(
    snapshots: Iterable[Snapshot], ids: Iterable[str]
) -> tuple[dict[str, int], dict[str, dt.date], dict[str, int]]:
    """Per metric: the latest snapshot value, its date, and the value before it."""
    ordered = sorted(snapshots, key=lambda s: s.date)
    latest: dict[str, int] = {}
    dates: dict[str, dt.date] = {}
    previous: dict[str, int] = {}
    for metric_id in ids:
        values = [(v, s.date) for s in ordered if (v := getattr(s, metric_id, None)) is not None]
        if values:
            latest[metric_id], dates[metric_id] = values[-1]
            if len(values) > 1:
                previous[metric_id] = values[-2][0]
    return latest, dates, previous


MOVED_DIMENSIONS = 3
"""How many changed dimensions a map row keeps (the largest changes)."""


def dimension_changes(last: Any, before: Any) -> dict[str, float]:
    """The dimensions whose score moved between two results, largest change first."""
    old = {d.id: d.score for d in before.dimensions}
    moved = [
        (round(d.score - old[d.id], 1), d.id)
        for d in last.dimensions
        if d.score is not None and old.get(d.id) is not None and d.score != old[d.id]
    ]
    moved.sort(key=lambda item: (-abs(item[0]), item[1]))
    return {dim_id: delta for delta, dim_id in moved[:MOVED_DIMENSIONS]}


PROFILE_COLUMNS = ("slug", "name", "platform", "format", "formalised", "founded")
"""What a map row shows of a community's profile as it stands there."""


def community_row(
    community: Community,
    file: str,
    assessments: list[Any],
    assessment_count: int,
    stale_before: dt.date,
) -> CommunityRow:
    """The map row of one community; ``assessments`` are its latest ones, newest first."""
    metrics, dates, previous = latest_metrics(community.snapshots, (*COMMUNITY_METRICS, "events"))
    events = metrics.pop("events", None)
    dates.pop("events", None)
    previous.pop("events", None)
    row = CommunityRow(
        **{key: getattr(community, key) for key in PROFILE_COLUMNS},
        file=file,
        leaders=[leader.name for leader in community.leaders],
        events=events,
        metrics=metrics,
        metric_dates=dates,
        previous_metrics=previous,
        assessments=assessment_count,
    )
    if assessments:
        last = assessments[0]
        row.stage = last.result.stage
        row.next_stage = last.result.next_stage
        row.score = round(last.result.overall, 1)
        row.last_assessment = last.date
        row.status = "stale" if last.date < stale_before else "current"
        row.version = last.checklist.version
        if len(assessments) > 1:
            before = assessments[1]
            row.previous_assessment = before.date
            row.previous_version = before.checklist.version
            if before.checklist.version == last.checklist.version:
                row.previous_score = round(before.result.overall, 1)
                row.previous_stage = before.result.stage
                row.dimension_changes = dimension_changes(last.result, before.result)
    return row


def needs_rescoring(pack: Any, latest: list[Any]) -> bool:
    """Whether the latest results (newest first) were made with another checklist version
    than the current one, or than each other: :func:`across_versions` then re-scores them
    from their answers."""
    if not latest or pack is None:
        return False
    last = latest[0]
    current = pack.checklists.get(last.checklist.id)
    if current is None:
        return False
    return last.checklist.version != current.version or (
        len(latest) > 1 and latest[1].checklist.version != last.checklist.version
    )


def across_versions(pack: Any, row: CommunityRow, assessments: list[Any]) -> set[str]:
    """Make a row's figures comparable across checklist versions: the latest assessment
    re-scored under the current version when it is older, and the change since the one
    before measured under one version. Returns the versions no migration leads from."""
    from commkit.core.rescore import result_under_current

    if not needs_rescoring(pack, assessments):
        return set()
    last = assessments[0]
    current = pack.checklists[last.checklist.id]
    stuck: set[str] = set()
    last_now = result_under_current(pack, last)
    if last.checklist.version != current.version:
        if last_now is None:
            stuck.add(last.checklist.version)
        else:
            row.rescored_score = round(last_now.overall, 1)
            row.rescored_stage = last_now.stage
    if len(assessments) > 1 and assessments[1].checklist.version != last.checklist.version:
        before = assessments[1]
        before_now = result_under_current(pack, before)
        if before_now is None:
            stuck.add(before.checklist.version)
        elif last_now is not None and last.checklist.version == current.version:
            row.previous_score = round(before_now.overall, 1)
            row.previous_stage = before_now.stage
            row.dimension_changes = dimension_changes(last_now, before_now)
    return stuck


class Tally:
    """What the map's totals need from its rows, gathered one row at a time."""

    def __init__(self) -> None:
        self.count = 0
        self.sums: dict[str, list[int]] = {}
        """metric id -> [sum of values, how many rows report it]"""
        self.dates: dict[str, list[dt.date]] = {}
        """metric id -> [earliest, latest] date of the rows' latest snapshots"""
        self.stages: dict[str, int] = {}
        """stage id -> rows at it, in the order first met"""
        self.never = 0

    def add(self, row: CommunityRow) -> None:
        self.count += 1
        for metric_id, value in row.metrics.items():
            acc = self.sums.get(metric_id)
            if acc is None:
                self.sums[metric_id] = [value, 1]
            else:
                acc[0] += value
                acc[1] += 1
        for metric_id, day in row.metric_dates.items():
            span = self.dates.get(metric_id)
            if span is None:
                self.dates[metric_id] = [day, day]
            else:
                if day < span[0]:
                    span[0] = day
                if day > span[1]:
                    span[1] = day
        if row.stage is not None:
            self.stages[row.stage] = self.stages.get(row.stage, 0) + 1
        else:
            self.never += 1


def totals(tally: Tally, pack: Any | None, today: dt.date) -> list[MetricTotal]:
    defined: dict[str, Any] = {}
    if pack is not None:
        defined = {m.id: m for m in pack.methodology.metrics}
    ids = list(METRIC_IDS) + [m for m in defined if m not in METRIC_IDS]
    result: list[MetricTotal] = []
    for metric_id in ids:
        spec = defined.get(metric_id)
        name: Text = spec.name if spec else FALLBACK_METRIC_NAMES.get(metric_id, metric_id)
        unit: Text | None = spec.unit if spec else None
        if metric_id == "communities":
            result.append(
                MetricTotal(
                    id=metric_id,
                    name=name,
                    unit=unit,
                    level="region",
                    total=tally.count,
                    reporting=tally.count,
                    latest=today,
                    earliest=today,
                )
            )
            continue
        acc = tally.sums.get(metric_id)
        span = tally.dates.get(metric_id)
        result.append(
            MetricTotal(
                id=metric_id,
                name=name,
                unit=unit,
                level=spec.level if spec else "community",
                total=acc[0] if acc else None,
                reporting=acc[1] if acc else 0,
                latest=span[1] if span else None,
                earliest=span[0] if span else None,
            )
        )
    return result


STAGE_IDS: tuple[str, ...] = ("core", "shared-value", "growth", "mature")
"""The default pack's stages, low to high (used for the order when no pack is given)."""


def stages(tally: Tally, pack: Any | None) -> list[StageCount]:
    titles: dict[str, Text] = {}
    if pack is not None:
        titles = {stage.id: stage.title for stage in pack.checklist.stages}
    else:
        titles = {stage: stage for stage in STAGE_IDS}
    counts: dict[str, int] = dict.fromkeys(titles, 0)
    for stage, n in tally.stages.items():
        counts[stage] = counts.get(stage, 0) + n
    result = [StageCount(id=s, title=titles.get(s, s), count=n) for s, n in counts.items()]
    never = tally.never
    result.append(StageCount(id="not-assessed", title=both("map.not_assessed"), count=never))
    return result


def dimension_titles(pack: Any | None) -> dict[str, Text]:
    if pack is None:
        return {}
    return {d.id: d.title for d in pack.checklist.dimensions}


def ecosystem(
    workspace: Workspace, communities: dict[str, Text]
) -> tuple[list[ActorEntry], list[LinkEntry]]:
    region = workspace.region
    if region is None:
        return [], []
    actors = {
        a.id: ActorEntry(id=a.id, name=a.name, sector=a.sector, status=a.status)
        for a in region.ecosystem.actors
    }
    links: list[LinkEntry] = []
    unknown: list[tuple[int, str, str]] = []
    for index, link in enumerate(region.ecosystem.links):
        ends = []
        for end_name, ref in (("source", link.source), ("target", link.target)):
            if ref in actors:
                ends.append(("actor", actors[ref].name))
                actors[ref].links += 1
            elif ref in communities:
                ends.append(("community", communities[ref]))
            else:
                ends.append(("unknown", ref))
                unknown.append((index, end_name, ref))
        links.append(_link_entry(link, ends))
    if unknown:
        workspace.diagnostics.extend(_unknown_refs(workspace, unknown))
    return list(actors.values()), links


def _link_entry(link: Link, ends: list[tuple[str, Text]]) -> LinkEntry:
    """The link as the map shows it: its own fields, and what and who stands at each end."""
    (source_type, source_name), (target_type, target_name) = ends
    return LinkEntry(
        **dict(link),
        source_name=source_name,
        target_name=target_name,
        source_type=source_type,
        target_type=target_type,
    )


def _unknown_refs(workspace: Workspace, unknown: list[tuple[int, str, str]]) -> list[Diagnostic]:
    from commkit.errors import ContentError
    from commkit.model.loader import forget_source, parse_file

    try:
        doc = parse_file(workspace.region_path)
    except ContentError:  # pragma: no cover - it parsed a moment ago
        doc = None
    out: list[Diagnostic] = []
    for index, end_name, ref in unknown:
        message = f"{ref!r} is neither an actor of the ecosystem nor a community slug"
        if doc is None:
            out.append(Diagnostic(message, file=workspace.region_path, severity="warning"))
        else:
            out.append(
                doc.diagnostic(("ecosystem", "links", index, end_name), message, severity="warning")
            )
    forget_source(workspace.region_path)
    return out

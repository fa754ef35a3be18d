"""The Business Community Map: every community of a workspace, the seven final metrics,
stages, leaders, the ecosystem AS-IS and TO-BE, and what needs attention.

:func:`build_map` streams the workspace: it parses one profile and its latest assessments,
keeps a small :class:`CommunityRow` and drops the documents, so memory grows with the number
of rows, never with the parsed files or rendered reports.
"""

from __future__ import annotations

import datetime as dt
import gc
import itertools
import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

from commkit.errors import Diagnostic
from commkit.model.common import Text
from commkit.model.workspace import Community, Link, RegionFigures, Snapshot
from commkit.model.workspace_loader import Workspace, months_before

METRIC_IDS: tuple[str, ...] = (
    "communities",
    "members",
    "leaders",
    "projects",
    "publications",
    "support_measures",
    "initiatives",
)
"""The seven final metrics of the method (content ids, see docs/CONTENT-IDS.md)."""
COMMUNITY_METRICS: tuple[str, ...] = METRIC_IDS[1:]
"""Metrics that a community's snapshots report; ``communities`` is counted by the map."""

FALLBACK_METRIC_NAMES: dict[str, Text] = {
    "communities": {
        "en": "Business communities in the region",
        "ru": "Бизнес-сообщества в регионе",
    },
    "members": {"en": "Community members", "ru": "Участники сообществ"},
    "leaders": {"en": "Community leaders", "ru": "Лидеры сообществ"},
    "projects": {"en": "Projects launched", "ru": "Запущенные проекты"},
    "publications": {"en": "Publications about communities", "ru": "Публикации о сообществах"},
    "support_measures": {
        "en": "Government support measures for communities",
        "ru": "Меры господдержки сообществ",
    },
    "initiatives": {
        "en": "Initiatives proposed by entrepreneurs",
        "ru": "Инициативы предпринимателей",
    },
}

STALE_MONTHS = 6
"""A community assessed longer ago than this needs a new assessment."""

Status = Literal["current", "stale", "never-assessed"]


class CommunityRow(BaseModel):
    """One line of the map: a community profile plus its latest assessment and figures."""

    slug: str
    name: Text
    file: str
    stage: str | None = None
    score: float | None = None
    next_stage: str | None = None
    last_assessment: dt.date | None = None
    assessments: int = 0
    status: Status = "never-assessed"
    leaders: list[Text] = []
    platform: Text | None = None
    format: str = "online"
    formalised: bool = False
    founded: str | None = None
    events: int | None = None
    metrics: dict[str, int] = Field(
        default={}, description="Each metric's value in its latest snapshot that gives it."
    )
    metric_dates: dict[str, dt.date] = Field(
        default={}, description="The date of the snapshot each value in 'metrics' comes from."
    )
    previous_metrics: dict[str, int] = Field(
        default={}, description="Each metric's value in the snapshot before that one."
    )
    previous_assessment: dt.date | None = None
    previous_score: float | None = None
    previous_stage: str | None = None
    version: str | None = Field(
        default=None, description="The checklist version of the latest assessment."
    )
    previous_version: str | None = Field(
        default=None,
        description="The checklist version of the assessment before; when it differs, the "
        "previous score, stage and changes are re-scored under the latest one's version "
        "(through the migrations), or left out when no migration leads there.",
    )
    rescored_score: float | None = Field(
        default=None,
        description="The latest assessment re-scored under the current checklist, when it was "
        "made with an earlier version and a migration leads on.",
    )
    rescored_stage: str | None = None
    dimension_changes: dict[str, float] = Field(
        default={},
        description="Dimensions whose score changed since the previous assessment "
        "(at most three, the largest changes first).",
    )

    def metric(self, metric_id: str) -> int | None:
        return self.metrics.get(metric_id)

    @property
    def members(self) -> int | None:
        return self.metric("members")

    @property
    def projects(self) -> int | None:
        return self.metric("projects")


class MetricTotal(BaseModel):
    """One final metric for the whole region."""

    id: str
    name: Text
    unit: Text | None = None
    level: Literal["region", "community"] = "community"
    total: int | None = Field(description="Sum over reporting communities (None: nobody reports).")
    reporting: int = Field(description="How many communities report this metric.")
    latest: dt.date | None = Field(description="Date of the most recent snapshot counted.")
    earliest: dt.date | None = Field(description="Date of the oldest latest-snapshot counted.")


class StageCount(BaseModel):
    id: str
    title: Text
    count: int


class LeaderEntry(BaseModel):
    name: Text
    role: Text | None
    community: str
    community_name: Text


class ActorEntry(BaseModel):
    id: str
    name: Text
    sector: str
    status: str
    links: int = 0


class LinkEntry(BaseModel):
    source: str
    target: str
    source_name: Text
    target_name: Text
    source_type: Literal["actor", "community", "unknown"]
    target_type: Literal["actor", "community", "unknown"]
    kind: Text
    status: str
    note: Text | None = None


class AttentionEntry(BaseModel):
    slug: str
    name: Text
    status: Literal["stale", "never-assessed"]
    last_assessment: dt.date | None = None


class Problem(BaseModel):
    """A located problem met while reading the workspace (a broken file, a bad link)."""

    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    field: str | None = None
    severity: str = "error"
    source_line: str | None = None

    @classmethod
    def of(cls, diag: Diagnostic) -> Problem:
        return cls(
            message=diag.message,
            file=str(diag.file) if diag.file else None,
            line=diag.line,
            column=diag.column,
            field=diag.field,
            severity=diag.severity,
            source_line=diag.source_line,
        )

    def diagnostic(self, severity: str | None = None) -> Diagnostic:
        from pathlib import Path

        return Diagnostic(
            message=self.message,
            file=Path(self.file) if self.file else None,
            line=self.line,
            column=self.column,
            field=self.field,
            source_line=self.source_line,
            severity=severity or self.severity,
        )


class RegionMap(BaseModel):
    """Everything the Business Community Map shows; renderers only format it."""

    region: Text
    country: Text | None = None
    language: str = "en"
    workspace: str
    date: dt.date = Field(description="The map is 'as of' this date (stale checks use it).")
    stale_months: int = STALE_MONTHS
    communities: list[CommunityRow]
    metrics: list[MetricTotal]
    stages: list[StageCount]
    dimension_titles: dict[str, Text] = {}
    leaders: list[LeaderEntry]
    actors: list[ActorEntry]
    links: list[LinkEntry]
    attention: list[AttentionEntry]
    problems: list[Problem] = []
    baseline: list[RegionFigures] = Field(
        default=[], description="The region's own figures (region.yaml), up to the map's date."
    )
    current_version: str | None = Field(
        default=None, description="The content's current checklist version."
    )
    versions: list[str] = Field(
        default=[],
        description="The checklist versions of the communities' latest two assessments.",
    )
    not_comparable: list[str] = Field(
        default=[],
        description="Checklist versions no migration leads from to the current one: scores "
        "made with them are not compared with the others.",
    )

    @property
    def gap_actors(self) -> list[ActorEntry]:
        """TO-BE actors: organisations still to be created."""
        return [a for a in self.actors if a.status == "to-be"]

    @property
    def gap_links(self) -> list[LinkEntry]:
        """TO-BE links: working relations still to be built."""
        return [link for link in self.links if link.status == "to-be"]

    def metric(self, metric_id: str) -> MetricTotal:
        for metric in self.metrics:
            if metric.id == metric_id:
                return metric
        raise KeyError(metric_id)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict, with the AS-IS/TO-BE gap spelled out."""
        data = self.model_dump(mode="json")
        data["gap"] = {
            "actors": [a.id for a in self.gap_actors],
            "links": [
                {"source": link.source, "target": link.target, "kind": link.kind}
                for link in self.gap_links
            ],
        }
        return data


# ------------------------------------------------------------------ building


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
        slug=community.slug,
        name=community.name,
        file=file,
        leaders=[leader.name for leader in community.leaders],
        platform=community.platform,
        format=community.format,
        formalised=community.formalised,
        founded=community.founded,
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


def across_versions(pack: Any, row: CommunityRow, assessments: list[Any]) -> set[str]:
    """Make a row's figures comparable across checklist versions: the latest assessment
    re-scored under the current version when it is older, and the change since the one
    before measured under one version. Returns the versions no migration leads from."""
    from commkit.core.progress import result_under_current

    if not assessments or pack is None:
        return set()
    last = assessments[0]
    current = pack.checklists.get(last.checklist.id)
    if current is None:
        return set()
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


ProgressHook = Callable[[int, int], None]


@contextmanager
def _paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while streaming files.

    Parsed YAML documents are acyclic and freed by reference counting; what the collector
    would do is walk the ever-growing list of rows again and again, which made the map
    super-linear (10,000 communities: 30 s with it, 22 s without). Its previous state is
    restored afterwards, so cycles made meanwhile are still collected.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class SpilledList:
    """A write-once list of pydantic models kept in a temporary file, not in memory.

    ``append``/``extend`` pickle each item to the file; every iteration reads them back, one
    at a time, in order (several iterations, even at once, each have their own position).
    ``len``, ``bool`` and ``[...]`` (an index or a slice) work as on a list. The map uses it
    for its per-community lists (``build_map(..., spill=True)``), so that memory stays flat
    in the number of communities; the file goes away with the object.
    """

    def __init__(self) -> None:
        # closed by close() or when the list goes away
        self._file = tempfile.TemporaryFile(prefix="commkit-map-", suffix=".tmp")  # noqa: SIM115
        self._len = 0
        self._end = 0

    def append(self, item: Any) -> None:
        data = pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)
        self._file.seek(self._end)
        self._file.write(data)
        self._end += len(data)
        self._len += 1

    def extend(self, items: Iterable[Any]) -> None:
        for item in items:
            self.append(item)

    def __len__(self) -> int:
        return self._len

    def __bool__(self) -> bool:
        return self._len > 0

    def __iter__(self) -> Iterator[Any]:
        fh, pos = self._file, 0
        for _ in range(self._len):
            fh.seek(pos)
            item = pickle.load(fh)
            pos = fh.tell()
            yield item

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            start, stop, step = index.indices(self._len)
            if step < 1 or start >= stop:
                return list(self)[index]
            return list(itertools.islice(iter(self), start, stop, step))
        if index < 0:
            index += self._len
        if not 0 <= index < self._len:
            raise IndexError("SpilledList index out of range")
        return next(itertools.islice(iter(self), index, None))

    def close(self) -> None:
        self._file.close()


class _Tally:
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


class _Collected:
    """The per-community lists of a map and the small aggregates built as rows arrive."""

    def __init__(self, spill: bool, link_refs: set[str]) -> None:
        self.rows: Any = SpilledList() if spill else []
        self.leaders: Any = SpilledList() if spill else []
        self.attention: Any = SpilledList() if spill else []
        self.tally = _Tally()
        self.known: set[str] = set()
        self.link_refs = link_refs
        self.names: dict[str, Text] = {}
        """slug -> name, for the slugs the ecosystem's links name"""
        self.pack: Any = None
        self.versions: set[str] = set()
        """checklist versions of the latest two assessments of each community"""
        self.not_comparable: set[str] = set()

    def add(self, row: CommunityRow) -> None:
        self.rows.append(row)
        self.tally.add(row)
        self.known.add(row.slug)
        if row.slug in self.link_refs:
            self.names[row.slug] = row.name
        if row.status != "current":
            self.attention.append(
                AttentionEntry(
                    slug=row.slug,
                    name=row.name,
                    status=row.status,
                    last_assessment=row.last_assessment,
                )
            )


def _stream(
    workspace: Workspace,
    paths: list[Path],
    stale_before: dt.date,
    collected: _Collected,
    progress: ProgressHook | None,
) -> None:
    """Read one profile (and its latest assessments) at a time; keep only its row."""
    total = len(paths)
    leaders = collected.leaders
    for done, (path, community) in enumerate(workspace.communities(paths), start=1):
        if community is not None:
            count = len(workspace.assessment_paths(community.slug))
            latest = workspace.latest_assessments(community.slug, 2) if count else []
            row = community_row(community, str(path), latest, count, stale_before)
            collected.not_comparable |= across_versions(collected.pack, row, latest)
            collected.versions.update(v for v in (row.version, row.previous_version) if v)
            collected.add(row)
            leaders.extend(
                LeaderEntry(
                    name=leader.name,
                    role=leader.role,
                    community=community.slug,
                    community_name=community.name,
                )
                for leader in community.leaders
            )
        if progress is not None:
            progress(done, total)


def build_map(
    workspace: Workspace,
    pack: Any | None = None,
    today: dt.date | None = None,
    *,
    stale_months: int = STALE_MONTHS,
    progress: ProgressHook | None = None,
    spill: bool = False,
) -> RegionMap:
    """Build the map of ``workspace`` as of ``today``.

    ``pack`` (a :class:`commkit.model.pack.ContentPack`, optional) gives the metric names
    and the stage order and titles; without it ids are shown. ``progress(done, total)`` is
    called after each community file. Broken files become :attr:`RegionMap.problems`.

    ``spill=True`` keeps ``communities``, ``leaders`` and ``attention`` in temporary files
    (:class:`SpilledList`, iterable, not lists; the map is then made with
    ``model_construct``, so write its JSON with :func:`map_json_chunks`): memory stays flat
    in the number of communities. Everything in it is the same as without.
    """
    today = today or dt.date.today()
    stale_before = months_before(today, stale_months)
    paths = workspace.community_paths()
    region = workspace.region
    link_refs: set[str] = set()
    if region is not None:
        for link in region.ecosystem.links:
            link_refs.update((link.source, link.target))
    collected = _Collected(spill, link_refs)
    collected.pack = pack
    with _paused_gc():
        _stream(workspace, paths, stale_before, collected, progress)
    known = collected.known

    for slug in workspace.assessed_slugs():
        if slug not in known:
            workspace.diagnostics.append(
                Diagnostic(
                    f"assessments for {slug!r}, which has no profile in communities/",
                    file=workspace.assessments_dir / slug,
                    severity="warning",
                )
            )
    actors, links = _ecosystem(workspace, collected.names)
    fields: dict[str, Any] = {
        "region": region.name if region is not None else workspace.name,
        "country": region.country if region else None,
        "language": region.language if region else "en",
        "workspace": str(workspace.root),
        "date": today,
        "stale_months": stale_months,
        "communities": collected.rows,
        "metrics": _totals(collected.tally, pack, today),
        "stages": _stages(collected.tally, pack),
        "dimension_titles": _dimension_titles(pack),
        "leaders": collected.leaders,
        "actors": actors,
        "links": links,
        "attention": collected.attention,
        "problems": [Problem.of(d) for d in workspace.diagnostics],
        "baseline": [f for f in (region.baseline if region else []) if f.date <= today],
        "current_version": pack.checklist.version if pack is not None else None,
        "versions": sorted(collected.versions),
        "not_comparable": sorted(collected.not_comparable),
    }
    if spill:
        return RegionMap.model_construct(**fields)
    return RegionMap(**fields)


def _json_text(data: Any) -> str:
    import json

    return json.dumps(data, ensure_ascii=False, indent=2, default=str)


def map_json_chunks(region_map: RegionMap) -> Iterator[str]:
    """``json.dumps(region_map.to_json(), ensure_ascii=False, indent=2) + "\\n"``, piece
    by piece: the per-community lists are written one item at a time (for a spilled map,
    read back from its files), so the whole document never sits in memory."""
    big = ("communities", "leaders", "attention")
    skeleton = region_map.model_copy(update={name: [] for name in big}).to_json()
    marks = {name: f"\x00commkit-json-{name}\x00" for name in big}
    for name, mark in marks.items():
        skeleton[name] = mark
    text = _json_text(skeleton)
    for name in big:
        quoted = _json_text(marks[name])
        head, text = text.split(quoted, 1)
        yield head
        items: Any = getattr(region_map, name)
        if not items:
            yield "[]"
            continue
        # Items of a top-level list sit two levels deep: four more spaces on every line
        # (JSON strings hold no raw newlines, so every newline is one of the layout's).
        first = True
        for item in items:
            body = _json_text(item.model_dump(mode="json")).replace("\n", "\n    ")
            yield ("[\n    " if first else ",\n    ") + body
            first = False
        yield "\n  ]"
    yield text + "\n"


def _totals(tally: _Tally, pack: Any | None, today: dt.date) -> list[MetricTotal]:
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


def _stages(tally: _Tally, pack: Any | None) -> list[StageCount]:
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
    result.append(
        StageCount(id="not-assessed", title={"en": "not assessed", "ru": "без оценки"}, count=never)
    )
    return result


def _dimension_titles(pack: Any | None) -> dict[str, Text]:
    if pack is None:
        return {}
    return {d.id: d.title for d in pack.checklist.dimensions}


def _ecosystem(
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
    (source_type, source_name), (target_type, target_name) = ends
    return LinkEntry(
        source=link.source,
        target=link.target,
        source_name=source_name,
        target_name=target_name,
        source_type=source_type,
        target_type=target_type,
        kind=link.kind,
        status=link.status,
        note=link.note,
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


# ------------------------------------------------------------------ sectors


SECTOR_TITLES: dict[str, Text] = {
    "state": {"en": "State", "ru": "Государство"},
    "commercial": {"en": "Commercial sector", "ru": "Коммерческий сектор"},
    "non-profit": {"en": "Non-profit sector", "ru": "Некоммерческий сектор"},
    "public": {"en": "Public institutions", "ru": "Общественные институты"},
    "development": {"en": "Development institutions", "ru": "Институты развития"},
}

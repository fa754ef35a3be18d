"""Building the map by streaming the workspace: one profile (and its latest results) is
read at a time and only its row is kept, in a list or, for very large workspaces, in a
:class:`commkit.model.spill.SpilledList` (a temporary SQLite database), so memory stays
flat in the number of communities."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from commkit.core.region_map.aggregation import (
    Tally,
    across_versions,
    community_row,
    dimension_titles,
    ecosystem,
    needs_rescoring,
    stages,
    totals,
)
from commkit.core.region_map.models import (
    STALE_MONTHS,
    AttentionEntry,
    CommunityRow,
    LeaderEntry,
    Problem,
    RegionMap,
)
from commkit.errors import Diagnostic
from commkit.model.common import Text
from commkit.model.spill import SpilledList
from commkit.model.workspace_loader import Workspace, months_before

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


class _Collected:
    """The per-community lists of a map and the small aggregates built as rows arrive."""

    def __init__(self, spill: bool, link_refs: set[str]) -> None:
        self.rows: Any = SpilledList(CommunityRow) if spill else []
        self.leaders: Any = SpilledList(LeaderEntry) if spill else []
        self.attention: Any = SpilledList(AttentionEntry) if spill else []
        self.tally = Tally()
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
    paths: Sequence[Path],
    stale_before: dt.date,
    collected: _Collected,
    progress: ProgressHook | None,
) -> None:
    """Read one profile (and its latest results) at a time; keep only its row."""
    total = len(paths)
    leaders = collected.leaders
    for done, (path, community) in enumerate(workspace.communities(paths), start=1):
        if community is not None:
            found = workspace.latest_results(community.slug, 2)
            latest: list[Any] = list(found.results)
            if needs_rescoring(collected.pack, latest):
                # re-scoring needs the answers: read the files again; their problems, if
                # any, were reported a moment ago
                told = len(workspace.diagnostics)
                latest = workspace.latest_assessments(community.slug, 2)
                del workspace.diagnostics[told:]
            row = community_row(community, str(path), latest, found.count, stale_before)
            collected.not_comparable |= across_versions(collected.pack, row, latest)
            collected.versions.update(v for v in (row.version, row.previous_version) if v)
            collected.add(row)
            leaders.extend(
                LeaderEntry(**dict(leader), community=community.slug, community_name=community.name)
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

    ``spill=True`` keeps ``communities``, ``leaders`` and ``attention`` in a temporary
    database (:class:`SpilledList`, iterable, not lists; the map is then made with
    ``model_construct``, so write its JSON with
    :func:`commkit.render.map_json.map_json_chunks`): memory stays flat in the number of
    communities. Everything in it is the same as without.
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
    actors, links = ecosystem(workspace, collected.names)
    fields: dict[str, Any] = {
        "region": region.name if region is not None else workspace.name,
        "country": region.country if region else None,
        "language": region.language if region else "en",
        "workspace": str(workspace.root),
        "date": today,
        "stale_months": stale_months,
        "communities": collected.rows,
        "metrics": totals(collected.tally, pack, today),
        "stages": stages(collected.tally, pack),
        "dimension_titles": dimension_titles(pack),
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

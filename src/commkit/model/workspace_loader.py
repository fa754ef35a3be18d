"""Reading a workspace folder: ``region.yaml``, ``communities/*.yaml``, ``assessments/<slug>/``.

The loader streams: it lists file names up front but parses one community (and its latest
assessments) at a time, so a map of 10,000 communities never holds 10,000 parsed documents.
A broken file does not stop the run: its problems are collected as located diagnostics
(file:line:column) and the caller decides whether they are warnings or, with ``strict``,
errors.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar, overload

from pydantic import BaseModel

from commkit.errors import ContentError, Diagnostic, UserError
from commkit.model import fast_yaml
from commkit.model.answers import Assessment, ChecklistRef, DimensionResult
from commkit.model.common import tr
from commkit.model.loader import forget_source, parse_text, read_text, validate_document
from commkit.model.workspace import Community, Region

REGION_FILE = "region.yaml"
COMMUNITIES_DIR = "communities"
ASSESSMENTS_DIR = "assessments"
YAML_SUFFIXES = (".yaml", ".yml")


def _yaml_names(folder: Path) -> list[str]:
    """Names of the YAML files directly in ``folder`` (hidden and temporary files skipped),
    sorted."""
    if not folder.is_dir():
        return []
    found: list[str] = []
    with os.scandir(folder) as entries:
        for entry in entries:
            name = entry.name
            if name.startswith(".") or not name.endswith(YAML_SUFFIXES):
                continue
            if entry.is_file():
                found.append(name)
    return sorted(found)


def _yaml_in(folder: Path) -> list[Path]:
    """YAML files directly in ``folder`` (hidden and temporary files skipped), sorted."""
    return [folder / name for name in _yaml_names(folder)]


class FolderFiles(Sequence[Path]):
    """Files of one folder, kept as their names: each path is made when it is reached, so
    a folder of 100,000 profiles costs its names (~7 MB), not 100,000 ``Path`` objects
    (~45 MB)."""

    def __init__(self, folder: Path, names: list[str]) -> None:
        self.folder = folder
        self.names = names

    def __len__(self) -> int:
        return len(self.names)

    @overload
    def __getitem__(self, index: int) -> Path: ...

    @overload
    def __getitem__(self, index: slice) -> list[Path]: ...

    def __getitem__(self, index: int | slice) -> Path | list[Path]:
        if isinstance(index, slice):
            return [self.folder / name for name in self.names[index]]
        return self.folder / self.names[index]

    def __iter__(self) -> Iterator[Path]:
        folder = self.folder
        for name in self.names:
            yield folder / name


M = TypeVar("M", Region, Community, Assessment)


_ANCHOR = re.compile(r"(^|[\s\[{,:-])[&*][^\s]", re.MULTILINE)


def _fast(text: str, model: type[M], *, results_only: bool = False) -> M | None:
    """Parse and validate without recording positions (most files are valid).

    Returns ``None`` when anything is off; the caller then re-reads the file with the
    located loader, which produces the file:line diagnostics. Files with anchors/aliases
    always take the located path (it bounds alias expansion). ``results_only``: see
    :func:`_results_only`.
    """
    if ("&" in text or "*" in text) and _ANCHOR.search(text):
        return None
    try:
        data = fast_yaml.load(text)
        if not isinstance(data, dict) or data.get("kind") != _KIND_OF[model]:
            return None
        if results_only:
            data = _results_only(data)
        return model.model_validate(data)
    except Exception:  # any doubt (fast_yaml.Refused included): the located loader decides
        return None


def _results_only(data: dict[str, object]) -> dict[str, object]:
    """An assessment's data with its answers and recommendations left out when the compiled
    checks of :mod:`commkit.model.answers_check` find them valid (the model then accepts the
    whole exactly when it accepts the rest: it checks no field against another), else as it
    is. The map reads neither, and they are most of the cost of validating an assessment."""
    from commkit.model.answers_check import answers_valid, recommendations_valid

    result = data.get("result")
    if "answers" not in data or not isinstance(result, dict):
        return data
    if not answers_valid(data["answers"]):
        return data
    if "recommendations" in result:
        if not recommendations_valid(result["recommendations"]):
            return data
        result = {**result, "recommendations": []}
    return {**data, "answers": {}, "result": result}


def load_model(
    path: Path, model: type[M], *, remember: bool = True, results_only: bool = False
) -> tuple[M | None, list[Diagnostic]]:
    """Load one file into ``model``; never raises for bad content, returns its diagnostics.

    Valid files take a fast path (:mod:`commkit.model.fast_yaml`, no positions); a file
    that fails it is parsed again by :mod:`commkit.model.loader` so every problem is located
    by file:line:column.
    An unchanged file that loaded cleanly before comes from :mod:`commkit.model.file_cache`;
    one read now is stored there unless ``remember`` is false (the caller caches what it
    works out of the file instead).
    ``results_only`` (assessments): a valid file may come back without its answers and
    recommendations (checked, not kept); such a model is never stored, and the cache is not
    asked either (its caller caches the results; whole assessments are there only when
    another command stored them).
    """
    from commkit.model import file_cache

    if results_only:
        return _load_model(path, model, results_only)
    hit, stamp = file_cache.cached(path, model)
    if hit is not None:
        return hit, []
    loaded, problems = _load_model(path, model, results_only)
    if remember and loaded is not None and not problems:
        file_cache.remember(stamp, loaded)
    return loaded, problems


def _load_model(
    path: Path, model: type[M], results_only: bool = False
) -> tuple[M | None, list[Diagnostic]]:
    try:
        text = read_text(path)
    except ContentError as exc:
        return None, list(exc.diagnostics)
    quick = _fast(text, model, results_only=results_only)
    if quick is not None:
        return quick, []
    try:
        doc = parse_text(text, path)
    except ContentError as exc:
        forget_source(path)
        return None, list(exc.diagnostics)
    try:
        if not isinstance(doc.data, dict):
            message = "expected a mapping with 'kind:' and 'version:' at the top"
            return None, [doc.diagnostic((), message)]
        kind = doc.data.get("kind")
        wanted = _KIND_OF[model]
        if kind is not None and kind != wanted:
            return None, [
                doc.diagnostic(("kind",), f"expected 'kind: {wanted}' here, found {kind!r}")
            ]
        return validate_document(doc, model), []
    except ContentError as exc:
        return None, list(exc.diagnostics)
    finally:
        forget_source(path)


_KIND_OF: dict[type[object], str] = {
    Region: "region",
    Community: "community",
    Assessment: "assessment",
}


@dataclass
class Workspace:
    """A workspace folder. Only the region is parsed on opening; the rest is read on demand.

    ``diagnostics`` collects every problem met so far (broken files, unexpected files);
    iterating :meth:`communities` adds to it as it goes.
    """

    root: Path
    region: Region | None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def name(self) -> str:
        return tr(self.region.name) if self.region is not None else self.root.name

    @property
    def region_path(self) -> Path:
        return self.root / REGION_FILE

    @property
    def communities_dir(self) -> Path:
        return self.root / COMMUNITIES_DIR

    @property
    def assessments_dir(self) -> Path:
        return self.root / ASSESSMENTS_DIR

    def community_paths(self) -> FolderFiles:
        """Every community profile file, sorted by name (the order of the map)."""
        folder = self.communities_dir
        return FolderFiles(folder, _yaml_names(folder))

    def communities(
        self, paths: Sequence[Path] | None = None
    ) -> Iterator[tuple[Path, Community | None]]:
        """Yield ``(path, profile)`` one file at a time; a broken file yields ``None``.

        A profile whose ``slug`` differs from its file name, or whose slug was already seen,
        is reported; the map uses the ``slug`` inside the file.
        """
        seen: dict[str, str] = {}
        """slug -> the file that has it, as text (no ``Path`` kept per community)"""
        for path in self.community_paths() if paths is None else paths:
            community, problems = load_model(path, Community)
            self.diagnostics.extend(problems)
            if community is not None:
                if community.slug in seen:
                    self.diagnostics.append(
                        _slug_problem(
                            path,
                            f"slug {community.slug!r} is used twice (also in "
                            f"{seen[community.slug]}); this file is skipped",
                        )
                    )
                    yield path, None
                    continue
                seen[community.slug] = str(path)
                if community.slug != path.stem:
                    self.diagnostics.append(
                        _slug_problem(
                            path,
                            f"the file name does not match slug {community.slug!r}: "
                            f"rename it to {community.slug}.yaml",
                            severity="warning",
                        )
                    )
            yield path, community

    def community(self, slug: str) -> Community:
        """One profile by slug; raises :class:`UserError` if missing or broken."""
        for suffix in YAML_SUFFIXES:
            path = self.communities_dir / f"{slug}{suffix}"
            if path.is_file():
                community, problems = load_model(path, Community)
                if community is None:
                    raise ContentError("", problems)
                return community
        raise UserError(f"no community {slug!r} in {self.communities_dir}")

    def assessment_paths(self, slug: str) -> list[Path]:
        """Assessment files of a community, oldest first (file names start with the date)."""
        return _yaml_in(self.assessments_dir / slug)

    def assessed_slugs(self) -> list[str]:
        """Sub-folders of ``assessments/`` (to spot results for communities with no profile)."""
        folder = self.assessments_dir
        if not folder.is_dir():
            return []
        return sorted(p.name for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))

    def latest_assessments(self, slug: str, count: int = 1) -> list[Assessment]:
        """Up to ``count`` most recent valid assessments, newest first.

        Broken files are reported and skipped (the next older valid one is used), so one bad
        file does not hide a community's stage.
        """
        return self._latest(slug, self.assessment_paths(slug), count)

    def _latest(
        self,
        slug: str,
        paths: list[Path],
        count: int,
        stamps: list[tuple[str, str] | None] | None = None,
    ) -> list[Assessment]:
        """:meth:`latest_assessments` among ``paths``; ``stamps`` gets the stamp of each file
        read, taken just before it is read (see :mod:`commkit.model.file_cache`), and then
        the files themselves are not cached: their results are, by the caller, and only
        their results are kept (answers and recommendations may be left out)."""
        from commkit.model import file_cache

        found: list[Assessment] = []
        for path in reversed(paths):
            if stamps is not None:
                stamps.append(file_cache.stamp_of(path))
            assessment, problems = load_model(
                path, Assessment, remember=stamps is None, results_only=stamps is not None
            )
            self.diagnostics.extend(problems)
            if assessment is None:
                continue
            _check_assessment_slug(assessment, slug, path, self.diagnostics)
            found.append(assessment)
            if len(found) >= count:
                break
        found.sort(key=lambda a: a.date, reverse=True)
        return found

    def latest_results(self, slug: str, count: int = 2) -> LatestResults:
        """How many assessments a community has and the results of its ``count`` latest
        valid ones, newest first (what the map reads), as :meth:`latest_assessments` finds
        them; cached while its assessments folder and the files read in it are unchanged."""
        from commkit.model import file_cache

        folder = self.assessments_dir / slug
        key = f"latest-results:{count}:{folder.absolute()}"
        hit = file_cache.derived(key, LatestResults)
        if hit is not None:
            return hit
        deps = [file_cache.stamp_of(folder)]
        paths = self.assessment_paths(slug)
        problems = len(self.diagnostics)
        found = self._latest(slug, paths, count, deps)
        latest = LatestResults(
            count=len(paths),
            results=[
                DatedResult(
                    date=a.date,
                    checklist=a.checklist,
                    result=ResultScores(
                        stage=a.result.stage,
                        next_stage=a.result.next_stage,
                        overall=a.result.overall,
                        dimensions=a.result.dimensions,
                    ),
                )
                for a in found
            ],
        )
        if len(self.diagnostics) == problems:  # a file with problems is read (and told) again
            file_cache.remember_derived(key, deps, latest)
        return latest

    def assessments(self, slug: str) -> list[Assessment]:
        """Every valid assessment of a community, oldest first (problems collected)."""
        result: list[Assessment] = []
        for path in self.assessment_paths(slug):
            assessment, problems = load_model(path, Assessment)
            self.diagnostics.extend(problems)
            if assessment is not None:
                _check_assessment_slug(assessment, slug, path, self.diagnostics)
                result.append(assessment)
        result.sort(key=lambda a: a.date)
        return result


class ResultScores(BaseModel):
    """The scores of a saved assessment, without its recommendations."""

    stage: str
    next_stage: str | None
    overall: float
    dimensions: list[DimensionResult]


class DatedResult(BaseModel):
    """A saved assessment without its answers: its date, checklist and scores."""

    date: dt.date
    checklist: ChecklistRef
    result: ResultScores


class LatestResults(BaseModel):
    """A community's number of assessment files and its latest valid results, newest first."""

    count: int
    results: list[DatedResult]


def _check_assessment_slug(
    assessment: Assessment, slug: str, path: Path, sink: list[Diagnostic]
) -> None:
    inner = assessment.community.slug
    if inner is not None and inner != slug:
        sink.append(
            _slug_problem(
                path,
                f"this assessment names community {inner!r} but sits under "
                f"{ASSESSMENTS_DIR}/{slug}/",
                field="community.slug",
                severity="warning",
            )
        )


def _slug_problem(
    path: Path, message: str, *, field: str = "slug", severity: str = "error"
) -> Diagnostic:
    """A problem with the community a file names, located at its ``slug:`` line."""
    return Diagnostic(
        message, file=path, line=_line_of(path, "slug:"), field=field, severity=severity
    )


def _line_of(path: Path, needle: str) -> int | None:
    """The first line holding ``needle`` (cheap locating for whole-file problems)."""
    try:
        with path.open("r", encoding="utf-8", errors="replace") as handle:
            for number, line in enumerate(handle, start=1):
                if line.lstrip().startswith(needle):
                    return number
    except OSError:
        return None
    return None


def load_workspace(root: Path | str, *, require_region: bool = False) -> Workspace:
    """Open a workspace folder and read its ``region.yaml``.

    A missing or broken ``region.yaml`` is a diagnostic, not a failure (the map still
    builds, named after the folder) unless ``require_region``. A missing folder is a
    :class:`UserError`.
    """
    root = Path(root)
    if not root.is_dir():
        raise UserError(
            f"{root} is not a workspace folder (create one with 'commkit region init {root}')"
        )
    workspace = Workspace(root=root, region=None)
    region_path = root / REGION_FILE
    if not region_path.exists() and not workspace.communities_dir.is_dir():
        raise UserError(
            f"{root} is not a workspace: it has no {REGION_FILE} and no {COMMUNITIES_DIR}/ "
            f"(create one with 'commkit region init {root}')"
        )
    if region_path.is_file():
        region, problems = load_model(region_path, Region)
        workspace.region = region
        workspace.diagnostics.extend(problems)
    else:
        workspace.diagnostics.append(
            Diagnostic(
                "no region.yaml: the map is named after the folder "
                "(create one with 'commkit region init')",
                file=region_path,
                severity="warning",
            )
        )
    if require_region and workspace.region is None:
        raise ContentError("the workspace has no valid region.yaml", workspace.diagnostics)
    if not workspace.communities_dir.is_dir():
        workspace.diagnostics.append(
            Diagnostic(
                f"no {COMMUNITIES_DIR}/ folder: the workspace has no community profiles yet",
                file=workspace.communities_dir,
                severity="warning",
            )
        )
    return workspace


def months_before(day: dt.date, months: int) -> dt.date:
    """``day`` minus whole calendar months (the day clamped to the month's length)."""
    import calendar

    total = day.year * 12 + (day.month - 1) - months
    year, month = divmod(total, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last))

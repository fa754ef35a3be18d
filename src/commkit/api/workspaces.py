"""Region workspaces: scaffold one, add community profiles, build the map and progress."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from commkit.errors import (
    ContentError,
    ContentPackWarning,
    OutputExistsError,
    SkippedFileWarning,
    UserError,
)

if TYPE_CHECKING:
    from commkit.core.progress import CommunityProgress
    from commkit.core.region_map import RegionMap
    from commkit.model.pack import ContentPack
    from commkit.model.workspace import Community, Region
    from commkit.model.workspace_loader import Workspace

PathLike = str | Path
FORMATS = ("online", "offline", "mixed")
"""How a community meets (a profile's ``format``)."""


def _pack(pack: ContentPack | None) -> ContentPack:
    from commkit.model.pack import load_pack

    return pack if pack is not None else load_pack(None)


def load_workspace(path: PathLike) -> Workspace:
    """Open a workspace folder (``region.yaml``, ``communities/``, ``assessments/``).

    Only ``region.yaml`` is read now; profiles and assessments are streamed when a map or
    a progress report is built. Problems are collected in ``workspace.diagnostics``.
    """
    from commkit.model.workspace_loader import load_workspace as _load

    return _load(Path(path))


def _workspace(workspace: Workspace | PathLike) -> Workspace:
    from commkit.model.workspace_loader import Workspace

    return workspace if isinstance(workspace, Workspace) else load_workspace(workspace)


@dataclass
class RegionScaffold:
    """What :func:`scaffold_region` wrote."""

    root: Path
    written: list[Path]
    region: Region


def scaffold_region(
    directory: PathLike,
    name: str,
    country: str | None = None,
    lang: str = "en",
    *,
    force: bool = False,
) -> RegionScaffold:
    """Scaffold a workspace: region.yaml (an ecosystem template to adapt, validated before
    it is written), communities/, assessments/ and a README for the team.

    Refuses to overwrite an existing ``region.yaml`` or ``README.md`` unless ``force``;
    existing communities and assessments are never touched.
    """
    from commkit.core.workspace_init import parse_region, region_readme, region_yaml
    from commkit.fsutil import atomic_write_text
    from commkit.model.workspace_loader import ASSESSMENTS_DIR, COMMUNITIES_DIR, REGION_FILE

    root = Path(directory)
    name = name.strip()
    if not name:
        raise UserError("the region needs a name (--name)")
    if lang not in ("en", "ru"):
        raise UserError(f"language {lang!r} is not supported: choose 'en' or 'ru'")
    if root.exists() and not root.is_dir():
        raise UserError(f"{root} exists and is not a folder")
    region_path = root / REGION_FILE
    readme_path = root / "README.md"
    if not force:
        for path in (region_path, readme_path):
            if path.exists():
                raise UserError(
                    f"{path} already exists: this folder is a workspace already "
                    "(use --force to overwrite region.yaml and README.md)"
                )
    text = region_yaml(name, country, lang)
    region = parse_region(text, region_path)
    written: list[Path] = []
    for folder in (COMMUNITIES_DIR, ASSESSMENTS_DIR):
        keep = root / folder / ".gitkeep"
        (root / folder).mkdir(parents=True, exist_ok=True)
        if not keep.exists():
            atomic_write_text(keep, "")
    written.append(atomic_write_text(region_path, text, force=force))
    written.append(atomic_write_text(readme_path, region_readme(name, lang), force=force))
    return RegionScaffold(root=root, written=written, region=region)


def init_region(
    directory: PathLike,
    name: str,
    country: str | None = None,
    lang: str = "en",
    *,
    force: bool = False,
) -> Path:
    """:func:`scaffold_region`, returning the path of the new ``region.yaml``."""
    from commkit.model.workspace_loader import REGION_FILE

    return scaffold_region(directory, name, country, lang, force=force).root / REGION_FILE


def add_community(workspace: PathLike, name: str, *, force: bool = False, **profile: Any) -> Path:
    """Write ``communities/<slug>.yaml``: the profile of :func:`new_community` (the same
    keywords: leaders, platform, format, members, events, projects, snapshot_date, slug...);
    figures given become its first snapshot."""
    return write_community(workspace, new_community(name, **profile), force=force)


def new_community(
    name: str,
    *,
    leaders: Iterable[str] = (),
    platform: str | None = None,
    format: str = "online",
    formalised: bool = False,
    founded: str | None = None,
    description: str | None = None,
    members: int | None = None,
    events: int | None = None,
    projects: int | None = None,
    snapshot_date: dt.date | None = None,
    slug: str | None = None,
) -> Community:
    """A validated community profile (not written yet); figures become its first snapshot."""
    from commkit.core.workspace_init import new_community as _new

    if format not in FORMATS:
        raise UserError(f"format {format!r}: choose {', '.join(FORMATS)}")
    return _new(
        name,
        slug=slug,
        leaders=list(leaders),
        platform=platform,
        format=format,
        formalised=formalised,
        founded=founded,
        description=description,
        members=members,
        events=events,
        projects=projects,
        snapshot_date=snapshot_date,
    )


def write_community(workspace: PathLike, community: Community, *, force: bool = False) -> Path:
    """Write ``communities/<slug>.yaml`` in a workspace (never over a file unless
    ``force``); the text is read back and validated before it is written."""
    from commkit.core.workspace_init import community_yaml, parse_community
    from commkit.fsutil import atomic_write_text, safe_child
    from commkit.model.workspace_loader import COMMUNITIES_DIR

    root = Path(workspace)
    if not root.is_dir():
        raise UserError(f"{root} is not a workspace folder (create one with 'commkit region init')")
    path = safe_child(root, COMMUNITIES_DIR, f"{community.slug}.yaml")
    text = community_yaml(community)
    parse_community(text, path)
    return atomic_write_text(path, text, force=force)


def pack_for_names(
    content: PathLike | None = None,
) -> tuple[ContentPack | None, list[ContentPackWarning]]:
    """The content pack for metric names and stage titles, or ``None`` with a warning:
    a map and a progress report still build without it (showing ids)."""
    from commkit.errors import CommkitError
    from commkit.model.pack import load_pack

    try:
        return load_pack(Path(content) if content is not None else None), []
    except CommkitError as exc:
        first = str(exc).splitlines()[0] if str(exc) else "it does not load"
        message = (
            f"content pack not used ({first}): metric and stage ids are shown instead of names"
        )
        return None, [ContentPackWarning(message)]


@dataclass
class MapResult:
    """A map and the broken files it was built without."""

    region_map: RegionMap
    warnings: list[SkippedFileWarning] = field(default_factory=list)


def build_map(
    workspace: Workspace | PathLike,
    *,
    pack: ContentPack | None = None,
    today: dt.date | None = None,
    strict: bool = False,
    progress: Callable[[int, int], None] | None = None,
    spill: bool = False,
) -> RegionMap:
    """The Business Community Map of a workspace as of ``today`` (default: today).

    Broken files are skipped and listed in ``RegionMap.problems``; with ``strict`` they
    raise :class:`commkit.errors.ContentError` instead. ``pack`` defaults to the built-in
    content (for metric names and stage titles); pass one to use a customised pack.
    ``spill`` keeps the per-community lists on disk, for very large workspaces.
    """
    from commkit.core.region_map import build_map as _build

    region_map = _build(
        _workspace(workspace), pack or _pack(None), today, progress=progress, spill=spill
    )
    if strict and region_map.problems:
        raise ContentError(
            f"the workspace has {len(region_map.problems)} problem(s)",
            [p.diagnostic("error") for p in region_map.problems],
        )
    return region_map


def map_workspace(
    workspace: Workspace | PathLike,
    *,
    pack: ContentPack | None,
    today: dt.date | None = None,
    strict: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> MapResult:
    """:func:`build_map` for the command line: ``pack`` may be ``None`` (ids instead of
    names), the lists wait on disk, and broken files come back as warnings (with
    ``strict``: one :class:`ContentError` that says the map would skip them)."""
    from commkit.core.region_map import build_map as _build

    region_map = _build(_workspace(workspace), pack, today, progress=progress, spill=True)
    if region_map.problems and strict:
        raise ContentError(
            f"the workspace has {len(region_map.problems)} problem(s); without --strict the map "
            "would skip them",
            [p.diagnostic("error") for p in region_map.problems],
        )
    found = [SkippedFileWarning.located(p.diagnostic("warning")) for p in region_map.problems]
    return MapResult(region_map, found)


def check_targets(*paths: PathLike | None, force: bool = False) -> None:
    """Refuse (before anything is written) when a target exists and ``force`` is not set."""
    if force:
        return
    for target in paths:
        if target is not None and Path(target).exists():
            raise OutputExistsError(f"{target} already exists (use --force to overwrite it)")


def write_map(
    region_map: RegionMap,
    *,
    markdown: PathLike | None = None,
    csv: PathLike | None = None,
    lang: str = "en",
    pack: ContentPack | None = None,
    force: bool = False,
) -> list[Path]:
    """Write the map as Markdown (a customised pack's ``templates/map.md.j2`` wins) and its
    community table as CSV (with a BOM, for spreadsheets), piece by piece."""
    from commkit.fsutil import atomic_write_chunks
    from commkit.render.map_csv import map_csv_chunks
    from commkit.render.map_md import map_markdown_chunks

    check_targets(markdown, csv, force=force)
    written: list[Path] = []
    if markdown is not None:
        template_dirs = pack.template_dirs if pack is not None else []
        chunks = map_markdown_chunks(region_map, lang, template_dirs)
        written.append(atomic_write_chunks(Path(markdown), chunks, force=force))
    if csv is not None:
        # the BOM as a first chunk: the same bytes as atomic_write_text(..., bom=True)
        with_bom = ("\ufeff", *map_csv_chunks(region_map))
        written.append(atomic_write_chunks(Path(csv), with_bom, force=force))
    return written


def map_json_chunks(region_map: RegionMap) -> Iterator[str]:
    """The map as one JSON document, piece by piece (the bytes of ``to_json``, indented)."""
    from commkit.core.region_map import map_json_chunks as _chunks

    return _chunks(region_map)


def progress(
    workspace: Workspace | PathLike,
    slug: str,
    *,
    pack: ContentPack | None = None,
    names: bool = True,
) -> CommunityProgress:
    """How one community's stage, dimensions and metrics changed over time (with
    ``names=False`` ids stand for the pack's dimension and stage titles)."""
    from commkit.core.progress import community_progress

    return community_progress(_workspace(workspace), slug, (pack or _pack(None)) if names else None)


def workspace_warnings(workspace: Workspace) -> list[SkippedFileWarning]:
    """The problems met while reading a workspace, each once, as warnings."""
    from dataclasses import replace

    return [
        SkippedFileWarning.located(replace(d, severity="warning"))
        for d in dict.fromkeys(workspace.diagnostics)
    ]


def render_map_markdown(
    region_map: RegionMap, lang: str = "en", *, pack: ContentPack | None = None
) -> str:
    """The map as Markdown (a customised pack's ``templates/map.md.j2`` wins)."""
    from commkit.render.map_md import map_markdown

    return map_markdown(region_map, lang, pack.template_dirs if pack is not None else ())


def render_map_csv(region_map: RegionMap) -> str:
    """The map's community table as CSV text."""
    from commkit.render.map_csv import map_csv

    return map_csv(region_map)

"""Workspaces: a region's folder (``region.yaml``, ``communities/``, ``assessments/``),
scaffolded, opened and given new communities.

The files are written here; what they say comes from :mod:`commkit.core.workspace_init`,
which does no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict, Unpack

from commkit.api._common import PathLike
from commkit.api._common import workspace as open_workspace

if TYPE_CHECKING:
    from commkit.core.public_map import PublicMap
    from commkit.core.workspace_init import CommunityDetails
    from commkit.model.workspace import Region
    from commkit.model.workspace_loader import Workspace


def load_workspace(path: PathLike) -> Workspace:
    """Open a workspace folder (``region.yaml``, ``communities/``, ``assessments/``).

    Only ``region.yaml`` is read now; profiles and assessments are streamed when a map or
    a progress report is built. Problems are collected in ``workspace.diagnostics``.
    """
    return open_workspace(path)


@dataclass
class RegionScaffold:
    """What :func:`scaffold_region` made: the folder, the files written, the region read
    back from its new ``region.yaml``."""

    root: Path
    written: list[Path]
    region: Region


class RegionOptions(TypedDict, total=False):
    """How a workspace is scaffolded: ``country`` (in ``region.yaml``), ``lang`` (``en``, the
    default, or ``ru``: the language of its texts and README) and ``force`` (overwrite an
    existing ``region.yaml`` and ``README.md``)."""

    country: str | None
    lang: str
    force: bool


def scaffold_region(
    directory: PathLike, name: str, **options: Unpack[RegionOptions]
) -> RegionScaffold:
    """Scaffold a workspace: region.yaml (with an ecosystem template, validated before it is
    written), communities/, assessments/ and a README for the team.

    Refuses to overwrite an existing ``region.yaml`` or ``README.md`` unless ``force``;
    existing communities and assessments are never touched.
    """
    from commkit.core.workspace_init import parse_region, region_readme, region_yaml
    from commkit.errors import UserError
    from commkit.fsutil import atomic_write_text
    from commkit.model.workspace_loader import ASSESSMENTS_DIR, COMMUNITIES_DIR, REGION_FILE

    lang, force = options.get("lang", "en"), options.get("force", False)
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
    text = region_yaml(name, options.get("country"), lang)
    region = parse_region(text, region_path)
    written: list[Path] = []
    for folder in (COMMUNITIES_DIR, ASSESSMENTS_DIR):
        keep = root / folder / ".gitkeep"
        (root / folder).mkdir(parents=True, exist_ok=True)
        if not keep.exists():
            atomic_write_text(keep, "")
    written.append(atomic_write_text(region_path, text, force=force))
    readme = region_readme(name, lang)
    written.append(atomic_write_text(readme_path, readme, force=force))
    return RegionScaffold(root=root, written=written, region=region)


def init_region(directory: PathLike, name: str, **options: Unpack[RegionOptions]) -> Path:
    """:func:`scaffold_region`, returning only the path of the new ``region.yaml``."""
    return scaffold_region(directory, name, **options).root / "region.yaml"


def add_community(
    workspace: PathLike, name: str, *, force: bool = False, **details: Unpack[CommunityDetails]
) -> Path:
    """Write ``communities/<slug>.yaml``; figures given become its first snapshot.

    ``details`` are the profile's keywords (``slug``, ``leaders``, ``platform``, ``format``,
    ``formalised``, ``founded``, ``description``, ``members``, ``events``, ``projects``,
    ``snapshot_date``): see :class:`commkit.core.workspace_init.CommunityDetails`.
    """
    from commkit.core.workspace_init import community_yaml, new_community, parse_community
    from commkit.errors import UserError
    from commkit.fsutil import atomic_write_text, safe_child
    from commkit.model.workspace_loader import COMMUNITIES_DIR

    community = new_community(name, **details)
    root = Path(workspace)
    if not root.is_dir():
        raise UserError(f"{root} is not a workspace folder (create one with 'commkit region init')")
    path = safe_child(root, COMMUNITIES_DIR, f"{community.slug}.yaml")
    text = community_yaml(community)
    parse_community(text, path)  # what is written reads back
    return atomic_write_text(path, text, force=force)


def community_file(workspace: PathLike, slug: str) -> Path:
    """The profile of the community ``slug`` in ``workspace``: ``communities/<slug>.yaml``
    (what ``--community SLUG`` names in every command)."""
    from commkit.errors import UserError
    from commkit.fsutil import safe_child
    from commkit.model.common import ID_RE
    from commkit.model.workspace_loader import COMMUNITIES_DIR

    if not ID_RE.match(slug):
        raise UserError(f"--community {slug!r} is not a valid slug")
    profile = safe_child(Path(workspace), COMMUNITIES_DIR, f"{slug}.yaml")
    if not profile.is_file():
        raise UserError(f"no community {slug!r} in {workspace} ({profile} is missing)")
    return profile


def public_map(workspace: Workspace | PathLike) -> PublicMap:
    """The public map for entrepreneurs: only communities with a ``public:`` block, and only
    what they chose to publish (never scores, stages, notes or leaders)."""
    from commkit.core.public_map import public_map as _public

    return _public(open_workspace(workspace))


def render_public_map_html(data: PublicMap, lang: str = "en") -> str:
    """The public map as one self-contained page, searchable and filterable in the browser."""
    from commkit.render.public_map import public_map_html

    return public_map_html(data, lang)


def write_public_map(
    workspace: Workspace | PathLike, html: PathLike, *, lang: str = "en", force: bool = False
) -> tuple[Path, int]:
    """Write the public map page; returns its path and how many communities it shows."""
    from commkit.fsutil import atomic_write_text

    data = public_map(workspace)
    path = atomic_write_text(Path(html), render_public_map_html(data, lang), force=force)
    return path, len(data.entries)

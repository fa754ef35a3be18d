"""The public Business Community Map: what entrepreneurs see to find a community to join.

Only profiles with a ``public:`` block (and ``listed`` not false) appear, and an entry
carries only what the community chose to publish there, plus its name, format and
platform. Nothing else of the workspace (scores, stages, notes, leaders, figures) is read
into it, so nothing else can leak onto the page.
"""

from __future__ import annotations

from pydantic import BaseModel

from commkit.model.common import Text, tr
from commkit.model.workspace import PublicContact
from commkit.model.workspace_loader import Workspace


class PublicEntry(BaseModel):
    slug: str
    name: Text
    purpose: Text | None = None
    topics: list[Text] = []
    city: Text | None = None
    format: str
    platform: Text | None = None
    how_to_join: Text | None = None
    contacts: list[PublicContact] = []


class PublicMap(BaseModel):
    region: Text
    entries: list[PublicEntry]


def public_map(workspace: Workspace) -> PublicMap:
    """Every listed community, by name; broken profiles are skipped (see diagnostics)."""
    entries = []
    for _path, community in workspace.communities():
        if community is None or community.public is None or not community.public.listed:
            continue
        public = community.public
        entries.append(
            PublicEntry(
                slug=community.slug,
                name=community.name,
                purpose=public.purpose,
                topics=list(public.topics if public.topics is not None else community.topics),
                city=public.city,
                format=community.format,
                platform=community.platform,
                how_to_join=public.how_to_join,
                contacts=list(public.contacts),
            )
        )
    entries.sort(key=lambda e: (tr(e.name).casefold(), e.slug))
    region = workspace.region.name if workspace.region is not None else workspace.name
    return PublicMap(region=region, entries=entries)

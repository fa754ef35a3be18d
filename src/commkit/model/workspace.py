"""The user's own data: a region, its ecosystem, and community profiles."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from commkit.model.common import Count, Header, Id, Name, PartialDate, StrictModel, Text
from commkit.model.figures import RegionFigures as RegionFigures  # its home before

Sector = Literal["state", "commercial", "non-profit", "public", "development"]
Status = Literal["as-is", "to-be"]


class TeamMember(StrictModel):
    name: str = Field(min_length=1, max_length=200)
    role: Id
    contact: str | None = Field(default=None, max_length=300)


class Actor(StrictModel):
    """An organisation of the SME-support ecosystem."""

    id: Id
    name: Text
    sector: Sector
    description: Text | None = None
    status: Status = Field(default="as-is", description="'to-be': still to be created.")


class Link(StrictModel):
    """A working relation between two actors, or an actor and a community (by slug)."""

    source: Id
    target: Id
    kind: Text = Field(default="cooperation", description="The relation: a plain word or {en, ru}.")
    status: Status = "as-is"
    note: Text | None = None


class Ecosystem(StrictModel):
    actors: list[Actor] = []
    links: list[Link] = []


class Region(Header):
    kind: Literal["region"]
    name: Text = Field(description="A plain name, or {en, ru} when it reads differently.")
    country: Text | None = None
    language: str = Field(default="en", pattern=r"^[a-z]{2}$")
    team: list[TeamMember] = []
    baseline: list[RegionFigures] = Field(
        default=[], description="Region-wide figures on a date (all communities, not only these)."
    )
    ecosystem: Ecosystem = Ecosystem()


class Leader(StrictModel):
    name: Name = Field(
        description="The person's name: a plain string, or {en, ru} when it is spelled differently."
    )
    role: Text | None = Field(default=None, description="A plain string, or {en, ru}.")


class Snapshot(StrictModel):
    """The community's figures on a date; ``source`` says where they come from."""

    date: dt.date
    source: Literal["article", "illustrative", "reported"] = "reported"
    since: PartialDate | None = Field(
        default=None,
        description="Events, projects and publications are totals since this date (e.g. "
        "'600 events over five years': since 2015), not counts for a recent period.",
    )
    members: Count | None = None
    audience: Count | None = Field(
        default=None,
        description="Followers of the community's channels who are not members (not summed "
        "into the members metric).",
    )
    leaders: Count | None = None
    events: Count | None = None
    projects: Count | None = None
    publications: Count | None = None
    support_measures: Count | None = None
    initiatives: Count | None = None
    note: str | None = Field(default=None, max_length=2000)


class PublicContact(StrictModel):
    """A way to reach the community that it chose to publish (a channel, a page, an address)."""

    label: Text = Field(description="What it is, e.g. 'Telegram channel' or 'Coordinator'.")
    value: str = Field(
        min_length=1,
        max_length=300,
        description="The address: https://..., mailto:..., tel:..., @handle or plain text.",
    )


class PublicProfile(StrictModel):
    """What the community publishes on the public Business Community Map for entrepreneurs.

    Only communities with this block are listed, and only what is in it (plus the name,
    format and platform) is shown: never scores, stages, notes or leaders.
    """

    listed: bool = Field(default=True, description="False hides the community from the map.")
    purpose: Text | None = Field(default=None, description="What the community is for.")
    topics: list[Text] | None = Field(
        default=None, description="Topics to filter by (default: the profile's topics)."
    )
    city: Name | None = Field(default=None, description="A plain string, or {en, ru}.")
    how_to_join: Text | None = None
    contacts: list[PublicContact] = []


class Community(Header):
    kind: Literal["community"]
    slug: Id
    name: Name = Field(description="The community's name: a plain string, or {en, ru}.")
    description: Text | None = None
    leaders: list[Leader] = []
    format: Literal["online", "offline", "mixed"] = "online"
    platform: Name | None = Field(
        default=None, description="Where members talk: a plain string, or {en, ru}."
    )
    formalised: bool = False
    founded: PartialDate | None = None
    topics: list[Text] = []
    links: list[str] = []
    snapshots: list[Snapshot] = []
    public: PublicProfile | None = Field(
        default=None,
        description="What the community chose to publish on the public map for entrepreneurs.",
    )

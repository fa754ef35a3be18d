"""Region-wide figures (``region.yaml``'s ``baseline``), apart from the workspace models so
that a plan, which shows them, is made without building those."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from commkit.model.common import Count, StrictModel, Text


class RegionFigures(StrictModel):
    """Region-wide figures that the workspace's own communities do not add up to, such as
    the article's "more than 20 communities with more than 10,000 SME members"."""

    date: dt.date
    source: Literal["article", "illustrative", "reported"] = "reported"
    communities: Count | None = None
    members: Count | None = None
    more_than: bool = Field(
        default=False, description="The figures are lower bounds: 'more than 20'."
    )
    note: Text | None = None

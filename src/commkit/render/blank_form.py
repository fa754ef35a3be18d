"""What every blank form is made from, whatever its format (HTML page, Markdown questionnaire,
fill-in workbook, XLSForm): one value the renderers share instead of four copies of the same
parameters."""

from __future__ import annotations

from dataclasses import dataclass

from commkit.model.checklist import Checklist


@dataclass(frozen=True)
class BlankForm:
    """A checklist to fill in, its content hash (answers read back name the version asked),
    the form's language and the community it is for, if any (``{"slug", "name"}``, and
    ``"founded"`` when its profile gives it)."""

    checklist: Checklist
    checklist_hash: str
    lang: str = "en"
    community: dict[str, str] | None = None

    @property
    def slug(self) -> str:
        """The community's slug, or ``""`` for a form made for any community."""
        return (self.community or {}).get("slug", "")

    @property
    def community_name(self) -> str:
        """The community's name filled in, or ``""`` for the rater to write."""
        return (self.community or {}).get("name", "")

    @property
    def founded(self) -> str:
        """The community's founding date filled in (``2020-08``), or ``""``."""
        return (self.community or {}).get("founded", "")

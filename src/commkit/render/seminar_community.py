"""The community a seminar series is prepared for: its name, leaders and assessment gaps.

``--community`` takes a community profile (``kind: community``) or an assessment
(``kind: assessment``). A profile inside a workspace also picks up the community's latest
assessment (``assessments/<slug>/``) for its gaps.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from commkit.errors import UserError
from commkit.model.common import tr

if TYPE_CHECKING:  # read only by the commands that take --community
    from commkit.model.answers import Assessment
    from commkit.model.workspace import Community


@dataclass(frozen=True)
class Gap:
    id: str
    title: str


@dataclass(frozen=True)
class CommunityContext:
    """Plain, already localised facts about one community (user text, not yet escaped)."""

    name: str
    slug: str | None = None
    leaders: list[str] = field(default_factory=list)
    """Names with their roles, for the guide and the invitation."""
    leader_names: list[str] = field(default_factory=list)
    """Names only, short enough for a slide."""
    gaps: list[Gap] = field(default_factory=list)
    stage: str | None = None
    source: str | None = None

    def gap_titles(self, only: list[str] | None = None) -> list[str]:
        return [g.title for g in self.gaps if only is None or g.id in only]


def _dimension_titles(pack: Any, lang: str) -> dict[str, str]:
    titles: dict[str, str] = {}
    for checklist in [pack.checklist, *pack.checklists.values()]:
        for dim in checklist.dimensions:
            titles.setdefault(dim.id, tr(dim.title, lang))
    return titles


def from_assessment(
    assessment: Assessment, pack: Any, lang: str, leaders: list[str] | None = None
) -> CommunityContext:
    titles = _dimension_titles(pack, lang)
    return CommunityContext(
        name=tr(assessment.community.name, lang),
        slug=assessment.community.slug,
        leaders=list(leaders or []),
        leader_names=list(leaders or []),
        gaps=[Gap(g, titles.get(g, g)) for g in assessment.result.gaps],
        stage=pack.stage_title(assessment.result.stage, lang),
    )


def from_profile(
    community: Community, pack: Any, lang: str, assessment: Assessment | None = None
) -> CommunityContext:
    leaders = [
        f"{tr(x.name, lang)} ({tr(x.role, lang)})" if x.role else tr(x.name, lang)
        for x in community.leaders
    ]
    names = [tr(x.name, lang) for x in community.leaders]
    if assessment is not None:
        ctx = from_assessment(assessment, pack, lang, leaders)
        return CommunityContext(
            name=tr(community.name, lang),
            slug=community.slug,
            leaders=leaders,
            leader_names=names,
            gaps=ctx.gaps,
            stage=ctx.stage,
            source=str(assessment.date),
        )
    return CommunityContext(
        name=tr(community.name, lang), slug=community.slug, leaders=leaders, leader_names=names
    )


def _latest_assessment_for(profile_path: Path, slug: str) -> Assessment | None:
    """The newest valid assessment next to a profile in a workspace, if there is one."""
    if profile_path.parent.name != "communities":
        return None
    root = profile_path.parent.parent
    if not (root / "assessments" / slug).is_dir():
        return None
    from commkit.model.workspace_loader import load_workspace

    found = load_workspace(root).latest_assessments(slug, 1)
    return found[0] if found else None


def load_community(
    path: Path, pack: Any, lang_for: Callable[[str | None], str]
) -> tuple[CommunityContext, str]:
    """Read ``--community``: a profile or an assessment file; anything else is refused.

    Returns the context and the language of the run: ``lang_for`` gets the language the
    assessment stores (an assessment's, else the language of the run's own rule)."""
    from commkit.model.answers import Assessment
    from commkit.model.loader import load_file
    from commkit.model.workspace import Community

    if not path.is_file():
        raise UserError(f"{path}: no such file (give a community profile or an assessment)")
    model = load_file(path)
    if isinstance(model, Assessment):
        lang = lang_for(model.language)
        return from_assessment(model, pack, lang), lang
    if isinstance(model, Community):
        latest = _latest_assessment_for(path, model.slug)
        lang = lang_for(latest.language if latest is not None else None)
        return from_profile(model, pack, lang, latest), lang
    kind = getattr(model, "kind", "?")
    raise UserError(
        f"{path}: expected a community profile (kind: community) or an assessment "
        f"(kind: assessment), found kind: {kind}"
    )

"""The regional plan: the regional team's actions, picked by the gaps on the map.

Every ``level: region`` action marked ``always`` is in it; a regional institution (the
Business Ambassadors Club, the Business Initiative Lab, "My Business", regular meetings with
the government, the situation centre, the communication standard...) comes in when one of
its ``region_triggers`` fires: at least ``communities`` of the region's assessed communities
meet the trigger's condition on their latest assessment. The reason names those communities.

Dependencies on a community's own actions are followed through to the regional actions
behind them, so the regional timeline keeps the order of the method without holding the
communities' work.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from commkit.core.selection import with_dependencies
from commkit.model import plain_plan
from commkit.model.answers import Assessment, ChecklistRef, CommunityRef
from commkit.model.common import Text
from commkit.model.figures import RegionFigures
from commkit.model.plain_plan import Reason
from commkit.model.plan import MapCommunity, Plan, plan_model, plan_part

if TYPE_CHECKING:
    from commkit.model.pack import ContentPack


@dataclass(frozen=True)
class MapEntry:
    """A community of the map and its latest assessment (``None``: never assessed)."""

    slug: str
    name: Text
    assessment: Assessment | None


def region_dependencies(pack: ContentPack) -> dict[str, list[str]]:
    """For every regional action, the regional actions it waits for, looking through the
    community actions in between (a -> community x -> regional b gives a -> b)."""
    actions = {a.id: a for a in pack.roadmap.actions}
    result: dict[str, list[str]] = {}
    for action in pack.roadmap.actions:
        if action.level != "region":
            continue
        found: list[str] = []
        seen: set[str] = set()
        stack = list(reversed(action.depends_on))
        while stack:
            dep = stack.pop()
            if dep in seen or dep not in actions:
                continue
            seen.add(dep)
            if actions[dep].level == "region":
                found.append(dep)
            else:
                stack.extend(reversed(actions[dep].depends_on))
        result[action.id] = found
    return result


def _facts(
    pack: ContentPack, assessment: Assessment, need_q_scores: bool
) -> tuple[dict[str, float | None], dict[str, float | None]]:
    from commkit.core.selection import question_scores

    d_scores: dict[str, float | None] = {d.id: d.score for d in assessment.result.dimensions}
    q_scores = question_scores(pack, assessment) if need_q_scores else {}
    return q_scores, d_scores


def select_region_actions(
    pack: ContentPack, communities: Sequence[MapEntry]
) -> dict[str, list[Reason]]:
    """Selected regional action ids (roadmap order) with the reasons for each."""
    from commkit.core.conditions import holds
    from commkit.core.selection import threshold_text

    regional = [a for a in pack.roadmap.actions if a.level == "region"]
    need_q = any(t.when.score_below is not None for a in regional for t in a.region_triggers)
    assessed = [(c, c.assessment) for c in communities if c.assessment is not None]
    facts = {c.slug: _facts(pack, a, need_q) for c, a in assessed}

    reasons: dict[str, list[Reason]] = {}
    for action in regional:
        why: list[Reason] = []
        if action.always:
            why.append(Reason(kind="always"))
        for trigger in action.region_triggers:
            cond = trigger.when
            meeting = [
                c.name
                for c, a in assessed
                if holds(
                    cond,
                    answers=a.answers,
                    question_scores=facts[c.slug][0],
                    dimension_scores=facts[c.slug][1],
                    stage=a.result.stage,
                )
            ]
            if len(meeting) >= trigger.communities:
                kind = "stage" if cond.stage is not None else "dimension"
                ref = ", ".join(cond.stage) if cond.stage is not None else cond.dimension
                if cond.question is not None:
                    kind, ref = "question", cond.question
                why.append(
                    Reason(
                        kind="map",
                        ref=f"{kind}:{ref}",
                        value=f"{len(meeting)}/{len(assessed)}",
                        threshold=threshold_text(cond),
                        communities=meeting,
                    )
                )
        if why:
            reasons[action.id] = why

    deps = region_dependencies(pack)
    return with_dependencies(reasons, lambda current: deps.get(current, []), pack.roadmap.actions)


def make_region_plan(
    pack: ContentPack,
    region: CommunityRef,
    communities: Sequence[MapEntry],
    start: dt.date,
    map_date: dt.date,
    weeks: int = 26,
    capacity: Mapping[str, int] | None = None,
    holidays: Iterable[dt.date] = (),
    figures: Sequence[RegionFigures] = (),
    region_name: Text | None = None,
) -> Plan:
    """The regional roadmap from the map (pure and deterministic)."""
    from commkit.core.scheduler import schedule_selection, timeline_fields
    from commkit.fsutil import slugify

    selected = select_region_actions(pack, communities)
    deps = region_dependencies(pack)
    timeline = schedule_selection(pack, selected, start, weeks, capacity, holidays, deps)
    checklist = pack.checklist
    plan = plain_plan.Plan(
        scope="region",
        community=region,
        slug=region.slug or slugify(region.name),
        checklist=ChecklistRef(id=checklist.id, version=checklist.version),
        roadmap=pack.roadmap.id,
        assessment_date=map_date,
        stage=None,
        communities=[
            plan_part(
                MapCommunity,
                slug=c.slug,
                name=c.name,
                stage=c.assessment.result.stage if c.assessment is not None else None,
                assessed=c.assessment.date if c.assessment is not None else None,
            )
            for c in communities
        ],
        region_figures=[f for f in figures if f.date <= map_date],
        region_name=region_name,
        **timeline_fields(timeline),
    )
    return plan_model(plan)

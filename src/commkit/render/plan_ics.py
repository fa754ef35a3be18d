"""The plan as an iCalendar file (RFC 5545), made with the ``icalendar`` library.

One all-day event per action, seminar and MeetUp. UIDs are stable (``<slug>-<id>@commkit``)
so importing a newer plan updates the events instead of duplicating them; DTSTAMP is derived
from the plan start so the same plan always gives the same bytes.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING

from commkit.model.common import tr
from commkit.model.plan import Plan
from commkit.render.plan_md import labels, plan_view

if TYPE_CHECKING:
    from commkit.model.pack import ContentPack

PRODID = "-//commkit//commkit plan//EN"


def action_uid(slug: str, action_id: str) -> str:
    return f"{slug}-{action_id}@commkit"


def seminar_uid(slug: str, seminar_id: str) -> str:
    return f"{slug}-event-{seminar_id}@commkit"


def render_plan_ics(plan: Plan, pack: ContentPack, lang: str = "en") -> bytes:
    from icalendar import Calendar, Event

    view = plan_view(plan, pack, lang)
    lab = labels(lang)
    stamp = datetime.combine(plan.start, time(0, 0), tzinfo=UTC)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"{lab['title']}: {tr(plan.community.name, lang)}")
    by_id = {a.id: a for a in plan.actions}
    for row in view["actions"]:
        action = by_id[row["id"]]
        event = Event()
        event.add("uid", action_uid(plan.slug, action.id))
        event.add("dtstamp", stamp)
        event.add("dtstart", action.start)
        event.add("dtend", action.end + timedelta(days=1))  # DTEND of a date is exclusive
        event.add("summary", row["title"])
        lines = [
            f"{lab['owner']}: {row['owner']}",
            f"{lab['level']}: {row['level_label']}",
            f"{lab['chapter']}: {row['chapter']}",
            f"{lab['duration']}: {row['duration']}",
        ]
        if row["deliverables"]:
            lines.append(f"{lab['deliverables']}: " + "; ".join(row["deliverables"]))
        if row["metrics"]:
            lines.append(f"{lab['metrics_moved']}: " + ", ".join(row["metrics"]))
        lines.append(f"{lab['why']}: " + "; ".join(row["why"]))
        if row["description"]:
            lines.extend(["", row["description"]])
        event.add("description", "\n".join(lines))
        event.add("categories", [row["chapter"], row["level_label"]])
        event.add("status", "CONFIRMED" if action.status == "scheduled" else "TENTATIVE")
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    for seminar in view["seminars"]:
        source = next(e for e in plan.seminars if e.id == seminar["id"])
        event = Event()
        event.add("uid", seminar_uid(plan.slug, source.id))
        event.add("dtstamp", stamp)
        event.add("dtstart", source.date)
        event.add("dtend", source.date + timedelta(days=1))
        event.add("summary", f"{seminar['label']}: {seminar['title']}")
        event.add("description", f"{lab['week']}: {seminar['week']}")
        event.add("status", "CONFIRMED" if source.status == "scheduled" else "TENTATIVE")
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data

"""Excel workbooks of the map and the plan (openpyxl), for regional teams that report in Excel.

Every sheet is a real table: typed cells (dates are dates, numbers are numbers), a bold
frozen header, an autofilter over the data and column widths that fit the content. Headers
and sheet names are in the chosen language. Text cells that a spreadsheet would read as a
formula (``=...``) are stored as text, never as formulas.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from commkit.core.region_map import COMMUNITY_METRICS, RegionMap
from commkit.i18n import section
from commkit.model.common import tr
from commkit.render.map_md import labels as map_labels
from commkit.render.map_md import stage_title
from commkit.render.plan_csv import joined_lists
from commkit.render.plan_md import labels as plan_labels
from commkit.render.plan_md import plan_view

if TYPE_CHECKING:
    from commkit.model.pack import ContentPack
    from commkit.model.plan import Plan

Cell = str | int | float | dt.date | None

MAX_WIDTH = 60
DATE_FORMAT = "yyyy-mm-dd"


def _sheet(book: Any, title: str, headers: Sequence[str], rows: Iterable[Sequence[Cell]]) -> Any:
    """A typed table: bold frozen header, autofilter, fitted widths, dates formatted."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(title=title[:31])
    sheet.append(list(headers))
    widths = [len(h) for h in headers]
    count = 0
    for row in rows:
        sheet.append(list(row))
        count += 1
        for cell in sheet[count + 1]:
            if cell.data_type == "f":  # user text that starts with '=': text, not a formula
                cell.data_type = "s"
        for i, value in enumerate(row):
            text = value.isoformat() if isinstance(value, dt.date) else str(value or "")
            widths[i] = max(widths[i], min(len(text), MAX_WIDTH))
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="E8EEF7")
    for cell in sheet[1]:
        cell.font = bold
        cell.fill = fill
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    for column in sheet.iter_cols(min_row=2):
        for cell in column:
            if isinstance(cell.value, dt.date):
                cell.number_format = DATE_FORMAT
            elif isinstance(cell.value, str) and len(cell.value) > MAX_WIDTH:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = max(8, width + 2)
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(headers))
    sheet.auto_filter.ref = f"A1:{last}{count + 1}"
    return sheet


def _save(book: Any) -> bytes:
    book.remove(book.active)  # the empty default sheet
    book.properties.creator = "commkit"
    book.properties.created = dt.datetime(2000, 1, 1)
    book.properties.modified = dt.datetime(2000, 1, 1)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def map_workbook(region_map: RegionMap, lang: str = "en") -> bytes:
    """Sheets: the seven metrics, the communities (one row each), the AS-IS/TO-BE gaps."""
    from openpyxl import Workbook

    lab, sh = map_labels(lang), section("xlsx", lang)
    fmt = {k: sh[f"format_{k}"] for k in ("online", "offline", "mixed")}
    names = {m.id: tr(m.name, lang) for m in region_map.metrics}
    book = Workbook()
    _sheet(
        book,
        sh["metrics"],
        [lab["metric"], lab["total"], lab["reporting"], sh["earliest"], lab["latest"]],
        [(names[m.id], m.total, m.reporting, m.earliest, m.latest) for m in region_map.metrics],
    )
    never = lab["not_assessed"]
    metric_ids = [m for m in COMMUNITY_METRICS if m in names]
    _sheet(
        book,
        sh["communities"],
        [
            lab["community"],
            sh["slug"],
            lab["stage"],
            lab["score"],
            *(names[m] for m in metric_ids),
            lab["events"],
            lab["platform"],
            sh["format"],
            lab["formalised"],
            lab["last_assessment"],
            lab["assessments"],
        ],
        (
            (
                tr(row.name, lang),
                row.slug,
                stage_title(region_map, row.stage, lang, never),
                row.score,
                *(row.metrics.get(m) for m in metric_ids),
                row.events,
                tr(row.platform, lang) or None,
                fmt.get(row.format, row.format),
                lab["yes"] if row.formalised else lab["no"],
                row.last_assessment,
                row.assessments,
            )
            for row in region_map.communities
        ),
    )
    gaps: list[Sequence[Cell]] = [
        (sh["actor_gap"], tr(a.name, lang), None, None) for a in region_map.gap_actors
    ]
    gaps += [
        (
            sh["link_gap"],
            tr(link.source_name, lang),
            tr(link.target_name, lang),
            tr(link.kind, lang),
        )
        for link in region_map.gap_links
    ]
    gaps += [
        (
            sh["attention"],
            tr(a.name, lang),
            lab["never_assessed"]
            if a.status == "never-assessed"
            else lab["stale"].format(months=region_map.stale_months),
            a.last_assessment,
        )
        for a in region_map.attention
    ]
    _sheet(book, sh["gaps"], [sh["kind"], sh["name"], lab["to"], lab["link_kind"]], gaps)
    return _save(book)


def plan_workbook(plan: Plan, pack: ContentPack, lang: str = "en") -> bytes:
    """Sheets: the actions (typed dates and days), the calendar, the manager's week."""
    from openpyxl import Workbook

    view = plan_view(plan, pack, lang)
    lab, sh = plan_labels(lang), section("xlsx", lang)
    status = {"scheduled": lab["scheduled"], "later": lab["later_status"]}
    book = Workbook()
    by_id = {a.id: a for a in plan.actions}
    _sheet(
        book,
        sh["actions"],
        [lab[c] for c in ("id", "action", "chapter", "owner", "start", "end", "duration",
                          "status", "depends_on", "deliverables", "metrics_moved", "why")],
        (
            (
                row["id"],
                row["title"],
                row["chapter"],
                row["owner"],
                by_id[row["id"]].start,
                by_id[row["id"]].end,
                row["duration"],
                status[row["status"]],
                *joined_lists(row),
            )
            for row in view["actions"]
        ),
    )  # fmt: skip
    events: list[tuple[dt.date, int, str, str, str]] = []
    for event, seen in zip(plan.seminars, view["seminars"], strict=True):
        events.append((event.date, 0, seen["label"], seen["title"], status[event.status]))
    for action in plan.scheduled:
        title = tr(action.title, lang)
        events.append((action.start, 1, sh["action_start"], title, status[action.status]))
        events.append((action.end, 2, sh["action_end"], title, status[action.status]))
    events.sort(key=lambda e: (e[0], e[1], e[3]))
    _sheet(
        book,
        sh["calendar"],
        [lab["date"], lab["plan_week"], sh["kind"], sh["event"], lab["status"]],
        ((d, (d - plan.start).days // 7 + 1, kind, title, st) for d, _, kind, title, st in events),
    )
    _sheet(
        book,
        sh["week"],
        [lab["day"], lab["activity"], lab["minutes"], lab["function"]],
        (
            (day["day"], slot["activity"], slot["minutes"], slot["function"] or None)
            for day in view["manager_schedule"]
            for slot in day["slots"]
        ),
    )
    return _save(book)

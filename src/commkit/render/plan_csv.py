"""The plan as CSV: one row per action, UTF-8; ``excel`` adds a BOM and ';' separators."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any

from commkit.model.plan import Plan
from commkit.render.plan_md import labels, plan_view

if TYPE_CHECKING:
    from commkit.model.pack import ContentPack

COLUMNS = ("id", "action", "chapter", "owner", "level", "start", "end", "duration", "status",
           "depends_on", "deliverables", "metrics_moved", "why")  # fmt: skip


def render_plan_csv(plan: Plan, pack: ContentPack, lang: str = "en", *, excel: bool = False) -> str:
    """CSV text (the caller adds the BOM for ``excel``): headers in ``lang``, ISO dates.

    Plain CSV uses ',' (RFC 4180); ``excel`` uses ';', which spreadsheet software in locales
    with a decimal comma (Russian among them) splits into columns without asking.
    """
    view = plan_view(plan, pack, lang)
    lab = labels(lang)
    status = {"scheduled": lab["scheduled"], "later": lab["later_status"]}
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if excel else ",", lineterminator="\r\n")
    writer.writerow([lab[c] for c in COLUMNS])
    for row in view["actions"]:
        writer.writerow(
            [
                row["id"],
                row["title"],
                row["chapter"],
                row["owner"],
                row["level_label"],
                row["start"],
                row["end"],
                row["duration"],
                status[row["status"]],
                *joined_lists(row),
            ]
        )
    return buffer.getvalue()


def joined_lists(row: dict[str, Any]) -> tuple[str, str, str, str]:
    """An action's lists as cells (dependencies, deliverables, metrics, reasons), the one
    way the CSV and the workbook join them."""
    return (
        " ".join(row["depends_on"]),
        "; ".join(row["deliverables"]),
        ", ".join(row["metrics"]),
        "; ".join(row["why"]),
    )

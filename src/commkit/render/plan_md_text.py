"""The built-in plan report (``templates/plan.md.j2``) written as plain Python.

Loading Jinja2 and its sandbox was a quarter of a ``commkit plan`` run. This module writes
the text the built-in template writes from the same view (:func:`plan_md.plan_view`), with
the escaping of the same filters. A content pack that ships its own ``plan.md.j2`` is still
rendered by Jinja2 (see :func:`commkit.render.report_md.has_own_template`).

Tests render both ways on example plans (a community's and a region's, both languages) and
on random views, and compare the bytes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from commkit.render.text import md_cell, md_inline


def _cells(items: Iterable[Any], sep: str = "; ") -> str:
    """The template's ``cells`` filter: a list joined into one table cell."""
    return md_cell(sep.join(str(i) for i in items))


def _later(row: Mapping[str, Any], label: str) -> str:
    return f" ({label})" if row["status"] == "later" else ""


def _actions_table(out: list[str], first: str, rows: list[Any], lab: Mapping[str, str]) -> None:
    out.append(
        f"| {first} | {lab['action']} | {lab['owner']} | {lab['deliverables']} "
        f"| {lab['metrics_moved']} | {lab['why']} |\n"
    )
    out.append("| --- | --- | --- | --- | --- | --- |\n")
    for a in rows:
        out.append(
            f"| {a['dates']} | {md_cell(a['title'])} | {md_cell(a['owner'])} "
            f"| {_cells(a['deliverables'])} | {_cells(a['metrics'], ', ')} | {_cells(a['why'])} |\n"
        )


def plan_text(view: Mapping[str, Any]) -> str:
    """What ``plan.md.j2`` renders for ``view`` (before the caller folds blank lines)."""
    lab: Mapping[str, str] = view["labels"]
    region = view["scope"] == "region"
    region_does = view["region_does"]
    out: list[str] = []
    add = out.append
    horizon = (
        f"{lab['horizon']}: {view['weeks']} {lab['weeks']} ({view['start']} – {view['end']})\n"
    )
    if region:
        add(f"# {lab['region_title']}: {md_inline(view['community'])}\n\n")
        add(
            f"{lab['map_of']} {view['assessment_date']} · {lab['n_communities']}: "
            f"{len(view['map'])}, {lab['n_assessed']}: {view['n_assessed']} · {horizon}"
        )
    else:
        add(f"# {lab['title']}: {md_inline(view['community'])}\n\n")
        add(
            f"{lab['stage']}: **{md_inline(view['stage'])}** · {lab['assessed']} "
            f"{view['assessment_date']} · {horizon}"
        )
    add("\n")
    holidays = view["holidays"]
    off = f"; {lab['holidays']}: {', '.join(str(h) for h in holidays)}" if holidays else ""
    add(f"{lab['working_days']}{off}.\n")
    add(f"\n## {lab['summary']}\n\n")
    counted = lab["n_scheduled"] if region or not region_does else lab["n_own"]
    add(f"- {counted}: {len(view['own_scheduled'])}\n")
    add(f"- {lab['n_later']}: {len(view['own_later'])}\n")
    if not region and region_does:
        add(f"- {lab['n_region']}: {len(region_does)}\n")
    seminars = view["seminars"]
    for s in seminars:
        add(f"- {s['label']} — {s['date']}: {md_inline(s['title'])}")
        add(f"{_later(s, lab['later_status'])}\n")
    add(f"\n## {lab['timeline']}\n\n```mermaid\n")
    out.extend(f"{line}\n" for line in view["gantt"])
    add("```\n")
    for phase in view["phases"]:
        add(f"\n## {phase['name']}\n\n")
        _actions_table(out, lab["dates"], phase["actions"], lab)
    if view["own_later"]:
        add(f"\n## {lab['later']}\n\n{lab['later_intro']}\n\n")
        _actions_table(out, lab["earliest"], view["own_later"], lab)
    if region_does and not region:
        add(f"\n## {lab['region_does']}\n\n{lab['region_does_intro']}\n\n")
        add(f"| {lab['dates']} | {lab['action']} | {lab['who']} | {lab['why']} |\n")
        add("| --- | --- | --- | --- |\n")
        for a in region_does:
            add(
                f"| {a['dates']}{_later(a, lab['later_status'])} | {md_cell(a['title'])} "
                f"| {md_cell(a['owner'])} | {_cells(a['why'])} |\n"
            )
        if view["region_other"]:
            add(f"\n{lab['region_other'].format(n=view['region_other'])}\n")
    if region:
        add(f"\n## {lab['map_section']}\n\n{lab['map_intro']}\n")
        if view["figures"]:
            add(f"\n{lab['figures']}:\n\n")
            out.extend(f"- {md_inline(f)}\n" for f in view["figures"])
        add(f"\n| {lab['community_col']} | {lab['stage']} | {lab['assessed_on']} |\n")
        add("| --- | --- | --- |\n")
        for c in view["map"]:
            stage = md_cell(c["stage"]) if c["stage"] else lab["not_assessed"]
            add(f"| {md_cell(c['name'])} | {stage} | {c['assessed'] or '—'} |\n")
    if seminars:
        add(f"\n## {lab['seminars']}\n\n")
        add(
            f"| {lab['number']} | {lab['date']} | {lab['plan_week']} | {lab['event']} "
            f"| {lab['prepared_by']} |\n"
        )
        add("| --- | --- | --- | --- | --- |\n")
        for s in seminars:
            add(
                f"| {s['label']} | {s['date']}{_later(s, lab['later_status'])} | {s['plan_week']} "
                f"| {md_cell(s['title'])} | {md_cell(s['action'])} |\n"
            )
    if view["manager_schedule"]:
        add(f"\n## {lab['manager']}\n\n{lab['manager_intro']}\n\n")
        add(f"| {lab['day']} | {lab['activity']} | {lab['minutes']} | {lab['function']} |\n")
        add("| --- | --- | --- | --- |\n")
        for day in view["manager_schedule"]:
            for i, slot in enumerate(day["slots"]):
                add(
                    f"| {day['day'] if i == 0 else ''} | {md_cell(slot['activity'])} "
                    f"| {slot['minutes']} | {md_cell(slot['function'])} |\n"
                )
        add(f"| **{lab['total']}** | | **{view['manager_minutes']}** | |\n")
    add(f"\n## {lab['metrics']}\n\n")
    add(
        f"| {lab['metric']} | {lab['unit']} | {lab['in_plan']} | {lab['first_end']} "
        f"| {lab['later_short']} |\n"
    )
    add("| --- | --- | --- | --- | --- |\n")
    for m in view["metrics"]:
        add(
            f"| {md_cell(m['name'])} | {md_cell(m['unit'])} | {len(m['actions'])} "
            f"| {m['first_end'] or '—'} | {len(m['later'])} |\n"
        )
    add(f"\n## {lab['capacity']}\n\n{lab['capacity_intro']}: ")
    capacity = view["capacity"]
    for i, c in enumerate(capacity):
        end = ", " if i < len(capacity) - 1 else "."
        add(f"{md_inline(c['role'])} {c['capacity']}{end}")
    generated = lab["generated_region"] if region else lab["generated"]
    add(f"\n\n---\n{generated} {view['assessment_date']}.\n")
    return "".join(out)

"""The built-in Markdown report (``templates/assessment.md.j2``) written as plain Python.

A batch renders a report for every answers file; Jinja2's sandboxed template was most of a
batch's time. This module writes the same text the built-in template writes from the same
view and labels, with the escaping of the same filters (memoised: the question texts and
answers repeat from report to report). A content pack that ships its own
``assessment.md.j2`` is still rendered by Jinja2 (see :func:`has_own_template`).

Tests render both ways on the examples, the fixtures and random assessments in both
languages, with and without a team, peers and a chart, and compare the bytes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import filterfalse
from pathlib import Path
from typing import Any

from commkit.render.text import md_inline

_escaped: dict[str, str] = {}


def _md(value: object) -> str:
    """``md_inline`` (the template's ``md`` filter), remembered for repeated texts."""
    text = value if isinstance(value, str) else str(value)
    done = _escaped.get(text)
    if done is None:
        done = md_inline(text)
        if len(_escaped) < 50_000 and len(text) <= 1_000:
            _escaped[text] = done
    return done


_rows: dict[tuple[Any, Any, Any, Any], str] = {}
"""Lines of the answers table already written: a batch's reports share most of them."""


_items: dict[tuple[int, object], str] = {}
"""List lines already written (``- item``, ``3. item``): most come back in every report."""


def _bullet(item: object) -> str:
    """``- item``, the item escaped."""
    return _numbered(0, item)


def _numbered(number: int, item: object) -> str:
    """``number. item`` (``- item`` for 0), the item escaped."""
    key = (number, item)
    line = _items.get(key)
    if line is None:
        line = f"{number}. {_md(item)}" if number else f"- {_md(item)}"
        if len(_items) < 20_000 and len(line) <= 1_000:
            _items[key] = line
    return line


def _cell(value: object) -> str:
    """The template's ``cell`` filter (a GFM table cell)."""
    return _md(value) or " "


def has_own_template(template_dirs: Iterable[Path | str], name: str) -> bool:
    """True when one of a pack's template folders holds its own ``name``."""
    return any((Path(folder) / name).is_file() for folder in template_dirs)


def tidy(text: str) -> str:
    """A report as it is written: one trailing newline, no trailing spaces (stable diffs)."""
    lines = [line.rstrip() for line in text.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


_tidy_lines: set[str] = {""}
"""Lines (or runs of lines) known to need no tidying: no line break in them but ``\\n``, no
space at the end of a line."""


def tidy_lines(lines: list[str]) -> str:
    """``tidy("\\n".join(lines) + "\\n")``, without splitting the text again: a batch's
    reports repeat most of their lines, which are checked once. An item may be a run of
    lines joined by ``\\n``."""
    known = _tidy_lines
    for line in filterfalse(known.__contains__, lines):  # the few not seen before
        parts = line.split("\n")
        if parts[-1] == "":
            del parts[-1]
        if line.splitlines() != parts or any(p[-1:].isspace() for p in parts):
            return tidy("\n".join(lines) + "\n")
        if len(known) < 20_000 and len(line) <= 2_000:
            known.add(line)
    end = len(lines)
    while end and not lines[end - 1]:
        end -= 1
    if end and lines[end - 1][-1] == "\n":  # blank lines at the end, within the last item
        return tidy("\n".join(lines) + "\n")
    return "\n".join(lines[:end]) + "\n"


def report_text(view: Mapping[str, Any], t: Mapping[str, str]) -> str:
    """What ``assessment.md.j2`` renders for ``view`` and labels ``t`` (before the caller
    strips trailing spaces and blank lines at the end)."""
    return "\n".join(report_lines(view, t)) + "\n"


def report_lines(view: Mapping[str, Any], t: Mapping[str, str]) -> list[str]:
    """:func:`report_text`'s lines (a line may hold line breaks of its own: :func:`tidy_lines`
    sees to them)."""
    out: list[str] = []
    add = out.append
    md, cell = _md, _cell
    check = view["checklist"]
    stage = view["stage"]
    add(f"# {md(t['title'].format(name=view['community']))}")
    add("")
    add(f"- **{t['date']}:** {view['date']}")
    if view["region"]:
        add(f"- **{t['region']}:** {md(view['region'])}")
    if view["kind"]:
        add(f"- **{t['kind']}:** {md(view['kind'])}")
    title = f"{check['title']} ({check['id']} {check['version']})"
    add(f"- **{t['checklist']}:** {md(title)}")
    add("")
    add(f"## {t['summary']}")
    add("")
    add(f"**{t['overall']}:** {view['overall']} / 100 `{view['overall_bar']}`")
    add("")
    add(f"**{t['stage']}:** {md(stage['title'])}. {md(stage['meaning'])}")
    add("")
    add(f"**{t['focus']}:** {md(stage['focus'])}")
    add("")
    if view["next_stage"]:
        add(f"**{t['next_stage']}:** {md(view['next_stage'])}")
    else:
        add(t["top_stage"])
    if view["held_back"]:
        add("")
        add(f"**{t['held_back']}:**")
        add("")
        out.extend(f"- {md(g)}" for g in view["held_back"])
    add("")
    add(str(view["counts"]))
    add("")
    team = view["team"]
    if team:
        _team(team, t, out)
    add(f"## {t['dimensions']}")
    add("")
    _table(
        out,
        [t["dimension"], t["score"], t["bar"], t["answered"], t["dont_know"], t["na_short"]],
        "| --- | ---: | --- | ---: | ---: | ---: |",
        (
            [
                cell(d["title"]),
                d["score"],
                cell(d["bar"]),
                d["answered"],
                d["dont_know"],
                d["not_applicable"],
            ]
            for d in view["dimensions"]
        ),
    )
    if view["chart"]:
        add("")
        add(str(view["chart"]))
    peers = view["peers"]
    if peers:
        add("")
        add(f"## {t['x_peers_title']}")
        add("")
        add(md(peers["intro"]))
        add("")
        head = ["dimension", "x_peers_you", "x_peers_median", "x_peers_quartiles", "x_peers_where"]
        _table(
            out,
            [t[key] for key in head],
            "| --- | ---: | ---: | ---: | --- |",
            (
                [
                    cell(p["title"]),
                    p["score"],
                    p["median"],
                    f"{p['q1']}–{p['q3']}",
                    cell(p["where"]),
                ]
                for p in peers["rows"]
            ),
        )
        if peers["names"]:
            add("")
            add(f"**{t['x_peers_named']}:** {md(peers['names'])}")
    add("")
    _listed(f"### {t['strengths']}", view["strengths"], t, out)
    add("")
    _listed(f"### {t['gaps']}", view["gaps"], t, out)
    add("")
    add(f"## {t['findings']}")
    now_head = md(t["now_cell"].format(stage=stage["title"]))
    next_head = md(t["next_cell"].format(stage=view["next_stage_title"]))
    for f in view["findings"]:
        add("")
        add(f"### {md(f['title'])} — {f['score']}")
        if f["now"]:
            add("")
            add(f"*{now_head}:* {md(f['now'])}")
        if f["next"]:
            add("")
            add(f"*{next_head}:* {md(f['next'])}")
        if not f["scored"]:
            add("")
            add(t["nothing_scored"])
        for key, label in (
            ("strong", "strong_points"),
            ("weak", "weak_points"),
            ("open", "open_in_dim"),
        ):
            if f[key]:
                add("")
                add(f"**{t[label]}:**")
                add("")
                out.extend(map(_bullet, f[key]))
    add("")
    add(f"## {t['recommendations']}")
    add("")
    if view["recommendations"]:
        out.extend(
            map(_numbered, range(1, len(view["recommendations"]) + 1), view["recommendations"])
        )
    else:
        add(t["none"])
    add("")
    add(f"## {t['next_steps']}")
    add("")
    if view["actions"]:
        add(t["next_steps_intro"])
        add("")
        out.extend(map(_numbered, range(1, len(view["actions"]) + 1), view["actions"]))
    else:
        add(t["none"])
    add("")
    _listed(f"## {t['open_questions']}", view["open_questions"], t, out)
    add("")
    add(f"## {t['appendix']}")
    add("")
    _table(out, [t["id"], t["question"], t["answer"], t["note"]], "| --- | --- | --- | --- |", ())
    rows = _rows
    for row in view["appendix"]:
        cells = (row["id"], row["question"], row["answer"], row["note"])
        line = rows.get(cells)
        if line is None:
            line = f"| `{cells[0]}` | {cell(cells[1])} | {cell(cells[2])} | {cell(cells[3])} |"
            if len(rows) < 20_000 and len(line) <= 1_000:
                rows[cells] = line
        add(line)
    add("")
    add("---")
    add("")
    footer = t["footer"].format(id=check["id"], version=check["version"], hash=check["hash"])
    add(md(footer))
    return out


def _table(out: list[str], head: list[str], rule: str, rows: Iterable[list[Any]]) -> None:
    """A GFM table: the head, the ``rule`` line (its colons align the columns), a line a row."""
    out.append("| " + " | ".join(head) + " |")
    out.append(rule)
    out.extend("| " + " | ".join(map(str, row)) + " |" for row in rows)


def _listed(head: str, items: list[Any], t: Mapping[str, str], out: list[str]) -> None:
    """A heading, a blank line and ``- item`` lines, or the "none" label."""
    out.append(head)
    out.append("")
    if items:
        out.extend(map(_bullet, items))
    else:
        out.append(t["none"])


def _team(team: Mapping[str, Any], t: Mapping[str, str], out: list[str]) -> None:
    """The team section: raters, then the questions they disagree on."""
    add = out.append
    md, cell = _md, _cell
    add(f"## {t['team']}")
    add("")
    add(md(team["intro"]))
    add("")
    add(md(team["range"]))
    add("")
    _table(
        out,
        [t["rater"], t["role"], t["date"], t["overall"], t["stage"]],
        "| --- | --- | --- | ---: | --- |",
        (
            [cell(r["name"]), cell(r["role"]), r["date"], r["overall"], cell(r["stage"])]
            for r in team["raters"]
        ),
    )
    add("")
    add(f"## {t['team_disagrees']}")
    add("")
    if team["disagreements"]:
        add(t["team_disagrees_intro"])
        for d in team["disagreements"]:
            add("")
            add(f"### {md(d['question'])}")
            add("")
            add(f"`{d['id']}` — {md(d['why'])}. **{t['consensus']}:** {md(d['consensus'])}")
            add("")
            _table(
                out,
                [t["rater"], t["answer"], t["note"]],
                "| --- | --- | --- |",
                ([cell(r["name"]), cell(r["answer"]), cell(r["note"])] for r in d["raters"]),
            )
    else:
        add(t["team_none"])
    add("")

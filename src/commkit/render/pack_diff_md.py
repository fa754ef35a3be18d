"""The change log of a method version: a content diff as Markdown, in English or Russian."""

from __future__ import annotations

import json
from typing import Any

from commkit.core.pack_diff import SECTIONS, PackDiff
from commkit.i18n import plural, text
from commkit.model.common import tr
from commkit.render.text import md_cell, md_inline


def _code(value: Any) -> str:
    text_ = (
        value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)
    )
    return "`" + text_.replace("`", "'").replace("|", "\\|").replace("\n", " ") + "`"


def _value(value: Any, lang: str, other: Any = None) -> str:
    """A field's value in a table cell: texts in ``lang`` (both languages when only the other
    one changed), the rest as compact JSON."""
    if value is None:
        return "—"
    if isinstance(value, dict) and value and all(k in ("en", "ru") for k in value):
        if isinstance(other, dict) and tr(other, lang) == tr(value, lang):
            return md_cell(" / ".join(str(v) for v in value.values()))
        return md_cell(tr(value, lang))
    if isinstance(value, str):
        return md_cell(value) if " " in value else _code(value)
    return _code(value)


def render_diff_markdown(diff: PackDiff, lang: str = "en") -> str:
    """Added, removed and changed items by section, each change with before and after."""
    old = tr(diff.old_title, lang) if diff.old_title else diff.old
    new = tr(diff.new_title, lang) if diff.new_title else diff.new
    lines = [f"# {text('diff.title', lang, old=old, new=new)}", ""]
    if not diff.items:
        return "\n".join([*lines, text("diff.none", lang), ""])
    summary = [
        plural(f"diff.count_{change}", diff.count(change), lang)
        for change in ("added", "removed", "changed")
        if diff.count(change)
    ]
    joined = ", ".join(summary)
    lines += [joined[:1].upper() + joined[1:] + ".", ""]
    for section in SECTIONS:
        items = [i for i in diff.items if i.section == section]
        if not items:
            continue
        lines += [f"## {text(f'diff.section_{section}', lang)}", ""]
        for item in items:
            title = tr(item.title, lang) if item.title is not None else ""
            head = f"- **{text(f'diff.{item.change}', lang)}** `{item.id}`"
            lines.append(head + (f": {md_inline(title)}" if title else ""))
            if item.fields:
                lines += [
                    "",
                    "  | "
                    + " | ".join(text(f"diff.{c}", lang) for c in ("field", "before", "after"))
                    + " |",
                    "  | --- | --- | --- |",
                ]
                lines += [
                    f"  | `{f.field}` | {_value(f.before, lang, f.after)} "
                    f"| {_value(f.after, lang, f.before)} |"
                    for f in item.fields
                ]
                lines.append("")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"

"""Plain-data views of the method in one language (for the terminal and ``--json``)."""

from __future__ import annotations

from typing import Any

from commkit.errors import UserError
from commkit.model.common import tr
from commkit.model.methodology import Chapter, Methodology
from commkit.model.pack import ContentPack


def find_chapter(method: Methodology, key: str) -> Chapter:
    for chapter in method.chapters:
        if key in (chapter.id, str(chapter.number)):
            return chapter
    choices = ", ".join(f"{c.number} {c.id}" for c in method.chapters)
    raise UserError(f"no chapter {key!r}; choose one of: {choices}")


def chapter_view(pack: ContentPack, chapter: Chapter, lang: str) -> dict[str, Any]:
    roles = {r.id: tr(r.name, lang) for r in pack.methodology.roles}
    actions = [a for a in pack.roadmap.actions if a.chapter == chapter.id]
    seminars = [s for s in pack.seminars if chapter.id in s.chapters]
    return {
        "id": chapter.id,
        "number": chapter.number,
        "title": tr(chapter.title, lang),
        "purpose": tr(chapter.purpose, lang),
        "owner": roles.get(chapter.owner, chapter.owner),
        "duration_days": chapter.duration_days,
        "inputs": [tr(t, lang) for t in chapter.inputs],
        "activities": [tr(t, lang) for t in chapter.activities],
        "deliverables": [tr(t, lang) for t in chapter.deliverables],
        "steps": [
            {"id": st.id, "title": tr(st.title, lang), "description": tr(st.description, lang)}
            for st in chapter.steps
        ],
        "actions": [{"id": a.id, "title": tr(a.title, lang)} for a in actions],
        "seminars": [{"id": x.id, "title": tr(x.title, lang)} for x in seminars],
    }


def overview(pack: ContentPack, lang: str) -> dict[str, Any]:
    m = pack.methodology
    return {
        "id": m.id,
        "title": tr(m.title, lang),
        "summary": tr(m.summary, lang),
        "objectives": [tr(o.title, lang) for o in m.objectives],
        "metrics": [
            {"id": x.id, "name": tr(x.name, lang), "unit": tr(x.unit, lang)} for x in m.metrics
        ],
        "prerequisites": [tr(p.title, lang) for p in m.prerequisites],
        "roles": [{"id": r.id, "name": tr(r.name, lang)} for r in m.roles],
        "chapters": [
            chapter_view(pack, c, lang) for c in sorted(m.chapters, key=lambda c: c.number)
        ],
    }

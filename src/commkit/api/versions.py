"""Method versions: what changed between two versions of the content.

A region assesses its communities for years while the checklist changes under it; this
compares two packs or two checklist files.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from commkit.api._common import PathLike, content
from commkit.errors import UserError

if TYPE_CHECKING:
    from commkit.core.pack_diff import PackDiff
    from commkit.model.answers import Answers
    from commkit.model.pack import ContentPack


# ------------------------------------------------------------------------- content diff


def _checklist_file(path: Path) -> Any:
    from commkit.model.checklist import Checklist
    from commkit.model.loader import load_file

    return load_file(path, Checklist)


def diff_content(old: PathLike | None, new: PathLike | None = None) -> PackDiff:
    """What changed from ``old`` to ``new``: two pack folders (``None``: the default pack) or
    two checklist files. Added, removed and changed questions, options, dimensions, stages,
    roadmap actions, seminars and migrations, each change with the values before and after.
    """
    from commkit.core.pack_diff import diff_checklist_files, diff_packs
    from commkit.model.pack import load_pack_uncached

    old_path = Path(old) if old is not None else None
    new_path = Path(new) if new is not None else None
    if old_path is not None and old_path.is_file():
        if new_path is None or not new_path.is_file():
            raise UserError("compare a checklist file with another checklist file")
        return diff_checklist_files(_checklist_file(old_path), _checklist_file(new_path))
    before = load_pack_uncached(old_path)
    after = load_pack_uncached(new_path)
    return diff_packs(
        before,
        after,
        old_path.name if old_path else "default",
        new_path.name if new_path else "default",
    )


def diff_json(diff: PackDiff) -> dict[str, Any]:
    """A content diff as plain data (``--json``)."""
    from dataclasses import asdict

    return asdict(diff)


def render_diff_markdown(diff: PackDiff, lang: str = "en") -> str:
    """A content diff as a Markdown change log in ``lang``."""
    from commkit.render.pack_diff_md import render_diff_markdown as _render

    return _render(diff, lang)


# ------------------------------------------------------------------------- migrations


def migrate_answers(answers: Answers, *, pack: ContentPack | None = None) -> Answers:
    """Answers given to an earlier version of their checklist, carried to the current one
    through the pack's migrations (``checklists/migrations/``): kept, mapped or left to be
    asked again, as the migration says. Answers to the current version come back unchanged.
    Raises :class:`commkit.errors.UserError` when no migration leads there."""
    from commkit.core.migrate import migrate
    from commkit.core.scoring import checklist_hash
    from commkit.model.answers import ChecklistRef

    pack = content(pack)
    ref = answers.checklist
    checklist = pack.checklists.get(ref.id)
    if checklist is None or ref.version == checklist.version:
        return answers
    result = migrate(pack.migrations, ref.id, ref.version, checklist.version, answers.answers)
    yes_no = {q.id for q in checklist.questions if q.type == "yes_no"}
    carried = {
        qid: a.model_copy(update={"value": "yes" if a.value else "no"})
        if qid in yes_no and isinstance(a.value, bool)
        else a
        for qid, a in result.answers.items()
    }
    new_ref = ChecklistRef(id=ref.id, version=checklist.version, hash=checklist_hash(checklist))
    return answers.model_copy(update={"checklist": new_ref, "answers": carried})

"""Method versions: what changed between two versions of the content.

A region assesses its communities for years while the checklist changes under it; this
compares two packs or two checklist files.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from commkit.api._common import PathLike, content
from commkit.errors import UserError

if TYPE_CHECKING:
    from commkit.core.pack_diff import PackDiff
    from commkit.core.rescore import Rescore
    from commkit.model.answers import Answers, Assessment
    from commkit.model.pack import ContentPack


# ------------------------------------------------------------------------- content diff


def _checklist_file(path: Path) -> Any:
    from commkit.model.checklist import Checklist
    from commkit.model.loader import load_file

    return load_file(path, Checklist)


def diff_content(
    old: PathLike | None, new: PathLike | None = None, *, rev: str | None = None
) -> PackDiff:
    """What changed from ``old`` to ``new``: two pack folders (``None``: the default pack) or
    two checklist files. Added, removed and changed questions, options, dimensions, stages,
    roadmap actions, seminars and migrations, each change with the values before and after.

    ``rev``: compare ``old`` as it was at that git revision with ``old`` as it is now (``new``
    must then be ``None``), so a pack kept in git needs no second copy.
    """
    if rev is not None:
        import tempfile

        from commkit.api.git_snapshot import snapshot_at

        if old is None or new is not None:
            raise UserError("with --rev, give one pack folder or checklist file (OLD only)")
        with tempfile.TemporaryDirectory(prefix="commkit-rev-") as tmp:
            then = snapshot_at(Path(old), rev, Path(tmp))
            return _diff_paths(then, Path(old), f"{Path(old).name}@{rev}", Path(old).name)
    old_path = Path(old) if old is not None else None
    new_path = Path(new) if new is not None else None
    return _diff_paths(
        old_path,
        new_path,
        old_path.name if old_path else "default",
        new_path.name if new_path else "default",
    )


def _diff_paths(
    old_path: Path | None, new_path: Path | None, old_label: str, new_label: str
) -> PackDiff:
    from commkit.core.pack_diff import diff_checklist_files, diff_packs
    from commkit.model.pack import load_pack_uncached

    if old_path is not None and old_path.is_file():
        if new_path is None or not new_path.is_file():
            raise UserError("compare a checklist file with another checklist file")
        return diff_checklist_files(_checklist_file(old_path), _checklist_file(new_path))
    before = load_pack_uncached(old_path)
    after = load_pack_uncached(new_path)
    return diff_packs(before, after, old_label, new_label)


def diff_json(diff: PackDiff) -> dict[str, Any]:
    """A content diff as plain data (``--json``)."""
    from dataclasses import asdict

    return asdict(diff)


def render_diff_markdown(diff: PackDiff, lang: str = "en") -> str:
    """A content diff as a Markdown change log in ``lang``."""
    from commkit.render.pack_diff_md import render_diff_markdown as _render

    return _render(diff, lang)


# ------------------------------------------------------------------------- re-scoring


def load_old(path: PathLike, pack: Any | None = None) -> Answers | Assessment:
    """An answers or assessment file given to any version of its checklist, checked
    against that version (errors located by file:line; the file is only read)."""
    from commkit.core.scoring import check_answers
    from commkit.errors import ContentError
    from commkit.model.answers import Answers, Assessment
    from commkit.model.loader import parse_file, validate_document

    doc = parse_file(Path(path))
    kind = doc.data.get("kind") if isinstance(doc.data, dict) else None
    if kind not in ("answers", "assessment"):
        raise ContentError(
            "",
            [
                *doc.problems,
                doc.diagnostic(
                    ("kind",), f"expected 'kind: answers' or 'kind: assessment', got {kind!r}"
                ),
            ],
        )
    model: Answers | Assessment = (
        validate_document(doc, Assessment)
        if kind == "assessment"
        else validate_document(doc, Answers)
    )
    pack = content(pack)
    checklist = pack.checklist_version(model.checklist.id, model.checklist.version)
    if checklist is not None and isinstance(model, Answers):
        current = pack.checklists.get(model.checklist.id)
        earlier = current is None or current.version != checklist.version
        diags = check_answers(checklist, model, doc, empty_ticks=not earlier)
        if any(d.severity == "error" for d in diags):
            raise ContentError("", diags)
    return model


def rescore(
    old: Answers | Assessment | PathLike,
    *,
    pack: Any | None = None,
    today: dt.date | None = None,
) -> Rescore:
    """An old assessment or answers file re-scored under the current checklist through the
    content's migrations: what was carried, what was mapped and how, which questions need a
    new answer, and the scores before and after. Raises :class:`UserError` when no migration
    leads to the current version."""
    from commkit.core.rescore import rescore as _rescore

    pack = content(pack)
    source = "" if not isinstance(old, str | Path) else str(old)
    model = load_old(old, pack) if isinstance(old, str | Path) else old
    return _rescore(pack, model, source, today)


def render_rescore_markdown(
    result: Rescore, lang: str = "en", *, pack: Any | None = None, file: str = ""
) -> str:
    """The ``assess --rescore`` report in ``lang``; ``file`` is named in the
    ``--update`` hint."""
    from commkit.render.rescore_md import render_rescore_markdown as _render

    return _render(result, content(pack), lang, file)


def write_rescore_report(
    result: Rescore,
    out: PathLike,
    lang: str = "en",
    *,
    pack: Any | None = None,
    force: bool = False,
) -> Path:
    """Write the report as ``<out>/<slug>-rescore-<date>.md`` (never over an existing file
    without ``force``); returns its path."""
    from commkit.fsutil import atomic_write_text, safe_child, slugify

    community = result.after.community
    slug = community.slug or slugify(community.name)
    target = safe_child(Path(out), f"{slug}-rescore-{result.after.date.isoformat()}.md")
    text = render_rescore_markdown(result, lang, pack=pack, file=result.source)
    atomic_write_text(target, text, force=force)
    return target


def rescore_summary(
    result: Rescore,
    lang: str = "en",
    *,
    pack: Any | None = None,
    file: str = "",
    report: PathLike | None = None,
) -> list[str]:
    """The lines a terminal shows for one re-scored file: stage and score before and after,
    how many answers were carried, mapped and need a new answer, the report, the next step."""
    from commkit.i18n import number, text
    from commkit.model.common import tr
    from commkit.render.rescore_md import stage_title

    pack = content(pack)
    before = result.before
    lines = [
        text(
            "rescore.summary",
            lang,
            name=tr(result.after.community.name, lang),
            date=result.after.date.isoformat(),
            old=result.old_version,
            old_stage=stage_title(pack, result, before.stage, lang, old=True) if before else "—",
            old_overall=number(before.overall, lang, 1) if before else "—",
            new=result.new_version,
            new_stage=stage_title(pack, result, result.after.result.stage, lang),
            new_overall=number(result.after.result.overall, lang, 1),
        ),
        "  "
        + text(
            "rescore.counts",
            lang,
            carried=len(result.carried),
            mapped=len(result.mapped),
            need=len(result.need),
        ),
    ]
    if report is not None:
        lines.append("  " + text("rescore.written", lang, path=report))
    if result.need:
        lines.append("  " + text("rescore.update_cmd", lang, file=file or result.source))
    return lines


# ------------------------------------------------------------------------- migrations


def migrate_answers(answers: Answers, *, pack: ContentPack | None = None) -> Answers:
    """Answers given to an earlier version of their checklist, carried to the current one
    through the pack's migrations (``checklists/migrations/``): kept, mapped or left to be
    asked again, as the migration says. Answers to the current version come back unchanged.
    Raises :class:`commkit.errors.UserError` when no migration leads there."""
    from commkit.core.migrate import carry_answers

    pack = content(pack)
    if answers.checklist.id not in pack.checklists:
        return answers
    return carry_answers(pack, answers)[0]

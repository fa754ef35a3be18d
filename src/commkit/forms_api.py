"""Forms and teams, for :mod:`commkit.api`: the checklist outside the terminal and raters merged.

``checklist export`` writes the checklist as an HTML form, an XLSForm, a workbook or a paper
questionnaire; ``answers import`` reads what comes back; ``assess --team`` merges the raters
of one community. Nothing here prints; errors are :class:`commkit.errors.CommkitError`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from commkit.errors import Diagnostic
    from commkit.importing import ImportResult
    from commkit.model.answers import Answers, Assessment
    from commkit.model.pack import ContentPack

PathLike = str | Path

__all__ = [
    "EXPORT_FORMATS",
    "assess_team",
    "check_answers_file",
    "export_checklist",
    "import_answers",
    "team_raters_in_workspace",
]


def _content(pack: ContentPack | None) -> ContentPack:
    from commkit.model.pack import load_pack

    return pack if pack is not None else load_pack(None)


def check_answers_file(
    path: PathLike, *, pack: ContentPack | None = None
) -> tuple[Answers, list[Diagnostic]]:
    """Read an answers file and check it against its checklist: (answers, warnings).

    Unknown questions, values that do not fit and missing required answers raise
    :class:`commkit.errors.ContentError` naming file, line and question.
    """
    from commkit.core.scoring import check_answers, checklist_for
    from commkit.errors import ContentError
    from commkit.model.answers import Answers
    from commkit.model.loader import parse_file, validate_document

    doc = parse_file(Path(path))
    answers = validate_document(doc, Answers)
    diags = check_answers(checklist_for(_content(pack), answers), answers, doc)
    if any(d.severity == "error" for d in diags):
        raise ContentError("", diags)
    return answers, diags


def assess_team(
    raters: Sequence[tuple[str, Answers]],
    *,
    pack: ContentPack | None = None,
    today: dt.date | None = None,
    anonymous: bool = False,
    lang: str = "en",
) -> Assessment:
    """Merge the raters of one community (``(name, answers)`` pairs) and score the consensus.

    The result is an ordinary assessment (``plan`` takes it) whose ``team`` block holds the
    raters, the range of their own results and every question's merge (see
    :mod:`commkit.core.team` for the rules).
    """
    from commkit.core.scoring import assess as _assess
    from commkit.core.scoring import checklist_for
    from commkit.core.team import merge_answers
    from commkit.render.report import labels

    pack = _content(pack)
    if not raters:
        from commkit.errors import UserError

        raise UserError("a team assessment needs at least one answers file")
    checklist = checklist_for(pack, raters[0][1])
    merged = merge_answers(
        checklist,
        raters,
        lang=lang,
        anonymous=anonymous,
        anonymous_label=labels(lang)["team_rater_n"],
    )
    assessment = _assess(pack, merged.answers, today)
    return assessment.model_copy(update={"team": merged.summary})


def team_raters_in_workspace(workspace: PathLike, slug: str) -> list[Path]:
    """The latest answers file of every rater of a community in ``answers/<slug>/``.

    Files are named ``<rater>-<date>.yaml`` by ``commkit answers import --workspace``; the
    newest date per rater wins.
    """
    from commkit.errors import UserError
    from commkit.fsutil import safe_child
    from commkit.importing import ANSWERS_DIR

    folder = safe_child(Path(workspace), ANSWERS_DIR, slug)
    if not folder.is_dir():
        raise UserError(
            f"no answers for {slug!r} in {folder} "
            "(import them with 'commkit answers import --workspace')"
        )
    latest: dict[str, Path] = {}
    for path in sorted(folder.iterdir()):
        if path.suffix not in (".yaml", ".yml", ".json") or path.name.startswith("."):
            continue
        stem = path.stem
        rater = stem[:-11] if len(stem) > 11 and stem[-11] == "-" else stem
        latest[rater] = path  # sorted: a later date replaces an earlier one
    if not latest:
        raise UserError(f"no answers files in {folder}")
    return [latest[k] for k in sorted(latest)]


EXPORT_FORMATS = ("html", "xlsform", "xlsx", "md")


def export_checklist(
    format: str,
    out: PathLike,
    *,
    pack: ContentPack | None = None,
    lang: str = "en",
    community: str | None = None,
    workspace: PathLike | None = None,
    force: bool = False,
) -> Path:
    """Write the loaded checklist as a form to fill in outside the terminal; returns the file.

    ``html``: one self-contained page (offline, both languages, downloads an answers file);
    ``xlsform``: survey/choices/settings for KoboToolbox and ODK Central; ``xlsx``: a
    workbook with drop-down lists; ``md``: a printable questionnaire. ``community`` (a slug)
    is filled in; with ``workspace`` its name comes from ``communities/<slug>.yaml``.
    """
    from commkit.core.scoring import checklist_hash
    from commkit.errors import UserError
    from commkit.fsutil import atomic_write_bytes, atomic_write_text, safe_child
    from commkit.model.common import ID_RE

    if format not in EXPORT_FORMATS:
        raise UserError(f"unknown format {format!r}: choose one of {', '.join(EXPORT_FORMATS)}")
    pack = _content(pack)
    checklist = pack.checklist
    digest = checklist_hash(checklist)
    who: dict[str, str] | None = None
    if community is not None:
        if not ID_RE.match(community):
            raise UserError(f"--community {community!r} is not a valid slug")
        who = {"slug": community, "name": ""}
        if workspace is not None:
            from commkit.model.loader import load_file
            from commkit.model.workspace import Community

            profile = safe_child(Path(workspace), "communities", f"{community}.yaml")
            if not profile.is_file():
                raise UserError(f"no community {community!r} in {workspace} ({profile} is missing)")
            who["name"] = load_file(profile, Community).name
    stem = checklist.id + (f"-{community}" if community else "")
    root = Path(out)
    if format == "html":
        from commkit.render.checklist_form import checklist_form_html

        text = checklist_form_html(checklist, digest, lang=lang, community=who)
        return atomic_write_text(safe_child(root, f"{stem}.html"), text, force=force)
    if format == "md":
        from commkit.render.questionnaire_md import questionnaire_markdown

        text = questionnaire_markdown(checklist, lang=lang, community=who)
        return atomic_write_text(safe_child(root, f"{stem}-{lang}.md"), text, force=force)
    if format == "xlsform":
        from commkit.render.xlsform import xlsform_bytes

        try:
            data = xlsform_bytes(checklist, digest, lang=lang, community=who)
        except ValueError as exc:
            raise UserError(f"the checklist cannot become an XLSForm: {exc}") from None
        return atomic_write_bytes(safe_child(root, f"{stem}-xlsform.xlsx"), data, force=force)
    from commkit.render.workbook import workbook_bytes

    data = workbook_bytes(checklist, digest, lang=lang, community=who)
    return atomic_write_bytes(safe_child(root, f"{stem}-{lang}-workbook.xlsx"), data, force=force)


def import_answers(
    files: Iterable[PathLike],
    *,
    out: PathLike | None = None,
    workspace: PathLike | None = None,
    pack: ContentPack | None = None,
    lang: str = "en",
    force: bool = False,
    skip_bad: bool = False,
    progress: Callable[[int], None] | None = None,
) -> ImportResult:
    """Read collected answers and write one checked answers file per submission.

    Reads the HTML form's downloads (JSON/YAML answers files), KoboToolbox / ODK Central
    exports of the XLSForm (CSV or XLSX) and filled workbooks. Files go to
    ``out/<community>-<rater>-<date>.yaml`` or
    ``workspace/answers/<community>/<rater>-<date>.yaml``.
    When any submission has a problem nothing is written and
    :class:`commkit.errors.ContentError` lists every problem with file, row and column;
    with ``skip_bad`` the good ones are written and the bad ones are in ``result.skipped``.
    """
    from commkit.importing import run_import

    return run_import(
        [Path(f) for f in files],
        out=Path(out) if out is not None else None,
        workspace=Path(workspace) if workspace is not None else None,
        pack=_content(pack),
        lang=lang,
        force=force,
        skip_bad=skip_bad,
        progress=progress,
    )

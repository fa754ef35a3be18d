"""Forms: the checklist filled in outside the terminal, and what comes back.

``checklist export`` writes the checklist as an HTML form, an XLSForm, a workbook or a paper
questionnaire; ``answers import`` reads what comes back into checked answers files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from commkit.api._common import PathLike, content

if TYPE_CHECKING:
    from commkit.api.importing import ImportResult
    from commkit.model.pack import ContentPack

__all__ = ["EXPORT_FORMATS", "export_checklist", "import_answers"]


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
    from commkit.model.common import ID_RE, tr
    from commkit.render.blank_form import BlankForm

    if format not in EXPORT_FORMATS:
        raise UserError(f"unknown format {format!r}: choose one of {', '.join(EXPORT_FORMATS)}")
    pack = content(pack)
    checklist = pack.checklist
    digest = checklist_hash(checklist)
    who: dict[str, str] | None = None
    if community is not None:
        if not ID_RE.match(community):
            raise UserError(f"--community {community!r} is not a valid slug")
        who = {"slug": community, "name": ""}
        if workspace is not None:
            from commkit.api.workspace import community_file
            from commkit.model.loader import load_file
            from commkit.model.workspace import Community

            profile = load_file(community_file(workspace, community), Community)
            who["name"] = tr(profile.name, lang)
            if profile.founded:
                who["founded"] = profile.founded
    form = BlankForm(checklist, digest, lang, who)
    stem = checklist.id + (f"-{community}" if community else "")
    root = Path(out)
    if format == "html":
        from commkit.render.checklist_form import checklist_form_html

        text = checklist_form_html(form)
        return atomic_write_text(safe_child(root, f"{stem}.html"), text, force=force)
    if format == "md":
        from commkit.render.questionnaire_md import questionnaire_markdown

        text = questionnaire_markdown(form)
        return atomic_write_text(safe_child(root, f"{stem}-{lang}.md"), text, force=force)
    if format == "xlsform":
        from commkit.render.xlsform import xlsform_bytes

        try:
            data = xlsform_bytes(form)
        except ValueError as exc:
            raise UserError(f"the checklist cannot become an XLSForm: {exc}") from None
        return atomic_write_bytes(safe_child(root, f"{stem}-xlsform.xlsx"), data, force=force)
    from commkit.render.workbook import workbook_bytes

    data = workbook_bytes(form)
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
    from commkit.api.importing import run_import

    return run_import(
        [Path(f) for f in files],
        out=Path(out) if out is not None else None,
        workspace=Path(workspace) if workspace is not None else None,
        pack=content(pack),
        lang=lang,
        force=force,
        skip_bad=skip_bad,
        progress=progress,
    )

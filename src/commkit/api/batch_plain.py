"""A batch's answers file assessed on plain objects, when nothing about it needs the models.

Most files of a batch are plain, valid and complete: for those, building the pydantic
answers and assessment models costs more than scoring them. :func:`plain_item` reads such
a file as a warm one-file ``assess`` does (:mod:`commkit.api.warm_assess`: libyaml and the
validator generated from the models), checks it against its checklist, scores it with the
engine on plain objects and renders the same two files as
:meth:`commkit.api.AssessmentWriter.render`, byte for byte
(:func:`commkit.render.report.render_report_files`), and with ``--json`` the same text. The
pack is the batch's own (its models, loaded once per process).

It is only ever a shortcut: it returns ``None`` at any doubt (a file that is not plain, not
surely valid, a problem or a warning of any kind, a date to warn about), and
:func:`commkit.api.batch.prepare` then runs the full path, which reports every problem with
its file, line and field. A batch with a workspace, charts, a page or ``--explain`` always
runs the full path.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from commkit.render.report_json import COMMUNITY
from commkit.render.report_json import _copied as _copied
from commkit.render.report_json import assessment_json as assessment_json

if TYPE_CHECKING:
    from commkit.api.assess import AssessmentWriter
    from commkit.model.checklist import Checklist
    from commkit.model.pack import ContentPack
    from commkit.render.json_text import RawJson


_COMMUNITY = COMMUNITY


class PlainItem(NamedTuple):
    """What a batch's item needs of one answers file assessed on plain objects."""

    lang: str
    files: list[tuple[str, Path, str | bytes]]
    """``(role, target, text)`` of the result (YAML) and the report (Markdown): the text in
    UTF-8 when made in one pass (:mod:`commkit.render.report_pass`)."""
    overall: float
    stage: str
    json: RawJson | None
    """The assessment as ``--json`` writes it (with ``as_json``)."""


def plain_item(
    name: str,
    *,
    pack: ContentPack,
    writer: AssessmentWriter,
    lang: str | None,
    when: dt.date | None,
    as_json: bool,
) -> PlainItem | None:
    """Answers file ``name`` assessed on plain objects, its two files rendered for
    ``writer`` (which must have no workspace, charts or page), or ``None``: the full path
    must assess it (nothing was written either way). ``lang``: the language asked for
    (``None``: the answers' own); ``when``: the assessment's date, if given."""
    from commkit.api.warm_assess import _read

    data = _read(Path(name))
    if data is None:
        return None
    try:
        return _assessed(data, pack, writer, lang, when, as_json)
    except Exception:  # anything unforeseen: the full path runs and says what it is
        return None


_HASHES: dict[int, tuple[Checklist, str]] = {}


def _checklist_hash(checklist: Checklist) -> str:
    """The checklist's content hash, once per checklist in a process."""
    from commkit.core.scoring import checklist_hash

    found = _HASHES.get(id(checklist))
    if found is None or found[0] is not checklist:
        found = (checklist, checklist_hash(checklist))
        _HASHES[id(checklist)] = found
    return found[1]


_TEMPLATE_DIRS: dict[int, tuple[Any, list[Path]]] = {}


def _template_dirs(writer: AssessmentWriter, pack: ContentPack) -> list[Path]:
    """The pack's template folders when one holds its own report template, else none:
    looked at once per batch (its writer), not twice a file."""
    from commkit.render.report import TEMPLATE
    from commkit.render.report_md import has_own_template

    found = _TEMPLATE_DIRS.get(id(writer))
    if found is None or found[0] is not writer:
        dirs = list(pack.template_dirs)
        found = (writer, dirs if has_own_template(dirs, TEMPLATE) else [])
        if len(_TEMPLATE_DIRS) >= 8:
            _TEMPLATE_DIRS.clear()
        _TEMPLATE_DIRS[id(writer)] = found
    return found[1]


def _assessed(
    data: dict[str, Any],
    pack: ContentPack,
    writer: AssessmentWriter,
    lang: str | None,
    when: dt.date | None,
    as_json: bool,
) -> PlainItem | None:
    from commkit.api.warm_assess import plain_assessment
    from commkit.core.plain import plain_answers_file
    from commkit.i18n import resolve_lang
    from commkit.render.report import _roadmap_of, render_report_files, template_labels
    from commkit.render.report_pass import assessment_texts

    answers = plain_answers_file(data)
    checklist = pack.checklists.get(answers.checklist.id)
    if checklist is None:
        return None  # another checklist: the full path warns
    made = plain_assessment(
        answers, checklist, _checklist_hash(checklist), pack.roadmap.actions, when, None
    )
    if made is None:
        return None
    assessment, info = made
    community = assessment.community
    lang = resolve_lang(lang, answers.language)
    dirs = _template_dirs(writer, pack)
    texts = None
    yaml_text: str | bytes
    markdown: str | bytes
    if not dirs:  # the built-in report: the three texts in one pass
        texts = assessment_texts(
            assessment,
            checklist,
            info,
            lang,
            template_labels(lang),
            roadmap=_roadmap_of(pack.roadmap.actions),
            as_json=as_json,
        )
    if texts is None:
        yaml_text, markdown = render_report_files(
            assessment, checklist, info, lang, actions=pack.roadmap.actions, template_dirs=dirs
        )
        json = assessment_json(assessment) if as_json else None
    else:
        yaml_text, markdown, json = texts
    md_path, yaml_path = writer.targets(community.slug, assessment.date.isoformat())
    return PlainItem(
        lang,
        [("yaml", yaml_path, yaml_text), ("markdown", md_path, markdown)],
        info.plain.overall,
        info.plain.stage,
        json,
    )

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

if TYPE_CHECKING:
    from commkit.api.assess import AssessmentWriter
    from commkit.model.checklist import Checklist
    from commkit.model.pack import ContentPack
    from commkit.render.json_text import RawJson

_COMMUNITY = ("name", "slug", "region", "formalised", "new", "founded")
"""The fields of ``CommunityRef``, in the model's order (what ``model_dump`` gives)."""


class PlainItem(NamedTuple):
    """What a batch's item needs of one answers file assessed on plain objects."""

    lang: str
    files: list[tuple[str, Path, str]]
    """``(role, target, text)`` of the result (YAML) and the report (Markdown)."""
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
    from commkit.render.report import render_report_files

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
    yaml_text, markdown = render_report_files(
        assessment,
        checklist,
        info,
        lang,
        actions=pack.roadmap.actions,
        template_dirs=pack.template_dirs,
    )
    md_path, yaml_path = writer.targets(community.slug, assessment.date.isoformat())
    return PlainItem(
        lang,
        [("yaml", yaml_path, yaml_text), ("markdown", md_path, markdown)],
        info.plain.overall,
        info.plain.stage,
        assessment_json(assessment) if as_json else None,
    )


def assessment_json(assessment: Any) -> RawJson:
    """The assessment as ``--json`` writes it (``json_text(model.model_dump(mode="json"))``
    of the model the full path makes), from its attributes: by pydantic's compiled JSON
    writer where it writes the bytes commkit's own does (every float plain, as
    :func:`commkit.api.batch.assessment_json` decides for the model), else by commkit's."""
    from commkit.render.json_text import RawJson, dumps, plain_floats

    ref = assessment.checklist
    community = assessment.community
    data = {
        "version": assessment.version,
        "kind": assessment.kind,
        "checklist": {"id": ref.id, "version": ref.version, "hash": ref.hash},
        "community": {key: _copied(getattr(community, key)) for key in _COMMUNITY},
        "date": assessment.date.isoformat(),
        "language": assessment.language,
        "rater": None,
        "answers": {
            qid: {"status": a.status, "value": _copied(a.value), "note": _copied(a.note)}
            for qid, a in assessment.answers.items()
        },
        "result": assessment.result.data(),
        "team": None,
    }
    result = assessment.result
    floats = [
        result.overall,
        *(d.score for d in result.dimensions),
        *(a.value for a in assessment.answers.values()),
    ]
    if plain_floats(floats):
        from pydantic_core import to_json

        return RawJson(to_json(data, indent=2).decode("utf-8"))
    return RawJson(dumps(data))


def _copied(value: Any) -> Any:
    """A value as ``model_dump(mode="json")`` gives it (dates as ISO text, containers
    copied)."""
    if isinstance(value, dict):
        return {k: _copied(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copied(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value

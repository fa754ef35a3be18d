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
        template_dirs=_template_dirs(writer, pack),
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
    of the model the full path makes), from its attributes, written piece by piece: an
    answer's, a dimension's and a recommendation's piece are remembered by what they hold
    (a batch writes the same few thousand again and again), the rest is written by
    :func:`commkit.render.json_text.dumps`. Every float is written as Python writes it
    (``json.dumps``'s way, which pydantic's compiled writer shares for all but tiny, huge
    and not-a-number floats); a text that cannot be UTF-8 raises, as pydantic's writer
    did."""
    from commkit.render.json_text import RawJson, dumps

    ref = assessment.checklist
    community = assessment.community
    head_key = (assessment.version, assessment.kind, ref.id, ref.version, ref.hash)
    head = _JSON_HEADS.get(head_key)
    if head is None:
        head = dumps(
            {
                "version": assessment.version,
                "kind": assessment.kind,
                "checklist": {"id": ref.id, "version": ref.version, "hash": ref.hash},
            }
        )[:-2]
        _utf8(head)
        if len(_JSON_HEADS) < 100:
            _JSON_HEADS[head_key] = head
    about = dumps({key: _copied(getattr(community, key)) for key in _COMMUNITY}, level=1)
    _utf8(about)
    parts = [
        head,
        ',\n  "community": ',
        about,
        ',\n  "date": "',
        assessment.date.isoformat(),
        '",\n  "language": ',
        _json_word(assessment.language),
        ',\n  "rater": null,\n  "answers": ',
    ]
    add = parts.append
    answers = assessment.answers
    if not answers:
        add("{}")
    else:
        from commkit.render.report import answer_key

        known = _JSON_ANSWERS
        pieces: list[str] = []
        put = pieces.append
        for qid, a in answers.items():
            key = answer_key(qid, a)
            piece = known.get(key) if key else None
            if piece is None:
                entry = {"status": a.status, "value": _copied(a.value), "note": _copied(a.note)}
                piece = f",\n    {_json_word(qid)}: {dumps(entry, level=2)}"
                _utf8(piece)
                if key and len(known) < 50_000 and len(piece) <= 2_000:
                    known[key] = piece
            put(piece)
        pieces[0] = "{" + pieces[0][1:]
        parts += pieces
        add("\n  }")
    add(',\n  "result": ')
    add(_result_json(assessment.result))
    add(',\n  "team": null\n}')
    return RawJson("".join(parts))


_JSON_HEADS: dict[tuple[Any, ...], str] = {}
"""The ``--json`` text's first lines (version, kind, checklist), without the closing brace."""
_JSON_ANSWERS: dict[tuple[Any, ...], str] = {}
"""An answer's piece of the ``--json`` text (``,`` and its lines) by question, status, type
and value (and note)."""
_JSON_DIMENSIONS: dict[tuple[Any, ...], str] = {}
"""A dimension's piece of the ``--json`` text by its id, score and counts."""
_JSON_RECOMMENDATIONS: dict[tuple[Any, ...], str] = {}
"""A recommendation's piece of the ``--json`` text by question, dimension and text."""
_JSON_LISTS: dict[tuple[str, ...], str] = {}
"""A list of ids (strengths, gaps, actions...) in the ``--json`` text, at the result's level."""


def _result_json(result: Any) -> str:
    """The ``result`` mapping of the ``--json`` text, at level 1."""
    parts = [
        '{\n    "overall": ',
        _json_number(result.overall),
        ',\n    "stage": ',
        _json_word(result.stage),
        ',\n    "next_stage": ',
        "null" if result.next_stage is None else _json_word(result.next_stage),
        ',\n    "dimensions": ',
    ]
    add = parts.append
    if not result.dimensions:
        add("[]")
    else:
        known = _JSON_DIMENSIONS
        sep = "[\n      "
        for d in result.dimensions:
            score = d.score
            counts = (d.answered, d.dont_know, d.not_applicable, d.unanswered)
            keep = score is None or (type(score) is float and score) or type(score) is int
            key = (d.id, type(score), score, *counts)
            piece = known.get(key) if keep else None
            if piece is None:
                piece = _dumps(
                    {
                        "id": d.id,
                        "score": score,
                        "answered": counts[0],
                        "dont_know": counts[1],
                        "not_applicable": counts[2],
                        "unanswered": counts[3],
                    },
                    3,
                )
                if keep and len(known) < 20_000:
                    known[key] = piece
            add(sep)
            add(piece)
            sep = ",\n      "
        add("\n    ]")
    add(',\n    "strengths": ')
    add(_json_list(result.strengths))
    add(',\n    "gaps": ')
    add(_json_list(result.gaps))
    add(',\n    "recommendations": ')
    if not result.recommendations:
        add("[]")
    else:
        said = _JSON_RECOMMENDATIONS
        sep = "[\n      "
        for r in result.recommendations:
            text = r.text
            keep = text is None or type(text) is str
            rkey = (r.question, r.dimension, text)
            piece = said.get(rkey) if keep else None
            if piece is None:
                made = {"question": r.question, "dimension": r.dimension, "text": text}
                piece = _dumps(made, 3)
                if keep and len(said) < 20_000 and len(piece) <= 2_000:
                    said[rkey] = piece
            add(sep)
            add(piece)
            sep = ",\n      "
        add("\n    ]")
    add(',\n    "actions": ')
    add(_json_list(result.actions))
    add(',\n    "open_questions": ')
    add(_json_list(result.open_questions))
    add(',\n    "held_back_by": ')
    add(_json_list(result.held_back_by))
    add("\n  }")
    return "".join(parts)


def _json_list(items: Any) -> str:
    """A list of the result (of ids) at level 2, remembered when it holds strings only."""
    key = tuple(items)
    known = _JSON_LISTS.get(key)
    if known is not None:
        return known
    made = _dumps(_copied(list(items)), 2)
    if all(type(i) is str for i in key) and len(_JSON_LISTS) < 5_000:
        _JSON_LISTS[key] = made
    return made


def _dumps(data: Any, level: int) -> str:
    from commkit.render.json_text import dumps

    text = dumps(data, level=level)
    _utf8(text)
    return text


def _json_word(value: Any) -> str:
    """A string (or anything else) as one JSON value, checked as :func:`_utf8` checks."""
    return _dumps(value, 0)


def _json_number(value: Any) -> str:
    if type(value) is float and value and 1e-4 <= abs(value) < 1e16:
        return float.__repr__(value)
    return _dumps(value, 0)


def _utf8(text: str) -> None:
    """Raise where ``text`` cannot be written as UTF-8 (a lone surrogate), as pydantic's
    writer raised: the batch then takes the full path for the file."""
    if not text.isascii():
        text.encode("utf-8")


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

"""The ``--json`` text of an assessment, written piece by piece from its attributes.

``json_text(model.model_dump(mode="json"))`` of the model the full path makes, without the
model: a batch writes one for every answers file, and an answer's, a dimension's and a
recommendation's piece come back again and again, so each is remembered by what it holds.
:mod:`commkit.render.report_pass` uses the same pieces when it makes a batch's three texts
in one pass.
"""

from __future__ import annotations

import datetime as dt
from json.encoder import encode_basestring as _string
from typing import Any

from commkit.render.json_text import RawJson, dumps

COMMUNITY = ("name", "slug", "region", "formalised", "new", "founded")
"""The fields of ``CommunityRef``, in the model's order (what ``model_dump`` gives)."""


def assessment_json(assessment: Any) -> RawJson:
    """The assessment as ``--json`` writes it (``json_text(model.model_dump(mode="json"))``
    of the model the full path makes), from its attributes, written piece by piece: an
    answer's, a dimension's and a recommendation's piece are remembered by what they hold
    (a batch writes the same few thousand again and again), the rest is written by
    :func:`commkit.render.json_text.dumps`. Every float is written as Python writes it
    (``json.dumps``'s way, which pydantic's compiled writer shares for all but tiny, huge
    and not-a-number floats); a text that cannot be UTF-8 raises, as pydantic's writer
    did."""
    parts = [
        json_head(assessment),
        answers_json(assessment.answers),
        ',\n  "result": ',
        _result_json(assessment.result),
        ',\n  "team": null\n}',
    ]
    return RawJson("".join(parts))


def json_head(assessment: Any) -> str:
    """The ``--json`` text up to its answers (``"answers": `` included)."""
    community = assessment.community
    head = json_head_fixed(assessment)
    about = dumps({key: _copied(getattr(community, key)) for key in COMMUNITY}, level=1)
    _utf8(about)
    return "".join(
        [
            head,
            ',\n  "community": ',
            about,
            ',\n  "date": "',
            assessment.date.isoformat(),
            '",\n  "language": ',
            _json_word(assessment.language),
            ',\n  "rater": null,\n  "answers": ',
        ]
    )


def json_head_fixed(assessment: Any) -> str:
    """The ``--json`` text's first lines (version, kind, checklist), without the closing
    brace; remembered by what they hold."""
    ref = assessment.checklist
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
    return head


def answers_json(answers: Any) -> str:
    """The ``answers`` mapping of the ``--json`` text, at level 1."""
    if not answers:
        return "{}"
    from commkit.render.report import answer_key

    known = _JSON_ANSWERS
    pieces: list[str] = []
    put = pieces.append
    for qid, a in answers.items():
        key = answer_key(qid, a)
        piece = known.get(key) if key else None
        if piece is None:
            piece = answer_piece(qid, a)
            if key and len(known) < 50_000 and len(piece) <= 2_000:
                known[key] = piece
        put(piece)
    pieces[0] = "{" + pieces[0][1:]
    pieces.append("\n  }")
    return "".join(pieces)


def answer_piece(qid: str, answer: Any) -> str:
    """An answer's piece of the ``answers`` mapping: ``,`` and its lines."""
    entry = {"status": answer.status, "value": _copied(answer.value), "note": _copied(answer.note)}
    piece = f",\n    {_json_word(qid)}: {dumps(entry, level=2)}"
    _utf8(piece)
    return piece


def result_head(result: Any) -> str:
    """The ``result`` mapping's first lines, up to ``"dimensions": `` (included)."""
    return "".join(
        [
            '{\n    "overall": ',
            _json_number(result.overall),
            ',\n    "stage": ',
            _json_word(result.stage),
            ',\n    "next_stage": ',
            "null" if result.next_stage is None else _json_word(result.next_stage),
            ',\n    "dimensions": ',
        ]
    )


def dimension_piece(d: Any) -> str:
    """A dimension's item of the result's ``dimensions`` (at level 3, no separator)."""
    return _dumps(
        {
            "id": d.id,
            "score": d.score,
            "answered": d.answered,
            "dont_know": d.dont_know,
            "not_applicable": d.not_applicable,
            "unanswered": d.unanswered,
        },
        3,
    )


def recommendation_piece(r: Any) -> str:
    """A recommendation's item of the result's ``recommendations`` (level 3)."""
    return _dumps({"question": r.question, "dimension": r.dimension, "text": r.text}, 3)


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
    parts = [result_head(result)]
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
                piece = dimension_piece(d)
                if keep and len(known) < 20_000:
                    known[key] = piece
            add(sep)
            add(piece)
            sep = ",\n      "
        add("\n    ]")
    add(',\n    "strengths": ')
    add(ids_json(result.strengths))
    add(',\n    "gaps": ')
    add(ids_json(result.gaps))
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
                piece = recommendation_piece(r)
                if keep and len(said) < 20_000 and len(piece) <= 2_000:
                    said[rkey] = piece
            add(sep)
            add(piece)
            sep = ",\n      "
        add("\n    ]")
    add(',\n    "actions": ')
    add(ids_json(result.actions))
    add(',\n    "open_questions": ')
    add(ids_json(result.open_questions))
    add(',\n    "held_back_by": ')
    add(ids_json(result.held_back_by))
    add("\n  }")
    return "".join(parts)


def ids_json(items: Any) -> str:
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
    text = dumps(data, level=level)
    _utf8(text)
    return text


def _json_word(value: Any) -> str:
    """A string (or anything else) as one JSON value, checked as :func:`_utf8` checks."""
    if type(value) is str:  # what dumps writes for a string, without its walk: a name or
        text = _string(value)  # a slug new in every file of a batch
        _utf8(text)
        return text
    if value is None:
        return "null"
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

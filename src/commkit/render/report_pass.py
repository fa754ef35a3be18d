"""A batch's three texts of one assessment made in one pass: the Markdown report, the result
file (YAML) and the ``--json`` text.

A batch writes the three for every answers file, and most of each is the same few thousand
pieces: an answer's line in the answers table, its finding, its line in the result file and
its ``--json`` piece; a dimension's table row, its heading, its item in the result file and in
the ``--json`` text. Made one text at a time (:mod:`commkit.render.report_direct`,
:func:`commkit.render.report.assessment_yaml`,
:func:`commkit.render.report_json.assessment_json`), each text looks its pieces up by keys of
its own. Here each answer, dimension, recommendation and list of ids is looked up once, by
one key, in a record that holds its pieces of all three texts; every piece is checked tidy
when it is made (no space at a line's end, no line break but ``\\n``), so the report is
joined as it is, with no second pass over it (:func:`commkit.render.report_md.tidy_lines`).
The pieces are remembered in UTF-8 and the texts joined as bytes, as they are written.

The records are kept per checklist object, language and labels (on
:class:`commkit.render.report_words.ChecklistWords`: a changed copy of a checklist, as an
overlay makes, has its own), each table bounded. :func:`assessment_texts` returns ``None``
for what it does not cover (a team, a piece that would need tidying, a value the plain YAML
writer leaves to PyYAML); the caller then makes the three texts one at a time, which gives
the same bytes (tests compare the two ways).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from commkit.i18n.text_pick import tr
from commkit.render import plain_yaml
from commkit.render.json_text import RawJson
from commkit.render.report import _answers_data, assessment_data
from commkit.render.report_direct import (
    _DIMENSIONS_RULE,
    _head,
    _question,
    _said,
    _with_note,
    held_back_gates,
    stage_lines,
)
from commkit.render.report_json import (
    _json_number,
    _json_word,
    answer_piece,
    json_head,
    json_head_fixed,
    recommendation_piece,
    result_head,
)
from commkit.render.report_md import _bullet, _cell, _md, _numbered
from commkit.render.report_words import (
    ChecklistWords,
    RoadmapLike,
    action_titles,
    bar,
    checklist_words,
    fmt_score,
)

if TYPE_CHECKING:
    from commkit.core.scoring import Breakdown
    from commkit.model.checklist import Checklist

_MAX = 20_000
"""The most records a table keeps (answers, dimensions, findings' heads, recommendations)."""


class _Other(Exception):
    """Something the one pass does not cover: the texts are made one at a time instead."""


def is_tidy(piece: str) -> bool:
    """Whether ``piece`` (a line, or lines joined by ``\\n``) is as the report is written:
    no line break but ``\\n``, no space at the end of a line."""
    parts = piece.split("\n")
    if parts[-1] == "":
        del parts[-1]
    return piece.splitlines() == parts and not any(p[-1:].isspace() for p in parts)


def _tidied(piece: str) -> str:
    """``piece``, if :func:`is_tidy` (else the one pass gives up on this file)."""
    if not is_tidy(piece):
        raise _Other
    return piece


def _ended(line: str) -> str:
    """``line`` made of tidy labels and escaped text (:func:`commkit.render.report_md._md`
    leaves no line break and no space at either end), checked for what such a line can
    still have: a space at its end (an empty text after ``- ``)."""
    if line[-1:].isspace():
        raise _Other
    return line


class _Tables:
    """The records of one checklist object, language and set of labels, and the labels'
    fixed runs of lines."""

    __slots__ = (
        "answers_kept",
        "counts",
        "dated",
        "dimension_ids",
        "dimension_items",
        "dimensions",
        "gaps",
        "heads",
        "heads_fixed",
        "id_lists",
        "ids",
        "next_steps",
        "open",
        "overalls",
        "recommendations",
        "roadmap",
        "rows",
        "said",
        "scores",
        "slots",
        "stages",
        "steps",
        "t",
        "usable",
    )

    def __init__(self, words: ChecklistWords, t: Mapping[str, str]) -> None:
        self.t = t
        self.usable = all(is_tidy(v) for v in t.values() if isinstance(v, str))
        """Every label is tidy (else no report takes the one pass)."""
        self.answers_kept = 0
        """How many answers' records the questions' tables (see :attr:`rows`) keep."""
        self.dimensions: dict[str, tuple[str, str, str, str, str]] = {}
        """A dimension's title and id as the three texts show them (see :func:`_dimension`)."""
        self.scores: dict[tuple[Any, ...], tuple[str, str, str, str, str]] = {}
        """A score (a dimension's or the overall) as the three texts show it (see
        :func:`_score`)."""
        self.heads_fixed: dict[tuple[Any, ...], list[Any]] = {}
        """The report's checklist line, the result file's and the ``--json`` text's first
        lines by the assessment's kind, version and checklist reference (see
        :func:`_head_fixed`)."""
        self.dated: dict[tuple[Any, ...], tuple[str, bytes, bytes]] = {}
        """The assessment's date and language in the three texts (see :func:`_dated`)."""
        self.dimension_items: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        """A dimension's texts by its id, score and counts (see :func:`_dimension_item`)."""
        self.said: dict[tuple[Any, ...], bytes] = {}
        """What a stage and the next one say of a dimension in its findings, by their ids
        (and the report's footer)."""
        self.dimension_ids = [d.id for d in words.dimensions]
        slot = {dim_id: 3 * i for i, dim_id in enumerate(self.dimension_ids)}
        self.rows: list[tuple[Any, str, int | None, str, dict[tuple[Any, ...], list[Any]]]] = [
            (q, qid, slot.get(dim_id), said, {}) for q, qid, dim_id, said in words.rows
        ]
        """The checklist's questions: each with where its dimension's three lists of points
        begin (:func:`_walk`) and its answers' records ``[row, slot, finding, yaml, json]``:
        the answer's line in the answers table (note included), which of the report's lists
        of points its finding goes to and the finding's line, its result-file lines and its
        ``--json`` piece (made when first asked for); by how it counted (status, normalised
        score) and what it holds (status, value's type, value, note)."""
        self.slots = 3 * len(self.dimension_ids)
        self.counts: dict[tuple[int, ...], bytes] = {}
        """The report's line on the answers' counts, by the counts."""
        self.overalls: dict[tuple[Any, ...] | None, tuple[bytes, bytes, bytes]] = {}
        """The overall score's line in the three texts, by the score."""
        self.stages: dict[tuple[Any, ...], tuple[bytes, bytes, bytes]] = {}
        """The stage's and the next one's lines in the three texts, by their ids."""
        self.recommendations: dict[tuple[Any, ...], tuple[bytes, bytes | None, bytes, Any]] = {}
        """A recommendation's texts (see :func:`_recommendation`) by question, dimension
        and text."""
        self.ids: dict[str, tuple[bytes, bytes]] = {}
        """An id as an item of a list in the result file and in the ``--json`` text."""
        self.id_lists: dict[tuple[str, ...], tuple[bytes, bytes]] = {}
        """A list of ids (``strengths``...) in the result file and in the ``--json`` text,
        by its name and ids."""
        self.open: dict[str, bytes] = {}
        """An open question's line in the report."""
        self.roadmap: Any = None
        self.steps: dict[str, bytes] = {}
        """An action's title as the report's numbered next steps show it (after the number),
        for :attr:`roadmap`."""
        self.next_steps: dict[tuple[str, ...], bytes] = {}
        """The report's numbered next steps (with their introduction) by the actions, for
        :attr:`roadmap`."""
        self.gaps: dict[tuple[Any, ...], bytes] = {}
        """A gap's line by its dimension, score and the score aimed at; a strength's by
        ``"strength"``, its dimension and score."""
        self.heads = _heads(t) if self.usable else {}
        """The labels' fixed runs of lines."""


def _heads(t: Mapping[str, str]) -> dict[str, Any]:
    """The report's fixed runs of lines for labels ``t`` (each joined to its neighbours by a
    line break, as the report's items are), in UTF-8."""
    dims = [t["dimension"], t["score"], t["bar"], t["answered"], t["dont_know"], t["na_short"]]
    appendix = [t["id"], t["question"], t["answer"], t["note"]]
    heads = {
        "dimensions": f"\n## {t['dimensions']}\n\n| {' | '.join(dims)} |\n{_DIMENSIONS_RULE}",
        "strengths": f"\n### {t['strengths']}\n",
        "gaps": f"\n### {t['gaps']}\n",
        "findings": f"\n## {t['findings']}",
        "recommendations": f"\n## {t['recommendations']}\n",
        "next_steps": f"\n## {t['next_steps']}\n",
        "open_questions": f"\n## {t['open_questions']}\n",
        "held_back": f"\n**{t['held_back']}:**\n",
        "summary": f"\n## {t['summary']}\n\n",
        "nothing_item": "\n" + t["nothing_scored"],
        "appendix": (
            f"\n## {t['appendix']}\n\n| {' | '.join(appendix)} |\n| --- | --- | --- | --- |"
        ),
        "none": t["none"],
        "next_steps_intro": t["next_steps_intro"],
    }
    return {
        **{name: head.encode() for name, head in heads.items()},
        "points": [
            f"\n**{t[label]}:**\n".encode()
            for label in ("strong_points", "weak_points", "open_in_dim")
        ],
    }


def _tables(words: ChecklistWords, t: Mapping[str, str]) -> _Tables:
    """The records of ``words``' checklist and language for labels ``t`` (another set of
    labels starts them again)."""
    made: _Tables | None = words.report_records
    if made is None or made.t is not t:
        made = _Tables(words, t)
        words.report_records = made
    return made


class _Pass(NamedTuple):
    """What every section of one pass shares: the assessment's result, the labels, the
    checklist's words and language, the records, and the three texts' lists of pieces
    in UTF-8 (``md`` joined by line breaks, ``yaml`` and ``json`` as they are; ``json`` left
    empty without ``as_json``)."""

    result: Any
    t: Mapping[str, str]
    words: ChecklistWords
    lang: str
    tables: _Tables
    md: list[bytes]
    yaml: list[bytes]
    json: list[bytes]
    as_json: bool


def assessment_texts(
    assessment: Any,
    checklist: Checklist,
    info: Breakdown,
    lang: str,
    t: Mapping[str, str],
    *,
    roadmap: RoadmapLike,
    as_json: bool,
) -> tuple[bytes, bytes, RawJson | None] | None:
    """The result file, the report (the built-in template's, no chart, no peers) in UTF-8
    and with ``as_json`` the ``--json`` text of ``assessment`` (plain objects or the models,
    read by their attributes as :func:`commkit.render.report.render_report_files` reads
    them), the same bytes as made one at a time (and encoded); or ``None``: make them one at
    a time.

    The texts are joined from pieces remembered already encoded: a report is not ASCII (the
    bars, and Russian), so joining it as text widened every ASCII piece and encoding it
    walked every character again; joined as bytes, the pieces are only copied. The three
    texts, encoded, took 1/1.24 (en) and 1/1.41 (ru) of the CPU of making them as text and
    encoding them (600 files in one process, alternated, both orders; 01:08 UTC, load 9).
    """
    if assessment.team is not None:
        return None
    words = checklist_words(checklist, lang)
    tables = _tables(words, t)
    if not tables.usable:
        return None
    try:
        return _texts(assessment, checklist, info, lang, t, roadmap, as_json, words, tables)
    except (_Other, UnicodeEncodeError):  # not UTF-8: the one-at-a-time way says so
        return None


def _texts(
    assessment: Any,
    checklist: Checklist,
    info: Breakdown,
    lang: str,
    t: Mapping[str, str],
    roadmap: RoadmapLike,
    as_json: bool,
    words: ChecklistWords,
    tables: _Tables,
) -> tuple[bytes, bytes, RawJson | None]:
    """The three texts, section by section: each section function adds its lines to the
    report (``md``, joined by line breaks), the result file (``yaml``) and the ``--json``
    text (``json``, left empty without ``as_json``)."""
    result = assessment.result
    stages = words.stages
    stage = stages.get(result.stage)
    nxt = stages.get(result.next_stage) if result.next_stage else None
    md, yaml_head, json_head_ = _heads_of(assessment, checklist, lang, t, words, tables, as_json)
    yaml = [yaml_head]
    json = [json_head_] if as_json else []
    p = _Pass(result, t, words, lang, tables, md, yaml, json, as_json)
    appendix, slots = _answers_texts(p, assessment, info)
    _summary(p, checklist, info, stage, nxt)
    by_id = _dimensions(p)
    _strengths_and_gaps(p, info, nxt, by_id)
    _findings(p, stage, nxt, by_id, slots)
    md.append(tables.heads["recommendations"])
    _recommendations(p, info)
    _next_steps(p, roadmap)
    _open_questions(p)
    md.append(tables.heads["appendix"])
    md += appendix
    md.append(_footer(p, assessment.checklist))
    md.append(b"")
    for field in ("actions", "open_questions", "held_back_by"):
        _ids(p, field, getattr(result, field))
    if as_json:
        json.append(b'\n  },\n  "team": null\n}')
    return (
        b"".join(yaml),
        b"\n".join(md),
        RawJson.of_utf8(b"".join(json)) if as_json else None,
    )


def _answers_texts(
    p: _Pass, assessment: Any, info: Breakdown
) -> tuple[list[bytes], list[list[bytes]]]:
    """The answers in the result file and the ``--json`` text (one record each, in the
    checklist's order); the answers table's lines and each dimension's lists of points for
    the report (see :func:`_answers`)."""
    yaml, json, as_json = p.yaml, p.json, p.as_json
    answers = assessment.answers
    appendix, slots, answers_yaml, answers_json_, walked = _answers(
        assessment, info, p.words, p.lang, p.tables, as_json
    )
    if not answers:
        yaml.append(b"answers: {}\n")
        if as_json:
            json.append(b"{}")
    elif [*answers] == walked:
        yaml.append(b"answers:\n")
        yaml += answers_yaml
        if as_json:
            answers_json_[0] = b"{" + answers_json_[0][1:]
            json += answers_json_
            json.append(b"\n  }")
    else:  # not in the checklist's order, or not all of its questions: one by one
        from commkit.render.report import _answers_yaml
        from commkit.render.report_json import answers_json

        said: list[str] = []
        if not _answers_yaml(answers, said.append):
            raise _Other
        yaml.append("".join(said).encode())
        if as_json:
            json.append(answers_json(answers).encode())
    return appendix, slots


def _summary(p: _Pass, checklist: Checklist, info: Breakdown, stage: Any, nxt: Any) -> None:
    """The report's summary (the overall score, the stage and the next one, what holds the
    community back); the result's head in the result file and the ``--json`` text."""
    result, t, lang, tables, md = p.result, p.t, p.lang, p.tables, p.md
    overall = result.overall
    okey = _score_key(overall)
    score = tables.overalls.get(okey) if okey is not None else None
    if score is None:
        score = _overall(overall, t, lang, tables)
        if okey is not None and len(tables.overalls) < _MAX:
            tables.overalls[okey] = score
    stage_id, next_id = result.stage, result.next_stage
    staged = tables.stages.get((stage_id, next_id))
    if staged is None:
        staged = _stages(result, stage, nxt, t, lang)
        ids_ok = type(stage_id) is str and (next_id is None or type(next_id) is str)
        if ids_ok and len(tables.stages) < _MAX:
            tables.stages[stage_id, next_id] = staged
    md.append(tables.heads["summary"] + score[0] + staged[0])
    p.yaml.extend((b"result:\n", score[1], staged[1]))
    if p.as_json:
        p.json.extend((b',\n  "result": {\n    "overall": ', score[2], staged[2]))
    held_back = held_back_gates(checklist, info, p.words)
    if held_back:
        md.append(tables.heads["held_back"])
        known = tables.said
        for gate in held_back:
            line = known.get(("held back", gate))
            if line is None:
                line = _ended(f"- {_md(gate)}").encode()
                if len(known) < _MAX:
                    known["held back", gate] = line
            md.append(line)


def _dimensions(p: _Pass) -> dict[str, tuple[Any, ...]]:
    """The answers' counts and the dimensions' table in the report; the dimensions in the
    result file and the ``--json`` text. Gives each dimension's remembered texts by its id
    (see :func:`_dimension_item`)."""
    result, words, lang, tables, md, yaml = p.result, p.words, p.lang, p.tables, p.md, p.yaml
    by_id: dict[str, tuple[Any, ...]] = {}
    rows: list[bytes] = []
    dim_yaml: list[bytes] = []
    dim_json: list[bytes] = []
    answered = dont_know = na = unanswered = 0
    known = tables.dimension_items
    for d in result.dimensions:
        did, score = d.id, d.score
        a, k, n, u = d.answered, d.dont_know, d.not_applicable, d.unanswered
        if not type(a) is type(k) is type(n) is type(u) is int:
            raise _Other
        answered += a
        dont_know += k
        na += n
        unanswered += u
        kind = type(score)  # as _score_key, inline: one call fewer per dimension
        if kind is float and not score:
            skey: tuple[Any, ...] = (kind, score, math.copysign(1.0, score))
        else:
            skey = (kind, score)
        dkey = (did, skey, a, k, n, u)
        item = known.get(dkey)
        if item is None:
            item = _dimension_item(did, score, skey, a, k, n, u, words, tables, lang)
            if len(known) < _MAX:
                known[dkey] = item
        by_id[did] = item
        rows.append(item[0])
        dim_yaml.append(item[1])
        dim_json.append(item[2])
    counted = (answered, dont_know, na, unanswered)
    counts = tables.counts.get(counted)
    if counts is None:
        counts = _counts(p.t, *counted)
        if len(tables.counts) < _MAX:
            tables.counts[counted] = counts
    md.append(counts)
    md.append(tables.heads["dimensions"])
    md += rows
    if dim_yaml:
        yaml.append(b"  dimensions:\n")
        yaml += dim_yaml
    else:
        yaml.append(b"  dimensions: []\n")
    if p.as_json:
        if dim_json:
            p.json.append(b"[\n      " + b",\n      ".join(dim_json) + b"\n    ]")
        else:
            p.json.append(b"[]")
    return by_id


def _counts(t: Mapping[str, str], answered: int, dont_know: int, na: int, unanswered: int) -> bytes:
    """The report's line on how many questions were answered, not known, not applicable."""
    counts = t["counts"].format(
        total=answered + dont_know + na + unanswered,
        answered=answered,
        dont_know=dont_know,
        na=na,
        unanswered=unanswered,
    )
    return ("\n" + _ended(counts)).encode()


def _strengths_and_gaps(
    p: _Pass, info: Breakdown, nxt: Any, by_id: dict[str, tuple[Any, ...]]
) -> None:
    """The strong dimensions and the gaps (with the score aimed at) in the three texts."""
    result, t, tables = p.result, p.t, p.tables
    add = p.md.append
    known = tables.gaps
    add(tables.heads["strengths"])
    if result.strengths:
        for i in result.strengths:
            item = by_id[i]
            skey = ("strength", i, item[5])
            line = known.get(skey)
            if line is None:
                line = _ended(_bullet(f"{item[3][3]} ({item[4][0]})")).encode()
                if len(known) < _MAX:
                    known[skey] = line
            add(line)
    else:
        add(tables.heads["none"])
    add(tables.heads["gaps"])
    if result.gaps:
        target = nxt.min_score if nxt is not None else info.target
        aim = t["target"].format(target=f"{target:g}")
        for i in result.gaps:
            item = by_id[i]
            gkey = (i, item[5], aim)
            line = known.get(gkey)
            if line is None:
                line = _ended(_bullet(f"{item[3][3]} ({item[4][0]}, {aim})")).encode()
                if len(known) < _MAX:
                    known[gkey] = line
            add(line)
    else:
        add(tables.heads["none"])
    for field in ("strengths", "gaps"):
        _ids(p, field, getattr(result, field))


def _findings(
    p: _Pass, stage: Any, nxt: Any, by_id: dict[str, tuple[Any, ...]], slots: list[list[bytes]]
) -> None:
    """The report's findings: each dimension's heading, what the stages say of it and its
    strong, weak and open points."""
    result, t, lang, words, tables, md = p.result, p.t, p.lang, p.words, p.tables, p.md
    add = md.append
    heads = tables.heads
    add(heads["findings"])
    stage_id, next_id = result.stage, result.next_stage
    said_of = tables.said
    labels = heads["points"]
    nothing = heads["nothing_item"]
    at = 0
    for dim_id in tables.dimension_ids:
        found = by_id.get(dim_id)
        if found is None:
            title = _md(words.dimension_title(dim_id))
            add(f"\n### {title} — {_ended(fmt_score(None, lang))}".encode())
        else:
            add(found[7])
        said = said_of.get((dim_id, stage_id, next_id))
        if said is None:
            said = _tidied(_said(dim_id, stage, nxt, t, lang)).encode()
            if len(said_of) < _MAX:
                said_of[dim_id, stage_id, next_id] = said
        if said:
            add(said)
        if found is None or found[6] is None:
            add(nothing)
        for label in labels:
            bullets = slots[at]
            at += 1
            if bullets:
                add(label)
                md += bullets


def _next_steps(p: _Pass, roadmap: RoadmapLike) -> None:
    """The report's numbered next steps (the actions' titles), remembered whole by the
    actions (the same few lists come back file after file) for the roadmap."""
    actions, tables, md = p.result.actions, p.tables, p.md
    heads = tables.heads
    md.append(heads["next_steps"])
    if not actions:
        md.append(heads["none"])
        return
    if tables.roadmap is not roadmap:
        tables.roadmap = roadmap
        tables.steps = {}
        tables.next_steps = {}
    key = (*actions,) if all(type(a) is str for a in actions) else None
    said = tables.next_steps.get(key) if key is not None else None
    if said is None:
        steps = tables.steps
        lines = []
        for action in actions:
            step = steps.get(action) if type(action) is str else None
            if step is None:
                step = _step(action, roadmap, p.lang).encode()
                if type(action) is str and len(steps) < _MAX:
                    steps[action] = step
            lines.append(step)
        said = b"\n".join([heads["next_steps_intro"], b"", *_numbered_lines(lines)])
        if key is not None and len(tables.next_steps) < _MAX:
            tables.next_steps[key] = said
    md.append(said)


def _open_questions(p: _Pass) -> None:
    """The report's list of the questions answered "don't know"."""
    questions, tables, md = p.result.open_questions, p.tables, p.md
    md.append(tables.heads["open_questions"])
    if not questions:
        md.append(tables.heads["none"])
        return
    known = tables.open
    for q in questions:
        line = known.get(q)
        if line is None:
            texts = p.words.question_texts
            line = _ended(_bullet(f"{texts[q]} ({q})" if q in texts else q)).encode()
            if len(known) < _MAX:
                known[q] = line
        md.append(line)


def _footer(p: _Pass, ref: Any) -> bytes:
    """The report's last line: the checklist it was made with (by its reference)."""
    t, tables = p.t, p.tables
    key = ("footer", ref.id, ref.version, ref.hash)
    footer = tables.said.get(key)
    if footer is None:
        said = t["footer"].format(id=ref.id, version=ref.version, hash=ref.hash or "")
        line = _tidied(f"\n---\n\n{_md(said)}")
        if line.endswith("\n"):
            raise _Other  # blank lines at the end: tidying would drop them
        footer = line.encode()
        if len(tables.said) < _MAX:
            tables.said[key] = footer
    return footer


class _Unscored:
    """The outcome of a question the breakdown has none for."""

    __slots__ = ("id", "normalised", "status", "step")

    def __init__(self, qid: str) -> None:
        self.id = qid
        self.status = None
        self.normalised = None
        self.step = self


def _answers(
    assessment: Any,
    info: Breakdown,
    words: ChecklistWords,
    lang: str,
    tables: _Tables,
    as_json: bool,
) -> tuple[list[bytes], list[list[bytes]], list[bytes], list[bytes], list[str]]:
    """The answers table's lines; each dimension's strong, weak and open points (three
    lists a dimension, in :attr:`ChecklistWords.dimensions`' order); the answered
    questions' result-file lines, ``--json`` pieces (with ``as_json``) and ids, in the
    checklist's order."""
    outcomes: list[Any] = info.outcomes
    rows = tables.rows
    if len(outcomes) == len(rows):
        try:
            return _walk(assessment.answers, rows, outcomes, words, lang, tables, as_json)
        except _Misaligned:
            pass
    by_id = {o.step.id: o for o in outcomes}
    aligned = [by_id.get(row[1]) or _Unscored(row[1]) for row in rows]
    return _walk(assessment.answers, rows, aligned, words, lang, tables, as_json)


class _Misaligned(Exception):
    """The breakdown's outcomes are not in the checklist's order."""


def _walk(
    answers: Mapping[str, Any],
    rows: list[tuple[Any, str, int | None, str, dict[tuple[Any, ...], list[Any]]]],
    outcomes: list[Any],
    words: ChecklistWords,
    lang: str,
    tables: _Tables,
    as_json: bool,
) -> tuple[list[bytes], list[list[bytes]], list[bytes], list[bytes], list[str]]:
    slots: list[list[bytes]] = [[] for _ in range(tables.slots)]
    appendix: list[bytes] = []
    put = appendix.append
    yaml: list[bytes] = []
    said_yaml = yaml.append
    json: list[bytes] = []
    said_json = json.append
    walked: list[str] = []
    answered = walked.append
    answer_of = answers.get
    for (q, qid, base, question, known), o in zip(rows, outcomes, strict=True):
        if o.step.id != qid:
            raise _Misaligned
        answer = answer_of(qid)
        key: tuple[Any, ...] | None
        if answer is None:
            key = (o.status, o.normalised)
        else:
            value = answer.value
            note = answer.note
            kind = type(value)
            if note is not None and (type(note) is not str or len(note) > 200):
                key = None
            elif kind is bool or kind is int or value is None or (kind is float and value):
                key = (o.status, o.normalised, answer.status, kind, value, note)
            elif kind is str:
                key = (
                    (o.status, o.normalised, answer.status, kind, value, note)
                    if len(value) <= 200
                    else None
                )
            elif kind is list:
                try:  # ticked options: strings (a join refuses anything else)
                    "".join(value)
                    key = (o.status, o.normalised, answer.status, kind, (*value,), note)
                except TypeError:
                    key = None
            else:
                key = None
        record = known.get(key) if key is not None else None
        if record is None:
            record = _answer(q, qid, question, answer, o, base, words, lang)
            if key is not None and tables.answers_kept < _MAX:
                known[key] = record
                tables.answers_kept += 1
        row, slot, bullet, lines, piece = record
        if row is not None:
            put(row)
        if slot is not None:
            slots[slot].append(bullet)
        if answer is not None:
            said_yaml(lines)
            if as_json:
                if piece is None:
                    piece = record[4] = answer_piece(qid, answer).encode()
                said_json(piece)
            answered(qid)
    return appendix, slots, yaml, json, walked


def _answer(
    q: Any,
    qid: str,
    question: str,
    answer: Any,
    o: Any,
    base: int | None,
    words: ChecklistWords,
    lang: str,
) -> list[Any]:
    """An answer's record (see :attr:`_Tables.rows`, its texts in UTF-8), its ``--json``
    piece not yet made."""
    status, normalised = o.status, o.normalised
    weighs = status is not None and o.step.weight > 0
    row, picked, bullet = _question(
        q, qid, question, answer, status, normalised, weighs, words, lang
    )
    lines = None
    if answer is not None:
        if row is not None and answer.note is not None:
            row = _with_note(row, answer.note, lang)
        said = plain_yaml.block(_answers_data({qid: answer}), 2)
        if said is None:
            raise _Other
        lines = said.encode()
    shown = None if row is None else _tidied(row).encode()
    slot = finding = None
    if bullet is not None and picked is not None and base is not None:
        finding = _tidied(bullet).encode()
        slot = base + picked
    return [shown, slot, finding, lines, None]


def _heads_of(
    assessment: Any,
    checklist: Checklist,
    lang: str,
    t: Mapping[str, str],
    words: ChecklistWords,
    tables: _Tables,
    as_json: bool,
) -> tuple[list[bytes], bytes, bytes]:
    """The report's title lines; the result file's and the ``--json`` text's lines up to
    the answers (their first lines remembered by the checklist's reference), in UTF-8."""
    if assessment.rater is not None:
        raise _Other  # the one-at-a-time way writes it
    community = assessment.community
    name, slug, region = community.name, community.slug, community.region
    formalised, new, founded = community.formalised, community.new, community.founded
    if not (
        type(name) is str
        and type(slug) is str
        and (region is None or type(region) is str)
        and (founded is None or type(founded) is str)
        and (formalised is None or type(formalised) is bool)
        and (new is None or type(new) is bool)
    ):
        return _heads_in_full(assessment, checklist, lang, t, words, as_json)
    ref = assessment.checklist
    fixed_key = ("head", assessment.kind, assessment.version, ref.id, ref.version, ref.hash)
    fixed = tables.heads_fixed.get(fixed_key)
    if fixed is None:
        fixed = _head_fixed(assessment, checklist, lang, t)
        if len(tables.heads_fixed) < _MAX:
            tables.heads_fixed[fixed_key] = fixed
    date, language = assessment.date, assessment.language
    dated = tables.dated.get((type(date), date, language)) if type(language) is str else None
    if dated is None:
        dated = _dated(date, language, t)
        if type(language) is str and len(tables.dated) < _MAX:
            tables.dated[type(date), date, language] = dated
    lines = [_ended(f"# {_md(t['title'].format(name=name))}"), "", dated[0]]
    if region:
        lines.append(_ended(f"- **{t['region']}:** {_md(region)}"))
    if formalised is not None or new is not None:
        tw = words.t
        kind = []
        if formalised is not None:
            kind.append(tw["formalised"] if formalised else tw["informal"])
        if new is not None:
            kind.append(tw["new"] if new else tw["existing"])
        lines.append(_ended(f"- **{t['kind']}:** {_md(', '.join(kind))}"))
    lines.append(fixed[0])
    about: dict[str, Any] = {"name": name, "slug": slug}
    if region is not None:
        about["region"] = region
    if formalised is not None:
        about["formalised"] = formalised
    if new is not None:
        about["new"] = new
    if founded is not None:
        about["founded"] = founded
    told = plain_yaml.block(about, 2)
    if told is None:
        raise _Other
    yaml = b"%scommunity:\n%s%s" % (fixed[1], told.encode(), dated[1])
    if not as_json:
        return ["\n".join(lines).encode()], yaml, b""
    if fixed[2] is None:
        fixed[2] = json_head_fixed(assessment).encode()
    word = _json_word
    json = (
        f',\n  "community": {{\n    "name": {word(name)},\n    "slug": {word(slug)}'
        f',\n    "region": {word(region)},\n    "formalised": {_JSON_FLAGS[formalised]}'
        f',\n    "new": {_JSON_FLAGS[new]},\n    "founded": {word(founded)}'
    )
    return ["\n".join(lines).encode()], yaml, fixed[2] + json.encode() + dated[2]


def _head_fixed(
    assessment: Any, checklist: Checklist, lang: str, t: Mapping[str, str]
) -> list[Any]:
    """The report's checklist line, the result file's first lines and (made when first
    asked for) the ``--json`` text's (these two in UTF-8), for the assessment's kind,
    version and checklist."""
    ref = assessment.checklist
    data = assessment_data(assessment, answers=False, result=False)
    fixed_yaml = plain_yaml.dump(
        {"kind": data["kind"], "version": data["version"], "checklist": data["checklist"]}
    )
    title = f"{tr(checklist.title, lang)} ({ref.id} {ref.version})"
    line = _ended(f"- **{t['checklist']}:** {_md(title)}")
    if fixed_yaml is None:
        raise _Other
    return [line, fixed_yaml.encode(), None]


def _dated(date: Any, language: Any, t: Mapping[str, str]) -> tuple[str, bytes, bytes]:
    """The assessment's date and language: the report's line, the result file's lines and
    the ``--json`` text's (after the community, up to the answers; these two in UTF-8)."""
    day = date.isoformat()
    dated = plain_yaml.block({"date": day, "language": language}, 0)
    if dated is None:
        raise _Other
    json = f'\n  }},\n  "date": "{day}",\n  "language": {_json_word(language)}'
    json += ',\n  "rater": null,\n  "answers": '
    return _ended(f"- **{t['date']}:** {day}"), dated.encode(), json.encode()


_JSON_FLAGS = {None: "null", True: "true", False: "false"}


def _heads_in_full(
    assessment: Any,
    checklist: Checklist,
    lang: str,
    t: Mapping[str, str],
    words: ChecklistWords,
    as_json: bool,
) -> tuple[list[bytes], bytes, bytes]:
    """:func:`_heads_of` for any community (texts in several languages...)."""
    md: list[str] = []
    _head(md, assessment, checklist, lang, t, words)
    for line in md:
        _ended(line)
    yaml = plain_yaml.dump(assessment_data(assessment, answers=False, result=False))
    if yaml is None:
        raise _Other
    json = json_head(assessment) if as_json else ""
    return ["\n".join(md).encode()], yaml.encode(), json.encode()


def _step(action: str, roadmap: RoadmapLike, lang: str) -> str:
    """An action's title as a numbered next step shows it (after the number)."""
    title = action_titles(roadmap, lang).get(action, action)
    return _ended(_numbered(1, title))[3:]


def _overall(
    overall: Any, t: Mapping[str, str], lang: str, tables: _Tables
) -> tuple[bytes, bytes, bytes]:
    """The overall score's line in the report, the result file and the ``--json`` text, from
    the score's texts (see :func:`_score`): most overall scores have been a dimension's."""
    shown = _score_texts(overall, _score_key(overall), lang, tables)
    line = f"**{t['overall']}:** {shown[0]} / 100 `{bar(overall)}`"
    return _tidied(line).encode(), f"  overall: {shown[4]}\n".encode(), shown[3].encode()


def _stages(
    result: Any, stage: Any, nxt: Any, t: Mapping[str, str], lang: str
) -> tuple[bytes, bytes, bytes]:
    """The stage and the next one in the report (after the overall line), the result file
    and the ``--json`` text (up to the dimensions)."""
    lines = ["", "", *stage_lines(result.stage, stage, nxt, t, lang)]
    head: dict[str, Any] = {"stage": result.stage}
    if result.next_stage is not None:
        head["next_stage"] = result.next_stage
    yaml = plain_yaml.block(head, 2)
    if yaml is None:
        raise _Other
    json = result_head(result)
    json = json[json.index(',\n    "stage": ') :]
    return _tidied("\n".join(lines)).encode(), yaml.encode(), json.encode()


def _dimension(did: str, words: ChecklistWords) -> tuple[str, str, str, str, str]:
    """A dimension's title as a table cell, its id as it begins its item in the result file
    and in the ``--json`` text (up to the score), its title, and its title escaped."""
    title = words.dimension_title(did)
    yaml = plain_yaml.item({"id": did}, 2)
    if yaml is None:
        raise _Other
    json = f'{{\n        "id": {_json_word(did)},\n        "score": '
    return _cell(title), yaml, json, title, _md(title)


def _dimension_item(
    did: str,
    score: Any,
    skey: tuple[Any, ...],
    a: int,
    k: int,
    n: int,
    u: int,
    words: ChecklistWords,
    tables: _Tables,
    lang: str,
) -> tuple[Any, ...]:
    """A dimension's row in the report's table, its item in the result file and in the
    ``--json`` text (in UTF-8); its names and score's texts, the score's key, the score and
    its heading in the report's findings (in UTF-8)."""
    name = tables.dimensions.get(did)
    if name is None:
        name = _dimension(did, words)
        if len(tables.dimensions) < _MAX:
            tables.dimensions[did] = name
    shown = _score_texts(score, skey, lang, tables)
    row = f"| {name[0]} | {shown[0]} | {shown[1]} | {a} | {k} | {n} |"
    yaml = (
        f"{name[1]}{shown[2]}    answered: {a}\n    dont_know: {k}\n"
        f"    not_applicable: {n}\n    unanswered: {u}\n"
    )
    json = (
        f'{name[2]}{shown[3]},\n        "answered": {a},\n        "dont_know": {k},'
        f'\n        "not_applicable": {n},\n        "unanswered": {u}\n      }}'
    )
    heading = f"\n### {name[4]} — {shown[0]}"
    return row.encode(), yaml.encode(), json.encode(), name, shown, skey, score, heading.encode()


def _score_key(score: Any) -> tuple[Any, ...] | None:
    """What a score's texts are remembered by: its type and value (a zero with its sign:
    ``-0.0`` equals ``0.0`` but is written apart); ``None``: not remembered."""
    kind = type(score)
    if kind is float and not score:
        return (kind, score, math.copysign(1.0, score))
    return (kind, score) if kind is float or kind is int or score is None else None


def _score_texts(
    score: Any, skey: tuple[Any, ...] | None, lang: str, tables: _Tables
) -> tuple[str, str, str, str, str]:
    """:func:`_score`, remembered by the score's key (a dimension's or the overall)."""
    shown = tables.scores.get(skey) if skey is not None else None
    if shown is None:
        shown = _score(score, lang)
        if skey is not None and len(tables.scores) < _MAX:
            tables.scores[skey] = shown
    return shown


def _score(score: Any, lang: str) -> tuple[str, str, str, str, str]:
    """A score as the report shows it, its bar as a table cell, a dimension's line in the
    result file (none for no score), its ``--json`` value and its value in the result file."""
    said = plain_yaml.scalar(score)
    if said is None:
        raise _Other
    yaml = "" if score is None else f"    score: {said}\n"
    shown = _ended(fmt_score(score, lang))
    return shown, _cell(bar(score)), yaml, _json_number(score), said


def _ids(p: _Pass, name: str, items: Any) -> None:
    """A list of ids of the result (``strengths``...) in the result file and the ``--json``
    text: remembered whole where the same lists come back (see :data:`_WHOLE_LISTS`), else
    made from each id's remembered item."""
    tables = p.tables
    if not items:
        p.yaml.append(f"  {name}: []\n".encode())
        if p.as_json:
            p.json.append(f',\n    "{name}": []'.encode())
        return
    whole = name in _WHOLE_LISTS and all(type(i) is str for i in items)
    key = (name, *items) if whole else None
    said = tables.id_lists.get(key) if key is not None else None
    if said is None:
        said = _id_list(tables, name, items)
        if key is not None and len(tables.id_lists) < _MAX:
            tables.id_lists[key] = said
    p.yaml.append(said[0])
    if p.as_json:
        p.json.append(said[1])


_WHOLE_LISTS = frozenset(("strengths", "actions", "held_back_by"))
"""The lists of ids remembered whole: those the stage reached mostly decides (in 1,000
generated files 51 % of the strengths, 57 % of the next steps and 95 % of what held a
community back had come before, but 21 % of the gaps and 13 % of the open questions: those
are made from their items, not kept)."""


def _id_list(tables: _Tables, name: str, items: Any) -> tuple[bytes, bytes]:
    """A list of ids in the result file and in the ``--json`` text, in UTF-8."""
    known = tables.ids
    said = []
    for i in items:
        item = known.get(i) if type(i) is str else None
        if item is None:
            item = _id(i)
            if type(i) is str and len(known) < _MAX:
                known[i] = item
        said.append(item)
    yaml = b"".join([f"  {name}:\n".encode(), *[item[0] for item in said]])
    json = b",\n      ".join([item[1] for item in said])
    return yaml, f',\n    "{name}": [\n      '.encode() + json + b"\n    ]"


def _id(i: Any) -> tuple[bytes, bytes]:
    """An id as an item of a list in the result file and in the ``--json`` text, in UTF-8."""
    yaml = plain_yaml.block({"x": [i]}, 2)
    if yaml is None or type(i) is not str:
        raise _Other
    return yaml[yaml.index("\n") + 1 :].encode(), _json_word(i).encode()


def _recommendations(p: _Pass, info: Breakdown) -> None:
    """The numbered recommendations of the report (the gaps' first), and the result's
    ``recommendations`` in the result file and the ``--json`` text."""
    result, words, lang, tables, md = p.result, p.words, p.lang, p.tables, p.md
    yaml, json, as_json = p.yaml, p.json, p.as_json
    gaps = result.gaps
    shown = info.plain_recommendations(lang)
    own = shown is result.recommendations  # the report's texts are the result's
    last = len(gaps)
    gap_order = {g: i for i, g in enumerate(gaps)}
    said: list[list[bytes]] = [[] for _ in range(last + 1)]  # the gaps' first, in their order
    items: list[bytes] = []
    pieces: list[bytes | None] = []
    known = tables.recommendations
    for r in result.recommendations:
        text = r.text
        if text is None or type(text) is str:
            key = (r.question, r.dimension, text)
            record = known.get(key)
            if record is None:
                record = _recommendation(r, words)
                if len(known) < _MAX:
                    known[key] = record
        else:
            record = _recommendation(r, words)
        items.append(record[0])
        pieces.append(record[1])
        if own:
            said[gap_order.get(record[3], last) if gaps else last].append(record[2])
    if not own:
        for r in shown:
            said[gap_order.get(r.dimension, last)].append(_line(r, words).encode())
    lines = said[0] if not gaps else [line for group in said for line in group]
    if lines:
        md += _numbered_lines(lines)
    else:
        md.append(tables.heads["none"])
    if items:
        yaml.append(b"  recommendations:\n")
        yaml += items
    else:
        yaml.append(b"  recommendations: []\n")
    if as_json:
        json.append(b',\n    "recommendations": ')
        if pieces:
            if None in pieces:
                raise _Other  # a text that cannot be UTF-8: the one-at-a-time way says so
            json.append(b"[\n      " + b",\n      ".join(pieces) + b"\n    ]")  # type: ignore[arg-type]
        else:
            json.append(b"[]")


_NUMBERS = tuple(f"{n}. ".encode() for n in range(1, 101))
"""The numbers of a numbered list's first hundred items, as they begin their lines."""


def _numbered_lines(lines: list[bytes]) -> list[bytes]:
    """``lines`` numbered from 1 (``1. ...``): the numbers written once, not per report."""
    if len(lines) > len(_NUMBERS):
        return [b"%d. %s" % (n, line) for n, line in enumerate(lines, 1)]
    return [number + line for number, line in zip(_NUMBERS, lines, strict=False)]


def _recommendation(r: Any, words: ChecklistWords) -> tuple[bytes, bytes | None, bytes, Any]:
    """A recommendation's item in the result file and in the ``--json`` text (``None``: its
    text cannot be UTF-8), its report line without its number (these in UTF-8), and its
    dimension."""
    item = plain_yaml.item({"question": r.question, "dimension": r.dimension}, 2)
    if item is None:
        raise _Other
    try:
        piece: bytes | None = recommendation_piece(r).encode()
    except UnicodeEncodeError:
        piece = None
    return item.encode(), piece, _line(r, words).encode(), r.dimension


def _line(r: Any, words: ChecklistWords) -> str:
    """A recommendation's report line without its number: its text and dimension, escaped."""
    joined = words.joined(r.text, " (", f"{words.dimension_title(r.dimension)})")
    return _tidied(_numbered(1, joined))[3:]

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
from typing import TYPE_CHECKING, Any

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
        "dimension_ids",
        "dimension_items",
        "dimensions",
        "gaps",
        "heads",
        "heads_fixed",
        "id_lists",
        "ids",
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
        self.scores: dict[tuple[Any, ...], tuple[str, str, str, str]] = {}
        """A dimension's score as the three texts show it (see :func:`_score`)."""
        self.heads_fixed: dict[tuple[Any, ...], tuple[str, str]] = {}
        """The report's checklist line and the result file's first lines by the checklist's
        reference."""
        self.dimension_items: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        """A dimension's texts by its id, score and counts (see :func:`_dimension_item`)."""
        self.said: dict[tuple[Any, ...], str] = {}
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
        self.overalls: dict[tuple[Any, ...], tuple[str, str, str]] = {}
        """The overall score's line in the three texts, by the score."""
        self.stages: dict[tuple[Any, ...], tuple[str, str, str]] = {}
        """The stage's and the next one's lines in the three texts, by their ids."""
        self.recommendations: dict[tuple[Any, ...], tuple[str, str | None, str, Any]] = {}
        """A recommendation's texts (see :func:`_recommendation`) by question, dimension
        and text."""
        self.ids: dict[str, tuple[str, str]] = {}
        """An id as an item of a list in the result file and in the ``--json`` text."""
        self.id_lists: dict[tuple[str, ...], tuple[str, str]] = {}
        """A list of ids (``strengths``...) in the result file and in the ``--json`` text,
        by its name and ids."""
        self.open: dict[str, str] = {}
        """An open question's line in the report."""
        self.roadmap: Any = None
        self.steps: dict[str, str] = {}
        """An action's title as the report's numbered next steps show it (after the number),
        for :attr:`roadmap`."""
        self.gaps: dict[tuple[Any, ...], str] = {}
        """A gap's line by its dimension, score and the score aimed at; a strength's by
        ``"strength"``, its dimension and score."""
        self.heads = _heads(t) if self.usable else {}
        """The labels' fixed runs of lines."""


def _heads(t: Mapping[str, str]) -> dict[str, Any]:
    """The report's fixed runs of lines for labels ``t`` (each joined to its neighbours by a
    line break, as the report's items are)."""
    dims = [t["dimension"], t["score"], t["bar"], t["answered"], t["dont_know"], t["na_short"]]
    appendix = [t["id"], t["question"], t["answer"], t["note"]]
    return {
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
        "points": [
            f"\n**{t[label]}:**\n" for label in ("strong_points", "weak_points", "open_in_dim")
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


def assessment_texts(
    assessment: Any,
    checklist: Checklist,
    info: Breakdown,
    lang: str,
    t: Mapping[str, str],
    *,
    roadmap: RoadmapLike,
    as_json: bool,
) -> tuple[str, str, RawJson | None] | None:
    """The result file, the report (the built-in template's, no chart, no peers) and with
    ``as_json`` the ``--json`` text of ``assessment`` (plain objects or the models, read by
    their attributes as :func:`commkit.render.report.render_report_files` reads them), the
    same bytes as made one at a time; or ``None``: make them one at a time."""
    if assessment.team is not None:
        return None
    words = checklist_words(checklist, lang)
    tables = _tables(words, t)
    if not tables.usable:
        return None
    try:
        return _texts(assessment, checklist, info, lang, t, roadmap, as_json, words, tables)
    except _Other:
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
) -> tuple[str, str, RawJson | None]:
    heads = tables.heads
    result = assessment.result
    answers = assessment.answers
    stage_id, next_id = result.stage, result.next_stage
    stages = words.stages
    stage = stages.get(stage_id)
    nxt = stages.get(next_id) if next_id else None

    # the heads: the report's title lines, the result file's and the --json text's first lines
    md, yaml_head, json_head_ = _heads_of(assessment, checklist, lang, t, words, tables, as_json)
    add = md.append
    yaml = [yaml_head, "answers: {}\n" if not answers else "answers:\n"]
    json = [json_head_] if as_json else []

    # the answers: one record each, in the checklist's order
    appendix, slots, answers_yaml, answers_json_, walked = _answers(
        assessment, info, words, lang, tables, as_json
    )
    if [*answers] == walked:
        yaml += answers_yaml
        if as_json:
            if answers_json_:
                answers_json_[0] = "{" + answers_json_[0][1:]
                json += answers_json_
                json.append("\n  }")
            else:
                json.append("{}")
    else:  # not in the checklist's order, or not all of its questions: one by one
        del yaml[-1]
        from commkit.render.report import _answers_yaml
        from commkit.render.report_json import answers_json

        if not _answers_yaml(answers, yaml.append):
            raise _Other
        if as_json:
            json.append(answers_json(answers))

    # the result's head: overall score and stages
    overall = result.overall
    keep = (type(overall) is float and overall) or type(overall) is int
    score = tables.overalls.get((type(overall), overall)) if keep else None
    if score is None:
        score = _overall(overall, t, lang)
        if keep and len(tables.overalls) < _MAX:
            tables.overalls[type(overall), overall] = score
    staged = tables.stages.get((stage_id, next_id))
    if staged is None:
        staged = _stages(result, stage, nxt, t, lang)
        ids_ok = type(stage_id) is str and (next_id is None or type(next_id) is str)
        if ids_ok and len(tables.stages) < _MAX:
            tables.stages[stage_id, next_id] = staged
    add(heads["summary"] + score[0] + staged[0])
    yaml.append("result:\n")
    yaml.append(score[1])
    yaml.append(staged[1])
    if as_json:
        json.append(',\n  "result": {\n    "overall": ')
        json.append(score[2])
        json.append(staged[2])
    held_back = held_back_gates(checklist, info, words)
    if held_back:
        add(heads["held_back"])
        md.extend(_ended(f"- {_md(g)}") for g in held_back)

    # the dimensions: the table, the result file's and the --json text's items
    by_id: dict[str, tuple[Any, ...]] = {}
    rows: list[str] = []
    dim_yaml: list[str] = []
    dim_json: list[str] = []
    answered_n = dont_know = na = unanswered = 0
    known = tables.dimension_items
    for d in result.dimensions:
        did, score = d.id, d.score
        a, k, n, u = d.answered, d.dont_know, d.not_applicable, d.unanswered
        if not type(a) is type(k) is type(n) is type(u) is int:
            raise _Other
        answered_n += a
        dont_know += k
        na += n
        unanswered += u
        skey = _score_key(score)
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
    counts = t["counts"].format(
        total=answered_n + dont_know + na + unanswered,
        answered=answered_n,
        dont_know=dont_know,
        na=na,
        unanswered=unanswered,
    )
    add("\n" + _ended(counts))
    add(heads["dimensions"])
    md += rows
    if dim_yaml:
        yaml.append("  dimensions:\n")
        yaml += dim_yaml
    else:
        yaml.append("  dimensions: []\n")
    if as_json:
        if dim_json:
            json.append("[\n      " + ",\n      ".join(dim_json) + "\n    ]")
        else:
            json.append("[]")

    add(heads["strengths"])
    if result.strengths:
        gaps = tables.gaps
        for i in result.strengths:
            item = by_id[i]
            skey = ("strength", i, item[5])
            line = gaps.get(skey)
            if line is None:
                line = _ended(_bullet(f"{item[3][3]} ({item[4][0]})"))
                if len(gaps) < _MAX:
                    gaps[skey] = line
            add(line)
    else:
        add(t["none"])
    add(heads["gaps"])
    if result.gaps:
        target = nxt.min_score if nxt is not None else info.target
        aim = t["target"].format(target=f"{target:g}")
        gaps = tables.gaps
        for i in result.gaps:
            item = by_id[i]
            gkey = (i, item[5], aim)
            line = gaps.get(gkey)
            if line is None:
                line = _ended(_bullet(f"{item[3][3]} ({item[4][0]}, {aim})"))
                if len(gaps) < _MAX:
                    gaps[gkey] = line
            add(line)
    else:
        add(t["none"])
    for field in ("strengths", "gaps"):
        _ids(tables, field, getattr(result, field), yaml, json, as_json)

    # the findings: each dimension's head and points
    add(heads["findings"])
    said_of = tables.said
    labels = heads["points"]
    nothing = heads["nothing_item"]
    at = 0
    for dim_id in tables.dimension_ids:
        found = by_id.get(dim_id)
        if found is None:
            add(f"\n### {_md(words.dimension_title(dim_id))} — {_ended(fmt_score(None, lang))}")
            score = None
        else:
            score = found[6]
            add(f"\n### {found[3][4]} — {found[4][0]}")
        said = said_of.get((dim_id, stage_id, next_id))
        if said is None:
            said = _tidied(_said(dim_id, stage, nxt, t, lang))
            if len(said_of) < _MAX:
                said_of[dim_id, stage_id, next_id] = said
        if said:
            add(said)
        if score is None:
            add(nothing)
        for label in labels:
            bullets = slots[at]
            at += 1
            if bullets:
                add(label)
                md += bullets

    # the recommendations
    add(heads["recommendations"])
    _recommendations(result, info, words, lang, tables, md, yaml, json, as_json)

    # the next steps, the open questions, the answers table, the footer
    add(heads["next_steps"])
    if result.actions:
        if tables.roadmap is not roadmap:
            tables.roadmap = roadmap
            tables.steps = {}
        steps = tables.steps
        lines = [t["next_steps_intro"], ""]
        for n, action in enumerate(result.actions, 1):
            step = steps.get(action)
            if step is None:
                step = _step(action, roadmap, lang)
                if len(steps) < _MAX:
                    steps[action] = step
            lines.append(f"{n}. {step}")
        add("\n".join(lines))
    else:
        add(t["none"])
    add(heads["open_questions"])
    if result.open_questions:
        said_open = tables.open
        for q in result.open_questions:
            line = said_open.get(q)
            if line is None:
                texts = words.question_texts
                line = _ended(_bullet(f"{texts[q]} ({q})" if q in texts else q))
                if len(said_open) < _MAX:
                    said_open[q] = line
            add(line)
    else:
        add(t["none"])
    add(heads["appendix"])
    md += appendix
    ref = assessment.checklist
    footer = tables.said.get(("footer", ref.id, ref.version, ref.hash))
    if footer is None:
        said_footer = t["footer"].format(id=ref.id, version=ref.version, hash=ref.hash or "")
        footer = _tidied(f"\n---\n\n{_md(said_footer)}")
        if footer.endswith("\n"):
            raise _Other  # blank lines at the end: tidying would drop them
        if len(tables.said) < _MAX:
            tables.said["footer", ref.id, ref.version, ref.hash] = footer
    add(footer)
    for field in ("actions", "open_questions", "held_back_by"):
        _ids(tables, field, getattr(result, field), yaml, json, as_json)
    if as_json:
        json.append("\n  }")
        json.append(',\n  "team": null\n}')
    md.append("")
    return (
        "".join(yaml),
        "\n".join(md),
        RawJson("".join(json)) if as_json else None,
    )


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
) -> tuple[list[str], list[list[str]], list[str], list[str], list[str]]:
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
) -> tuple[list[str], list[list[str]], list[str], list[str], list[str]]:
    slots: list[list[str]] = [[] for _ in range(tables.slots)]
    appendix: list[str] = []
    put = appendix.append
    yaml: list[str] = []
    said_yaml = yaml.append
    json: list[str] = []
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
                    piece = record[4] = answer_piece(qid, answer)
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
    """An answer's record (see :attr:`_Tables.rows`), its ``--json`` piece not yet made."""
    status, normalised = o.status, o.normalised
    weighs = status is not None and o.step.weight > 0
    row, picked, bullet = _question(
        q, qid, question, answer, status, normalised, weighs, words, lang
    )
    lines = None
    if answer is not None:
        if row is not None and answer.note is not None:
            row = _with_note(row, answer.note, lang)
        lines = plain_yaml.block(_answers_data({qid: answer}), 2)
        if lines is None:
            raise _Other
    if row is not None:
        _tidied(row)
    slot = None
    if bullet is not None and picked is not None and base is not None:
        _tidied(bullet)
        slot = base + picked
    return [row, slot, bullet, lines, None]


def _heads_of(
    assessment: Any,
    checklist: Checklist,
    lang: str,
    t: Mapping[str, str],
    words: ChecklistWords,
    tables: _Tables,
    as_json: bool,
) -> tuple[list[str], str, str]:
    """The report's title lines; the result file's and the ``--json`` text's lines up to
    the answers (their first lines remembered by the checklist's reference)."""
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
    day = assessment.date.isoformat()
    fixed_key = ("head", assessment.kind, assessment.version, ref.id, ref.version, ref.hash)
    fixed = tables.heads_fixed.get(fixed_key)
    if fixed is None:
        data = assessment_data(assessment, answers=False, result=False)
        fixed_yaml = plain_yaml.dump(
            {"kind": data["kind"], "version": data["version"], "checklist": data["checklist"]}
        )
        title = f"{tr(checklist.title, lang)} ({ref.id} {ref.version})"
        line = _ended(f"- **{t['checklist']}:** {_md(title)}")
        if fixed_yaml is None:
            raise _Other
        fixed = (line, fixed_yaml)
        if len(tables.heads_fixed) < _MAX:
            tables.heads_fixed[fixed_key] = fixed
    lines = [f"# {_md(t['title'].format(name=name))}", "", f"- **{t['date']}:** {day}"]
    if region:
        lines.append(f"- **{t['region']}:** {_md(region)}")
    if formalised is not None or new is not None:
        tw = words.t
        kind = []
        if formalised is not None:
            kind.append(tw["formalised"] if formalised else tw["informal"])
        if new is not None:
            kind.append(tw["new"] if new else tw["existing"])
        lines.append(f"- **{t['kind']}:** {_md(', '.join(kind))}")
    for line in lines:
        _ended(line)
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
    dated = plain_yaml.block({"date": day, "language": assessment.language}, 0)
    if told is None or dated is None:
        raise _Other
    yaml = f"{fixed[1]}community:\n{told}{dated}"
    if not as_json:
        return ["\n".join(lines)], yaml, ""
    word = _json_word
    json = "".join(
        [
            json_head_fixed(assessment),
            ',\n  "community": {\n    "name": ',
            word(name),
            ',\n    "slug": ',
            word(slug),
            ',\n    "region": ',
            word(region),
            ',\n    "formalised": ',
            _JSON_FLAGS[formalised],
            ',\n    "new": ',
            _JSON_FLAGS[new],
            ',\n    "founded": ',
            word(founded),
            '\n  },\n  "date": "',
            day,
            '",\n  "language": ',
            word(assessment.language),
            ',\n  "rater": null,\n  "answers": ',
        ]
    )
    return ["\n".join(lines)], yaml, json


_JSON_FLAGS = {None: "null", True: "true", False: "false"}


def _heads_in_full(
    assessment: Any,
    checklist: Checklist,
    lang: str,
    t: Mapping[str, str],
    words: ChecklistWords,
    as_json: bool,
) -> tuple[list[str], str, str]:
    """:func:`_heads_of` for any community (texts in several languages...)."""
    md: list[str] = []
    _head(md, assessment, checklist, lang, t, words)
    for line in md:
        _ended(line)
    yaml = plain_yaml.dump(assessment_data(assessment, answers=False, result=False))
    if yaml is None:
        raise _Other
    return md, yaml, json_head(assessment) if as_json else ""


def _step(action: str, roadmap: RoadmapLike, lang: str) -> str:
    """An action's title as a numbered next step shows it (after the number)."""
    title = action_titles(roadmap, lang).get(action, action)
    return _ended(_numbered(1, title))[3:]


def _overall(overall: Any, t: Mapping[str, str], lang: str) -> tuple[str, str, str]:
    """The overall score's line in the report, the result file and the ``--json`` text."""
    yaml = plain_yaml.block({"overall": overall}, 2)
    if yaml is None:
        raise _Other
    line = f"**{t['overall']}:** {fmt_score(overall, lang)} / 100 `{bar(overall)}`"
    return _tidied(line), yaml, _json_number(overall)


def _stages(
    result: Any, stage: Any, nxt: Any, t: Mapping[str, str], lang: str
) -> tuple[str, str, str]:
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
    return _tidied("\n".join(lines)), yaml, json


def _dimension(did: str, words: ChecklistWords) -> tuple[str, str, str, str, str]:
    """A dimension's title as a table cell, its id as it begins its item in the result file
    and in the ``--json`` text (up to the score), its title, and its title escaped."""
    title = words.dimension_title(did)
    yaml = plain_yaml.item({"id": did}, 2)
    if yaml is None:
        raise _Other
    json = f'{{\n        "id": {_json_word(did)},\n        "score": '
    return _cell(title), yaml, json, title, _md(title)


def _score_key(score: Any) -> tuple[Any, ...]:
    """What a score's texts are remembered by: its type and value (a zero with its sign:
    ``-0.0`` equals ``0.0`` but is written apart)."""
    kind = type(score)
    if kind is float and not score:
        return (kind, score, math.copysign(1.0, score))
    return (kind, score)


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
    ``--json`` text; its names and score's texts, the score's key and the score."""
    name = tables.dimensions.get(did)
    if name is None:
        name = _dimension(did, words)
        if len(tables.dimensions) < _MAX:
            tables.dimensions[did] = name
    shown = tables.scores.get(skey)
    if shown is None:
        shown = _score(score, lang)
        if len(tables.scores) < _MAX:
            tables.scores[skey] = shown
    row = f"| {name[0]} | {shown[0]} | {shown[1]} | {a} | {k} | {n} |"
    yaml = (
        f"{name[1]}{shown[2]}    answered: {a}\n    dont_know: {k}\n"
        f"    not_applicable: {n}\n    unanswered: {u}\n"
    )
    json = (
        f'{name[2]}{shown[3]},\n        "answered": {a},\n        "dont_know": {k},'
        f'\n        "not_applicable": {n},\n        "unanswered": {u}\n      }}'
    )
    return row, yaml, json, name, shown, skey, score


def _score(score: Any, lang: str) -> tuple[str, str, str, str]:
    """A dimension's score as the report shows it, its bar as a table cell, its line in the
    result file (none for no score) and its ``--json`` value."""
    if score is None:
        yaml = ""
    else:
        made = plain_yaml.block({"score": score}, 4)
        if made is None:
            raise _Other
        yaml = made
    return _ended(fmt_score(score, lang)), _cell(bar(score)), yaml, _json_number(score)


def _ids(
    tables: _Tables, name: str, items: Any, yaml: list[str], json: list[str], as_json: bool
) -> None:
    """A list of ids of the result (``strengths``...) in the result file and the ``--json``
    text: the whole list remembered (most come back: the same strengths, the same next
    steps), else from each id's remembered item."""
    if not items:
        yaml.append(f"  {name}: []\n")
        if as_json:
            json.append(f',\n    "{name}": []')
        return
    key = (name, *items) if all(type(i) is str for i in items) else None
    said = tables.id_lists.get(key) if key is not None else None
    if said is None:
        said = _id_list(tables, name, items)
        if key is not None and len(tables.id_lists) < _MAX:
            tables.id_lists[key] = said
    yaml.append(said[0])
    if as_json:
        json.append(said[1])


def _id_list(tables: _Tables, name: str, items: Any) -> tuple[str, str]:
    """A list of ids in the result file and in the ``--json`` text."""
    known = tables.ids
    said = []
    for i in items:
        item = known.get(i) if type(i) is str else None
        if item is None:
            item = _id(i)
            if type(i) is str and len(known) < _MAX:
                known[i] = item
        said.append(item)
    yaml = "".join([f"  {name}:\n", *[item[0] for item in said]])
    json = f',\n    "{name}": [\n      ' + ",\n      ".join([item[1] for item in said]) + "\n    ]"
    return yaml, json


def _id(i: Any) -> tuple[str, str]:
    """An id as an item of a list in the result file and in the ``--json`` text."""
    yaml = plain_yaml.block({"x": [i]}, 2)
    if yaml is None or type(i) is not str:
        raise _Other
    return yaml[yaml.index("\n") + 1 :], _json_word(i)


def _recommendations(
    result: Any,
    info: Breakdown,
    words: ChecklistWords,
    lang: str,
    tables: _Tables,
    md: list[str],
    yaml: list[str],
    json: list[str],
    as_json: bool,
) -> None:
    """The numbered recommendations of the report (the gaps' first), and the result's
    ``recommendations`` in the result file and the ``--json`` text."""
    gaps = result.gaps
    shown = info.plain_recommendations(lang)
    own = shown is result.recommendations  # the report's texts are the result's
    last = len(gaps)
    gap_order = {g: i for i, g in enumerate(gaps)}
    said: list[list[str]] = [[] for _ in range(last + 1)]  # the gaps' first, in their order
    items: list[str] = []
    pieces: list[str | None] = []
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
            said[gap_order.get(r.dimension, last)].append(_line(r, words))
    lines = said[0] if not gaps else [line for group in said for line in group]
    if lines:
        md += _numbered_lines(lines)
    else:
        md.append(tables.t["none"])
    if items:
        yaml.append("  recommendations:\n")
        yaml += items
    else:
        yaml.append("  recommendations: []\n")
    if as_json:
        json.append(',\n    "recommendations": ')
        if pieces:
            if None in pieces:
                raise _Other  # a text that cannot be UTF-8: the one-at-a-time way says so
            json.append("[\n      " + ",\n      ".join(pieces) + "\n    ]")  # type: ignore[arg-type]
        else:
            json.append("[]")


_NUMBERS = tuple(f"{n}. " for n in range(1, 101))
"""The numbers of a numbered list's first hundred items, as they begin their lines."""


def _numbered_lines(lines: list[str]) -> list[str]:
    """``lines`` numbered from 1 (``1. ...``): the numbers written once, not per report."""
    if len(lines) > len(_NUMBERS):
        return [f"{n}. {line}" for n, line in enumerate(lines, 1)]
    return [number + line for number, line in zip(_NUMBERS, lines, strict=False)]


def _recommendation(r: Any, words: ChecklistWords) -> tuple[str, str | None, str, Any]:
    """A recommendation's item in the result file and in the ``--json`` text (``None``: its
    text cannot be UTF-8), its report line without its number, and its dimension."""
    item = plain_yaml.item({"question": r.question, "dimension": r.dimension}, 2)
    if item is None:
        raise _Other
    try:
        piece: str | None = recommendation_piece(r)
    except UnicodeEncodeError:
        piece = None
    return item, piece, _line(r, words), r.dimension


def _line(r: Any, words: ChecklistWords) -> str:
    """A recommendation's report line without its number: its text and dimension, escaped."""
    joined = words.joined(r.text, " (", f"{words.dimension_title(r.dimension)})")
    return _tidied(_numbered(1, joined))[3:]

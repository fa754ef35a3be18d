"""The built-in Markdown report written straight from the assessment, without a view.

:func:`commkit.render.report.build_view` makes the plain data a template reads (a dict per
answer, per dimension, per finding) and :func:`commkit.render.report_md.report_lines` turns
it into the lines of the built-in template; a batch pays for both on every answers file. This
module writes the same lines in one pass, each question's line in the answers table and its
finding remembered by what makes them (the question, how it counted, the answer), so most of
a report is a look-up per question. It covers the reports a batch writes: no team, no peers
(those, and a pack's own template, go through the view). Tests compare its text with the
view's on the examples, the saved assessments and generated answers, in both languages.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from commkit.i18n.text_pick import tr
from commkit.render.report_md import _bullet, _cell, _md, _numbered
from commkit.render.report_words import (
    ChecklistWords,
    RoadmapLike,
    _value_key,
    action_titles,
    answer_text,
    bar,
    checklist_words,
    fmt_score,
)

if TYPE_CHECKING:
    from commkit.core.scoring import Breakdown
    from commkit.model.answers import Assessment
    from commkit.model.checklist import Checklist, Question

_STRONG, _WEAK, _OPEN = 0, 1, 2
_POINTS = ("strong_points", "weak_points", "open_in_dim")
"""The labels of a dimension's strong, weak and open points, in that order."""


def report_lines(
    assessment: Assessment,
    checklist: Checklist,
    info: Breakdown,
    lang: str,
    t: Mapping[str, str],
    *,
    roadmap: RoadmapLike,
    chart: str | None,
) -> list[str] | None:
    """The lines :func:`commkit.render.report_md.report_lines` writes for the view of
    ``assessment`` (``t``: the template's labels), or ``None`` for a report with a team
    (the view's way then)."""
    chunks = report_chunks(assessment, checklist, info, lang, t, roadmap=roadmap, chart=chart)
    return None if chunks is None else "\n".join(chunks).split("\n")


class _Pieces:
    """A report's fixed pieces for one checklist, language and set of labels: each a run of
    whole lines (joined by line breaks), remembered by what makes it (a stage, a
    dimension's score, its counts); every table bounded."""

    __slots__ = ("actions", "blocks", "t")

    def __init__(self, t: Mapping[str, str]) -> None:
        self.t = t
        self.blocks: dict[tuple[Any, ...], str] = {}
        self.actions: dict[tuple[str, ...], tuple[Any, str]] = {}
        """The "next steps" lines by the actions' ids, with the roadmap they were put in
        words from (another roadmap puts them in words again)."""


def _made(words: ChecklistWords, t: Mapping[str, str]) -> _Pieces:
    made: _Pieces | None = words.report_pieces
    if made is None or made.t is not t:
        made = _Pieces(t)
        words.report_pieces = made
    return made


def _pieces(words: ChecklistWords, t: Mapping[str, str]) -> dict[tuple[Any, ...], str]:
    """The remembered pieces of ``words``' checklist and language for labels ``t``."""
    return _made(words, t).blocks


def _actions_said(
    words: ChecklistWords, t: Mapping[str, str]
) -> dict[tuple[str, ...], tuple[Any, str]]:
    return _made(words, t).actions


_MAX_PIECES = 15_000


def held_back_gates(checklist: Checklist, info: Breakdown, words: ChecklistWords) -> list[str]:
    """What holds the community back from the stages it has not reached, as the report lists
    it: one writer for the report made in runs and the batch's one pass."""
    return [
        words.gate(checklist, c)
        for step in info.stage_steps
        if not step.reached
        for c in step.failed_conditions
    ]


def stage_lines(stage_id: Any, stage: Any, nxt: Any, t: Mapping[str, str], lang: str) -> list[str]:
    """The report's lines on the stage reached and the next one (after the overall score and a
    blank line): one writer for the report made in runs and the batch's one pass."""
    md = _md
    stage_title = tr(stage.title, lang) if stage is not None else stage_id
    meaning = tr(stage.meaning, lang) if stage is not None else ""
    focus = tr(stage.focus, lang) if stage is not None else ""
    lines = [
        f"**{t['stage']}:** {md(stage_title)}. {md(meaning)}",
        "",
        f"**{t['focus']}:** {md(focus)}",
        "",
    ]
    if nxt is not None:
        said = t["next_stage_text"].format(title=tr(nxt.title, lang), min=f"{nxt.min_score:g}")
        lines.append(f"**{t['next_stage']}:** {md(said)}")
    else:
        lines.append(t["top_stage"])
    return lines


def report_chunks(
    assessment: Assessment,
    checklist: Checklist,
    info: Breakdown,
    lang: str,
    t: Mapping[str, str],
    *,
    roadmap: RoadmapLike,
    chart: str | None,
) -> list[str] | None:
    """:func:`report_lines` as runs of whole lines (each run's lines joined by line breaks;
    the runs joined by line breaks give the report), most of them remembered: a batch's
    reports are mostly the same few thousand runs. ``None`` for a report with a team."""
    if assessment.team is not None:
        return None
    words = checklist_words(checklist, lang)
    known = _pieces(words, t)
    keep = len(known) < _MAX_PIECES
    result = assessment.result
    stages = words.stages
    stage_id, next_id = result.stage, result.next_stage
    stage = stages.get(stage_id)
    nxt = stages.get(next_id) if next_id else None
    dim_title = words.dimension_title
    out: list[str] = []
    add = out.append
    md = _md
    _head(out, assessment, checklist, lang, t, words)
    overall = result.overall
    key: tuple[Any, ...] = ("overall", type(overall), overall)
    piece = known.get(key) if overall else None
    if piece is None:
        piece = (
            f"\n## {t['summary']}\n\n"
            f"**{t['overall']}:** {fmt_score(overall, lang)} / 100 `{bar(overall)}`"
        )
        if keep and overall:
            known[key] = piece
    add(piece)
    key = ("stage", stage_id, next_id)
    piece = known.get(key)
    if piece is None:
        piece = "\n".join(["", *stage_lines(stage_id, stage, nxt, t, lang)])
        if keep:
            known[key] = piece
    add(piece)
    held_back = held_back_gates(checklist, info, words)
    if held_back:
        add("")
        add(f"**{t['held_back']}:**")
        add("")
        out.extend(f"- {md(g)}" for g in held_back)
    answered = dont_know = na = unanswered = 0
    scores: dict[str, Any] = {}
    rows: list[str] = []
    for d in result.dimensions:
        score = d.score
        counts = (d.answered, d.dont_know, d.not_applicable)
        answered += counts[0]
        dont_know += counts[1]
        na += counts[2]
        unanswered += d.unanswered
        scores[d.id] = score
        key = ("row", d.id, type(score), score, *counts)
        row = known.get(key) if score is None or score else None
        if row is None:
            cells = [_cell(dim_title(d.id)), fmt_score(score, lang), _cell(bar(score)), *counts]
            row = "| " + " | ".join(map(str, cells)) + " |"
            if keep and (score is None or score):
                known[key] = row
        rows.append(row)
    add("")
    add(
        t["counts"].format(
            total=answered + dont_know + na + unanswered,
            answered=answered,
            dont_know=dont_know,
            na=na,
            unanswered=unanswered,
        )
    )
    piece = known.get(("dimensions",))
    if piece is None:
        head = [t["dimension"], t["score"], t["bar"], t["answered"], t["dont_know"], t["na_short"]]
        piece = f"\n## {t['dimensions']}\n\n| {' | '.join(head)} |\n{_DIMENSIONS_RULE}"
        known[("dimensions",)] = piece
    add(piece)
    out.extend(rows)
    if chart:
        add("")
        add(chart)
    add("")
    add(f"### {t['strengths']}")
    add("")
    if result.strengths:
        for i in result.strengths:
            score = scores[i]
            key = ("strength", i, type(score), score)
            line = known.get(key) if score else None
            if line is None:
                line = _bullet(f"{dim_title(i)} ({fmt_score(score, lang)})")
                if keep and score:
                    known[key] = line
            add(line)
    else:
        add(t["none"])
    add("")
    add(f"### {t['gaps']}")
    add("")
    if result.gaps:
        target = nxt.min_score if nxt is not None else info.target
        aim = t["target"].format(target=f"{target:g}")
        for i in result.gaps:
            add(_bullet(f"{dim_title(i)} ({fmt_score(scores[i], lang)}, {aim})"))
    else:
        add(t["none"])
    add("")
    add(f"## {t['findings']}")
    appendix, points = _questions_lines(assessment, info, words, lang)
    labels = [f"\n**{t[label]}:**\n" for label in _POINTS]
    for dim in words.dimensions:
        dim_id = dim.id
        score = scores.get(dim_id)
        key = ("heading", dim_id, type(score), score)
        piece = known.get(key) if score is None or score else None
        if piece is None:
            piece = f"\n### {_md(dim_title(dim_id))} — {fmt_score(score, lang)}"
            if keep and (score is None or score):
                known[key] = piece
        add(piece)
        key = ("said", dim_id, stage_id, next_id)
        piece = known.get(key)
        if piece is None:
            piece = _said(dim_id, stage, nxt, t, lang)
            if keep:
                known[key] = piece
        if piece:
            add(piece)
        if score is None:
            add("")
            add(t["nothing_scored"])
        found = points.get(dim_id)
        if found is None:
            continue
        for bullets, label in zip(found, labels, strict=True):
            if bullets:
                add(label)
                out.extend(bullets)
    add("")
    add(f"## {t['recommendations']}")
    add("")
    gap_order = {g: i for i, g in enumerate(result.gaps)}
    last = len(gap_order)
    recommendations = info.plain_recommendations(lang)
    if gap_order:
        recommendations = sorted(recommendations, key=lambda r: gap_order.get(r.dimension, last))
    if recommendations:
        remembered = words.report_recommendations
        for n, r in enumerate(recommendations, 1):
            rkey = (n, r.text, r.dimension)
            line = remembered.get(rkey)
            if line is None:
                line = _numbered(n, words.joined(r.text, " (", f"{dim_title(r.dimension)})"))
                if len(remembered) < 20_000:
                    remembered[rkey] = line
            add(line)
    else:
        add(t["none"])
    add("")
    add(f"## {t['next_steps']}")
    add("")
    if result.actions:
        akey = (*result.actions,)
        made = _actions_said(words, t).get(akey)
        if made is not None and made[0] is roadmap:
            piece = made[1]
        else:
            titles = action_titles(roadmap, lang)
            actions = [titles.get(a, a) for a in result.actions]
            numbered = map(_numbered, range(1, len(actions) + 1), actions)
            piece = "\n".join([t["next_steps_intro"], "", *numbered])
            steps = _actions_said(words, t)
            if len(steps) < 5_000:
                steps[akey] = (roadmap, piece)
        add(piece)
    else:
        add(t["none"])
    add("")
    texts = words.question_texts
    add(f"## {t['open_questions']}")
    add("")
    if result.open_questions:
        out.extend(_bullet(f"{texts[q]} ({q})" if q in texts else q) for q in result.open_questions)
    else:
        add(t["none"])
    piece = known.get(("appendix",))
    if piece is None:
        head = [t["id"], t["question"], t["answer"], t["note"]]
        piece = f"\n## {t['appendix']}\n\n| {' | '.join(head)} |\n| --- | --- | --- | --- |"
        known[("appendix",)] = piece
    add(piece)
    out.extend(appendix)
    ref = assessment.checklist
    fkey = ("footer", ref.id, ref.version, ref.hash)
    piece = known.get(fkey)
    if piece is None:
        footer = t["footer"].format(id=ref.id, version=ref.version, hash=ref.hash or "")
        piece = f"\n---\n\n{md(footer)}"
        if keep:
            known[fkey] = piece
    add(piece)
    return out


_DIMENSIONS_RULE = "| --- | ---: | --- | ---: | ---: | ---: |"


def _said(dim_id: str, stage: Any, nxt: Any, t: Mapping[str, str], lang: str) -> str:
    """What the stage and the next one say of a dimension in its findings, as one run of
    lines (empty when they say nothing)."""
    md = _md
    lines = []
    now_text = stage.descriptors.get(dim_id) if stage is not None else None
    if now_text is not None and (now := tr(now_text, lang)):
        stage_title = tr(stage.title, lang)
        lines += ["", f"*{md(t['now_cell'].format(stage=stage_title))}:* {md(now)}"]
    next_text = nxt.descriptors.get(dim_id) if nxt is not None else None
    if next_text is not None and (then := tr(next_text, lang)):
        next_title = tr(nxt.title, lang)
        lines += ["", f"*{md(t['next_cell'].format(stage=next_title))}:* {md(then)}"]
    return "\n".join(lines)


def _head(
    out: list[str],
    assessment: Assessment,
    checklist: Checklist,
    lang: str,
    t: Mapping[str, str],
    words: ChecklistWords,
) -> None:
    """The title and the lines under it: date, region, kind, checklist."""
    md = _md
    community = assessment.community
    out.append(f"# {md(t['title'].format(name=tr(community.name, lang)))}")
    out.append("")
    out.append(f"- **{t['date']}:** {assessment.date.isoformat()}")
    region = tr(community.region, lang)
    if region:
        out.append(f"- **{t['region']}:** {md(region)}")
    tw = words.t
    kind = []
    if community.formalised is not None:
        kind.append(tw["formalised"] if community.formalised else tw["informal"])
    if community.new is not None:
        kind.append(tw["new"] if community.new else tw["existing"])
    if kind:
        out.append(f"- **{t['kind']}:** {md(', '.join(kind))}")
    ref = assessment.checklist
    title = f"{tr(checklist.title, lang)} ({ref.id} {ref.version})"
    out.append(f"- **{t['checklist']}:** {md(title)}")


def _questions_lines(
    assessment: Assessment, info: Breakdown, words: ChecklistWords, lang: str
) -> tuple[list[str], dict[str, tuple[list[str], list[str], list[str]]]]:
    """The answers table's lines, and each dimension's strong, weak and open points as list
    lines, in checklist order (as :func:`commkit.render.report.build_view` lists them)."""
    answers = assessment.answers
    outcomes: list[Any] = info.outcomes
    rows = words.rows
    by_id: dict[str, Any] | None = None  # when the outcomes are not the rows' (in order)
    if len(outcomes) != len(rows):
        by_id = {o.step.id: o for o in outcomes}
    points: dict[str, tuple[list[str], list[str], list[str]]] = {
        dim_id: ([], [], []) for dim_id in words.dimension_titles
    }
    appendix: list[str] = []
    put = appendix.append
    known = words.report_questions
    answer_of = answers.get
    for i, (q, qid, dim_id, question) in enumerate(rows):
        if by_id is None:
            o = outcomes[i]
            if o.step.id != qid:
                by_id = {o.step.id: o for o in outcomes}
                o = by_id.get(qid)
        else:
            o = by_id.get(qid)
        answer = answer_of(qid)
        if o is None:
            status, normalised, weighs = None, None, False
        else:
            status, normalised, weighs = o.status, o.normalised, o.step.weight > 0
        note = None
        if answer is None:
            key: tuple[Any, ...] | None = (qid, status, normalised, weighs)
        else:
            value: Any = answer.value
            note = answer.note
            kind = type(value)
            if kind is str or kind is int or kind is bool or value is None:
                if kind is str and len(value) > 200:
                    key = None
                else:
                    key = (qid, status, normalised, weighs, answer.status, kind, value)
            else:
                given = _value_key(value)
                key = (qid, status, normalised, weighs, answer.status, given, 0)
                if given is None:
                    key = None
        made = known.get(key) if key is not None else None
        if made is not None:
            row, picked, bullet = made
        else:
            row, picked, bullet = _question(
                q, qid, question, answer, status, normalised, weighs, words, lang
            )
            if key is not None and len(known) < 20_000:
                known[key] = (row, picked, bullet)
        if row is not None:
            put(_with_note(row, note, lang) if note is not None else row)
        if picked is not None and bullet is not None:
            found = points.get(dim_id)
            if found is not None:
                found[picked].append(bullet)
    return appendix, points


def _question(
    q: Question,
    qid: str,
    question: str,
    answer: Any,
    status: str | None,
    normalised: float | None,
    weighs: bool,
    words: ChecklistWords,
    lang: str,
) -> tuple[str | None, int | None, str | None]:
    """One question's line in the answers table (no note), the list its finding goes to
    and the finding's line (as :func:`commkit.render.report.build_view` decides them)."""
    t = words.t
    if status == "not_asked":
        shown = t["not_asked"] if answer is not None else None
    elif answer is not None and answer.status == "answered":
        shown = words.answer(q, answer)
    else:
        shown = answer_text(q, answer, lang)
    row = None
    if shown is not None:
        row = f"| `{qid}` | {_cell(question)} | {_cell(shown)} | {_cell('')} |"
    if status is None:
        return row, None, None
    if status == "dont_know":
        return row, _OPEN, _bullet(question)
    if normalised is not None and weighs:
        if status == "not_asked":
            shown = answer_text(q, answer, lang)
        if normalised >= 0.75:
            return row, _STRONG, _bullet(words.joined(question, " — ", shown))
        if normalised < 0.5:
            return row, _WEAK, _bullet(words.joined(question, " — ", shown))
    return row, None, None


def _with_note(row: str, note: Any, lang: str) -> str:
    """An answers table line with its note in the last cell."""
    return f"{row[: -len(_cell('')) - 2]}{_cell(tr(note, lang))} |"

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
from commkit.render.report_md import _bullet, _cell, _listed, _md, _numbered, _table
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
    if assessment.team is not None:
        return None
    words = checklist_words(checklist, lang)
    result = assessment.result
    stages = words.stages
    stage = stages.get(result.stage)
    nxt = stages.get(result.next_stage) if result.next_stage else None
    stage_title = tr(stage.title, lang) if stage is not None else result.stage
    next_title = tr(nxt.title, lang) if nxt is not None else ""
    dim_title = words.dimension_title
    out: list[str] = []
    add = out.append
    md = _md
    _head(out, assessment, checklist, lang, t, words)
    add("")
    add(f"## {t['summary']}")
    add("")
    add(f"**{t['overall']}:** {fmt_score(result.overall, lang)} / 100 `{bar(result.overall)}`")
    add("")
    meaning = tr(stage.meaning, lang) if stage is not None else ""
    focus = tr(stage.focus, lang) if stage is not None else ""
    add(f"**{t['stage']}:** {md(stage_title)}. {md(meaning)}")
    add("")
    add(f"**{t['focus']}:** {md(focus)}")
    add("")
    if nxt is not None:
        said = t["next_stage_text"].format(title=next_title, min=f"{nxt.min_score:g}")
        add(f"**{t['next_stage']}:** {md(said)}")
    else:
        add(t["top_stage"])
    held_back = [
        words.gate(checklist, c)
        for step in info.stage_steps
        if not step.reached
        for c in step.failed_conditions
    ]
    if held_back:
        add("")
        add(f"**{t['held_back']}:**")
        add("")
        out.extend(f"- {md(g)}" for g in held_back)
    add("")
    totals = [0, 0, 0, 0]
    for d in result.dimensions:
        totals[0] += d.answered
        totals[1] += d.dont_know
        totals[2] += d.not_applicable
        totals[3] += d.unanswered
    answered, dont_know, na, unanswered = totals
    add(
        t["counts"].format(
            total=sum(totals),
            answered=answered,
            dont_know=dont_know,
            na=na,
            unanswered=unanswered,
        )
    )
    add("")
    add(f"## {t['dimensions']}")
    add("")
    _table(
        out,
        [t["dimension"], t["score"], t["bar"], t["answered"], t["dont_know"], t["na_short"]],
        "| --- | ---: | --- | ---: | ---: | ---: |",
        (
            [
                _cell(dim_title(d.id)),
                fmt_score(d.score, lang),
                _cell(bar(d.score)),
                d.answered,
                d.dont_know,
                d.not_applicable,
            ]
            for d in result.dimensions
        ),
    )
    if chart:
        add("")
        add(chart)
    scores = {d.id: d.score for d in result.dimensions}
    target = nxt.min_score if nxt is not None else info.target
    add("")
    strengths = [f"{dim_title(i)} ({fmt_score(scores[i], lang)})" for i in result.strengths]
    _listed(f"### {t['strengths']}", strengths, t, out)
    add("")
    gaps = [
        f"{dim_title(i)} ({fmt_score(scores[i], lang)}, {t['target'].format(target=f'{target:g}')})"
        for i in result.gaps
    ]
    _listed(f"### {t['gaps']}", gaps, t, out)
    add("")
    add(f"## {t['findings']}")
    appendix, points = _questions_lines(assessment, info, words, lang)
    now_head = md(t["now_cell"].format(stage=stage_title))
    next_head = md(t["next_cell"].format(stage=next_title))
    for dim in words.dimensions:
        score = scores.get(dim.id)
        add("")
        add(f"### {md(dim_title(dim.id))} — {fmt_score(score, lang)}")
        now_text = stage.descriptors.get(dim.id) if stage is not None else None
        if now_text is not None and (now := tr(now_text, lang)):
            add("")
            add(f"*{now_head}:* {md(now)}")
        next_text = nxt.descriptors.get(dim.id) if nxt is not None else None
        if next_text is not None and (then := tr(next_text, lang)):
            add("")
            add(f"*{next_head}:* {md(then)}")
        if score is None:
            add("")
            add(t["nothing_scored"])
        found = points.get(dim.id)
        if found is None:
            continue
        for bullets, label in zip(found, _POINTS, strict=True):
            if bullets:
                add("")
                add(f"**{t[label]}:**")
                add("")
                out.extend(bullets)
    add("")
    add(f"## {t['recommendations']}")
    add("")
    gap_order = {g: i for i, g in enumerate(result.gaps)}
    last = len(gap_order)
    recommendations = sorted(
        info.plain_recommendations(lang), key=lambda r: gap_order.get(r.dimension, last)
    )
    if recommendations:
        remembered = words.report_recommendations
        for n, r in enumerate(recommendations, 1):
            key = (n, r.text, r.dimension)
            line = remembered.get(key)
            if line is None:
                line = _numbered(n, words.joined(r.text, " (", f"{dim_title(r.dimension)})"))
                if len(remembered) < 20_000:
                    remembered[key] = line
            add(line)
    else:
        add(t["none"])
    add("")
    add(f"## {t['next_steps']}")
    add("")
    if result.actions:
        titles = action_titles(roadmap, lang)
        add(t["next_steps_intro"])
        add("")
        actions = [titles.get(a, a) for a in result.actions]
        out.extend(map(_numbered, range(1, len(actions) + 1), actions))
    else:
        add(t["none"])
    add("")
    texts = words.question_texts
    open_questions = [f"{texts[q]} ({q})" if q in texts else q for q in result.open_questions]
    _listed(f"## {t['open_questions']}", open_questions, t, out)
    add("")
    add(f"## {t['appendix']}")
    add("")
    _table(out, [t["id"], t["question"], t["answer"], t["note"]], "| --- | --- | --- | --- |", ())
    out.extend(appendix)
    add("")
    add("---")
    add("")
    ref = assessment.checklist
    footer = t["footer"].format(id=ref.id, version=ref.version, hash=ref.hash or "")
    add(md(footer))
    return out


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
    known = words.report_questions
    for i, (q, qid, dim_id, question) in enumerate(rows):
        if by_id is None:
            o = outcomes[i]
            if o.step.id != qid:
                by_id = {o.step.id: o for o in outcomes}
                o = by_id.get(qid)
        else:
            o = by_id.get(qid)
        answer = answers.get(qid)
        if o is None:
            status, normalised, weighs = None, None, False
        else:
            status, normalised, weighs = o.status, o.normalised, o.step.weight > 0
        if answer is None:
            given: Any = None
        else:
            value = _value_key(answer.value)
            given = None if value is None else (answer.status, value)
        remembered = given is not None or answer is None
        key = (qid, status, normalised, weighs, given)
        made = known.get(key) if remembered else None
        if made is not None:
            row, picked, bullet = made
        else:
            row, picked, bullet = _question(
                q, qid, question, answer, status, normalised, weighs, words, lang
            )
            if remembered and len(known) < 20_000:
                known[key] = (row, picked, bullet)
        note = answer.note if answer is not None else None
        if row is not None:
            appendix.append(_with_note(row, note, lang) if note is not None else row)
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

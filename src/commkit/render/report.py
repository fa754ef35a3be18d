"""The Markdown report of an assessment (Jinja2 template ``assessment.md.j2``).

The template receives a plain view (``view``) built here, the labels of the report language
(``t``) and two filters for user and content text: ``md`` (inline Markdown) and ``cell``
(a GFM table cell). A customised pack may ship its own ``templates/assessment.md.j2``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from commkit.i18n.text_pick import tr

# the checklist's words, where the summary, ``--explain`` and the wizard have long found them
from commkit.render.report_words import ChecklistWords as ChecklistWords
from commkit.render.report_words import RaterAnswer, RoadmapLike, action_titles, checklist_words
from commkit.render.report_words import answer_text as answer_text
from commkit.render.report_words import bar as bar
from commkit.render.report_words import fmt_score as fmt_score
from commkit.render.report_words import gate_text as gate_text
from commkit.render.report_words import held_back_for as held_back_for
from commkit.render.report_words import labels as labels
from commkit.render.report_words import question_words as question_words
from commkit.render.report_words import shared_labels as shared_labels
from commkit.render.report_words import value_text as value_text

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

    from commkit.core.peers import PeerComparison
    from commkit.core.scoring import Breakdown
    from commkit.model.answers import Assessment
    from commkit.model.checklist import Checklist
    from commkit.model.pack import ContentPack

TEMPLATE = "assessment.md.j2"


def build_view(
    pack: ContentPack | None,
    checklist: Checklist,
    assessment: Assessment,
    lang: str,
    *,
    info: Breakdown | None = None,
    roadmap: RoadmapLike | None = None,
) -> dict[str, Any]:
    """Everything the template shows, as plain data (text not yet escaped).

    Reads attributes only: ``assessment``, ``checklist`` and ``roadmap`` may be the models
    or plain objects with the same attributes. ``info``: the breakdown the assessment was
    scored with (worked out again when not given); ``roadmap``: the pack's (``pack`` is
    read for nothing else)."""
    from commkit.core.scoring import assessment_breakdown

    words = checklist_words(checklist, lang)
    t = words.t
    texts = words.question_texts
    dim_title = words.dimension_title
    result = assessment.result
    answers = assessment.answers
    if info is None:
        info = assessment_breakdown(checklist, assessment)
    if roadmap is None:
        assert pack is not None, "build_view needs the pack or its roadmap"
        roadmap = pack.roadmap
    lines = {line[0]: line for line in info.question_rows}
    stage = words.stages.get(result.stage)
    nxt = words.stages.get(result.next_stage) if result.next_stage else None
    dim_results = {d.id: d for d in result.dimensions}
    target = nxt.min_score if nxt is not None else info.target
    # in the report's language, from the answers (a saved assessment keeps no sentences)
    recommendations = info.plain_recommendations(lang)

    totals = {"answered": 0, "dont_know": 0, "na": 0, "unanswered": 0}
    for d in result.dimensions:
        totals["answered"] += d.answered
        totals["dont_know"] += d.dont_know
        totals["na"] += d.not_applicable
        totals["unanswered"] += d.unanswered
    total = sum(totals.values())

    dimension_rows = [
        {
            "title": dim_title(d.id),
            "score": fmt_score(d.score, lang),
            "bar": bar(d.score),
            "answered": d.answered,
            "dont_know": d.dont_know,
            "not_applicable": d.not_applicable,
        }
        for d in result.dimensions
    ]
    recommended: dict[str, list[str | None]] = {}
    for r in recommendations:
        recommended.setdefault(r.dimension, []).append(r.text)
    # one pass over the questions: the answers table, and each dimension's strong, weak
    # and open points (in checklist order, as the answers table lists them)
    points: dict[str, tuple[list[str], list[str], list[str]]] = {
        dim_id: ([], [], []) for dim_id in words.dimension_titles
    }
    appendix = []
    answer_of, line_of, points_of = answers.get, lines.get, points.get
    for q, qid, dim_id, question in words.rows:
        answer = answer_of(qid)
        line = line_of(qid)  # (id, dimension, status, value, normalised, weight)
        status = line[2] if line is not None else None
        if status == "not_asked":
            shown = t["not_asked"] if answer is not None else None
        elif answer is not None and answer.status == "answered":
            shown = words.answer(q, answer)
        else:
            shown = answer_text(q, answer, lang)
        if shown is not None:
            note = answer.note if answer is not None else None
            appendix.append(
                {
                    "id": qid,
                    "question": question,
                    "answer": shown,
                    "note": tr(note, lang) if note is not None else "",
                }
            )
        picked = points_of(dim_id)
        if line is None or picked is None:
            continue
        if status == "dont_know":
            picked[2].append(question)
        elif (normalised := line[4]) is not None and line[5] > 0:
            if status == "not_asked":
                shown = answer_text(q, answer, lang)
            if normalised >= 0.75:
                picked[0].append(words.joined(question, " — ", shown))
            elif normalised < 0.5:
                picked[1].append(words.joined(question, " — ", shown))
    findings = []
    for dim in words.dimensions:
        strong, weak, open_ = points[dim.id]
        dr = dim_results.get(dim.id)
        now_text = stage.descriptors.get(dim.id) if stage is not None else None
        next_text = nxt.descriptors.get(dim.id) if nxt is not None else None
        findings.append(
            {
                "now": tr(now_text, lang) if now_text is not None else "",
                "next": tr(next_text, lang) if next_text is not None else "",
                "title": dim_title(dim.id),
                "score": fmt_score(dr.score if dr else None, lang),
                "scored": dr is not None and dr.score is not None,
                "strong": list(strong),
                "weak": list(weak),
                "open": list(open_),
                "recommendations": recommended.get(dim.id, []),
            }
        )
    actions = action_titles(roadmap, lang)
    community = assessment.community
    kind = []
    if community.formalised is not None:
        kind.append(t["formalised"] if community.formalised else t["informal"])
    if community.new is not None:
        kind.append(t["new"] if community.new else t["existing"])
    gap_order = {g: i for i, g in enumerate(result.gaps)}
    recs = sorted(
        recommendations,
        key=lambda r: gap_order.get(r.dimension, len(gap_order)),
    )
    return {
        "community": tr(community.name, lang),
        "region": tr(community.region, lang),
        "kind": ", ".join(kind),
        "date": assessment.date.isoformat(),
        "checklist": {
            "id": assessment.checklist.id,
            "version": assessment.checklist.version,
            "hash": assessment.checklist.hash or "",
            "title": tr(checklist.title, lang),
        },
        "overall": fmt_score(result.overall, lang),
        "overall_bar": bar(result.overall),
        "stage": {
            "title": tr(stage.title, lang) if stage else result.stage,
            "meaning": tr(stage.meaning, lang) if stage else "",
            "focus": tr(stage.focus, lang) if stage else "",
        },
        "next_stage_title": tr(nxt.title, lang) if nxt is not None else "",
        "next_stage": (
            t["next_stage_text"].format(title=tr(nxt.title, lang), min=f"{nxt.min_score:g}")
            if nxt is not None
            else ""
        ),
        "counts": t["counts"].format(total=total, **totals),
        "held_back": [
            words.gate(checklist, c)
            for step in info.stage_steps
            if not step.reached
            for c in step.failed_conditions
        ],
        "dimensions": dimension_rows,
        "strengths": [
            f"{dim_title(i)} ({fmt_score(dim_results[i].score, lang)})" for i in result.strengths
        ],
        "gaps": [
            f"{dim_title(i)} ({fmt_score(dim_results[i].score, lang)}, "
            f"{t['target'].format(target=f'{target:g}')})"
            for i in result.gaps
        ],
        "findings": findings,
        "recommendations": [words.joined(r.text, " (", f"{dim_title(r.dimension)})") for r in recs],
        "actions": [actions.get(a, a) for a in result.actions],
        "open_questions": [f"{texts[q]} ({q})" if q in texts else q for q in result.open_questions],
        "appendix": appendix,
        "team": team_view(checklist, assessment, lang),
    }


def team_view(checklist: Checklist, assessment: Assessment, lang: str) -> dict[str, Any] | None:
    """The team section: raters, the range of their results, the questions they disagree on."""
    team = assessment.team
    if team is None:
        return None
    t = shared_labels(lang)
    questions = {q.id: q for q in checklist.questions}
    stages = {s.id: tr(s.title, lang) for s in checklist.stages}
    disagreements = []
    for merge in team.questions:
        q = questions.get(merge.question)
        if q is None or not merge.disagree:
            continue
        consensus = answer_text(q, assessment.answers.get(q.id), lang)
        if merge.tie:
            consensus += f" ({t['tie']})"
        disagreements.append(
            {
                "id": q.id,
                "question": tr(q.text, lang),
                "why": "; ".join(t.get(f"reason_{r}", r) for r in merge.reasons),
                "consensus": consensus,
                "raters": [
                    {
                        "name": r.rater,
                        "answer": answer_text(
                            q,
                            None if r.status == "unanswered" else RaterAnswer(r.status, r.value),
                            lang,
                        ),
                        "note": tr(r.note, lang),
                    }
                    for r in merge.raters
                ],
            }
        )
    return {
        "intro": t["team_intro"].format(n=len(team.raters)),
        "range": t["team_range" if team.stage_low != team.stage_high else "team_range_one"].format(
            low=fmt_score(team.overall_low, lang),
            high=fmt_score(team.overall_high, lang),
            stage_low=stages.get(team.stage_low, team.stage_low),
            stage_high=stages.get(team.stage_high, team.stage_high),
        ),
        "raters": [
            {
                "name": r.name,
                "role": tr(r.role, lang),
                "date": r.date.isoformat() if r.date else "",
                "overall": fmt_score(r.overall, lang),
                "stage": stages.get(r.stage, r.stage),
            }
            for r in team.raters
        ],
        "disagreements": disagreements,
    }


_template_labels: dict[str, dict[str, str]] = {}
"""The labels the report's template gets (``t``), by language."""


def template_labels(lang: str) -> dict[str, str]:
    """The labels the report's template gets (``t``) in ``lang``, one dictionary per
    language for the process (not to be changed)."""
    t = _template_labels.get(lang)
    if t is None:
        from commkit.render.data_labels import data_labels

        t = {**labels(lang), **{f"x_{k}": v for k, v in data_labels(lang).items()}}
        _template_labels[lang] = t
    return t


def assessment_markdown(
    pack: ContentPack,
    assessment: Assessment,
    lang: str,
    *,
    chart: str | None = None,
    peers: PeerComparison | None = None,
) -> str:
    """The Markdown report of ``assessment`` in ``lang``.

    ``chart`` is Markdown put under the dimension table (an image link to the chart file);
    ``peers`` adds the "you versus your peers" section.
    """
    from commkit.core.scoring import assessment_breakdown, checklist_for_ref

    checklist = checklist_for_ref(pack, assessment.checklist.id)
    info = assessment_breakdown(checklist, assessment)
    return report_markdown(
        assessment,
        checklist,
        info,
        lang,
        roadmap=pack.roadmap,
        template_dirs=pack.template_dirs,
        chart=chart,
        peers=peers,
    )


def report_markdown(
    assessment: Assessment,
    checklist: Checklist,
    info: Breakdown,
    lang: str,
    *,
    roadmap: RoadmapLike,
    template_dirs: Iterable[Path | str] = (),
    chart: str | None = None,
    peers: PeerComparison | None = None,
) -> str:
    """:func:`assessment_markdown` from the parts it reads (see :func:`render_report_files`):
    the assessment, its checklist, the breakdown it was scored with, the pack's roadmap and
    template folders (a pack's own ``assessment.md.j2`` goes through Jinja2)."""
    from commkit.render.report_md import has_own_template, report_lines, tidy, tidy_lines

    t = template_labels(lang)
    compared = peers_view(checklist, assessment, peers, lang)
    dirs = list(template_dirs)
    own = has_own_template(dirs, TEMPLATE)
    if compared is None and not own:
        # the built-in template, as plain Python written straight from the assessment
        from commkit.render import report_direct

        chunks = report_direct.report_chunks(
            assessment, checklist, info, lang, t, roadmap=roadmap, chart=chart
        )
        if chunks is not None:
            return tidy_lines(chunks)
    view = build_view(None, checklist, assessment, lang, info=info, roadmap=roadmap)
    view["chart"] = chart
    view["peers"] = compared
    if own:
        from commkit.render.templating import render_template

        return tidy(str(render_template(dirs, TEMPLATE, {"view": view, "t": dict(t)})))
    # the built-in template, as plain Python (the same text, much faster)
    return tidy_lines(report_lines(view, t))


def render_report_files(
    assessment: Any,
    checklist: Any,
    info: Breakdown,
    lang: str,
    *,
    actions: Sequence[Any],
    template_dirs: Iterable[Path | str] = (),
    chart: str | None = None,
) -> tuple[str, str]:
    """The result file (YAML) and the report (Markdown) of one assessment, as
    :meth:`commkit.api.AssessmentWriter.render` writes them, byte for byte; from plain
    objects this imports no pydantic (a warm command's way).

    Every argument is read by its attributes only, so the models and plain objects with the
    same attributes give the same bytes (tests compare them on every example and on
    generated answers, in both languages):

    - ``assessment``: ``kind``, ``version``, ``checklist`` (``id``, ``version``, ``hash``),
      ``community`` (``name``, ``slug``, ``region``, ``formalised``, ``new``, ``founded``:
      ``None`` when not given), ``date`` (a ``datetime.date``), ``language``, ``rater``
      (``None``, or ``name``, ``role``), ``answers`` (question id -> an object with
      ``status``, ``value``, ``note``), ``result`` (a
      :class:`commkit.core.plain.PlainResult` or the model, ``actions`` filled in), ``team``
      (``None``: a team's report needs the models). The community's ``slug`` as
      :func:`commkit.core.scoring.assess` sets it.
    - ``checklist``: the checklist the answers were scored against (what the engine reads,
      plus the texts a report shows: titles, question texts, option labels, stages'
      meaning, focus and descriptors).
    - ``info``: the :class:`~commkit.core.scoring.Breakdown` that ``breakdown()`` made for
      these answers (its ``plain`` result is ``assessment.result``).
    - ``actions``: the roadmap's actions (``id`` and ``title`` are read: the models, or
      :func:`commkit.core.plain.plain_actions` of the roadmap's data).
    - ``template_dirs``: the pack's template folders (``ContentPack.template_dirs``); a pack
      with its own ``assessment.md.j2`` is rendered by Jinja2 from the same view.
    - ``chart``: Markdown under the dimension table (an image link), as
      :func:`commkit.api.render_assessment_markdown` makes it.

    ``lang`` is the report's language (:func:`commkit.i18n.resolve_lang` of the caller's
    choice and ``assessment.language``). Returns ``(yaml_text, markdown_text)``.
    """
    markdown = report_markdown(
        assessment,
        checklist,
        info,
        lang,
        roadmap=_roadmap_of(actions),
        template_dirs=template_dirs,
        chart=chart,
    )
    return assessment_yaml(assessment), markdown


class _Actions:
    """A roadmap as the report reads it: its actions."""

    __slots__ = ("__weakref__", "actions")

    def __init__(self, actions: Sequence[Any]) -> None:
        self.actions = actions


_ROADMAPS: dict[int, _Actions] = {}
"""The roadmaps made for the last few lists of actions (each holds its list, so the id stays
its own): a batch gives the same list for every file, whose titles are then put in words
once (content is not changed once loaded)."""


def _roadmap_of(actions: Sequence[Any]) -> _Actions:
    """The roadmap of ``actions``, the same object for the same list."""
    known = _ROADMAPS.get(id(actions))
    if known is not None and known.actions is actions:
        return known
    if len(_ROADMAPS) >= 8:
        _ROADMAPS.clear()
    made = _ROADMAPS[id(actions)] = _Actions(actions)
    return made


def peers_view(
    checklist: Checklist, assessment: Assessment, peers: PeerComparison | None, lang: str
) -> dict[str, Any] | None:
    """The peer comparison as plain strings (``None`` when there is none to show)."""
    from commkit.render.data_labels import data_labels

    if peers is None or not peers.dimensions:
        return None
    x = data_labels(lang)
    titles = {d.id: tr(d.title, lang) for d in checklist.dimensions}
    stages = {s.id: tr(s.title, lang) for s in checklist.stages}
    intro = x["peers_intro_named" if peers.names is not None else "peers_intro"]
    return {
        "intro": intro.format(count=peers.peers, stage=stages.get(peers.stage, peers.stage)),
        "rows": [
            {
                "title": titles.get(d.id, d.id),
                "score": fmt_score(d.score),
                "median": fmt_score(d.median),
                "q1": fmt_score(d.q1),
                "q3": fmt_score(d.q3),
                "where": x[f"peers_{d.position}"],
            }
            for d in peers.dimensions
        ],
        "names": ", ".join(sorted(tr(n, lang) for n in peers.names))
        if peers.names is not None
        else None,
    }


# ---------------------------------------------------------------- YAML files


def _answers_data(answers: Mapping[str, Any]) -> dict[str, Any]:
    """Answers in their shortest form: ``q: 4`` unless there is a status, a note or a text
    in several languages (``q: {en: ..}`` would read as the answer's own keys); else what
    the ``Answer`` model's ``model_dump(mode="json", exclude_none=True,
    exclude_defaults=True)`` gives, read from the attributes (a model or a plain answer)."""
    out: dict[str, Any] = {}
    for qid, answer in answers.items():
        status, value, note = answer.status, answer.value, answer.note
        if status == "answered" and not note and not isinstance(value, dict):
            out[qid] = value
            continue
        entry: dict[str, Any] = {}
        if status != "answered":
            entry["status"] = status
        if value is not None:
            entry["value"] = _copied(value)
        if note is not None:
            entry["note"] = _copied(note)
        out[qid] = entry
    return out


def _copied(value: Any) -> Any:
    """A dictionary or list copied (as a dump copies it: the writer refuses data that holds
    one object twice), anything else as it is."""
    kind = type(value)
    return dict(value) if kind is dict else list(value) if kind is list else value


ASSESSMENT_FIELDS = (
    "version",
    "kind",
    "checklist",
    "community",
    "date",
    "language",
    "rater",
    "answers",
    "result",
    "team",
)
"""The fields of the ``Assessment`` model that :func:`assessment_data` writes, in its order
(a test holds them to the model's)."""
COMMUNITY_FIELDS = ("name", "slug", "region", "formalised", "new", "founded")
"""The fields of ``CommunityRef``, in its order (a test holds them to the model's)."""


def assessment_data(
    assessment: Any, *, answers: bool = True, result: bool = True
) -> dict[str, Any]:
    """What :func:`to_yaml` writes of an assessment, read from its attributes alone: the
    ``Assessment`` model and a plain object with the same attributes (the result as
    :mod:`commkit.core.plain` makes it) give the same data, which is :func:`yaml_data`'s
    (``model_dump(mode="json", exclude_none=True)``, ``kind`` and ``version`` first, the
    answers in their shortest form, recommendations without their texts). A team summary
    is dumped by its model."""
    ref = assessment.checklist
    checklist = {"id": ref.id, "version": ref.version}
    if ref.hash is not None:
        checklist["hash"] = ref.hash
    community = assessment.community
    about = {}
    for name in COMMUNITY_FIELDS:
        value = getattr(community, name)
        if value is not None:
            about[name] = _copied(value)
    out: dict[str, Any] = {
        "kind": assessment.kind,
        "version": assessment.version,
        "checklist": checklist,
        "community": about,
        "date": assessment.date.isoformat(),
        "language": assessment.language,
    }
    rater = assessment.rater
    if rater is not None:
        out["rater"] = {"name": rater.name}
        if rater.role is not None:
            out["rater"]["role"] = _copied(rater.role)
    if answers:
        out["answers"] = _answers_data(assessment.answers)
    if result:
        out["result"] = result_data(assessment.result)
    if assessment.team is not None:
        out["team"] = assessment.team.model_dump(mode="json", exclude_none=True)
    return out


def result_data(result: Any) -> dict[str, Any]:
    """An assessment's result as :func:`assessment_data` writes it (no empty fields, no
    recommendation texts), from an ``AssessmentResult`` or a plain result."""
    out: dict[str, Any] = {"overall": result.overall, "stage": result.stage}
    if result.next_stage is not None:
        out["next_stage"] = result.next_stage
    dimensions = []
    for d in result.dimensions:
        row = {"id": d.id}
        if d.score is not None:
            row["score"] = d.score
        row["answered"] = d.answered
        row["dont_know"] = d.dont_know
        row["not_applicable"] = d.not_applicable
        row["unanswered"] = d.unanswered
        dimensions.append(row)
    out["dimensions"] = dimensions
    out["strengths"] = list(result.strengths)
    out["gaps"] = list(result.gaps)
    out["recommendations"] = [
        {"question": r.question, "dimension": r.dimension} for r in result.recommendations
    ]
    out["actions"] = list(result.actions)
    out["open_questions"] = list(result.open_questions)
    out["held_back_by"] = list(result.held_back_by)
    return out


_answer_lines: dict[tuple[Any, ...], str] = {}
"""An answer's lines in a result file (``  q: 4``, ``  q:\n    status: dont_know``) by
question, type and value (and status and note)."""
_KEPT_KINDS = frozenset((type(None), str, int, bool))
"""The types of value an answer's remembered text is kept by, with a float unless zero
(``-0.0`` equals ``0.0`` but is written apart); a mapping would need more."""


def answer_key(qid: str, answer: Any) -> tuple[Any, ...]:
    """What an answer's remembered text (its result-file lines, its ``--json`` piece) is
    kept by: its question, status, value's type and value, and note; ``()`` for an answer
    whose text is not remembered (a mapping, a zero float, a note that is not text)."""
    value, note = answer.value, answer.note
    kind = type(value)
    if note is None and (kind in _KEPT_KINDS or (kind is float and value)):
        return (qid, answer.status, kind, value)
    if kind is list and note is None and all(type(v) is str for v in value):
        return (qid, answer.status, kind, *value)
    if type(note) is str and (kind in _KEPT_KINDS or (kind is float and value)):
        return (qid, answer.status, kind, value, note)
    return ()


_dimension_items: dict[tuple[Any, ...], str] = {}
"""A dimension's item in a result file by its id, score and counts."""
_recommendation_items: dict[tuple[str, str], str] = {}
_COUNTS = ("answered", "dont_know", "not_applicable", "unanswered")
"""A recommendation's item in a result file by its question and dimension."""


def assessment_yaml(assessment: Any) -> str:
    """:func:`to_yaml` of an assessment (the model or plain objects with its attributes),
    piece by piece: an answer's line, a dimension's and a recommendation's item are
    remembered (a batch writes the same few thousand again and again), the rest is written
    by :mod:`commkit.render.plain_yaml` as :func:`to_yaml` writes it; anything unusual (a
    team, text the plain writer leaves to PyYAML) goes the whole way through
    :func:`assessment_data`. The text is the same either way (tests compare them)."""
    from commkit.render import plain_yaml

    whole = None if assessment.team is None else assessment_data(assessment)
    parts: list[str] = []
    add = parts.append
    if whole is None:
        data = assessment_data(assessment, answers=False, result=False)
        head = plain_yaml.dump(data)
        if head is None:
            whole = assessment_data(assessment)
        else:
            add(head)
    if (
        whole is None
        and _answers_yaml(assessment.answers, add)
        and _result_yaml(assessment.result, add)
    ):
        return "".join(parts)
    return yaml_text(whole if whole is not None else assessment_data(assessment))


def _answers_yaml(answers: Mapping[str, Any], add: Callable[[str], None]) -> bool:
    """``answers:`` and an answer a line (``False``: something the plain writer leaves to
    PyYAML)."""
    from commkit.render import plain_yaml

    if not answers:
        add("answers: {}\n")
        return True
    known = _answer_lines
    lines = ["answers:\n"]
    put = lines.append
    for qid, answer in answers.items():
        key = answer_key(qid, answer)
        line = known.get(key) if key else None
        if line is None:
            line = plain_yaml.block(_answers_data({qid: answer}), 2)
            if line is None:
                return False
            if key and len(known) < 50_000 and len(line) <= 1_000 and line.count("\n") <= 8:
                known[key] = line
        put(line)
    add("".join(lines))
    return True


_result_pieces: dict[tuple[Any, ...], str] = {}
"""Pieces of a result file's ``result:`` by what they hold: its head (score and stages) and
its lists of ids (strengths, gaps, actions, open questions, gates)."""


def _result_piece(key: tuple[Any, ...], data: dict[str, Any], keep: bool) -> str | None:
    """``plain_yaml.block(data, 2)``, remembered by ``key`` when ``keep``."""
    from commkit.render import plain_yaml

    known = _result_pieces
    piece = known.get(key) if keep else None
    if piece is None:
        piece = plain_yaml.block(data, 2)
        if piece is not None and keep and len(known) < 5_000 and len(piece) <= 2_000:
            known[key] = piece
    return piece


def _ids_piece(name: str, items: list[Any]) -> str | None:
    """``name:`` and its list of ids, at the result's indent (remembered: lists of strings)."""
    key = (name, *items)
    return _result_piece(key, {name: list(items)}, all(type(i) is str for i in items))


def _result_yaml(result: Any, add: Callable[[str], None]) -> bool:
    """``result:`` with its fields (``False``: something the plain writer leaves to
    PyYAML)."""
    from commkit.render import plain_yaml

    overall, stage, next_stage = result.overall, result.stage, result.next_stage
    head: dict[str, Any] = {"overall": overall, "stage": stage}
    if next_stage is not None:
        head["next_stage"] = next_stage
    keep = type(stage) is str and (next_stage is None or type(next_stage) is str)
    keep = keep and (type(overall) is int or (type(overall) is float and bool(overall)))
    lines = _result_piece(("head", type(overall), overall, stage, next_stage), head, keep)
    if lines is None:
        return False
    add("result:\n")
    add(lines)
    if not result.dimensions:
        add("  dimensions: []\n")
    else:
        add("  dimensions:\n")
        known = _dimension_items
        for d in result.dimensions:
            score = d.score
            remembered = score is None or (type(score) is float and score) or type(score) is int
            counts = (d.answered, d.dont_know, d.not_applicable, d.unanswered)
            key = (d.id, type(score), score, *counts)
            block = known.get(key) if remembered else None
            if block is None:
                row: dict[str, Any] = {"id": d.id}
                if score is not None:
                    row["score"] = score
                row.update(zip(_COUNTS, counts, strict=True))
                block = plain_yaml.item(row, 2)
                if block is None:
                    return False
                if remembered and len(known) < 20_000:
                    known[key] = block
            add(block)
    for name in ("strengths", "gaps"):
        lines = _ids_piece(name, getattr(result, name))
        if lines is None:
            return False
        add(lines)
    if not result.recommendations:
        add("  recommendations: []\n")
    else:
        add("  recommendations:\n")
        said = _recommendation_items
        for r in result.recommendations:
            pair = (r.question, r.dimension)
            block = said.get(pair)
            if block is None:
                block = plain_yaml.item({"question": r.question, "dimension": r.dimension}, 2)
                if block is None:
                    return False
                if len(said) < 20_000:
                    said[pair] = block
            add(block)
    for name in ("actions", "open_questions", "held_back_by"):
        lines = _ids_piece(name, getattr(result, name))
        if lines is None:
            return False
        add(lines)
    return True


def to_yaml(model: Any, *, fast: bool = False) -> str:
    """An answers, draft or assessment model as readable, deterministic YAML.

    Plain data goes through :mod:`commkit.render.plain_yaml` (the same bytes as PyYAML's
    SafeDumper, many times faster); the rest through :mod:`commkit.render.yaml_emit`
    (libyaml's emitter wherever its bytes are PyYAML's), where ``fast`` (bulk imports) takes
    libyaml's folding of long escaped strings too.
    """
    if not fast and getattr(model, "kind", None) == "assessment":
        return assessment_yaml(model)
    return yaml_text(yaml_data(model), fast=fast)


def yaml_data(model: Any) -> dict[str, Any]:
    """What :func:`to_yaml` writes of ``model``, as data: ``kind`` and ``version`` first,
    no empty fields, answers in their shortest form."""
    if getattr(model, "kind", None) == "assessment":
        return assessment_data(model)
    fields = type(model).model_fields
    # the answers are written from the models (not dumped twice); a recommendation's text is
    # the pack's, in the report's language, never stored
    skip: dict[str, Any] = {"answers": True} if "answers" in fields else {}
    if "result" in fields:
        skip["result"] = {"recommendations": {"__all__": {"text"}}}
    data = model.model_dump(mode="json", exclude_none=True, exclude=skip or None)
    out = {k: data.pop(k) for k in ("kind", "version") if k in data}
    for name in fields:
        if name == "answers":
            if model.answers is not None:
                out["answers"] = _answers_data(model.answers)
        elif name in data:
            out[name] = data.pop(name)
    out.update(data)
    return out


def yaml_text(data: dict[str, Any], *, fast: bool = False) -> str:
    """``data`` (as :func:`yaml_data` makes it) as the YAML text :func:`to_yaml` writes."""
    from commkit.render import plain_yaml

    text = plain_yaml.dump(data)
    if text is not None:
        return text
    from commkit.render.yaml_emit import dump_yaml  # PyYAML: only for what needs it

    return dump_yaml(data, fast=fast)

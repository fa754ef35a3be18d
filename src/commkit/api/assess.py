"""Assessments: score answers, explain the numbers, summarise, write the reports.

:func:`assess` checks answers before it scores them (see :mod:`commkit.api.answers`), so a
script cannot score a file the CLI refuses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypedDict, Unpack

from commkit.api._common import PathLike, content, require
from commkit.api.answers import CheckedAnswers, check_answers, read_answers, with_slug
from commkit.i18n import resolve_lang

if TYPE_CHECKING:
    from commkit.core.peers import PeerComparison, PeerPool
    from commkit.errors import Diagnostic
    from commkit.fsutil import StrPath
    from commkit.model.answers import Answers, Assessment
    from commkit.model.checklist import Checklist
    from commkit.model.pack import ContentPack
    from commkit.model.workspace_loader import Workspace


def assess(
    answers: Answers | CheckedAnswers | PathLike,
    *,
    pack: ContentPack | None = None,
    today: dt.date | None = None,
    slug: str | None = None,
) -> Assessment:
    """Score answers against their checklist: stage, dimension scores, strengths, gaps,
    recommendations and the roadmap actions they call for.

    ``answers`` is an answers file, a model (checked first, like a file) or what
    :func:`~commkit.api.read_answers` returned (whose warnings the caller shows). Bad
    answers raise :class:`commkit.errors.ContentError` with file, line and field. ``slug``
    names the community's files instead of the answers' own; ``today`` is the assessment's
    date (default: the answers' date, else today).
    """
    from commkit.core.scoring import assess as _assess

    pack = content(pack)
    if isinstance(answers, str | Path):
        answers = read_answers(answers, pack=pack)
    elif not isinstance(answers, CheckedAnswers):
        answers = check_answers(answers, pack=pack)
    return _assess(pack, with_slug(answers.answers, slug), today)


def checklist_of(answers: Answers, pack: ContentPack | None = None) -> Checklist:
    """The checklist the answers were given to (the pack's default when it is not there)."""
    from commkit.core.scoring import checklist_for

    return checklist_for(content(pack), answers)


def checklist_hash(checklist: Checklist) -> str:
    """The content hash an answers file records, to notice a checklist edited since."""
    from commkit.core.scoring import checklist_hash as _hash

    return _hash(checklist)


def draft_problems(draft: Answers, *, pack: ContentPack | None = None) -> list[Diagnostic]:
    """What is wrong with a draft being resumed (nothing is required yet): shown, never
    fatal, because the wizard asks the questions again."""
    from commkit.core.scoring import check_answers as _check

    return _check(checklist_of(draft, pack), draft, None, require_complete=False)


def explain(
    answers: Answers,
    *,
    pack: ContentPack | None = None,
    lang: str = "en",
    on: dt.date | None = None,
) -> list[str]:
    """How every number of the assessment came about, one line each (``--explain``): each
    question (in words, as the stage lines name it) with its value and weight, each
    dimension's sum, the overall score, every stage's threshold and gates. ``on``: the
    assessment's date, which sets a young community's age (its 12-month counts are scaled
    exactly as the score scales them)."""
    from commkit.core.scoring import breakdown, months_active
    from commkit.i18n import number, score, section
    from commkit.model.common import tr
    from commkit.render.report import gate_text, question_words, value_text

    m = section("wizard", lang)
    checklist = checklist_of(answers, pack)
    months = months_active(answers.community.founded, on or answers.date or dt.date.today())
    info = breakdown(checklist, answers.answers, lang=lang, months=months)
    questions = {q.id: q for q in checklist.questions}
    dims = {d.id: tr(d.title, lang) for d in checklist.dimensions}
    stages = {s.id: tr(s.title, lang) for s in checklist.stages}
    lines = [m["explain_title"]]
    for line in info.questions:
        if line.status == "answered" and line.normalised is not None:
            value = value_text(questions[line.question], line.value, lang, scale_words=False)
            lines.append(
                "  "
                + m["explain_q_scored"].format(
                    question=question_words(questions[line.question], lang),
                    value=value,
                    norm=number(line.normalised, lang, 3),
                    weight=_g(line.weight, lang),
                )
            )
        else:
            status = m[f"status_{line.status}"]
            said = question_words(questions[line.question], lang)
            lines.append("  " + m["explain_question"].format(question=said, status=status))
    for d in info.dimensions:
        if d.score is None:
            lines.append("  " + m["explain_dim_none"].format(dim=dims.get(d.id, d.id)))
        else:
            lines.append(
                "  "
                + m["explain_dim"].format(
                    dim=dims.get(d.id, d.id),
                    ws=number(d.weighted_sum, lang, 3),
                    w=_g(d.weight_sum, lang),
                    score=score(d.score, lang),
                )
            )
    scored = sum(1 for d in info.dimensions if d.score is not None)
    lines.append("  " + m["explain_overall"].format(n=scored, score=score(info.overall, lang)))
    for step in info.stage_steps:
        stage = stages.get(step.stage, step.stage)
        least = number(step.min_score, lang)
        if step.reached:
            lines.append("  " + m["explain_stage_ok"].format(stage=stage, min=least))
        elif not step.score_ok:
            overall = score(info.overall, lang)
            lines.append(
                "  " + m["explain_stage_low"].format(stage=stage, min=least, overall=overall)
            )
        else:
            lines.append("  " + m["explain_stage_gate"].format(stage=stage, min=least))
            lines.extend("    • " + gate_text(checklist, c, lang) for c in step.failed_conditions)
    lines.append("  " + m["explain_target"].format(target=number(info.target, lang)))
    return lines


def _g(value: float, lang: str) -> str:
    """A weight as short as it goes (``1``, ``0.25``), with a decimal comma in Russian."""
    from commkit.i18n import norm

    text = f"{value:g}"
    return text.replace(".", ",") if norm(lang) == "ru" else text


@dataclass
class DimensionRow:
    """One line of the summary table."""

    title: str
    score: str
    bar: str
    answered: str
    tone: str
    """``none`` (not scored), ``strength``, ``gap`` (one of the three largest) or ``other``."""


@dataclass
class AssessmentSummary:
    """The final screen of ``assess`` as text: dimensions with bars, the stage and what it
    means, what holds it back, the largest gaps. The CLI only lays it out."""

    name: str
    dimensions: list[DimensionRow]
    overall: str
    overall_bar: str
    stage: str
    meaning: str | None
    focus: str | None
    next_stage: tuple[str, str] | None
    """The next stage's title and its minimum score, or ``None`` at the top stage."""
    held_back: list[str]
    gaps: list[str]
    open_questions: int


def assessment_summary(
    assessment: Assessment, *, pack: ContentPack | None = None, lang: str = "en"
) -> AssessmentSummary:
    """What the terminal shows after an assessment, in ``lang``."""
    from commkit.core.scoring import checklist_for_ref

    return summary_of(assessment, checklist_for_ref(content(pack), assessment.checklist.id), lang)


def summary_of(assessment: Any, checklist: Any, lang: str) -> AssessmentSummary:
    """:func:`assessment_summary` from the assessment and its checklist, read by their
    attributes only: the models or the plain objects of a warm run give the same screen."""
    from commkit.i18n.text_pick import tr
    from commkit.render.report import bar, fmt_score, held_back_for

    result = assessment.result
    dims = {d.id: d for d in checklist.dimensions}
    stages = {s.id: s for s in checklist.stages}
    rows = []
    for d in result.dimensions:
        tone = (
            "none"
            if d.score is None
            else "strength"
            if d.id in result.strengths
            else "gap"
            if d.id in result.gaps[:3]
            else "other"
        )
        total = d.answered + d.dont_know + d.not_applicable + d.unanswered
        title = tr(dims[d.id].title, lang) if d.id in dims else d.id
        rows.append(
            DimensionRow(
                title, fmt_score(d.score, lang), bar(d.score, 20), f"{d.answered}/{total}", tone
            )
        )
    stage = stages.get(result.stage)
    nxt = stages.get(result.next_stage) if result.next_stage else None
    scores = {d.id: d.score for d in result.dimensions}
    return AssessmentSummary(
        name=tr(assessment.community.name, lang),
        dimensions=rows,
        overall=fmt_score(result.overall, lang),
        overall_bar=bar(result.overall, 20),
        stage=tr(stage.title, lang) if stage else result.stage,
        meaning=tr(stage.meaning, lang) if stage else None,
        focus=tr(stage.focus, lang) if stage else None,
        next_stage=(tr(nxt.title, lang), f"{nxt.min_score:g}") if nxt is not None else None,
        held_back=held_back_for(checklist, assessment, lang),
        gaps=[
            f"{tr(dims[g].title, lang) if g in dims else g} ({fmt_score(scores[g], lang)})"
            for g in result.gaps[:3]
        ],
        open_questions=len(result.open_questions),
    )


class AssessmentWriter:
    """Writes each assessment as a report (Markdown) and a result (YAML, what ``plan`` and
    ``map`` read): ``<out>/<slug>-assessment-<date>.md|yaml``, or with a workspace
    ``<workspace>/assessments/<slug>/<date>.md|yaml``; with ``charts`` an SVG of the scores,
    with ``html`` a self-contained page, with a workspace "you versus your peers" (unless
    ``peers=False``).

    Refuses to overwrite without ``force`` (checking every file before writing any), and
    refuses two assessments of one run that would land in the same files.
    """

    def __init__(
        self,
        *,
        pack: ContentPack | None = None,
        out: PathLike = ".",
        workspace: PathLike | None = None,
        force: bool = False,
        charts: bool = False,
        html: bool = False,
        named: bool = False,
        peers: bool = True,
    ) -> None:
        self.pack = content(pack)
        self.out = Path(out)
        self.workspace = Path(workspace) if workspace is not None else None
        self.force = force
        self.charts = charts
        self.html = html
        self.named = named
        self.compare = peers
        self.written: dict[str, str] = {}
        """The report of each assessment written in this run (its path as text: a batch of
        10,000 keeps 10,000 of them) and the answers file it came from."""
        self._pool: PeerPool | None = None

    def targets(self, slug: str, day: str) -> tuple[Path, Path]:
        """The report and the result file of one community on one day."""
        from commkit.fsutil import safe_child

        if self.workspace is not None:
            folder = safe_child(self.workspace, "assessments", slug)
            return safe_child(folder, f"{day}.md"), safe_child(folder, f"{day}.yaml")
        return (
            safe_child(self.out, f"{slug}-assessment-{day}.md"),
            safe_child(self.out, f"{slug}-assessment-{day}.yaml"),
        )

    def refuse_existing(
        self, answers: Answers, *, slug: str | None = None, day: dt.date | None = None
    ) -> None:
        """Refuse before a wizard asks anything when the files its answers would make exist
        (``slug`` and ``day``: the run's own, else the answers')."""
        from commkit.errors import OutputExistsError
        from commkit.fsutil import slugify

        if self.force:
            return
        slug = slug or answers.community.slug or slugify(answers.community.name)
        when = day or answers.date or dt.date.today()
        for path in self.targets(slug, when.isoformat()):
            if path.exists():
                raise OutputExistsError(
                    f"{path} already exists (use --force to overwrite it, or --date or --out)"
                )

    def peers(self, assessment: Assessment) -> PeerComparison | None:
        """ "You versus your peers" when storing in a workspace (its assessments read once)."""
        pool = self.peer_pool_now()
        return None if pool is None else compare_with_peers(pool, assessment, named=self.named)

    def peer_pool_now(self) -> PeerPool | None:
        """The peers of this writer's workspace, read now (a batch reads them before it
        writes any file, as a run in one process does), or ``None`` without a workspace."""
        if self.workspace is None or not self.compare:
            return None
        if self._pool is None:
            self._pool = peer_pool(self.workspace)
        return self._pool

    def use_peer_pool(self, pool: PeerPool | None) -> None:
        """Compare with these peers (read by the run that started this worker)."""
        self._pool = pool

    def write(
        self, assessment: Assessment, *, lang: str = "en", source: str = "the wizard"
    ) -> dict[str, str]:
        """Render and write one assessment; returns its files by role (``markdown``,
        ``yaml``, ``chart``, ``html``). ``source`` names it in the duplicate message."""
        return self.store(self.render(assessment, lang=lang), source=source)

    def render(self, assessment: Assessment, *, lang: str = "en") -> RenderedAssessment:
        """The files of one assessment as text, nothing written yet (a batch's worker
        processes render; the run that started them stores, in order)."""
        from commkit.fsutil import slugify
        from commkit.render.report import to_yaml

        slug = assessment.community.slug or slugify(assessment.community.name)
        md_path, yaml_path = self.targets(slug, assessment.date.isoformat())
        chart_path = md_path.with_name(f"{md_path.stem}-scores.svg") if self.charts else None
        html_path = md_path.with_suffix(".html") if self.html else None
        options = ReportOptions(pack=self.pack, peers=self.peers(assessment))
        chart = chart_path.name if chart_path else None
        markdown = render_assessment_markdown(assessment, lang, chart=chart, **options)
        files: list[tuple[str, Path, str | bytes]] = [
            ("yaml", yaml_path, to_yaml(assessment)),
            ("markdown", md_path, markdown),
        ]
        if chart_path is not None:
            svg = render_assessment_chart(assessment, lang, **options)
            files.append(("chart", chart_path, svg))
        if html_path is not None:
            page = render_assessment_html(assessment, lang, **options)
            files.append(("html", html_path, page))
        return RenderedAssessment(files)

    def store(self, rendered: RenderedAssessment, *, source: str = "the wizard") -> dict[str, str]:
        """Write what :meth:`render` made, refusing a file this run already wrote (from
        another answers file: ``source`` names this one) or one that exists, unless
        ``force``; returns the files by role."""
        from commkit.fsutil import atomic_write_text

        files = self._claim(rendered, source)
        for role, path, text in rendered.files:
            # One fsync per answers file: the YAML (the data); the files derived from it
            # are still written atomically (temp file + rename), never half-written.
            atomic_write_text(path, text, force=self.force, fsync=role == "yaml")
        self.written[files["markdown"]] = source
        return files

    def stage(
        self, rendered: RenderedAssessment, *, source: str
    ) -> tuple[dict[str, str], list[tuple[Path, Path]]]:
        """What :meth:`store` does, up to the files' names: the same refusals, the files
        written under temporary names and not flushed (a batch publishes many at once with
        :func:`commkit.fsutil.publish_groups`). Returns the files by role and the
        ``(temp, target)`` pairs; :meth:`unclaim` if they are never published."""
        from commkit.fsutil import stage_text

        files = self._claim(rendered, source)
        staged: list[tuple[Path, Path]] = []
        try:
            for _, path, text in rendered.files:
                staged.append((stage_text(path, text), path))
        except BaseException:
            for tmp, _ in staged:
                tmp.unlink(missing_ok=True)
            raise
        self.written[files["markdown"]] = source
        return files, staged

    def claim(self, paths: Mapping[str, StrPath], *, source: str) -> dict[str, str]:
        """What :meth:`stage` does for files already written under temporary names (by a
        batch's worker process): the same refusals, the files claimed for this run. Takes
        the target paths by role; returns the files by role."""
        files = self._claim(paths, source)
        self.written[files["markdown"]] = source
        return files

    def unclaim(self, files: dict[str, str]) -> None:
        """Forget files :meth:`stage` claimed for this run that were not published."""
        self.written.pop(files["markdown"], None)

    def _claim(
        self, rendered: RenderedAssessment | Mapping[str, StrPath], source: str
    ) -> dict[str, str]:
        """The files by role, refused if this run already wrote them (from another answers
        file: ``source`` names this one) or if one exists, unless ``force``."""
        from commkit.errors import OutputExistsError, UserError
        from commkit.fsutil import file_exists

        paths: Mapping[str, StrPath]
        if isinstance(rendered, RenderedAssessment):
            paths = {role: path for role, path, _ in rendered.files}
        else:
            paths = rendered
        md_path = paths["markdown"]
        earlier = self.written.get(str(md_path))
        if earlier is not None:
            raise UserError(
                f"{md_path} was already written in this run from {earlier}: "
                "two answers files give the same community and date (set a different "
                "community slug or date in one of them)"
            )
        order = ("markdown", "yaml", "chart", "html")
        if not self.force:
            for path in (paths[role] for role in order if role in paths):
                if file_exists(path):
                    raise OutputExistsError(f"{path} already exists (use --force to overwrite it)")
        return {role: str(paths[role]) for role in order if role in paths}


@dataclass
class RenderedAssessment:
    """The files of one assessment, rendered and not yet written: (role, path, text), the
    text as a string or in UTF-8 (a batch's one pass makes bytes)."""

    files: list[tuple[str, Path, str | bytes]]


def save_assessment(workspace: PathLike, assessment: Assessment, *, force: bool = False) -> Path:
    """Store an assessment as ``assessments/<slug>/<date>.yaml`` (what ``map`` reads)."""
    from commkit.fsutil import atomic_write_text, safe_child, slugify
    from commkit.model.workspace_loader import ASSESSMENTS_DIR
    from commkit.render.report import to_yaml

    root = Path(workspace)
    slug = assessment.community.slug or slugify(assessment.community.name)
    path = safe_child(root, ASSESSMENTS_DIR, slug, f"{assessment.date.isoformat()}.yaml")
    return atomic_write_text(path, to_yaml(assessment), force=force)


def assess_team(
    raters: Sequence[tuple[str, Answers]],
    *,
    pack: ContentPack | None = None,
    today: dt.date | None = None,
    anonymous: bool = False,
    lang: str = "en",
    slug: str | None = None,
) -> Assessment:
    """Merge the raters of one community (``(name, answers)`` pairs) and score the consensus.

    The result is an ordinary assessment (``plan`` takes it) whose ``team`` block holds the
    raters, the range of their own results and every question's merge (see
    :mod:`commkit.core.team` for the rules).
    """
    from commkit.core.scoring import assess as _assess
    from commkit.core.team import merge_answers
    from commkit.errors import UserError
    from commkit.i18n import text

    pack = content(pack)
    if not raters:
        raise UserError("a team assessment needs at least one answers file")
    merged = merge_answers(
        checklist_of(raters[0][1], pack),
        raters,
        lang=lang,
        anonymous=anonymous,
        anonymous_label=text("report.team_rater_n", lang),
    )
    assessment = _assess(pack, with_slug(merged.answers, slug), today)
    return assessment.model_copy(update={"team": merged.summary})


def rater_label(answers: Answers, fallback: str) -> str:
    """How a rater is named in a team report: the answers' rater, else the file's stem."""
    from commkit.core.team import rater_label as _label

    return _label(answers, fallback)


def team_raters_in_workspace(workspace: PathLike, slug: str) -> list[Path]:
    """The latest answers file of every rater of a community in ``answers/<slug>/``.

    Files are named ``<rater>-<date>.yaml`` by ``commkit answers import --workspace``; the
    newest date per rater wins.
    """
    from commkit.api.importing import ANSWERS_DIR
    from commkit.errors import UserError
    from commkit.fsutil import safe_child

    folder = safe_child(Path(workspace), ANSWERS_DIR, slug)
    if not folder.is_dir():
        raise UserError(
            f"no answers for {slug!r} in {folder} "
            "(import them with 'commkit answers import --workspace')"
        )
    latest: dict[str, Path] = {}
    for path in sorted(folder.iterdir()):
        if path.suffix not in (".yaml", ".yml", ".json") or path.name.startswith("."):
            continue
        stem = path.stem
        rater = stem[:-11] if len(stem) > 11 and stem[-11] == "-" else stem
        latest[rater] = path  # sorted: a later date replaces an earlier one
    if not latest:
        raise UserError(f"no answers files in {folder}")
    return [latest[k] for k in sorted(latest)]


def peer_pool(workspace: Workspace | PathLike) -> PeerPool:
    """The latest assessment of every community of a workspace, for peer comparisons
    (a folder with no assessments yet gives an empty pool)."""
    from commkit.core.peers import PeerPool
    from commkit.model.workspace_loader import Workspace

    ws = workspace if isinstance(workspace, Workspace) else Workspace(Path(workspace), None)
    return PeerPool.of(ws)


def compare_with_peers(
    pool: PeerPool, assessment: Assessment, *, named: bool = False
) -> PeerComparison | None:
    """ "You versus your peers": each dimension against the other communities at the same
    stage (median, quartiles), or ``None`` when fewer than five are there. Peers are named
    only with ``named``."""
    from commkit.fsutil import slugify

    slug = assessment.community.slug or slugify(assessment.community.name)
    return pool.compare(slug, assessment, named=named)


class ReportOptions(TypedDict, total=False):
    """What every rendering of an assessment's report takes beside it: the content pack
    (default: the built-in one) and ``peers``, which adds "you versus your peers"."""

    pack: ContentPack | None
    peers: PeerComparison | None


def render_assessment_markdown(
    assessment: Assessment,
    lang: str | None = None,
    *,
    chart: str | None = None,
    **options: Unpack[ReportOptions],
) -> str:
    """The self-identification report of an assessment as Markdown; ``chart`` is the file
    name of its chart (linked under the dimension table)."""
    from commkit.render.report import assessment_markdown

    lang = resolve_lang(lang, assessment.language)
    link = None
    if chart is not None:
        from commkit.render.data_labels import data_labels
        from commkit.render.text import md_inline

        link = f"![{md_inline(data_labels(lang)['chart_scores'])}](<{chart}>)"
    pack, peers = options.get("pack"), options.get("peers")
    return assessment_markdown(content(pack), assessment, lang, chart=link, peers=peers)


def render_assessment_chart(
    assessment: Assessment, lang: str = "en", **options: Unpack[ReportOptions]
) -> str:
    """SVG: the dimension scores with the next stage's threshold (and the peers' quartiles)."""
    return _drawn("chart", assessment, lang, options)


def render_assessment_html(
    assessment: Assessment, lang: str = "en", **options: Unpack[ReportOptions]
) -> str:
    """The report as one self-contained HTML page with its chart inline (prints on A4)."""
    return _drawn("page", assessment, lang, options)


def _drawn(
    what: Literal["chart", "page"], assessment: Assessment, lang: str, options: ReportOptions
) -> str:
    """The report's chart or its page: both drawn with matplotlib (an optional library)."""
    require("matplotlib", "matplotlib")
    from commkit.render.report_html import assessment_html, scores_chart

    draw = scores_chart if what == "chart" else assessment_html
    return draw(content(options.get("pack")), assessment, lang, options.get("peers"))

"""Answers and assessments: read and check answers, score them, write the reports.

Every rule about answers lives here (unknown questions, values that do not fit, required
questions, answers made for another checklist), so the CLI, the wizard and a script that
calls :func:`assess` refuse the same files with the same file:line:field messages.
"""

from __future__ import annotations

import datetime as dt
import warnings as _warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from commkit.errors import (
    AnswersWarning,
    ChecklistChangedWarning,
    CommkitWarning,
    Diagnostic,
    UserError,
)

if TYPE_CHECKING:
    from commkit.core.scoring import Breakdown
    from commkit.model.answers import Answers, Assessment
    from commkit.model.checklist import Checklist
    from commkit.model.loader import Document
    from commkit.model.pack import ContentPack

PathLike = str | Path
STDIN = "-"
"""The name that stands for standard input in a list of answers files."""


@dataclass
class CheckedAnswers:
    """Answers that passed every check, with the warnings they still carry."""

    answers: Answers
    warnings: list[CommkitWarning] = field(default_factory=list)


@dataclass
class PlanInput:
    """What ``plan`` starts from: an assessment (stored, or scored from answers)."""

    assessment: Assessment
    warnings: list[CommkitWarning] = field(default_factory=list)


def _pack(pack: ContentPack | None) -> ContentPack:
    from commkit.model.pack import load_pack

    return pack if pack is not None else load_pack(None)


def _document(path: Path, data: bytes | None) -> Document:
    from commkit.model.loader import decode_bytes, load_json_or_yaml_text, parse_file

    if data is not None:
        return load_json_or_yaml_text(decode_bytes(data, path), path)
    return parse_file(path)


def _kind_error(doc: Document, expected: tuple[str | None, ...], message: str) -> None:
    from commkit.errors import ContentError

    if isinstance(doc.data, dict) and doc.data.get("kind") not in expected:
        kind = doc.data.get("kind")
        where = ("kind",) if kind is not None else ()
        raise ContentError("", [doc.diagnostic(where, f"{message}, got {kind!r}")])


def checklist_of(answers: Answers, pack: ContentPack | None = None) -> Checklist:
    """The checklist the answers were given to (the pack's default when it is not there)."""
    from commkit.core.scoring import checklist_for

    return checklist_for(_pack(pack), answers)


def _checked(
    answers: Answers,
    doc: Document | None,
    pack: ContentPack,
    require_complete: bool,
) -> CheckedAnswers:
    from commkit.core.scoring import check_answers, checklist_for
    from commkit.errors import ContentError

    checklist = checklist_for(pack, answers)
    diags = check_answers(checklist, answers, doc, require_complete=require_complete)
    if any(d.severity == "error" for d in diags):
        raise ContentError("", diags)
    return CheckedAnswers(answers, [AnswersWarning.located(d) for d in diags])


def read_answers(
    path: PathLike,
    *,
    pack: ContentPack | None = None,
    data: bytes | None = None,
    require_complete: bool = True,
) -> CheckedAnswers:
    """Read an answers file (YAML or JSON) and check it against its checklist.

    ``data`` gives the file's bytes when they come from elsewhere (standard input), ``path``
    then only names them in messages. Raises :class:`commkit.errors.ContentError` naming
    file, line and field of every problem: unknown questions, values out of range or not
    among the options, required questions left open (unless ``require_complete=False``, as
    for a draft or a plan). Answers made for another checklist or version come back with
    an :class:`~commkit.errors.AnswersWarning`.
    """
    from commkit.model.answers import Answers
    from commkit.model.loader import forget_source, validate_document

    doc = _document(Path(path), data)
    try:
        _kind_error(doc, (None, "answers"), "expected 'kind: answers'")
        answers = validate_document(doc, Answers)
        return _checked(answers, doc, _pack(pack), require_complete)
    finally:  # the diagnostics hold their lines: a batch of files needs no cache
        forget_source(Path(path))


def check_answers(
    answers: Answers, *, pack: ContentPack | None = None, require_complete: bool = True
) -> CheckedAnswers:
    """The checks of :func:`read_answers` for answers built in memory (located by field)."""
    return _checked(answers, None, _pack(pack), require_complete)


def load_answers(path: PathLike, *, pack: ContentPack | None = None) -> Answers:
    """Read and check an answers file (see :func:`read_answers`); warnings are issued
    with :func:`warnings.warn`."""
    checked = read_answers(path, pack=pack)
    _issue(checked.warnings)
    return checked.answers


def load_assessment(path: PathLike) -> Assessment:
    """Read an assessment file (``kind: assessment``), errors located by file:line."""
    from commkit.model.answers import Assessment
    from commkit.model.loader import load_file

    assessment: Assessment = load_file(Path(path), Assessment)
    return assessment


def _issue(found: Iterable[CommkitWarning]) -> None:
    for warning in found:
        _warnings.warn(warning, stacklevel=3)


def check_slug(slug: str) -> str:
    """``slug`` when it can name a community's files; a :class:`UserError` otherwise."""
    from commkit.model.common import ID_RE

    if not ID_RE.match(slug):
        raise UserError(
            f"--community {slug!r} is not a valid slug: use lower-case "
            "latin letters, digits, '-', '_' or '.'"
        )
    return slug


def assess(
    answers: Answers | CheckedAnswers | PathLike,
    *,
    pack: ContentPack | None = None,
    today: dt.date | None = None,
    slug: str | None = None,
) -> Assessment:
    """Score answers against their checklist: stage, dimension scores, strengths, gaps,
    recommendations and the roadmap actions they call for.

    ``answers`` is an answers file, a model (checked first, like a file) or the result of
    :func:`read_answers`. Bad answers raise :class:`commkit.errors.ContentError`; warnings
    are issued with :func:`warnings.warn`. ``slug`` names the community's files instead of
    the slug in the answers; ``today`` is the assessment's date (default: the answers'
    date, else today).
    """
    from commkit.core.scoring import assess as _assess

    pack = _pack(pack)
    if isinstance(answers, str | Path):
        answers = read_answers(answers, pack=pack)
    elif not isinstance(answers, CheckedAnswers):
        answers = check_answers(answers, pack=pack)
    _issue(answers.warnings)
    model = answers.answers
    if slug is not None:
        community = model.community.model_copy(update={"slug": check_slug(slug)})
        model = model.model_copy(update={"community": community})
    return _assess(pack, model, today)


@dataclass
class Explanation:
    """Every number of an assessment and how it came about (``--explain``)."""

    breakdown: Breakdown
    values: dict[str, str]
    """Question id -> its scored value as a short, language-neutral text."""


def explain(
    answers: Answers, *, pack: ContentPack | None = None, lang: str | None = None
) -> Explanation:
    """Score ``answers`` keeping every intermediate number (texts such as recommendations
    in ``lang``, by default the answers' language)."""
    from commkit.core.scoring import breakdown, explain_value

    checklist = checklist_of(answers, pack)
    info = breakdown(checklist, answers.answers, lang=lang or answers.language)
    questions = {q.id: q for q in checklist.questions}
    values = {
        line.question: explain_value(questions[line.question], line.value)
        for line in info.questions
        if line.normalised is not None
    }
    return Explanation(info, values)


def checklist_hash(checklist: Checklist) -> str:
    """The content hash of a checklist (stored with answers and assessments, so that a
    later change of the checklist is noticed)."""
    from commkit.core.scoring import checklist_hash as _hash

    return _hash(checklist)


def draft_problems(draft: Answers, *, pack: ContentPack | None = None) -> list[Diagnostic]:
    """What is wrong with a wizard's draft so far (a draft may be incomplete), as
    diagnostics that the wizard shows before it goes on."""
    from commkit.core.scoring import check_answers as _check

    return _check(checklist_of(draft, pack), draft, None, require_complete=False)


def report_language(answers: Answers, lang: str | None) -> str:
    """The language of a report: the one chosen, else the answers' own (else English)."""
    if lang is not None:
        return lang
    return answers.language if answers.language in ("en", "ru") else "en"


def expand_answer_files(names: Iterable[str], *, one_community: bool = False) -> list[str]:
    """Answers file names with their globs expanded (in order, ``-`` kept for stdin).

    A glob that matches nothing, stdin named twice, or several files with
    ``one_community`` (a slug names one community) raise :class:`UserError`.
    """
    import glob

    files: list[str] = []
    for name in names:
        if name == STDIN or Path(name).exists() or not glob.has_magic(name):
            files.append(name)
            continue
        matches = sorted(glob.glob(name, recursive=True))
        if not matches:
            raise UserError(f"no file matches {name!r}")
        files.extend(matches)
    if files.count(STDIN) > 1:
        raise UserError("stdin ('-') can be read only once")
    if one_community and len(files) > 1:
        raise UserError("--community names one community: give one answers file with it")
    return files


@dataclass
class AssessmentFiles:
    """What :class:`AssessmentWriter` wrote for one assessment."""

    markdown: Path
    yaml: Path
    lang: str

    def as_dict(self) -> dict[str, str]:
        return {"markdown": str(self.markdown), "yaml": str(self.yaml)}


class AssessmentWriter:
    """Writes each assessment as a report (Markdown) and a result (YAML, what ``plan`` and
    ``map`` read): ``<out>/<slug>-assessment-<date>.md|yaml``, or with a workspace
    ``<workspace>/assessments/<slug>/<date>.md|yaml``.

    Refuses to overwrite without ``force`` (checking both files before writing either),
    and refuses two assessments of one run that would land in the same files.
    """

    def __init__(
        self,
        *,
        pack: ContentPack | None = None,
        out: PathLike = ".",
        workspace: PathLike | None = None,
        force: bool = False,
    ) -> None:
        self.pack = _pack(pack)
        self.out = Path(out)
        self.workspace = Path(workspace) if workspace is not None else None
        self.force = force
        self.written: dict[Path, str] = {}

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

    def write(
        self, assessment: Assessment, *, lang: str = "en", source: str = "the wizard"
    ) -> AssessmentFiles:
        """Render and write one assessment (``source`` names it in the duplicate message)."""
        from commkit.errors import OutputExistsError
        from commkit.fsutil import atomic_write_text, slugify
        from commkit.render.report import assessment_markdown, to_yaml

        slug = assessment.community.slug or slugify(assessment.community.name)
        md_path, yaml_path = self.targets(slug, assessment.date.isoformat())
        if md_path in self.written:
            raise UserError(
                f"{md_path} was already written in this run from {self.written[md_path]}: "
                "two answers files give the same community and date (set a different "
                "community slug or date in one of them)"
            )
        if not self.force:
            for path in (md_path, yaml_path):
                if path.exists():
                    raise OutputExistsError(f"{path} already exists (use --force to overwrite it)")
        markdown = assessment_markdown(self.pack, assessment, lang)
        atomic_write_text(yaml_path, to_yaml(assessment), force=self.force)
        # One fsync per answers file: the YAML (the data); the report derived from it is
        # still written atomically (temp file + rename).
        atomic_write_text(md_path, markdown, force=self.force, fsync=False)
        self.written[md_path] = source
        return AssessmentFiles(md_path, yaml_path, lang)


def save_assessment(workspace: PathLike, assessment: Assessment, *, force: bool = False) -> Path:
    """Store an assessment as ``assessments/<slug>/<date>.yaml`` (what ``map`` reads)."""
    from commkit.fsutil import atomic_write_text, safe_child, slugify
    from commkit.model.workspace_loader import ASSESSMENTS_DIR
    from commkit.render.report import to_yaml

    root = Path(workspace)
    slug = assessment.community.slug or slugify(assessment.community.name)
    path = safe_child(root, ASSESSMENTS_DIR, slug, f"{assessment.date.isoformat()}.yaml")
    return atomic_write_text(path, to_yaml(assessment), force=force)


def plan_input(
    path: PathLike, *, pack: ContentPack | None = None, today: dt.date | None = None
) -> PlanInput:
    """An assessment written by ``assess``, or an answers file scored on the fly (answers
    may be incomplete here). A stored assessment whose checklist changed since, or is not
    in the pack, comes with a :class:`~commkit.errors.ChecklistChangedWarning`: the plan
    uses the stored scores."""
    from commkit.core.scoring import assess as _assess
    from commkit.core.scoring import checklist_hash
    from commkit.model.answers import Answers, Assessment
    from commkit.model.loader import load_document

    pack = _pack(pack)
    path = Path(path)
    doc = _document(path, None)
    _kind_error(
        doc,
        ("assessment", "answers"),
        "expected an assessment (kind: assessment, written by 'commkit assess') "
        "or an answers file (kind: answers)",
    )
    model = load_document(doc)
    if isinstance(model, Answers):
        checked = _checked(model, doc, pack, require_complete=False)
        day = model.date or today or dt.date.today()
        return PlanInput(_assess(pack, model, day), list(checked.warnings))
    assert isinstance(model, Assessment)
    found: list[CommkitWarning] = []
    checklist = pack.checklists.get(model.checklist.id)
    if checklist is None:
        found.append(
            ChecklistChangedWarning(
                f"{path}: checklist {model.checklist.id!r} is not in the content pack"
            )
        )
    elif model.checklist.hash and model.checklist.hash != checklist_hash(checklist):
        found.append(
            ChecklistChangedWarning(
                f"{path}: the checklist has changed since this assessment "
                f"({model.checklist.hash} -> {checklist_hash(checklist)}); "
                "the plan uses the stored scores"
            )
        )
    return PlanInput(model, found)


def render_assessment_markdown(
    assessment: Assessment, lang: str = "en", *, pack: ContentPack | None = None
) -> str:
    """The self-identification report of an assessment as Markdown."""
    from commkit.render.report import assessment_markdown

    return assessment_markdown(_pack(pack), assessment, lang)

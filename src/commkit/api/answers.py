"""Answers: read them, check them against their checklist, name their files.

Every rule about answers lives here (unknown questions, values that do not fit, required
questions, answers made for another checklist), so the CLI, the wizard and a script that
calls :func:`commkit.api.assess` refuse the same files with the same file:line:field
messages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from commkit.api._common import PathLike, content
from commkit.errors import AnswersWarning, CommkitWarning, Diagnostic, UserError

if TYPE_CHECKING:
    from commkit.errors import DateWarning
    from commkit.model.answers import Answers, Assessment
    from commkit.model.loader import Document
    from commkit.model.pack import ContentPack
    from commkit.model.workspace_loader import Workspace

STDIN = "-"
"""The name that stands for standard input in a list of answers files."""

W = TypeVar("W", bound=CommkitWarning)


@dataclass
class CheckedAnswers:
    """Answers that passed every check, with the warnings they still carry."""

    answers: Answers
    warnings: list[CommkitWarning] = field(default_factory=list)


def as_warning(kind: type[W], diagnostic: Diagnostic) -> W:
    """A located problem as a warning of ``kind`` (same place, same message)."""
    values = {f.name: getattr(diagnostic, f.name) for f in fields(Diagnostic)}
    values["severity"] = "warning"
    return kind(**values)


def document(path: Path, data: bytes | None = None) -> Document:
    """A parsed file (``data``: its bytes when they come from elsewhere, as from stdin)."""
    from commkit.model.loader import decode_bytes, load_json_or_yaml_text, parse_file

    if data is not None:
        return load_json_or_yaml_text(decode_bytes(data, path), path)
    return parse_file(path)


def refuse_kind(doc: Document, expected: tuple[str | None, ...], message: str) -> None:
    """A located error when the file's ``kind:`` is not one this reader takes."""
    from commkit.errors import ContentError

    if isinstance(doc.data, dict) and doc.data.get("kind") not in expected:
        kind = doc.data.get("kind")
        where = ("kind",) if kind is not None else ()
        raise ContentError("", [*doc.problems, doc.diagnostic(where, f"{message}, got {kind!r}")])


def checked(
    answers: Answers,
    doc: Document | None,
    pack: ContentPack | None,
    *,
    require_complete: bool = True,
) -> CheckedAnswers:
    """The answer rules applied to ``answers`` (located in ``doc`` when it is their file)."""
    from commkit.core.scoring import check_answers as _check
    from commkit.core.scoring import checklist_for
    from commkit.errors import ContentError

    checklist = checklist_for(content(pack), answers)
    diags = _check(checklist, answers, doc, require_complete=require_complete)
    if any(d.severity == "error" for d in diags):
        raise ContentError("", diags)
    return CheckedAnswers(answers, [as_warning(AnswersWarning, d) for d in diags])


def read_answers(
    path: PathLike,
    *,
    pack: ContentPack | None = None,
    data: bytes | None = None,
    require_complete: bool = True,
) -> CheckedAnswers:
    """Read an answers file (YAML or JSON) and check it against its checklist.

    Raises :class:`commkit.errors.ContentError` naming file, line and field of every
    problem: unknown questions, values out of range or not among the options, required
    questions left open (unless ``require_complete=False``, as for a draft or a plan).
    Answers made for another checklist or version come back with an
    :class:`~commkit.errors.AnswersWarning`. ``data`` gives the file's bytes when they come
    from elsewhere (standard input); ``path`` then only names them in messages.
    """
    from commkit.model.answers import Answers
    from commkit.model.loader import forget_source, validate_document

    where = Path(path)
    try:
        if data is None:
            clean = _without_positions(where, pack, require_complete)
            if clean is not None:
                return clean
        doc = document(where, data)
        refuse_kind(doc, (None, "answers"), "expected 'kind: answers'")
        answers = validate_document(doc, Answers)
        return checked(answers, doc, pack, require_complete=require_complete)
    finally:
        # the diagnostics hold their lines: a batch of thousands of files keeps none
        forget_source(where)


def _without_positions(
    path: Path, pack: ContentPack | None, require_complete: bool
) -> CheckedAnswers | None:
    """The answers of a file that passes every check with nothing to say, read without
    positions (most files of a batch; their positions were most of the reading time), or
    ``None``: the file is then read again with positions, so that every error and warning
    names its line, exactly as before."""
    from commkit.errors import ContentError
    from commkit.model.answers import Answers
    from commkit.model.loader import parse_plain, read_text, validate_document

    try:
        doc = parse_plain(read_text(path), path)
        if doc is None:
            return None
        refuse_kind(doc, (None, "answers"), "expected 'kind: answers'")
        found = checked(
            validate_document(doc, Answers), doc, pack, require_complete=require_complete
        )
    except ContentError:
        return None
    return None if found.warnings else found


def check_answers(
    answers: Answers, *, pack: ContentPack | None = None, require_complete: bool = True
) -> CheckedAnswers:
    """The checks of :func:`read_answers` for answers built in memory (located by field),
    so that a script's answers meet the same rules as a file's."""
    return checked(answers, None, pack, require_complete=require_complete)


def check_answers_file(
    path: PathLike, *, pack: ContentPack | None = None
) -> tuple[Answers, list[CommkitWarning]]:
    """:func:`read_answers` as a pair (answers, warnings), for callers that unpack."""
    found = read_answers(path, pack=pack)
    return found.answers, found.warnings


def load_answers(path: PathLike) -> Answers:
    """Read an answers file as it is, without checking it against a checklist (to migrate
    or inspect it); :func:`read_answers` checks it."""
    from commkit.model.answers import Answers
    from commkit.model.loader import load_file

    answers: Answers = load_file(Path(path), Answers)
    return answers


def load_assessment(path: PathLike) -> Assessment:
    """Read an assessment file (``kind: assessment``), errors located by file:line."""
    from commkit.model.answers import Assessment
    from commkit.model.loader import load_file

    assessment: Assessment = load_file(Path(path), Assessment)
    return assessment


def check_slug(slug: str) -> str:
    """``slug`` when it can name a community's files and folders; a
    :class:`~commkit.errors.UserError` otherwise (a slug becomes a path)."""
    from commkit.model.common import ID_RE

    if not ID_RE.match(slug):
        raise UserError(
            f"--community {slug!r} is not a valid slug: use lower-case "
            "latin letters, digits, '-', '_' or '.'"
        )
    return slug


def with_slug(answers: Answers, slug: str | None) -> Answers:
    """The answers with their community's slug replaced (checked first), or as they are."""
    if slug is None:
        return answers
    community = answers.community.model_copy(update={"slug": check_slug(slug)})
    return answers.model_copy(update={"community": community})


def expand_answer_files(names: Iterable[str], *, one_community: bool = False) -> list[str]:
    """Answers file names with their globs expanded (in order, ``-`` kept for stdin).

    A glob that matches nothing, stdin named twice, or several files with
    ``one_community`` (a slug names one community) raise :class:`UserError`, so that a batch
    is refused before any file is written.
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


def date_warnings(
    assessment: Assessment | Answers,
    *,
    workspace: Workspace | PathLike | None = None,
    today: dt.date | None = None,
    file: PathLike | None = None,
) -> list[DateWarning]:
    """Warnings about the date of an assessment (or dated answers): in the future, or
    before the community was founded (its profile in ``workspace``, when given)."""
    from commkit.api._common import workspace as open_workspace
    from commkit.core.dates import date_problems
    from commkit.errors import CommkitError, DateWarning

    if assessment.date is None:
        return []
    founded = None
    if workspace is not None:
        from commkit.fsutil import slugify

        slug = assessment.community.slug or slugify(assessment.community.name)
        try:
            founded = open_workspace(workspace).community(slug).founded
        except CommkitError:
            founded = None
    where = Path(file) if file is not None else None
    return [
        DateWarning(message, file=where, field="date")
        for message in date_problems(assessment.date, today or dt.date.today(), founded)
    ]

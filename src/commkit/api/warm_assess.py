"""One answers file assessed without pydantic, when nothing about it needs the models.

Importing pydantic and building the models costs more than the rest of a one-file
``assess``. A warm run (the pack cache filled) reads the pack's plain data from the cache
(:func:`assess_pack_data`), reads the file line by line (:mod:`commkit.model.line_yaml`;
libyaml when that refuses it), checks it with the validator generated from the models
(:func:`commkit.model.fast_check.surely_valid`) and against its checklist, scores it with the
engine on plain objects and writes the same two files as the full path, byte for byte
(:func:`commkit.render.report.render_report_files`).

It is only ever a shortcut: :func:`warm_assess` returns ``None`` at any doubt (the cache off,
a file that is not plain, not surely valid, not in the common form, a problem or a warning of
any kind, a date to warn about, a file that would be overwritten without ``--force``), and the
caller then runs the full path, which reports every problem with its file, line and field.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from commkit.api._common import PathLike, content_dir, pack_data

if TYPE_CHECKING:
    from commkit.api.assess import AssessmentSummary

_MAX_BYTES = 1_000_000
"""A larger file goes the full way (which says why when it is too large)."""
_BOOLS = ("formalised", "new")


@dataclass
class WarmAssessment:
    """What a warm ``assess`` did: the files written (by role) and the final screen."""

    files: dict[str, str]
    summary: AssessmentSummary
    lang: str


def assess_pack_data(content: PathLike | None) -> dict[str, Any]:
    """The pack's plain data a warm ``assess`` reads: each checklist's JSON data
    (``model_dump(mode="json")``) and content hash, the default checklist's id and the
    roadmap's actions, derived from the validated models and cached with the pack's bytes
    (:func:`commkit.api._common.pack_data`: any changed byte, file, folder or line of
    commkit misses)."""
    folder = content_dir(content)
    return pack_data("assess-pack", [], folder, lambda: _from_models(folder))


def _from_models(content: Path | None) -> dict[str, Any]:
    from commkit.core.scoring import checklist_hash
    from commkit.model.pack import load_pack_uncached

    pack = load_pack_uncached(content)  # by its bytes (the disk cache), never an older copy
    return {
        "default": pack.checklist.id,
        "checklists": {
            cid: {"data": checklist.model_dump(mode="json"), "hash": checklist_hash(checklist)}
            for cid, checklist in pack.checklists.items()
        },
        "actions": [action.model_dump(mode="json") for action in pack.roadmap.actions],
    }


class _Ref:
    __slots__ = ("hash", "id", "version")

    def __init__(self, id: str, version: str, hash: str | None) -> None:
        self.id, self.version, self.hash = id, version, hash


class _Assessment:
    """The attributes of an ``Assessment`` that the report and the summary read."""

    __slots__ = (
        "__weakref__",
        "answers",
        "checklist",
        "community",
        "date",
        "kind",
        "language",
        "rater",
        "result",
        "team",
        "version",
    )

    def __init__(self, **fields: Any) -> None:
        self.kind, self.version, self.rater, self.team = "assessment", "1", None, None
        for name, value in fields.items():
            setattr(self, name, value)


def warm_assess(
    path: PathLike,
    *,
    content: PathLike | None = None,
    lang: str | None = None,
    today: dt.date | None = None,
    slug: str | None = None,
    out: PathLike = ".",
    force: bool = False,
) -> WarmAssessment | None:
    """Assess one answers file and write its report (Markdown) and result (YAML) into
    ``out``, as ``commkit assess --answers FILE --out OUT`` does, without pydantic; or
    ``None`` (nothing written): the full path must run. ``lang``: the run's own language
    (``--lang`` or ``COMMKIT_LANG``), else the answers' own."""
    from commkit.fsutil import atomic_write_text
    from commkit.model import pack_cache

    if not pack_cache.enabled():
        return None
    data = _read(Path(path))
    if data is None:
        return None
    try:
        made = _assessed(data, content, lang, today, slug, Path(out), force)
    except Exception:  # anything unforeseen before a byte is written: the full path runs
        return None
    if made is None:
        return None
    done, files = made
    for target, text, sync in files:  # the result first, as the full path writes them
        atomic_write_text(target, text, force=force, fsync=sync)
    return done


def _read(path: Path) -> dict[str, Any] | None:
    """The file's data when it is plain YAML the validator surely accepts, in the form the
    plain objects copy as the models would (true booleans, no rater or draft)."""
    from commkit.model import fast_check, line_yaml

    if path.suffix not in (".yaml", ".yml"):
        return None
    try:
        raw = path.read_bytes()
        if len(raw) > _MAX_BYTES:
            return None
        text = raw.decode("utf-8")
        if "*" in text or text.startswith("\ufeff"):
            return None  # an alias (or a byte-order mark) goes to the full reader
        try:
            data = line_yaml.load(text)  # most files: PyYAML is not even imported
        except line_yaml.Refused:
            from commkit.model import fast_yaml

            data = fast_yaml.load(text)
    except Exception:  # unreadable, not UTF-8, not plain YAML: the full path says why
        return None
    if type(data) is not dict or data.get("kind") != "answers":
        return None
    if not fast_check.surely_valid("answers", data):
        return None
    community = data["community"]
    if any(type(community.get(key)) is not bool for key in _BOOLS if key in community):
        return None
    if "founded" in community and type(community["founded"]) is not str:
        return None
    if data.get("complete", True) is not True or "rater" in data or "draft" in data:
        return None
    return data


def plain_assessment(
    answers: Any,
    checklist: Any,
    checklist_hash: str | None,
    actions: Any,
    today: dt.date | None,
    slug: str | None,
) -> tuple[Any, Any] | None:
    """The assessment of plain ``answers`` (an attribute object like an ``Assessment``, no
    model) and its breakdown, remembered for the report and the summary as the engine's own
    ``assess`` remembers it; or ``None`` where the full path must decide: any problem or
    warning from the checklist check, or a date to warn about. One function for the warm
    one-file ``assess`` and the batch's plain way, so both fall back on the same doubts."""
    from commkit.core.dates import date_problems
    from commkit.core.scoring import (
        breakdown,
        check_answers,
        fired_action_ids,
        months_active,
        remember_breakdown,
    )
    from commkit.fsutil import slugify

    if check_answers(checklist, answers, None, require_complete=True):
        return None  # any problem or warning: the full path locates it
    when = today or answers.date or dt.date.today()
    if date_problems(when, dt.date.today(), None):
        return None  # a date to warn about: the full path warns
    community = answers.community
    if slug is not None:
        community.slug = slug
    elif community.slug is None:
        community.slug = slugify(community.name)
    months = months_active(community.founded, when)
    info = breakdown(checklist, answers.answers, lang=answers.language, months=months)
    info.plain.actions = fired_action_ids(actions, info)
    assessment = _Assessment(
        checklist=_Ref(checklist.id, checklist.version, checklist_hash),
        community=community,
        date=when,
        language=answers.language,
        answers=dict(answers.answers),
        result=info.plain,
    )
    remember_breakdown(assessment, checklist, info)
    return assessment, info


def _assessed(
    data: dict[str, Any],
    content: PathLike | None,
    lang: str | None,
    today: dt.date | None,
    slug: str | None,
    out: Path,
    force: bool,
) -> tuple[WarmAssessment, list[tuple[Path, str, bool]]] | None:
    """The final screen and the files to write (path, text, fsync), nothing written; or
    ``None``."""
    from commkit.api.assess import summary_of
    from commkit.core.plain import plain_actions, plain_answers_file, plain_checklist
    from commkit.fsutil import safe_child
    from commkit.i18n import resolve_lang
    from commkit.model.pack_paths import pack_roots, templates_dir
    from commkit.render.report import render_report_files

    answers = plain_answers_file(data)
    pack = assess_pack_data(content)
    found = pack["checklists"].get(answers.checklist.id)
    if found is None:
        return None  # another checklist: the full path warns
    checklist = plain_checklist(found["data"], found["hash"])
    actions = plain_actions(pack["actions"])
    made = plain_assessment(answers, checklist, found["hash"], actions, today, slug)
    if made is None:
        return None
    assessment, info = made
    day = assessment.date.isoformat()
    slug = assessment.community.slug
    md_path = safe_child(out, f"{slug}-assessment-{day}.md")
    yaml_path = safe_child(out, f"{slug}-assessment-{day}.yaml")
    if not force and (md_path.exists() or yaml_path.exists()):
        return None  # the full path refuses, with its message
    report_lang = resolve_lang(lang, answers.language)
    roots = pack_roots(content_dir(content))
    dirs = [t for d in (roots[1], roots[0]) if d is not None and (t := templates_dir(d))]
    yaml_text, markdown = render_report_files(
        assessment, checklist, info, report_lang, actions=actions, template_dirs=dirs
    )
    done = WarmAssessment(
        files={"markdown": str(md_path), "yaml": str(yaml_path)},
        summary=summary_of(assessment, checklist, report_lang),
        lang=report_lang,
    )
    return done, [(yaml_path, yaml_text, True), (md_path, markdown, False)]

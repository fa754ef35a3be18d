"""`answers import` behind :func:`commkit.api.import_answers`: read, check, stage, then move.

Submissions are read one at a time; each good one is written at once to a staging folder
next to its target, so memory does not grow with the number of rows. Only when the whole run
is good (or ``skip_bad``) are the staged files moved into place; otherwise they are removed
and nothing is written.
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from commkit.errors import CommkitError, ContentError, Diagnostic, OutputExistsError, UserError

if TYPE_CHECKING:
    from commkit.model.pack import ContentPack

__all__ = ["ANSWERS_DIR", "ImportResult", "run_import"]

ANSWERS_DIR = "answers"
ANSWER_SUFFIXES = (".json", ".yaml", ".yml")


@dataclass
class ImportResult:
    written: list[Path] = field(default_factory=list)
    skipped: list[Diagnostic] = field(default_factory=list)
    """With ``skip_bad``: one diagnostic per problem of a submission that was left out."""
    submissions: int = 0


def _where(sub_source: Path, row: int | None) -> str:
    return f"{sub_source}:{row}" if row is not None else str(sub_source)


class _Run:
    def __init__(self, root: Path, workspace: bool, force: bool) -> None:
        from commkit.fsutil import safe_child

        self.root = root.resolve()
        self.workspace = workspace
        self.force = force
        self.staging = safe_child(root, f".commkit-import-{secrets.token_hex(4)}")
        self.staged: list[tuple[Path, Path]] = []
        self.targets: set[tuple[Path, str]] = set()
        """(folder, file name) of every file this run writes."""
        self.folders: dict[str, tuple[Path, set[str]]] = {}
        self.slugs: dict[tuple[str, str], str] = {}

    def _slug(self, name: str | dict[str, str], fallback: str) -> str:
        """:func:`commkit.fsutil.slugify`, once per name (a thousand rows name few)."""
        from commkit.fsutil import slugify

        if not isinstance(name, str):
            return slugify(name, fallback)
        slug = self.slugs.get((name, fallback))
        if slug is None:
            slug = self.slugs[(name, fallback)] = slugify(name, fallback)
        return slug

    def _folder(self, slug: str) -> tuple[Path, set[str]]:
        """The folder for a community, checked once (a link inside may point elsewhere), and
        the names already in it (one listing instead of a look per file)."""
        from commkit.fsutil import safe_child

        known = self.folders.get(slug)
        if known is None:
            parts = (ANSWERS_DIR, slug) if self.workspace else ()
            folder = safe_child(self.root, *parts)
            try:
                names = set(os.listdir(folder))
            except (FileNotFoundError, NotADirectoryError):
                names = set()
            known = self.folders[slug] = (folder, names)
        return known

    def target(self, data: dict[str, Any], uuid: str | None) -> tuple[Path, str]:
        """The folder and file name for ``data`` (a second file of the same rater and day
        is told apart by its submission's id)."""
        community = data["community"]
        name = community["name"]
        slug = community.get("slug") or self._slug(name, "community")
        rater = self._slug(data["rater"]["name"], "rater") if data.get("rater") else "rater"
        day = data.get("date") or "undated"
        folder, existing = self._folder(slug)
        stem = f"{rater}-{day}" if self.workspace else f"{slug}-{rater}-{day}"
        file_name = f"{stem}.yaml"
        n = 1
        while (folder, file_name) in self.targets:
            n += 1
            suffix = self._slug(uuid, "community")[:8] if uuid and n == 2 else str(n)
            file_name = f"{stem}-{suffix}.yaml"
        if not self.force and file_name in existing:
            path = folder / file_name
            raise OutputExistsError(f"{path} already exists (use --force to overwrite it)")
        return folder, file_name

    def stage(self, data: dict[str, Any], uuid: str | None) -> None:
        """Write the answers file ``data`` (as :func:`commkit.render.report.yaml_data` makes
        it) under a temporary name in the staging folder (no flush yet: see
        :func:`commkit.fsutil.publish_batch`)."""
        from commkit.render.report import yaml_text

        folder, file_name = self.target(data, uuid)
        self.targets.add((folder, file_name))
        if not self.staged:
            self.staging.mkdir(parents=True, exist_ok=True)
        tmp = self.staging / f"{len(self.staged)}.yaml"
        content = yaml_text(data, fast=True).encode("utf-8")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            view = memoryview(content)
            while view:
                view = view[os.write(fd, view) :]
        finally:
            os.close(fd)
        self.staged.append((tmp, folder / file_name))

    def commit(self) -> list[Path]:
        from commkit.fsutil import publish_batch

        return publish_batch(self.staged, force=self.force)

    def clean(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)


def _answers_file(path: Path, pack: ContentPack) -> dict[str, Any]:
    """A downloaded answers file (the HTML form's), checked, as the data to write."""
    from commkit.api.answers import check_answers_file
    from commkit.render.report import yaml_data

    answers, _ = check_answers_file(path, pack=pack)
    return yaml_data(answers)


def run_import(
    files: list[Path],
    *,
    out: Path | None,
    workspace: Path | None,
    pack: ContentPack,
    lang: str,
    force: bool,
    skip_bad: bool,
    progress: Callable[[int], None] | None = None,
) -> ImportResult:
    from commkit.core.answers_import import submission_data
    from commkit.core.scoring import checklist_hash
    from commkit.model.form_readers import column_name, read_submissions

    if (out is None) == (workspace is None):
        raise UserError("give either --out DIR or --workspace DIR")
    if not files:
        raise UserError("give at least one file to import")
    root = workspace if workspace is not None else out
    assert root is not None
    if workspace is not None and not (workspace / "region.yaml").is_file():
        raise UserError(
            f"{workspace} is not a workspace (no region.yaml; see 'commkit region init')"
        )
    checklist = pack.checklist
    digest = checklist_hash(checklist)  # a cached pack's is known (see content_hash)
    run = _Run(root, workspace is not None, force)
    result = ImportResult()
    bad: list[Diagnostic] = []
    try:
        for path in files:
            if path.suffix.lower() in ANSWER_SUFFIXES:
                result.submissions += 1
                try:
                    run.stage(_answers_file(path, pack), None)
                except ContentError as exc:
                    bad.extend(exc.diagnostics or [Diagnostic(str(exc), file=path)])
                except CommkitError as exc:
                    bad.append(Diagnostic(str(exc), file=path))
                if progress is not None:
                    progress(result.submissions)
                continue
            for sub in read_submissions(path):
                result.submissions += 1
                data, problems, uuid = submission_data(checklist, digest, sub, lang=lang)
                if data is not None:
                    try:
                        run.stage(data, uuid)
                    except OutputExistsError as exc:
                        bad.append(Diagnostic(str(exc), file=path, line=sub.row))
                for p in problems:
                    cell = p.cell
                    header = None
                    if cell is not None:
                        header = f"column {column_name(cell.column)} ({cell.header})"
                    bad.append(
                        Diagnostic(
                            p.message,
                            file=path,
                            line=cell.row if cell is not None else sub.row,
                            column=cell.column if cell is not None else None,
                            field=header,
                        )
                    )
                if progress is not None:
                    progress(result.submissions)
        if bad and not skip_bad:
            raise ContentError(
                f"{len(bad)} problem(s) in the submissions; nothing was written "
                "(fix them, or use --skip-bad to write the good ones)",
                bad,
            )
        result.written = run.commit()
        result.skipped = bad
        return result
    finally:
        run.clean()

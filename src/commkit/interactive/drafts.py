"""Drafts of the wizard: ``.commkit-draft-<slug>.yaml`` (``kind: answers``, ``complete: false``)."""

from __future__ import annotations

from pathlib import Path

from commkit.errors import CommkitError
from commkit.fsutil import atomic_write_text, safe_child
from commkit.model.answers import Answers
from commkit.render.report import to_yaml

PREFIX = ".commkit-draft-"


def draft_path(folder: Path, slug: str) -> Path:
    return safe_child(folder, f"{PREFIX}{slug}.yaml")


def save_draft(path: Path, answers: Answers) -> Path:
    """Write the draft atomically (a crash mid-write leaves the previous draft intact)."""
    draft = answers.model_copy(update={"complete": False})
    return atomic_write_text(path, to_yaml(draft), force=True)


def load_draft(path: Path) -> Answers:
    from commkit.model.loader import load_file

    answers: Answers = load_file(path, Answers)
    return answers


def find_drafts(folder: Path) -> list[tuple[Path, Answers]]:
    """The readable drafts in ``folder``, newest first (unreadable ones are skipped)."""
    found: list[tuple[Path, Answers]] = []
    for path in sorted(folder.glob(f"{PREFIX}*.yaml")):
        try:
            found.append((path, load_draft(path)))
        except CommkitError:
            continue
    found.sort(key=lambda item: item[0].stat().st_mtime, reverse=True)
    return found

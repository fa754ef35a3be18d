"""One error hierarchy for the whole package.

The CLI is the single boundary that turns a :class:`CommkitError` into a message
and exit code 1; everything else raises. Modelled on copier's split between
internal errors and errors meant for the user.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


def format_path(path: Iterable[str | int]) -> str:
    """A field's path as a :class:`Diagnostic` names it: ``questions[3].dimension``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


@dataclass(frozen=True)
class Diagnostic:
    """One problem in one input file, located like a compiler error."""

    message: str
    file: Path | None = None
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based
    field: str | None = None  # dotted path such as ``questions[3].dimension``
    source_line: str | None = None
    severity: str = "error"  # or "warning"

    def location(self) -> str:
        parts = [str(self.file) if self.file else "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def format(self, lang: str | None = None) -> str:
        """``file:line:col: error: field: message`` plus the offending line and a caret, in
        ``lang`` (default: the language the command line shows messages in)."""
        from commkit.i18n import text as catalog_text
        from commkit.i18n.messages import localize, ui_lang

        code = lang or ui_lang()
        severity = self.severity
        if code != "en" and severity in ("error", "warning"):
            severity = catalog_text(f"cli.{severity}", code)
        head = f"{self.location()}: {severity}: "
        if self.field:
            head += f"{localize(self.field, code)}: "  # an id, or a place such as "column H (x)"
        text = head + localize(self.message, code)
        if self.source_line is not None:
            gutter = f"{self.line} | " if self.line is not None else "  | "
            text += "\n    " + gutter + self.source_line.rstrip("\r\n")
            if self.column is not None:
                pad = " " * (len(gutter) + max(self.column - 1, 0))
                text += "\n    " + pad + "^"
        return text

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": str(self.file) if self.file else None,
            "line": self.line,
            "column": self.column,
            "field": self.field,
            "message": self.message,
            "severity": self.severity,
        }


class CommkitError(Exception):
    """Base of every error commkit raises on purpose."""


class UserError(CommkitError):
    """Bad input from the user: shown as a message, exit code 1, no traceback."""

    def __init__(self, message: str, diagnostics: list[Diagnostic] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.diagnostics: list[Diagnostic] = list(diagnostics or [])

    def __str__(self) -> str:
        from commkit.i18n.messages import localize

        message = localize(self.message)
        if not self.diagnostics:
            return message
        body = "\n".join(d.format() for d in self.diagnostics)
        return f"{message}\n{body}" if message else body


class ContentError(UserError):
    """One or more files failed to load or validate; carries every diagnostic of the run."""


class OutputExistsError(UserError):
    """A file would be overwritten; the user must pass ``--force``."""


@dataclass
class InterruptedWithDraft(CommkitError):
    """The user interrupted a wizard; ``draft_path`` holds everything typed so far."""

    draft_path: Path | None = None
    answered: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        where = f" Draft kept at {self.draft_path}." if self.draft_path else ""
        return f"Interrupted after {self.answered} answer(s).{where}"


@dataclass(frozen=True)
class CommkitWarning(Diagnostic):
    """A problem a run survives: returned as data by :mod:`commkit.api` beside its result,
    shown by the CLI (``warning:`` on stderr, ``warnings`` in ``--json``); never fatal."""

    severity: str = "warning"


# The kinds of warning below add no field: they inherit CommkitWarning's dataclass methods
# (which compare, hash and print by the instance's own class) instead of generating them again.


class DateWarning(CommkitWarning):
    """An assessment date that looks wrong (in the future, before the community was
    founded)."""


class AnswersWarning(CommkitWarning):
    """Answers that still score, with a caveat: made for another checklist or another
    version of it (questions that disappeared are left out of the score)."""


class ChecklistChangedWarning(CommkitWarning):
    """The checklist changed (or left the pack) since this assessment was made: a plan
    uses the stored scores."""

"""One error hierarchy for the whole package, and the warnings beside it.

The CLI is the single boundary that turns a :class:`CommkitError` into a message
and exit code 1; everything else raises. Warnings are data: the API returns them (or
issues them with :func:`warnings.warn` where it returns a plain model) and the CLI shows
them. Modelled on copier's ``errors.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Self


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

    def format(self) -> str:
        """``file:line:col: error: field: message`` plus the offending line and a caret."""
        head = f"{self.location()}: {self.severity}: "
        if self.field:
            head += f"{self.field}: "
        text = head + self.message
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
        if not self.diagnostics:
            return self.message
        body = "\n".join(d.format() for d in self.diagnostics)
        return f"{self.message}\n{body}" if self.message else body


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


class CommkitWarning(UserWarning):
    """A problem the run survives; shown to the user, never fatal.

    ``diagnostic`` locates it in a file when it has a place there.
    """

    def __init__(self, message: str, diagnostic: Diagnostic | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.diagnostic = diagnostic

    @classmethod
    def located(cls, diagnostic: Diagnostic) -> Self:
        """A warning that is one diagnostic of an input file."""
        return cls(diagnostic.message, diagnostic)

    def __str__(self) -> str:
        return self.diagnostic.format() if self.diagnostic is not None else self.message

    def as_dict(self) -> dict[str, Any]:
        """The warning for ``--json`` output (the shape of :meth:`Diagnostic.as_dict`)."""
        if self.diagnostic is not None:
            return self.diagnostic.as_dict()
        return Diagnostic(self.message, severity="warning").as_dict()


class AnswersWarning(CommkitWarning):
    """Answers that still score, with a caveat (another checklist or version of it)."""


class ChecklistChangedWarning(CommkitWarning):
    """The checklist changed (or is missing) since this assessment was made."""


class SkippedFileWarning(CommkitWarning):
    """A broken file was left out of a map or a progress report."""


class ContentPackWarning(CommkitWarning):
    """The content pack did not load; the result falls back to plain ids."""

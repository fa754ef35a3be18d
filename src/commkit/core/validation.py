"""What ``commkit validate`` reports, and the checks that need no file: the reading is
``commkit.api.validation``'s work.

Data only (which files were read, what was wrong); the CLI decides how to show it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from commkit.errors import Diagnostic

if TYPE_CHECKING:
    from commkit.model.checklist import Checklist
    from commkit.model.migration import Migration
    from commkit.model.pack import ContentPack


@dataclass
class FileReport:
    path: Path
    kind: str | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(d.severity == "error" for d in self.diagnostics)


@dataclass
class ValidationReport:
    files: list[FileReport] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    """What an overlay pack changes in the default pack."""

    @property
    def ok(self) -> bool:
        return all(f.ok for f in self.files)

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for f in self.files for d in f.diagnostics]

    def to_data(self) -> dict[str, Any]:
        """The whole report as plain JSON data (:meth:`from_data` gives it back)."""
        return {
            "files": [
                {
                    "path": str(f.path),
                    "kind": f.kind,
                    "diagnostics": [
                        {n: getattr(d, n) for n in _DIAGNOSTIC_FIELDS} | {"file": _text(d.file)}
                        for d in f.diagnostics
                    ],
                }
                for f in self.files
            ],
            "changes": list(self.changes),
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> ValidationReport:
        return cls(
            files=[
                FileReport(
                    Path(f["path"]),
                    f["kind"],
                    [
                        Diagnostic(**(d | {"file": Path(d["file"]) if d["file"] else None}))
                        for d in f["diagnostics"]
                    ],
                )
                for f in data["files"]
            ],
            changes=list(data["changes"]),
        )


_DIAGNOSTIC_FIELDS = tuple(f.name for f in fields(Diagnostic))


def _text(path: Path | None) -> str | None:
    return str(path) if path is not None else None


def migration_values(pack: ContentPack) -> list[Diagnostic]:
    """Mapped values of a migration that the new question cannot take."""
    out: list[Diagnostic] = []
    for migration in pack.migrations:
        new = pack.checklist_version(migration.checklist, migration.to_version)
        problems = value_problems(migration, new) if new is not None else []
        # positions are parsed only when there is a problem to locate
        doc = pack.documents.get(f"migration/{migration.id}") if problems else None
        if doc is None:
            continue
        out.extend(doc.diagnostic(path, message) for path, message in problems)
    return out


def value_problems(migration: Migration, new: Checklist) -> list[tuple[tuple[Any, ...], str]]:
    """Mapped values the new question cannot take: ``(field path, message)``."""
    from commkit.core.values import value_problem  # the conditions' models: pydantic

    new_q = {q.id: q for q in new.questions}
    problems: list[tuple[tuple[Any, ...], str]] = []
    for i, step in enumerate(migration.steps):
        for mapped in (step.values or {}).values():
            for n in step.new:
                q = new_q.get(n)
                if q is None or mapped is None:
                    continue
                bad = value_problem(q, mapped)
                if bad:
                    problems.append(
                        (("steps", i, "values"), f"{n}: the mapped value {mapped!r}: {bad}")
                    )
    return problems


def answer_problems(pack: ContentPack, model: Any, doc: Any) -> list[Diagnostic]:
    """An answers or assessment file checked against the pack's checklist it names."""
    try:
        from commkit.core.scoring import check_answers
    except ImportError:  # pragma: no cover - only while assess is being built
        return []
    checklist_id = getattr(getattr(model, "checklist", None), "id", None)
    checklist = pack.checklists.get(checklist_id or "", pack.checklist)
    # a draft (complete: false) may still lack answers; a finished file may not
    complete = bool(getattr(model, "complete", True))
    return list(check_answers(checklist, model, doc, require_complete=complete))

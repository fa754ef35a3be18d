"""The notes said when figures come from several versions of the checklist: the progress page
and the map both say them (by name, never silently), so they live apart from either."""

from __future__ import annotations

from commkit.i18n import text


def versions_notes(
    versions: list[str], not_comparable: list[str], current: str | None, lang: str
) -> list[str]:
    """The notes of figures made with several checklist versions (progress and map)."""
    notes: list[str] = []
    if current is None or all(v == current for v in versions):
        return notes
    comparable = [v for v in versions if v not in not_comparable]
    if len(comparable) > 1 or (comparable and comparable[0] != current):
        listed = ", ".join(comparable)
        notes.append(text("versions.mixed", lang, versions=listed, current=current))
    if not_comparable:
        listed = ", ".join(not_comparable)
        notes.append(text("versions.not_comparable", lang, versions=listed, current=current))
    return notes

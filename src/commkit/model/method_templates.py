"""The method's bilingual Markdown templates (``methodology/templates/<lang>/<id>.md``).

They are worksheets for people (value ledger, channel audit, ...), not Jinja report templates:
they are shipped as they are, listed by ``commkit methodology`` and exported with the seminars.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from commkit.model.content_pack import ContentPack

TEMPLATES_DIR = ("methodology", "templates")
ORDER = (
    "value-ledger",
    "channel-audit",
    "message-house",
    "community-legend",
    "project-charter",
    "initiative-card",
    "map-profile",
    "commitment-card",
    "community-manager-job-profile",
)
"""The order of the programme (the seminar that first uses each); others follow by name."""


@dataclass(frozen=True)
class MethodTemplate:
    id: str
    titles: dict[str, str] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)

    def title(self, lang: str) -> str:
        return self.titles.get(lang) or self.titles.get("en") or self.id

    def text(self, lang: str) -> str:
        path = self.files.get(lang) or self.files.get("en") or next(iter(self.files.values()))
        return path.read_text(encoding="utf-8")


def _title(path: Path) -> str:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return path.stem


def method_templates(pack: ContentPack) -> list[MethodTemplate]:
    """The templates of a pack; a customised pack's file wins over the default one."""
    roots = [r for r in (pack.overlay_root, pack.root) if r is not None]
    titles: dict[str, dict[str, str]] = {}
    files: dict[str, dict[str, Path]] = {}
    for root in reversed(roots):
        base = root.joinpath(*TEMPLATES_DIR)
        if not base.is_dir():
            continue
        for lang_dir in sorted(p for p in base.iterdir() if p.is_dir()):
            for path in sorted(lang_dir.glob("*.md")):
                files.setdefault(path.stem, {})[lang_dir.name] = path
                titles.setdefault(path.stem, {})[lang_dir.name] = _title(path)
    rank = {tid: i for i, tid in enumerate(ORDER)}
    ids = sorted(files, key=lambda t: (rank.get(t, len(ORDER)), t))
    return [MethodTemplate(t, titles[t], files[t]) for t in ids]

"""``commkit content init``: start a customised content pack, full copy or overlay."""

from __future__ import annotations

import json
from pathlib import Path

from commkit.errors import UserError
from commkit.fsutil import atomic_write_bytes, atomic_write_text
from commkit.model.method_templates import TEMPLATES_DIR as METHOD_TEMPLATES_DIR
from commkit.model.pack import MANIFEST, default_pack_dir, pack_files

TEMPLATES = Path(__file__).resolve().parent.parent / "render" / "templates"

OVERLAY_README = """\
# {name}: an overlay on the commkit default content pack

This pack extends the built-in pack (`pack.yaml` says `extends: default`) and holds only
what changes. Files pair with the default ones by `kind` and `id`; items in lists merge by
`id`; maps merge key by key; anything else replaces the default value.

Examples (create the file, keep only what you change):

```yaml
# checklists/self-identification.yaml
kind: checklist
version: "1.0-{slug}"
id: self-identification
questions:
  - id: platform.single-platform      # change only the Russian wording
    text: {{ru: "У сообщества есть одна основная площадка для общения?"}}
  - id: visibility.media-partners     # drop a question
    ignore: true
```

Use it: `commkit --content {path} assess`, check it: `commkit validate {path}`
(which also lists what the overlay changes).
"""

FULL_README = """\
# {name}: a customised commkit content pack

A full copy of the built-in pack. Edit anything; keep ids stable (old answer files refer
to them). `templates/` holds the Jinja2 report templates, which you may edit too.

Use it: `commkit --content {path} assess`; check it: `commkit validate {path} --strict-i18n`.
"""


def init_pack(target: Path, overlay: bool, force: bool, name: str | None = None) -> list[Path]:
    """Write a new pack into ``target``; refuse a non-empty folder unless ``force``."""
    if target.exists() and not target.is_dir():
        raise UserError(f"{target} exists and is not a folder")
    if target.is_dir() and any(target.iterdir()) and not force:
        raise UserError(f"{target} is not empty (use --force to write into it anyway)")
    name = name or target.resolve().name
    written: list[Path] = []
    slug = "".join(ch if ch.isalnum() else "-" for ch in name.lower()).strip("-") or "custom"
    # a JSON string is a valid YAML scalar whatever the name holds (quotes, backslashes)
    manifest = f'kind: pack\nversion: "1"\nname: {json.dumps(name, ensure_ascii=False)}\n' + (
        "extends: default\n" if overlay else ""
    )
    written.append(atomic_write_text(target / MANIFEST, manifest, force=force))
    readme = (OVERLAY_README if overlay else FULL_README).format(name=name, slug=slug, path=target)
    written.append(atomic_write_text(target / "README.md", readme, force=force))
    if overlay:
        return written
    source = default_pack_dir()
    for path in pack_files(source):
        rel = path.relative_to(source)
        written.append(atomic_write_bytes(target / rel, path.read_bytes(), force=force))
    method_dir = source.joinpath(*METHOD_TEMPLATES_DIR)
    if method_dir.is_dir():
        for path in sorted(method_dir.rglob("*.md")):
            rel = path.relative_to(source)
            written.append(atomic_write_bytes(target / rel, path.read_bytes(), force=force))
    if TEMPLATES.is_dir():
        for path in sorted(TEMPLATES.glob("*.j2")):
            dest = target / "templates" / path.name
            written.append(atomic_write_bytes(dest, path.read_bytes(), force=force))
    return written

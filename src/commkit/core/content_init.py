"""The texts of a new content pack (``content init``): its manifest and README. Writing
them, and copying the default pack, is :func:`commkit.api.init_content`'s work."""

from __future__ import annotations

import json
from pathlib import Path

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


def pack_manifest(name: str, overlay: bool) -> str:
    """``pack.yaml`` of a new pack (an overlay extends the default one)."""
    # a JSON string is a valid YAML scalar whatever the name holds (quotes, backslashes)
    manifest = f'kind: pack\nversion: "1"\nname: {json.dumps(name, ensure_ascii=False)}\n'
    return manifest + ("extends: default\n" if overlay else "")


def pack_readme(name: str, overlay: bool, path: Path) -> str:
    """The README of a new pack: how to customise it, use it and check it."""
    slug = "".join(ch if ch.isalnum() else "-" for ch in name.lower()).strip("-") or "custom"
    return (OVERLAY_README if overlay else FULL_README).format(name=name, slug=slug, path=path)

"""``commkit schema``: JSON Schema for every YAML kind, for editors and other tools."""

from pathlib import Path
from typing import Annotated, Any

import typer


def schemas() -> dict[str, dict[str, Any]]:
    """The JSON Schema of each file kind, by kind."""
    from commkit.model.json_schema import schemas as _schemas

    return _schemas()


def schema(
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", metavar="DIR", help="Write <kind>.schema.json files into this folder."
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing files.")] = False,
) -> None:
    """Print (or write) the JSON Schema of every YAML kind.

    Point your editor at them: with the YAML language server, put
    `# yaml-language-server: $schema=schemas/checklist.schema.json` on the first line.

    Examples:

    \b
      commkit schema --out schemas/
      commkit schema > all-schemas.json
    """
    import json

    from commkit.cli.output import out as console
    from commkit.cli.output import print_json

    data = schemas()
    if out is None:
        print_json(data)
        return
    from commkit.errors import OutputExistsError
    from commkit.fsutil import atomic_write_text

    targets = {kind: out / f"{kind}.schema.json" for kind in data}
    existing = [str(p) for p in targets.values() if p.exists()]
    if existing and not force:
        raise OutputExistsError(
            f"{len(existing)} file(s) already exist, e.g. {existing[0]} (use --force)"
        )
    for kind, path in targets.items():
        text = json.dumps(data[kind], indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        atomic_write_text(path, text, force=force)
        console().print(f"wrote {path}", markup=False, highlight=False)


def register(app: typer.Typer) -> None:
    app.command("schema")(schema)

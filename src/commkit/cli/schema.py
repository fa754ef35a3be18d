"""``commkit schema``: JSON Schema for every YAML kind, for editors and other tools."""

from pathlib import Path
from typing import Annotated

import typer

from commkit.cli.options import force_option, out_option


def schema(
    ctx: typer.Context,
    out: Annotated[Path | None, out_option()] = None,
    force: Annotated[bool, force_option()] = False,
) -> None:
    from commkit import api
    from commkit.cli.context import settings
    from commkit.cli.output import out as console
    from commkit.cli.output import print_json
    from commkit.i18n import text

    lang = settings(ctx).lang

    if out is None:
        print_json(api.schemas())
        return
    for path in api.write_schemas(out, force=force):
        console().print(text("cli.wrote", lang, path=path), markup=False, highlight=False)


def register(app: typer.Typer) -> None:
    app.command("schema")(schema)

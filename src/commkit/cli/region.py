"""``commkit region init``: scaffold a workspace for a new region."""

from pathlib import Path
from typing import Annotated

import typer

from commkit.cli.context import settings
from commkit.cli.options import Lang, flag, group, value_option

region_app = group("region")


@region_app.command("init")
def init(
    ctx: typer.Context,
    directory: Annotated[Path, typer.Argument()],
    name: Annotated[str, typer.Option("--name")],
    country: Annotated[str | None, value_option("--country")] = None,
    lang: Annotated[Lang | None, value_option("--lang", metavar="en|ru")] = None,
    force: Annotated[bool, flag("--force")] = False,
) -> None:
    from commkit import api
    from commkit.cli.output import err, say

    s = settings(ctx)
    language = lang or s.lang_for(None)
    result = api.scaffold_region(directory, name, country=country, lang=language, force=force)
    from commkit.i18n import plural

    console = err()
    actors = result.region.ecosystem.actors
    to_be = sum(1 for a in actors if a.status == "to-be")
    region_name = api.tr(result.region.name, language)
    say(console, "cli.region_created", language, name=region_name, directory=directory)
    for path in result.written:
        say(console, "cli.wrote", language, "  ", path=path)
    actors_count = plural("cli.actors_count", len(actors), language)
    say(console, "cli.region_actors", language, "  ", actors=actors_count, to_be=to_be)
    say(console, "cli.region_next", language, directory=directory)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.add_typer(region_app)

"""``commkit region init``: scaffold a workspace for a new region."""

from pathlib import Path
from typing import Annotated

import typer

from commkit.cli.context import settings
from commkit.cli.options import Lang, group

region_app = group(
    "region",
    "Set up a region's workspace (region.yaml, communities/, assessments/).",
)


@region_app.command("init")
def init(
    ctx: typer.Context,
    directory: Annotated[
        Path, typer.Argument(help="The workspace folder to create (may exist and be empty).")
    ],
    name: Annotated[str, typer.Option("--name", help="The region's name, e.g. 'Perm Krai'.")],
    country: Annotated[
        str | None, typer.Option("--country", help="The country.", show_default=False)
    ] = None,
    lang: Annotated[
        Lang | None,
        typer.Option(
            "--lang",
            help="The region's working language, en or ru (default: the global --lang).",
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite an existing region.yaml and README.md.")
    ] = False,
) -> None:
    """Create region.yaml (with an ecosystem template), communities/, assessments/ and a
    README for the team. The new region.yaml is validated before it is written.

    Examples:

    \b
      commkit region init perm --name "Perm Krai" --country Russia --lang ru
      commkit region init ./kazan --name Kazan
    """
    from commkit import api
    from commkit.cli.output import err

    s = settings(ctx)
    result = api.scaffold_region(directory, name, country, lang or s.lang, force=force)
    console = err()
    actors = result.region.ecosystem.actors
    console.print(
        f"Created the workspace for [bold]{result.region.name}[/] in {directory}",
        soft_wrap=True,
    )
    for path in result.written:
        console.print(f"  wrote {path}", markup=False, soft_wrap=True)
    console.print(
        f"  region.yaml holds {len(actors)} ecosystem actors to adapt "
        f"({sum(1 for a in actors if a.status == 'to-be')} of them TO-BE).",
        markup=False,
    )
    console.print(
        "Next: commkit community add --workspace "
        f"{directory} --name ... ; then commkit map {directory}",
        markup=False,
        soft_wrap=True,
    )


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.add_typer(region_app)

"""``commkit content init``: start a customised content pack."""

from pathlib import Path
from typing import Annotated

import typer

from commkit.cli.options import group

content_app = group(
    "content",
    "Customise the content: the checklist, roadmap templates, seminars, report templates.",
)


@content_app.command("init")
def init(
    target: Annotated[Path, typer.Argument(help="Folder for the new pack.")],
    overlay: Annotated[
        bool,
        typer.Option(
            "--overlay",
            help="Write an overlay that extends the default pack and holds only your changes.",
        ),
    ] = False,
    name: Annotated[str | None, typer.Option("--name", help="Name of the pack.")] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Write into a non-empty folder, replacing files.")
    ] = False,
) -> None:
    """Copy the default content pack (or start an overlay) to customise it.

    A full copy holds every file and the report templates. An overlay holds only what you
    change, merged with the default by id (`ignore: true` drops an item).

    Examples:

    \b
      commkit content init my-pack
      commkit content init kazan-pack --overlay
      commkit --content my-pack validate my-pack
    """
    from rich.markup import escape

    from commkit import api
    from commkit.cli.output import out

    written = api.init_content_pack(target, overlay=overlay, name=name, force=force)
    report = api.validate([target])
    console = out()
    kind = "an overlay" if overlay else "a full copy of the"
    place = escape(str(target))
    console.print(
        f"Wrote {kind} content pack to [bold]{place}[/] ({len(written)} files).",
        highlight=False,
    )
    status = (
        "[green]is valid[/]" if report.ok else f"[red]has errors: run commkit validate {place}[/]"
    )
    console.print(f"The pack {status}. Use it: commkit --content {place} assess", highlight=False)


def register(app: typer.Typer) -> None:
    app.add_typer(content_app, name="content")

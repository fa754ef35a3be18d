"""``commkit content init`` and ``content diff``: customise the content, compare versions."""

from pathlib import Path
from typing import Annotated

import typer

from commkit.cli.context import settings
from commkit.cli.options import Json, argument, flag, group

content_app = group("content")


@content_app.command("init")
def init(
    ctx: typer.Context,
    target: Annotated[Path, typer.Argument()],
    overlay: Annotated[bool, flag("--overlay")] = False,
    name: Annotated[str | None, typer.Option("--name")] = None,
    force: Annotated[bool, flag("--force")] = False,
) -> None:
    from commkit import api
    from commkit.cli.output import esc as escape
    from commkit.cli.output import out
    from commkit.i18n import plural, text

    lang = settings(ctx).lang_for(None)
    written = api.init_content(target, overlay=overlay, force=force, name=name)
    report = api.validate_pack(target)
    console = out()
    place = escape(str(target))
    files = plural("cli.files_count", len(written), lang)
    key = "cli.content_wrote_overlay" if overlay else "cli.content_wrote_full"
    console.print(text(key, lang, place=f"[bold]{place}[/]", files=files), highlight=False)
    if report.ok:
        console.print(f"[green]{text('cli.content_valid', lang, place=place)}[/]", highlight=False)
    else:
        console.print(f"[red]{text('cli.content_invalid', lang, place=place)}[/]", highlight=False)


@content_app.command("diff")
def diff(
    ctx: typer.Context,
    old: Annotated[Path | None, argument(metavar="OLD")] = None,
    new: Annotated[Path | None, argument(metavar="NEW")] = None,
    as_json: Json = False,
    rev: Annotated[str | None, typer.Option("--rev", metavar="REV")] = None,
) -> None:
    import sys

    from commkit import api
    from commkit.cli.output import print_json

    changes = api.diff_content(old, new, rev=rev)
    if as_json:
        print_json(api.diff_json(changes))
        return
    sys.stdout.write(api.render_diff_markdown(changes, settings(ctx).lang_for(None)))


def register(app: typer.Typer) -> None:
    app.add_typer(content_app, name="content")

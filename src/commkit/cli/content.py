"""``commkit content init`` and ``content diff``: customise the content, compare versions."""

from pathlib import Path
from typing import Annotated

import typer

from commkit.cli.context import settings
from commkit.cli.options import Json, argument, flag, group

content_app = group(
    "content",
    "Customise the content: the checklist, roadmap templates, seminars, report templates.",
)


@content_app.command("init")
def init(
    ctx: typer.Context,
    target: Annotated[Path, typer.Argument()],
    overlay: Annotated[bool, flag("--overlay")] = False,
    name: Annotated[str | None, typer.Option("--name")] = None,
    force: Annotated[bool, flag("--force")] = False,
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
    """What changed between two versions of the method, item by item, by id.

    Questions, answer options, dimensions, stages, roadmap actions, seminars and migrations
    added, removed and changed, each change with its value before and after: a Markdown
    change log on stdout, or --json.

    Examples:

    \b
      commkit content diff checklists/history/self-identification-1.0.yaml \\
          checklists/self-identification.yaml > CHANGES.md
      commkit content diff my-pack-2025 my-pack-2026
      commkit --lang ru content diff old-pack new-pack
      commkit content diff my-pack --rev v2025 --json
    """
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

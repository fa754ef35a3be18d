"""``commkit methodology``: browse the method in the terminal."""

from typing import Annotated

import typer

from commkit.cli.context import settings
from commkit.cli.options import argument, json_option


def methodology(
    ctx: typer.Context,
    chapter: Annotated[str | None, argument()] = None,
    as_json: Annotated[bool, json_option()] = False,
) -> None:
    from commkit import api
    from commkit.cli.output import out, print_json

    s = settings(ctx)
    pack = s.pack()
    if chapter is not None:
        data = api.method_chapter(chapter, pack=pack, lang=s.lang)
    else:
        data = api.method_overview(pack, s.lang)
    if as_json:
        print_json(data)
        return
    from commkit.cli.views import show_chapter, show_overview

    if chapter is not None:
        show_chapter(out(), data, s.lang)
    else:
        show_overview(out(), data, s.lang)


def register(app: typer.Typer) -> None:
    app.command("methodology")(methodology)

"""Options shared by many commands, written once (Typer ``Annotated`` aliases), and the one
date parser. Only ``typer`` is imported here: this module loads with ``commkit --help``."""

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Literal

import typer

Lang = Literal["en", "ru"]
"""The languages of every text, report and message."""


def date_parser(option: str) -> Callable[[str], dt.date]:
    """A Typer parser for a YYYY-MM-DD option; a bad date is a usage error naming it."""

    def parse(value: str) -> dt.date:
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise typer.BadParameter(
                f"{option} {value!r} is not a date such as 2026-01-12"
            ) from None

    return parse


def date_option(help: str, option: str = "--date") -> Any:
    """A YYYY-MM-DD option (``--date`` unless named otherwise), parsed to a date."""
    return typer.Option(
        option, metavar="YYYY-MM-DD", parser=date_parser(option), help=help, show_default=False
    )


def out_option(help: str, metavar: str = "DIR") -> Any:
    """``--out/-o``: where a command writes (a folder unless ``metavar`` says FILE)."""
    return typer.Option("--out", "-o", metavar=metavar, help=help, show_default=False)


Json = Annotated[
    bool, typer.Option("--json", help="Print one JSON document on stdout (and nothing else there).")
]
Force = Annotated[bool, typer.Option("--force", help="Overwrite existing files.")]
OutDir = Annotated[Path, out_option("Folder to write into.")]
Workspace = Annotated[
    Path, typer.Option("--workspace", "-w", metavar="DIR", help="The workspace folder.")
]


def group(name: str, help: str) -> typer.Typer:
    """A command group (``commkit NAME ...``): no arguments shows its help."""
    return typer.Typer(name=name, help=help, no_args_is_help=True, rich_markup_mode="rich")


TableFormat = Literal[
    "simple", "plain", "github", "grid", "pipe", "psql", "rst", "orgtbl", "html", "tsv"
]
"""The tabulate formats offered by ``--fmt`` (``simple`` by default)."""
AsTable = Annotated[
    bool,
    typer.Option("--table", help="Print the rows as a plain text table (see --fmt), for pasting."),
]
Fmt = Annotated[
    TableFormat,
    typer.Option("--fmt", help="The format of --table (tabulate's names)."),
]

"""Options shared by many commands, written once (Typer ``Annotated`` aliases and option
factories), and the one date parser. Their help text lives in :mod:`commkit.i18n.help_en`
(and ``help_ru``), looked up by command path and parameter name. Only ``typer`` is imported
here: this module loads with ``commkit --help``."""

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Literal

import typer

Lang = Literal["en", "ru"]
"""The languages of every text, report and message."""


def date_parser(option: str) -> Callable[[str], dt.date]:
    """A Typer parser for a YYYY-MM-DD option; a bad date is a usage error (exit 2)."""

    def parse(value: str) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise typer.BadParameter(
                f"{value!r} is not a date such as 2026-01-12", param_hint=option
            ) from None

    return parse


def value_option(*names: str, **settings: Any) -> Any:
    """An option taking a value, its default left out of ``--help`` (None means "not given")."""
    return typer.Option(*names, show_default=False, **settings)


def flag(*names: str) -> Any:
    """An on/off switch, off unless given."""
    return typer.Option(*names)


def argument(**settings: Any) -> Any:
    """A positional argument, its default left out of ``--help``."""
    return typer.Argument(show_default=False, **settings)


def date_option(option: str = "--date", metavar: str = "YYYY-MM-DD") -> Any:
    """A YYYY-MM-DD option (``--date`` unless named otherwise), parsed to a date."""
    return typer.Option(option, metavar=metavar, parser=date_parser(option), show_default=False)


def out_option(metavar: str = "DIR") -> Any:
    """``--out/-o``: where a command writes (a folder unless ``metavar`` says FILE)."""
    return typer.Option("--out", "-o", metavar=metavar)


def force_option() -> Any:
    """``--force/-f``: the only way an existing file is replaced."""
    return typer.Option("--force", "-f")


def json_option() -> Any:
    """``--json``: machine output on stdout, messages on stderr."""
    return typer.Option("--json")


Force = Annotated[bool, force_option()]
Json = Annotated[bool, json_option()]
OptionalDate = Annotated[dt.date | None, date_option()]

TableFormat = Literal[
    "simple", "plain", "github", "grid", "pipe", "psql", "rst", "orgtbl", "html", "tsv"
]
"""The tabulate formats offered by ``--fmt`` (``simple`` by default)."""
AsTable = Annotated[bool, typer.Option("--table")]
Fmt = Annotated[TableFormat, typer.Option("--fmt", metavar="FORMAT")]


def group(name: str) -> typer.Typer:
    """A command group (``commkit NAME ...``) made the one way: no arguments shows its help."""
    return typer.Typer(name=name, no_args_is_help=True, rich_markup_mode="rich")


def workspace_option(*, short: bool = False) -> Any:
    """``--workspace DIR`` (``-w`` too where no other option takes it)."""
    names = ("--workspace", "-w") if short else ("--workspace",)
    return typer.Option(*names, metavar="DIR", show_default=False)


def community_option() -> Any:
    """``--community SLUG``: one community of a workspace, by the name of its files."""
    return typer.Option("--community", metavar="SLUG", show_default=False)


Workspace = Annotated[Path, typer.Option("--workspace", "-w")]
"""A workspace folder, the current one by default."""

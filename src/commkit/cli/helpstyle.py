"""Readable help for every command, set in one place rather than on each option.

Typer's plain help shows a parameter's Python type (``<list[str]>``, ``<int range>``,
``{slug}``) and Click cuts command summaries at 45 characters with "...". Here each option
without a metavar gets one a reader understands (``FILE``, ``DIR``, ``DATE``, ``N``,
``en|ru``), arguments show their name only (``FILE...``, ``SLUG``), and a command's summary
is its whole first sentence.
"""

from __future__ import annotations

import re
from typing import Any

NAMED = {
    "date": "DATE",
    "as_of": "DATE",
    "snapshot_date": "DATE",
    "start": "DATE",
    "founded": "DATE",
    "time": "HH:MM",
    "lang": "en|ru",
    "language": "en|ru",
    "format": "FORMAT",
    "fmt": "FORMAT",
    "slug": "SLUG",
    "name": "NAME",
    "country": "NAME",
    "leader": "NAME",
    "platform": "TEXT",
    "description": "TEXT",
    "workspace": "DIR",
    "out": "DIR",
    "out_dir": "DIR",
    "content": "DIR",
    "community": "FILE",
    "assessment": "FILE",
    "holidays": "FILE",
    "ics": "FILE",
    "csv": "FILE",
    "csv_path": "FILE",
}


def _metavar(param: Any) -> str:
    """A short upper-case word for what the option takes."""
    desc = param.type_descriptor
    longest = max(param.opts, key=len, default="")
    name = longest.lstrip("-").replace("-", "_") or param.name or ""
    annotation = getattr(desc, "annotation", None)
    if name in NAMED:
        word = NAMED[name]
    elif desc.is_ranged or annotation in (int, float):
        word = "N"
    elif desc.is_path:
        word = "PATH"
    else:
        word = "TEXT"
    return word + ("..." if getattr(param, "multiple", False) else "")


def _argument_usage(param: Any) -> Any:
    def usage() -> str:
        name = str(param.metavar)
        if param.nargs != 1 and not name.endswith("..."):
            name += "..."
        return name if param.required else f"[{name}]"

    return usage


def tidy(command: Any) -> None:
    """Give ``command`` (and every subcommand) readable metavars and uncut summaries."""
    if getattr(command, "_commkit_tidy", False):
        return
    command._commkit_tidy = True
    for param in command.params:
        if param.param_type_name == "argument":
            if param.metavar is None:
                listed = param.type_descriptor.is_list or "list" in str(
                    param.type_descriptor.annotation
                )
                plural = "..." if param.nargs != 1 or listed else ""
                param.metavar = (param.name or "value").upper() + plural
            # the name says it all: no "<list[str]>" beside it, no "{slug}" in the usage
            param.display_type_rich = lambda ctx: None
            param._usage_display_name = _argument_usage(param)
        elif param.param_type_name == "option" and not param.is_flag and param.metavar is None:
            param.metavar = _metavar(param)
    if command.help and not command.short_help:
        first = command.help.strip().split("\n\n")[0]
        sentence = re.split(r"(?<=[.!?])\s", " ".join(first.split()), maxsplit=1)[0]
        command.short_help = sentence.rstrip(".")
    for sub in getattr(command, "commands", {}).values():
        tidy(sub)

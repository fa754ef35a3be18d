"""Readable help for every command, set in one place rather than on each option.

Typer's plain help shows a parameter's Python type (``<list[str]>``, ``<int range>``,
``{slug}``) and Click cuts command summaries at 45 characters with "...". Here each option
without a metavar gets one a reader understands (``FILE``, ``DIR``, ``DATE``, ``N``,
``en|ru``), arguments show their name only (``FILE...``, ``SLUG``), and a command's summary
is its whole first sentence. Every option's help comes from the catalog of its language
(:mod:`commkit.i18n.help_en`, :mod:`commkit.i18n.help_ru`) by one rule, :func:`param_help`.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import typer

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


def param_help(catalog: Any, path: str, name: str | None) -> str | None:
    """The help of parameter ``name`` of command ``path`` in a help catalog module."""
    texts: dict[str, str] = catalog.PARAMS.get(path, {})
    return texts.get(name or "") or catalog.COMMON.get(name or "")


def command_help(catalog: Any, path: str) -> str:
    """The help of command ``path`` in a help catalog module, its example lines (the same in
    every language) appended under the catalog's heading."""
    from commkit.i18n.help_examples import EXAMPLES

    text: str = catalog.COMMANDS[path]
    if path in EXAMPLES:
        text += f"\n\n{catalog.EXAMPLES_HEADING}\n\n\b\n{EXAMPLES[path]}"
    return text


def tidy(command: Any, path: str = "") -> None:
    """Give ``command`` (and every subcommand) its English option help, readable metavars
    and uncut summaries."""
    if getattr(command, "_commkit_tidy", False):
        return
    command._commkit_tidy = True
    from commkit.i18n import help_en

    if path in help_en.COMMANDS:
        command.help = command_help(help_en, path)
    for param in command.params:
        if getattr(param, "help", "") is None:
            param.help = param_help(help_en, path, param.name)
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
    for name, sub in getattr(command, "commands", {}).items():
        tidy(sub, f"{path} {name}".strip())


# ------------------------------------------------------------------ the language of --help

_LANG = ["en"]
"""The language ``--help`` and usage errors are written in for this run."""


def help_lang(args: list[str]) -> str:
    """``--help`` has no input file: ``--lang`` (wherever it is typed) > ``COMMKIT_LANG`` > en."""
    from commkit.i18n import resolve_lang

    given = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            given = args[i + 1]
        elif arg.startswith("--lang="):
            given = arg.partition("=")[2]
    return resolve_lang(given if given in ("en", "ru") else None)


def _paths(command: Any, path: str = "") -> Any:
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from _paths(sub, f"{path} {name}".strip())


def localize_help(root: Any, lang: str) -> None:
    """Every command's and option's help in ``lang`` (the English is kept to come back to:
    tests run both languages in one process)."""
    tidy(root)
    _LANG[0] = lang
    if lang == "ru":
        from commkit.i18n import help_ru

    for path, command in _paths(root):
        command.context_class = LocalizedContext
        if not hasattr(command, "_commkit_en"):
            command._commkit_en = (command.help, command.short_help)
            for param in command.params:
                param._commkit_en = getattr(param, "help", None)
        if lang != "ru":
            command.help, command.short_help = command._commkit_en
            for param in command.params:
                param.help = param._commkit_en
            continue
        if path in help_ru.COMMANDS:
            command.help = command_help(help_ru, path)
            command.short_help = help_ru.SUMMARIES.get(path) or _first_sentence(command.help)
        for param in command.params:
            russian = param_help(help_ru, path, param.name)
            if russian is not None:
                param.help = russian


def _first_sentence(text: str) -> str:
    first = text.strip().split("\n\n")[0]
    return re.split(r"(?<=[.!?])\s", " ".join(first.split()), maxsplit=1)[0].rstrip(".")


class LocalizedContext(typer.Context):
    """A context whose help formatter writes Click's own words in the run's language."""

    def make_formatter(self) -> Any:
        if _LANG[0] != "ru":
            return super().make_formatter()
        base: Any = self.formatter_class
        return _russian(base)(width=self.terminal_width, max_width=self.max_content_width)


@functools.cache
def _russian(base: Any) -> Any:
    from commkit.i18n.help_ru import COMMON
    from commkit.i18n.usage import heading, help_marks, usage_prefix

    shown = {"Show this message and exit.": COMMON["help"]}

    class RussianFormatter(base):  # type: ignore[misc]
        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            super().write_usage(prog, args, usage_prefix() if prefix is None else prefix)

        def write_heading(self, word: str) -> None:
            super().write_heading(heading(word))

        def write_dl(self, rows: Any, *args: Any, **kwargs: Any) -> None:
            rows = [(term, help_marks(shown.get(text, text))) for term, text in rows]
            super().write_dl(rows, *args, **kwargs)

    return RussianFormatter


def localize_error(exc: BaseException) -> None:
    """Have a usage error of Click or Typer show itself in Russian (a Russian run only)."""
    if _LANG[0] != "ru" or not hasattr(exc, "format_message"):
        return
    if type(exc).__name__ == "NoArgsIsHelpError":  # shows the help, already in Russian
        return

    def show(file: Any = None) -> None:
        import sys

        from commkit.i18n.usage import error_line, try_help

        out = file or sys.stderr
        ctx = getattr(exc, "ctx", None)
        if ctx is not None:
            hint = ""
            if ctx.command.get_help_option(ctx) is not None:
                hint = try_help(ctx.command_path, ctx.help_option_names[0]) + "\n"
            out.write(f"{ctx.get_usage()}\n{hint}\n")
        out.write(error_line(exc.format_message()) + "\n")

    exc.show = show  # type: ignore[attr-defined]

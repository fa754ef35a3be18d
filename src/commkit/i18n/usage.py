"""Click's and Typer's own words in Russian: usage errors, the headings of ``--help`` and the
``[default: ...]`` marks after an option.

Typer ships its own copy of Click in which these texts are plain English f-strings (no
gettext catalog to hand a translation to), so a Russian run rewrites them here, in one place:
each English sentence Click, Typer (and pydantic, which checks Typer's values) or commkit's
own option checks write is a pattern below with its Russian, the way
:mod:`commkit.i18n.messages` translates commkit's errors. A sentence no pattern matches goes
on to that catalog, then is shown as written. ``commkit.cli.helpstyle`` applies it.
"""

from __future__ import annotations

import re
from functools import cache

from commkit.i18n.help_ru import CLICK
from commkit.i18n.messages import _regex, localize

ERRORS: list[tuple[str, str]] = [
    # Click's parser and Typer's groups
    (
        "No such option: {name} (Possible options: {names})",
        "нет такого параметра: {name} (похожие: {names})",
    ),
    ("No such option: {name}", "нет такого параметра: {name}"),
    (
        "No such command {name}. Did you mean {names}?",
        "нет такой команды: {name}. Может быть, {names}?",
    ),
    ("No such command {name}.", "нет такой команды: {name}"),
    ("Missing command.", "не указана команда"),
    ("Missing option {hint}.", "не указан параметр {hint}"),
    ("Missing argument {hint}.", "не указан аргумент {hint}"),
    ("Missing parameter: {hint}", "не указан параметр {hint}"),
    ("Invalid value for {hint}: {message}", "недопустимое значение {hint}: {message}"),
    ("Invalid value: {message}", "недопустимое значение: {message}"),
    ("Got unexpected extra argument(s) ({args})", "лишние аргументы: {args}"),
    ("Option {name} requires an argument.", "параметру {name} нужно значение"),
    ("Option {name} requires {n} arguments.", "параметру {name} нужно значений: {n}"),
    ("Option {name} does not take a value.", "параметр {name} не принимает значения"),
    ("Argument {name} takes {n} values.", "аргументу {name} нужно значений: {n}"),
    ("Could not open file {name}: {reason}", "не удалось открыть файл {name}: {reason}"),
    # Typer's value checks
    ("Value error, {message}", "{message}"),
    ("{value} is not one of {choices}.", "{value} — не одно из значений {choices}"),
    ("Value {value} is not a valid {kind}.", "{value} — недопустимое значение"),
    ("File {path} does not exist.", "файла {path} нет"),
    ("Directory {path} does not exist.", "папки {path} нет"),
    ("Path {path} does not exist.", "пути {path} нет"),
    ("File {path} is a directory.", "{path} — папка, а нужен файл"),
    ("Directory {path} is a file.", "{path} — файл, а нужна папка"),
    ("Path {path} is a directory.", "{path} — папка"),
    ("Path {path} is a file.", "{path} — файл"),
    ("File {path} is not readable.", "файл {path} нельзя прочитать"),
    ("Directory {path} is not writable.", "в папку {path} нельзя записывать"),
    # pydantic, which Typer checks numbers with
    ("Input should be less than or equal to {n}", "значение должно быть не больше {n}"),
    ("Input should be greater than or equal to {n}", "значение должно быть не меньше {n}"),
    ("Input should be less than {n}", "значение должно быть меньше {n}"),
    ("Input should be greater than {n}", "значение должно быть больше {n}"),
    (
        "Input should be a valid integer, unable to parse string as an integer",
        "нужно целое число",
    ),
    ("Input should be a valid integer{rest}", "нужно целое число"),
    ("Input should be a valid number{rest}", "нужно число"),
    # commkit's own option checks (cli/)
    ("{value} is not a date such as 2026-01-12", "{value} — не дата вида 2026-01-12"),
    ("choose 'en' or 'ru'", "выберите 'en' или 'ru'"),
    ("--charts goes with --out FILE", "--charts работает только вместе с --out FILE"),
    (
        "--public writes only the public HTML page: give --html FILE and no --out, --csv, "
        "--xlsx or --json",
        "--public записывает только публичную HTML-страницу: укажите --html FILE и не "
        "указывайте --out, --csv, --xlsx и --json",
    ),
    ("--excel shapes the CSV: give --csv FILE too", "--excel меняет вид CSV: укажите и --csv FILE"),
    (
        "give --assessment FILE (a community's plan) or --workspace DIR (the regional plan)",
        "укажите --assessment FILE (план сообщества) или --workspace DIR (региональный план)",
    ),
]
"""Each usage error as Click, Typer or commkit writes it, and its Russian; the first that
matches is used, so a sentence that holds another comes before it."""

MARKS = {"env var": CLICK["env var"], "default": CLICK["default"], "required": CLICK["required"]}
_EXTRA = re.compile(r"(\s\s)\[([^\[\]]*)\]$")


@cache
def _patterns() -> list[tuple[re.Pattern[str], str, list[str]]]:
    """In the order of :data:`ERRORS`: a sentence that wraps another comes before it."""
    found = []
    for english, russian in ERRORS:
        body, names = _regex(english)
        found.append((re.compile(f"^{body}$", re.S), russian, names))
    return found


def usage_error(message: str) -> str:
    """A usage error in Russian; the message inside "Invalid value for X: ..." too."""
    for regex, russian, names in _patterns():
        match = regex.match(message)
        if match is None:
            continue
        values = {
            name: usage_error(match.group(name)) if name == "message" else match.group(name)
            for name in names
        }
        return russian.format(**values)
    return localize(message, "ru")


def help_marks(text: str) -> str:
    """The ``[env var: X; default: 26; required]`` after an option's help, in Russian."""

    def russian(match: re.Match[str]) -> str:
        parts = []
        for part in match.group(2).split("; "):
            word, colon, rest = part.partition(":")
            parts.append(MARKS.get(word, word) + colon + rest)
        return f"{match.group(1)}[{'; '.join(parts)}]"

    return _EXTRA.sub(russian, text)


def heading(word: str) -> str:
    """A section heading of ``--help`` ("Options", "Commands", "Arguments")."""
    return CLICK.get(word, word)


def usage_prefix() -> str:
    return CLICK["usage"] + " "


def try_help(command: str, option: str) -> str:
    return CLICK["try"].format(command=command, option=option)


def error_line(message: str) -> str:
    return CLICK["error"].format(message=usage_error(message))

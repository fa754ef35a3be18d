"""Option values turned into Python values without building a pydantic validator per option.

Typer 0.29 coerces every parameter of the command it runs through a pydantic ``TypeAdapter``,
and builds that adapter even for an option the user did not give (value ``None``, which it
then returns untouched). That import and those builds cost a one-file command about as much
as the command's own work. Here each of commkit's parameters gets a coercion that answers
the cases whose result is known without pydantic, exactly as Typer would:

- not given (``None``): ``None``, or ``()`` for a parameter taking many values;
- a ``str`` option given as text: the text;
- a ``Path`` option (no parser, no file opening) given as text: ``Path(text)``, then Typer's
  own path checks (``exists``, ``file_okay``...) and messages;
- a list of those;
- an ``int`` option whose value is already a whole number within its ``min``/``max`` (its
  default);
- a choice (``Literal``, ``Enum``) given one of its values, matched by Typer's own rule;
- an ``int`` option given as a few plain digits (``--weeks 12``) within its ``min``/``max``;
- an option with its own ``parser`` (a date) given as text: what the parser returns (Typer
  hands the text to the parser and keeps its result as it is).

Anything else (other numbers, choices, files to open, a parser that refuses) is handed to the
coercion Typer builds, built on first use, so its values and error messages are Typer's.
The names used from Typer are private; if they are missing (another Typer), nothing is
installed and Typer works as it always does. ``tests/test_cli_coercion.py`` checks that
these names still exist and that every commkit parameter coerces as Typer's own does.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, get_args, get_origin

try:
    from typer._coercion import build_runtime_param
    from typer._param_types import choice_coercion_annotation, coerce_cli_choice, coerce_cli_path
    from typer.core import _TyperParameter
except ImportError:  # another Typer: leave its coercion alone
    _TyperParameter = None  # type: ignore[assignment,misc]

_NOT_QUICK = object()
_DIGITS = re.compile(r"0|[1-9][0-9]{0,8}")
"""A whole number as every reader takes it (no sign, space, underscore or leading zero)."""


def _leaf_kind(annotation: Any, info: Any) -> str | None:
    """``"str"``, ``"int"``, ``"path"`` or ``"choice"`` when a value of ``annotation`` may
    need no pydantic."""
    if getattr(info, "click_type", None):
        return None
    if getattr(info, "parser", None) is not None:
        return "parser"
    if annotation is str:
        return "str"
    if annotation is int and not getattr(info, "clamp", False):
        return "int"
    if annotation is Path and getattr(info, "path_type", None) is None:
        return "path"
    if choice_coercion_annotation(annotation, info) is not None:
        return "choice"
    return None


class QuickCoercion:
    """The coercion of one parameter: the quick cases here, the rest by Typer's own."""

    def __init__(self, param: Any) -> None:
        desc = param.type_descriptor
        info = desc.parameter_info
        annotation = desc.annotation
        self.many = get_origin(annotation) is list
        if self.many:
            args = get_args(annotation)
            annotation = args[0] if len(args) == 1 else None
        self.kind = None if desc.file_annotation is not None else _leaf_kind(annotation, info)
        self.info = info
        self.path_type = annotation
        choice = choice_coercion_annotation(annotation, info) if self.kind == "choice" else None
        self.choices, self.case_sensitive = choice or ((), True)

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        if value is None:
            return () if param.multiple or param.nargs == -1 else None
        quick = self._quick(value, param, ctx)
        if quick is not _NOT_QUICK:
            return quick
        real = build_runtime_param(param.type_descriptor)
        param._runtime_param = real
        return real.coerce(value, param=param, ctx=ctx)

    def _quick(self, value: Any, param: Any, ctx: Any) -> Any:
        if self.kind is None:
            return _NOT_QUICK
        multi = param.multiple or param.nargs == -1
        if self.many:
            if not multi or not isinstance(value, list | tuple):
                return _NOT_QUICK
            if not all(self._plain(item) for item in value):
                return _NOT_QUICK
            items = [self._one(item, param, ctx) for item in value]
            return _NOT_QUICK if _NOT_QUICK in items else items
        if multi or not self._plain(value):
            return _NOT_QUICK
        return self._one(value, param, ctx)

    def _plain(self, value: Any) -> bool:
        """Text, or (for a path) already a path of the option's type (a default), or (for
        a number) a whole number in range."""
        if self.kind == "int":
            if type(value) is str and _DIGITS.fullmatch(value):
                value = int(value)
            low, high = self.info.min, self.info.max
            return (
                type(value) is int
                and (low is None or value >= low)
                and (high is None or value <= high)
            )
        if self.kind == "choice":
            return True  # coerce_cli_choice decides
        return isinstance(value, str) or (self.kind == "path" and isinstance(value, self.path_type))

    def _one(self, value: Any, param: Any, ctx: Any) -> Any:
        if self.kind == "choice":
            try:
                return coerce_cli_choice(
                    value, choices=self.choices, case_sensitive=self.case_sensitive, ctx=ctx
                )
            except ValueError:  # not a choice: Typer's own coercion says so, in its words
                return _NOT_QUICK
        if self.kind == "parser":
            try:
                return self.info.parser(value)
            except Exception:  # Typer's own coercion runs it again and says why
                return _NOT_QUICK
        if self.kind == "int":
            return int(value)
        if self.kind != "path":
            return value
        if isinstance(value, str):  # what Typer's pydantic validation makes of text
            value = self.path_type(value)
        return coerce_cli_path(value, self.info, path_type=self.path_type, param=param, ctx=ctx)


def _quick_runtime_param(self: Any) -> Any:
    if self._runtime_param is None:
        self._runtime_param = QuickCoercion(self)
    return self._runtime_param


TYPERS_OWN: Any = None
"""Typer's own ``get_runtime_param`` (kept for the tests that compare both)."""


def install() -> None:
    """Make Typer's parameters coerce through :class:`QuickCoercion` (once per process).

    It is set on Typer's parameter class, so the help option Click adds to each command
    (made when a command is run) gets it too; for any parameter the result is what Typer's
    own coercion gives, so another Typer app in the same process sees no difference.
    """
    global TYPERS_OWN
    if _TyperParameter is None or not hasattr(_TyperParameter, "get_runtime_param"):
        return
    if TYPERS_OWN is None:
        TYPERS_OWN = _TyperParameter.get_runtime_param
    _TyperParameter.get_runtime_param = _quick_runtime_param  # type: ignore[method-assign]

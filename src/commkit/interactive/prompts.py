"""A thin adapter over questionary: the wizard asks through it, tests drive it with
prompt_toolkit's ``create_pipe_input()`` and ``DummyOutput()``.

Every prompt uses ``unsafe_ask()`` so that Ctrl-C raises :class:`KeyboardInterrupt` (the
wizard turns it into "draft kept") instead of silently returning ``None``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import questionary
from prompt_toolkit import print_formatted_text
from prompt_toolkit.formatted_text import FormattedText
from questionary import Choice, Separator

STYLE = questionary.Style(
    [
        ("qmark", "fg:ansicyan bold"),
        ("question", "bold"),
        ("pointer", "fg:ansicyan bold"),
        ("highlighted", "fg:ansicyan bold"),
        ("instruction", "fg:ansibrightblack"),
        ("answer", "fg:ansigreen"),
    ]
)

OPTION_KEYS = "123456789acefgijklmopqrtuvwxyz"
"""Shortcut keys for answer options; d, n, s, b and h are kept for the special entries."""


@dataclass(frozen=True)
class Item:
    """One entry of a select or checkbox list; ``key`` is its shortcut (or ``None``)."""

    title: str
    value: Any
    key: str | None = None
    checked: bool = False


@dataclass(frozen=True)
class Heading:
    """A non-selectable line in a list (a dimension title in the review screen)."""

    title: str


Entry = Item | Heading


class Prompter:
    """Asks questions in a terminal. ``input``/``output`` are prompt_toolkit objects
    (``None``: the real terminal)."""

    def __init__(self, input: Any = None, output: Any = None) -> None:
        self.input = input
        self.output = output

    def _io(self) -> dict[str, Any]:
        kwargs: dict[str, Any] = {}
        if self.input is not None:
            kwargs["input"] = self.input
        if self.output is not None:
            kwargs["output"] = self.output
        return kwargs

    def say(self, text: str = "", style: str = "") -> None:
        """Print a line between prompts (help text, progress, headers)."""
        if self.output is not None:
            print_formatted_text(FormattedText([(style, text)]), output=self.output)
        else:
            questionary.print(text, style=style or None)
        sys.stdout.flush()

    def text(
        self,
        message: str,
        *,
        default: str = "",
        validate: Callable[[str], bool | str] | None = None,
        instruction: str | None = None,
    ) -> str:
        question = questionary.text(
            message,
            default=default,
            validate=validate,
            instruction=instruction,
            style=STYLE,
            validate_while_typing=validate is not None,
            **self._io(),
        )
        return str(question.unsafe_ask())

    def select(
        self,
        message: str,
        entries: Sequence[Entry],
        *,
        default: Any = None,
        instruction: str | None = None,
    ) -> Any:
        items = [e for e in entries if isinstance(e, Item)]
        shortcuts = len(items) <= len(OPTION_KEYS) and all(i.key for i in items)
        choices: list[Any] = []
        chosen_default = None
        for e in entries:
            if isinstance(e, Heading):
                choices.append(Separator(e.title))
                continue
            choice = Choice(e.title, value=e.value, shortcut_key=e.key if shortcuts else False)
            if default is not None and e.value == default and chosen_default is None:
                chosen_default = choice
            choices.append(choice)
        question = questionary.select(
            message,
            choices=choices,
            default=chosen_default,
            use_shortcuts=shortcuts,
            use_jk_keys=False,
            instruction=instruction,
            style=STYLE,
            **self._io(),
        )
        return question.unsafe_ask()

    def checkbox(
        self,
        message: str,
        entries: Sequence[Entry],
        *,
        validate: Callable[[list[Any]], bool | str] | None = None,
        instruction: str | None = None,
    ) -> list[Any]:
        choices: list[Any] = [
            Separator(e.title)
            if isinstance(e, Heading)
            else Choice(e.title, value=e.value, checked=e.checked)
            for e in entries
        ]
        question = questionary.checkbox(
            message,
            choices=choices,
            validate=validate or (lambda _: True),
            use_jk_keys=False,
            instruction=instruction,
            style=STYLE,
            **self._io(),
        )
        return list(question.unsafe_ask())

    def confirm(self, message: str, *, default: bool = True) -> bool:
        """A yes/no question answered with Enter: 'y' or 'n' alone only shows the choice.

        (Answering on the key itself leaves the Enter that habit types after it to answer
        the next question, unseen.)
        """
        question = questionary.confirm(
            message, default=default, auto_enter=False, style=STYLE, **self._io()
        )
        return bool(question.unsafe_ask())

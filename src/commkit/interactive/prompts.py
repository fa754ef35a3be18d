"""A thin adapter over questionary: the wizard asks through it, tests drive it with
prompt_toolkit's ``create_pipe_input()`` and ``DummyOutput()``.

Every prompt runs as questionary's ``unsafe_ask()`` does, so that Ctrl-C raises
:class:`KeyboardInterrupt` (the wizard turns it into "draft kept") instead of silently
returning ``None``, and a Ctrl-C pressed just before a prompt starts is not lost.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import questionary
from prompt_toolkit import print_formatted_text
from prompt_toolkit.formatted_text import FormattedText
from questionary import Choice, Separator

from commkit.i18n import norm, text

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

RUSSIAN_LAYOUT = dict(zip("qwertyuiopasdfghjklzxcvbnm", "йцукенгшщзфывапролдячсмить", strict=True))
"""The letter the same physical key types in the Russian layout: a shortcut works in both."""

YES_KEYS = {"en": "yY", "ru": "дДyY"}
NO_KEYS = {"en": "nN", "ru": "нНnN"}
"""Yes/no keys: Russian initials in the Russian UI, and the Latin ones in every language."""


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

    def __init__(self, input: Any = None, output: Any = None, lang: str = "en") -> None:
        self.input = input
        self.output = output
        self.lang = lang
        """The language of questionary's own texts and keys (the wizard switches it)."""

    def _io(self) -> dict[str, Any]:
        kwargs: dict[str, Any] = {}
        if self.input is not None:
            kwargs["input"] = self.input
        if self.output is not None:
            kwargs["output"] = self.output
        return kwargs

    def _ask(self, question: Any) -> Any:
        """Run ``question`` (what questionary's ``unsafe_ask()`` does) so that a Ctrl-C
        stops it however early it comes: as a key, as SIGINT while it runs, or as a
        SIGINT that Python dropped just before it started (see :func:`_remember_interrupts`)."""
        if self.input is None:
            _remember_interrupts()
        app = _interruptible(question).application

        def stop_if_interrupted() -> None:
            if _INTERRUPT["pending"]:
                _INTERRUPT["pending"] = False
                app.exit(exception=KeyboardInterrupt, style="class:aborting")

        return app.run(pre_run=stop_if_interrupted)

    def say(self, text: str = "", style: str = "") -> None:
        """Print a line between prompts (help text, progress, headers), wrapped at word
        boundaries to the terminal's width."""
        text = wrap(text)
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
            fit(message, instruction),
            default=default,
            validate=validate,
            instruction=instruction,
            style=STYLE,
            validate_while_typing=validate is not None,
            **self._io(),
        )
        return str(self._ask(question))

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
        room = _columns() - CHOICE_INDENT
        choices: list[Any] = []
        chosen_default = None
        for e in entries:
            if isinstance(e, Heading):
                choices.append(Separator(e.title))
                continue
            title = shorten(e.title, room) if isinstance(e.title, str) else e.title
            choice = Choice(title, value=e.value, shortcut_key=e.key if shortcuts else False)
            if default is not None and e.value == default and chosen_default is None:
                chosen_default = choice
            choices.append(choice)
        if instruction is None:
            hint = "prompt.select_shortcuts" if shortcuts else "prompt.select_arrows"
            instruction = text(hint, self.lang)
        longest = max((len(c.title) for c in choices if isinstance(c.title, str)), default=0)
        question = questionary.select(
            fit(message, instruction, longest),
            choices=choices,
            default=chosen_default,
            use_shortcuts=shortcuts,
            use_jk_keys=False,
            instruction=instruction,
            style=STYLE,
            **self._io(),
        )
        _add_layout_twins(question)
        return self._ask(question)

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
        asked = fit(message, instruction)
        question = questionary.checkbox(
            asked,
            choices=choices,
            validate=validate or (lambda _: True),
            use_jk_keys=False,
            instruction=instruction
            if instruction is not None
            else text("prompt.checkbox", self.lang),
            style=STYLE,
            **self._io(),
        )
        # questionary leaves "done (2 selections)" on screen, in English: the answer is
        # echoed here instead, as the other prompts echo theirs
        question.application.erase_when_done = True
        try:
            values = list(self._ask(question))
        except KeyboardInterrupt:
            self._echo(asked, "")
            raise
        items = [e for e in entries if isinstance(e, Item)]
        ticked = [next((e.title for e in items if e.value == v), str(v)) for v in values]
        room = _columns() - 2 - (0 if asked.endswith("\n") else len(asked.rsplit("\n", 1)[-1]))
        said = "; ".join(ticked) if ticked else text("prompt.none_ticked", self.lang)
        self._echo(asked, shorten(said, max(room, 20)))
        return values

    def _echo(self, asked: str, answer: str) -> None:
        """A finished question and its answer, as questionary shows them."""
        line = FormattedText(
            [("class:qmark", "?"), ("class:question", f" {asked} "), ("class:answer", answer)]
        )
        if self.output is not None:
            print_formatted_text(line, style=STYLE, output=self.output)
        else:
            print_formatted_text(line, style=STYLE)

    def confirm(self, message: str, *, default: bool = True) -> bool:
        """A yes/no question in the prompter's language (``(д/Н)``, echoed ``Да``), answered
        with Enter: 'y' or 'n' alone only shows the choice (answering on the key itself would
        leave the Enter that habit types after it to answer the next question, unseen)."""
        hint = text("prompt.yes_or_no" if default else "prompt.no_or_yes", self.lang)
        question = confirm_question(fit(message, hint), default, self.lang, **self._io())
        return bool(self._ask(question))


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word with an ellipsis to at most ``limit`` characters."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0] if " " in flat[: limit - 1] else flat[: limit - 1]
    return cut.rstrip(" ,;:—-") + "…"


CHOICE_INDENT = 8
"""What a choice line spends before its title: `` » 1) `` and a margin."""


def _columns() -> int:
    import shutil

    return shutil.get_terminal_size((80, 24)).columns


def fit(message: str, instruction: str | None, answer: int = 0) -> str:
    """A question wrapped at word boundaries; when the hint after it, or the answer echoed
    there (``answer`` characters at most), would not fit on the last line, they start a line
    of their own (the terminal would cut a word instead)."""
    width = _columns()
    wrapped = wrap(message, width - 2)
    last = wrapped.rsplit("\n", 1)[-1]
    after = max(len(instruction or ""), answer)
    if after and len(last) + after + 4 > width:
        return wrapped + "\n"
    return wrapped


_LIST_ITEM = re.compile(r"\s*(?:•|\d+ —) ")
"""The start of a list item (``  • ``, ``  3 — ``): its text continues under its text."""


def wrap(text: str, width: int | None = None) -> str:
    """``text`` broken at spaces to fit ``width`` (the terminal's); lines keep their indent,
    and a list item continues under its text, not under its bullet or number."""
    import shutil
    import textwrap

    width = width or shutil.get_terminal_size((80, 24)).columns
    lines = []
    for line in text.splitlines() or [""]:
        item = _LIST_ITEM.match(line)
        indent = " " * item.end() if item else line[: len(line) - len(line.lstrip())]
        lines.extend(
            textwrap.wrap(
                line,
                width=max(20, width - 1),
                subsequent_indent=indent,
                break_long_words=False,
                break_on_hyphens=False,
            )
            or [""]
        )
    return "\n".join(lines)


_INTERRUPT = {"installed": False, "pending": False}


def _remember_interrupts() -> None:
    """From the first prompt on, a SIGINT is remembered as well as raised.

    Python drops an exception raised while a weakref callback or ``__del__`` runs ("Exception
    ignored in ..."), and a Ctrl-C handled then was lost: prompt_toolkit's and asyncio's
    objects of the last prompt are collected while the next one is built (tens to hundreds of
    milliseconds on a loaded machine). The next prompt starts by honouring a remembered one.
    prompt_toolkit takes SIGINT over while a prompt runs and gives this handler back after.
    """
    import signal
    import threading

    if _INTERRUPT["installed"] or threading.current_thread() is not threading.main_thread():
        return

    def remember_and_raise(signum: int, frame: Any) -> None:
        _INTERRUPT["pending"] = True
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, remember_and_raise)
    _INTERRUPT["installed"] = True


def _interruptible(question: Any) -> Any:
    """Make SIGINT stop ``question`` as Ctrl-C does. A Ctrl-C pressed before the prompt has
    put the terminal in raw mode (the first tens of milliseconds) reaches the program as
    SIGINT, which prompt_toolkit turns into a ``<sigint>`` key; questionary's select,
    checkbox and confirm prompts ignore that key, so the Ctrl-C was swallowed."""
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
    from prompt_toolkit.keys import Keys

    app = question.application
    stop = KeyBindings()

    @stop.add(Keys.SIGINT, eager=True)
    def _stop(event: Any) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    app.key_bindings = merge_key_bindings([app.key_bindings, stop])
    return question


def _add_layout_twins(question: Any) -> None:
    """Let every one-letter shortcut of ``question`` work in the Russian layout too."""
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

    app = question.application
    twins = KeyBindings()
    for binding in app.key_bindings.bindings:
        key = binding.keys[0] if len(binding.keys) == 1 else None
        if isinstance(key, str) and key in RUSSIAN_LAYOUT:
            twins.add(RUSSIAN_LAYOUT[key])(binding.handler)
    app.key_bindings = merge_key_bindings([app.key_bindings, twins])


def confirm_question(message: str, default: bool, lang: str, **kwargs: Any) -> Any:
    """questionary's confirm with its texts and keys in ``lang`` (questionary has them in
    English only): the instruction, the echoed answer and the yes/no letters."""
    from prompt_toolkit import PromptSession
    from prompt_toolkit.formatted_text import to_formatted_text
    from prompt_toolkit.key_binding import KeyBindings
    from prompt_toolkit.keys import Keys
    from questionary.question import Question
    from questionary.styles import merge_styles_default

    code = norm(lang)
    status: dict[str, Any] = {"answer": None, "complete": False}

    def tokens() -> Any:
        parts: list[Any] = [("class:qmark", "?"), ("class:question", f" {message} ")]
        if not status["complete"]:
            hint = "prompt.yes_or_no" if default else "prompt.no_or_yes"
            parts.append(("class:instruction", text(hint, code) + " "))
        if status["answer"] is not None:
            parts.append(
                ("class:answer", text("prompt.yes" if status["answer"] else "prompt.no", code))
            )
        return to_formatted_text(parts)

    bindings = KeyBindings()

    def finish(event: Any) -> None:
        status["complete"] = True
        event.app.exit(result=status["answer"])

    @bindings.add(Keys.ControlQ, eager=True)
    @bindings.add(Keys.ControlC, eager=True)
    def _abort(event: Any) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    def answer(value: bool) -> Any:
        def handler(event: Any) -> None:
            status["answer"] = value  # shown, not taken: Enter takes it

        return handler

    for key in YES_KEYS[code]:
        bindings.add(key)(answer(True))
    for key in NO_KEYS[code]:
        bindings.add(key)(answer(False))

    @bindings.add(Keys.ControlH)
    def _clear(event: Any) -> None:
        status["answer"] = None

    @bindings.add(Keys.ControlM, eager=True)
    def _enter(event: Any) -> None:
        if status["answer"] is None:
            status["answer"] = default
        finish(event)

    @bindings.add(Keys.Any)
    def _other(event: Any) -> None:
        """Other keys type nothing."""

    session: Any = PromptSession(
        tokens, key_bindings=bindings, style=merge_styles_default([STYLE]), **kwargs
    )
    return Question(session.app)

"""Printing: rich consoles for people on stderr/stdout, plain JSON for scripts.

rich is imported only where it adds something: a plain line on a pipe is written as it is
(:class:`Lines`), which spares a short command a fifth of its start-up.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from commkit.cli.line_breaks import KEEP_TOGETHER

if TYPE_CHECKING:
    from rich.console import Console

    from commkit.cli.plain_layout import Screen
    from commkit.errors import Diagnostic


def esc(value: object) -> str:
    """Text from the user or a file, safe inside rich markup: ``[red]x`` prints as typed.

    Every path, name and message that did not come from commkit's own code goes through
    this before it meets a string that rich parses as markup (``print``, table cells, trees).
    """
    from rich.markup import escape

    return escape(str(value))


def print_whole(console: Console, text: str, style: str = "") -> None:
    """``text`` as one line however long, even in a terminal: a command to copy. The terminal
    folds it at its edge without a line break in it, so a copy gives it back whole."""
    from rich.console import Console

    Console.print(console, text, style=style, markup=False, highlight=False, soft_wrap=True)


_SCREEN: list[Console] = []
"""The console a progress bar is drawing on, while it is (:func:`sharing_screen`)."""


def out() -> Console:
    """Human output on stdout. Rich honours NO_COLOR, COLUMNS and plain pipes by itself.

    Not cached: a console reads the environment (width, colour) when it is made, and tests
    (and long-lived callers) change both. No emoji codes: ``file.csv:100:7`` is a place in a
    file, not ``:100:`` to be drawn as a picture. While a progress bar is on the terminal
    and stdout is that terminal too, the bar's console (:func:`sharing_screen`).
    """
    if _SCREEN and seen_as_terminal(sys.stdout):
        return _SCREEN[-1]
    from commkit.cli.console import WordWrapConsole

    return WordWrapConsole(highlight=False, emoji=False)


def err() -> Console:
    """Messages, warnings and progress on stderr: stdout stays clean for ``--json``. While a
    progress bar is on the terminal, the bar's console (:func:`sharing_screen`)."""
    if _SCREEN:
        return _SCREEN[-1]
    from commkit.cli.console import WordWrapConsole

    return WordWrapConsole(stderr=True, highlight=False, emoji=False)


@contextmanager
def sharing_screen(console: Console) -> Iterator[None]:
    """Every line for the terminal goes through ``console``, the one a progress bar draws on,
    while the bar is there: rich then prints each line above the bar. A line printed by a
    console of its own lands inside the bar's line, and the bar stays on screen once done
    (stdout redirected to a file is left alone: its lines never meet the bar)."""
    if not console.is_terminal:
        yield
        return
    _SCREEN.append(console)
    try:
        yield
    finally:
        _SCREEN.remove(console)


def seen_as_terminal(stream: Any) -> bool:
    """Whether rich takes ``stream`` for a terminal, by rich's own rules: ``TTY_COMPATIBLE``,
    then ``FORCE_COLOR``, then the stream itself. Only then does rich colour or wrap."""
    compatible = os.environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "1"
    force = os.environ.get("FORCE_COLOR")
    if force is not None:
        return force != ""
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty is not None and isatty())
    except ValueError:
        return False


_RICH_CHANGES = frozenset("\t\r\x07\x08\x0b\x0c")
"""Characters rich changes in a line (tabs expanded, control codes dropped): such a line goes
through rich."""


class Lines:
    """Lines for stdout (or stderr), each made of text and ``(text, style)`` parts.

    Written as rich's console (:func:`out`) writes them, without importing it: on a pipe as
    they are, or broken at spaces to the width; in a terminal coloured and broken at spaces
    (:mod:`commkit.cli.plain_layout`). Where that layout is not copied, rich writes them.
    """

    def __init__(self, stderr: bool = False) -> None:
        self.stderr = stderr
        self._console: Console | None = None

    @property
    def stream(self) -> Any:
        return sys.stderr if self.stderr else sys.stdout  # as rich: the stream of the moment

    @property
    def is_terminal(self) -> bool:
        if self._console is not None:
            return bool(self._console.is_terminal)
        import builtins

        if hasattr(builtins, "get_ipython") or "idlelib" in sys.modules:  # rich's own ways
            return bool(self.console.is_terminal)
        return seen_as_terminal(self.stream)

    @property
    def console(self) -> Console:
        """The rich console (made on first use)."""
        if self._console is None:
            self._console = err() if self.stderr else out()
        return self._console

    @property
    def width(self) -> int:
        from commkit.cli.plain_layout import NeedsRich

        try:
            return self.screen().width
        except NeedsRich:
            return int(self.console.width)

    def screen(self) -> Screen:
        """How rich would print here (raises :class:`~commkit.cli.plain_layout.NeedsRich`
        where :mod:`commkit.cli.plain_layout` does not copy rich's rules)."""
        from commkit.cli.plain_layout import NeedsRich, screen_of

        if self._console is not None:
            raise NeedsRich("a console is in use")
        return screen_of(self.stream, self.is_terminal)

    def print(self, *parts: str | tuple[str, str], soft_wrap: bool = True) -> None:
        """One line; ``soft_wrap``: one line however long (rich's meaning), else rich wraps it
        at its width (in a terminal it always does). Written without rich's console wherever
        :func:`commkit.cli.plain_layout.styled` copies rich's bytes."""
        text = "".join(p if isinstance(p, str) else p[0] for p in parts)
        if soft_wrap and not self.is_terminal and _RICH_CHANGES.isdisjoint(text):
            stream = self.stream
            stream.write(text + "\n")
            stream.flush()
            return
        from commkit.cli.plain_layout import NeedsRich, styled

        try:
            lines = styled(list(parts), self.screen(), soft_wrap)
        except NeedsRich:
            pass
        else:
            stream = self.stream
            stream.write("".join(line + "\n" for line in lines))
            stream.flush()
            return
        from rich.text import Text

        line = Text.assemble(*parts)
        self.console.print(line, soft_wrap=soft_wrap, highlight=False)
        self.console.file.flush()


def say(console: Console, key: str, lang: str, indent: str = "", **values: Any) -> None:
    """Print the catalog message ``key`` in ``lang`` as it is: no rich markup or highlighting
    (names and paths in it come from the user)."""
    from commkit.i18n import text

    console.print(indent + text(key, lang, **values), markup=False, highlight=False)


def print_json(data: Any) -> None:
    """One JSON document on stdout, nothing else there."""
    from commkit.cli.narrow_encoding import json_for

    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write(json_for(sys.stdout, text) + "\n")
    sys.stdout.flush()


class JsonArrayWriter:
    """Writes a JSON array item by item: the same bytes as ``print_json(list_of_items)``,
    without holding the list (``add`` each item, then ``close``)."""

    def __init__(self, stream: Any = None) -> None:
        self.stream = stream if stream is not None else sys.stdout
        self.count = 0
        self._bytes: Any = None  # the stream's byte layer, once written to directly

    def add(self, item: Any) -> None:
        from commkit.api import json_text

        # An item one level deep: every line indented two more spaces
        text = json_text(item, level=1)
        self._write(("[\n  " if self.count == 0 else ",\n  ") + text)
        self.count += 1

    def add_encoded(self, item: dict[str, Any], key: str, value: bytes) -> None:
        """:meth:`add` of ``item`` with ``key`` after its other keys, whose value is JSON
        text already indented for its place (every line after the first two levels in)
        and encoded as UTF-8 (a batch's worker process made it so): written as it is."""
        from commkit.api import json_text

        text = json_text({**item, key: None}, level=1)
        end = "null\n  }"
        assert text.endswith(end)
        head = ("[\n  " if self.count == 0 else ",\n  ") + text[: -len(end)]
        out = self._byte_layer()
        if out is None:
            self._write(head + value.decode("utf-8") + "\n  }")
        else:
            out.write(head.encode("utf-8"))
            out.write(value)
            out.write(b"\n  }")
        self.count += 1

    def close(self) -> None:
        self._write("[]\n" if self.count == 0 else "\n]\n")
        self.stream.flush()

    def _write(self, text: str) -> None:
        if self._bytes is not None:
            self._bytes.write(text.encode("utf-8"))
        else:
            from commkit.cli.narrow_encoding import json_for

            self.stream.write(json_for(self.stream, text))

    def _byte_layer(self) -> Any:
        """The stream's bytes, where UTF-8 bytes written there are what the same text
        written to the stream would give (UTF-8, no newline translation); else ``None``."""
        if self._bytes is None:
            import codecs
            import os

            buffer = getattr(self.stream, "buffer", None)
            encoding = getattr(self.stream, "encoding", None)
            if buffer is None or not encoding or os.linesep != "\n":
                return None
            if codecs.lookup(encoding).name != "utf-8":
                return None
            self.stream.flush()  # what was written as text goes first
            self._bytes = buffer
        return self._bytes


def wrap_lines(console: Any, text: str, first: str = "", rest: str = "    ") -> str:
    """``text`` broken at spaces to the terminal's width, continued under ``rest`` (the
    terminal itself would cut words in two); piped output keeps one line, as tools read it."""
    if not console.is_terminal:
        return first + text
    import textwrap

    # textwrap breaks only at ASCII spaces: no-break spaces hold, and so does a count's space
    # while it is a private-use character
    held = "\ue000"
    return textwrap.fill(
        KEEP_TOGETHER.sub(held, text),
        width=max(20, console.width - 1),
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    ).replace(held, " ")


def diagnostic_text(console: Any, diag: Diagnostic) -> str:
    """A located error as ``diag.format()`` writes it, its message wrapped at spaces in a
    terminal (the quoted source line and the caret below it stay as they are)."""
    head, newline, source = diag.format().partition("\n")
    return wrap_lines(console, head) + newline + source


def report_error(exc: BaseException) -> None:
    from commkit.cli.context import ui_lang
    from commkit.errors import UserError
    from commkit.i18n import plural, text
    from commkit.i18n.messages import localize

    lang = ui_lang()
    label = text("cli.error", lang)
    console = err()
    if isinstance(exc, UserError) and exc.diagnostics:
        if exc.message:
            console.print(f"[bold red]{label}:[/] {esc(localize(exc.message))}", soft_wrap=True)
        for diag in exc.diagnostics:
            style = "yellow" if diag.severity == "warning" else "red"
            console.print(
                diagnostic_text(console, diag),
                style=style if console.is_terminal else None,
                markup=False,
                soft_wrap=True,
            )
        errors = sum(1 for d in exc.diagnostics if d.severity == "error")
        if errors > 1:
            console.print(plural("cli.errors_count", errors, lang), markup=False)
        return
    console.print(f"[bold red]{label}:[/] {esc(exc)}", soft_wrap=True, highlight=False)


def warn(message: str) -> None:
    from commkit.cli.context import ui_lang
    from commkit.i18n import text
    from commkit.i18n.messages import localize

    label = text("cli.warning", ui_lang())
    err().print(f"[yellow]{label}:[/] {esc(localize(message))}", soft_wrap=True, highlight=False)


def show_warnings(warnings: Any) -> None:
    """Warnings the API returned beside its result, one ``warning:`` line each (located
    ones with their file:line, the others as their message)."""
    for warning in warnings:
        warn(warning.format() if warning.file is not None else warning.message)


def report_stale_temps(lang: str = "en") -> None:
    """Say which temp files of a killed earlier run the writes of this one cleaned up."""
    from commkit import api
    from commkit.i18n import text

    for path in api.stale_temps_removed():
        err().print(text("cli.stale_removed", lang, path=path), markup=False, soft_wrap=True)


def print_rows(view: Any, fmt: str = "simple", keys: list[str] | None = None) -> None:
    """A :class:`commkit.api.views.TableView` as a plain text table on stdout (``--table
    --fmt``): no colours, no box drawing unless the format has them, its title first (not
    for ``tsv`` and ``html``, which other programs read). tabulate is imported only here."""
    from tabulate import tabulate

    columns = [c for c in view.columns if keys is None or c.key in keys]
    text = tabulate(
        view.cells([c.key for c in columns]),
        headers=[c.header for c in columns],
        tablefmt=fmt,
        colalign=[c.align for c in columns],
        disable_numparse=True,
    )
    title = f"{view.title}\n\n" if view.title and fmt not in ("tsv", "html") else ""
    sys.stdout.write(f"{title}{text}\n")
    sys.stdout.flush()


def rich_table(view: Any, keys: list[str] | None = None, **options: Any) -> Any:
    """A :class:`commkit.api.views.TableView` as a rich table for the terminal (every cell
    escaped: the text comes from files)."""
    from rich.table import Table

    columns = [c for c in view.columns if keys is None or c.key in keys]
    table = Table(title=esc(view.title), title_justify="left", **options)
    for column in columns:
        table.add_column(esc(column.header), justify=column.align)
    for row in view.cells([c.key for c in columns]):
        table.add_row(*(esc(cell) for cell in row))
    return table

"""Printing: rich consoles for people on stderr/stdout, plain JSON for scripts."""

import json
import sys
from typing import Any

from rich.console import Console


def out() -> Console:
    """Human output on stdout. Rich honours NO_COLOR, COLUMNS and plain pipes by itself.

    Not cached: a console reads the environment (width, colour) when it is made, and tests
    (and long-lived callers) change both.
    """
    return Console(highlight=False)


def err() -> Console:
    """Messages, warnings and progress on stderr: stdout stays clean for ``--json``."""
    return Console(stderr=True, highlight=False)


def print_json(data: Any) -> None:
    """One JSON document on stdout, nothing else there."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
    sys.stdout.flush()


class JsonArrayWriter:
    """Writes a JSON array item by item: the same bytes as ``print_json(list_of_items)``,
    without holding the list (``add`` each item, then ``close``)."""

    def __init__(self, stream: Any = None) -> None:
        self.stream = stream if stream is not None else sys.stdout
        self.count = 0

    def add(self, item: Any) -> None:
        text = json.dumps(item, ensure_ascii=False, indent=2, default=str)
        # An item one level deep: every line indented two more spaces (JSON strings hold
        # no raw newlines, so every newline here is one of the layout's).
        self.stream.write(("[\n  " if self.count == 0 else ",\n  ") + text.replace("\n", "\n  "))
        self.count += 1

    def close(self) -> None:
        self.stream.write("[]\n" if self.count == 0 else "\n]\n")
        self.stream.flush()


def report_error(exc: BaseException) -> None:
    from commkit.errors import UserError

    console = err()
    if isinstance(exc, UserError) and exc.diagnostics:
        if exc.message:
            console.print(f"[bold red]error:[/] {exc.message}", markup=True, soft_wrap=True)
        for diag in exc.diagnostics:
            style = "yellow" if diag.severity == "warning" else "red"
            console.print(
                diag.format(),
                style=style if console.is_terminal else None,
                markup=False,
                soft_wrap=True,
            )
        errors = sum(1 for d in exc.diagnostics if d.severity == "error")
        if errors > 1:
            console.print(f"{errors} errors", markup=False)
        return
    console.print(f"[bold red]error:[/] {exc}", markup=True, soft_wrap=True, highlight=False)


def warn(message: str) -> None:
    err().print(f"[yellow]warning:[/] {message}", soft_wrap=True)


def print_rows(view: Any, fmt: str = "simple", keys: list[str] | None = None) -> None:
    """A :class:`commkit.api.TableView` as a plain table on stdout (``--table --fmt``),
    its title first; tabulate is imported only here."""
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

"""The baseline for bench/startup.py: the smallest Typer app shaped like commkit's root.

It is made comparable to ``commkit`` on purpose:

- a root callback with an eager ``--version`` option, so ``--help`` prints group help and
  ``--version`` exits from a callback, exactly as ``commkit`` does;
- one command (``assess``) with a few typed options, so ``assess --help`` renders command help;
- ``rich_markup_mode=None`` (plain help, as commkit's root app) and
  ``pretty_exceptions_enable=False``; rich-formatted help would import ``typer.rich_utils``
  (rich + markdown_it) and cost ~110-145 ms, which would hide commkit's own costs.

Run it as ``python bench/minimal_app.py --help`` with the same interpreter as ``commkit``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    name="minimal",
    help="A minimal Typer app with one command (start-up baseline).",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write("minimal 0.0.0\n")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """A minimal Typer app with one command."""


@app.command()
def assess(
    answers: Annotated[
        list[Path] | None, typer.Option("--answers", help="Answers files to replay.")
    ] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Folder for reports.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Assess a community."""
    sys.stdout.write(f"{len(answers or [])} {out} {as_json}\n")


if __name__ == "__main__":
    app()

"""The root Typer app: global options, command registration and the one error boundary.

Only ``typer`` is imported at module level here and in every ``cli`` module; each command
imports what it needs when it runs, so ``commkit --help`` stays fast.
"""

import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from commkit import __version__
from commkit.cli.context import Settings
from commkit.cli.options import Lang


class CommkitGroup(TyperGroup):
    """Turns every :class:`commkit.errors.CommkitError` into a message and exit code 1."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except Exception as exc:
            from commkit.errors import CommkitError

            settings = ctx.obj if isinstance(ctx.obj, Settings) else None
            if settings and settings.debug:
                raise
            if isinstance(exc, OSError):  # the system said no (a full disk, a lost folder...)
                from commkit.errors import UserError

                where = f" ({exc.filename})" if exc.filename else ""
                exc = UserError(f"{exc.strerror or exc}{where}")
            if not isinstance(exc, CommkitError):
                raise
            from commkit.cli.output import report_error

            report_error(exc)
            raise typer.Exit(1) from None
        except KeyboardInterrupt:
            sys.stderr.write("\nInterrupted.\n")
            raise typer.Exit(130) from None


app = typer.Typer(
    name="commkit",
    cls=CommkitGroup,
    help=(
        "Grow business communities of SMEs with the Perm Krai method: assess a community, "
        "plan its roadmap, run the seminars and keep the region's Business Community Map."
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"commkit {__version__}\n")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    content: Annotated[
        Path | None,
        typer.Option(
            "--content",
            envvar="COMMKIT_CONTENT",
            help="A customised content pack folder (see 'commkit content init').",
            show_default=False,
        ),
    ] = None,
    lang: Annotated[
        Lang,
        typer.Option(
            "--lang", envvar="COMMKIT_LANG", help="Language of texts and reports: en or ru."
        ),
    ] = "en",
    debug: Annotated[
        bool, typer.Option("--debug", help="Show a traceback on errors (for bug reports).")
    ] = False,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Read the content pack afresh, not from the cache (or COMMKIT_NO_CACHE=1).",
        ),
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Grow business communities of SMEs with the Perm Krai method."""
    if no_cache:
        os.environ["COMMKIT_NO_CACHE"] = "1"
    ctx.obj = Settings(content=content, lang=lang, debug=debug)


def _register() -> None:
    from commkit.cli import (
        assess,
        community,
        community_map,
        content,
        methodology,
        plan,
        progress,
        region,
        schema,
        seminars,
        validate,
    )

    # one module per command group, in the order of --help
    for module in (
        validate,
        schema,
        methodology,
        content,
        assess,
        plan,
        seminars,
        region,
        community_map,
        progress,
        community,
    ):
        module.register(app)


_register()


def main() -> None:
    """Console-script entry point."""
    # pydantic looks for plugins through importlib.metadata when the first model is built,
    # which costs every command a scan of the installed packages; commkit uses none.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if os.environ.get("NO_COLOR") is not None:
        os.environ.setdefault("TERM", "dumb")
    app()

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
from commkit.cli import coercion, context
from commkit.cli.context import Settings
from commkit.cli.options import flag, value_option


class CommkitGroup(TyperGroup):
    """Turns every :class:`commkit.errors.CommkitError` into a message and exit code 1, and
    gives every command readable help (see :mod:`commkit.cli.helpstyle`)."""

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        from commkit.cli.helpstyle import tidy

        tidy(self)
        return super().get_command(ctx, cmd_name)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        from commkit.cli.helpstyle import tidy

        tidy(self)
        super().format_help(ctx, formatter)

    def make_context(
        self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any
    ) -> Any:
        from commkit.cli.helpstyle import help_lang, localize_error, localize_help

        if parent is None:  # the run starts: help and usage errors in its language
            localize_help(self, help_lang(list(args)))
        try:
            return super().make_context(info_name, args, parent, **extra)
        except Exception as exc:
            localize_error(exc)
            raise

    def invoke(self, ctx: Any) -> Any:
        from commkit.cli.boundary import failed, finish, interrupted

        try:
            return super().invoke(ctx)
        except Exception as exc:
            from commkit.cli.helpstyle import localize_error

            localize_error(exc)

            settings = ctx.obj if isinstance(ctx.obj, Settings) else None
            if settings and settings.debug:
                raise
            code = failed(exc)
            if code is None:
                raise
            raise typer.Exit(code) from None
        except KeyboardInterrupt:
            raise typer.Exit(interrupted()) from None
        finally:
            finish(ctx.obj.lang if isinstance(ctx.obj, Settings) else "en")


app = typer.Typer(
    name="commkit",
    cls=CommkitGroup,
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
    content: Annotated[Path | None, value_option("--content", envvar="COMMKIT_CONTENT")] = None,
    lang: Annotated[
        str | None, value_option("--lang", envvar="COMMKIT_LANG", metavar="en|ru")
    ] = None,
    debug: Annotated[bool, flag("--debug")] = False,
    no_cache: Annotated[bool, flag("--no-cache")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True)] = False,
) -> None:
    if lang is not None and lang not in ("en", "ru"):
        # named as the user set it: the variable, when it came from the environment (by
        # name: Typer carries a click of its own, whose ParameterSource is not click's)
        source = getattr(ctx.get_parameter_source("lang"), "name", None)
        hint = "COMMKIT_LANG" if source == "ENVIRONMENT" else "--lang"
        raise typer.BadParameter("choose 'en' or 'ru'", param_hint=hint)
    if no_cache:
        os.environ["COMMKIT_NO_CACHE"] = "1"
    ctx.obj = Settings(content=content, lang=lang or "en", debug=debug, lang_given=bool(lang))
    context.ACTIVE = ctx.obj
    from commkit.i18n.messages import set_ui_lang

    set_ui_lang(context.ui_lang())


def _register() -> None:
    from commkit.cli import (
        answers,
        assess,
        checklist,
        community,
        community_map,
        content,
        export,
        methodology,
        plan,
        progress,
        region,
        schema,
        seminars,
        validate,
    )

    for module in (
        validate,
        schema,
        methodology,
        content,
        assess,
        checklist,
        answers,
        plan,
        seminars,
        region,
        community_map,
        progress,
        community,
        export,
    ):
        module.register(app)


_register()
coercion.install()


def main() -> None:
    """Run the app (the console script, :func:`commkit.cli.quick_start.main`, comes here for
    every command line it does not run itself)."""
    from commkit.cli.boundary import environment

    environment()
    app()

"""The command line's entry point: the warm one-file commands in their plain forms started
without the Typer app, every other command line through it (:mod:`commkit.cli.app`).

``commkit assess --answers FILE [--out DIR] [--force]`` and ``commkit plan --assessment FILE
[--out DIR] [--force]`` (short options, ``--lang en|ru`` before the command, ``COMMKIT_LANG``
and ``COMMKIT_CONTENT`` as the app reads them) are read here token by token and run the same
warm functions the app's commands try first (:mod:`commkit.cli.warm_commands`), with the
same settings, the same error boundary (:mod:`commkit.cli.boundary`) and the same output.
Importing Typer and building the app's commands costs a warm command more than
the command itself. Anything else (another option, a repeated one, ``--opt=value``, a value
that starts with ``-``, an unknown environment) and any doubt of the warm function (which
then has written nothing) leave the command line to the app, which decides and words it.

Typer (the app) is imported only for the command lines left to it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

_COMMANDS: dict[str, dict[str, str]] = {
    "assess": {"--answers": "file", "-a": "file"},
    "plan": {"--assessment": "file", "-a": "file"},
}
_COMMON = {"--out": "out", "-o": "out"}
_FLAGS = {"--force": "force", "-f": "force"}


def _parse(argv: list[str]) -> tuple[str, dict[str, Any], str | None] | None:
    """``(command, options, --lang)`` of a command line in one of the plain forms, else
    ``None``."""
    lang = None
    if argv[:1] == ["--lang"] and len(argv) > 1:
        lang, argv = argv[1], argv[2:]
        if lang not in ("en", "ru"):
            return None
    if not argv or argv[0] not in _COMMANDS:
        return None
    command, rest = argv[0], argv[1:]
    names = {**_COMMANDS[command], **_COMMON}
    found: dict[str, Any] = {}
    at = 0
    while at < len(rest):
        token = rest[at]
        if token in _FLAGS and _FLAGS[token] not in found:
            found[_FLAGS[token]] = True
            at += 1
            continue
        name = names.get(token)
        if name is None or name in found or at + 1 >= len(rest):
            return None
        value = rest[at + 1]
        if not value or value.startswith("-"):
            return None
        found[name] = value
        at += 2
    if "file" not in found:
        return None
    return command, found, lang


def _settings(lang: str | None) -> Any:
    """The run's settings as the root callback makes them, or ``None`` when the environment
    holds something only the app should judge."""
    from commkit.cli.context import Settings

    if any(name.startswith("_COMMKIT") for name in os.environ):  # shell completion
        return None
    if lang is None and "COMMKIT_LANG" in os.environ:
        lang = os.environ["COMMKIT_LANG"]
        if lang not in ("en", "ru"):
            return None
    content = os.environ.get("COMMKIT_CONTENT")
    if content == "":
        return None
    return Settings(
        content=Path(content) if content else None,
        lang=lang or "en",
        lang_given=bool(lang),
    )


def run(argv: list[str]) -> int | None:
    """Run ``argv`` the quick way: its exit code, or ``None`` when nothing was done and the
    app must run it."""
    parsed = _parse(argv)
    if parsed is None:
        return None
    command, found, lang = parsed
    settings = _settings(lang)
    if settings is None:
        return None
    from commkit.cli import context
    from commkit.cli.boundary import failed, finish, interrupted
    from commkit.cli.warm_commands import quick_plan_run, warm_assess_run
    from commkit.i18n.messages import set_ui_lang

    context.ACTIVE = settings
    set_ui_lang(context.ui_lang())
    out = Path(found.get("out", "."))
    force = bool(found.get("force"))
    try:
        if command == "assess":
            done = warm_assess_run(settings, found["file"], out=out, force=force)
        else:
            done = quick_plan_run(settings, Path(found["file"]), out=out, force=force)
    except Exception as exc:
        code = failed(exc)
        if code is None:
            raise
        return code
    except KeyboardInterrupt:
        return interrupted()
    finally:
        finish(settings.lang)
    return 0 if done else None


def main() -> None:
    """Console-script entry point."""
    from commkit.cli.boundary import environment

    environment()
    code = run(sys.argv[1:])
    if code is None:
        from commkit.cli.app import main as app_main

        app_main()
        return
    sys.exit(code)

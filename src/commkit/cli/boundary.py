"""What every run of the command line shares, with the app or without it
(:mod:`commkit.cli.quick_start`): the environment set first, the one error boundary (a
commkit error: its message and exit code 1; Ctrl-C: 130) and what follows every run. No
Typer."""

from __future__ import annotations

import os
import sys


def environment() -> None:
    """What every run sets before anything is imported: no pydantic plugin scan; ``NO_COLOR``
    means a plain terminal; a stream that cannot show every character shows ``?`` instead
    of ending the run (:mod:`commkit.cli.narrow_encoding`)."""
    # pydantic looks for plugins through importlib.metadata when the first model is built,
    # which costs every command a scan of the installed packages; commkit uses none.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _no_plugin_loader()
    if os.environ.get("NO_COLOR") is not None:
        os.environ.setdefault("TERM", "dumb")
    if any(getattr(s, "encoding", "utf-8") != "utf-8" for s in (sys.stdout, sys.stderr)):
        from commkit.cli.narrow_encoding import tolerate_narrow_encodings

        tolerate_narrow_encodings()


def _no_plugin_loader() -> None:
    """With plugins off, pydantic's plugin loader still imports ``importlib.metadata`` (and
    with it ``email``, ``zipfile``, ``csv``: about 20 ms) when the first validator is built,
    only to return no plugins. A loader that returns none, as pydantic's own does then,
    stands in for it. ``PYDANTIC_DISABLE_PLUGINS`` set to anything else (``""``: every
    plugin) leaves pydantic's loader in place."""
    import types

    name = "pydantic.plugin._loader"
    if os.environ["PYDANTIC_DISABLE_PLUGINS"] not in ("__all__", "1", "true"):
        return
    if name in sys.modules:
        return
    loader = types.ModuleType(name, "No pydantic plugins (commkit's command line).")
    loader.get_plugins = lambda: ()  # type: ignore[attr-defined]
    sys.modules[name] = loader


def failed(exc: Exception) -> int | None:
    """The exit code of a run that raised ``exc`` (its message printed), or ``None`` when it
    is not an error of commkit's (or of the system) and must propagate."""
    from commkit.errors import CommkitError, UserError

    if isinstance(exc, OSError):  # the system said no (a full disk, a lost folder...)
        where = f" ({exc.filename})" if exc.filename else ""
        exc = UserError(f"{exc.strerror or exc}{where}")
    if not isinstance(exc, CommkitError):
        return None
    from commkit.cli.output import report_error

    report_error(exc)
    return 1


def interrupted() -> int:
    """Ctrl-C: a line in the run's language, exit code 130."""
    from commkit.cli import context
    from commkit.i18n import text

    sys.stderr.write("\n" + text("cli.interrupted", context.ui_lang()) + "\n")
    return 130


def finish(lang: str) -> None:
    """After every run: library calls made later speak English again, the temp files of a
    killed earlier run that this one's writes swept are named, and characters the output
    could not show are explained."""
    if "commkit.i18n.messages" in sys.modules:
        from commkit.i18n.messages import set_ui_lang

        set_ui_lang(None)
    if "commkit.fsutil" in sys.modules:  # only commands that wrote can have swept
        from commkit.cli.output import report_stale_temps

        report_stale_temps(lang)
    if "commkit.cli.narrow_encoding" in sys.modules:  # (a stream was not UTF-8)
        from commkit.cli.narrow_encoding import hint

        hint(lang)

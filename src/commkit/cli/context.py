"""Global options shared by every command, stored on the Typer context."""

from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass
class Settings:
    content: Path | None = None
    lang: str = "en"
    debug: bool = False
    lang_given: bool = False
    """True when ``--lang`` or ``COMMKIT_LANG`` chose the language (it then beats the input's)."""

    def lang_for(self, stored: str | None) -> str:
        """The language of a run over an input that stores ``stored``:
        ``--lang`` > ``COMMKIT_LANG`` > the input's language > English."""
        from commkit.i18n import resolve_lang

        return resolve_lang(self.lang if self.lang_given else None, stored)

    def pack(self) -> Any:
        """The content pack chosen by ``--content`` (loaded once, on first use)."""
        from commkit import api

        return api.load_content(self.content)


def ui_lang() -> str:
    """The language of messages outside a command's own output (errors, warnings): the run's
    ``--lang`` or ``COMMKIT_LANG``, else English."""
    from commkit.i18n import resolve_lang

    return resolve_lang(ACTIVE.lang if ACTIVE.lang_given else None)


ACTIVE = Settings()
"""The settings of the running command (the root callback sets them)."""


def settings(ctx: Any) -> Settings:
    """The settings of the root context (commands may be nested in groups)."""
    root = ctx.find_root()
    return root.obj if isinstance(root.obj, Settings) else Settings()

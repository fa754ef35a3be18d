"""Global options shared by every command, stored on the Typer context."""

from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass
class Settings:
    content: Path | None = None
    lang: str = "en"
    debug: bool = False

    def pack(self) -> Any:
        """The content pack chosen by ``--content`` (loaded once, on first use)."""
        from commkit import api

        return api.load_content(self.content)


def settings(ctx: Any) -> Settings:
    """The settings of the root context (commands may be nested in groups)."""
    root = ctx.find_root()
    return root.obj if isinstance(root.obj, Settings) else Settings()

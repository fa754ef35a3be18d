"""The assess wizard's texts (section ``wizard`` of :mod:`commkit.i18n`) and its tokens."""

from __future__ import annotations

from commkit.i18n import section

DONT_KNOW_TOKENS = {"dk", "нз"}
NOT_APPLICABLE_TOKENS = {"na", "n/a", "нп"}
HELP_TOKEN = "?"
BACK_TOKEN = "<"


def messages(lang: str) -> dict[str, str]:
    """The wizard's strings in ``lang``."""
    return section("wizard", lang)

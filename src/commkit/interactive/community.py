"""Questions for ``commkit community add`` when flags are missing and a person is typing."""

from __future__ import annotations

from typing import Any

import questionary

from commkit.i18n import section

FORMATS = ("online", "offline", "mixed")


def _number_or_empty(message: str) -> Any:
    def check(value: str) -> bool | str:
        value = value.strip()
        return not value or (value.isdigit() or message)

    return check


def ask_profile(known: dict[str, Any], lang: str = "en") -> dict[str, Any]:
    """Ask only for what ``known`` lacks; returns the completed mapping.

    Ctrl-C raises :class:`KeyboardInterrupt` (nothing is written then).
    """
    t = section("community", lang)
    answers = dict(known)
    if not answers.get("name"):
        answers["name"] = questionary.text(
            t["name"], validate=lambda v: bool(v.strip()) or t["required"]
        ).unsafe_ask()
    if not answers.get("leaders"):
        raw = questionary.text(t["leaders"]).unsafe_ask()
        answers["leaders"] = [part.strip() for part in raw.split(",") if part.strip()]
    if answers.get("format") is None:
        answers["format"] = questionary.select(
            t["format"], choices=list(FORMATS), default="online"
        ).unsafe_ask()
    if answers.get("platform") is None:
        answers["platform"] = questionary.text(t["platform"]).unsafe_ask().strip() or None
    if answers.get("formalised") is None:
        answers["formalised"] = questionary.confirm(t["formalised"], default=False).unsafe_ask()
    if answers.get("members") is None:
        raw = questionary.text(t["members"], validate=_number_or_empty(t["number"])).unsafe_ask()
        answers["members"] = int(raw) if raw.strip() else None
    if answers.get("founded") is None:
        answers["founded"] = questionary.text(t["founded"]).unsafe_ask().strip() or None
    return answers

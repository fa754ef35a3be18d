"""Questions for ``commkit community add`` when flags are missing and a person is typing."""

from __future__ import annotations

from typing import Any

from commkit.i18n import section, text
from commkit.interactive.prompts import Item, Prompter

FORMATS = ("online", "offline", "mixed")


def _number_or_empty(message: str) -> Any:
    def check(value: str) -> bool | str:
        value = value.strip()
        return not value or (value.isdigit() or message)

    return check


def ask_profile(known: dict[str, Any], lang: str = "en", prompter: Any = None) -> dict[str, Any]:
    """Ask only for what ``known`` lacks; returns the completed mapping.

    Ctrl-C raises :class:`KeyboardInterrupt` (nothing is written then).
    """
    p = prompter if prompter is not None else Prompter(lang=lang)
    t = section("community", lang)
    answers = dict(known)
    if not answers.get("name"):
        answers["name"] = p.text(t["name"], validate=lambda v: bool(v.strip()) or t["required"])
    if not answers.get("leaders"):
        raw = p.text(t["leaders"])
        answers["leaders"] = [part.strip() for part in raw.split(",") if part.strip()]
    if answers.get("format") is None:
        formats = [
            Item(text(f"seminar.format_{f}", lang), f, str(i)) for i, f in enumerate(FORMATS, 1)
        ]
        answers["format"] = p.select(t["format"], formats, default="online")
    if answers.get("platform") is None:
        answers["platform"] = p.text(t["platform"]).strip() or None
    if answers.get("formalised") is None:
        answers["formalised"] = p.confirm(t["formalised"], default=False)
    if answers.get("members") is None:
        raw = p.text(t["members"], validate=_number_or_empty(t["number"]))
        answers["members"] = int(raw) if raw.strip() else None
    if answers.get("founded") is None:
        answers["founded"] = p.text(t["founded"]).strip() or None
    return answers

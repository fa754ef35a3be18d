"""Texts of the charts, the peer comparison and the HTML pages (section ``data`` of
:mod:`commkit.i18n`)."""

from __future__ import annotations

from commkit.i18n import section


def data_labels(lang: str) -> dict[str, str]:
    return section("data", lang)

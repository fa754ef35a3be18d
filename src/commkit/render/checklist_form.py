"""The checklist as one self-contained HTML form (no server, no network, no external URL).

The checklist is embedded as JSON and a small vanilla script asks it with the wizard's
rules: conditions, "don't know" / "not applicable", notes, help, number checks as you type,
progress and a review list. Progress stays in the browser, in localStorage and in IndexedDB
(whose "complete" is the browser's acknowledgement that it holds a save; the newer copy is
restored, and a notice says so when the browser keeps neither); the review step downloads a
standard answers file (``kind: answers``, JSON) that ``commkit assess`` reads.
"""

from __future__ import annotations

import html
import json
from importlib.resources import files
from typing import Any

from commkit.fsutil import TRANSLIT
from commkit.i18n import LANGS, norm, section
from commkit.model.checklist import Checklist
from commkit.model.common import tr
from commkit.render.blank_form import BlankForm

__all__ = ["checklist_form_html"]


def _asset(name: str) -> str:
    return files("commkit.render").joinpath("assets", name).read_text(encoding="utf-8")


def _script_json(data: Any) -> str:
    """JSON that cannot end the <script> element or open a comment, whatever the text holds."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for raw, safe in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(raw, safe)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _checklist_data(checklist: Checklist, checklist_hash: str) -> dict[str, Any]:
    questions = []
    for q in checklist.questions:
        item = q.model_dump(
            mode="json",
            include={"id", "dimension", "type", "text", "help", "required", "yes_is_good"},
        )
        item["when"] = q.when.model_dump(mode="json", exclude_none=True) if q.when else None
        item["options"] = [o.model_dump(mode="json", exclude={"recommendation"}) for o in q.options]
        if q.type == "scale":
            spec = q.scale_spec
            item["scale"] = {
                "min": spec.min,
                "max": spec.max,
                "labels": {str(k): v for k, v in spec.labels.items()},
            }
        if q.number is not None:
            item["number"] = q.number.model_dump(mode="json")
        questions.append(item)
    return {
        "id": checklist.id,
        "version": checklist.version,
        "hash": checklist_hash,
        "title": checklist.title,
        "description": checklist.description,
        "dimensions": [
            d.model_dump(mode="json", include={"id", "title", "description"})
            for d in checklist.dimensions
        ],
        "questions": questions,
    }


def checklist_form_html(form: BlankForm) -> str:
    """The whole form as one HTML document; the community ({name, slug}) is filled in."""
    checklist, lang = form.checklist, form.lang
    data = {
        "checklist": _checklist_data(checklist, form.checklist_hash),
        "ui": {code: section("htmlform", code) for code in LANGS},
        "lang": norm(lang),
        "community": form.community,
        "translit": TRANSLIT,
        "storage_key": "commkit-form:"
        + ":".join([checklist.id, checklist.version, form.checklist_hash, form.slug]),
    }
    title = html.escape(tr(checklist.title, lang))
    labels = section("htmlform", lang)
    csp = (
        "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
        "img-src data:; form-action 'none'; base-uri 'none'"
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="commkit">\n'
        f"<title>{title}</title>\n<style>\n{_asset('checklist_form.css')}</style>\n</head>\n"
        f'<body>\n<header id="top"><h1>{title}</h1></header>\n'
        f'<main id="app"><noscript><p>{html.escape(labels["noscript"])}</p></noscript></main>\n'
        f'<script type="application/json" id="commkit-data">{_script_json(data)}</script>\n'
        f"<script>\n{_asset('checklist_form.js')}</script>\n</body>\n</html>\n"
    )

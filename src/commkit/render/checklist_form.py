"""The checklist as one self-contained HTML form (no server, no network, no external URL).

The checklist is embedded as JSON and a small vanilla script asks it with the wizard's
rules: conditions, "don't know" / "not applicable", notes, help, number checks as you type,
progress and a review list. Progress stays in the browser's localStorage; the review step
downloads a standard answers file (``kind: answers``, JSON) that ``commkit assess`` reads.
"""

from __future__ import annotations

import html
import json
from importlib.resources import files
from typing import Any

from commkit.fsutil import TRANSLIT
from commkit.model.checklist import Checklist
from commkit.model.common import tr

__all__ = ["FORM_LABELS", "checklist_form_html"]

FORM_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "switch": "Русский",
        "progress": "Step {step} of {steps} · {done} of {total} questions answered",
        "start_title": "Before you start",
        "start_intro": 'Answer for your community as it is today. "Don\'t know" is a valid '
        "answer. Your answers stay in this browser until you download them; you can close the "
        "page and come back.",
        "community": "Community name",
        "rater": "Your name",
        "role": "Your role in the community (optional)",
        "date": "Date",
        "optional": "(optional)",
        "help": "Help",
        "yes": "Yes",
        "no": "No",
        "dont_know": "Don't know",
        "not_applicable": "Not applicable",
        "note": "Add an evidence note",
        "note_label": "Evidence note: a fact, a figure or a source",
        "multi_hint": "Tick all that apply (or none).",
        "err_number": "Enter a number, e.g. 25.",
        "err_whole": "Enter a whole number.",
        "err_min": "The smallest allowed is {min}.",
        "err_max": "The largest allowed is {max}.",
        "dimension_n": "{n}/{total}.",
        "back": "Back",
        "next": "Next",
        "to_review": "Review answers",
        "steps": "Steps",
        "review_title": "Review and download",
        "missing": '{n} item(s) still need an answer (or "don\'t know"):',
        "ready": "Every required question is answered. Download the file and send it to "
        "whoever collects the answers.",
        "download": "Download the answers file",
        "download_hint": "The file (JSON) is read by 'commkit assess --answers' and "
        "'commkit answers import'.",
        "show_file": "Show the file (to copy it if the download does not work)",
        "unanswered": "not answered",
        "change": "Change",
        "start_over": "Start over",
        "start_over_confirm": "Delete every answer in this browser and start over?",
        "noscript": "This form needs JavaScript. Ask for the printable questionnaire instead.",
    },
    "ru": {
        "switch": "English",
        "progress": "Шаг {step} из {steps} · отвечено {done} из {total}",
        "start_title": "Перед началом",
        "start_intro": "Отвечайте о сообществе таким, какое оно сейчас. Ответ «не знаю» тоже "
        "допустим. Ответы хранятся в этом браузере, пока вы их не скачаете: страницу можно "
        "закрыть и вернуться к ней позже.",
        "community": "Название сообщества",
        "rater": "Ваше имя",
        "role": "Ваша роль в сообществе (необязательно)",
        "date": "Дата",
        "optional": "(необязательно)",
        "help": "Подсказка",
        "yes": "Да",
        "no": "Нет",
        "dont_know": "Не знаю",
        "not_applicable": "Неприменимо",
        "note": "Добавить подтверждение",
        "note_label": "Подтверждение: факт, цифра или источник",
        "multi_hint": "Отметьте всё подходящее (или ничего).",
        "err_number": "Введите число, например 25.",
        "err_whole": "Введите целое число.",
        "err_min": "Наименьшее допустимое значение — {min}.",
        "err_max": "Наибольшее допустимое значение — {max}.",
        "dimension_n": "{n}/{total}.",
        "back": "Назад",
        "next": "Далее",
        "to_review": "Проверить ответы",
        "steps": "Шаги",
        "review_title": "Проверка и сохранение",
        "missing": "Осталось без ответа (или без «не знаю»): {n}",
        "ready": "На все обязательные вопросы есть ответ. Скачайте файл и отправьте его "
        "тому, кто собирает ответы.",
        "download": "Скачать файл с ответами",
        "download_hint": "Файл (JSON) читают команды «commkit assess --answers» и "
        "«commkit answers import».",
        "show_file": "Показать файл (чтобы скопировать, если скачать не получается)",
        "unanswered": "нет ответа",
        "change": "Изменить",
        "start_over": "Начать заново",
        "start_over_confirm": "Удалить все ответы в этом браузере и начать заново?",
        "noscript": "Для этой формы нужен JavaScript. Попросите печатную анкету.",
    },
}


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


def checklist_form_html(
    checklist: Checklist,
    checklist_hash: str,
    *,
    lang: str = "en",
    community: dict[str, str] | None = None,
) -> str:
    """The whole form as one HTML document; ``community`` ({name, slug}) is filled in."""
    data = {
        "checklist": _checklist_data(checklist, checklist_hash),
        "ui": FORM_LABELS,
        "lang": lang if lang in FORM_LABELS else "en",
        "community": community,
        "translit": TRANSLIT,
        "storage_key": "commkit-form:"
        + ":".join(
            [checklist.id, checklist.version, checklist_hash, (community or {}).get("slug", "")]
        ),
    }
    title = html.escape(tr(checklist.title, lang))
    labels = FORM_LABELS.get(lang, FORM_LABELS["en"])
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

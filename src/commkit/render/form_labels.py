"""Words the exported forms use around the checklist's own text (XLSForm, workbook, paper)."""

from __future__ import annotations

from commkit.model.checklist import Checklist, Question
from commkit.model.common import tr
from commkit.model.condition import Condition

LANG_COLUMNS = {"en": "English (en)", "ru": "Russian (ru)"}
"""Language names as XLSForm columns write them: ``label::English (en)``."""

EXPORT_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "about": "About you",
        "community": "Community name",
        "rater_name": "Your name",
        "rater_role": "Your role in the community",
        "date": "Date",
        "yes": "Yes",
        "no": "No",
        "dont_know": "Don't know",
        "not_applicable": "Not applicable",
        "none_of_these": "None of these",
        "note": "Evidence note (optional): a fact, a figure or a source",
        "status_label": "If you cannot give an answer above:",
        "multi_constraint": '"Don\'t know" and "not applicable" cannot be ticked with '
        "other options.",
        "number_constraint": "Enter a number from {min} to {max}.",
        "number_constraint_open": "Enter a number of at least {min}.",
        "whole": "a whole number",
        "optional": "optional",
        "required": "required",
        "only_if": "Answer only if: {condition}",
        "or": "or",
        "at_least": "at least {n}",
        "below": "below {n}",
        "score_below": "a weak answer",
        # workbook
        "wb_sheet": "Checklist",
        "wb_instructions": "Instructions",
        "wb_lists": "Lists",
        "wb_id": "Id",
        "wb_dimension": "Dimension",
        "wb_question": "Question",
        "wb_question_other": "Question (Russian)",
        "wb_answer": "Your answer",
        "wb_status": "Or: don't know / not applicable",
        "wb_note": "Evidence note",
        "wb_allowed": "Possible answers",
        "wb_when": "Condition",
        "wb_help": "Help",
        "wb_multi": "Several: write the numbers separated by commas, e.g. 1, 3 (0: none of these)",
        "wb_scale": "{min} to {max}",
        "wb_number": "a number, {min} or more",
        "wb_number_range": "a number from {min} to {max}",
        "wb_text": "free text",
        "wb_intro": "How to fill in this workbook",
        "wb_steps": "1. On the sheet '{sheet}', write the community name, your name, your "
        "role and the date at the top.\n"
        "2. Answer every question in the column '{answer}'. Pick from the drop-down list "
        "where there is one; the column '{allowed}' says what fits.\n"
        "3. If you do not know, or the question does not apply, leave the answer empty and "
        "choose in the column '{status}'.\n"
        "4. Questions with a condition are answered only when the condition holds.\n"
        "5. Add an evidence note where you can: a fact, a figure or a source.\n"
        "6. Save the file (keep the .xlsx format) and send it back. It is read by "
        "'commkit answers import'.",
        "wb_yes_words": "yes",
        # paper
        "md_intro": "A printable questionnaire. Tick one box unless the question says "
        'otherwise; "don\'t know" is a valid answer. The answers are typed in later '
        "(commkit assess, or the HTML form).",
        "md_tick_several": "Tick all that apply.",
        "md_write": "Write the number",
        "md_note": "Evidence note",
    },
    "ru": {
        "about": "О вас",
        "community": "Название сообщества",
        "rater_name": "Ваше имя",
        "rater_role": "Ваша роль в сообществе",
        "date": "Дата",
        "yes": "Да",
        "no": "Нет",
        "dont_know": "Не знаю",
        "not_applicable": "Неприменимо",
        "none_of_these": "Ничего из перечисленного",
        "note": "Подтверждение (необязательно): факт, цифра или источник",
        "status_label": "Если ответить выше не получается:",
        "multi_constraint": "«Ничего из перечисленного», «не знаю» и «неприменимо» нельзя отмечать "
        "вместе с другими вариантами.",
        "number_constraint": "Введите число от {min} до {max}.",
        "number_constraint_open": "Введите число не меньше {min}.",
        "whole": "целое число",
        "optional": "необязательно",
        "required": "обязательно",
        "only_if": "Отвечайте, только если: {condition}",
        "or": "или",
        "at_least": "не меньше {n}",
        "below": "меньше {n}",
        "score_below": "слабый ответ",
        "wb_sheet": "Чек-лист",
        "wb_instructions": "Инструкция",
        "wb_lists": "Списки",
        "wb_id": "Код",
        "wb_dimension": "Измерение",
        "wb_question": "Вопрос",
        "wb_question_other": "Вопрос (английский)",
        "wb_answer": "Ваш ответ",
        "wb_status": "Или: не знаю / неприменимо",
        "wb_note": "Подтверждение",
        "wb_allowed": "Возможные ответы",
        "wb_when": "Условие",
        "wb_help": "Подсказка",
        "wb_multi": "Несколько: номера через запятую, например 1, 3 (0 — ничего из перечисленного)",
        "wb_scale": "от {min} до {max}",
        "wb_number": "число, не меньше {min}",
        "wb_number_range": "число от {min} до {max}",
        "wb_text": "свободный текст",
        "wb_intro": "Как заполнить эту таблицу",
        "wb_steps": "1. На листе «{sheet}» вверху укажите название сообщества, своё имя, "
        "роль и дату.\n"
        "2. Ответьте на каждый вопрос в столбце «{answer}». Где есть выпадающий список, "
        "выберите из него; что подходит, подсказывает столбец «{allowed}».\n"
        "3. Если вы не знаете ответа или вопрос к сообществу не относится, оставьте ответ "
        "пустым и выберите вариант в столбце «{status}».\n"
        "4. На вопросы с условием отвечайте, только если условие выполнено.\n"
        "5. Где можете, добавьте подтверждение: факт, цифру или источник.\n"
        "6. Сохраните файл (в формате .xlsx) и отправьте обратно. Его читает команда "
        "«commkit answers import».",
        "wb_yes_words": "да",
        "md_intro": "Анкета для печати. Отмечайте один вариант, если в вопросе не сказано "
        "иное; ответ «не знаю» тоже допустим. Ответы потом переносят в commkit (commkit "
        "assess или HTML-форма).",
        "md_tick_several": "Отметьте всё подходящее.",
        "md_write": "Впишите число",
        "md_note": "Подтверждение",
    },
}


def export_labels(lang: str) -> dict[str, str]:
    return EXPORT_LABELS.get(lang, EXPORT_LABELS["en"])


def option_labels(q: Question, lang: str) -> list[tuple[str, str]]:
    """``(value, label)`` of every answer a select question offers, in order."""
    t = export_labels(lang)
    if q.type == "yes_no":
        return [("yes", t["yes"]), ("no", t["no"])]
    if q.type == "scale":
        spec = q.scale_spec
        out = []
        for n in range(spec.min, spec.max + 1):
            label = spec.labels.get(n)
            out.append((str(n), f"{n} — {tr(label, lang)}" if label is not None else str(n)))
        return out
    return [(o.id, tr(o.label, lang)) for o in q.options]


def condition_text(checklist: Checklist, cond: Condition, lang: str) -> str:
    """A ``when`` as a reader sees it: "Is there a leader? = Yes"."""
    t = export_labels(lang)
    q = next((x for x in checklist.questions if x.id == cond.question), None)
    if q is None:
        from commkit.core.conditions import describe

        return describe(cond)
    names = dict(option_labels(q, lang)) if q.type != "number" and q.type != "text" else {}
    wanted = [cond.equals] if cond.equals is not None else list(cond.any_of or [])
    if wanted:
        shown = []
        for w in wanted:
            key = (
                ("yes" if w else "no")
                if isinstance(w, bool)
                else str(w).lower()
                if str(w).lower() in ("yes", "no")
                else str(w)
            )
            shown.append(names.get(key, key))
        test = f" {t['or']} ".join(shown)
        return f"{tr(q.text, lang)} — {test}"
    if cond.at_least is not None:
        return f"{tr(q.text, lang)} — {t['at_least'].format(n=f'{cond.at_least:g}')}"
    if cond.below is not None:
        return f"{tr(q.text, lang)} — {t['below'].format(n=f'{cond.below:g}')}"
    return f"{tr(q.text, lang)} — {t['score_below']}"


def question_title(q: Question, lang: str) -> str:
    """The question text, marked "(optional)" unless its own text says so already."""
    text = tr(q.text, lang)
    word = export_labels(lang)["optional"]
    if q.required or word.lower() in text.lower():
        return text
    return f"{text} ({word})"

"""Titles and descriptions of the exported tables and columns, in English and Russian.

Datasette reads them from ``metadata.json``; the database itself keeps plain ids as names
so that queries are the same in every language.
"""

from __future__ import annotations

from typing import Any

from commkit.model.common import Text, tr

TABLES: dict[str, tuple[Text, Text]] = {
    "communities": (
        {"en": "Communities", "ru": "Сообщества"},
        {
            "en": "One row per community profile of the workspace.",
            "ru": "По строке на каждый профиль сообщества в рабочей папке.",
        },
    ),
    "leaders": (
        {"en": "Community leaders", "ru": "Лидеры сообществ"},
        {
            "en": "The leaders named in each community profile.",
            "ru": "Лидеры, указанные в профилях сообществ.",
        },
    ),
    "snapshots": (
        {"en": "Metric snapshots", "ru": "Срезы показателей"},
        {
            "en": "A community's figures on a date (members, leaders, events, projects...).",
            "ru": "Показатели сообщества на дату: участники, лидеры, мероприятия, проекты…",
        },
    ),
    "assessments": (
        {"en": "Assessments", "ru": "Оценки"},
        {
            "en": "One row per self-identification result, with the checklist version.",
            "ru": "По строке на каждый результат оценки, с версией чек-листа.",
        },
    ),
    "answers": (
        {"en": "Answers", "ru": "Ответы"},
        {
            "en": "One row per question per assessment: status, value and evidence note.",
            "ru": "По строке на каждый вопрос каждой оценки: статус, ответ и комментарий.",
        },
    ),
    "dimension_scores": (
        {"en": "Dimension scores", "ru": "Баллы по измерениям"},
        {
            "en": "Each assessment's score per checklist dimension (0-100).",
            "ru": "Баллы каждой оценки по измерениям чек-листа (0–100).",
        },
    ),
    "assessment_actions": (
        {"en": "Plan actions", "ru": "Действия плана"},
        {
            "en": "The roadmap actions each assessment calls for (what its plan holds).",
            "ru": "Действия дорожной карты, которые вытекают из каждой оценки "
            "(из них строится план).",
        },
    ),
    "stages": (
        {"en": "Stages", "ru": "Стадии"},
        {
            "en": "The stages of the S-curve and the score each one needs.",
            "ru": "Стадии S-кривой и балл, нужный для каждой.",
        },
    ),
    "dimensions": (
        {"en": "Dimensions", "ru": "Измерения"},
        {"en": "The dimensions of the checklist.", "ru": "Измерения чек-листа."},
    ),
    "questions": (
        {"en": "Questions", "ru": "Вопросы"},
        {"en": "The questions of the checklist.", "ru": "Вопросы чек-листа."},
    ),
    "actions": (
        {"en": "Roadmap actions", "ru": "Действия дорожной карты"},
        {
            "en": "Every action of the roadmap template.",
            "ru": "Все действия шаблона дорожной карты.",
        },
    ),
    "metrics": (
        {"en": "Final metrics", "ru": "Итоговые показатели"},
        {
            "en": "The seven final metrics of the method.",
            "ru": "Семь итоговых показателей методики.",
        },
    ),
    "actors": (
        {"en": "Ecosystem actors", "ru": "Участники экосистемы"},
        {
            "en": "Organisations of the SME-support ecosystem, AS-IS and TO-BE.",
            "ru": "Организации экосистемы поддержки МСП: как есть (AS-IS) и как будет (TO-BE).",
        },
    ),
    "links": (
        {"en": "Ecosystem links", "ru": "Связи в экосистеме"},
        {
            "en": "Working relations between actors and communities, AS-IS and TO-BE.",
            "ru": "Рабочие связи между участниками экосистемы и сообществами: AS-IS и TO-BE.",
        },
    ),
    "latest_assessments": (
        {"en": "Latest assessment per community", "ru": "Последняя оценка каждого сообщества"},
        {
            "en": "Each community's most recent assessment: stage and overall score.",
            "ru": "Самая свежая оценка каждого сообщества: стадия и общий балл.",
        },
    ),
    "latest_dimension_scores": (
        {"en": "Latest dimension scores", "ru": "Последние баллы по измерениям"},
        {
            "en": "Dimension scores from each community's most recent assessment.",
            "ru": "Баллы по измерениям из самой свежей оценки каждого сообщества.",
        },
    ),
    "latest_snapshots": (
        {"en": "Latest snapshot per community", "ru": "Последний срез показателей"},
        {
            "en": "Each community's most recent metric snapshot.",
            "ru": "Самый свежий срез показателей каждого сообщества.",
        },
    ),
}

COLUMNS: dict[str, Text] = {
    "slug": {"en": "Community id (slug)", "ru": "Идентификатор сообщества"},
    "name": {"en": "Name", "ru": "Название"},
    "description": {"en": "Description", "ru": "Описание"},
    "format": {"en": "Format (online, offline, mixed)", "ru": "Формат (онлайн, офлайн, смешанный)"},
    "platform": {"en": "Platform", "ru": "Площадка"},
    "formalised": {"en": "Formalised (1) or informal (0)", "ru": "Оформлено (1) или нет (0)"},
    "founded": {"en": "Founded", "ru": "Основано"},
    "topics": {"en": "Topics (JSON list)", "ru": "Темы (список JSON)"},
    "links": {"en": "Web links (JSON list)", "ru": "Ссылки (список JSON)"},
    "file": {"en": "Source file in the workspace", "ru": "Исходный файл в рабочей папке"},
    "community": {"en": "Community (slug)", "ru": "Сообщество (идентификатор)"},
    "community_name": {"en": "Community", "ru": "Сообщество"},
    "position": {"en": "Order", "ru": "Порядок"},
    "role": {"en": "Role", "ru": "Роль"},
    "date": {"en": "Date", "ru": "Дата"},
    "source": {"en": "Source", "ru": "Источник"},
    "members": {"en": "Members", "ru": "Участники"},
    "audience": {"en": "Audience (not members)", "ru": "Аудитория (не участники)"},
    "leaders": {"en": "Leaders", "ru": "Лидеры"},
    "events": {"en": "Events", "ru": "Мероприятия"},
    "projects": {"en": "Projects", "ru": "Проекты"},
    "publications": {"en": "Publications", "ru": "Публикации"},
    "support_measures": {"en": "Government support measures", "ru": "Меры господдержки"},
    "initiatives": {"en": "Entrepreneurs' initiatives", "ru": "Инициативы предпринимателей"},
    "note": {"en": "Note", "ru": "Комментарий"},
    "id": {"en": "Id", "ru": "Идентификатор"},
    "checklist": {"en": "Checklist", "ru": "Чек-лист"},
    "checklist_version": {"en": "Checklist version", "ru": "Версия чек-листа"},
    "checklist_hash": {"en": "Checklist content hash", "ru": "Хеш содержания чек-листа"},
    "language": {"en": "Language", "ru": "Язык"},
    "overall": {"en": "Overall score (0-100)", "ru": "Общий балл (0–100)"},
    "stage": {"en": "Stage", "ru": "Стадия"},
    "stage_title": {"en": "Stage (title)", "ru": "Стадия (название)"},
    "next_stage": {"en": "Next stage", "ru": "Следующая стадия"},
    "dont_know": {"en": 'Answers "don\'t know"', "ru": "Ответы «не знаю»"},
    "not_applicable": {"en": 'Answers "not applicable"', "ru": "Ответы «неприменимо»"},
    "answered": {"en": "Questions answered", "ru": "Отвечено вопросов"},
    "unanswered": {"en": "Questions unanswered", "ru": "Без ответа"},
    "assessment": {"en": "Assessment", "ru": "Оценка"},
    "question": {"en": "Question", "ru": "Вопрос"},
    "dimension": {"en": "Dimension", "ru": "Измерение"},
    "dimension_title": {"en": "Dimension (title)", "ru": "Измерение (название)"},
    "status": {"en": "Status", "ru": "Статус"},
    "value": {"en": "Answer", "ru": "Ответ"},
    "value_number": {"en": "Answer as a number", "ru": "Ответ числом"},
    "score": {"en": "Score (0-100)", "ru": "Балл (0–100)"},
    "action": {"en": "Action", "ru": "Действие"},
    "action_title": {"en": "Action (title)", "ru": "Действие (название)"},
    "title": {"en": "Title", "ru": "Название"},
    "min_score": {"en": "Score needed", "ru": "Нужный балл"},
    "meaning": {"en": "What it means", "ru": "Что это значит"},
    "weight": {"en": "Weight", "ru": "Вес"},
    "type": {"en": "Type", "ru": "Тип"},
    "text": {"en": "Text", "ru": "Текст"},
    "chapter": {"en": "Chapter", "ru": "Глава"},
    "owner": {"en": "Owner role", "ru": "Ответственная роль"},
    "duration_days": {"en": "Working days", "ru": "Рабочих дней"},
    "depends_on": {"en": "Depends on (JSON list)", "ru": "Зависит от (список JSON)"},
    "metrics": {
        "en": "Final metrics moved (JSON list)",
        "ru": "Итоговые показатели, на которые влияет (список JSON)",
    },
    "sector": {"en": "Sector", "ru": "Сектор"},
    "target": {"en": "To", "ru": "Куда"},
    "source_type": {"en": "From: actor or community", "ru": "Откуда: участник или сообщество"},
    "target_type": {"en": "To: actor or community", "ru": "Куда: участник или сообщество"},
    "kind": {"en": "Kind", "ru": "Вид"},
}
"""Column descriptions by column name (a name means the same in every table)."""

LINK_SOURCE: Text = {"en": "From", "ru": "Откуда"}


def datasette_metadata(
    database: str, region: str, lang: str, columns: dict[str, list[str]]
) -> dict[str, Any]:
    """Datasette's ``metadata.json``: the region as title, every table and column described."""
    title = {
        "en": f"{region}: Business Community Map data",
        "ru": f"{region}: данные карты бизнес-сообществ",
    }
    about = {
        "en": "Exported by commkit from the region's workspace.",
        "ru": "Выгружено commkit из рабочей папки региона.",
    }
    tables: dict[str, Any] = {}
    for table, names in columns.items():
        table_title, description = TABLES[table]
        described = {}
        for column in names:
            text = LINK_SOURCE if (table == "links" and column == "source") else COLUMNS.get(column)
            if text is not None:
                described[column] = tr(text, lang)
        tables[table] = {
            "title": tr(table_title, lang),
            "description": tr(description, lang),
            "columns": described,
        }
    tables["_commkit_export"] = {"hidden": True}
    tables["_commkit_sources"] = {"hidden": True}
    for table, facets in FACETS.items():
        tables[table]["facets"] = facets
    return {
        "title": tr(title, lang),
        "description": tr(about, lang),
        "databases": {database: {"tables": tables}},
    }


FACETS: dict[str, list[str]] = {
    "communities": ["format", "platform"],
    "assessments": ["stage", "checklist_version"],
    "latest_assessments": ["stage"],
    "answers": ["status", "dimension"],
    "dimension_scores": ["dimension"],
    "actors": ["sector", "status"],
    "links": ["status", "kind"],
}
"""Facets Datasette offers on opening a table (the columns people filter by)."""

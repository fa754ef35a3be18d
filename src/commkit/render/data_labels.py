"""Texts of the charts, the peer comparison and the HTML pages, in English and Russian."""

from __future__ import annotations

DATA_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "chart_scores": "Dimension scores (0-100)",
        "chart_threshold": "Next stage needs {score}",
        "chart_top_threshold": "Top-stage bar: {score}",
        "chart_peers": "Others at this stage: quartiles and median",
        "chart_progress": "Scores over time",
        "chart_score_axis": "score (0-100)",
        "chart_overall": "Overall score",
        "chart_stages": "Communities by stage",
        "chart_metrics": "The seven final metrics",
        "chart_gantt": "The plan on a timeline",
        "peers_title": "You versus your peers",
        "peers_intro": "Your dimension scores against the other {count} communities of the "
        "region at the stage \u201c{stage}\u201d (their latest assessments): the median and "
        "the middle half (quartiles). No other community is named.",
        "peers_intro_named": "Your dimension scores against the other {count} communities of "
        "the region at the stage \u201c{stage}\u201d (their latest assessments): the median "
        "and the middle half (quartiles).",
        "peers_you": "You",
        "peers_median": "Median",
        "peers_quartiles": "Middle half",
        "peers_where": "Where you stand",
        "peers_named": "The communities compared",
        "peers_top": "in the top quarter",
        "peers_upper": "above the median",
        "peers_middle": "at the median",
        "peers_lower": "below the median",
        "peers_bottom": "in the bottom quarter",
        "peers_unknown": "no score",
        "progress_title": "Progress of {name}",
        "progress_stages": "Stage at each assessment",
        "progress_dimensions": "Dimension scores",
        "progress_metrics": "Metrics per snapshot",
        "date": "Date",
        "stage": "Stage",
        "overall": "Overall score",
        "dimension": "Dimension",
        "metric": "Metric",
        "kicker_assessment": "Self-identification report",
        "kicker_plan": "Roadmap",
        "kicker_map": "Business Community Map",
        "kicker_progress": "Progress",
        "charts": "Charts",
        "report": "Report",
    },
    "ru": {
        "chart_scores": "Баллы по измерениям (0–100)",
        "chart_threshold": "Для следующей стадии нужно {score}",
        "chart_top_threshold": "Планка высшей стадии: {score}",
        "chart_peers": "Другие сообщества этой стадии: квартили и медиана",
        "chart_progress": "Баллы во времени",
        "chart_score_axis": "балл (0–100)",
        "chart_overall": "Общий балл",
        "chart_stages": "Сообщества по стадиям",
        "chart_metrics": "Семь итоговых показателей",
        "chart_gantt": "План на шкале времени",
        "peers_title": "Вы и другие сообщества",
        "peers_intro": "Ваши баллы по измерениям в сравнении с другими сообществами региона "
        "на стадии «{stage}» ({count}, по их последним оценкам): медиана и средняя "
        "половина (квартили). Другие сообщества не называются.",
        "peers_intro_named": "Ваши баллы по измерениям в сравнении с другими сообществами "
        "региона на стадии «{stage}» ({count}, по их последним оценкам): медиана и "
        "средняя половина (квартили).",
        "peers_you": "Вы",
        "peers_median": "Медиана",
        "peers_quartiles": "Средняя половина",
        "peers_where": "Ваше место",
        "peers_named": "С кем сравнение",
        "peers_top": "в верхней четверти",
        "peers_upper": "выше медианы",
        "peers_middle": "на уровне медианы",
        "peers_lower": "ниже медианы",
        "peers_bottom": "в нижней четверти",
        "peers_unknown": "нет балла",
        "progress_title": "Динамика: {name}",
        "progress_stages": "Стадия при каждой оценке",
        "progress_dimensions": "Баллы по измерениям",
        "progress_metrics": "Показатели по замерам",
        "date": "Дата",
        "stage": "Стадия",
        "overall": "Общий балл",
        "dimension": "Измерение",
        "metric": "Показатель",
        "kicker_assessment": "Отчёт о самоидентификации",
        "kicker_plan": "Дорожная карта",
        "kicker_map": "Карта бизнес-сообществ",
        "kicker_progress": "Динамика",
        "charts": "Графики",
        "report": "Отчёт",
    },
}


def data_labels(lang: str) -> dict[str, str]:
    return DATA_LABELS.get(lang, DATA_LABELS["en"])

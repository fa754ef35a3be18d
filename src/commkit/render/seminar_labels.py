"""Every fixed word of the seminar materials, in English and Russian, and date formatting."""

from __future__ import annotations

from datetime import date

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "seminar": "Seminar",
        "meetup": "MeetUp",
        "seminar_n_of": "Seminar {n} of {total}",
        "seminar_n": "Seminar {n}",
        "programme": "Seminar programme",
        "programme_intro": (
            "The online seminars and the MeetUp of the business community programme, "
            "in the order they run."
        ),
        "own_note": (
            "The 2020 article names eight online seminars and a MeetUp; the agendas, exercises, "
            "timings and templates here are commkit's own."
        ),
        "for_community": "For the community {name}",
        "goals": "Goals",
        "todays_goals": "What we will achieve today",
        "audience": "Audience",
        "format": "Format",
        "duration": "Duration",
        "minutes": "min",
        "minutes_long": "minutes",
        "week": "Week",
        "date": "Date",
        "time": "Time",
        "start": "Start",
        "end": "End",
        "chapters": "Chapters of the method",
        "chapter_n": "Chapter {n}",
        "agenda": "Agenda",
        "block": "Block",
        "what_happens": "What happens",
        "exercise": "Exercise",
        "exercises": "Exercises",
        "exercise_during": "Use this slide during the group work.",
        "your_answer": "Your answer",
        "homework": "Homework",
        "homework_intro": "Before the next meeting:",
        "handout": "Handout",
        "name_line": "Name and community",
        "dimensions_lifted": "Checklist dimensions this seminar lifts",
        "dimensions_intro": (
            "The self-identification checklist scores a community on these dimensions; "
            "this seminar works on them."
        ),
        "your_gap": "a gap of {name}",
        "your_gaps_here": "{name}: your assessment shows gaps in {gaps}.",
        "community_focus": (
            "For {name}: do this exercise on your own community, not an abstract one."
        ),
        "community_gap_focus": (
            "Pay special attention to {gaps}: the assessment marks {them} as {a_gap}."
        ),
        "them_one": "it",
        "them_many": "them",
        "a_gap_one": "a gap",
        "a_gap_many": "gaps",
        "leaders_label": "Leaders",
        "leaders_present": "{leaders}: present the result to the group.",
        "stage_label": "Stage",
        "facilitator": "Facilitator's guide",
        "facilitator_for": "Facilitator's guide and run sheet",
        "run_sheet": "Run sheet, minute by minute",
        "clock_note": "Times are counted from the start ({start}).",
        "clock_note_relative": (
            "Times are counted from the start of the session (give --time HH:MM for clock times)."
        ),
        "total": "Total",
        "block_by_block": "Block by block",
        "speaker_notes": "Speaker notes",
        "preparation": "Preparation checklist",
        "preparation_default": "Send the invitation and collect registrations.",
        "materials": "Materials",
        "questions_to_group": "Questions to ask the group",
        "about_group": "About the group",
        "none": "none",
        "invitation": "Invitation",
        "invitation_for": "Invitation and announcement",
        "post": "Post for Telegram or VK",
        "email": "E-mail",
        "subject": "Subject",
        "invite_greeting": "Dear colleagues,",
        "invite_join": "Join us: {kicker} — “{title}”.",
        "invite_when": "When",
        "invite_where": "Where",
        "invite_for_whom": "For whom",
        "invite_what": "What we will do",
        "invite_work_on": "For {name}, we will work on what matters most right now: {gaps}.",
        "invite_leaders": "With the community's leaders: {leaders}.",
        "invite_register": "Registration",
        "invite_signature": "See you there,\n[your name]\n[your contact]",
        "invite_copy_hint": (
            "Copy the text below into the post or the letter and fill in the brackets."
        ),
        "registration_placeholder": "[registration link]",
        "date_placeholder": "[date]",
        "time_placeholder": "[time]",
        "format_online": "online",
        "format_offline": "in person",
        "format_mixed": "online and in person",
        "where_online": "online, the link comes after registration",
        "where_offline": "[venue]",
        "where_mixed": "[venue] and online",
        "slides": "Slides",
        "file_slides": "slides",
        "file_handout": "handout",
        "file_facilitator": "facilitator",
        "file_invitation": "invitation",
        "slide": "Slide",
        "slides_hint": (
            "The slides of slides.md (Marp): show them with Marp or VS Code's Marp extension."
        ),
        "slide_agenda": "Today's agenda",
        "slide_thanks": "Thank you",
        "slide_next": "Next: {title}",
        "slide_questions": "Questions for you",
        "files": "Files",
        "schedule": "Schedule",
        "open": "open",
        "title_notes": "Open with the title slide; welcome people as they join.",
        "print_hint": "Print this page: every part starts on a new sheet.",
    },
    "ru": {
        "seminar": "Семинар",
        "meetup": "Митап",
        "seminar_n_of": "Семинар {n} из {total}",
        "seminar_n": "Семинар {n}",
        "programme": "Программа семинаров",
        "programme_intro": (
            "Онлайн-семинары и митап программы развития бизнес-сообществ в порядке проведения."
        ),
        "own_note": (
            "Статья 2020 года называет восемь онлайн-семинаров и митап; программы, упражнения, "
            "хронометраж и шаблоны здесь подготовлены commkit."
        ),
        "for_community": "Для сообщества {name}",
        "goals": "Цели",
        "todays_goals": "Чего мы добьёмся сегодня",
        "audience": "Участники",
        "format": "Формат",
        "duration": "Длительность",
        "minutes": "мин",
        "minutes_long": "минут",
        "week": "Неделя",
        "date": "Дата",
        "time": "Время",
        "start": "Начало",
        "end": "Окончание",
        "chapters": "Главы методики",
        "chapter_n": "Глава {n}",
        "agenda": "Программа",
        "block": "Блок",
        "what_happens": "Что происходит",
        "exercise": "Упражнение",
        "exercises": "Упражнения",
        "exercise_during": "Покажите этот слайд во время работы в группах.",
        "your_answer": "Ваш ответ",
        "homework": "Домашнее задание",
        "homework_intro": "До следующей встречи:",
        "handout": "Раздаточный материал",
        "name_line": "Имя и сообщество",
        "dimensions_lifted": "Измерения чек-листа, которые развивает семинар",
        "dimensions_intro": (
            "Чек-лист самоидентификации оценивает сообщество по этим измерениям; "
            "семинар работает с ними."
        ),
        "your_gap": "слабое место: {name}",
        "your_gaps_here": "{name}: по итогам самооценки слабые места: {gaps}.",
        "community_focus": (
            "Для {name}: выполняйте упражнение на примере своего сообщества, а не абстрактного."
        ),
        "community_gap_focus": "Особое внимание: {gaps} — самооценка отмечает {them} как {a_gap}.",
        "them_one": "это",
        "them_many": "их",
        "a_gap_one": "слабое место",
        "a_gap_many": "слабые места",
        "leaders_label": "Лидеры",
        "leaders_present": "{leaders}: представьте результат группе.",
        "stage_label": "Стадия",
        "facilitator": "Памятка ведущего",
        "facilitator_for": "Памятка ведущего и сценарий по минутам",
        "run_sheet": "Сценарий по минутам",
        "clock_note": "Время отсчитывается от начала ({start}).",
        "clock_note_relative": (
            "Время отсчитывается от начала встречи (укажите --time ЧЧ:ММ, чтобы получить часы)."
        ),
        "total": "Итого",
        "block_by_block": "По блокам",
        "speaker_notes": "Заметки ведущего",
        "preparation": "Подготовка",
        "preparation_default": "Разошлите приглашение и соберите регистрации.",
        "materials": "Материалы",
        "questions_to_group": "Вопросы группе",
        "about_group": "О группе",
        "none": "нет",
        "invitation": "Приглашение",
        "invitation_for": "Приглашение и анонс",
        "post": "Пост для Telegram или VK",
        "email": "Письмо",
        "subject": "Тема",
        "invite_greeting": "Уважаемые коллеги!",
        "invite_join": "Приглашаем вас: {kicker} — «{title}».",
        "invite_when": "Когда",
        "invite_where": "Где",
        "invite_for_whom": "Для кого",
        "invite_what": "Что будем делать",
        "invite_work_on": "Для сообщества {name} разберём то, что сейчас важнее всего: {gaps}.",
        "invite_leaders": "С лидерами сообщества: {leaders}.",
        "invite_register": "Регистрация",
        "invite_signature": "До встречи!\n[ваше имя]\n[ваш контакт]",
        "invite_copy_hint": "Скопируйте текст ниже в пост или письмо и заполните скобки.",
        "registration_placeholder": "[ссылка на регистрацию]",
        "date_placeholder": "[дата]",
        "time_placeholder": "[время]",
        "format_online": "онлайн",
        "format_offline": "очно",
        "format_mixed": "очно и онлайн",
        "where_online": "онлайн, ссылка придёт после регистрации",
        "where_offline": "[место]",
        "where_mixed": "[место] и онлайн",
        "slides": "Слайды",
        "file_slides": "слайды",
        "file_handout": "раздаточный",
        "file_facilitator": "ведущему",
        "file_invitation": "приглашение",
        "slide": "Слайд",
        "slides_hint": (
            "Слайды из slides.md (Marp): показывайте их в Marp или в расширении Marp для VS Code."
        ),
        "slide_agenda": "Программа встречи",
        "slide_thanks": "Спасибо!",
        "slide_next": "Далее: {title}",
        "slide_questions": "Вопросы к вам",
        "files": "Файлы",
        "schedule": "Расписание",
        "open": "открыть",
        "title_notes": "Начните с титульного слайда; приветствуйте участников по мере подключения.",
        "print_hint": "Распечатайте страницу: каждая часть начинается с нового листа.",
    },
}

_MONTHS = {
    "en": [
        "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December",
    ],
    "ru": [
        "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
        "сентября", "октября", "ноября", "декабря",
    ],
}  # fmt: skip
_WEEKDAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "ru": ["понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"],
}


def short_date(day: date, lang: str) -> str:
    """``Tue, 1 Dec 2026`` / ``вт, 1 дек 2026`` for tables."""
    if lang.startswith("ru"):
        weekday = ["пн", "вт", "ср", "чт", "пт", "сб", "вс"][day.weekday()]
        month = _MONTHS["ru"][day.month - 1][:3]
        return f"{weekday}, {day.day} {month} {day.year}"
    weekday = _WEEKDAYS["en"][day.weekday()][:3]
    return f"{weekday}, {day.day} {_MONTHS['en'][day.month - 1][:3]} {day.year}"


def labels(lang: str) -> dict[str, str]:
    """The labels for ``lang`` (English for a language commkit does not speak)."""
    return LABELS.get(lang.split("-")[0], LABELS["en"])


def long_date(day: date, lang: str) -> str:
    """``Tuesday, 1 December 2026`` / ``вторник, 1 декабря 2026``."""
    code = "ru" if lang.startswith("ru") else "en"
    weekday = _WEEKDAYS[code][day.weekday()]
    month = _MONTHS[code][day.month - 1]
    return f"{weekday}, {day.day} {month} {day.year}"

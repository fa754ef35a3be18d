"""``--help`` in Russian: every command's help and every option's, beside the English in
:mod:`commkit.i18n.help_en` (the same keys; ``commkit.cli`` declares no help text itself).

``COMMANDS`` is keyed by command path (``""`` is ``commkit`` itself, ``"seminars export"``);
its first sentence is the summary in the list of commands. ``PARAMS`` is keyed by command path
and parameter name (the Python name Typer gives it). ``COMMON`` holds the help of the options
Click and Typer add themselves. A test walks the whole command tree, so a new command or option
without a Russian text fails the suite. Example lines stay as they are typed; ``\\b`` keeps a
paragraph from being re-wrapped, as in the English docstrings.
"""

from __future__ import annotations

COMMANDS: dict[str, str] = {
    "": (
        "Развитие бизнес-сообществ МСП по пермской методике: оценка сообщества, дорожная "
        "карта, онлайн-семинары и Карта бизнес-сообществ региона."
    ),
    "validate": """Проверить файлы и сообщить о каждой ошибке с файлом:строкой:столбцом; код 1, если есть ошибки.

Тип каждого файла берётся из его заголовка `kind:`. Папка с `methodology/` или `checklists/`
проверяется как пакет содержания целиком (вместе со ссылками между файлами); для надстройки
выводится ещё и то, что она меняет в основном пакете.

Примеры:

\b
  commkit validate                         # встроенный пакет (или --content)
  commkit validate my-pack/ --strict-i18n
  commkit validate examples/perm-krai
  commkit validate answers.yaml
""",
    "schema": """Вывести (или записать) JSON Schema каждого типа YAML-файлов.

Подключите их в редакторе: для языкового сервера YAML поставьте первой строкой
`# yaml-language-server: $schema=schemas/checklist.schema.json`.

Примеры:

\b
  commkit schema --out schemas/
  commkit schema > all-schemas.json
""",
    "methodology": """Показать методику: цели, итоговые показатели и главы с их шагами.

Примеры:

\b
  commkit methodology
  commkit methodology 7              # глава о Карте бизнес-сообществ
  commkit --lang ru methodology ecosystem-models
  commkit methodology --json
""",
    "assess": """Оценить бизнес-сообщество по чек-листу самоидентификации.

Без параметров задаёт вопросы в терминале (после каждого ответа черновик сохраняется рядом с
результатом, в <out>/<slug>-assessment-draft.yaml; Ctrl-C сохраняет его, а одна команда
--resume ЧЕРНОВИК продолжает прерванный опрос). --answers ФАЙЛ воспроизводит ответы без
терминала (YAML или JSON, '-' — стандартный ввод; несколько файлов или шаблон имён дают по
отчёту на каждый файл).

Записывает <out>/<slug>-assessment-<дата>.md (отчёт) и <out>/<slug>-assessment-<дата>.yaml
(ответы и результат: вход для 'commkit plan').

Примеры:

\b
  commkit assess --out reports/
  commkit --lang ru assess --out reports/
  commkit assess --resume reports/fashion-tech-assessment-draft.yaml
  commkit assess --answers answers/*.yaml --out reports/ --date 2020-10-15
  commkit assess --answers 'answers/*.yaml' --json > results.json
  commkit assess --answers answers/*.yaml -o reports/ --table --fmt github
  cat answers.json | commkit assess --answers - --json
  commkit assess --team --answers anna.yaml boris.yaml vera.yaml -o reports/
  commkit assess --team --anonymous --workspace perm --community ftp
  commkit assess --rescore old/*.yaml -o reports/
""",
    "plan": """Превратить оценку в дорожную карту с датами: Markdown с диаграммой Ганта, CSV, iCalendar.

Выбирает действия дорожной карты, которых требует оценка (и те, от которых они зависят),
расставляет их по рабочим дням с учётом загрузки каждой роли и помещает в график
онлайн-семинары и митап. С --workspace — региональный план: региональные институты в нём
выбираются по пробелам, общим для сообществ региона на карте.

Примеры:

\b
  commkit plan --assessment assessments/fashiontechperm/2026-01-10.yaml
  commkit plan --workspace examples/perm-krai --start 2026-02-02
  commkit plan -a answers.yaml --start 2026-02-02 --weeks 12 --out plans
  commkit plan -a answers.yaml --capacity community-manager=1 --holidays off
  commkit plan -a answers.yaml --csv plan.csv --excel --ics plan.ics
  commkit --lang ru plan -a answers.yaml --xlsx plan.xlsx --html plan.html
  commkit --lang ru plan -a answers.yaml --json
""",
    "map": """Построить Карту бизнес-сообществ: каждое сообщество с его стадией, баллом и показателями, семь итоговых показателей по региону, стадии, лидеры, экосистема («как есть» и «как должно быть», графом Mermaid) и сообщества, у которых оценки нет или она устарела.

Повреждённый файл выводится как предупреждение с файлом и строкой, а остальная карта всё
равно строится; с --strict любая такая проблема — ошибка.

Примеры:

\b
  commkit map examples/perm-krai
  commkit --lang ru map my-region --out map.md --csv map.csv --date 2026-06-30
  commkit map my-region --json > map.json
  commkit map my-region --table --fmt github
  commkit --lang ru map my-region --xlsx map.xlsx
  commkit map my-region --out map.md --charts --html map.html
  commkit --lang ru map my-region --public --html communities.html
""",
    "progress": """Показать, как менялось сообщество: стадия и каждое измерение от оценки к оценке, каждый показатель от среза к срезу и изменение с предыдущего раза.

Примеры:

\b
  commkit progress business-mentor --workspace examples/perm-krai
  commkit progress my-club -w my-region --json
  commkit progress my-club -w my-region --table --fmt grid
  commkit --lang ru progress my-club -w my-region -o progress.md --charts \\
      --html p.html
""",
    "content": (
        "Настроить содержание: чек-лист, шаблоны дорожной карты, семинары, шаблоны отчётов."
    ),
    "content init": """Скопировать основной пакет содержания (или начать надстройку), чтобы настроить его.

Полная копия содержит все файлы и шаблоны отчётов. Надстройка содержит только то, что вы
меняете, и объединяется с основным пакетом по идентификаторам (`ignore: true` убирает
элемент).

Примеры:

\b
  commkit content init my-pack
  commkit content init kazan-pack --overlay
  commkit --content my-pack validate my-pack
""",
    "content diff": """Что изменилось между двумя версиями методики: элемент за элементом, по идентификаторам.

Вопросы, варианты ответа, измерения, стадии, действия дорожной карты, семинары и миграции —
добавленные, удалённые и изменённые, каждое изменение со значением до и после: журнал
изменений в Markdown на стандартный вывод или --json.

Примеры:

\b
  commkit content diff checklists/history/self-identification-1.0.yaml \\
      checklists/self-identification.yaml > CHANGES.md
  commkit content diff my-pack-2025 my-pack-2026
  commkit --lang ru content diff old-pack new-pack
  commkit content diff my-pack --rev v2025 --json
""",
    "checklist": (
        "Чек-лист самоидентификации вне терминала: HTML-форма, XLSForm, рабочая книга, анкета "
        "для печати."
    ),
    "checklist export": """Записать загруженный чек-лист как форму для тех, кто не работает в терминале.

Всё создаётся из используемого чек-листа (в том числе из настроенного пакета). HTML-форма
работает без сети из файла или вложения в письмо, хранит заполненное в браузере и скачивает
файл ответов, который читают 'commkit assess --answers' и 'commkit answers import'. Другие
форматы собираются обратно командой 'commkit answers import'.

Примеры:

\b
  commkit checklist export --format html --out forms/
  commkit checklist export --format html --lang ru \\
      --community fashiontechperm --workspace examples/perm-krai \\
      --out forms/
  commkit checklist export --format xlsform --out kobo/
  commkit checklist export --format xlsx --lang ru --out forms/
  commkit --lang ru checklist export --format md --out print/
""",
    "answers": "Собрать ответы, данные вне терминала, в проверенные файлы ответов.",
    "answers import": """Прочитать собранные ответы и записать по проверенному файлу ответов на каждую анкету.

Читает файлы, скачанные из HTML-формы, выгрузки KoboToolbox / ODK Central (CSV или XLSX, с
заголовками group/name) формы из 'commkit checklist export --format xlsform' и заполненные
рабочие книги из '--format xlsx'. Имя респондента, его роль и дата сохраняются. О каждой
ошибке сообщается с файлом, строкой и столбцом; тогда ничего не записывается (код 1), если не
указан --skip-bad. Существующие файлы не перезаписываются без --force.

Примеры:

\b
  commkit answers import downloads/*.json --out answers/
  commkit answers import kobo-export.csv --workspace perm-region
  commkit answers import filled-workbook.xlsx --out answers/ --force
  commkit answers import export.xlsx --out answers/ --skip-bad
  commkit assess --team --workspace perm-region --community fashiontechperm
""",
    "seminars": ("8 онлайн-семинаров и митап: просмотреть их и выгрузить готовые материалы."),
    "seminars list": """Список семинаров и митапа: номер, идентификатор, название, неделя, формат, минуты, главы.

Примеры:

\b
  commkit seminars list
  commkit --lang ru seminars list
  commkit seminars list --json
  commkit seminars list --table --fmt github
""",
    "seminars show": """Показать один семинар: цели, программу с минутами и временем от начала, упражнения, домашнее задание.

Примеры:

\b
  commkit seminars show seminar-1
  commkit seminars show 3
  commkit --lang ru seminars show meetup
""",
    "seminars export": """Выгрузить для каждого семинара слайды (Marp), раздаточный материал, памятку ведущего, приглашение и HTML.

Каждый семинар получает папку <out>/<nn>-<id>/ с файлами slides.md, handout.md,
facilitator.md, invitation.md и (с html) самодостаточной страницей index.html; для всей
серии пишутся index.md / index.html с расписанием. Без --force ничего не перезаписывается.

Примеры:

\b
  commkit seminars export --all --out materials
  commkit seminars export seminar-3 -o next --date 2026-12-01 --time 18:00
  commkit --lang ru seminars export --all -o out --zip \\
      --profile communities/club.yaml
  commkit seminars export 3 -o out -w my-region --community my-club
  commkit seminars export 1 2 --format html --out html-only
""",
    "region": "Подготовить рабочую папку региона (region.yaml, communities/, assessments/).",
    "region init": """Создать region.yaml (с заготовкой экосистемы), communities/, assessments/ и README для команды.

Новый region.yaml проверяется до записи.

Примеры:

\b
  commkit region init perm --name "Perm Krai" --country Russia --lang ru
  commkit region init ./kazan --name Kazan
""",
    "community": "Профили сообществ в рабочей папке.",
    "community add": """Записать профиль сообщества в communities/<slug>.yaml.

Укажите всё параметрами или запустите команду в терминале без --name, чтобы ответить на
вопросы.

Примеры:

\b
  commkit community add -w perm --name "Franchising World" \\
      --leader "Yuliya Bogushevskaya" --leader "Maria Kizima" \\
      --platform Telegram --members 50 --events 5
  commkit community add -w perm          # задаёт вопросы
""",
    "export": "Выгрузить данные региона для аналитиков: база SQLite, которая открывается в Datasette.",
    "export sqlite": """Записать рабочую папку в одну базу SQLite: сообщества, лидеры, срезы показателей, оценки (с версией чек-листа), ответы с заметками, баллы по измерениям, стадии, действия плана, участники и связи экосистемы; ключи, индексы, полнотекстовый поиск и представления с последней оценкой каждого сообщества.

Рядом пишется <имя>.metadata.json с названиями каждой таблицы и столбца для Datasette на
языке, выбранном --lang.

Примеры:

\b
  commkit export sqlite examples/perm-krai perm.db
  commkit --lang ru export sqlite my-region region.db --replace
  datasette region.db -m region.metadata.json
""",
}

SUMMARIES: dict[str, str] = {
    "map": (
        "Построить Карту бизнес-сообществ: сообщества со стадиями и баллами, семь итоговых "
        "показателей, экосистема"
    ),
    "progress": "Показать, как менялось сообщество от оценки к оценке и от среза к срезу",
    "export sqlite": "Записать рабочую папку в одну базу SQLite для Datasette",
}
"""Summaries for the list of commands where the first sentence is too long for it."""

_FORCE = "Перезаписывать существующие файлы."
_TABLE = "Вывести строки простой текстовой таблицей (см. --fmt)."
_FMT = "Формат --table (названия из tabulate)."

PARAMS: dict[str, dict[str, str]] = {
    "": {
        "content": "Папка с настроенным пакетом содержания (см. 'commkit content init').",
        "lang": (
            "Язык текстов и отчётов: en или ru (по умолчанию — язык, записанный во входном "
            "файле, иначе en)."
        ),
        "debug": "Показывать трассировку при ошибках (для сообщений об ошибках в commkit).",
        "no_cache": "Читать пакет содержания и шаблоны отчётов заново, а не из кэша "
        "(или COMMKIT_NO_CACHE=1).",
        "version": "Показать версию и выйти.",
    },
    "validate": {
        "paths": (
            "Папки пакетов содержания, рабочие папки или отдельные YAML-файлы. Без них — "
            "используемый пакет содержания."
        ),
        "strict_i18n": "Считать ошибкой любой текст, которого нет на английском или русском.",
        "as_json": "Вывести один отчёт в JSON.",
    },
    "schema": {
        "out": "Записать файлы <kind>.schema.json в эту папку.",
        "force": _FORCE,
    },
    "methodology": {
        "chapter": "Идентификатор или номер главы для подробного просмотра.",
        "as_json": "Вывести методику в JSON.",
    },
    "assess": {
        "files": (
            "Ещё файлы ответов для воспроизведения (чтобы работал шаблон имён оболочки после "
            "--answers)."
        ),
        "answers": (
            "Файлы ответов для воспроизведения (YAML/JSON, '-' — стандартный ввод, можно "
            "шаблоны имён)."
        ),
        "resume": "Продолжить прерванный опрос из его черновика.",
        "out": "Папка для отчёта и YAML-файла с результатом.",
        "json_output": "Вывести результат одним JSON-документом на стандартный вывод.",
        "force": "Перезаписывать существующие отчёты.",
        "explain": "Показать, как получился каждый балл и стадия.",
        "date": "Дата оценки (по умолчанию — дата в файле ответов, иначе сегодня).",
        "workspace": (
            "Сохранить результаты в рабочей папке региона: DIR/assessments/SLUG/<дата>.yaml и .md."
        ),
        "community": "Краткое имя сообщества (по умолчанию — из его названия).",
        "charts": "Ещё нарисовать баллы по измерениям в SVG рядом с отчётом.",
        "html": "Ещё записать отчёт самодостаточной HTML-страницей.",
        "named": "С --workspace: называть в отчёте сообщества, с которыми идёт сравнение.",
        "team": (
            "Объединить ответы нескольких респондентов одного сообщества (файлы или "
            "answers/SLUG/ рабочей папки) в одну оценку с их расхождениями."
        ),
        "anonymous": "С --team: «Респондент 1»... вместо имён.",
        "update": (
            "Перенести старую оценку или файл ответов на текущий чек-лист: опрос задаёт только "
            "вопросы, которым нужен новый ответ (OLD только читается)."
        ),
        "rescore": (
            "Пересчитать старые оценки или файлы ответов по текущему чек-листу (через его "
            "миграции): что перенесено, что сопоставлено и чему нужен новый ответ."
        ),
        "as_table": "С несколькими файлами ответов: по строке на каждый, текстовой таблицей (--fmt).",
        "fmt": _FMT,
        "jobs": (
            "С несколькими файлами ответов: сколько процессов их считают (по умолчанию — "
            "по числу ядер; 1 — в этом процессе). Файлы, сообщения и код выхода те же."
        ),
    },
    "plan": {
        "assessment": "Оценка, записанная 'commkit assess', или файл ответов.",
        "workspace": "Рабочая папка региона: записать региональный план, построенный по её карте.",
        "start": "Первый день плана, ГГГГ-ММ-ДД. По умолчанию — ближайший понедельник.",
        "weeks": "Горизонт плана в неделях.",
        "capacity": (
            "Сколько действий роль ведёт одновременно (можно повторять). По умолчанию: "
            "community-manager 2, community-leader 2, regional-team 3, business-ambassador 1, "
            "government-liaison 1."
        ),
        "holidays": (
            "Нерабочие дни: по одной дате ГГГГ-ММ-ДД (или диапазону С..ПО) в строке либо "
            "список YAML."
        ),
        "out_dir": "Папка для плана в Markdown.",
        "csv_file": "Ещё записать CSV, по строке на действие.",
        "excel": "CSV для электронных таблиц: BOM и разделитель ';'.",
        "ics_file": "Ещё записать файл iCalendar для импорта в календарь.",
        "html_file": "Ещё записать одну самодостаточную HTML-страницу с графиком.",
        "xlsx_file": "Ещё записать рабочую книгу Excel: действия, календарь, неделя менеджера.",
        "as_json": "Вывести весь план в JSON (без файла Markdown).",
        "force": _FORCE,
    },
    "map": {
        "workspace": "Рабочая папка (region.yaml, communities/, ...).",
        "out": "Записать всю карту в Markdown сюда.",
        "as_json": "Вывести карту одним JSON-документом.",
        "csv_path": "Записать таблицу сообществ в CSV сюда.",
        "html_path": "Записать карту одной самодостаточной HTML-страницей с диаграммами.",
        "charts": (
            "С --out: ещё нарисовать распределение по стадиям и семь показателей в SVG-файлах "
            "рядом, со ссылками из Markdown."
        ),
        "public": (
            "С --html: вместо этого публичная карта для предпринимателей (только сообщества с "
            "блоком 'public:' и только то, что они публикуют; без баллов, стадий и заметок)."
        ),
        "xlsx_path": "Записать сюда рабочую книгу Excel: показатели, сообщества, пробелы.",
        "as_of": (
            "Дата карты (ГГГГ-ММ-ДД); оценки старше 6 месяцев до неё отмечаются. По умолчанию "
            "— сегодня."
        ),
        "strict": "Завершаться с ошибкой (код 1) на любом повреждённом файле, а не пропускать его.",
        "force": "Перезаписывать существующие файлы --out и --csv.",
        "as_table": _TABLE,
        "fmt": _FMT,
    },
    "progress": {
        "slug": "Краткое имя сообщества (имя его файла).",
        "workspace": "Рабочая папка.",
        "as_json": "Вывести один JSON-документ.",
        "out_path": "Ещё записать динамику в Markdown сюда.",
        "charts": "С --out: ещё нарисовать баллы во времени в SVG рядом.",
        "html_path": "Ещё записать одну HTML-страницу с линейной диаграммой.",
        "force": _FORCE,
        "as_table": _TABLE,
        "fmt": _FMT,
    },
    "content": {},
    "content init": {
        "target": "Папка для нового пакета.",
        "overlay": (
            "Записать надстройку, которая дополняет основной пакет и содержит только ваши "
            "изменения."
        ),
        "name": "Название пакета.",
        "force": "Писать в непустую папку, заменяя файлы.",
    },
    "content diff": {
        "old": "Более старая папка пакета или файл чек-листа (по умолчанию — встроенный пакет).",
        "new": "Более новая папка пакета или файл чек-листа (по умолчанию — встроенный пакет).",
        "as_json": "Вывести один JSON-документ на стандартный вывод.",
        "rev": (
            "Сравнить OLD в том виде, в каком он был в этой ревизии git (HEAD~1, метка, хеш), "
            "с OLD сейчас."
        ),
    },
    "checklist": {},
    "checklist export": {
        "format": (
            "html: форма без сети; xlsform: для KoboToolbox / ODK Central; xlsx: рабочая книга "
            "для Excel или LibreOffice; md: анкета для печати."
        ),
        "out": "Папка для записи.",
        "lang": (
            "Язык, на котором форма открывается (html, xlsform, xlsx содержат оба; md — только "
            "на этом). По умолчанию — общий --lang."
        ),
        "community": "Заполнить данные этого сообщества (его название берётся из --workspace).",
        "workspace": "Рабочая папка с communities/SLUG.yaml.",
        "force": "Перезаписать существующий файл.",
    },
    "answers": {},
    "answers import": {
        "files": (
            "Файлы из HTML-формы (.json), выгрузки Kobo/ODK (.csv, .xlsx), заполненные рабочие "
            "книги (.xlsx)."
        ),
        "out": "Записать сюда файлы <сообщество>-<респондент>-<дата>.yaml.",
        "workspace": (
            "Или сохранить их в рабочей папке: answers/<сообщество>/<респондент>-<дата>.yaml."
        ),
        "skip_bad": "Записать правильные анкеты и перечислить неправильные.",
        "force": _FORCE,
    },
    "seminars": {},
    "seminars list": {
        "as_json": "Вывести список в JSON.",
        "as_table": _TABLE,
        "fmt": _FMT,
    },
    "seminars show": {
        "seminar_id": "Идентификатор семинара (seminar-3, meetup) или его номер.",
        "as_json": "Вывести семинар в JSON.",
    },
    "seminars export": {
        "out_dir": "Папка для записи (создаётся, если её нет).",
        "seminar_ids": "Какие семинары выгрузить (идентификаторы или номера); или --all.",
        "all_": "Выгрузить все семинары и митап.",
        "formats": "Форматы: md, html или md,html (через запятую).",
        "profile": (
            "Профиль сообщества или файл оценки: его название, лидеры и пробелы попадают в "
            "упражнения и приглашение."
        ),
        "community": (
            "Сообщество рабочей папки по краткому имени: его профиль communities/SLUG.yaml (и "
            "последняя оценка), как с --profile."
        ),
        "workspace": "Рабочая папка с communities/SLUG.yaml.",
        "start_date": (
            "Дата первого выгружаемого семинара (ГГГГ-ММ-ДД); остальные идут по своим неделям "
            "программы."
        ),
        "start_time": "Время начала ЧЧ:ММ для памятки ведущего и приглашения.",
        "make_zip": "Ещё записать <out>/seminars.zip со всеми записанными файлами.",
        "force": _FORCE,
        "as_json": "Вывести список записанных файлов в JSON.",
    },
    "region": {},
    "region init": {
        "directory": "Создаваемая рабочая папка (может уже существовать, но быть пустой).",
        "name": "Название региона, например 'Пермский край'.",
        "country": "Страна.",
        "lang": "Рабочий язык региона, en или ru (по умолчанию — общий --lang).",
        "force": "Перезаписать существующие region.yaml и README.md.",
    },
    "community": {},
    "community add": {
        "workspace": "Рабочая папка.",
        "name": "Название сообщества.",
        "leader": "Имя и фамилия лидера (повторите для нескольких).",
        "platform": "Где сообщество общается: Telegram, площадка, чат.",
        "members": "Участников сейчас (начинает срез показателей).",
        "events": "Проведено мероприятий на сегодня.",
        "projects": "Запущено проектов на сегодня.",
        "fmt": "Формат встреч: online, offline или mixed (онлайн, офлайн или смешанный).",
        "formalised": "Зарегистрированная НКО или неформальное сообщество (без юрлица).",
        "founded": "ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД.",
        "description": "Одно-два предложения.",
        "slug": "Имя файла (по умолчанию — из названия).",
        "as_of": "Дата показателей (по умолчанию — сегодня).",
        "force": "Перезаписать существующий профиль.",
    },
    "export": {},
    "export sqlite": {
        "workspace": "Рабочая папка (region.yaml, communities/, ...).",
        "database": "Файл SQLite для записи, например region.db.",
        "replace": (
            "Обновить существующую базу: заново читаются только сообщества, файлы которых "
            "изменились."
        ),
        "full": "С --replace: пересобрать всё с нуля.",
        "as_json": "Вывести, что выгружено, одним JSON-документом.",
    },
}

COMMON: dict[str, str] = {
    "help": "Показать эту справку и выйти.",
    "install_completion": "Установить автодополнение для текущей оболочки.",
    "show_completion": (
        "Показать автодополнение для текущей оболочки, чтобы скопировать его или настроить "
        "установку."
    ),
}
"""The help of options Click and Typer add to commands themselves."""

CLICK: dict[str, str] = {
    "usage": "Использование:",
    "try": "Справка: {command} {option}",
    "error": "Ошибка: {message}",
    "aborted": "Прервано.",
    "Options": "Параметры",
    "Arguments": "Аргументы",
    "Commands": "Команды",
    "env var": "переменная окружения",
    "default": "по умолчанию",
    "required": "обязательно",
}
"""Click's and Typer's own words around the help and the usage errors."""

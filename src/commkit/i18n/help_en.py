"""``--help`` in English: every command's help and every option's, keyed like
:mod:`commkit.i18n.help_ru` (``COMMANDS`` by command path, ``""`` being ``commkit`` itself;
``PARAMS`` by command path and parameter name; ``COMMON`` for the options Click and Typer
add). The commands and options in ``commkit.cli`` carry no help text:
:mod:`commkit.cli.helpstyle` looks each one up here, or in the Russian catalog, by the same
rule. A test keeps both catalogs to the same keys.
"""

from __future__ import annotations

COMMANDS: dict[str, str] = {
    "": (
        "Grow business communities of SMEs with the Perm Krai method: assess a community, plan "
        "its roadmap, run the seminars and keep the region's Business Community Map."
    ),
    "validate": """Check files and report every error with file:line:column; exit 1 if any fails.

The kind of each file comes from its `kind:` header. A folder with `methodology/` or
`checklists/` is checked as a whole content pack (cross-references included); an overlay
pack also lists what it changes in the default pack.

Examples:

\b
  commkit validate                         # the built-in (or --content) pack
  commkit validate my-pack/ --strict-i18n
  commkit validate examples/perm-krai
  commkit validate answers.yaml""",
    "schema": """Print (or write) the JSON Schema of every YAML kind.

Point your editor at them: with the YAML language server, put
`# yaml-language-server: $schema=schemas/checklist.schema.json` on the first line.""",
    "methodology": """Show the method: objectives, final metrics and the chapters with their steps.

Examples:

\b
  commkit methodology
  commkit methodology 7              # the Business Community Map chapter
  commkit --lang ru methodology ecosystem-models
  commkit methodology --json""",
    "assess": """Assess a business community with the self-identification checklist.

Without options it asks the questions in the terminal (a draft is saved after every answer
beside the output, <out>/<slug>-assessment-draft.yaml; Ctrl-C keeps it, --resume DRAFT alone
continues that run). --answers FILE replays answers without a terminal (YAML or JSON,
'-' for stdin; several files or a glob give one report each).

Writes <out>/<slug>-assessment-<date>.md (the report) and
<out>/<slug>-assessment-<date>.yaml (answers and result: the input of 'commkit plan').""",
    "plan": """Turn an assessment into a dated roadmap: Markdown with a Gantt chart, CSV, iCalendar.

Picks the roadmap actions the assessment calls for (and what they depend on), schedules
them on working days under each role's capacity, and places the online seminars and the
MeetUp in the timeline. With --workspace: the regional plan, whose regional institutions
are picked by the gaps the region's communities share on the map.""",
    "map": """Build the Business Community Map: every community with its stage, score and figures,
the seven final metrics totalled for the region, stages, leaders, the ecosystem (AS-IS
and TO-BE, as a Mermaid graph), and communities whose assessment is missing or old.

A broken file is reported as a warning with its file and line, and the rest of the map
still builds; --strict makes any such problem an error.""",
    "progress": """\
Show how a community changed: its stage and each dimension across assessments, and
each metric across snapshots, with the change since the previous one.""",
    "content": (
        "Customise the content: the checklist, roadmap templates, seminars, report templates."
    ),
    "content init": """Copy the default content pack (or start an overlay) to customise it.

A full copy holds every file and the report templates. An overlay holds only what you
change, merged with the default by id (`ignore: true` drops an item).""",
    "content diff": """What changed between two versions of the method, item by item, by id.

Questions, answer options, dimensions, stages, roadmap actions, seminars and migrations
added, removed and changed, each change with its value before and after: a Markdown
change log on stdout, or --json.""",
    "checklist": (
        "The self-identification checklist outside the terminal: HTML form, XLSForm, workbook, "
        "printable questionnaire."
    ),
    "checklist export": """\
Write the loaded checklist as a form for people who never open a terminal.

Everything is generated from the checklist in use (a customised pack included). The HTML
form works offline from a file or a mail attachment, keeps progress in the browser and
downloads an answers file that 'commkit assess --answers' and 'commkit answers import'
read. Collect the other formats back with 'commkit answers import'.""",
    "answers": "Collect answers given outside the terminal into checked answers files.",
    "answers import": """Read collected answers and write one checked answers file per submission.

Reads the HTML form's downloads, KoboToolbox / ODK Central exports (CSV or XLSX, with
group/name headers) of the form from 'commkit checklist export --format xlsform', and
filled workbooks from '--format xlsx'. Rater name, role and date are kept. Every problem
is reported with its file, row and column; then nothing is written (exit 1) unless
--skip-bad. Existing files are kept unless --force.""",
    "seminars": (
        "The 8 online seminars and the MeetUp: browse them and export ready-to-use materials."
    ),
    "seminars list": """\
List the seminars and the MeetUp: number, id, title, week, format, minutes, chapters.""",
    "seminars show": """\
Show one seminar: goals, the agenda with minutes and clock offsets, exercises, homework.""",
    "seminars export": """\
Export slides (Marp), handout, facilitator's guide, invitation and HTML per seminar.

Each seminar gets a folder <out>/<nn>-<id>/ with slides.md, handout.md,
facilitator.md, invitation.md and (with html) a self-contained index.html; the series
gets index.md / index.html with the schedule. Nothing is overwritten without --force.""",
    "region": "Set up a region's workspace (region.yaml, communities/, assessments/).",
    "region init": """\
Create region.yaml (with an ecosystem template), communities/, assessments/ and a
README for the team. The new region.yaml is validated before it is written.""",
    "community": "Community profiles in a workspace.",
    "community add": """\
Write a community profile to communities/<slug>.yaml. Give everything by flags, or
run it in a terminal without --name to be asked.

Examples:

\b
  commkit community add -w perm --name "Franchising World" \\
      --leader "Yuliya Bogushevskaya" --leader "Maria Kizima" \\
      --platform Telegram --members 50 --events 5
  commkit community add -w perm          # asks the questions""",
    "export": "Export a region's data for analysts: a SQLite database that opens in Datasette.",
    "export sqlite": """\
Write the workspace as one SQLite database: communities, leaders, metric snapshots,
assessments (with the checklist version), answers with their notes, dimension scores,
stages, plan actions, ecosystem actors and links; keys, indexes, full-text search, and
views of each community's latest assessment. Next to it, <name>.metadata.json titles
every table and column for Datasette in the chosen --lang.""",
}

PARAMS: dict[str, dict[str, str]] = {
    "": {
        "content": "A customised content pack folder (see 'commkit content init').",
        "lang": (
            "Language of texts and reports: en or ru (default: the language stored in the input, "
            "else en)."
        ),
        "debug": "Show a traceback on errors (for bug reports).",
        "no_cache": (
            "Read the content pack and the report templates afresh, not from the cache (or "
            "COMMKIT_NO_CACHE=1)."
        ),
        "version": "Show the version and exit.",
    },
    "validate": {
        "paths": (
            "Content pack folders, workspace folders or single YAML files. None: the content pack "
            "in use."
        ),
        "strict_i18n": "Fail on any text missing in English or Russian.",
        "as_json": "Print one JSON report.",
    },
    "schema": {
        "out": "Write <kind>.schema.json files into this folder.",
        "force": "Overwrite existing files.",
    },
    "methodology": {
        "chapter": "A chapter id or number for the detail view.",
        "as_json": "Print the method as JSON.",
    },
    "assess": {
        "files": "More answers files to replay (so that a shell glob after --answers works).",
        "answers": "Answers file(s) to replay (YAML/JSON, '-' for stdin, globs welcome).",
        "resume": "Continue an interrupted wizard from its draft file.",
        "out": "Folder for the report and the YAML result.",
        "json_output": "Print the result as one JSON document on stdout.",
        "force": "Overwrite existing reports.",
        "explain": "Show how every score and the stage came about.",
        "date": "Date of the assessment (default: the answers file's date, else today).",
        "workspace": "Store results in a region workspace: DIR/assessments/SLUG/<date>.yaml + .md.",
        "community": "Community slug (default: from its name).",
        "charts": "Also draw the dimension scores as an SVG next to the report.",
        "html": "Also write the report as a self-contained HTML page.",
        "named": "With --workspace: name the other communities the report compares with.",
        "team": (
            "Merge several raters of one community (the files, or the workspace's answers/SLUG/) "
            "into one assessment with their disagreements."
        ),
        "anonymous": "With --team: 'Rater 1'... instead of names.",
        "update": (
            "Bring an old assessment or answers file to the current checklist: the wizard asks "
            "only the questions that need a new answer (OLD is only read)."
        ),
        "rescore": (
            "Re-score old assessments or answers files under the current checklist (through its "
            "migrations): what was carried, mapped, and needs a new answer."
        ),
        "as_table": "With several answers files: one row each, as a text table (--fmt).",
        "fmt": "The format of --table (tabulate's names).",
        "jobs": (
            "With several answers files: how many processes score them (default: the cores; "
            "1: this process). The files, messages and exit code are the same."
        ),
    },
    "plan": {
        "assessment": "An assessment written by 'commkit assess', or an answers file.",
        "workspace": "A region workspace: write the regional plan, made from its map.",
        "start": "First day of the plan, YYYY-MM-DD. Default: the next Monday.",
        "weeks": "Horizon of the plan in weeks.",
        "capacity": (
            "How many actions a role runs at once (repeatable). Defaults: community-manager 2, "
            "community-leader 2, regional-team 3, business-ambassador 1, government-liaison 1."
        ),
        "holidays": (
            "Non-working days: one YYYY-MM-DD (or FROM..TO range) per line, or a YAML list."
        ),
        "out_dir": "Folder for the Markdown plan.",
        "csv_file": "Also write a CSV, one row per action.",
        "excel": "CSV for spreadsheets: a BOM and ';' separators.",
        "ics_file": "Also write an iCalendar file to import into a calendar.",
        "html_file": "Also write one self-contained HTML page with the timeline as a chart.",
        "xlsx_file": "Also write an Excel workbook: actions, calendar, the manager's week.",
        "as_json": "Print the whole plan as JSON (no Markdown file).",
        "force": "Overwrite existing files.",
    },
    "map": {
        "workspace": "The workspace folder (region.yaml, communities/, ...).",
        "out": "Write the whole map as Markdown here.",
        "as_json": "Print the map as one JSON document.",
        "csv_path": "Write the community table as CSV here.",
        "html_path": "Write the map as one self-contained HTML page with its charts.",
        "charts": (
            "With --out: also draw the stage distribution and the seven metrics as SVG files next "
            "to it, linked from the Markdown."
        ),
        "public": (
            "With --html: the public map for entrepreneurs instead (only communities with a "
            "'public:' block, only what they publish; no scores, stages or notes)."
        ),
        "xlsx_path": "Write an Excel workbook here: metrics, communities, gaps.",
        "as_of": (
            "The map's date (YYYY-MM-DD); assessments older than 6 months before it are flagged. "
            "Default: today."
        ),
        "strict": "Fail (exit 1) on any broken file instead of skipping it.",
        "force": "Overwrite existing --out and --csv files.",
        "as_table": "Print the rows as a plain text table (see --fmt).",
        "fmt": "The format of --table (tabulate's names).",
    },
    "progress": {
        "slug": "The community's slug (its file name).",
        "workspace": "The workspace folder.",
        "as_json": "Print one JSON document.",
        "out_path": "Also write the progress as Markdown here.",
        "charts": "With --out: also draw the scores over time as an SVG next to it.",
        "html_path": "Also write one HTML page with the line chart.",
        "force": "Overwrite existing files.",
        "as_table": "Print the rows as a plain text table (see --fmt).",
        "fmt": "The format of --table (tabulate's names).",
    },
    "content init": {
        "target": "Folder for the new pack.",
        "overlay": "Write an overlay that extends the default pack and holds only your changes.",
        "name": "Name of the pack.",
        "force": "Write into a non-empty folder, replacing files.",
    },
    "content diff": {
        "old": "The older pack folder or checklist file (default: the built-in pack).",
        "new": "The newer pack folder or checklist file (default: the built-in pack).",
        "as_json": "Print one JSON document on stdout.",
        "rev": ("Compare OLD as it was at this git revision (HEAD~1, a tag, a hash) with OLD now."),
    },
    "checklist export": {
        "format": (
            "html: an offline form; xlsform: for KoboToolbox / ODK Central; xlsx: a workbook for "
            "Excel or LibreOffice; md: a printable questionnaire."
        ),
        "out": "The folder to write into.",
        "lang": (
            "The language it opens in (html, xlsform, xlsx keep both; md is in this one). "
            "Default: the global --lang."
        ),
        "community": "Fill in this community (its name comes from --workspace).",
        "workspace": "The workspace holding communities/SLUG.yaml.",
        "force": "Overwrite an existing file.",
    },
    "answers import": {
        "files": (
            "HTML-form downloads (.json), Kobo/ODK exports (.csv, .xlsx), filled workbooks (.xlsx)."
        ),
        "out": "Write <community>-<rater>-<date>.yaml files here.",
        "workspace": "Or store them in a workspace: answers/<community>/<rater>-<date>.yaml.",
        "skip_bad": "Write the good submissions and list the bad ones.",
        "force": "Overwrite existing files.",
    },
    "seminars list": {
        "as_json": "Print the list as JSON.",
        "as_table": "Print the rows as a plain text table (see --fmt).",
        "fmt": "The format of --table (tabulate's names).",
    },
    "seminars show": {
        "seminar_id": "A seminar id (seminar-3, meetup) or number.",
        "as_json": "Print the seminar as JSON.",
    },
    "seminars export": {
        "out_dir": "Folder to write into (created if missing).",
        "seminar_ids": "Seminars to export (ids or numbers); or use --all.",
        "all_": "Export every seminar and the MeetUp.",
        "formats": "md, html or md,html (comma-separated).",
        "profile": (
            "A community profile or an assessment file: its name, leaders and gaps go into the "
            "exercises and the invitation."
        ),
        "community": (
            "A community of the workspace, by slug: its profile communities/SLUG.yaml (and latest "
            "assessment), as --profile."
        ),
        "workspace": "The workspace holding communities/SLUG.yaml.",
        "start_date": (
            "Date of the first exported seminar (YYYY-MM-DD); the others follow by their "
            "programme week."
        ),
        "start_time": "Start time HH:MM for the run sheet and the invitation.",
        "make_zip": "Also write <out>/seminars.zip of every file written.",
        "force": "Overwrite existing files.",
        "as_json": "Print the list of files written as JSON.",
    },
    "region init": {
        "directory": "The workspace folder to create (may exist and be empty).",
        "name": "The region's name, e.g. 'Perm Krai'.",
        "country": "The country.",
        "lang": "The region's working language, en or ru (default: the global --lang).",
        "force": "Overwrite an existing region.yaml and README.md.",
    },
    "community add": {
        "workspace": "The workspace folder.",
        "name": "The community's name.",
        "leader": "A leader's full name (repeat for several).",
        "platform": "Where it meets: Telegram, a venue, a chat.",
        "members": "Members now (starts a snapshot).",
        "events": "Events held so far.",
        "projects": "Projects launched so far.",
        "fmt": "online, offline or mixed.",
        "formalised": "A registered non-profit, or informal (no legal entity).",
        "founded": "YYYY, YYYY-MM or YYYY-MM-DD.",
        "description": "One or two sentences.",
        "slug": "File name (default: from the name).",
        "as_of": "Date of the figures (default: today).",
        "force": "Overwrite an existing profile.",
    },
    "export sqlite": {
        "workspace": "The workspace folder (region.yaml, communities/, ...).",
        "database": "The SQLite file to write, e.g. region.db.",
        "replace": (
            "Bring an existing database up to date: only communities whose files changed are read "
            "again."
        ),
        "full": "With --replace: rebuild everything from scratch.",
        "as_json": "Print what was exported as one JSON document.",
    },
}

COMMON: dict[str, str] = {
    "help": "Show this message and exit.",
    "install_completion": "Install completion for the current shell.",
    "show_completion": (
        "Show completion for the current shell, to copy it or customize the installation."
    ),
}
"""The help of options Click and Typer add to commands themselves."""

EXAMPLES_HEADING = "Examples:"
"""The heading of the example lines (:mod:`commkit.i18n.help_examples`)."""

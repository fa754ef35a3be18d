"""The Python API: everything the CLI does, as typed functions that return models.

This is the library; the CLI is a thin shell over the same functions (parse options, call
``commkit.api``, print). Nothing here prints or prompts. Bad input raises
:class:`commkit.errors.UserError` (:class:`~commkit.errors.ContentError` with the file, line
and field of every problem); problems a run survives come back as data, as
:class:`commkit.errors.CommkitWarning` objects beside the result.

One module per concern: :mod:`~commkit.api.answers` (reading and checking answers),
:mod:`~commkit.api.assess`, :mod:`~commkit.api.plan`, :mod:`~commkit.api.map`,
:mod:`~commkit.api.workspace`, :mod:`~commkit.api.content`, :mod:`~commkit.api.forms`,
:mod:`~commkit.api.versions`, :mod:`~commkit.api.export`; everything public is re-exported
here, so ``from commkit import api`` is all a script needs.

A whole new-region workflow::

    from datetime import date
    from commkit import api

    api.init_region("kazan", name="Kazan", country="Russia", lang="ru")
    api.add_community("kazan", name="IT Club", leaders=["Ivan Petrov"], members=40)
    answers = api.load_answers("answers/it-club.yaml")
    assessment = api.assess(answers, today=date(2026, 3, 1))
    api.save_assessment("kazan", assessment)
    region_map = api.build_map("kazan", today=date(2026, 3, 1))
    markdown = api.render_map_markdown(region_map, lang="ru")
    roadmap = api.plan(assessment, start=date(2026, 3, 2))
    text = api.render_plan_markdown(roadmap)
"""

import sys
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from commkit.api.answers import (
        CheckedAnswers,
        check_answers,
        check_answers_file,
        check_slug,
        date_warnings,
        expand_answer_files,
        load_answers,
        load_assessment,
        read_answers,
    )
    from commkit.api.assess import (
        AssessmentSummary,
        AssessmentWriter,
        DimensionRow,
        ReportOptions,
        assess,
        assess_team,
        assessment_summary,
        checklist_hash,
        checklist_of,
        compare_with_peers,
        draft_problems,
        explain,
        peer_pool,
        rater_label,
        render_assessment_chart,
        render_assessment_html,
        render_assessment_markdown,
        save_assessment,
        team_raters_in_workspace,
    )
    from commkit.api.content import (
        init_content,
        load_content,
        method_chapter,
        method_overview,
        schemas,
        tr,
        validate,
        validate_pack,
        write_schemas,
    )
    from commkit.api.plan import (
        PlanInput,
        load_holidays,
        next_monday,
        parse_capacity,
        plan,
        plan_file_name,
        plan_input,
        region_plan,
        render_plan_csv,
        render_plan_html,
        render_plan_ics,
        render_plan_markdown,
        render_plan_xlsx,
        write_plan,
    )

if TYPE_CHECKING:  # the API reference lists these after the four modules above
    from commkit.api.batch import (
        BatchItem,
        BatchOptions,
        assess_batch,
        cores,
        store_batch,
        writer_settings,
    )
    from commkit.api.export import export_sqlite
    from commkit.api.files import check_new_files, stale_temps_removed
    from commkit.api.forms import EXPORT_FORMATS, export_checklist, import_answers
    from commkit.api.map import (
        MapFiles,
        build_map,
        map_json_chunks,
        progress,
        progress_lines,
        render_map_charts,
        render_map_csv,
        render_map_html,
        render_map_markdown,
        render_map_xlsx,
        render_progress_chart,
        render_progress_html,
        render_progress_markdown,
        write_map,
        write_progress,
    )
    from commkit.api.seminars import (
        SeminarExport,
        SeminarOptions,
        choose_seminars,
        export_seminars,
        find_seminar,
        list_seminars,
        seminar_json,
        seminar_options,
        seminar_summary,
        seminar_table,
        seminar_view,
    )
    from commkit.api.versions import (
        diff_content,
        diff_json,
        load_old,
        migrate_answers,
        render_diff_markdown,
        render_rescore_markdown,
        rescore,
        rescore_summary,
        write_rescore_report,
    )
    from commkit.api.views import (
        Column,
        MapScreen,
        ProgressScreen,
        TableView,
        json_text,
        map_screen,
        progress_screen,
    )
    from commkit.api.workspace import (
        RegionOptions,
        RegionScaffold,
        add_community,
        community_file,
        init_region,
        load_workspace,
        public_map,
        render_public_map_html,
        scaffold_region,
        write_public_map,
    )

_LAZY = {
    name: module
    for module, names in {
        "answers": (
            "CheckedAnswers",
            "check_answers",
            "check_answers_file",
            "check_slug",
            "date_warnings",
            "expand_answer_files",
            "load_answers",
            "load_assessment",
            "read_answers",
        ),
        "assess": (
            "AssessmentSummary",
            "AssessmentWriter",
            "DimensionRow",
            "ReportOptions",
            "assess",
            "assess_team",
            "assessment_summary",
            "checklist_hash",
            "checklist_of",
            "compare_with_peers",
            "draft_problems",
            "explain",
            "peer_pool",
            "rater_label",
            "render_assessment_chart",
            "render_assessment_html",
            "render_assessment_markdown",
            "save_assessment",
            "team_raters_in_workspace",
        ),
        "content": (
            "init_content",
            "load_content",
            "method_chapter",
            "method_overview",
            "schemas",
            "tr",
            "validate",
            "validate_pack",
            "write_schemas",
        ),
        "plan": (
            "PlanInput",
            "load_holidays",
            "next_monday",
            "parse_capacity",
            "plan",
            "plan_file_name",
            "plan_input",
            "region_plan",
            "render_plan_csv",
            "render_plan_html",
            "render_plan_ics",
            "render_plan_markdown",
            "render_plan_xlsx",
            "write_plan",
        ),
        "batch": (
            "BatchItem",
            "BatchOptions",
            "assess_batch",
            "cores",
            "store_batch",
            "writer_settings",
        ),
        "export": ("export_sqlite",),
        "files": (
            "check_new_files",
            "stale_temps_removed",
        ),
        "forms": (
            "EXPORT_FORMATS",
            "export_checklist",
            "import_answers",
        ),
        "map": (
            "MapFiles",
            "build_map",
            "map_json_chunks",
            "progress",
            "progress_lines",
            "render_map_charts",
            "render_map_csv",
            "render_map_html",
            "render_map_markdown",
            "render_map_xlsx",
            "render_progress_chart",
            "render_progress_html",
            "render_progress_markdown",
            "write_map",
            "write_progress",
        ),
        "seminars": (
            "SeminarExport",
            "SeminarOptions",
            "choose_seminars",
            "export_seminars",
            "find_seminar",
            "list_seminars",
            "seminar_json",
            "seminar_options",
            "seminar_summary",
            "seminar_table",
            "seminar_view",
        ),
        "versions": (
            "diff_content",
            "diff_json",
            "load_old",
            "migrate_answers",
            "render_diff_markdown",
            "render_rescore_markdown",
            "rescore",
            "rescore_summary",
            "write_rescore_report",
        ),
        "views": (
            "Column",
            "MapScreen",
            "ProgressScreen",
            "TableView",
            "json_text",
            "map_screen",
            "progress_screen",
        ),
        "workspace": (
            "RegionOptions",
            "RegionScaffold",
            "add_community",
            "community_file",
            "init_region",
            "load_workspace",
            "public_map",
            "render_public_map_html",
            "scaffold_region",
            "write_public_map",
        ),
    }.items()
    for name in names
}
"""Every public name and the module that defines it, imported on first use: a one-file
command imports only the API modules it calls, and a warm path under ``commkit.api`` imports
none it does not need."""

_NAMED_AS_MODULE = frozenset({"assess", "plan"})
"""Functions named as their module: importing ``commkit.api.assess`` must not make
``api.assess`` the module (the import system sets a package's attribute of that name)."""


class _Api(ModuleType):
    def __setattr__(self, name: str, value: Any) -> None:
        if name in _NAMED_AS_MODULE and isinstance(value, ModuleType):
            return  # the function, found by __getattr__, keeps the name
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Api


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        if name in _MODULES:  # a submodule used by its name (``api.answers.STDIN``)
            return import_module(f"{__name__}.{name}")
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


_MODULES = frozenset({*_LAZY.values(), "_common"})


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__all__ = [
    "EXPORT_FORMATS",
    "AssessmentSummary",
    "AssessmentWriter",
    "BatchItem",
    "BatchOptions",
    "CheckedAnswers",
    "Column",
    "DimensionRow",
    "MapFiles",
    "MapScreen",
    "PlanInput",
    "ProgressScreen",
    "RegionOptions",
    "RegionScaffold",
    "ReportOptions",
    "SeminarExport",
    "SeminarOptions",
    "TableView",
    "add_community",
    "assess",
    "assess_batch",
    "assess_team",
    "assessment_summary",
    "build_map",
    "check_answers",
    "check_answers_file",
    "check_new_files",
    "check_slug",
    "checklist_hash",
    "checklist_of",
    "choose_seminars",
    "community_file",
    "compare_with_peers",
    "cores",
    "date_warnings",
    "diff_content",
    "diff_json",
    "draft_problems",
    "expand_answer_files",
    "explain",
    "export_checklist",
    "export_seminars",
    "export_sqlite",
    "find_seminar",
    "import_answers",
    "init_content",
    "init_region",
    "json_text",
    "list_seminars",
    "load_answers",
    "load_assessment",
    "load_content",
    "load_holidays",
    "load_old",
    "load_workspace",
    "map_json_chunks",
    "map_screen",
    "method_chapter",
    "method_overview",
    "migrate_answers",
    "next_monday",
    "parse_capacity",
    "peer_pool",
    "plan",
    "plan_file_name",
    "plan_input",
    "progress",
    "progress_lines",
    "progress_screen",
    "public_map",
    "rater_label",
    "read_answers",
    "region_plan",
    "render_assessment_chart",
    "render_assessment_html",
    "render_assessment_markdown",
    "render_diff_markdown",
    "render_map_charts",
    "render_map_csv",
    "render_map_html",
    "render_map_markdown",
    "render_map_xlsx",
    "render_plan_csv",
    "render_plan_html",
    "render_plan_ics",
    "render_plan_markdown",
    "render_plan_xlsx",
    "render_progress_chart",
    "render_progress_html",
    "render_progress_markdown",
    "render_public_map_html",
    "render_rescore_markdown",
    "rescore",
    "rescore_summary",
    "save_assessment",
    "scaffold_region",
    "schemas",
    "seminar_json",
    "seminar_options",
    "seminar_summary",
    "seminar_table",
    "seminar_view",
    "stale_temps_removed",
    "store_batch",
    "team_raters_in_workspace",
    "tr",
    "validate",
    "validate_pack",
    "write_map",
    "write_plan",
    "write_progress",
    "write_public_map",
    "write_rescore_report",
    "write_schemas",
    "writer_settings",
]

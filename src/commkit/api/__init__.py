"""The Python API: everything the CLI does, as typed functions that return models.

Nothing here prints or prompts; errors are raised as :class:`commkit.errors.CommkitError`
(:class:`~commkit.errors.UserError` for bad input, with located diagnostics). The CLI is a
thin shell over the same functions.

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

from __future__ import annotations

from commkit.api.assessments import (
    STDIN,
    AssessmentFiles,
    AssessmentWriter,
    CheckedAnswers,
    Explanation,
    PlanInput,
    assess,
    check_answers,
    check_slug,
    checklist_hash,
    checklist_of,
    draft_problems,
    expand_answer_files,
    explain,
    load_answers,
    load_assessment,
    plan_input,
    read_answers,
    render_assessment_markdown,
    report_language,
    save_assessment,
)
from commkit.api.content import (
    init_content_pack,
    load_content,
    method_chapter,
    method_overview,
    schemas,
    validate,
    write_schemas,
)
from commkit.api.plans import (
    MAX_CAPACITY,
    load_holidays,
    next_monday,
    parse_capacity,
    plan,
    plan_markdown_path,
    region_plan,
    render_plan_csv,
    render_plan_ics,
    render_plan_markdown,
    write_plan,
)
from commkit.api.seminars import (
    SeminarExport,
    choose_seminars,
    export_seminars,
    find_seminar,
    list_seminars,
    seminar_details,
    seminar_labels,
    seminar_summary,
    seminar_view,
)
from commkit.api.views import (
    SCREEN_ROWS,
    AssessmentSummary,
    Column,
    DimensionRow,
    MapScreen,
    ProgressScreen,
    TableView,
    assessment_summary,
    map_screen,
    progress_screen,
    seminar_table,
)
from commkit.api.workspaces import (
    FORMATS,
    MapResult,
    RegionScaffold,
    add_community,
    build_map,
    check_targets,
    init_region,
    load_workspace,
    map_json_chunks,
    map_workspace,
    new_community,
    pack_for_names,
    progress,
    render_map_csv,
    render_map_markdown,
    scaffold_region,
    workspace_warnings,
    write_community,
    write_map,
)

__all__ = [
    "FORMATS",
    "MAX_CAPACITY",
    "SCREEN_ROWS",
    "STDIN",
    "AssessmentFiles",
    "AssessmentSummary",
    "AssessmentWriter",
    "CheckedAnswers",
    "Column",
    "DimensionRow",
    "Explanation",
    "MapResult",
    "MapScreen",
    "PlanInput",
    "ProgressScreen",
    "RegionScaffold",
    "SeminarExport",
    "TableView",
    "add_community",
    "assess",
    "assessment_summary",
    "build_map",
    "check_answers",
    "check_slug",
    "check_targets",
    "checklist_hash",
    "checklist_of",
    "choose_seminars",
    "draft_problems",
    "expand_answer_files",
    "explain",
    "export_seminars",
    "find_seminar",
    "init_content_pack",
    "init_region",
    "list_seminars",
    "load_answers",
    "load_assessment",
    "load_content",
    "load_holidays",
    "load_workspace",
    "map_json_chunks",
    "map_screen",
    "map_workspace",
    "method_chapter",
    "method_overview",
    "new_community",
    "next_monday",
    "pack_for_names",
    "parse_capacity",
    "plan",
    "plan_input",
    "plan_markdown_path",
    "progress",
    "progress_screen",
    "read_answers",
    "region_plan",
    "render_assessment_markdown",
    "render_map_csv",
    "render_map_markdown",
    "render_plan_csv",
    "render_plan_ics",
    "render_plan_markdown",
    "report_language",
    "save_assessment",
    "scaffold_region",
    "schemas",
    "seminar_details",
    "seminar_labels",
    "seminar_summary",
    "seminar_table",
    "seminar_view",
    "validate",
    "workspace_warnings",
    "write_community",
    "write_map",
    "write_plan",
    "write_schemas",
]

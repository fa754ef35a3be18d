"""The warm one-file commands as the command line runs them: the warm function of the API,
then the same screen as the full way prints. Shared by the app's commands (which try them
first) and :mod:`commkit.cli.quick_start` (which runs them without the app); no Typer."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def warm_assess_run(
    s: Any,
    name: str,
    *,
    out: Path,
    force: bool,
    when: Any = None,
    community: str | None = None,
) -> bool:
    """One answers file assessed the warm way (no pydantic), when nothing needs the models;
    ``False``: nothing was done, the full path runs."""
    from commkit.api.warm_assess import warm_assess
    from commkit.cli.output import Lines
    from commkit.cli.summary import print_view

    if not Path(name).is_file():
        return False
    lang = s.lang if s.lang_given else None
    done = warm_assess(
        name, content=s.content, lang=lang, today=when, slug=community, out=out, force=force
    )
    if done is None:
        return False
    print_view(Lines(stderr=False), done.summary, done.files, done.lang)
    return True


def quick_plan_run(
    s: Any,
    assessment: Path,
    *,
    out: Path,
    force: bool,
    start: Any = None,
    weeks: int = 26,
    capacity: list[str] | None = None,
    holidays: Path | None = None,
) -> bool:
    """A plan's Markdown made the quick way (no pydantic) when it is sure; ``False``: nothing
    was done, the full path runs."""
    from commkit.api.plan import quick_plan

    quick = quick_plan(
        assessment,
        start,
        content=s.content,
        weeks=weeks,
        capacity=capacity or [],
        holidays=holidays,
        out=out,
        lang=s.lang if s.lang_given else None,
        force=force,
    )
    if quick is None:
        return False
    plan_summary(quick.plan, quick.lang, quick.written)
    return True


def plan_summary(result: Any, lang: str, written: list[Path]) -> None:
    """The plan's line and the files written (the same for a plan and its plain objects)."""
    from commkit import api
    from commkit.cli.output import Lines
    from commkit.i18n import plural, text
    from commkit.shown_path import shown_path

    stdout = Lines()  # on a pipe a line is written whole, without rich; a terminal wraps it
    scheduled = plural("cli.actions_scheduled", len(result.scheduled), lang)
    summary = text(
        "cli.plan_summary",
        lang,
        name=api.tr(result.community.name, lang),
        scheduled=scheduled,
        start=result.start,
        end=result.end,
        later=len(result.later),
    )
    stdout.print(summary, soft_wrap=not stdout.is_terminal)
    for path in written:
        stdout.print(text("cli.wrote", lang, path=shown_path(path)))

"""``commkit plan``: a dated roadmap from an assessment."""

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Annotated, Any

import typer

from commkit.cli import options as opt
from commkit.cli.context import settings


def plan(
    ctx: typer.Context,
    assessment: Annotated[Path | None, opt.value_option("--assessment", "-a")] = None,
    workspace: Annotated[Path | None, opt.workspace_option(short=True)] = None,
    start: Annotated[
        dt.date | None,
        opt.date_option(
            option="--start",
            metavar="DATE",
        ),
    ] = None,
    weeks: Annotated[int, typer.Option("--weeks", min=1, max=260)] = 26,
    capacity: Annotated[list[str] | None, opt.value_option("--capacity", metavar="ROLE=N")] = None,
    holidays: Annotated[Path | None, opt.value_option("--holidays", metavar="FILE")] = None,
    out_dir: Annotated[Path, opt.out_option()] = Path("."),
    csv_file: Annotated[Path | None, opt.value_option("--csv", metavar="FILE")] = None,
    excel: Annotated[bool, opt.flag("--excel")] = False,
    ics_file: Annotated[Path | None, opt.value_option("--ics", metavar="FILE")] = None,
    html_file: Annotated[Path | None, opt.value_option("--html", metavar="FILE")] = None,
    xlsx_file: Annotated[Path | None, opt.value_option("--xlsx", metavar="FILE")] = None,
    as_json: Annotated[bool, opt.json_option()] = False,
    force: Annotated[bool, opt.force_option()] = False,
) -> None:
    from commkit import api
    from commkit.cli.output import err, print_json, show_warnings

    s = settings(ctx)
    if excel and csv_file is None:
        raise typer.BadParameter(
            "--excel shapes the CSV: give --csv FILE too", param_hint="--excel"
        )
    only_markdown = not (csv_file or ics_file or html_file or xlsx_file or as_json)
    if assessment is not None and workspace is None and only_markdown:
        from commkit.cli.warm_commands import quick_plan_run

        if quick_plan_run(
            s,
            assessment,
            out=out_dir,
            force=force,
            start=start,
            weeks=weeks,
            capacity=capacity,
            holidays=holidays,
        ):
            return
    pack = s.pack()
    if (assessment is None) == (workspace is None):
        raise typer.BadParameter(
            "give --assessment FILE (a community's plan) or --workspace DIR (the regional plan)",
            param_hint="--assessment / --workspace",
        )
    caps = api.parse_capacity(capacity or [], pack=pack)
    days_off = api.load_holidays(holidays) if holidays is not None else []
    first_day = start or api.next_monday()
    if workspace is not None:
        ws = api.load_workspace(workspace)
        result = api.region_plan(
            ws, first_day, pack=pack, weeks=weeks, capacity=caps, holidays=days_off
        )
        for diag in dict.fromkeys(ws.diagnostics):  # broken files are left out, as on the map
            err().print(
                dataclasses.replace(diag, severity="warning").format(),
                markup=False,
                highlight=False,
                soft_wrap=True,
            )
    else:
        assert assessment is not None
        loaded = api.plan_input(assessment, pack=pack)
        show_warnings(loaded.warnings)
        result = api.plan(
            loaded.assessment, first_day, pack=pack, weeks=weeks, capacity=caps, holidays=days_off
        )
    lang = s.lang_for(result.language)
    written = api.write_plan(
        result,
        out=None if as_json else out_dir,
        csv=csv_file,
        excel=excel,
        ics=ics_file,
        html=html_file,
        xlsx=xlsx_file,
        lang=lang,
        pack=pack,
        force=force,
    )
    from commkit.i18n import text
    from commkit.shown_path import shown_path

    if as_json:
        print_json(result.model_dump(mode="json"))
        for path in written:
            err().print(
                text("cli.wrote", lang, path=shown_path(path)), markup=False, soft_wrap=True
            )
        return
    _summary(result, lang, written)


def _summary(result: Any, lang: str, written: list[Path]) -> None:
    from commkit.cli.warm_commands import plan_summary

    plan_summary(result, lang, written)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.command("plan")(plan)

"""``commkit plan``: a dated roadmap from an assessment."""

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from commkit.cli.context import settings
from commkit.cli.options import Force, date_option, out_option


def plan(
    ctx: typer.Context,
    assessment: Annotated[
        Path | None,
        typer.Option(
            "--assessment",
            "-a",
            help="An assessment written by 'commkit assess', or an answers file.",
            show_default=False,
        ),
    ] = None,
    workspace: Annotated[
        Path | None,
        typer.Option(
            "--workspace",
            "-w",
            metavar="DIR",
            help="A region workspace: write the regional plan, made from its map.",
            show_default=False,
        ),
    ] = None,
    start: Annotated[
        date | None, date_option("First day of the plan. Default: the next Monday.", "--start")
    ] = None,
    weeks: Annotated[
        int, typer.Option("--weeks", min=1, max=260, help="Horizon of the plan in weeks.")
    ] = 26,
    capacity: Annotated[
        list[str] | None,
        typer.Option(
            "--capacity",
            metavar="ROLE=N",
            help="How many actions a role runs at once (repeatable). Defaults: "
            "community-manager 2, community-leader 2, regional-team 3, "
            "business-ambassador 1, government-liaison 1.",
            show_default=False,
        ),
    ] = None,
    holidays: Annotated[
        Path | None,
        typer.Option(
            "--holidays",
            metavar="FILE",
            help="Non-working days: one YYYY-MM-DD (or FROM..TO range) per line, or a YAML list.",
            show_default=False,
        ),
    ] = None,
    out_dir: Annotated[Path, out_option("Folder for the Markdown plan.")] = Path("."),
    csv_file: Annotated[
        Path | None,
        typer.Option(
            "--csv",
            metavar="FILE",
            help="Also write a CSV, one row per action.",
            show_default=False,
        ),
    ] = None,
    excel: Annotated[
        bool,
        typer.Option("--excel", help="CSV for spreadsheets: a BOM and ';' separators."),
    ] = False,
    ics_file: Annotated[
        Path | None,
        typer.Option(
            "--ics",
            metavar="FILE",
            help="Also write an iCalendar file to import into a calendar.",
            show_default=False,
        ),
    ] = None,
    as_json: Annotated[
        bool,
        typer.Option("--json", help="Print the whole plan as JSON (no Markdown file)."),
    ] = False,
    force: Force = False,
) -> None:
    """Turn an assessment into a dated roadmap: Markdown with a Gantt chart, CSV, iCalendar.

    Picks the roadmap actions the assessment calls for (and what they depend on), schedules
    them on working days under each role's capacity, and places the online seminars and the
    MeetUp in the timeline. With --workspace: the regional plan, whose regional institutions
    are picked by the gaps the region's communities share on the map.

    Examples:

    \b
      commkit plan --assessment assessments/fashiontechperm/2026-01-10.yaml
      commkit plan --workspace examples/perm-krai --start 2026-02-02
      commkit plan -a answers.yaml --start 2026-02-02 --weeks 12 --out plans
      commkit plan -a answers.yaml --capacity community-manager=1 --holidays holidays.txt
      commkit plan -a answers.yaml --csv plan.csv --excel --ics plan.ics
      commkit --lang ru plan -a answers.yaml --json
    """
    from commkit import api
    from commkit.cli.output import err, print_json, warn

    s = settings(ctx)
    if excel and csv_file is None:
        raise typer.BadParameter(
            "--excel shapes the CSV: give --csv FILE too", param_hint="--excel"
        )
    pack = s.pack()
    if (assessment is None) == (workspace is None):
        raise typer.BadParameter(
            "give --assessment FILE (a community's plan) or --workspace DIR (the regional plan)",
            param_hint="--assessment / --workspace",
        )
    caps = api.parse_capacity(capacity or [], pack=pack)
    days_off = api.load_holidays(holidays) if holidays is not None else []
    today = date.today()
    first_day = start or api.next_monday(today)
    if workspace is not None:
        result = api.region_plan(
            workspace, first_day, pack=pack, weeks=weeks, capacity=caps, holidays=days_off
        )
    else:
        assert assessment is not None
        loaded = api.plan_input(assessment, pack=pack, today=today)
        for warning in loaded.warnings:
            warn(str(warning))
        result = api.plan(
            loaded.assessment, first_day, pack=pack, weeks=weeks, capacity=caps, holidays=days_off
        )
    written = api.write_plan(
        result,
        out=None if as_json else out_dir,
        csv=csv_file,
        excel=excel,
        ics=ics_file,
        lang=s.lang,
        pack=pack,
        force=force,
    )
    if as_json:
        print_json(result.model_dump(mode="json"))
        for path in written:
            err().print(f"wrote {path}", markup=False, highlight=False)
        return
    from commkit.cli.output import out

    ru = s.lang == "ru"
    console = out()
    later = len(result.later)
    console.print(
        (
            f"План для {result.community.name}: запланировано действий — "
            f"{len(result.scheduled)} (с {result.start} по {result.end}), позже — {later}."
        )
        if ru
        else (
            f"Plan for {result.community.name}: {len(result.scheduled)} actions scheduled from "
            f"{result.start} to {result.end}, {later} later."
        ),
        markup=False,
        highlight=False,
        soft_wrap=True,
    )
    for path in written:
        console.print(
            ("записан " if ru else "wrote ") + str(path),
            markup=False,
            highlight=False,
            soft_wrap=True,
        )


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.command("plan")(plan)

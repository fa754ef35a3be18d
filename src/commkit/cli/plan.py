"""``commkit plan``: a dated roadmap from an assessment."""

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from commkit.cli.context import settings


def _parse_start(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a date such as 2026-01-12", param_hint="--start"
        ) from None


def _parse_capacity(values: list[str], roles: list[str]) -> dict[str, int]:
    import difflib

    from commkit.errors import UserError

    result: dict[str, int] = {}
    for item in values:
        role, sep, number = item.partition("=")
        role = role.strip()
        if not sep or not number.strip().isdigit():
            raise UserError(f"--capacity {item!r}: use ROLE=N, e.g. --capacity community-manager=3")
        if role not in roles:
            hint = difflib.get_close_matches(role, roles, n=1)
            extra = f" (did you mean {hint[0]!r}?)" if hint else ""
            raise UserError(
                f"--capacity {item!r}: unknown role {role!r}{extra}; roles: {', '.join(roles)}"
            )
        count = int(number)
        if not 1 <= count <= 100:
            raise UserError(f"--capacity {item!r}: N must be between 1 and 100")
        result[role] = count
    return result


def plan(
    ctx: typer.Context,
    assessment: Annotated[
        Path,
        typer.Option(
            "--assessment",
            "-a",
            help="An assessment written by 'commkit assess', or an answers file.",
            show_default=False,
        ),
    ],
    start: Annotated[
        str | None,
        typer.Option(
            "--start",
            metavar="DATE",
            help="First day of the plan, YYYY-MM-DD. Default: the next Monday.",
            show_default=False,
        ),
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
    out_dir: Annotated[
        Path, typer.Option("--out", metavar="DIR", help="Folder for the Markdown plan.")
    ] = Path("."),
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
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing files.")] = False,
) -> None:
    """Turn an assessment into a dated roadmap: Markdown with a Gantt chart, CSV, iCalendar.

    Picks the roadmap actions the assessment calls for (and what they depend on), schedules
    them on working days under each role's capacity, and places the online seminars and the
    MeetUp in the timeline.

    Examples:

    \b
      commkit plan --assessment assessments/fashiontechperm/2026-01-10.yaml
      commkit plan -a answers.yaml --start 2026-02-02 --weeks 12 --out plans
      commkit plan -a answers.yaml --capacity community-manager=1 --holidays holidays.txt
      commkit plan -a answers.yaml --csv plan.csv --excel --ics plan.ics
      commkit --lang ru plan -a answers.yaml --json
    """
    from commkit import api
    from commkit.cli.output import err, print_json, warn
    from commkit.core.calendar import load_holidays, next_monday
    from commkit.core.scheduler import make_plan
    from commkit.fsutil import atomic_write_bytes, atomic_write_text, safe_child

    s = settings(ctx)
    first_day = _parse_start(start)
    if excel and csv_file is None:
        raise typer.BadParameter(
            "--excel shapes the CSV: give --csv FILE too", param_hint="--excel"
        )
    pack = s.pack()
    caps = _parse_capacity(capacity or [], [r.id for r in pack.methodology.roles])
    days_off = load_holidays(holidays) if holidays is not None else []
    today = date.today()
    loaded = api.plan_input(assessment, pack=pack, today=today)
    for warning in loaded.warnings:
        warn(str(warning))
    first_day = first_day or next_monday(today)
    result = make_plan(pack, loaded.assessment, first_day, weeks, caps, days_off)

    written: list[Path] = []
    target = safe_child(out_dir, f"{result.slug}-plan-{result.start.isoformat()}.md")
    if not force:  # check every target first: refuse before writing any of them
        from commkit.errors import OutputExistsError

        for path in (None if as_json else target, csv_file, ics_file):
            if path is not None and path.exists():
                raise OutputExistsError(f"{path} already exists (use --force to overwrite it)")
    if not as_json:
        from commkit.render.plan_md import render_plan_md

        written.append(atomic_write_text(target, render_plan_md(result, pack, s.lang), force=force))
    if csv_file is not None:
        from commkit.render.plan_csv import render_plan_csv

        text = render_plan_csv(result, pack, s.lang, excel=excel)
        written.append(atomic_write_text(csv_file, text, force=force, bom=excel))
    if ics_file is not None:
        from commkit.render.plan_ics import render_plan_ics

        written.append(
            atomic_write_bytes(ics_file, render_plan_ics(result, pack, s.lang), force=force)
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

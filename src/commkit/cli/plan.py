"""``commkit plan``: a dated roadmap from an assessment."""

from datetime import date
from pathlib import Path
from typing import Annotated, Any

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


def load_assessment(path: Path, pack: Any, today: date) -> Any:
    """An assessment written by ``assess``, or an answers file scored on the fly."""
    from commkit.cli.output import warn
    from commkit.core.scoring import assess, check_answers, checklist_for
    from commkit.errors import ContentError
    from commkit.model.answers import Answers, Assessment
    from commkit.model.loader import load_document, parse_file
    from commkit.model.pack import content_hash

    doc = parse_file(path)
    if isinstance(doc.data, dict) and doc.data.get("kind") not in ("assessment", "answers"):
        kind = doc.data.get("kind")
        raise ContentError(
            "",
            [
                *doc.problems,
                doc.diagnostic(
                    ("kind",) if kind is not None else (),
                    f"expected an assessment (kind: assessment, written by 'commkit assess') "
                    f"or an answers file (kind: answers), got {kind!r}",
                ),
            ],
        )
    model = load_document(doc)
    if isinstance(model, Answers):
        checklist = checklist_for(pack, model)
        diags = check_answers(checklist, model, doc, require_complete=False)
        errors = [d for d in diags if d.severity == "error"]
        if errors:
            raise ContentError("the answers have errors", errors)
        for diag in diags:
            warn(diag.format())
        return assess(pack, model, model.date or today)
    assert isinstance(model, Assessment)
    checklist = pack.checklists.get(model.checklist.id)
    if checklist is None:
        warn(f"{path}: checklist {model.checklist.id!r} is not in the content pack")
    elif model.checklist.hash and model.checklist.hash != content_hash(checklist):
        warn(
            f"{path}: the checklist has changed since this assessment "
            f"({model.checklist.hash} -> {content_hash(checklist)}); "
            "the plan uses the stored scores"
        )
    return model


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
        Path, typer.Option("--out", "-o", metavar="DIR", help="Folder for the Markdown plan.")
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
    html_file: Annotated[
        Path | None,
        typer.Option(
            "--html",
            metavar="FILE",
            help="Also write one self-contained HTML page with the timeline as a chart.",
            show_default=False,
        ),
    ] = None,
    xlsx_file: Annotated[
        Path | None,
        typer.Option(
            "--xlsx",
            metavar="FILE",
            help="Also write an Excel workbook: actions, calendar, the manager's week.",
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
    MeetUp in the timeline. With --workspace: the regional plan, whose regional institutions
    are picked by the gaps the region's communities share on the map.

    Examples:

    \b
      commkit plan --assessment assessments/fashiontechperm/2026-01-10.yaml
      commkit plan --workspace examples/perm-krai --start 2026-02-02
      commkit plan -a answers.yaml --start 2026-02-02 --weeks 12 --out plans
      commkit plan -a answers.yaml --capacity community-manager=1 --holidays off
      commkit plan -a answers.yaml --csv plan.csv --excel --ics plan.ics
      commkit --lang ru plan -a answers.yaml --xlsx plan.xlsx --html plan.html
      commkit --lang ru plan -a answers.yaml --json
    """
    from commkit.cli.output import err, print_json
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
    if (assessment is None) == (workspace is None):
        raise typer.BadParameter(
            "give --assessment FILE (a community's plan) or --workspace DIR (the regional plan)",
            param_hint="--assessment / --workspace",
        )
    caps = _parse_capacity(capacity or [], [r.id for r in pack.methodology.roles])
    days_off = load_holidays(holidays) if holidays is not None else []
    today = date.today()
    first_day = first_day or next_monday(today)
    if workspace is not None:
        import dataclasses

        from commkit import api

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
        name = f"{result.slug}-regional-plan-{result.start.isoformat()}.md"
    else:
        assert assessment is not None
        loaded = load_assessment(assessment, pack, today)
        result = make_plan(pack, loaded, first_day, weeks, caps, days_off)
        name = f"{result.slug}-plan-{result.start.isoformat()}.md"
    lang = s.lang_for(result.language)

    written: list[Path] = []
    target = safe_child(out_dir, name)
    if not force:  # check every target first: refuse before writing any of them
        from commkit.errors import OutputExistsError

        for path in (None if as_json else target, csv_file, ics_file, xlsx_file, html_file):
            if path is not None and path.exists():
                raise OutputExistsError(f"{path} already exists (use --force to overwrite it)")
    if not as_json:
        from commkit.render.plan_md import render_plan_md

        written.append(atomic_write_text(target, render_plan_md(result, pack, lang), force=force))
    if csv_file is not None:
        from commkit.render.plan_csv import render_plan_csv

        csv_text = render_plan_csv(result, pack, lang, excel=excel)
        written.append(atomic_write_text(csv_file, csv_text, force=force, bom=excel))
    if ics_file is not None:
        from commkit.render.plan_ics import render_plan_ics

        written.append(
            atomic_write_bytes(ics_file, render_plan_ics(result, pack, lang), force=force)
        )
    if html_file is not None:
        from commkit import api

        page = api.render_plan_html(result, lang, pack=pack)
        written.append(atomic_write_text(html_file, page, force=force))
    if xlsx_file is not None:
        from commkit import api

        workbook = api.render_plan_xlsx(result, lang, pack=pack)
        written.append(atomic_write_bytes(xlsx_file, workbook, force=force))
    from commkit.i18n import plural, text

    if as_json:
        print_json(result.model_dump(mode="json"))
        for path in written:
            err().print(text("cli.wrote", lang, path=path), markup=False, soft_wrap=True)
        return
    from commkit.cli.output import out

    console = out()
    scheduled = plural("cli.actions_scheduled", len(result.scheduled), lang)
    console.print(
        text(
            "cli.plan_summary",
            lang,
            name=result.community.name,
            scheduled=scheduled,
            start=result.start,
            end=result.end,
            later=len(result.later),
        ),
        markup=False,
        highlight=False,
    )
    for path in written:
        console.print(text("cli.wrote", lang, path=path), markup=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.command("plan")(plan)

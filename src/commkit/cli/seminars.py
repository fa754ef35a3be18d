"""``commkit seminars list | show | export``: the 8 online seminars and the MeetUp."""

from pathlib import Path
from typing import Annotated, Any

import typer

from commkit.cli.context import settings

seminars_app = typer.Typer(
    help="The 8 online seminars and the MeetUp: browse them and export ready-to-use materials.",
    no_args_is_help=True,
    rich_markup_mode="rich",
)


def _find(pack: Any, key: str) -> Any:
    """A seminar by id (``seminar-3``, ``meetup``) or by number (``3``)."""
    from commkit.errors import UserError

    found = pack.seminar(key)
    if found is None and key.isdigit():
        found = next((s for s in pack.seminars if s.number == int(key)), None)
    if found is None:
        import difflib

        ids = [s.id for s in pack.seminars]
        hint = difflib.get_close_matches(key, ids, n=1)
        extra = f"; did you mean {hint[0]!r}?" if hint else ""
        known = ", ".join(ids) if ids else "none: the content pack has no seminars"
        raise UserError(f"no seminar {key!r}{extra} (known: {known})")
    return found


def _summary(seminar: Any, pack: Any, lang: str) -> dict[str, Any]:
    from commkit.model.common import tr

    return {
        "number": seminar.number,
        "id": seminar.id,
        "type": seminar.type,
        "title": tr(seminar.title, lang),
        "week": seminar.week,
        "format": seminar.format,
        "minutes": seminar.duration_minutes,
        "chapters": list(seminar.chapters),
        "dimensions": list(seminar.dimensions),
    }


@seminars_app.command("list")
def list_seminars(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print the list as JSON.")] = False,
) -> None:
    """List the seminars and the MeetUp: number, id, title, week, format, minutes, chapters.

    Examples:

    \b
      commkit seminars list
      commkit --lang ru seminars list
      commkit seminars list --json
    """
    from commkit.cli.output import out, print_json

    s = settings(ctx)
    pack = s.pack()
    rows = [_summary(seminar, pack, s.lang) for seminar in pack.seminars]
    if as_json:
        print_json({"seminars": rows})
        return
    from rich.markup import escape
    from rich.table import Table

    from commkit.cli.output import esc
    from commkit.render.seminar_labels import labels

    lab = labels(s.lang)
    numbers = {c.id: c.number for c in pack.methodology.chapters}
    console = out()
    wide = console.width >= 100  # narrower: the id goes under the title, not in a column
    table = Table(title=lab["programme"], show_lines=False, expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    if wide:
        table.add_column("id", style="cyan", no_wrap=True)
    table.add_column(lab["seminar"], ratio=1)
    table.add_column(lab["week"], justify="right", no_wrap=True)
    table.add_column(lab["format"], max_width=12)
    table.add_column(lab["minutes"], justify="right", no_wrap=True)
    table.add_column(lab["chapters"].split()[0], max_width=12)
    for row in rows:
        chapters = sorted(numbers.get(c, 999) for c in row["chapters"])
        title = escape(row["title"]) if wide else f"{escape(row['title'])} [cyan]{row['id']}[/]"
        cells = [
            str(row["number"]),
            *([esc(row["id"])] if wide else []),
            title,
            str(row["week"]),
            lab[f"format_{row['format']}"],
            str(row["minutes"]),
            ", ".join(str(n) for n in chapters),
        ]
        table.add_row(*cells)
    if not rows:
        from commkit.i18n import text

        out().print(text("cli.seminars_none", s.lang_for(None)), markup=False)
        return
    console.print(table)


@seminars_app.command("show")
def show_seminar(
    ctx: typer.Context,
    seminar_id: Annotated[
        str, typer.Argument(metavar="ID", help="A seminar id (seminar-3, meetup) or number.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the seminar as JSON.")] = False,
) -> None:
    """Show one seminar: goals, the agenda with minutes and clock offsets, exercises, homework.

    Examples:

    \b
      commkit seminars show seminar-1
      commkit seminars show 3
      commkit --lang ru seminars show meetup
    """
    from commkit.cli.output import print_json
    from commkit.render.seminars import ExportOptions, seminar_view

    s = settings(ctx)
    pack = s.pack()
    seminar = _find(pack, seminar_id)
    view = seminar_view(seminar, pack, ExportOptions(lang=s.lang))
    if as_json:
        data = _summary(seminar, pack, s.lang)
        data.update(
            goals=view["goals"],
            audience=view["audience"],
            agenda=[
                {k: b[k] for k in ("title", "minutes", "offset", "description", "notes")}
                for b in view["agenda"]
            ],
            exercises=view["exercises"],
            homework=view["homework"],
            preparation=view["preparation"] if seminar.preparation else [],
            materials=view["materials"],
            questions_to_group=view["questions"],
        )
        print_json(data)
        return
    _print_seminar(view)


def _print_seminar(view: dict[str, Any]) -> None:
    from rich.panel import Panel
    from rich.table import Table

    from commkit.cli.output import esc as escape
    from commkit.cli.output import out

    lab = view["L"]
    console = out()

    def bullets(title: str, items: list[str], numbered: bool = False) -> None:
        if not items:
            return
        console.print(f"\n[bold]{escape(title)}[/]")
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True, justify="right")
        grid.add_column(ratio=1)
        for i, item in enumerate(items, 1):
            grid.add_row(f"  {i}." if numbered else "  •", escape(item))
        console.print(grid)

    head = (
        f"[bold]{escape(view['title'])}[/]\n"
        f"{escape(view['kicker'])} · {lab['week']} {view['week']} · {escape(view['format_label'])}"
        f" · {view['duration']} {lab['minutes']}\n"
        f"[dim]{escape(lab['audience'])}:[/] {escape(view['audience'])}"
    )
    console.print(Panel(head, title=view["id"], title_align="left", border_style="cyan"))
    bullets(lab["goals"], view["goals"])
    table = Table(title=lab["agenda"], title_justify="left", expand=True)
    table.add_column(lab["time"], no_wrap=True)
    table.add_column(lab["minutes"], justify="right")
    table.add_column(lab["block"], ratio=2)
    table.add_column(lab["what_happens"], ratio=3)
    for b in view["agenda"]:
        table.add_row(
            f"{b['start']}–{b['end']}",
            str(b["minutes"]),
            f"{b['n']}. {escape(b['title'])}",
            escape(" ".join(b["description"].split())),
        )
    table.add_section()
    table.add_row("", f"[bold]{view['total_minutes']}[/]", f"[bold]{escape(lab['total'])}[/]", "")
    console.print()
    console.print(table)
    exercises = []
    for ex in view["exercises"]:
        minutes = f" ({ex['minutes']} {lab['minutes']})" if ex["minutes"] else ""
        exercises.append(f"{ex['title']}{minutes}: {' '.join(ex['instructions'].split())}")
    bullets(lab["exercises"], exercises, numbered=True)
    bullets(lab["homework"], view["homework"])
    bullets(lab["dimensions_lifted"], [d["title"] for d in view["dimensions"]])
    bullets(lab["chapters"], [f"{c['label']}. {c['title']}" for c in view["chapters"]])


def _parse_date(value: str) -> Any:
    import re
    from datetime import date

    from commkit.errors import UserError

    if re.match(r"^\d{4}-\d{2}-\d{2}$", value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise UserError(f"--date {value!r}: give a date as YYYY-MM-DD, e.g. 2026-12-01")


@seminars_app.command("export")
def export_seminars(
    ctx: typer.Context,
    out_dir: Annotated[
        Path,
        typer.Option(
            "--out", "-o", help="Folder to write into (created if missing).", show_default=False
        ),
    ],
    seminar_ids: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="ID",
            help="Seminars to export (ids or numbers); or use --all.",
            show_default=False,
        ),
    ] = None,
    all_: Annotated[bool, typer.Option("--all", help="Export every seminar and the MeetUp.")] = (
        False
    ),
    formats: Annotated[
        str, typer.Option("--format", help="md, html or md,html (comma-separated).")
    ] = "md,html",
    community: Annotated[
        Path | None,
        typer.Option(
            "--community",
            help="A community profile or an assessment file: its name, leaders and gaps "
            "go into the exercises and the invitation.",
            show_default=False,
        ),
    ] = None,
    start_date: Annotated[
        str | None,
        typer.Option(
            "--date",
            help="Date of the first exported seminar (YYYY-MM-DD); the others follow by "
            "their programme week.",
            show_default=False,
        ),
    ] = None,
    start_time: Annotated[
        str | None,
        typer.Option(
            "--time",
            help="Start time HH:MM for the run sheet and the invitation.",
            show_default=False,
        ),
    ] = None,
    make_zip: Annotated[
        bool, typer.Option("--zip", help="Also write <out>/seminars.zip of every file written.")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing files.")] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the list of files written as JSON.")
    ] = False,
) -> None:
    """Export slides (Marp), handout, facilitator's guide, invitation and HTML per seminar.

    Each seminar gets a folder <out>/<nn>-<id>/ with slides.md, handout.md,
    facilitator.md, invitation.md and (with html) a self-contained index.html; the series
    gets index.md / index.html with the schedule. Nothing is overwritten without --force.

    Examples:

    \b
      commkit seminars export --all --out materials
      commkit seminars export seminar-3 -o next --date 2026-12-01 --time 18:00
      commkit --lang ru seminars export --all -o out --zip \\
          --community communities/club.yaml
      commkit seminars export 1 2 --format html --out html-only
    """
    from commkit.errors import UserError
    from commkit.render import seminars as render

    s = settings(ctx)
    if all_ and seminar_ids:
        raise UserError("give seminar ids or --all, not both")
    if not all_ and not seminar_ids:
        raise UserError("name the seminars to export (e.g. seminar-1 meetup) or use --all")
    chosen_formats = render.parse_formats(formats)
    when = _parse_date(start_date) if start_date is not None else None
    clock = render.parse_time(start_time) if start_time is not None else None
    pack = s.pack()
    if all_:
        chosen = list(pack.seminars)
        if not chosen:
            raise UserError("the content pack has no seminars to export")
    else:
        chosen = []
        for key in seminar_ids or []:
            seminar = _find(pack, key)
            if seminar not in chosen:
                chosen.append(seminar)
        chosen.sort(key=lambda x: (x.number, x.id))
    ctx_community = None
    lang = s.lang_for(None)
    if community is not None:
        from commkit.render.seminar_community import load_community

        ctx_community, lang = load_community(community, pack, s.lang_for)
    options = render.ExportOptions(
        lang=lang, formats=chosen_formats, start=when, time=clock, community=ctx_community
    )
    plan = _render_with_progress(render, chosen, pack, options, show=len(chosen) > 1)
    names = list(plan.files)
    names_with_zip = [*names, render.ZIP_NAME] if make_zip else names
    targets = render.check_targets(out_dir, names_with_zip, force=force)
    file_targets = [t for t in targets if t[0] in plan.files]
    render.write_files(file_targets, plan.files, force=force)
    zip_path = None
    if make_zip:
        zip_path = render.write_zip(dict(targets)[render.ZIP_NAME], plan.files, force=force)
    _report(out_dir, chosen, names, zip_path, as_json, lang)


def _render_with_progress(
    render: Any, chosen: list[Any], pack: Any, options: Any, show: bool
) -> Any:
    from commkit.cli.output import err

    console = err()
    if not show or not console.is_terminal:
        return render.plan_export(chosen, pack, options)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from commkit.i18n import text

    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task(text("cli.seminars_rendering", options.lang), total=len(chosen))

        def step(seminar: Any) -> None:
            done = text("cli.seminars_rendered", options.lang, id=seminar.id)
            progress.update(task, advance=1, description=done)

        return render.plan_export(chosen, pack, options, progress=step)


def _report(
    out_dir: Path,
    chosen: list[Any],
    names: list[str],
    zip_path: Path | None,
    as_json: bool,
    lang: str,
) -> None:
    from commkit.cli.output import out, print_json

    if as_json:
        print_json(
            {
                "out": str(out_dir),
                "seminars": [s.id for s in chosen],
                "files": names,
                "zip": str(zip_path) if zip_path else None,
            }
        )
        return
    from commkit.cli.output import esc as escape
    from commkit.i18n import plural, text

    console = out()
    console.print(
        text(
            "cli.seminars_exported",
            lang,
            seminars=plural("cli.seminars_count", len(chosen), lang),
            files=plural("cli.files_count", len(names), lang),
            path=f"[bold]{escape(str(out_dir))}[/]",
        )
    )
    by_folder: dict[str, list[str]] = {}
    for name in names:
        folder, _, file = name.rpartition("/")
        by_folder.setdefault(folder, []).append(file)
    for folder, files in by_folder.items():
        label = f"{folder}/" if folder else "./"
        console.print(f"  {escape(label):<24} {escape(' '.join(files))}", soft_wrap=True)
    if zip_path is not None:
        console.print("  " + text("cli.seminars_archive", lang, path=escape(str(zip_path))))
    index = "index.html" if "index.html" in names else "index.md"
    path = f"[bold]{escape(str(out_dir / index))}[/]"
    console.print(text("cli.seminars_open", lang, path=path))


def register(app: typer.Typer) -> None:
    """Add ``commkit seminars`` to the root app."""
    app.add_typer(seminars_app, name="seminars")

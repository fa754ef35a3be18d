"""``commkit seminars list | show | export``: the 8 online seminars and the MeetUp."""

import datetime as dt
from pathlib import Path
from typing import Annotated, Any

import typer

from commkit.cli import options as opt
from commkit.cli.context import settings

seminars_app = opt.group("seminars")


@seminars_app.command("list")
def list_seminars(
    ctx: typer.Context,
    as_json: Annotated[bool, opt.json_option()] = False,
    as_table: opt.AsTable = False,
    fmt: opt.Fmt = "simple",
) -> None:
    from commkit import api
    from commkit.cli.output import out, print_json

    s = settings(ctx)
    pack = s.pack()
    if as_json:
        print_json({"seminars": api.list_seminars(pack=pack, lang=s.lang)})
        return
    view = api.seminar_table(pack=pack, lang=s.lang)
    if not view.rows:
        from commkit.i18n import text

        out().print(text("cli.seminars_none", s.lang_for(None)), markup=False)
        return
    if as_table:
        from commkit.cli.output import print_rows

        print_rows(view, fmt)
        return
    _print_programme(view)


def _print_programme(view: Any) -> None:
    from rich.table import Table

    from commkit.cli.output import esc, out

    console = out()
    wide = console.width >= 100  # narrower: the id goes under the title, not in a column
    headers = {c.key: c.header for c in view.columns}
    table = Table(title=view.title, show_lines=False, expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    if wide:
        table.add_column("id", style="cyan", no_wrap=True)
    table.add_column(headers["title"], ratio=1)
    table.add_column(headers["week"], justify="right", no_wrap=True)
    table.add_column(headers["format"], max_width=12)
    table.add_column(headers["minutes"], justify="right", no_wrap=True)
    table.add_column(headers["chapters"], max_width=12)
    for row in view.rows:
        title = esc(row["title"]) if wide else f"{esc(row['title'])} [cyan]{row['id']}[/]"
        cells = [
            row["number"],
            *([esc(row["id"])] if wide else []),
            title,
            row["week"],
            row["format"],
            row["minutes"],
            row["chapters"],
        ]
        table.add_row(*cells)
    console.print(table)


@seminars_app.command("show")
def show_seminar(
    ctx: typer.Context,
    seminar_id: Annotated[str, typer.Argument(metavar="ID")],
    as_json: Annotated[bool, opt.json_option()] = False,
) -> None:
    from commkit import api
    from commkit.cli.output import print_json

    s = settings(ctx)
    if as_json:
        print_json(api.seminar_json(seminar_id, content=s.content, lang=s.lang))
        return
    _print_seminar(api.seminar_view(seminar_id, content=s.content, lang=s.lang))


def _print_seminar(view: dict[str, Any]) -> None:
    from commkit.cli.output import Lines
    from commkit.cli.plain_layout import NeedsRich
    from commkit.cli.seminar_screen import seminar_lines

    stdout = Lines()  # rich's bytes without rich's console where its layout is copied
    try:
        lines = seminar_lines(view, stdout.screen())
    except NeedsRich:
        pass
    else:
        stdout.stream.write("".join(line + "\n" for line in lines))
        stdout.stream.flush()
        return
    _print_seminar_with_rich(view)


def _print_seminar_with_rich(view: dict[str, Any]) -> None:
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


@seminars_app.command("export")
def export_seminars(
    ctx: typer.Context,
    out_dir: Annotated[Path, opt.out_option("PATH")],
    seminar_ids: Annotated[list[str] | None, opt.argument(metavar="ID")] = None,
    all_: Annotated[bool, opt.flag("--all")] = False,
    formats: Annotated[str, typer.Option("--format")] = "md,html",
    profile: Annotated[Path | None, opt.value_option("--profile")] = None,
    community: Annotated[str | None, opt.community_option()] = None,
    workspace: Annotated[Path, opt.workspace_option(short=True)] = Path("."),
    start_date: Annotated[
        dt.date | None,
        opt.date_option(
            metavar="DATE",
        ),
    ] = None,
    start_time: Annotated[str | None, opt.value_option("--time")] = None,
    make_zip: Annotated[bool, opt.flag("--zip")] = False,
    force: Annotated[bool, opt.force_option()] = False,
    as_json: Annotated[bool, opt.json_option()] = False,
) -> None:
    from commkit import api
    from commkit.i18n import text

    s = settings(ctx)
    if community is not None:
        if profile is not None:
            raise typer.BadParameter(
                text("cli.profile_or_community", s.lang), param_hint="--community"
            )
        if community.endswith((".yaml", ".yml", ".json")) or "/" in community or "\\" in community:
            raise typer.BadParameter(
                text("cli.community_is_slug", s.lang, value=community), param_hint="--community"
            )
        profile = api.community_file(workspace, community)
    pack = s.pack()
    options = api.seminar_options(
        formats=formats,
        time=start_time,
        community=profile,
        lang=s.lang if s.lang_given else None,
        pack=pack,
    )
    chosen = api.choose_seminars(seminar_ids or [], every=all_, pack=pack)
    done = _export_with_progress(chosen, out_dir, options, start_date, make_zip, force, pack)
    _report(done, as_json)


def _export_with_progress(
    chosen: list[Any],
    out_dir: Path,
    options: Any,
    start: dt.date | None,
    make_zip: bool,
    force: bool,
    pack: Any,
) -> Any:
    """Export, with a progress bar on a terminal when there is more than one seminar."""
    from commkit import api
    from commkit.cli.output import err

    def run(step: Any = None) -> Any:
        return api.export_seminars(
            chosen,
            out_dir,
            options,
            start=start,
            zip=make_zip,
            force=force,
            pack=pack,
            progress=step,
        )

    console = err()
    if len(chosen) < 2 or not console.is_terminal:
        return run()
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

        return run(step)


def _report(done: Any, as_json: bool) -> None:
    from commkit.cli.output import out, print_json

    out_dir, names, zip_path, lang = done.out, done.files, done.zip, done.lang

    if as_json:
        print_json(
            {
                "out": str(out_dir),
                "seminars": done.seminars,
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
            seminars=plural("cli.seminars_count", len(done.seminars), lang),
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

"""The final screen of ``assess`` (one community, or a team of raters): what the API's
summary says, laid out with rich in a terminal, and as the same plain bytes without rich on
a pipe (:mod:`commkit.cli.plain_layout`)."""

from typing import Any

_COLOURS = {"none": "bright_black", "strength": "green", "gap": "red", "other": "yellow"}


def print_summary(
    target: Any, pack: Any, assessment: Any, written: dict[str, str], lang: str
) -> None:
    """The final screen: dimension table with bars, stage and meaning, top gaps, files.

    ``target`` is a rich console, or a :class:`commkit.cli.output.Lines` (stdout or stderr):
    off a terminal the screen is then written without importing rich."""
    from commkit import api
    from commkit.cli.output import Lines
    from commkit.i18n import section

    m = section("wizard", lang)
    view = api.assessment_summary(assessment, pack=pack, lang=lang)
    if isinstance(target, Lines):
        if not target.is_terminal:
            from commkit.cli.plain_layout import NeedsRich, pipe_width

            try:
                text = "".join(
                    line + "\n" for line in plain_summary(view, written, m, pipe_width())
                )
            except NeedsRich:
                pass
            else:
                target.stream.write(text)
                target.stream.flush()
                return
        target = target.console
    _print_rich(target, view, written, m)


def plain_summary(view: Any, written: dict[str, str], m: dict[str, str], width: int) -> list[str]:
    """The lines rich prints for the summary on a pipe ``width`` columns wide (raises
    :class:`~commkit.cli.plain_layout.NeedsRich` where its layout is not copied)."""
    from commkit.cli.plain_layout import Table, whole, wrapped

    table = Table(
        m["summary_title"].format(name=view.name),
        [m["dimension"], m["score"], "", m["answered"]],
        [False, True, False, True],
    )
    for row in view.dimensions:
        table.rows.append([row.title, row.score, row.bar, row.answered])
    table.sections.append(len(table.rows))
    table.rows.append([m["overall"], view.overall, view.overall_bar, ""])
    lines = table.lines(width)
    lines += wrapped(f"{m['stage']}: {view.stage}", width)
    if view.meaning is not None:
        lines += wrapped(view.meaning, width)
        lines += wrapped(f"{m['focus']}: {view.focus or ''}", width)
    if view.next_stage is not None:
        title, minimum = view.next_stage
        lines += wrapped(m["next_stage"].format(title=title, min=minimum), width)
    else:
        lines += wrapped(m["top_stage"], width)
    if view.held_back:
        lines += wrapped(m["held_back"], width)
        lines += [whole(f"  • {line}") for line in view.held_back]
    lines.append("")
    if view.gaps:
        lines += wrapped(m["gaps"], width)
        for gap in view.gaps:
            lines += wrapped(f"  • {gap}", width)
    else:
        lines += wrapped(m["no_gaps"], width)
    if view.open_questions:
        lines += wrapped(m["open_questions"].format(count=view.open_questions), width)
    lines.append("")
    lines += wrapped(m["written"], width)
    for key in ("markdown", "yaml"):
        if key in written:
            lines.append(whole(f"  {written[key]}"))
    if "draft_removed" in written:
        lines.append(whole(m["draft_removed"].format(draft=written["draft_removed"])))
    return lines


def _print_rich(console: Any, view: Any, written: dict[str, str], m: dict[str, str]) -> None:
    from rich.table import Table
    from rich.text import Text

    from commkit.cli.output import esc, wrap_lines

    table = Table(
        title=esc(m["summary_title"].format(name=view.name)),
        title_justify="left",
        show_lines=False,
    )
    table.add_column(m["dimension"])
    table.add_column(m["score"], justify="right")
    table.add_column("", no_wrap=True)
    table.add_column(m["answered"], justify="right")
    for row in view.dimensions:
        table.add_row(
            esc(row.title), row.score, Text(row.bar, style=_COLOURS[row.tone]), row.answered
        )
    table.add_section()
    table.add_row(
        Text(m["overall"], style="bold"),
        Text(view.overall, style="bold"),
        Text(view.overall_bar, style="bold"),
        "",
    )
    console.print(table)
    console.print(Text.assemble((f"{m['stage']}: ", "bold"), (view.stage, "bold cyan")))
    if view.meaning is not None:
        console.print(view.meaning, markup=False, highlight=False)
        console.print(Text.assemble((f"{m['focus']}: ", "bold"), view.focus or ""))
    if view.next_stage is not None:
        title, minimum = view.next_stage
        console.print(
            m["next_stage"].format(title=title, min=minimum), markup=False, highlight=False
        )
    else:
        console.print(m["top_stage"], markup=False)
    if view.held_back:
        console.print(Text(m["held_back"], style="bold yellow"))
        for line in view.held_back:
            console.print(
                wrap_lines(console, line, "  • "), markup=False, highlight=False, soft_wrap=True
            )
    console.print()
    if view.gaps:
        console.print(Text(m["gaps"], style="bold"))
        for gap in view.gaps:
            console.print(f"  • {gap}", markup=False, highlight=False)
    else:
        console.print(m["no_gaps"], markup=False)
    if view.open_questions:
        console.print(
            m["open_questions"].format(count=view.open_questions), markup=False, highlight=False
        )
    console.print()
    console.print(Text(m["written"], style="bold"))
    for key in ("markdown", "yaml"):
        if key in written:
            console.print(f"  {written[key]}", markup=False, highlight=False, soft_wrap=True)
    if "draft_removed" in written:
        said = m["draft_removed"].format(draft=written["draft_removed"])
        shown = wrap_lines(console, said, rest="")
        console.print(shown, markup=False, highlight=False, soft_wrap=True)

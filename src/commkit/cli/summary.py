"""The final screen of ``assess`` (one community, or a team of raters): what the API's
summary says, written as the bytes rich writes (on a pipe, and in a terminal with its
colours) without importing rich's console (:mod:`commkit.cli.plain_layout`), through rich
wherever that layout is not copied."""

from typing import Any

_COLOURS = {"none": "bright_black", "strength": "green", "gap": "red", "other": "yellow"}


def print_summary(
    target: Any, pack: Any, assessment: Any, written: dict[str, str], lang: str
) -> None:
    """The final screen: dimension table with bars, stage and meaning, top gaps, files.

    ``target`` is a rich console, or a :class:`commkit.cli.output.Lines` (stdout or stderr):
    the screen is then written without importing rich's console wherever its layout is
    copied (:func:`print_view`)."""
    from commkit import api

    print_view(target, api.assessment_summary(assessment, pack=pack, lang=lang), written, lang)


def print_view(target: Any, view: Any, written: dict[str, str], lang: str) -> None:
    """The final screen of an :class:`commkit.api.assess.AssessmentSummary` (see
    :func:`print_summary`): through rich only where :mod:`commkit.cli.plain_layout` does not
    copy its layout (a table wider than the screen, Windows, an unusual encoding...)."""
    from commkit.cli.output import Lines
    from commkit.i18n import section

    m = section("wizard", lang)
    if isinstance(target, Lines):
        from commkit.cli.plain_layout import NeedsRich

        try:
            lines = summary_lines(view, written, m, target.screen())
        except NeedsRich:
            pass
        else:
            target.stream.write("".join(line + "\n" for line in lines))
            target.stream.flush()
            return
        target = target.console
    _print_rich(target, view, written, m)


def plain_summary(view: Any, written: dict[str, str], m: dict[str, str], width: int) -> list[str]:
    """The lines rich prints for the summary on a pipe ``width`` columns wide."""
    from commkit.cli.plain_layout import Screen

    return summary_lines(view, written, m, Screen(width))


def summary_lines(view: Any, written: dict[str, str], m: dict[str, str], screen: Any) -> list[str]:
    """The lines rich writes for the summary on ``screen`` (a
    :class:`~commkit.cli.plain_layout.Screen`: a pipe, or a terminal with its styles); raises
    :class:`~commkit.cli.plain_layout.NeedsRich` where rich's layout is not copied."""
    from commkit.cli.output import wrap_lines
    from commkit.cli.plain_layout import Part, Table, styled, whole
    from commkit.shown_path import shown_path

    table = Table(
        m["summary_title"].format(name=view.name),
        [m["dimension"], m["score"], "", m["answered"]],
        [False, True, False, True],
    )
    for row in view.dimensions:
        table.rows.append([row.title, row.score, (row.bar, _COLOURS[row.tone]), row.answered])
    table.sections.append(len(table.rows))
    table.rows.append(
        [(m["overall"], "bold"), (view.overall, "bold"), (view.overall_bar, "bold"), ""]
    )
    lines = table.lines(screen)

    def say(*parts: Part, soft_wrap: bool = False) -> None:
        lines.extend(styled(list(parts), screen, soft_wrap))

    def folded(text: str, first: str = "", rest: str = "    ") -> None:
        # rich wraps each line textwrap made (a word longer than the line is folded)
        whole(first + text)  # a control character goes to rich before textwrap sees it
        for line in wrap_lines(screen, text, first, rest).split("\n"):
            say(line, soft_wrap=True)

    say((f"{m['stage']}: ", "bold"), (view.stage, "bold cyan"))
    if view.meaning is not None:
        say(view.meaning)
        say((f"{m['focus']}: ", "bold"), view.focus or "")
    if view.next_stage is not None:
        title, minimum = view.next_stage
        say(m["next_stage"].format(title=title, min=minimum))
    else:
        say(m["top_stage"])
    if view.held_back:
        say((m["held_back"], "bold yellow"))
        for line in view.held_back:
            folded(line, "  • ")
    lines.append("")
    if view.gaps:
        say((m["gaps"], "bold"))
        for gap in view.gaps:
            say(f"  • {gap}")
    else:
        say(m["no_gaps"])
    if view.open_questions:
        say(m["open_questions"].format(count=view.open_questions))
    lines.append("")
    say((m["written"], "bold"))
    for key in ("markdown", "yaml"):
        if key in written:
            say(f"  {shown_path(written[key])}", soft_wrap=True)
    if "draft_removed" in written:
        folded(m["draft_removed"].format(draft=shown_path(written["draft_removed"])), rest="")
    return lines


def _print_rich(console: Any, view: Any, written: dict[str, str], m: dict[str, str]) -> None:
    from rich.table import Table
    from rich.text import Text

    from commkit.cli.output import esc, wrap_lines
    from commkit.shown_path import shown_path

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
            console.print(
                f"  {shown_path(written[key])}", markup=False, highlight=False, soft_wrap=True
            )
    if "draft_removed" in written:
        said = m["draft_removed"].format(draft=shown_path(written["draft_removed"]))
        shown = wrap_lines(console, said, rest="")
        console.print(shown, markup=False, highlight=False, soft_wrap=True)

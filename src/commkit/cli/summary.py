"""The final screen of ``assess`` (one community, or a team of raters): what the API's
summary says, laid out with rich."""

from typing import Any


def print_summary(
    console: Any, pack: Any, assessment: Any, written: dict[str, str], lang: str
) -> None:
    """The final screen: dimension table with bars, stage and meaning, top gaps, files."""
    from rich.table import Table
    from rich.text import Text

    from commkit import api
    from commkit.cli.output import esc, wrap_lines
    from commkit.i18n import section

    m = section("wizard", lang)
    view = api.assessment_summary(assessment, pack=pack, lang=lang)
    colours = {"none": "bright_black", "strength": "green", "gap": "red", "other": "yellow"}
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
            esc(row.title), row.score, Text(row.bar, style=colours[row.tone]), row.answered
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

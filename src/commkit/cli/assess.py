"""`commkit assess`: the self-identification wizard, answer replays and resumable drafts."""

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

HELP = """Assess a business community with the self-identification checklist.

Without options it asks the questions in the terminal (a draft is saved after every answer;
Ctrl-C keeps it). --answers FILE replays answers without a terminal (YAML or JSON,
'-' for stdin; several files or a glob give one report each).

Writes <out>/<slug>-assessment-<date>.md (the report) and
<out>/<slug>-assessment-<date>.yaml (answers and result: the input of 'commkit plan').

Examples:

\b
  commkit assess --out reports/
  commkit --lang ru assess --resume .commkit-draft-fashion-tech.yaml
  commkit assess --answers answers/*.yaml --out reports/ --date 2020-10-15
  commkit assess --answers 'answers/*.yaml' --json > results.json
  cat answers.json | commkit assess --answers - --json
"""


def register(app: typer.Typer) -> None:
    """Add ``assess`` to the root app."""
    app.command("assess", help=HELP)(assess)


def assess(
    ctx: typer.Context,
    files: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="FILE...",
            help="More answers files to replay (so that a shell glob after --answers works).",
            show_default=False,
        ),
    ] = None,
    answers: Annotated[
        list[str] | None,
        typer.Option(
            "--answers",
            "-a",
            metavar="FILE",
            help="Answers file(s) to replay (YAML/JSON, '-' for stdin, globs welcome).",
            show_default=False,
        ),
    ] = None,
    resume: Annotated[
        Path | None,
        typer.Option(
            "--resume",
            metavar="DRAFT",
            help="Continue an interrupted wizard from its draft file.",
            show_default=False,
        ),
    ] = None,
    out: Annotated[
        Path,
        typer.Option(
            "--out", "-o", metavar="DIR", help="Folder for the report and the YAML result."
        ),
    ] = Path("."),
    json_output: Annotated[
        bool, typer.Option("--json", help="Print the result as one JSON document on stdout.")
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", "-f", help="Overwrite existing reports.")
    ] = False,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show how every score and the stage came about.")
    ] = False,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="YYYY-MM-DD",
            help="Date of the assessment (default: the answers file's date, else today).",
            show_default=False,
        ),
    ] = None,
    workspace: Annotated[
        Path | None,
        typer.Option(
            "--workspace",
            metavar="DIR",
            help="Store results in a region workspace: DIR/assessments/SLUG/<date>.yaml + .md.",
            show_default=False,
        ),
    ] = None,
    community: Annotated[
        str | None,
        typer.Option(
            "--community",
            metavar="SLUG",
            help="Community slug (default: from its name).",
            show_default=False,
        ),
    ] = None,
) -> None:
    import datetime as dt

    from commkit.cli.context import settings
    from commkit.errors import UserError

    s = settings(ctx)
    when: dt.date | None = None
    if date is not None:
        try:
            when = dt.date.fromisoformat(date)
        except ValueError:
            raise typer.BadParameter(
                f"{date!r} is not a date such as 2020-10-15", param_hint="--date"
            ) from None
    root = ctx.find_root()
    source = root.get_parameter_source("lang")
    lang_given = source is not None and source.name != "DEFAULT"
    run = _Run(
        pack=s.pack(),
        lang=s.lang,
        lang_given=lang_given,
        out=out,
        force=force,
        explain=explain,
        json_output=json_output,
        when=when,
        workspace=workspace,
        community=community,
    )
    answers = [*(answers or []), *(files or [])]
    if answers:
        if resume is not None:
            raise UserError("use either --answers or --resume, not both")
        run.replay(answers)
        return
    run.interactive(resume)


class _Run:
    def __init__(self, **kwargs: Any) -> None:
        from commkit import api

        self.pack = kwargs["pack"]
        self.lang: str = kwargs["lang"]
        self.lang_given: bool = kwargs["lang_given"]
        self.explain: bool = kwargs["explain"]
        self.json_output: bool = kwargs["json_output"]
        self.when = kwargs["when"]
        self.community: str | None = kwargs["community"]
        if self.community is not None:  # it becomes a folder or file name: an id only
            api.check_slug(self.community)
        self.writer = api.AssessmentWriter(
            pack=self.pack, out=kwargs["out"], workspace=kwargs["workspace"], force=kwargs["force"]
        )

    # ------------------------------------------------------------ shared

    def finish(self, answers: Any, source: str = "the wizard") -> tuple[Any, dict[str, str], str]:
        """Score, render and write; returns the assessment, the files and the language."""
        from commkit import api

        checked = api.CheckedAnswers(answers)
        assessment = api.assess(checked, pack=self.pack, today=self.when, slug=self.community)
        lang = api.report_language(answers, self.lang if self.lang_given else None)
        files = self.writer.write(assessment, lang=lang, source=source)
        return assessment, files.as_dict(), lang

    def load(self, name: str) -> tuple[Any, list[Any]]:
        """Load and check one answers file: (answers, warnings); errors raise."""
        from commkit import api

        if name == api.STDIN:
            checked = api.read_answers("<stdin>", pack=self.pack, data=sys.stdin.buffer.read())
        else:
            checked = api.read_answers(name, pack=self.pack)
        return checked.answers, checked.warnings

    # ------------------------------------------------------------ --answers

    def replay(self, names: list[str]) -> None:
        from commkit import api
        from commkit.cli.output import JsonArrayWriter, err, out, print_json, report_error, warn
        from commkit.errors import CommkitError
        from commkit.interactive.messages import messages

        files = api.expand_answer_files(names, one_community=self.community is not None)
        done = 0
        failed = 0
        if len(files) == 1:
            answers, warnings = self.load(files[0])
            for w in warnings:
                warn(str(w))
            assessment, written, lang = self.finish(answers)
            self.show(assessment, written, lang, answers, batch=False)
            if self.json_output:
                print_json(self.json_item(files[0], assessment, written, warnings))
            return
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        m = messages(self.lang)
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[name]}"),
            console=err(),
            transient=True,
        ) as progress:
            task = progress.add_task(m["progress_label"], total=len(files), name="")
            # --json: the array is written item by item (the same bytes as print_json of the
            # whole list), so memory does not grow with the number of files.
            array = JsonArrayWriter(sys.stdout) if self.json_output else None
            for name in files:
                progress.update(task, name=name)
                try:
                    answers, warnings = self.load(name)
                    for w in warnings:
                        progress.console.print(
                            f"[yellow]warning:[/] {w}", soft_wrap=True, highlight=False
                        )
                    assessment, written, lang = self.finish(answers, name)
                except CommkitError as exc:
                    failed += 1
                    report_error(exc)
                else:
                    done += 1
                    if array is not None:
                        array.add(self.json_item(name, assessment, written, warnings))
                    else:
                        stage = assessment.result.stage
                        out().print(
                            f"{written['markdown']}  {assessment.result.overall:.1f}  {stage}",
                            markup=False,
                            highlight=False,
                        )
                    if self.explain:
                        self.print_explain(answers, lang)
                progress.advance(task)
            if array is not None:
                array.close()
        console = err()
        console.print(m["batch_done"].format(count=done), markup=False)
        if failed:
            console.print(m["batch_failed"].format(count=failed), style="red", markup=False)
            raise typer.Exit(1)

    def json_item(
        self, source: str, assessment: Any, written: dict[str, str], warnings: list[Any]
    ) -> dict[str, Any]:
        return {
            "source": source,
            "files": written,
            "warnings": [w.as_dict() for w in warnings],
            "assessment": assessment.model_dump(mode="json"),
        }

    # ------------------------------------------------------------ the wizard

    def interactive(self, resume: Path | None) -> None:
        from commkit import api
        from commkit.cli.output import err, print_json
        from commkit.errors import InterruptedWithDraft, UserError
        from commkit.interactive.drafts import draft_path, find_drafts, load_draft, save_draft
        from commkit.interactive.messages import messages
        from commkit.interactive.prompts import Prompter
        from commkit.interactive.wizard import Wizard, choose_draft

        m = messages(self.lang)
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            raise UserError(m["no_terminal"])
        prompter = Prompter()
        here = Path.cwd()
        draft: Any = None
        path: Path | None = None
        if resume is not None:
            path, draft = resume, load_draft(resume)
        else:
            picked = choose_draft(prompter, find_drafts(here), self.lang)
            if picked is not None:
                path, draft = picked, load_draft(picked)
        checklist = self.pack.checklist if draft is None else api.checklist_of(draft, self.pack)
        if draft is not None:
            for d in api.draft_problems(draft, pack=self.pack):
                err().print(
                    f"[yellow]{d.severity}:[/] {d.format()}", soft_wrap=True, highlight=False
                )
        chosen_path = path

        def save(answers: Any) -> Path:
            nonlocal chosen_path
            if chosen_path is None:
                chosen_path = draft_path(here, answers.community.slug or "community")
            return save_draft(chosen_path, answers)

        wizard = Wizard(
            checklist=checklist,
            prompter=prompter,
            save=save,
            lang=draft.language if draft is not None else self.lang,
            checklist_hash=api.checklist_hash(checklist),
            ask_notes=bool(draft and any(a.note for a in draft.answers.values())),
        )
        wizard.hint = m["welcome_hint"].format(draft=f"{here}/.commkit-draft-<slug>.yaml")
        try:
            answers = wizard.run(draft)
        except InterruptedWithDraft as exc:
            mm = messages(wizard.lang)
            console = err()
            if exc.draft_path is not None:
                console.print(
                    mm["interrupted"].format(count=exc.answered, draft=exc.draft_path),
                    markup=False,
                    highlight=False,
                )
                console.print(
                    mm["resume_hint"].format(draft=exc.draft_path),
                    style="bold",
                    markup=False,
                    highlight=False,
                )
            else:
                console.print(mm["nothing_saved"], markup=False)
            raise typer.Exit(130) from None
        assessment, written, lang = self.finish(answers)
        if chosen_path is not None and chosen_path.exists():
            chosen_path.unlink()
            written["draft_removed"] = str(chosen_path)
        self.show(assessment, written, lang, answers, batch=False)
        if self.json_output:
            print_json(self.json_item("wizard", assessment, written, []))

    # ------------------------------------------------------------ printing

    def show(
        self, assessment: Any, written: dict[str, str], lang: str, answers: Any, batch: bool
    ) -> None:
        from commkit.cli.output import err, out

        console = err() if self.json_output else out()
        if self.explain:
            self.print_explain(answers, lang)
        print_summary(console, self.pack, assessment, written, lang)

    def print_explain(self, answers: Any, lang: str) -> None:
        from commkit import api
        from commkit.cli.output import err, out

        console = err() if self.json_output else out()
        for line in explain_lines(api.explain(answers, pack=self.pack, lang=lang), lang):
            console.print(line, markup=False, highlight=False, soft_wrap=True)


def explain_lines(explanation: Any, lang: str) -> list[str]:
    """How each number came about, one line each (``--explain``)."""
    from commkit.interactive.messages import messages

    m = messages(lang)
    info = explanation.breakdown
    lines = [m["explain_title"]]
    for line in info.questions:
        if line.status == "answered" and line.normalised is not None:
            lines.append(
                "  "
                + m["explain_q_scored"].format(
                    qid=line.question,
                    value=explanation.values[line.question],
                    norm=line.normalised,
                    weight=line.weight,
                )
            )
        else:
            lines.append(
                "  "
                + m["explain_question"].format(qid=line.question, status=m[f"status_{line.status}"])
            )
    for d in info.dimensions:
        if d.score is None:
            lines.append("  " + m["explain_dim_none"].format(dim=d.id))
        else:
            lines.append(
                "  "
                + m["explain_dim"].format(
                    dim=d.id, ws=d.weighted_sum, w=d.weight_sum, score=f"{d.score:.1f}"
                )
            )
    scored = sum(1 for d in info.dimensions if d.score is not None)
    lines.append("  " + m["explain_overall"].format(n=scored, score=f"{info.overall:.1f}"))
    for step in info.stage_steps:
        if step.reached:
            lines.append("  " + m["explain_stage_ok"].format(stage=step.stage, min=step.min_score))
        elif not step.score_ok:
            lines.append(
                "  "
                + m["explain_stage_low"].format(
                    stage=step.stage, min=step.min_score, overall=f"{info.overall:.1f}"
                )
            )
        else:
            lines.append(
                "  "
                + m["explain_stage_gate"].format(
                    stage=step.stage, min=step.min_score, gates=", ".join(step.failed_requires)
                )
            )
    lines.append("  " + m["explain_target"].format(target=info.target))
    return lines


def print_summary(
    console: Any, pack: Any, assessment: Any, written: dict[str, str], lang: str
) -> None:
    """The final screen: dimension table with bars, stage and meaning, top gaps, files."""
    from rich.table import Table
    from rich.text import Text

    from commkit import api
    from commkit.interactive.messages import messages

    m = messages(lang)
    view = api.assessment_summary(assessment, pack=pack, lang=lang)
    colours = {"none": "bright_black", "strength": "green", "gap": "red", "other": "yellow"}
    table = Table(
        title=m["summary_title"].format(name=view.name), title_justify="left", show_lines=False
    )
    table.add_column(m["dimension"])
    table.add_column(m["score"], justify="right")
    table.add_column("", no_wrap=True)
    table.add_column(m["answered"], justify="right")
    for row in view.dimensions:
        table.add_row(row.title, row.score, Text(row.bar, style=colours[row.tone]), row.answered)
    table.add_section()
    table.add_row(
        Text(m["overall"], style="bold"),
        Text(view.overall, style="bold"),
        Text(view.overall_bar, style="bold"),
        "",
    )
    console.print(table)
    console.print(Text.assemble((f"{m['stage']}: ", "bold"), (view.stage, "bold cyan")))
    if view.meaning is not None and view.focus is not None:
        console.print(view.meaning, markup=False, highlight=False)
        console.print(Text.assemble((f"{m['focus']}: ", "bold"), view.focus))
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
            console.print(f"  • {line}", markup=False, highlight=False, soft_wrap=True)
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
        console.print(
            m["draft_removed"].format(draft=written["draft_removed"]),
            markup=False,
            highlight=False,
            soft_wrap=True,
        )

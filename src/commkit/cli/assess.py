"""`commkit assess`: the self-identification wizard, answer replays and resumable drafts."""

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

HELP = """Assess a business community with the self-identification checklist.

Without options it asks the questions in the terminal (a draft is saved after every answer
beside the output, <out>/<slug>-assessment-draft.yaml; Ctrl-C keeps it, --resume DRAFT alone
continues that run). --answers FILE replays answers without a terminal (YAML or JSON,
'-' for stdin; several files or a glob give one report each).

Writes <out>/<slug>-assessment-<date>.md (the report) and
<out>/<slug>-assessment-<date>.yaml (answers and result: the input of 'commkit plan').

Examples:

\b
  commkit assess --out reports/
  commkit --lang ru assess --out reports/
  commkit assess --resume reports/fashion-tech-assessment-draft.yaml
  commkit assess --answers answers/*.yaml --out reports/ --date 2020-10-15
  commkit assess --answers 'answers/*.yaml' --json > results.json
  cat answers.json | commkit assess --answers - --json
  commkit assess --team --answers anna.yaml boris.yaml vera.yaml -o reports/
  commkit assess --team --anonymous --workspace perm --community ftp
  commkit assess --rescore old/*.yaml -o reports/
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
    charts: Annotated[
        bool,
        typer.Option(
            "--charts", help="Also draw the dimension scores as an SVG next to the report."
        ),
    ] = False,
    html: Annotated[
        bool,
        typer.Option("--html", help="Also write the report as a self-contained HTML page."),
    ] = False,
    named: Annotated[
        bool,
        typer.Option(
            "--named",
            help="With --workspace: name the other communities the report compares with.",
        ),
    ] = False,
    team: Annotated[
        bool,
        typer.Option(
            "--team",
            help="Merge several raters of one community (the files, or the workspace's "
            "answers/SLUG/) into one assessment with their disagreements.",
        ),
    ] = False,
    anonymous: Annotated[
        bool, typer.Option("--anonymous", help="With --team: 'Rater 1'... instead of names.")
    ] = False,
    rescore: Annotated[
        list[str] | None,
        typer.Option(
            "--rescore",
            metavar="OLD",
            help="Re-score old assessments or answers files under the current checklist "
            "(through its migrations): what was carried, mapped, and needs a new answer.",
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
    if resume is not None and not (answers or files):
        from commkit.interactive.drafts import recorded_run

        rec = recorded_run(resume)
        if rec is not None:  # --resume DRAFT alone continues the run that was interrupted

            def given(name: str, where: Any = ctx) -> bool:
                src = where.get_parameter_source(name)
                return src is not None and src.name != "DEFAULT"

            out = Path(rec.out) if rec.out and not given("out") else out
            if rec.workspace and not given("workspace"):
                workspace = Path(rec.workspace)
            community = rec.community if rec.community and not given("community") else community
            when = rec.date if rec.date and not given("date") else when
            if rec.lang and not s.lang_given:
                s.lang, s.lang_given = rec.lang, True
            if rec.content and not given("content", root):
                s.content = Path(rec.content)
    run = _Run(
        pack=s.pack(),
        lang=s.lang,
        lang_for=s.lang_for,
        lang_given=s.lang_given,
        out=out,
        force=force,
        explain=explain,
        json_output=json_output,
        when=when,
        workspace=workspace,
        community=community,
        charts=charts,
        html=html,
        named=named,
    )
    answers = [*(answers or []), *(files or [])]
    if rescore:
        from commkit.cli.assess_rescore import run_rescore

        if resume is not None or team:
            raise UserError("--rescore goes alone: not with --resume or --team")
        run_rescore(
            pack=s.pack(),
            names=[*rescore, *answers],
            out=out,
            force=force,
            json_output=json_output,
            lang_for=s.lang_for,
            when=when,
        )
        return
    if team:
        from commkit.cli.assess_team import run_team

        run_team(
            pack=s.pack(),
            names=answers,
            out=out,
            workspace=workspace,
            community=community,
            when=when,
            anonymous=anonymous,
            force=force,
            json_output=json_output,
            lang=s.lang,
            lang_for=s.lang_for,
        )
        return
    if answers:
        if resume is not None:
            raise UserError("use either --answers or --resume, not both")
        run.replay(answers)
        return
    run.interactive(resume, s.content)


class _Run:
    def __init__(self, **kwargs: Any) -> None:
        self.pack = kwargs["pack"]
        self.lang: str = kwargs["lang"]
        self.lang_for: Any = kwargs["lang_for"]
        self.lang_given: bool = kwargs["lang_given"]
        self.out: Path = kwargs["out"]
        self.force: bool = kwargs["force"]
        self.explain: bool = kwargs["explain"]
        self.json_output: bool = kwargs["json_output"]
        self.when = kwargs["when"]
        self.workspace: Path | None = kwargs["workspace"]
        self.community: str | None = kwargs["community"]
        if self.community is not None:  # it becomes a folder or file name: an id only
            from commkit.errors import UserError
            from commkit.model.common import ID_RE

            if not ID_RE.match(self.community):
                raise UserError(
                    f"--community {self.community!r} is not a valid slug: use lower-case "
                    "latin letters, digits, '-', '_' or '.'"
                )
        self.written: dict[Path, str] = {}
        self.charts: bool = kwargs["charts"]
        self.html: bool = kwargs["html"]
        self.named: bool = kwargs["named"]
        self.pool: Any = None

    def peers(self, assessment: Any) -> Any:
        """ "You versus your peers" when storing in a workspace (its assessments read once)."""
        if self.workspace is None:
            return None
        from commkit import api

        if self.pool is None:
            self.pool = api.peer_pool(self.workspace)
        return api.compare_with_peers(self.pool, assessment, named=self.named)

    def record(self, content: Path | None) -> Any:
        """The options of this wizard run, kept in its draft for ``--resume``."""
        from commkit.model.answers import DraftRun

        return DraftRun(
            out=str(self.out.resolve()),
            workspace=str(self.workspace.resolve()) if self.workspace is not None else None,
            content=str(content.resolve()) if content is not None else None,
            community=self.community,
            date=self.when,
            lang=self.lang if self.lang_given else None,
        )

    # ------------------------------------------------------------ shared

    def report_lang(self, answers_lang: str) -> str:
        return str(self.lang_for(answers_lang))

    def targets(self, slug: str, day: str) -> tuple[Path, Path]:
        from commkit.fsutil import safe_child

        if self.workspace is not None:
            folder = safe_child(self.workspace, "assessments", slug)
            return safe_child(folder, f"{day}.md"), safe_child(folder, f"{day}.yaml")
        return (
            safe_child(self.out, f"{slug}-assessment-{day}.md"),
            safe_child(self.out, f"{slug}-assessment-{day}.yaml"),
        )

    def finish(
        self, answers: Any, source: str = "the wizard", warnings: list[Any] | None = None
    ) -> tuple[Any, dict[str, str], str]:
        """Score, render and write; returns the assessment, the files and the language.

        Warnings about the date are shown and added to ``warnings``."""
        from commkit.core.scoring import assess
        from commkit.errors import OutputExistsError, UserError
        from commkit.fsutil import atomic_write_text, slugify
        from commkit.render.report import assessment_markdown, to_yaml

        if self.community is not None:
            answers = answers.model_copy(
                update={"community": answers.community.model_copy(update={"slug": self.community})}
            )
        assessment = assess(self.pack, answers, today=self.when)
        from commkit import api
        from commkit.cli.output import warn

        file = None if source in ("the wizard", "-") else source
        for problem in api.date_warnings(assessment, workspace=self.workspace, file=file):
            warn(problem.format())
            if warnings is not None:
                warnings.append(problem)
        slug = assessment.community.slug or slugify(assessment.community.name)
        lang = self.report_lang(answers.language)
        md_path, yaml_path = self.targets(slug, assessment.date.isoformat())
        if md_path in self.written:
            raise UserError(
                f"{md_path} was already written in this run from {self.written[md_path]}: "
                "two answers files give the same community and date (set a different "
                "community slug or date in one of them)"
            )
        chart_path = md_path.with_name(f"{md_path.stem}-scores.svg") if self.charts else None
        html_path = md_path.with_suffix(".html") if self.html else None
        if not self.force:
            for path in (md_path, yaml_path, chart_path, html_path):
                if path is not None and path.exists():
                    raise OutputExistsError(f"{path} already exists (use --force to overwrite it)")
        peers = self.peers(assessment)
        if chart_path is not None or html_path is not None or peers is not None:
            from commkit import api

            markdown = api.render_assessment_markdown(
                assessment,
                lang,
                pack=self.pack,
                chart=chart_path.name if chart_path else None,
                peers=peers,
            )
        else:
            markdown = assessment_markdown(self.pack, assessment, lang)
        atomic_write_text(yaml_path, to_yaml(assessment), force=self.force)
        # One fsync per answers file: the YAML (the data); the report derived from it is
        # still written atomically (temp file + rename).
        atomic_write_text(md_path, markdown, force=self.force, fsync=False)
        files = {"markdown": str(md_path), "yaml": str(yaml_path)}
        if chart_path is not None:
            svg = api.render_assessment_chart(assessment, lang, pack=self.pack, peers=peers)
            atomic_write_text(chart_path, svg, force=self.force, fsync=False)
            files["chart"] = str(chart_path)
        if html_path is not None:
            page = api.render_assessment_html(assessment, lang, pack=self.pack, peers=peers)
            atomic_write_text(html_path, page, force=self.force, fsync=False)
            files["html"] = str(html_path)
        self.written[md_path] = source
        return assessment, files, lang

    def load(self, name: str) -> tuple[Any, list[Any]]:
        """Load and check one answers file: (answers, warnings); errors raise."""
        from commkit.core.scoring import check_answers, checklist_for
        from commkit.errors import ContentError
        from commkit.model.answers import Answers
        from commkit.model.loader import (
            decode_bytes,
            load_json_or_yaml_text,
            parse_file,
            validate_document,
        )

        if name == "-":
            path = Path("<stdin>")
            doc = load_json_or_yaml_text(decode_bytes(sys.stdin.buffer.read(), path), path)
        else:
            doc = parse_file(Path(name))
        if isinstance(doc.data, dict) and doc.data.get("kind") not in (None, "answers"):
            raise ContentError(
                "",
                [
                    *doc.problems,
                    doc.diagnostic(
                        ("kind",), f"expected 'kind: answers', got {doc.data.get('kind')!r}"
                    ),
                ],
            )
        answers = validate_document(doc, Answers)
        checklist = checklist_for(self.pack, answers)
        diags = check_answers(checklist, answers, doc)
        errors = [d for d in diags if d.severity == "error"]
        if errors:
            raise ContentError("", diags)
        return answers, diags

    # ------------------------------------------------------------ --answers

    def expand(self, names: list[str]) -> list[str]:
        import glob

        from commkit.errors import UserError

        files: list[str] = []
        for name in names:
            if name == "-" or Path(name).exists() or not glob.has_magic(name):
                files.append(name)
                continue
            matches = sorted(glob.glob(name, recursive=True))
            if not matches:
                raise UserError(f"no file matches {name!r}")
            files.extend(matches)
        if files.count("-") > 1:
            raise UserError("stdin ('-') can be read only once")
        if self.community is not None and len(files) > 1:
            raise UserError("--community names one community: give one answers file with it")
        return files

    def replay(self, names: list[str]) -> None:
        from commkit.cli.output import (
            JsonArrayWriter,
            err,
            esc,
            out,
            print_json,
            report_error,
            warn,
        )
        from commkit.errors import CommkitError
        from commkit.i18n import plural
        from commkit.interactive.messages import messages
        from commkit.model.loader import forget_source

        files = self.expand(names)
        done = 0
        failed = 0
        if len(files) == 1:
            answers, warnings = self.load(files[0])
            for d in warnings:
                warn(d.format())
            assessment, written, lang = self.finish(answers, files[0], warnings)
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
                    for d in warnings:
                        progress.console.print(
                            f"[yellow]warning:[/] {esc(d.format())}",
                            soft_wrap=True,
                            highlight=False,
                        )
                    assessment, written, lang = self.finish(answers, name, warnings)
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
                finally:
                    if name != "-":
                        forget_source(Path(name))
                progress.advance(task)
            if array is not None:
                array.close()
        console = err()
        console.print(
            m["batch_done"].format(assessments=plural("count.assessments", done, self.lang)),
            markup=False,
        )
        if failed:
            failed_files = plural("cli.files_count", failed, self.lang)
            console.print(m["batch_failed"].format(files=failed_files), style="red", markup=False)
            raise typer.Exit(1)

    def json_item(
        self, source: str, assessment: Any, written: dict[str, str], warnings: list[Any]
    ) -> dict[str, Any]:
        return {
            "source": source,
            "files": written,
            "warnings": [d.as_dict() for d in warnings],
            "assessment": assessment.model_dump(mode="json"),
        }

    # ------------------------------------------------------------ the wizard

    def interactive(self, resume: Path | None, content: Path | None = None) -> None:
        from commkit.cli.output import err, esc, print_json
        from commkit.core.scoring import check_answers, checklist_for
        from commkit.errors import InterruptedWithDraft, UserError
        from commkit.i18n import plural
        from commkit.interactive.drafts import (
            DraftStore,
            draft_folder,
            draft_path,
            find_drafts,
            load_draft,
        )
        from commkit.interactive.messages import messages
        from commkit.interactive.prompts import Prompter
        from commkit.interactive.wizard import Wizard, choose_draft
        from commkit.model.answers import Answers
        from commkit.model.pack import content_hash

        m = messages(self.lang)
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            raise UserError(m["no_terminal"])
        prompter = Prompter(lang=self.lang)
        folder = draft_folder(self.out, self.workspace)
        store = DraftStore(folder=folder, run=self.record(content))
        draft: Answers | None = None
        picked = resume
        if picked is None:
            picked = choose_draft(prompter, find_drafts(folder), self.lang)
        if picked is not None:
            draft = load_draft(picked)
            store = DraftStore.resume(picked, draft, folder, store.run)
            if not store.writes_to_source:
                err().print(
                    m["not_a_draft"].format(source=picked, folder=folder),
                    markup=False,
                    highlight=False,
                    soft_wrap=True,
                )
        store.check_writable()
        checklist = self.pack.checklist if draft is None else checklist_for(self.pack, draft)
        if draft is not None:
            for d in check_answers(checklist, draft, None, require_complete=False):
                err().print(
                    f"[yellow]{d.severity}:[/] {esc(d.format())}", soft_wrap=True, highlight=False
                )
        wizard = Wizard(
            checklist=checklist,
            prompter=prompter,
            save=store.save,
            lang=draft.language if draft is not None else self.lang,
            checklist_hash=content_hash(checklist),
            ask_notes=bool(draft and any(a.note for a in draft.answers.values())),
        )
        wizard.hint = m["welcome_hint"].format(draft=draft_path(folder, "<slug>"))
        try:
            answers = wizard.run(draft)
        except InterruptedWithDraft as exc:
            mm = messages(wizard.lang)
            console = err()
            if exc.draft_path is not None:
                console.print(
                    mm["interrupted"].format(
                        answers=plural("count.answers", exc.answered, wizard.lang),
                        draft=exc.draft_path,
                    ),
                    markup=False,
                    highlight=False,
                    soft_wrap=True,
                )
                console.print(
                    mm["resume_hint"].format(draft=exc.draft_path),
                    style="bold",
                    markup=False,
                    highlight=False,
                    soft_wrap=True,
                )
            else:
                console.print(mm["nothing_saved"], markup=False)
            raise typer.Exit(130) from None
        assessment, written, lang = self.finish(answers)
        removed = store.finish()
        if removed is not None:
            written["draft_removed"] = str(removed)
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
        from commkit.cli.output import err, out
        from commkit.core.scoring import checklist_for

        console = err() if self.json_output else out()
        checklist = checklist_for(self.pack, answers)
        for line in explain_lines(checklist, answers.answers, lang):
            console.print(line, markup=False, highlight=False, soft_wrap=True)


def explain_lines(checklist: Any, answers: Any, lang: str) -> list[str]:
    """How each number came about, one line each (``--explain``)."""
    from commkit.core.scoring import breakdown, explain_value
    from commkit.interactive.messages import messages

    m = messages(lang)
    info = breakdown(checklist, answers, lang=lang)
    questions = {q.id: q for q in checklist.questions}
    lines = [m["explain_title"]]
    for line in info.questions:
        if line.status == "answered" and line.normalised is not None:
            lines.append(
                "  "
                + m["explain_q_scored"].format(
                    qid=line.question,
                    value=explain_value(questions[line.question], line.value),
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

    from commkit.cli.output import esc
    from commkit.core.scoring import checklist_for_ref
    from commkit.interactive.messages import messages
    from commkit.model.common import tr
    from commkit.render.report import bar, fmt_score

    m = messages(lang)
    checklist = checklist_for_ref(pack, assessment.checklist.id)
    result = assessment.result
    dims = {d.id: d for d in checklist.dimensions}
    stages = {s.id: s for s in checklist.stages}
    table = Table(
        title=esc(m["summary_title"].format(name=assessment.community.name)),
        title_justify="left",
        show_lines=False,
    )
    table.add_column(m["dimension"])
    table.add_column(m["score"], justify="right")
    table.add_column("", no_wrap=True)
    table.add_column(m["answered"], justify="right")
    for d in result.dimensions:
        score = fmt_score(d.score, lang)
        colour = (
            "bright_black"
            if d.score is None
            else "green"
            if d.id in result.strengths
            else "red"
            if d.id in result.gaps[:3]
            else "yellow"
        )
        title = tr(dims[d.id].title, lang) if d.id in dims else d.id
        total = d.answered + d.dont_know + d.not_applicable + d.unanswered
        table.add_row(
            esc(title), score, Text(bar(d.score, 20), style=colour), f"{d.answered}/{total}"
        )
    table.add_section()
    table.add_row(
        Text(m["overall"], style="bold"),
        Text(fmt_score(result.overall, lang), style="bold"),
        Text(bar(result.overall, 20), style="bold"),
        "",
    )
    console.print(table)
    stage = stages.get(result.stage)
    stage_title = tr(stage.title, lang) if stage else result.stage
    console.print(Text.assemble((f"{m['stage']}: ", "bold"), (stage_title, "bold cyan")))
    if stage is not None:
        console.print(tr(stage.meaning, lang), markup=False, highlight=False)
        console.print(Text.assemble((f"{m['focus']}: ", "bold"), tr(stage.focus, lang)))
    nxt = stages.get(result.next_stage) if result.next_stage else None
    if nxt is not None:
        console.print(
            m["next_stage"].format(title=tr(nxt.title, lang), min=f"{nxt.min_score:g}"),
            markup=False,
            highlight=False,
        )
    else:
        console.print(m["top_stage"], markup=False)
    from commkit.render.report import held_back_for

    held = held_back_for(checklist, assessment, lang)
    if held:
        console.print(Text(m["held_back"], style="bold yellow"))
        for line in held:
            console.print(f"  • {line}", markup=False, highlight=False, soft_wrap=True)
    console.print()
    if result.gaps:
        console.print(Text(m["gaps"], style="bold"))
        scores = {d.id: d.score for d in result.dimensions}
        for gap in result.gaps[:3]:
            title = tr(dims[gap].title, lang) if gap in dims else gap
            console.print(
                f"  • {title} ({fmt_score(scores[gap], lang)})", markup=False, highlight=False
            )
    else:
        console.print(m["no_gaps"], markup=False)
    if result.open_questions:
        console.print(
            m["open_questions"].format(count=len(result.open_questions)),
            markup=False,
            highlight=False,
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

"""`commkit assess`: the self-identification wizard, answer replays and resumable drafts."""

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from commkit.cli import options as opt


def register(app: typer.Typer) -> None:
    """Add ``assess`` to the root app."""
    app.command("assess")(assess)


def assess(
    ctx: typer.Context,
    files: Annotated[list[str] | None, opt.argument(metavar="FILE...")] = None,
    answers: Annotated[
        list[str] | None, opt.value_option("--answers", "-a", metavar="FILE")
    ] = None,
    resume: Annotated[Path | None, opt.value_option("--resume", metavar="DRAFT")] = None,
    out: Annotated[Path, opt.out_option()] = Path("."),
    json_output: Annotated[bool, opt.json_option()] = False,
    force: Annotated[bool, opt.force_option()] = False,
    explain: Annotated[bool, opt.flag("--explain")] = False,
    date: Annotated[dt.date | None, opt.date_option()] = None,
    workspace: Annotated[Path | None, opt.workspace_option()] = None,
    community: Annotated[str | None, opt.community_option()] = None,
    charts: Annotated[bool, opt.flag("--charts")] = False,
    html: Annotated[bool, opt.flag("--html")] = False,
    named: Annotated[bool, opt.flag("--named")] = False,
    team: Annotated[bool, opt.flag("--team")] = False,
    anonymous: Annotated[bool, opt.flag("--anonymous")] = False,
    update: Annotated[Path | None, opt.value_option("--update", metavar="OLD")] = None,
    rescore: Annotated[list[str] | None, opt.value_option("--rescore", metavar="OLD")] = None,
    as_table: Annotated[bool, opt.flag("--table")] = False,
    fmt: opt.Fmt = "simple",
    jobs: Annotated[int | None, opt.value_option("--jobs", min=1, metavar="N")] = None,
) -> None:
    from commkit import api
    from commkit.cli.assess_run import AssessRun
    from commkit.cli.context import settings
    from commkit.errors import UserError

    s = settings(ctx)
    when = date
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
    if community is not None:  # it becomes a folder or file name: an id only
        api.check_slug(community)
    names = [*(answers or []), *(files or [])]
    parsed = AssessRun(
        settings=s,
        names=names,
        out=out,
        workspace=workspace,
        community=community,
        when=when,
        force=force,
        json_output=json_output,
    )
    if rescore:
        from commkit.cli.assess_rescore import run_rescore

        if resume is not None or team:
            raise UserError("--rescore goes alone: not with --resume or --team")
        run_rescore(parsed, rescore)
        return
    if team:
        from commkit.cli.assess_team import run_team

        run_team(parsed, anonymous=anonymous)
        return
    if (
        len(names) == 1
        and resume is None
        and update is None
        and not (explain or json_output or charts or html or named or workspace)
        and _warm(s, names[0], out=out, force=force, when=when, community=community)
    ):
        return
    writer = api.AssessmentWriter(
        pack=s.pack(),
        out=out,
        workspace=workspace,
        force=force,
        charts=charts,
        html=html,
        named=named,
    )
    run = _Run(s, writer, explain=explain, json_output=json_output, when=when, community=community)
    run.table_format = fmt if as_table else None
    run.jobs = jobs if jobs is not None else api.cores()
    if names:
        if resume is not None or update is not None:
            raise UserError("use either --answers or --resume/--update, not both")
        run.replay(names)
        return
    if update is not None and resume is not None:
        raise UserError("use either --update OLD or --resume DRAFT, not both")
    run.interactive(resume, update)


def _warm(
    s: Any, name: str, *, out: Path, force: bool, when: dt.date | None, community: str | None
) -> bool:
    """One answers file assessed the warm way; ``False``: nothing was done."""
    from commkit.cli.warm_commands import warm_assess_run

    return warm_assess_run(s, name, out=out, force=force, when=when, community=community)


class _Run:
    """One ``assess`` run: its settings, the writer of its files and how it prints."""

    def __init__(
        self,
        settings: Any,
        writer: Any,
        *,
        explain: bool,
        json_output: bool,
        when: dt.date | None,
        community: str | None,
    ) -> None:
        self.settings = settings
        self.pack = settings.pack()
        self.lang: str = settings.lang
        self.writer = writer
        self.explain = explain
        self.json_output = json_output
        self.when = when
        self.community = community
        self.table_format: str | None = None
        """``--table --fmt``: a batch prints its rows as one text table in this format."""
        self.jobs = 1
        """``--jobs``: worker processes of a batch (1: this process)."""

    def record(self) -> Any:
        """The options of this wizard run, kept in its draft for ``--resume``."""
        from commkit.interactive.drafts import draft_run

        s = self.settings
        return draft_run(
            out=self.writer.out,
            workspace=self.writer.workspace,
            content=s.content,
            community=self.community,
            date=self.when,
            lang=s.lang if s.lang_given else None,
        )

    def finish(
        self, checked: Any, source: str = "the wizard", warnings: list[Any] | None = None
    ) -> tuple[Any, dict[str, str], str]:
        """Score, render and write; returns the assessment, the files and the language.

        Warnings about the date are shown and added to ``warnings``."""
        from commkit import api
        from commkit.cli.output import warn

        assessment = api.assess(checked, pack=self.pack, today=self.when, slug=self.community)
        file = None if source in ("the wizard", "-") else source
        for problem in api.date_warnings(assessment, workspace=self.writer.workspace, file=file):
            warn(problem.format())
            if warnings is not None:
                warnings.append(problem)
        lang = str(self.settings.lang_for(checked.answers.language))
        files = self.writer.write(assessment, lang=lang, source=source)
        return assessment, files, lang

    def load(self, name: str) -> Any:
        """Read and check one answers file ('-': stdin); errors raise, warnings come back."""
        from commkit import api

        if name == api.answers.STDIN:
            return api.read_answers("<stdin>", pack=self.pack, data=sys.stdin.buffer.read())
        return api.read_answers(name, pack=self.pack)

    # ------------------------------------------------------------ --answers

    def replay(self, names: list[str]) -> None:
        from commkit import api
        from commkit.cli.context import ui_lang
        from commkit.cli.output import (
            JsonArrayWriter,
            err,
            out,
            print_json,
            report_error,
            sharing_screen,
            warn,
        )
        from commkit.i18n import plural, section
        from commkit.i18n import score as score_text
        from commkit.shown_path import shown_path

        files = api.expand_answer_files(names, one_community=self.community is not None)
        done = 0
        failed = 0
        if len(files) == 1:
            checked = self.load(files[0])
            warnings = list(checked.warnings)
            for d in warnings:
                warn(d.format())
            assessment, written, lang = self.finish(checked, files[0], warnings)
            self.show(assessment, written, lang, checked.answers)
            if self.json_output:
                print_json(self.json_item(files[0], assessment, written, warnings))
            return
        m = section("wizard", self.lang)
        s = self.settings
        w = self.writer
        options = api.BatchOptions(
            content=s.content,
            lang=s.lang if s.lang_given else None,
            ui_lang=ui_lang(),
            when=self.when,
            community=self.community,
            explain=self.explain,
            as_json=self.json_output,
            assessments=False,  # the score and stage are what it prints
            **api.writer_settings(w),
        )
        # the pool starts before the progress bar's thread does
        items = api.assess_batch(
            files, options, jobs=self.jobs, pack=self.pack, writer=w, staged=True
        )
        # imported once the workers run: rich's progress bar (and its console, live display,
        # tables) is then made while they work, and they start without it
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        with (
            Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[name]}"),
                console=err(),
                transient=True,
            ) as progress,
            sharing_screen(progress.console),
        ):
            task = progress.add_task(m["progress_label"], total=len(files), name="")
            # --json: the array is written item by item (the same bytes as print_json of the
            # whole list), so memory does not grow with the number of files.
            array = JsonArrayWriter(sys.stdout) if self.json_output else None
            table = self.batch_table() if self.table_format and array is None else None
            for item in api.store_batch(items, w):
                name = item.source
                progress.update(task, name=name)
                for d in item.warnings:
                    warn(d.format())
                if item.error is not None:
                    failed += 1
                    report_error(item.error)
                else:
                    assert item.overall is not None and item.stage is not None
                    assert item.files is not None
                    written = item.files
                    done += 1
                    if array is not None:
                        said = {
                            "source": name,
                            "files": written,
                            "warnings": [d.as_dict() for d in item.warnings],
                        }
                        encoded = item.json_out()
                        if encoded is not None:  # (a worker's text, written as it is)
                            array.add_encoded(said, "assessment", encoded)
                        else:
                            array.add({**said, "assessment": None})
                    elif table is not None:
                        table.rows.append(
                            {
                                "source": name,
                                "score": score_text(item.overall, self.lang),
                                "stage": self.pack.stage_title(item.stage, self.lang),
                                "report": shown_path(written["markdown"]),
                            }
                        )
                    else:
                        score = score_text(item.overall, self.lang)
                        stage = self.pack.stage_title(item.stage, self.lang)
                        out().print(
                            f"{shown_path(written['markdown'])}  {score}  {stage}",
                            markup=False,
                            highlight=False,
                        )
                    if item.explain is not None:
                        self.print_explain_lines(item.explain)
                progress.advance(task)
            if array is not None:
                array.close()
        if table is not None and self.table_format is not None:
            from commkit.cli.output import print_rows

            print_rows(table, self.table_format)
        console = err()
        console.print(
            m["batch_done"].format(assessments=plural("count.assessments", done, self.lang)),
            markup=False,
        )
        if failed:
            failed_files = plural("cli.files_count", failed, self.lang)
            console.print(m["batch_failed"].format(files=failed_files), style="red", markup=False)
            raise typer.Exit(1)

    def batch_table(self) -> Any:
        """The rows of a batch (``--table``): answers file, score, stage, report."""
        from commkit import api
        from commkit.i18n import text

        return api.TableView(
            "",
            [
                api.Column("source", text("rescore.source", self.lang)),
                api.Column("score", text("wizard.score", self.lang), "right"),
                api.Column("stage", text("wizard.stage", self.lang)),
                api.Column("report", text("data.report", self.lang)),
            ],
        )

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

    def interactive(self, resume: Path | None, update: Path | None = None) -> None:
        from commkit import api
        from commkit.cli.output import err, esc, print_json, print_whole, wrap_lines
        from commkit.errors import InterruptedWithDraft, UserError
        from commkit.i18n import plural, section
        from commkit.interactive.drafts import (
            DraftStore,
            draft_folder,
            find_drafts,
            load_draft,
            resume_command,
        )
        from commkit.interactive.prompts import Prompter
        from commkit.interactive.wizard import Wizard, choose_draft

        m = section("wizard", self.lang)
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            raise UserError(m["no_terminal"])
        prompter = Prompter(lang=self.lang)
        folder = draft_folder(self.writer.out, self.writer.workspace)
        store = DraftStore(folder=folder, run=self.record())
        draft: Any = None
        picked = resume
        if update is not None:
            from commkit.interactive.update import update_draft

            draft, ask, old_version = update_draft(self.pack, update, self.when)
            store.run = store.run.model_copy(update={"ask": ask})
            self.writer.refuse_existing(draft, slug=self.community, day=self.when)
            err().print(
                m["update_from"].format(
                    source=update, old=old_version, new=draft.checklist.version, folder=folder
                ),
                markup=False,
                highlight=False,
                soft_wrap=True,
            )
        elif picked is None:
            picked = choose_draft(prompter, find_drafts(folder), self.lang)
        if picked is not None:
            draft = load_draft(picked)
            if draft.draft is not None and draft.draft.ask is not None:  # an --update run
                store.run = store.run.model_copy(update={"ask": draft.draft.ask})
            store = DraftStore.resume(picked, draft, folder, store.run)
            if not store.writes_to_source:
                err().print(
                    m["not_a_draft"].format(source=picked, folder=folder),
                    markup=False,
                    highlight=False,
                    soft_wrap=True,
                )
        store.check_writable()
        checklist = self.pack.checklist if draft is None else api.checklist_of(draft, self.pack)
        if draft is not None:
            for d in api.draft_problems(draft, pack=self.pack):
                err().print(
                    f"[yellow]{d.severity}:[/] {esc(d.format())}", soft_wrap=True, highlight=False
                )
        wizard = Wizard(
            checklist=checklist,
            prompter=prompter,
            save=store.save,
            lang=draft.language if draft is not None else self.lang,
            checklist_hash=api.checklist_hash(checklist),
            ask_notes=bool(draft and any(a.note for a in draft.answers.values())),
            only=store.run.ask,
        )
        wizard.hint = (
            m["welcome_hint"].format(folder=folder.absolute())
            if store.path is None
            else m["welcome_hint_draft"].format(draft=store.path)
        )
        try:
            answers = wizard.run(draft)
        except InterruptedWithDraft as exc:
            mm = section("wizard", wizard.lang)
            console = err()
            if exc.draft_path is not None:
                said = mm["interrupted"].format(
                    answers=plural("count.answers", exc.answered, wizard.lang),
                    draft=exc.draft_path,
                )
                shown = wrap_lines(console, said, rest="")
                console.print(shown, markup=False, highlight=False, soft_wrap=True)
                console.print(mm["resume_hint"], style="bold", markup=False)
                # on a line of its own, never broken: a command in two lines cannot be copied
                print_whole(console, "  " + resume_command(exc.draft_path), style="bold")
            else:
                console.print(mm["nothing_saved"], markup=False)
            raise typer.Exit(130) from None
        # the wizard checked every answer as it was typed
        assessment, written, lang = self.finish(api.CheckedAnswers(answers))
        removed = store.finish()
        if removed is not None:
            written["draft_removed"] = str(removed)
        self.show(assessment, written, lang, answers)
        if self.json_output:
            print_json(self.json_item("wizard", assessment, written, []))

    # ------------------------------------------------------------ printing

    def console(self) -> Any:
        """Where people read: stdout, or stderr when stdout carries ``--json``."""
        from commkit.cli.output import err, out

        return err() if self.json_output else out()

    def show(self, assessment: Any, written: dict[str, str], lang: str, answers: Any) -> None:
        if self.explain:
            self.print_explain(answers, lang, assessment.date)
        from commkit.cli.output import Lines
        from commkit.cli.summary import print_summary

        # stdout, or stderr when stdout carries --json
        print_summary(Lines(stderr=self.json_output), self.pack, assessment, written, lang)

    def print_explain(self, answers: Any, lang: str, on: Any) -> None:
        from commkit import api

        self.print_explain_lines(api.explain(answers, pack=self.pack, lang=lang, on=on))

    def print_explain_lines(self, lines: list[str]) -> None:
        from commkit.cli.output import wrap_lines

        console = self.console()
        for line in lines:
            body = line.lstrip(" ")
            indent = " " * (len(line) - len(body))
            shown = wrap_lines(console, body, indent, indent + "  ") if indent else line
            console.print(shown, markup=False, highlight=False, soft_wrap=True)

"""``commkit assess --team``: the raters of one community merged into one assessment."""

from pathlib import Path

from commkit.cli.assess_run import AssessRun


def run_team(run: AssessRun, *, anonymous: bool) -> None:
    """Read every rater's file, merge, write the report and the YAML, print the summary."""
    from commkit import api
    from commkit.cli.output import Lines, print_json, warn
    from commkit.cli.summary import print_summary
    from commkit.errors import UserError
    from commkit.i18n import plural, score, text

    pack, lang = run.settings.pack(), run.settings.lang
    workspace, community = run.workspace, run.community
    files = api.expand_answer_files(run.names)
    if not files:
        if workspace is None or community is None:
            raise UserError(text("team.need", lang))
        files = [str(p) for p in api.team_raters_in_workspace(workspace, community)]
    raters = []
    for name in files:
        checked = api.read_answers(name, pack=pack)
        for w in checked.warnings:
            warn(w.format())
        raters.append((api.rater_label(checked.answers, Path(name).stem), checked.answers))
    first = raters[0][1]
    report_lang: str = run.settings.lang_for(first.language)
    assessment = api.assess_team(
        raters, pack=pack, today=run.when, anonymous=anonymous, lang=report_lang, slug=community
    )
    writer = api.AssessmentWriter(
        pack=pack, out=run.out, workspace=workspace, force=run.force, peers=False
    )
    written = writer.write(assessment, lang=report_lang)
    team = assessment.team
    assert team is not None
    # stdout, or stderr when stdout carries --json; without rich's console where its layout
    # is copied (commkit.cli.plain_layout)
    lines = Lines(stderr=run.json_output)
    print_summary(lines, pack, assessment, written, report_lang)
    if run.json_output:
        print_json(
            {
                "source": files,
                "files": written,
                "assessment": assessment.model_dump(mode="json", exclude_none=True),
            }
        )
    low, high = score(team.overall_low, lang), score(team.overall_high, lang)
    lines.print(plural("team.raters", len(team.raters), lang, low=low, high=high), soft_wrap=False)
    disagree = sum(1 for q in team.questions if q.disagree)
    lines.print(plural("team.disagree", disagree, lang), soft_wrap=False)

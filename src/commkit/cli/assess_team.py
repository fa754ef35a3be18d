"""``commkit assess --team``: the raters of one community merged into one assessment."""

from pathlib import Path
from typing import Any

TEXT = {
    "en": {
        "raters": "Team of {n} rater(s): overall {low}–{high} between raters.",
        "disagree": "Where the team disagrees: {n} question(s) (see the report).",
        "need": "--team needs answers files (--answers), or --workspace with --community",
    },
    "ru": {
        "raters": "Респондентов: {n}; общий балл у разных респондентов от {low} до {high}.",
        "disagree": "Вопросов, по которым команда расходится во мнениях: {n} (см. отчёт).",
        "need": "для --team укажите файлы с ответами (--answers) или --workspace и --community",
    },
}


def run_team(
    *,
    pack: Any,
    names: list[str],
    out: Path,
    workspace: Path | None,
    community: str | None,
    when: Any,
    anonymous: bool,
    force: bool,
    json_output: bool,
    lang: str,
    lang_for: Any,
) -> None:
    """Read every rater's file, merge, write the report and the YAML, print the summary."""
    import glob

    from commkit import api
    from commkit.cli.assess import print_summary
    from commkit.cli.output import err, print_json, warn
    from commkit.core.team import rater_label
    from commkit.errors import UserError
    from commkit.fsutil import atomic_write_text, safe_child
    from commkit.render.report import to_yaml

    t = TEXT.get(lang, TEXT["en"])
    files: list[str] = []
    for name in names:
        matches = sorted(glob.glob(name)) if glob.has_magic(name) else [name]
        if not matches:
            raise UserError(f"no file matches {name!r}")
        files.extend(matches)
    if not files:
        if workspace is None or community is None:
            raise UserError(t["need"])
        files = [str(p) for p in api.team_raters_in_workspace(workspace, community)]
    raters = []
    for name in files:
        answers, warnings = api.check_answers_file(name, pack=pack)
        for w in warnings:
            warn(w.format())
        raters.append((rater_label(answers, Path(name).stem), answers))
    first = raters[0][1]
    report_lang: str = lang_for(first.language)
    assessment = api.assess_team(
        raters, pack=pack, today=when, anonymous=anonymous, lang=report_lang
    )
    if community is not None:
        from commkit.model.common import ID_RE

        if not ID_RE.match(community):
            raise UserError(f"--community {community!r} is not a valid slug")
        assessment = assessment.model_copy(
            update={"community": assessment.community.model_copy(update={"slug": community})}
        )
    slug = assessment.community.slug or "community"
    day = assessment.date.isoformat()
    if workspace is not None:
        folder = safe_child(workspace, "assessments", slug)
        md_path, yaml_path = safe_child(folder, f"{day}.md"), safe_child(folder, f"{day}.yaml")
    else:
        md_path = safe_child(out, f"{slug}-assessment-{day}.md")
        yaml_path = safe_child(out, f"{slug}-assessment-{day}.yaml")
    if not force:
        from commkit.errors import OutputExistsError

        for path in (md_path, yaml_path):
            if path.exists():
                raise OutputExistsError(f"{path} already exists (use --force to overwrite it)")
    markdown = api.render_assessment_markdown(assessment, report_lang, pack=pack)
    atomic_write_text(yaml_path, to_yaml(assessment), force=force)
    atomic_write_text(md_path, markdown, force=force, fsync=False)
    written = {"markdown": str(md_path), "yaml": str(yaml_path)}
    team = assessment.team
    assert team is not None
    if json_output:
        console = err()
        print_summary(console, pack, assessment, written, report_lang)
        print_json(
            {
                "source": files,
                "files": written,
                "assessment": assessment.model_dump(mode="json", exclude_none=True),
            }
        )
    else:
        from commkit.cli.output import out as stdout

        console = stdout()
        print_summary(console, pack, assessment, written, report_lang)
    console.print(
        t["raters"].format(
            n=len(team.raters), low=f"{team.overall_low:.1f}", high=f"{team.overall_high:.1f}"
        ),
        markup=False,
        highlight=False,
    )
    console.print(
        t["disagree"].format(n=sum(1 for q in team.questions if q.disagree)),
        markup=False,
        highlight=False,
    )

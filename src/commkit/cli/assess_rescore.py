"""``commkit assess --rescore``: old assessments re-scored under the current checklist."""

from typing import Any

from commkit.cli.assess_run import AssessRun


def run_rescore(run: AssessRun, old: list[str]) -> None:
    """Re-score each file, write its report, print one summary per file (or JSON)."""
    import typer

    from commkit import api
    from commkit.cli.output import err, print_json, report_error
    from commkit.cli.output import out as stdout
    from commkit.errors import CommkitError
    from commkit.i18n import plural

    pack, lang_for = run.settings.pack(), run.settings.lang_for
    files = api.expand_answer_files([*old, *run.names])
    items: list[dict[str, Any]] = []
    failed = 0
    for name in files:
        try:
            result = api.rescore(name, pack=pack, today=run.when)
            lang = str(lang_for(result.after.language))
            path = api.write_rescore_report(result, run.out, lang, pack=pack, force=run.force)
        except CommkitError as exc:
            if len(files) == 1:
                raise
            failed += 1
            report_error(exc)
            continue
        if run.json_output:
            items.append({**result.to_json(), "files": {"markdown": str(path)}})
            continue
        for line in api.rescore_summary(result, lang, pack=pack, file=name, report=path):
            stdout().print(line, markup=False, highlight=False, soft_wrap=True)
    if run.json_output:
        print_json(items[0] if len(files) == 1 and items else items)
    if len(files) > 1:
        done = len(files) - failed
        err().print(plural("rescore.batch_done", done, lang_for(None)), markup=False)
    if failed:
        raise typer.Exit(1)

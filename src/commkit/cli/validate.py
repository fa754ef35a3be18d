"""``commkit validate``: check content packs, workspaces and single files."""

from pathlib import Path
from typing import Annotated

import typer

from commkit.cli.context import settings
from commkit.cli.options import argument, flag, json_option


def validate(
    ctx: typer.Context,
    paths: Annotated[list[Path] | None, argument(metavar="PATH")] = None,
    strict_i18n: Annotated[bool, flag("--strict-i18n")] = False,
    as_json: Annotated[bool, json_option()] = False,
) -> None:
    from commkit import api
    from commkit.cli.output import Lines, diagnostic_text, print_json

    s = settings(ctx)
    report = api.validate(list(paths or []), content=s.content, strict_i18n=strict_i18n)
    if as_json:
        print_json(
            {
                "ok": report.ok,
                "files": [
                    {
                        "path": str(f.path),
                        "kind": f.kind,
                        "ok": f.ok,
                        "diagnostics": [d.as_dict() for d in f.diagnostics],
                    }
                    for f in report.files
                ],
                "overlay_changes": report.changes,
            }
        )
        raise typer.Exit(0 if report.ok else 1)
    from commkit.i18n import plural, section, text

    lang = s.lang_for(None)
    kinds = section("kind", lang)
    stdout, stderr = Lines(), Lines(stderr=True)
    # one line for tools; in a terminal broken at spaces (never inside a word)
    whole = not stdout.is_terminal
    for entry in report.files:
        errors = [d for d in entry.diagnostics if d.severity == "error"]
        warnings = [d for d in entry.diagnostics if d.severity != "error"]
        mark = (
            (f"{text('cli.validate_ok', lang):<4}", "green")
            if not errors
            else (text("cli.validate_fail", lang), "red")
        )
        detail = f" ({kinds.get(entry.kind, entry.kind)})" if entry.kind else ""
        extra = []
        if errors:
            extra.append(plural("cli.errors_count", len(errors), lang))
        if warnings:
            extra.append(plural("cli.warnings_count", len(warnings), lang))
        tail = f": {', '.join(extra)}" if extra else ""
        stdout.print(mark, f" {_rel(entry.path)}{detail}{tail}", soft_wrap=whole)
        for diag in sorted(entry.diagnostics, key=lambda d: (d.line or 0, d.column or 0)):
            stderr.print(diagnostic_text(stderr, diag))
    for change in report.changes:
        stdout.print("  " + text("cli.validate_overlay", lang, change=change))
    diags = report.diagnostics
    n_err = sum(1 for d in diags if d.severity == "error")
    failed = sum(1 for f in report.files if not f.ok)
    summary = text(
        "cli.validate_summary",
        lang,
        files=plural("cli.files_count", len(report.files), lang),
        failed=failed,
        errors=plural("cli.errors_count", n_err, lang),
    )
    stdout.print(summary if report.ok else (summary, "red"), soft_wrap=whole)
    if not report.ok:
        raise typer.Exit(1)


def _rel(path: Path) -> Path:
    from commkit.shown_path import below_here

    below = below_here(path.resolve())
    return path if below is None else Path(below)


def register(app: typer.Typer) -> None:
    app.command("validate")(validate)

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
    from commkit.cli.output import diagnostic_text, err, esc, out, print_json

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
    console = out()
    for entry in report.files:
        errors = [d for d in entry.diagnostics if d.severity == "error"]
        warnings = [d for d in entry.diagnostics if d.severity != "error"]
        mark = (
            f"[green]{text('cli.validate_ok', lang):<4}[/]"
            if not errors
            else f"[red]{text('cli.validate_fail', lang)}[/]"
        )
        detail = f" ({esc(kinds.get(entry.kind, entry.kind))})" if entry.kind else ""
        extra = []
        if errors:
            extra.append(plural("cli.errors_count", len(errors), lang))
        if warnings:
            extra.append(plural("cli.warnings_count", len(warnings), lang))
        tail = f": {', '.join(extra)}" if extra else ""
        # broken at spaces in a terminal (never inside a word); one line for tools
        console.print(
            f"{mark} {esc(_rel(entry.path))}{detail}{tail}",
            soft_wrap=not console.is_terminal,
            highlight=False,
        )
        console.file.flush()
        for diag in sorted(entry.diagnostics, key=lambda d: (d.line or 0, d.column or 0)):
            stderr = err()
            stderr.print(
                diagnostic_text(stderr, diag), markup=False, soft_wrap=True, highlight=False
            )
    for change in report.changes:
        console.print(
            "  " + text("cli.validate_overlay", lang, change=change),
            soft_wrap=True,
            markup=False,
            highlight=False,
        )
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
    console.print(summary if report.ok else f"[red]{summary}[/]", highlight=False)
    if not report.ok:
        raise typer.Exit(1)


def _rel(path: Path) -> Path:
    try:
        return path.resolve().relative_to(Path.cwd())
    except ValueError:
        return path


def register(app: typer.Typer) -> None:
    app.command("validate")(validate)

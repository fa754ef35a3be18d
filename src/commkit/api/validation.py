"""``commkit validate``: read packs, workspaces and single files and gather every problem
in a :class:`~commkit.core.validation.ValidationReport` (the checks themselves are the
model's and the core's)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from commkit.api._common import pack_data
from commkit.core.validation import FileReport, ValidationReport
from commkit.errors import ContentError, Diagnostic
from commkit.model.pack_paths import MANIFEST, default_pack_dir, pack_files

if TYPE_CHECKING:
    from commkit.model.pack import ContentPack


def is_pack(path: Path) -> bool:
    """A folder checked as a whole content pack (cross-references included)."""
    return path.is_dir() and (
        (path / "methodology").is_dir()
        or (path / "checklists").is_dir()
        or (path / MANIFEST).is_file()
    )


def yaml_files(folder: Path) -> list[Path]:
    """The YAML files below a folder, hidden ones left out, in a stable order."""
    return sorted(
        p
        for p in folder.rglob("*")
        if p.suffix in {".yaml", ".yml"}
        and p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


def _spread(report: ValidationReport, files: list[Path], diags: list[Diagnostic]) -> None:
    by_file: dict[Path, FileReport] = {}
    for path in files:
        entry = FileReport(path)
        by_file[path.resolve()] = entry
        report.files.append(entry)
    for diag in diags:
        key = diag.file.resolve() if diag.file else None
        target = by_file.get(key) if key else None
        if target is None:
            target = FileReport(diag.file or Path("<pack>"))
            report.files.append(target)
            if key:
                by_file[key] = target
        target.diagnostics.append(diag)


def validate_pack(
    root: Path | None, strict_i18n: bool = False
) -> tuple[ValidationReport, ContentPack | None]:
    """Validate a whole pack (``None``: the default one), overlay included."""
    from commkit.core.validation import migration_values
    from commkit.model.pack import load_pack_uncached, read_manifest

    report = ValidationReport()
    base = root if root is not None else default_pack_dir()
    files = pack_files(base)
    try:
        manifest = read_manifest(base)
    except ContentError as exc:
        _spread(report, [base / MANIFEST], exc.diagnostics)
        return report, None
    if manifest is not None:
        files = [base / MANIFEST, *files]
        if manifest.extends == "default":
            files = [*files, *pack_files(default_pack_dir())]
    pack: ContentPack | None = None
    diags: list[Diagnostic] = []
    try:
        pack = load_pack_uncached(root)
    except ContentError as exc:
        diags.extend(exc.diagnostics)
    if pack is not None:
        diags.extend(d for d in pack.warnings if d.severity == "warning")
        diags.extend(migration_values(pack))
        report.changes = list(pack.changes)
        if strict_i18n:
            diags.extend(pack.missing_translations())
    _spread(report, files, diags)
    for entry in report.files:
        entry.kind = _kind_of(entry.path)
    return report, pack


def pack_report(root: Path | None, strict_i18n: bool = False) -> ValidationReport:
    """:func:`validate_pack`'s report, from the disk cache while the pack's files and commkit
    are unchanged: it is a function of their bytes and the options alone."""
    data = pack_data(
        "validate", [strict_i18n], root, lambda: validate_pack(root, strict_i18n)[0].to_data()
    )
    return ValidationReport.from_data(data)


def _kind_of(path: Path) -> str | None:
    try:
        with path.open("r", encoding="utf-8", errors="replace") as handle:
            for _ in range(20):
                line = handle.readline()
                if not line:
                    break
                if line.startswith("kind:"):
                    return line.split(":", 1)[1].strip().strip("'\"") or None
    except OSError:
        return None
    return None


def validate_files(
    paths: list[Path], pack: ContentPack | None, strict_i18n: bool = False
) -> ValidationReport:
    """Validate single files (kind from the header); answers are checked against the pack."""
    from commkit.core.validation import answer_problems
    from commkit.model.loader import kind_model, parse_file, validate_document

    report = ValidationReport()
    for path in paths:
        entry = FileReport(path)
        report.files.append(entry)
        try:
            doc = parse_file(path)
            model_cls = kind_model(doc)
            entry.kind = doc.kind
            model = validate_document(doc, model_cls)
        except ContentError as exc:
            entry.diagnostics.extend(exc.diagnostics)
            if entry.kind is None:
                entry.kind = _kind_of(path)
            continue
        if strict_i18n:
            from commkit.model.i18n_check import missing_translations

            entry.diagnostics.extend(missing_translations(model, doc))
        if entry.kind in ("answers", "assessment") and pack is not None:
            entry.diagnostics.extend(answer_problems(pack, model, doc))
    return report


def validate_paths(
    paths: list[Path], pack_dir: Path | None, strict_i18n: bool = False
) -> ValidationReport:
    """Validate what the user named: packs, workspaces, folders of files, single files."""
    report = ValidationReport()
    pack: ContentPack | None = None
    if not paths:
        return pack_report(pack_dir, strict_i18n)
    loose: list[Path] = []
    for path in paths:
        if not path.exists():
            report.files.append(
                FileReport(path, None, [Diagnostic("no such file or folder", file=path)])
            )
        elif is_pack(path):
            sub = pack_report(path, strict_i18n)
            report.files.extend(sub.files)
            report.changes.extend(sub.changes)
        elif path.is_dir():
            loose.extend(yaml_files(path))
        else:
            loose.append(path)
    if loose:
        if pack is None:
            from commkit.model.pack import load_pack_uncached

            try:
                pack = load_pack_uncached(pack_dir)
            except ContentError:
                pack = None
        report.files.extend(validate_files(loose, pack, strict_i18n).files)
    return report

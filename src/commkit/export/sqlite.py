"""A workspace as one SQLite database, for Datasette, sqlite3, pandas or a BI tool.

The tables are made with sqlite-utils (primary and foreign keys, indexes on the columns
people filter by, full-text search on names and notes, views for the latest assessment of
each community). Rows are inserted with plain ``executemany`` because a region of 10,000
communities has about 700,000 answers.

Re-export is incremental: ``_commkit_sources`` remembers, for each profile file, the size
and modification time of the profile and of its assessments; only communities whose files
changed are read again, and communities whose profile disappeared are deleted. A change of
language, checklist, roadmap or export schema rebuilds the whole database (in a temporary
file renamed over the old one, so readers never see a half-built database).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from commkit.errors import Diagnostic, OutputExistsError, UserError
from commkit.model.answers import Assessment
from commkit.model.common import tr
from commkit.model.pack import ContentPack, content_hash
from commkit.model.workspace import Community
from commkit.model.workspace_loader import Workspace, load_model

SCHEMA_VERSION = "1"

Columns = dict[str, type]
METRIC_COLUMNS = (
    "members",
    "audience",
    "leaders",
    "events",
    "projects",
    "publications",
    "support_measures",
    "initiatives",
)


@dataclass(frozen=True)
class TableSpec:
    columns: Columns
    pk: str | tuple[str, ...]
    foreign_keys: tuple[tuple[str, str, str], ...] = ()
    indexes: tuple[tuple[str, ...], ...] = ()
    fts: tuple[str, ...] = ()


def per_assessment(item: str, table: str, columns: Columns, **settings: Any) -> TableSpec:
    """A table of one row per assessment and ``item`` (a dimension, a question, an action):
    keyed by both, its rows tied to the assessment, to the item's reference table and to the
    community (so a community's rows can be deleted and refilled)."""
    return TableSpec(
        {"assessment": str, item: str, "community": str, **columns},
        ("assessment", item),
        (
            ("assessment", "assessments", "id"),
            (item, table, "id"),
            ("community", "communities", "slug"),
        ),
        **settings,
    )


COMMUNITY_TABLES: dict[str, TableSpec] = {
    "communities": TableSpec(
        {
            "slug": str,
            "name": str,
            "description": str,
            "format": str,
            "platform": str,
            "formalised": int,
            "founded": str,
            "topics": str,
            "links": str,
            "file": str,
        },
        "slug",
        indexes=(("format",), ("platform",)),
        fts=("name", "description"),
    ),
    "leaders": TableSpec(
        {"community": str, "position": int, "name": str, "role": str},
        ("community", "position"),
        (("community", "communities", "slug"),),
        fts=("name",),
    ),
    "snapshots": TableSpec(
        {
            "community": str,
            "position": int,
            "date": str,
            "source": str,
            **dict.fromkeys(METRIC_COLUMNS, int),
            "note": str,
        },
        ("community", "position"),
        (("community", "communities", "slug"),),
        indexes=(("date",), ("source",)),
        fts=("note",),
    ),
    "assessments": TableSpec(
        {
            "id": str,
            "community": str,
            "date": str,
            "checklist": str,
            "checklist_version": str,
            "checklist_hash": str,
            "language": str,
            "overall": float,
            "stage": str,
            "stage_title": str,
            "next_stage": str,
            "dont_know": int,
            "not_applicable": int,
            "file": str,
        },
        "id",
        (("community", "communities", "slug"), ("stage", "stages", "id")),
        indexes=(("community", "date"), ("date",), ("stage",), ("checklist_version",)),
    ),
    "dimension_scores": per_assessment(
        "dimension",
        "dimensions",
        {
            "date": str,
            "dimension_title": str,
            "score": float,
            "answered": int,
            "dont_know": int,
            "not_applicable": int,
            "unanswered": int,
        },
        indexes=(("dimension",), ("community",)),
    ),
    "answers": per_assessment(
        "question",
        "questions",
        {
            "date": str,
            "dimension": str,
            "status": str,
            "value": str,
            "value_number": float,
            "note": str,
        },
        indexes=(("question",), ("status",), ("dimension",), ("community",)),
        fts=("note",),
    ),
    "assessment_actions": per_assessment(
        "action",
        "actions",
        {"position": int, "action_title": str},
        indexes=(("action",), ("community",)),
    ),
}
"""Tables filled per community: an incremental export deletes and refills a community's rows."""

REFERENCE_TABLES: dict[str, TableSpec] = {
    "stages": TableSpec(
        {"id": str, "position": int, "title": str, "min_score": float, "meaning": str}, "id"
    ),
    "dimensions": TableSpec(
        {"id": str, "position": int, "title": str, "weight": float, "description": str}, "id"
    ),
    "questions": TableSpec(
        {"id": str, "dimension": str, "position": int, "type": str, "text": str, "weight": float},
        "id",
        (("dimension", "dimensions", "id"),),
        indexes=(("dimension",),),
    ),
    "actions": TableSpec(
        {
            "id": str,
            "chapter": str,
            "title": str,
            "owner": str,
            "duration_days": int,
            "depends_on": str,
            "metrics": str,
        },
        "id",
        indexes=(("owner",), ("chapter",)),
    ),
    "metrics": TableSpec({"id": str, "position": int, "name": str}, "id"),
    "actors": TableSpec(
        {"id": str, "name": str, "sector": str, "status": str, "description": str},
        "id",
        indexes=(("sector",), ("status",)),
        fts=("name", "description"),
    ),
    "links": TableSpec(
        {
            "id": int,
            "source": str,
            "target": str,
            "source_type": str,
            "target_type": str,
            "kind": str,
            "status": str,
            "note": str,
        },
        "id",
        indexes=(("source",), ("target",), ("status",)),
    ),
}
"""Tables from the content pack and region.yaml: small, refilled on every export."""

VIEWS: dict[str, str] = {
    "latest_assessments": """
SELECT a.community, c.name AS community_name, a.date, a.overall, a.stage, a.stage_title,
       a.next_stage, a.checklist_version, a.id AS assessment
FROM assessments a JOIN communities c ON c.slug = a.community
WHERE a.id = (SELECT b.id FROM assessments b WHERE b.community = a.community
              ORDER BY b.date DESC, b.id DESC LIMIT 1)""",
    "latest_dimension_scores": """
SELECT l.community, l.community_name, l.date, l.stage, d.dimension, d.dimension_title, d.score
FROM latest_assessments l JOIN dimension_scores d ON d.assessment = l.assessment""",
    "latest_snapshots": """
SELECT s.community, c.name AS community_name, s.date, s.source, s.members, s.audience,
       s.leaders, s.events, s.projects, s.publications, s.support_measures, s.initiatives
FROM snapshots s JOIN communities c ON c.slug = s.community
WHERE s.position = (SELECT t.position FROM snapshots t WHERE t.community = s.community
                    ORDER BY t.date DESC, t.position DESC LIMIT 1)""",
}
VIEW_COLUMNS: dict[str, list[str]] = {
    "latest_assessments": [
        "community",
        "community_name",
        "date",
        "overall",
        "stage",
        "stage_title",
        "next_stage",
        "checklist_version",
        "assessment",
    ],
    "latest_dimension_scores": [
        "community",
        "community_name",
        "date",
        "stage",
        "dimension",
        "dimension_title",
        "score",
    ],
    "latest_snapshots": ["community", "community_name", "date", "source", *METRIC_COLUMNS],
}


@dataclass
class ExportResult:
    """What an export did; ``full`` is False when only changed communities were re-read."""

    database: Path
    metadata: Path
    full: bool
    communities: int = 0
    assessments: int = 0
    answers: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    problems: list[Diagnostic] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "database": str(self.database),
            "metadata": str(self.metadata),
            "full": self.full,
            "communities": self.communities,
            "assessments": self.assessments,
            "answers": self.answers,
            "updated": self.updated,
            "removed": self.removed,
            "unchanged": self.unchanged,
            "problems": [str(d) for d in self.problems],
        }


def metadata_path(database: Path) -> Path:
    """``region.db`` -> ``region.metadata.json`` (``datasette region.db -m ...``)."""
    return database.with_name(database.stem + ".metadata.json")


# ------------------------------------------------------------------ signatures


def _stat_key(path: Path) -> str:
    stat = path.stat()
    return f"{stat.st_size}:{stat.st_mtime_ns}"


def _signature(workspace: Workspace, profile: Path) -> str:
    """Size and mtime of a profile and of every assessment of the slug its file names."""
    parts = [_stat_key(profile)]
    parts.extend(f"{p.name}={_stat_key(p)}" for p in workspace.assessment_paths(profile.stem))
    return "|".join(parts)


def _settings(pack: ContentPack, lang: str) -> dict[str, str]:
    return {
        "schema": SCHEMA_VERSION,
        "lang": lang,
        "checklist": content_hash(pack.checklist),
        "roadmap": content_hash(pack.roadmap),
    }


# ------------------------------------------------------------------ rows


def _answer_value(value: Any) -> tuple[str | None, float | None]:
    if value is None:
        return None, None
    if isinstance(value, bool):
        return ("yes" if value else "no"), (1.0 if value else 0.0)
    if isinstance(value, int | float):
        return str(value), float(value)
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False), None
    return str(value), None


def all_questions(pack: ContentPack) -> list[Any]:
    """The current checklist's questions, then those of earlier versions kept in the pack
    that it no longer asks (old assessments answer them; ids are never reused)."""
    questions = list(pack.checklist.questions)
    seen = {q.id for q in questions}
    for old in pack.history.values():
        for q in old.questions:
            if q.id not in seen:
                seen.add(q.id)
                questions.append(q)
    return questions


class _Rows:
    """Rows of one community for each table, as tuples in column order."""

    def __init__(self, pack: ContentPack, lang: str) -> None:
        checklist = pack.checklist
        self.lang = lang
        self.dimension_of = {q.id: q.dimension for q in all_questions(pack)}
        self.dimension_title = {d.id: tr(d.title, lang) for d in checklist.dimensions}
        self.stage_title = {s.id: tr(s.title, lang) for s in checklist.stages}
        self.stage_ids = set(self.stage_title)
        self.question_ids = set(self.dimension_of)
        self.action_title = {a.id: tr(a.title, lang) for a in pack.roadmap.actions}
        self.tables: dict[str, list[tuple[Any, ...]]] = {t: [] for t in COMMUNITY_TABLES}

    def clear(self) -> None:
        for rows in self.tables.values():
            rows.clear()

    def community(self, community: Community, file: str) -> None:
        slug = community.slug
        self.tables["communities"].append(
            (
                slug,
                tr(community.name, self.lang),
                tr(community.description, self.lang) if community.description else None,
                community.format,
                tr(community.platform, self.lang) or None,
                int(community.formalised),
                community.founded,
                json.dumps([tr(t, self.lang) for t in community.topics], ensure_ascii=False),
                json.dumps(community.links, ensure_ascii=False),
                file,
            )
        )
        for position, leader in enumerate(community.leaders, start=1):
            role = tr(leader.role, self.lang) or None
            self.tables["leaders"].append((slug, position, tr(leader.name, self.lang), role))
        for position, snap in enumerate(community.snapshots, start=1):
            self.tables["snapshots"].append(
                (
                    slug,
                    position,
                    snap.date.isoformat(),
                    snap.source,
                    *(getattr(snap, m) for m in METRIC_COLUMNS),
                    snap.note,
                )
            )

    def assessment(self, slug: str, assessment: Assessment, file: str, stem: str) -> None:
        key = f"{slug}/{stem}"
        day = assessment.date.isoformat()
        result = assessment.result
        statuses = [a.status for a in assessment.answers.values()]
        stage = result.stage if result.stage in self.stage_ids else None
        self.tables["assessments"].append(
            (
                key,
                slug,
                day,
                assessment.checklist.id,
                assessment.checklist.version,
                assessment.checklist.hash,
                assessment.language,
                round(result.overall, 1),
                stage,
                self.stage_title.get(result.stage, result.stage),
                result.next_stage,
                statuses.count("dont_know"),
                statuses.count("not_applicable"),
                file,
            )
        )
        for dim in result.dimensions:
            self.tables["dimension_scores"].append(
                (
                    key,
                    dim.id,
                    slug,
                    day,
                    self.dimension_title.get(dim.id, dim.id),
                    None if dim.score is None else round(dim.score, 1),
                    dim.answered,
                    dim.dont_know,
                    dim.not_applicable,
                    dim.unanswered,
                )
            )
        for question, answer in assessment.answers.items():
            text, number = _answer_value(answer.value)
            known = question in self.question_ids
            self.tables["answers"].append(
                (
                    key,
                    question,
                    slug,
                    day,
                    self.dimension_of.get(question) if known else None,
                    answer.status,
                    text,
                    number,
                    tr(answer.note, self.lang) or None,
                )
            )
        for position, action in enumerate(dict.fromkeys(result.actions), start=1):
            title = self.action_title.get(action)
            self.tables["assessment_actions"].append((key, action, slug, position, title))


def _reference_rows(
    pack: ContentPack, workspace: Workspace, lang: str
) -> dict[str, list[tuple[Any, ...]]]:
    from commkit.core.region_map import FALLBACK_METRIC_NAMES, METRIC_IDS

    checklist = pack.checklist
    metric_names = {m.id: m.name for m in pack.methodology.metrics}
    rows: dict[str, list[tuple[Any, ...]]] = {
        "stages": [
            (s.id, i, tr(s.title, lang), s.min_score, tr(s.meaning, lang))
            for i, s in enumerate(checklist.stages, start=1)
        ],
        "dimensions": [
            (d.id, i, tr(d.title, lang), d.weight, tr(d.description, lang) or None)
            for i, d in enumerate(checklist.dimensions, start=1)
        ],
        "questions": [
            (q.id, q.dimension, i, q.type, tr(q.text, lang), q.weight)
            for i, q in enumerate(all_questions(pack), start=1)
        ],
        "actions": [
            (
                a.id,
                a.chapter,
                tr(a.title, lang),
                a.owner,
                a.duration_days,
                json.dumps(a.depends_on),
                json.dumps(a.metrics),
            )
            for a in pack.roadmap.actions
        ],
        "metrics": [
            (m, i, tr(metric_names.get(m) or FALLBACK_METRIC_NAMES[m], lang))
            for i, m in enumerate(METRIC_IDS, start=1)
        ],
        "actors": [],
        "links": [],
    }
    region = workspace.region
    if region is not None:
        actors = {a.id for a in region.ecosystem.actors}
        rows["actors"] = [
            (a.id, tr(a.name, lang), a.sector, a.status, tr(a.description, lang) or None)
            for a in region.ecosystem.actors
        ]
        rows["links"] = [
            (
                i,
                link.source,
                link.target,
                "actor" if link.source in actors else "community",
                "actor" if link.target in actors else "community",
                tr(link.kind, lang),
                link.status,
                tr(link.note, lang) or None,
            )
            for i, link in enumerate(region.ecosystem.links, start=1)
        ]
    return rows


# ------------------------------------------------------------------ the database


def _connect(path: Path) -> Any:
    import sqlite_utils

    conn = sqlite3.connect(str(path))
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute("PRAGMA synchronous=OFF" if not path.exists() else "PRAGMA synchronous=NORMAL")
    return sqlite_utils.Database(conn)


def _create(db: Any) -> None:
    """Tables with keys, then indexes, full-text search with triggers, and the views."""
    for specs in (REFERENCE_TABLES, COMMUNITY_TABLES):
        for name, spec in specs.items():
            db[name].create(
                spec.columns,
                pk=spec.pk,
                foreign_keys=list(spec.foreign_keys),
                not_null={spec.pk} if isinstance(spec.pk, str) else set(spec.pk),
            )
    db["_commkit_export"].create({"key": str, "value": str}, pk="key")
    db["_commkit_sources"].create({"file": str, "slug": str, "signature": str}, pk="file")


def _finish(db: Any) -> None:
    for specs in (REFERENCE_TABLES, COMMUNITY_TABLES):
        for name, spec in specs.items():
            for fk_column, _, _ in spec.foreign_keys:
                if not any(index[0] == fk_column for index in spec.indexes):
                    db[name].create_index([fk_column], if_not_exists=True)
            for columns in spec.indexes:
                db[name].create_index(list(columns), if_not_exists=True)
            if spec.fts:
                db[name].enable_fts(list(spec.fts), create_triggers=True, tokenize="unicode61")
    for name, sql in VIEWS.items():
        db.create_view(name, sql.strip(), replace=True)


def _insert(conn: sqlite3.Connection, table: str, spec: TableSpec, rows: list[Any]) -> None:
    if rows:
        marks = ", ".join("?" * len(spec.columns))
        names = ", ".join(f"[{c}]" for c in spec.columns)
        conn.executemany(f"INSERT INTO [{table}] ({names}) VALUES ({marks})", rows)


def _delete_community(conn: sqlite3.Connection, slug: str) -> None:
    for table in reversed(COMMUNITY_TABLES):
        column = "slug" if table == "communities" else "community"
        conn.execute(f"DELETE FROM [{table}] WHERE [{column}] = ?", (slug,))


def _fill_reference(conn: sqlite3.Connection, pack: ContentPack, ws: Workspace, lang: str) -> None:
    for table, rows in _reference_rows(pack, ws, lang).items():
        conn.execute(f"DELETE FROM [{table}]")
        _insert(conn, table, REFERENCE_TABLES[table], rows)


BATCH = 500
"""Communities per insert batch (bounded memory, few round trips)."""


def _fill_communities(
    conn: sqlite3.Connection,
    ws: Workspace,
    pack: ContentPack,
    lang: str,
    paths: Sequence[Path],
    signatures: dict[Path, str],
    result: ExportResult,
    progress: Callable[[int, int], None] | None,
    fresh: bool = False,
) -> None:
    """Insert the rows of the communities in ``paths``; unless ``fresh`` (an empty database,
    not yet indexed), a community's old rows are deleted first."""
    rows = _Rows(pack, lang)
    seen: set[str] = set()

    def flush() -> None:
        for table, spec in COMMUNITY_TABLES.items():
            _insert(conn, table, spec, rows.tables[table])
        rows.clear()

    for done, (path, community) in enumerate(ws.communities(paths), start=1):
        relative = path.relative_to(ws.root).as_posix()
        if community is not None and community.slug not in seen:
            seen.add(community.slug)
            if not fresh:
                _delete_community(conn, community.slug)
            rows.community(community, relative)
            result.communities += 1
            for stem, assessment in _assessments(ws, community.slug):
                file = f"assessments/{community.slug}/{stem}.yaml"
                rows.assessment(community.slug, assessment, file, stem)
                result.assessments += 1
                result.answers += len(assessment.answers)
            slug = community.slug
        else:
            slug = None
        conn.execute(
            "INSERT OR REPLACE INTO _commkit_sources (file, slug, signature) VALUES (?, ?, ?)",
            (relative, slug, signatures[path]),
        )
        if done % BATCH == 0:
            flush()
        if progress is not None:
            progress(done, len(paths))
    flush()


def _assessments(ws: Workspace, slug: str) -> Iterator[tuple[str, Assessment]]:
    for path in ws.assessment_paths(slug):
        assessment, problems = load_model(path, Assessment)
        ws.diagnostics.extend(problems)
        if assessment is not None:
            yield path.stem, assessment


def export_sqlite(
    workspace: Workspace,
    pack: ContentPack,
    database: Path,
    *,
    lang: str = "en",
    replace: bool = False,
    full: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ExportResult:
    """Write (or bring up to date) the database and its Datasette ``metadata.json``.

    A new database is built in a temporary file and renamed into place. An existing one is
    refused unless ``replace``; then, if it was made by the same export settings, only
    changed communities are re-read (``full`` forces a rebuild).
    """
    from commkit.fsutil import atomic_build, atomic_write_text

    meta = metadata_path(database)
    if database.exists() and not replace:
        raise OutputExistsError(f"{database} already exists (use --replace to bring it up to date)")
    settings = _settings(pack, lang)
    paths = workspace.community_paths()
    signatures = {p: _signature(workspace, p) for p in paths}
    previous = None if full or not database.exists() else _previous(database, settings)
    if previous is None:
        result = ExportResult(database, meta, full=True)

        def build(tmp: Path) -> None:
            db = _connect(tmp)
            try:
                _create(db)
                with db.conn:
                    _fill_reference(db.conn, pack, workspace, lang)
                    _fill_communities(
                        db.conn, workspace, pack, lang, paths, signatures, result, progress, True
                    )
                    db.conn.executemany(
                        "INSERT INTO _commkit_export (key, value) VALUES (?, ?)",
                        sorted(settings.items()),
                    )
                _finish(db)
                db.conn.execute("ANALYZE")
            finally:
                db.conn.close()

        atomic_build(database, build, force=True)
    else:
        result = ExportResult(database, meta, full=False)
        relative = {p.relative_to(workspace.root).as_posix(): p for p in paths}
        changed = [p for rel, p in relative.items() if previous.get(rel) != signatures[p]]
        gone = [rel for rel in previous if rel not in relative]
        result.unchanged = len(paths) - len(changed)
        db = _connect(database)
        try:
            with db.conn:
                for rel in gone:
                    row = db.conn.execute(
                        "SELECT slug FROM _commkit_sources WHERE file = ?", (rel,)
                    ).fetchone()
                    if row and row[0]:
                        _delete_community(db.conn, row[0])
                    db.conn.execute("DELETE FROM _commkit_sources WHERE file = ?", (rel,))
                for path in changed:
                    rel = path.relative_to(workspace.root).as_posix()
                    row = db.conn.execute(
                        "SELECT slug FROM _commkit_sources WHERE file = ?", (rel,)
                    ).fetchone()
                    if row and row[0]:
                        _delete_community(db.conn, row[0])
                _fill_reference(db.conn, pack, workspace, lang)
                _fill_communities(
                    db.conn, workspace, pack, lang, changed, signatures, result, progress
                )
            result.updated = len(changed)
            result.removed = len(gone)
            result.communities = _count(db.conn, "communities")
            result.assessments = _count(db.conn, "assessments")
            result.answers = _count(db.conn, "answers")
        finally:
            db.conn.close()
    result.problems = list(workspace.diagnostics)
    columns = {t: list(s.columns) for t, s in {**REFERENCE_TABLES, **COMMUNITY_TABLES}.items()}
    columns.update(VIEW_COLUMNS)
    from commkit.export.labels import datasette_metadata

    region = tr(workspace.region.name, lang) if workspace.region else workspace.name
    document = datasette_metadata(database.stem, region, lang, columns)
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    atomic_write_text(meta, text, force=True)
    return result


def _count(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0])


def _previous(database: Path, settings: dict[str, str]) -> dict[str, str] | None:
    """The source signatures of an earlier export with the same settings, else ``None``."""
    try:
        conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise UserError(f"{database}: not a SQLite database ({exc})") from None
    try:
        stored = dict(conn.execute("SELECT key, value FROM _commkit_export").fetchall())
        if stored != settings:
            return None
        return dict(conn.execute("SELECT file, signature FROM _commkit_sources").fetchall())
    except sqlite3.DatabaseError as exc:
        if "no such table" in str(exc):
            return None
        raise UserError(f"{database}: not a SQLite database ({exc})") from None
    finally:
        conn.close()

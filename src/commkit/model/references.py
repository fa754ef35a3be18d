"""Checks across files of a pack: ids unique, references resolve, no dependency cycles."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from commkit.errors import Diagnostic
from commkit.model.condition import Condition
from commkit.model.content_pack import ContentPack
from commkit.model.graph import find_cycle as find_cycle
from commkit.model.loader import Document, Path_


class _Report:
    def __init__(self, pack: ContentPack) -> None:
        self.pack = pack
        self.diagnostics: list[Diagnostic] = []

    def add(self, key: str, path: Path_, message: str, severity: str = "error") -> None:
        doc: Document | None = self.pack.documents.get(key)
        if doc is None:
            self.diagnostics.append(Diagnostic(message, field=str(path), severity=severity))
        else:
            self.diagnostics.append(doc.diagnostic(path, message, severity=severity))

    def unique(self, key: str, items: Sequence[Any], path: Path_, what: str) -> set[str]:
        seen: set[str] = set()
        for i, item in enumerate(items):
            if item.id in seen:
                self.add(key, (*path, i, "id"), f"duplicate {what} id {item.id!r}")
            seen.add(item.id)
        return seen

    def known(self, key: str, path: Path_, value: str, valid: Iterable[str], what: str) -> None:
        valid_set = set(valid)
        if value not in valid_set:
            import difflib

            hint = difflib.get_close_matches(value, sorted(valid_set), n=1)
            extra = f" (did you mean {hint[0]!r}?)" if hint else ""
            self.add(key, path, f"unknown {what} {value!r}{extra}")


def check_pack(pack: ContentPack) -> list[Diagnostic]:
    r = _Report(pack)
    m = pack.methodology
    mk = f"methodology/{m.id}"
    for name in (
        "concepts",
        "objectives",
        "metrics",
        "prerequisites",
        "support_emphases",
        "next_steps",
        "roles",
        "chapters",
        "community_kinds",
    ):
        r.unique(mk, getattr(m, name), (name,), name.rstrip("s").replace("_", " "))
    roles = {role.id: role for role in m.roles}
    chapters = {c.id for c in m.chapters}
    metrics = {x.id for x in m.metrics}
    numbers: set[int] = set()
    for i, chapter in enumerate(m.chapters):
        r.known(mk, ("chapters", i, "owner"), chapter.owner, roles, "role")
        if chapter.number in numbers:
            r.add(mk, ("chapters", i, "number"), f"duplicate chapter number {chapter.number}")
        numbers.add(chapter.number)
        r.unique(mk, chapter.steps, ("chapters", i, "steps"), "step")
    for i, role in enumerate(m.roles):
        functions = r.unique(mk, role.functions, ("roles", i, "functions"), "function")
        for j, slot in enumerate(role.weekly_schedule):
            if slot.function is not None:
                r.known(
                    mk,
                    ("roles", i, "weekly_schedule", j, "function"),
                    slot.function,
                    functions,
                    "function of this role",
                )

    dimensions: set[str] = set()
    questions: dict[str, Any] = {}
    stages: set[str] = set()
    for checklist in pack.checklists.values():
        ck = f"checklist/{checklist.id}"
        dims = r.unique(ck, checklist.dimensions, ("dimensions",), "dimension")
        dimensions |= dims
        r.unique(ck, checklist.questions, ("questions",), "question")
        r.unique(ck, checklist.stages, ("stages",), "stage")
        earlier: dict[str, Any] = {}
        for i, q in enumerate(checklist.questions):
            r.known(ck, ("questions", i, "dimension"), q.dimension, dims, "dimension")
            if q.when is not None:
                _check_condition(
                    r,
                    ck,
                    ("questions", i, "when"),
                    q.when,
                    earlier,
                    dims,
                    None,
                    allow=("question",),
                    earlier_only=True,
                    all_q=checklist,
                )
            earlier[q.id] = q
        questions.update(earlier)
        previous = None
        for i, stage in enumerate(checklist.stages):
            if previous is not None and stage.min_score <= previous:
                r.add(
                    ck,
                    ("stages", i, "min_score"),
                    f"stage thresholds must increase strictly: {stage.min_score:g} follows "
                    f"{previous:g}",
                )
            previous = stage.min_score
            for dim_id in stage.descriptors:
                r.known(ck, ("stages", i, "descriptors", dim_id), dim_id, dims, "dimension")
            for j, cond in enumerate(stage.requires):
                _check_condition(
                    r,
                    ck,
                    ("stages", i, "requires", j),
                    cond,
                    earlier,
                    dims,
                    None,
                    allow=("question", "dimension"),
                )
        if checklist.stages and (
            checklist.stages[0].min_score != 0 or checklist.stages[0].requires
        ):
            r.add(
                ck,
                ("stages", 0),
                "the first stage must have min_score 0 and no 'requires', "
                "so that every community has a stage",
            )
        for i, dim in enumerate(checklist.dimensions):
            if not any(q.dimension == dim.id for q in checklist.questions):
                r.add(
                    ck,
                    ("dimensions", i, "id"),
                    f"dimension {dim.id!r} has no questions",
                    severity="warning",
                )
        stages |= {s.id for s in checklist.stages}

    rk = f"roadmap/{pack.roadmap.id}"
    actions = r.unique(rk, pack.roadmap.actions, ("actions",), "action")
    seminar_ids = {s.id for s in pack.seminars}
    for i, action in enumerate(pack.roadmap.actions):
        base = ("actions", i)
        r.known(rk, (*base, "chapter"), action.chapter, chapters, "chapter")
        r.known(rk, (*base, "owner"), action.owner, roles, "role")
        for j, dep in enumerate(action.depends_on):
            r.known(rk, (*base, "depends_on", j), dep, actions, "action")
        for j, metric in enumerate(action.metrics):
            r.known(rk, (*base, "metrics", j), metric, metrics, "metric")
        if action.seminar is not None:
            r.known(rk, (*base, "seminar"), action.seminar, seminar_ids, "seminar")
        if action.taught_in is not None:
            r.known(rk, (*base, "taught_in"), action.taught_in, seminar_ids, "seminar")
        if action.region_triggers and action.level != "region":
            r.add(
                rk,
                (*base, "region_triggers"),
                "region_triggers fire in the regional plan: only a 'level: region' action "
                "takes them",
            )
        for j, rtrig in enumerate(action.region_triggers):
            _check_condition(
                r,
                rk,
                (*base, "region_triggers", j, "when"),
                rtrig.when,
                questions,
                dimensions,
                stages,
                allow=("question", "dimension", "stage"),
            )
        for j, trig in enumerate(action.triggers):
            _check_condition(
                r,
                rk,
                (*base, "triggers", j),
                trig,
                questions,
                dimensions,
                stages,
                allow=("question", "dimension", "stage"),
            )
    cycle = find_cycle({a.id: a.depends_on for a in pack.roadmap.actions})
    if cycle:
        index = next(i for i, a in enumerate(pack.roadmap.actions) if a.id == cycle[0])
        r.add(
            rk,
            ("actions", index, "depends_on"),
            "dependency cycle: " + " -> ".join([*cycle, cycle[0]]),
        )

    numbers_seen: dict[int, str] = {}
    for seminar in pack.seminars:
        sk = f"seminar/{seminar.id}"
        if seminar.number in numbers_seen:
            r.add(
                sk,
                ("number",),
                f"number {seminar.number} is also used by {numbers_seen[seminar.number]!r}",
            )
        numbers_seen[seminar.number] = seminar.id
        for j, chapter_id in enumerate(seminar.chapters):
            r.known(sk, ("chapters", j), chapter_id, chapters, "chapter")
        for j, dimension_id in enumerate(seminar.dimensions):
            r.known(sk, ("dimensions", j), dimension_id, dimensions, "dimension")
        r.unique(sk, seminar.exercises, ("exercises",), "exercise")
        exercise_ids = {e.id for e in seminar.exercises}
        for j, block in enumerate(seminar.agenda):
            if block.exercise is not None:
                r.known(sk, ("agenda", j, "exercise"), block.exercise, exercise_ids, "exercise")
    _check_migrations(r, pack)
    return r.diagnostics


def _check_migrations(r: _Report, pack: ContentPack) -> None:
    """Every migration handles each question of the version it starts from and answers or
    asks each question of the version it leads to."""
    from commkit.model.migration import coverage_problems

    for migration in pack.migrations:
        key = f"migration/{migration.id}"
        if migration.checklist not in pack.checklists:
            r.known(key, ("checklist",), migration.checklist, pack.checklists, "checklist")
            continue
        old = pack.checklist_version(migration.checklist, migration.from_version)
        new = pack.checklist_version(migration.checklist, migration.to_version)
        if old is None:
            r.add(
                key,
                ("from",),
                f"version {migration.from_version} of {migration.checklist!r} is not kept in "
                "checklists/history/: the migration cannot be checked against it",
                severity="warning",
            )
        if new is None:
            r.add(
                key,
                ("to",),
                f"no version {migration.to_version} of {migration.checklist!r} in this pack",
            )
        for path, message in coverage_problems(migration, old, new):
            r.add(key, path, message)


def _check_condition(
    r: _Report,
    key: str,
    path: Path_,
    cond: Condition,
    questions: dict[str, Any],
    dimensions: set[str],
    stages: set[str] | None,
    allow: tuple[str, ...],
    earlier_only: bool = False,
    all_q: Any = None,
) -> None:
    if cond.question is not None:
        if "question" not in allow:
            r.add(key, path, "a question condition is not allowed here")
            return
        if cond.question not in questions:
            later = all_q is not None and any(q.id == cond.question for q in all_q.questions)
            what = "an earlier question" if earlier_only else "a question"
            reason = " (it comes later: move it before this one)" if later else ""
            r.add(key, (*path, "question"), f"{cond.question!r} is not {what}{reason}")
            return
        question = questions[cond.question]
        values = [cond.equals] if cond.equals is not None else list(cond.any_of or [])
        if question.type in ("choice", "multi"):
            options = {o.id for o in question.options}
            for v in values:
                if str(v) not in options:
                    r.add(
                        key,
                        path,
                        f"{v!r} is not an option of {cond.question!r} "
                        f"(options: {', '.join(sorted(options))})",
                    )
        elif question.type == "yes_no":
            for v in values:
                if v not in ("yes", "no"):
                    r.add(
                        key,
                        path,
                        f"{cond.question!r} is a yes/no question: compare with 'yes' or 'no'",
                    )
        if (cond.at_least is not None or cond.below is not None) and question.type not in (
            "scale",
            "number",
        ):
            r.add(
                key, path, "at_least/below compare numbers: use them with scale or number questions"
            )
    elif cond.dimension is not None:
        if "dimension" not in allow:
            r.add(key, path, "a dimension condition is not allowed here")
            return
        r.known(key, (*path, "dimension"), cond.dimension, dimensions, "dimension")
    elif cond.stage is not None:
        if "stage" not in allow or stages is None:
            r.add(key, path, "a stage condition is not allowed here")
            return
        for j, stage in enumerate(cond.stage):
            r.known(key, (*path, "stage", j), stage, stages, "stage")

"""Carry answers from an older checklist version to a newer one through migrations (pure).

What a person sees of it: which answers were carried as they were, which were mapped and how
(old value -> new value), and which questions need a new answer. Nothing is guessed: an old
answer that a migration does not map leaves the new question to be asked again.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from commkit.errors import UserError
from commkit.model.answers import Answer, Answers, AnswerValue, ChecklistRef
from commkit.model.checklist import Checklist, Question
from commkit.model.common import join_texts
from commkit.model.migration import Migration, Step, value_key


@dataclass
class Move:
    """What happened to one new question (or one dropped old one)."""

    how: str  # carried, renamed, mapped, split, merged, asked, dropped
    new: str | None
    old: list[str] = field(default_factory=list)
    before: list[Any] = field(default_factory=list)
    after: Any = None
    why: str | None = None
    """Why it must be asked again: ``new`` (a new question), ``no_equivalent`` (the old
    answer has no new value), ``not_said`` (the old answer does not say it), ``not_given``
    (the old question was not answered), ``no_number`` (merged questions without numbers) or
    ``empty`` (an empty tick list where one option is needed)."""
    version: str = ""  # the migration's target version
    detail: Any = None  # the old value that has no equivalent

    @property
    def reason(self) -> str | None:
        """``why`` in words (English; renderers use the catalog's ``rescore.why_*``)."""
        if self.why is None:
            return None
        return REASONS[self.why].format(value=self.detail)


REASONS = {
    "new": "new question",
    "no_equivalent": "the old answer {value!r} has no equivalent",
    "not_said": "the old answer {value!r} does not say what the new question asks",
    "not_given": "the old answer was not given",
    "no_number": "none of the merged old questions had a number",
    "empty": "the old answer ticked nothing, and the question needs at least one option",
}


@dataclass
class Migrated:
    """Answers after every migration of the chain, and the story of each question."""

    answers: dict[str, Answer]
    moves: list[Move]
    path: list[str]  # versions passed through, oldest first

    def need_answer(self, checklist: Checklist) -> list[Question]:
        """New questions to ask: asked-again ones and required ones left without an answer,
        among those that apply (their ``when`` holds for the migrated answers)."""
        from commkit.core.scoring import asked_questions

        again = {m.new for m in self.moves if m.how == "asked" or m.why}
        return [
            q
            for q in asked_questions(checklist, self.answers)
            if q.id not in self.answers and (q.id in again or q.required) and q.type != "text"
        ]


def chain(migrations: Sequence[Migration], checklist: str, start: str, end: str) -> list[Migration]:
    """The migrations that lead from version ``start`` to ``end`` (empty if equal)."""
    steps: list[Migration] = []
    version, seen = start, {start}
    by_from = {m.from_version: m for m in migrations if m.checklist == checklist}
    while version != end:
        nxt = by_from.get(version)
        if nxt is None or nxt.to_version in seen:
            raise UserError(
                f"no migration leads from checklist {checklist!r} version {start} to {end}"
                + (f" (the chain stops at {version})" if version != start else "")
            )
        steps.append(nxt)
        seen.add(nxt.to_version)
        version = nxt.to_version
    return steps


def _map_value(step: Step, value: AnswerValue) -> tuple[AnswerValue | None, str | None, Any]:
    """The new value of an answered old question, or ``None``, why it cannot be mapped (a
    :attr:`Move.why` code) and the old value concerned."""
    if step.values is None:
        return value, None, None
    if isinstance(value, list):
        mapped: list[str] = []
        for item in value:
            new = step.values.get(value_key(item))
            if new is None:
                return None, "no_equivalent", item
            mapped.append(str(new))
        return sorted(set(mapped), key=mapped.index), None, None
    key = value_key(value)
    if key not in step.values:
        return None, "no_equivalent", key
    new_value = step.values[key]
    if new_value is None:
        return None, "not_said", key
    return new_value, None, None


def _number(value: AnswerValue | None) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def apply_step(
    step: Step, old: Mapping[str, Answer], version: str
) -> tuple[dict[str, Answer], list[Move]]:
    """New answers and moves of one step."""
    how = step.how
    if how == "asked":
        return {}, [Move("asked", n, why="new", version=version) for n in step.new]
    given = [(o, old[o]) for o in step.old if o in old]
    if how == "dropped":
        return {}, [Move("dropped", None, [o], [a.value], version=version) for o, a in given]
    if not given:
        return {}, [Move(how, n, list(step.old), version=version) for n in step.new]
    notes = [a.note for _, a in given if a.note]
    note = join_texts(notes, " / ") if notes else None
    if how == "merged":
        numbers = [
            _number(_map_value(step, a.value)[0])
            for _, a in given
            if a.status == "answered" and a.value is not None
        ]
        present = [n for n in numbers if n is not None]
        if not present:
            return {}, [
                Move(
                    how,
                    step.new[0],
                    list(step.old),
                    [a.value for _, a in given],
                    why="no_number",
                    version=version,
                )
            ]
        if step.combine == "min":
            combined = min(present)
        elif step.combine == "mean":
            combined = statistics.fmean(present)
        else:
            combined = max(present)
        value: AnswerValue = int(combined) if float(combined).is_integer() else round(combined, 2)
        return {step.new[0]: Answer(value=value, note=note)}, [
            Move(
                how,
                step.new[0],
                list(step.old),
                [a.value for _, a in given],
                value,
                version=version,
            )
        ]
    (source, answer) = given[0]
    result: dict[str, Answer] = {}
    moves: list[Move] = []
    if answer.status != "answered":
        targets = step.statuses_to or step.new
        for n in step.new:
            if n in targets:
                result[n] = Answer(status=answer.status, note=answer.note)
                moves.append(
                    Move(how, n, [source], [answer.status], answer.status, version=version)
                )
            else:
                moves.append(
                    Move(
                        how,
                        n,
                        [source],
                        [answer.status],
                        why="not_given",
                        version=version,
                    )
                )
        return result, moves
    assert answer.value is not None
    new_value, why, detail = _map_value(step, answer.value)
    for n in step.new:
        if new_value is None:
            moves.append(
                Move(how, n, [source], [answer.value], why=why, version=version, detail=detail)
            )
        else:
            result[n] = Answer(value=new_value, note=answer.note)
            moves.append(Move(how, n, [source], [answer.value], new_value, version=version))
    return result, moves


def migrate(
    migrations: Sequence[Migration],
    checklist: str,
    start: str,
    end: str,
    answers: Mapping[str, Answer],
) -> Migrated:
    """Carry ``answers`` (to version ``start``) through the chain of migrations to ``end``."""
    current = dict(answers)
    moves: list[Move] = []
    path = [start]
    for migration in chain(migrations, checklist, start, end):
        nxt: dict[str, Answer] = {}
        step_moves: list[Move] = []
        for step in migration.all_steps():
            produced, made = apply_step(step, current, migration.to_version)
            nxt.update(produced)
            step_moves.extend(made)
        current = nxt
        moves = step_moves if not moves else _follow(moves, step_moves)
        path.append(migration.to_version)
    return Migrated(current, moves, path)


def _follow(earlier: list[Move], later: list[Move]) -> list[Move]:
    """Moves of a longer chain: the later migration's, with the original old ids and values."""
    by_new = {m.new: m for m in earlier if m.new}
    out = []
    for move in later:
        origin = [by_new[o] for o in move.old if o in by_new]
        if origin and all(o.how == "carried" for o in origin) and move.how == "carried":
            out.append(move)
            continue
        if origin:
            move.old = [x for o in origin for x in o.old] or move.old
            move.before = [x for o in origin for x in o.before] or move.before
            if move.how == "carried" and any(o.how != "carried" for o in origin):
                move.how = origin[0].how
        out.append(move)
    return out + [m for m in earlier if m.how == "dropped"]


def carry_answers(pack: Any, answers: Answers) -> tuple[Answers, Migrated]:
    """``answers`` (to any version of their checklist) as answers to the pack's current
    version, and the story of each question: the one path every re-score takes (``assess
    --rescore``/``--update``, ``progress``, ``map``, ``api.migrate_answers``).

    Answers already to the current version come back as they are, every answer carried.
    Raises :class:`UserError` when the pack has no such checklist or no migration leads on.
    """
    from commkit.core.scoring import checklist_hash

    ref = answers.checklist
    checklist = pack.checklists.get(ref.id)
    if checklist is None:
        raise UserError(f"the content has no checklist {ref.id!r}")
    if ref.version == checklist.version:
        moves = [Move("carried", q, [q], [a.value], a.value) for q, a in answers.answers.items()]
        return answers, Migrated(dict(answers.answers), moves, [ref.version])
    result = migrate(pack.migrations, ref.id, ref.version, checklist.version, answers.answers)
    yes_no = {q.id for q in checklist.questions if q.type == "yes_no"}
    # an empty tick list meant "none of these" in earlier versions: the option that says so
    # now, or (a required question without one) the question is asked again
    alone = {
        q.id: next((o.id for o in q.options if o.exclusive), None)
        for q in checklist.questions
        if q.type == "multi" and q.required
    }
    carried: dict[str, Answer] = {}
    for qid, a in result.answers.items():
        if qid in yes_no and isinstance(a.value, bool):
            a = a.model_copy(update={"value": "yes" if a.value else "no"})
        if qid in alone and a.value == []:
            if alone[qid] is None:
                continue
            a = a.model_copy(update={"value": [alone[qid]]})
        carried[qid] = a
    result.answers = carried
    for move in result.moves:
        if move.new in yes_no and isinstance(move.after, bool):
            move.after = "yes" if move.after else "no"
        if move.new in alone and move.after == []:
            if alone[move.new] is None:
                move.why, move.after = "empty", None
            else:
                move.after = [alone[move.new]]
    new_ref = ChecklistRef(id=ref.id, version=checklist.version, hash=checklist_hash(checklist))
    return answers.model_copy(update={"checklist": new_ref, "answers": carried}), result


def answers_of(assessment: Any) -> Answers:
    """The answers an assessment was scored from, as an answers file would give them."""
    return Answers(
        kind="answers",
        version="1",
        checklist=assessment.checklist,
        community=assessment.community,
        date=assessment.date,
        language=assessment.language,
        rater=assessment.rater,
        answers=dict(assessment.answers),
    )

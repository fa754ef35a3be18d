"""An old assessment re-scored under the current checklist, with the story of every answer
(pure): what was carried as it was, what was mapped and how, which questions need a new
answer. ``assess --rescore`` reports it; ``assess --update`` asks only what it lists."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from commkit.core.migrate import Migrated, Move, answers_of, carry_answers
from commkit.model.answers import Answers, Assessment, AssessmentResult
from commkit.model.checklist import Checklist

MAPPED = ("renamed", "mapped", "split", "merged")


@dataclass
class Need:
    """A question of the current checklist that needs a new answer, and why."""

    id: str
    why: str  # a Move.why code, or "unanswered" (required, nothing carried to it)
    old: list[str]
    detail: Any = None


@dataclass
class Rescore:
    source: str
    old_version: str
    new_version: str
    path: list[str]
    before: AssessmentResult | None
    """The result under the version the answers were given to (``None``: that checklist is
    not in the pack any more)."""
    after: Assessment
    """The carried answers scored under the current version (questions that need a new
    answer count as unanswered)."""
    answers: Answers
    carried: list[Move]
    mapped: list[Move]
    dropped: list[Move]
    need: list[Need]

    @property
    def comparable(self) -> bool:
        """Nothing needs a new answer: the re-scored figures stand on their own."""
        return not self.need

    def to_json(self) -> dict[str, Any]:
        def move(m: Move) -> dict[str, Any]:
            return {"new": m.new, "how": m.how, "old": m.old, "before": m.before, "after": m.after}

        def result(r: AssessmentResult | None) -> dict[str, Any] | None:
            if r is None:
                return None
            return {
                "stage": r.stage,
                "overall": round(r.overall, 1),
                "dimensions": {d.id: d.score for d in r.dimensions},
            }

        return {
            "source": self.source,
            "community": self.after.community.model_dump(mode="json", exclude_none=True),
            "date": self.after.date.isoformat(),
            "checklist": self.after.checklist.id,
            "from": self.old_version,
            "to": self.new_version,
            "path": self.path,
            "before": result(self.before),
            "after": result(self.after.result),
            "carried": [m.new for m in self.carried],
            "mapped": [move(m) for m in self.mapped],
            "need_answer": [
                {"id": n.id, "why": n.why, "old": n.old, "detail": n.detail} for n in self.need
            ],
            "dropped": [{"old": m.old, "before": m.before} for m in self.dropped],
        }


def _score_under(checklist: Checklist, answers: Answers, on: dt.date) -> AssessmentResult:
    from commkit.core.scoring import months_active, score

    months = months_active(answers.community.founded, on)
    return score(checklist, answers.answers, lang=answers.language, months=months)


def needs(migrated: Migrated, checklist: Checklist) -> list[Need]:
    """The questions to ask again, each with the reason the migration gives."""
    by_new = {m.new: m for m in migrated.moves if m.new}
    out = []
    for q in migrated.need_answer(checklist):
        move = by_new.get(q.id)
        if move is not None and move.why:
            out.append(Need(q.id, move.why, list(move.old), move.detail))
        else:
            out.append(Need(q.id, "unanswered", list(move.old) if move else []))
    return out


def rescore(
    pack: Any,
    old: Answers | Assessment,
    source: str,
    today: dt.date | None = None,
) -> Rescore:
    """Carry ``old`` to the pack's current checklist and score it there.

    Raises :class:`commkit.errors.UserError` when no migration leads to the current version.
    """
    from commkit.core.scoring import assess

    answers = answers_of(old) if isinstance(old, Assessment) else old
    when = old.date if isinstance(old, Assessment) else (today or answers.date or dt.date.today())
    carried, migrated = carry_answers(pack, answers)
    ref = answers.checklist
    if isinstance(old, Assessment):
        before: AssessmentResult | None = old.result
    else:
        checklist = pack.checklist_version(ref.id, ref.version)
        before = _score_under(checklist, answers, when) if checklist is not None else None
    current = pack.checklists[ref.id]
    after = assess(pack, carried.model_copy(update={"date": when}), when)
    moves = [m for m in migrated.moves if m.new is None or m.new in carried.answers]
    return Rescore(
        source=source,
        old_version=ref.version,
        new_version=current.version,
        path=migrated.path,
        before=before,
        after=after,
        answers=carried.model_copy(update={"date": when}),
        carried=[m for m in moves if m.how == "carried" and m.new],
        mapped=[m for m in moves if m.how in MAPPED],
        dropped=[m for m in migrated.moves if m.how == "dropped"],
        need=needs(migrated, current),
    )


def result_under_current(pack: Any, assessment: Any) -> Any:
    """An assessment's result under the pack's current version of its checklist: its own
    when made with that version, else its answers carried through the migrations and
    scored again; ``None`` when no migration leads there."""
    from commkit.core.scoring import assess
    from commkit.errors import UserError

    current = pack.checklists.get(assessment.checklist.id)
    if current is not None and current.version == assessment.checklist.version:
        return assessment.result
    try:
        answers, _ = carry_answers(pack, answers_of(assessment))
    except UserError:
        return None
    return assess(pack, answers, assessment.date).result

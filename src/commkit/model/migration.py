"""Migrations between checklist versions, as data: how an older version's answers carry over.

A pack ships ``checklists/migrations/<checklist>-<from>-<to>.yaml``. Each step names the old
questions it reads and the new questions it answers; its shape says what kind of step it is:

- ``carry: [ids]``: the same question in both versions, the answer kept as it is;
- ``{old: [a], new: [b]}``: renamed (``values`` may re-anchor a scale or turn points into counts);
- ``{old: [a], new: [b, c]}``: split: one old answer answers several new questions;
- ``{old: [a, b], new: [c], combine: max}``: merged;
- ``{new: [b]}`` (no ``old``): a question with no old equivalent, asked again;
- ``{old: [a]}`` (no ``new``): dropped, its answer not carried.

``values`` maps an old answer (written as YAML, e.g. ``3``, ``yes``, ``weekly``) to the new one;
an old value it does not list, or one it maps to ``null``, leaves the new question to be asked
again. ``dont_know`` / ``not_applicable`` go to the questions in ``statuses_to`` (default: all).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field, field_validator, model_validator

from commkit.model.common import AnswerValue, Header, Id, StrictModel, Text, Version

if TYPE_CHECKING:
    from commkit.model.checklist import Checklist


def value_key(value: Any) -> str:
    """The text under which a value is looked up in ``values`` (``True`` -> ``"yes"``)."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class Step(StrictModel):
    """One rule of a migration; see the module docstring for the shapes."""

    old: list[Id] = []
    new: list[Id] = []
    values: dict[str, AnswerValue | None] | None = Field(
        default=None,
        description="Old answer -> new answer (keys as written in YAML: 3, yes, an option id).",
    )
    combine: Literal["max", "min", "mean"] | None = Field(
        default=None, description="How a merge combines several old numbers or scale points."
    )
    statuses_to: list[Id] | None = Field(
        default=None,
        description="New questions that take an old 'don't know' / 'not applicable' "
        "(default: every new question of the step).",
    )
    note: Text | None = None

    @field_validator("values", mode="before")
    @classmethod
    def _keys_as_text(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return {value_key(k): v for k, v in value.items()}
        return value

    @model_validator(mode="after")
    def _shape(self) -> Step:
        if not self.old and not self.new:
            raise ValueError("a step names at least one 'old' or 'new' question")
        if len(self.old) > 1 and len(self.new) != 1:
            raise ValueError("a merge reads several 'old' questions into exactly one 'new'")
        if len(self.old) > 1 and self.combine is None:
            raise ValueError("a merge needs 'combine: max | min | mean'")
        if self.statuses_to and not set(self.statuses_to) <= set(self.new):
            raise ValueError("'statuses_to' may name only questions of this step's 'new'")
        if (self.values is not None or self.combine) and not (self.old and self.new):
            raise ValueError("'values' and 'combine' need both 'old' and 'new'")
        return self

    @property
    def how(self) -> str:
        """carried, renamed, mapped, split, merged, asked or dropped."""
        if not self.old:
            return "asked"
        if not self.new:
            return "dropped"
        if len(self.old) > 1:
            return "merged"
        if len(self.new) > 1:
            return "split"
        if self.values is not None:
            return "mapped"
        return "carried" if self.old == self.new else "renamed"


class Migration(Header):
    """How answers to ``checklist`` version ``from_version`` become answers to ``to_version``."""

    kind: Literal["migration"]
    id: Id
    checklist: Id
    from_version: Version = Field(alias="from")
    to_version: Version = Field(alias="to")
    title: Text | None = None
    carry: list[Id] = Field(default=[], description="Questions kept as they are.")
    steps: list[Step] = []

    model_config = {"populate_by_name": True}

    def all_steps(self) -> list[Step]:
        """``carry`` expanded into one step per question, then the other steps."""
        return [Step(old=[q], new=[q]) for q in self.carry] + list(self.steps)


def coverage_problems(
    migration: Migration, old: Checklist | None, new: Checklist | None
) -> list[tuple[tuple[Any, ...], str]]:
    """Where a migration does not account for every question: ``(field path, message)``."""
    problems: list[tuple[tuple[Any, ...], str]] = []
    steps = migration.all_steps()
    where: list[tuple[Any, ...]] = [("carry", i) for i in range(len(migration.carry))]
    where += [("steps", i) for i in range(len(migration.steps))]
    if old is not None:
        old_q = {q.id: q for q in old.questions}
        seen: dict[str, int] = {}  # an old answer may feed several steps (a split)
        for i, step in enumerate(steps):
            for o in step.old:
                if o not in old_q:
                    problems.append((where[i], f"{o!r} is not a question of version {old.version}"))
                seen[o] = i
        missing = [q for q in old_q if q not in seen]
        if missing:
            problems.append(
                (("from",), f"version {old.version} questions not handled: {', '.join(missing)}")
            )
    if new is not None:
        new_q = {q.id: q for q in new.questions}
        made: dict[str, int] = {}
        for i, step in enumerate(steps):
            for n in step.new:
                if n not in new_q:
                    problems.append((where[i], f"{n!r} is not a question of version {new.version}"))
                elif n in made:
                    problems.append((where[i], f"{n!r} is answered by two steps"))
                made[n] = i
        missing = [q for q in new_q if q not in made]
        if missing:
            problems.append(
                (
                    ("to",),
                    f"version {new.version} questions no step answers or asks: "
                    + ", ".join(missing),
                )
            )
    return problems

"""Whether a value fits a question (pure): the one rule the engine, imports, migrations and
reports use to tell a usable answer from a wrong one.

Apart from :mod:`commkit.core.scoring` so that checking a value (``validate`` checks the
values a migration maps) needs neither the engine nor the answers' models.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeGuard

from commkit.core.conditions import normalise_value
from commkit.core.per_object import PerObject

if TYPE_CHECKING:
    from commkit.core.plain import AnyChecklist, AnyQuestion
    from commkit.model.common import AnswerValue


def _finite(value: Any) -> TypeGuard[int | float]:
    """A number that is not yes/no, not-a-number or infinite."""
    return not isinstance(value, bool) and isinstance(value, int | float) and math.isfinite(value)


def value_problem(q: AnyQuestion, value: AnswerValue | None) -> str | None:
    """Why ``value`` does not fit question ``q`` (``None`` when it fits)."""
    if value is None:
        return "needs a value"
    if q.type == "yes_no":
        if isinstance(value, bool) or normalise_value(value) in ("yes", "no"):
            return None
        return f"expected yes or no, got {value!r}"
    if q.type == "scale":
        spec = q.scale_spec
        if not (_finite(value) and value == int(value)):
            return f"expected a whole number from {spec.min} to {spec.max}, got {value!r}"
        assert isinstance(value, int | float)
        if not spec.min <= value <= spec.max:
            return f"{value} is out of range: expected {spec.min} to {spec.max}"
        return None
    if q.type == "number":
        assert q.number is not None
        spec_n = q.number
        if not _finite(value):
            return f"expected a number, got {value!r}"
        assert isinstance(value, int | float)
        if spec_n.integer and value != int(value):
            return f"expected a whole number, got {value!r}"
        if value < spec_n.min:
            return f"{value:g} is out of range: the smallest allowed is {spec_n.min:g}"
        if spec_n.max is not None and value > spec_n.max:
            return f"{value:g} is out of range: the largest allowed is {spec_n.max:g}"
        return None
    options = [o.id for o in q.options]
    if q.type == "choice":
        if isinstance(value, str) and value in options:
            return None
        return f"{value!r} is not an option (options: {', '.join(options)})"
    if q.type == "multi":
        if not isinstance(value, list):
            return f"expected a list of options (options: {', '.join(options)})"
        unknown = [v for v in value if v not in options]
        if unknown:
            return f"{unknown[0]!r} is not an option (options: {', '.join(options)})"
        if len(set(value)) != len(value):
            return "an option is listed twice"
        alone = [o.id for o in q.options if o.exclusive and o.id in value]
        if alone and len(value) > 1:
            return f"{alone[0]!r} (none of these) is ticked alone, not with other options"
        return None
    if q.type == "text":
        return None if isinstance(value, str | dict) else f"expected a text, got {value!r}"
    return None  # pragma: no cover


class AnswerRules:
    """A checklist's questions by id, a quick test of each one's usual values and its
    required questions: what checking every answers file against it looks up, made once per
    checklist (:func:`answer_rules`)."""

    __slots__ = ("fits", "questions", "required")

    def __init__(self, checklist: AnyChecklist) -> None:
        self.questions = {q.id: q for q in checklist.questions}
        self.fits = {q.id: _fits(q) for q in checklist.questions}
        """``fits[id](value)``: ``True`` only when :func:`value_problem` finds nothing (a
        ``False`` says nothing: ask it)."""
        self.required = frozenset(q.id for q in checklist.questions if q.required)


_RULES: PerObject[AnyChecklist, AnswerRules] = PerObject()


def answer_rules(checklist: AnyChecklist) -> AnswerRules:
    """The :class:`AnswerRules` of ``checklist`` (content models are not changed once
    loaded: a changed copy is another object, with its own rules)."""
    rules = _RULES.get(checklist)
    return rules if rules is not None else _RULES.put(checklist, AnswerRules(checklist))


def _never(value: Any) -> bool:
    return False


def _fits(q: AnyQuestion) -> Callable[[Any], bool]:
    """A test that says ``True`` for the usual values that fit ``q`` (a whole number in
    range, a bool, a known option, a list of known options, a text), without a message."""
    if q.type == "yes_no":
        return lambda value: value is True or value is False
    if q.type == "scale":
        low, high = q.scale_spec.min, q.scale_spec.max
        return lambda value: value.__class__ is int and low <= value <= high
    if q.type == "number" and q.number is not None:
        least, most = q.number.min, q.number.max
        if most is None:
            return lambda value: value.__class__ is int and value >= least
        return lambda value: value.__class__ is int and least <= value <= most
    ids = frozenset(o.id for o in q.options)
    if q.type == "choice":
        return lambda value: value.__class__ is str and value in ids
    if q.type == "multi":
        alone = frozenset(o.id for o in q.options if o.exclusive)

        def ticks(value: Any) -> bool:
            if value.__class__ is not list or not all(v.__class__ is str for v in value):
                return False
            chosen = set(value)
            return (
                len(chosen) == len(value)
                and chosen <= ids
                and (len(value) <= 1 or not chosen & alone)
            )

        return ticks
    if q.type == "text":
        return lambda value: value.__class__ is str or value.__class__ is dict
    return _never

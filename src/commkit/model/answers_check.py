"""Quick checks of an assessment's answers and recommendations, for a reader that needs
them valid but does not keep them (the map).

Validating an assessment with :class:`commkit.model.answers.Assessment` calls about eight
Python validators per answer (the ``q: 4`` shorthand, the text-map check, status against
value, the plain-scalar check of every field, the id check of every key) and five per
recommendation: with ~60 answers and ~40 recommendations that is most of the cost of a map's
first run after parsing.

:func:`answers_valid` asks the answers reader's own test of the common kinds of answer
(:func:`commkit.model.answers.of_common_kinds`, one definition of them), without making
the answers; :func:`recommendations_valid` decides with one pydantic-core schema, without
Python validators. Both accept a subset of what the models accept (as commkit writes them)
and say ``False`` for anything else, however valid: the caller then validates with the
models, which accept or report the problem with their own messages. They never accept what
the models refuse (``tests/test_answers_check.py`` compares them).
"""

from __future__ import annotations

from typing import Annotated, Any, NotRequired

from pydantic import ConfigDict, StrictStr, TypeAdapter
from pydantic import StringConstraints as Chars
from typing_extensions import TypedDict

from commkit.model.answers import of_common_kinds
from commkit.model.common import ID_RE

_Id = Annotated[StrictStr, Chars(pattern=ID_RE.pattern)]


class _Recommendation(TypedDict):
    __pydantic_config__ = ConfigDict(extra="forbid")  # type: ignore[misc]
    question: _Id
    dimension: _Id
    text: NotRequired[StrictStr | None]


_RECOMMENDATIONS: TypeAdapter[Any] = TypeAdapter(list[_Recommendation])


def answers_valid(answers: Any) -> bool:
    """``True`` only if ``Assessment`` would accept ``answers`` as its ``answers:`` field (a
    ``False`` says nothing: ask the model)."""
    return of_common_kinds(answers)


def recommendations_valid(recommendations: Any) -> bool:
    """``True`` only if ``AssessmentResult`` would accept ``recommendations`` as its
    ``recommendations:`` field (a ``False`` says nothing: ask the model)."""
    try:
        _RECOMMENDATIONS.validate_python(recommendations)
    except ValueError:  # pydantic's ValidationError
        return False
    return True

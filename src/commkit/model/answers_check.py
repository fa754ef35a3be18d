"""A compiled check of an assessment's answers and recommendations that runs no Python
per item.

Validating an assessment with :class:`commkit.model.answers.Assessment` calls about eight
Python validators per answer (the ``q: 4`` shorthand, the text-map check, status against
value, the plain-scalar check of every field, the id check of every key) and five per
recommendation: with ~60 answers and ~40 recommendations that is most of the cost of a map's
first run after parsing. The map reads neither; they only need to be valid.

:func:`answers_valid` and :func:`recommendations_valid` decide that with one pydantic-core
schema each, without Python validators. They accept a subset of what the models accept
(plain strings, numbers, yes/no, lists of strings and ``{en, ru}`` texts, as commkit writes
them) and say ``False`` for anything else, however valid: the caller then validates with
the models, which accept or report the problem with their own messages. They never accept
what the models refuse (``tests/test_answers_check.py`` compares them).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, NotRequired

from pydantic import ConfigDict, Field, StrictBool, StrictFloat, StrictInt, StrictStr, TypeAdapter
from pydantic import StringConstraints as Chars
from typing_extensions import TypedDict

from commkit.model.common import ID_RE, LANG_RE, NOTE_MAX

_Id = Annotated[StrictStr, Chars(pattern=ID_RE.pattern)]
_Lang = Annotated[StrictStr, Chars(pattern=LANG_RE.pattern)]
_TextMap = Annotated[dict[_Lang, StrictStr], Field(min_length=1)]
_NoteText = Annotated[StrictStr, Chars(max_length=NOTE_MAX)]
_Note = _NoteText | Annotated[dict[_Lang, _NoteText], Field(min_length=1)] | None
_Bare = StrictBool | StrictInt | StrictFloat | StrictStr | list[StrictStr]
"""``q: 4``: a value without ``status`` or ``note`` (never ``None``: it must be answered)."""


class _Answered(TypedDict):
    __pydantic_config__ = ConfigDict(extra="forbid")  # type: ignore[misc]
    status: NotRequired[Literal["answered"]]
    value: _Bare | _TextMap
    note: NotRequired[_Note]


class _NotAnswered(TypedDict):
    __pydantic_config__ = ConfigDict(extra="forbid")  # type: ignore[misc]
    status: Literal["dont_know", "not_applicable"]
    value: NotRequired[None]
    note: NotRequired[_Note]


class _Recommendation(TypedDict):
    __pydantic_config__ = ConfigDict(extra="forbid")  # type: ignore[misc]
    question: _Id
    dimension: _Id
    text: NotRequired[StrictStr | None]


_ANSWERS: TypeAdapter[Any] = TypeAdapter(dict[_Id, _Bare | _Answered | _NotAnswered])
_RECOMMENDATIONS: TypeAdapter[Any] = TypeAdapter(list[_Recommendation])


def answers_valid(answers: Any) -> bool:
    """``True`` only if ``Assessment`` would accept ``answers`` as its ``answers:`` field (a
    ``False`` says nothing: ask the model)."""
    return _valid(_ANSWERS, answers)


def recommendations_valid(recommendations: Any) -> bool:
    """``True`` only if ``AssessmentResult`` would accept ``recommendations`` as its
    ``recommendations:`` field (a ``False`` says nothing: ask the model)."""
    return _valid(_RECOMMENDATIONS, recommendations)


def _valid(adapter: TypeAdapter[Any], data: Any) -> bool:
    try:
        adapter.validate_python(data)
    except ValueError:  # pydantic's ValidationError
        return False
    return True

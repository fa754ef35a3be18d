"""The scoring engine's plain objects: what it makes and reads without pydantic.

A warm command (a cached pack's JSON, an answers file already checked) scores, reports and
plans without importing pydantic at all; every public API function still returns the same
pydantic models as before, made from these objects only where a caller wants a model.

Results (made by :func:`commkit.core.scoring.breakdown`: ``Breakdown.plain``):

- :class:`PlainDimensionResult`, :class:`PlainRecommendation`, :class:`PlainResult`: the
  fields of the models ``DimensionResult``, ``Recommendation`` and ``AssessmentResult``
  (:mod:`commkit.model.answers`), in the same order, with the same names. Dimension results
  and recommendations are shared between results (treat them as immutable).
- ``.data()`` on each: what the model's ``model_dump(mode="json")`` gives.
- :func:`result_model` (and :func:`dimension_model`, :func:`recommendation_model`): the model
  of a plain result (pydantic imported on the first call).

Answers: :class:`PlainAnswer` (``status``, ``value``, ``note``), read by the engine as it
reads an ``Answer`` model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from commkit.model.answers import AssessmentResult, DimensionResult, Recommendation
    from commkit.model.common import AnswerValue

__all__ = [
    "PlainAnswer",
    "PlainDimensionResult",
    "PlainRecommendation",
    "PlainResult",
    "dimension_model",
    "recommendation_model",
    "result_model",
]


class PlainAnswer:
    """An answer as the engine reads it: the fields of the ``Answer`` model."""

    __slots__ = ("note", "status", "value")

    def __init__(
        self,
        status: str = "answered",
        value: AnswerValue | None = None,
        note: str | dict[str, str] | None = None,
    ) -> None:
        self.status = status
        self.value = value
        self.note = note

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PlainAnswer) and (self.status, self.value, self.note) == (
            other.status,
            other.value,
            other.note,
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"PlainAnswer(status={self.status!r}, value={self.value!r}, note={self.note!r})"


class _Fields:
    """Equality, ``repr`` and ``data()`` by the fields in ``_FIELDS`` (the model's order)."""

    __slots__ = ()
    _FIELDS: tuple[str, ...] = ()

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._FIELDS)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self._values() == other._values()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        fields = ", ".join(f"{n}={v!r}" for n, v in zip(self._FIELDS, self._values(), strict=True))
        return f"{type(self).__name__}({fields})"

    def data(self) -> dict[str, Any]:
        """The fields as ``model_dump(mode="json")`` of the model gives them."""
        return {name: _data(getattr(self, name)) for name in self._FIELDS}


def _data(value: Any) -> Any:
    if isinstance(value, _Fields):
        return value.data()
    if isinstance(value, list):
        return [_data(v) for v in value]
    return value


class PlainDimensionResult(_Fields):
    """One dimension's score and counts (the ``DimensionResult`` model's fields)."""

    __slots__ = ("_model", "answered", "dont_know", "id", "not_applicable", "score", "unanswered")
    _FIELDS = ("id", "score", "answered", "dont_know", "not_applicable", "unanswered")

    def __init__(
        self,
        id: str,
        score: float | None = None,
        answered: int = 0,
        dont_know: int = 0,
        not_applicable: int = 0,
        unanswered: int = 0,
    ) -> None:
        self.id = id
        self.score = score
        self.answered = answered
        self.dont_know = dont_know
        self.not_applicable = not_applicable
        self.unanswered = unanswered
        self._model: DimensionResult | None = None


class PlainRecommendation(_Fields):
    """Which question calls for a recommendation, and its text in the run's language (the
    ``Recommendation`` model's fields)."""

    __slots__ = ("_model", "dimension", "question", "text")
    _FIELDS = ("question", "dimension", "text")

    def __init__(self, question: str, dimension: str, text: str | None = None) -> None:
        self.question = question
        self.dimension = dimension
        self.text = text
        self._model: Recommendation | None = None


class PlainResult(_Fields):
    """The scored result (the ``AssessmentResult`` model's fields)."""

    __slots__ = (
        "actions",
        "dimensions",
        "gaps",
        "held_back_by",
        "next_stage",
        "open_questions",
        "overall",
        "recommendations",
        "stage",
        "strengths",
    )
    _FIELDS = (
        "overall",
        "stage",
        "next_stage",
        "dimensions",
        "strengths",
        "gaps",
        "recommendations",
        "actions",
        "open_questions",
        "held_back_by",
    )

    def __init__(
        self,
        overall: float,
        stage: str,
        next_stage: str | None,
        dimensions: list[PlainDimensionResult],
        strengths: list[str],
        gaps: list[str],
        recommendations: list[PlainRecommendation],
        actions: list[str],
        open_questions: list[str],
        held_back_by: list[str],
    ) -> None:
        self.overall = overall
        self.stage = stage
        self.next_stage = next_stage
        self.dimensions = dimensions
        self.strengths = strengths
        self.gaps = gaps
        self.recommendations = recommendations
        self.actions = actions
        self.open_questions = open_questions
        self.held_back_by = held_back_by


# ---------------------------------------------------------------- the models


class _Models:
    """The model classes and ``built``, imported on the first use (an import statement in a
    function costs microseconds on every call, as much as making the model)."""

    __slots__ = ("built", "dimension", "recommendation", "result")

    def __init__(self) -> None:
        from commkit.model import answers
        from commkit.model.common import built

        self.built = built
        self.dimension = answers.DimensionResult
        self.recommendation = answers.Recommendation
        self.result = answers.AssessmentResult


_MODELS: list[_Models] = []


def _models() -> _Models:
    if not _MODELS:
        _MODELS.append(_Models())
    return _MODELS[0]


def dimension_model(plain: PlainDimensionResult) -> DimensionResult:
    """The ``DimensionResult`` of ``plain`` (made once: both are immutable)."""
    made = plain._model
    if made is None:
        models = _models()
        made = plain._model = models.built(
            models.dimension,
            {
                "id": plain.id,
                "score": plain.score,
                "answered": plain.answered,
                "dont_know": plain.dont_know,
                "not_applicable": plain.not_applicable,
                "unanswered": plain.unanswered,
            },
        )
    return made


def recommendation_model(plain: PlainRecommendation) -> Recommendation:
    """The ``Recommendation`` of ``plain`` (made once: both are immutable)."""
    made = plain._model
    if made is None:
        models = _models()
        made = plain._model = models.built(
            models.recommendation,
            {"question": plain.question, "dimension": plain.dimension, "text": plain.text},
        )
    return made


def result_model(plain: PlainResult) -> AssessmentResult:
    """A new ``AssessmentResult`` with the fields of ``plain`` (its lists copied)."""
    models = _models()
    return models.built(
        models.result,
        {
            "overall": plain.overall,
            "stage": plain.stage,
            "next_stage": plain.next_stage,
            "dimensions": [d._model or dimension_model(d) for d in plain.dimensions],
            "strengths": list(plain.strengths),
            "gaps": list(plain.gaps),
            "recommendations": [r._model or recommendation_model(r) for r in plain.recommendations],
            "actions": list(plain.actions),
            "open_questions": list(plain.open_questions),
            "held_back_by": list(plain.held_back_by),
        },
    )

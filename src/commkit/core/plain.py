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

Inputs (attribute objects with the models' field names and defaults, built from the JSON
data of the models, so that the same engine code runs on both; only data that the models
have accepted, or a validator as strict as they are, may be given):

- ``plain_checklist(data, content_hash=None) -> PlainChecklist``: from
  ``Checklist.model_dump(mode="json")`` (its dimensions, questions with options, scales and
  number bands, stages, conditions); ``content_hash``: what ``checklist_hash`` returns for
  it, when known (else it is worked out from ``data`` as from the model).
- ``plain_actions(data) -> list[PlainAction]``: from the roadmap's ``actions`` as
  ``Roadmap.model_dump(mode="json")["actions"]`` gives them (``id``, ``always``,
  ``triggers``... every field of ``Action``), for
  :func:`commkit.core.scoring.fired_action_ids`.
- ``plain_answers(data) -> dict[str, PlainAnswer]``: from an answers file's ``answers``
  mapping as read from YAML or JSON (``q: 4`` or ``q: {status, value, note}``).
- ``plain_answers_file(data) -> PlainAnswers``: a whole answers file (``checklist``,
  ``community`` with ``founded``, ``date``, ``language``, ``answers``...), dates given as
  ``YYYY-MM-DD`` text (JSON) or as dates (YAML); what
  :func:`commkit.core.scoring.check_answers` and :func:`commkit.core.scoring.breakdown`
  (with ``months_active(answers.community.founded, answers.date)``) read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

if TYPE_CHECKING:
    from commkit.model.answers import AssessmentResult, DimensionResult, Recommendation
    from commkit.model.common import AnswerValue

__all__ = [
    "PlainAction",
    "PlainAnswer",
    "PlainAnswers",
    "PlainBand",
    "PlainChecklist",
    "PlainChecklistRef",
    "PlainCommunity",
    "PlainCondition",
    "PlainDimension",
    "PlainDimensionResult",
    "PlainNumberSpec",
    "PlainOption",
    "PlainQuestion",
    "PlainRecommendation",
    "PlainResult",
    "PlainScaleSpec",
    "PlainStage",
    "dimension_model",
    "plain_actions",
    "plain_answers",
    "plain_answers_file",
    "plain_checklist",
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


def result_model(plain: PlainResult, *, copy: bool = True) -> AssessmentResult:
    """A new ``AssessmentResult`` with the fields of ``plain``: its lists copied, or, with
    ``copy=False``, handed over (for a caller that drops ``plain``: 5 list copies fewer, -1.5k
    instructions a ``score()`` call, cachegrind)."""
    models = _models()
    own = list if copy else _same
    return models.built(
        models.result,
        {
            "overall": plain.overall,
            "stage": plain.stage,
            "next_stage": plain.next_stage,
            "dimensions": [d._model or dimension_model(d) for d in plain.dimensions],
            "strengths": own(plain.strengths),
            "gaps": own(plain.gaps),
            "recommendations": [r._model or recommendation_model(r) for r in plain.recommendations],
            "actions": own(plain.actions),
            "open_questions": own(plain.open_questions),
            "held_back_by": own(plain.held_back_by),
        },
    )


def _same(items: list[Any]) -> list[Any]:
    return items


# ---------------------------------------------------------------- inputs from JSON data

_O = TypeVar("_O", bound="_FromData")


class _FromData:
    """An attribute object made from a model's JSON data: ``_SPEC`` lists its fields as
    ``(name, default, convert)``; a default of ``list`` or ``dict`` makes a new one, and
    ``convert`` turns a given (not ``None``) value into what the model holds."""

    __slots__ = ("__weakref__",)  # the engine keeps what it works out per content object
    _SPEC: ClassVar[tuple[tuple[str, Any, Callable[[Any], Any] | None], ...]] = ()

    @classmethod
    def from_data(cls: type[_O], data: dict[str, Any]) -> _O:
        made = cls.__new__(cls)
        for name, default, convert in cls._SPEC:
            value = data.get(name)
            if value is None:
                value = default() if default is list or default is dict else default
            elif convert is not None:
                value = convert(value)
            object.__setattr__(made, name, value)
        return made

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name, _, _ in self._SPEC)
        return f"{type(self).__name__}({fields})"


def _many(cls: type[_O]) -> Callable[[list[dict[str, Any]]], list[_O]]:
    return lambda items: [cls.from_data(item) for item in items]


def _one(cls: type[_O]) -> Callable[[dict[str, Any]], _O]:
    return cls.from_data


class PlainCondition(_FromData):
    """A ``when``, a stage gate or a roadmap trigger (the ``Condition`` model's fields)."""

    __slots__ = (
        "any_of",
        "at_least",
        "below",
        "dimension",
        "equals",
        "question",
        "score_below",
        "stage",
    )
    question: str | None
    dimension: str | None
    stage: list[str] | None
    equals: str | int | float | bool | None
    any_of: list[str | int | float | bool] | None
    at_least: float | None
    below: float | None
    score_below: float | None
    _SPEC = (
        ("question", None, None),
        ("dimension", None, None),
        ("stage", None, list),
        ("equals", None, None),
        ("any_of", None, list),
        ("at_least", None, float),
        ("below", None, float),
        ("score_below", None, float),
    )

    @property
    def subject(self) -> str:
        if self.question is not None:
            return f"question {self.question}"
        if self.dimension is not None:
            return f"dimension {self.dimension}"
        return f"stage {', '.join(self.stage or [])}"


class PlainDimension(_FromData):
    __slots__ = ("description", "id", "title", "weight")
    id: str
    title: str | dict[str, str]
    description: str | dict[str, str] | None
    weight: float
    _SPEC = (
        ("id", None, None),
        ("title", None, None),
        ("description", None, None),
        ("weight", 1.0, float),
    )


class PlainOption(_FromData):
    __slots__ = ("exclusive", "id", "label", "recommendation", "score")
    id: str
    label: str | dict[str, str]
    score: float
    recommendation: str | dict[str, str] | None
    exclusive: bool
    _SPEC = (
        ("id", None, None),
        ("label", None, None),
        ("score", None, float),
        ("recommendation", None, None),
        ("exclusive", False, None),
    )


class PlainScaleSpec(_FromData):
    __slots__ = ("labels", "max", "min")
    min: int
    max: int
    labels: dict[int, str | dict[str, str]]
    _SPEC = (
        ("min", 1, None),
        ("max", 5, None),
        ("labels", dict, lambda labels: {int(k): v for k, v in labels.items()}),
    )


_DEFAULT_SCALE = PlainScaleSpec.from_data({})


class PlainBand(_FromData):
    __slots__ = ("min", "score")
    min: float
    score: float
    _SPEC = (("min", None, float), ("score", None, float))


class PlainNumberSpec(_FromData):
    __slots__ = ("bands", "integer", "max", "min", "period_months", "unit")
    min: float
    max: float | None
    integer: bool
    unit: str | dict[str, str] | None
    bands: list[PlainBand]
    period_months: int | None
    _SPEC = (
        ("min", 0.0, float),
        ("max", None, float),
        ("integer", True, None),
        ("unit", None, None),
        ("bands", list, _many(PlainBand)),
        ("period_months", None, None),
    )


class PlainQuestion(_FromData):
    __slots__ = (
        "dimension",
        "help",
        "id",
        "number",
        "options",
        "recommendation",
        "required",
        "scale",
        "text",
        "type",
        "weight",
        "when",
        "yes_is_good",
    )
    id: str
    dimension: str
    type: str
    text: str | dict[str, str]
    help: str | dict[str, str]
    weight: float
    required: bool
    when: PlainCondition | None
    options: list[PlainOption]
    scale: PlainScaleSpec | None
    number: PlainNumberSpec | None
    recommendation: str | dict[str, str] | None
    yes_is_good: bool
    _SPEC = (
        ("id", None, None),
        ("dimension", None, None),
        ("type", None, None),
        ("text", None, None),
        ("help", None, None),
        ("weight", 1.0, float),
        ("required", True, None),
        ("when", None, _one(PlainCondition)),
        ("options", list, _many(PlainOption)),
        ("scale", None, _one(PlainScaleSpec)),
        ("number", None, _one(PlainNumberSpec)),
        ("recommendation", None, None),
        ("yes_is_good", True, None),
    )

    @property
    def scale_spec(self) -> PlainScaleSpec:
        return self.scale or _DEFAULT_SCALE


class PlainStage(_FromData):
    __slots__ = ("descriptors", "focus", "id", "meaning", "min_score", "requires", "title")
    id: str
    title: str | dict[str, str]
    meaning: str | dict[str, str]
    focus: str | dict[str, str]
    descriptors: dict[str, str | dict[str, str]]
    min_score: float
    requires: list[PlainCondition]
    _SPEC = (
        ("id", None, None),
        ("title", None, None),
        ("meaning", None, None),
        ("focus", None, None),
        ("descriptors", dict, None),
        ("min_score", None, float),
        ("requires", list, _many(PlainCondition)),
    )


class PlainChecklist(_FromData):
    """A checklist (the ``Checklist`` model's fields), and its ``content_hash`` when known
    (else :func:`commkit.core.scoring.checklist_hash` works it out from ``json_data``)."""

    __slots__ = (
        "content_hash",
        "description",
        "dimensions",
        "earlier_wordings",
        "id",
        "json_data",
        "kind",
        "questions",
        "stages",
        "title",
        "version",
    )
    kind: str
    version: str
    id: str
    title: str | dict[str, str]
    description: str | dict[str, str] | None
    dimensions: list[PlainDimension]
    questions: list[PlainQuestion]
    stages: list[PlainStage]
    earlier_wordings: list[str]
    content_hash: str | None
    json_data: dict[str, Any]
    """The data it was made from."""
    _SPEC = (
        ("kind", "checklist", None),
        ("version", None, str),
        ("id", None, None),
        ("title", None, None),
        ("description", None, None),
        ("dimensions", list, _many(PlainDimension)),
        ("questions", list, _many(PlainQuestion)),
        ("stages", list, _many(PlainStage)),
        ("earlier_wordings", list, None),
        ("content_hash", None, None),
    )


def plain_checklist(data: dict[str, Any], content_hash: str | None = None) -> PlainChecklist:
    """A checklist from ``Checklist.model_dump(mode="json")`` (see the module's docstring)."""
    made = PlainChecklist.from_data(data)
    made.json_data = data
    if content_hash is not None:
        made.content_hash = content_hash
    return made


class PlainRegionTrigger(_FromData):
    __slots__ = ("communities", "when")
    when: PlainCondition
    communities: int
    _SPEC = (("when", None, _one(PlainCondition)), ("communities", 1, None))


class PlainAction(_FromData):
    """A roadmap action (the ``Action`` model's fields)."""

    __slots__ = (
        "always",
        "chapter",
        "deliverables",
        "depends_on",
        "description",
        "duration_days",
        "id",
        "level",
        "metrics",
        "new_community",
        "owner",
        "region_triggers",
        "seminar",
        "taught_in",
        "title",
        "triggers",
    )
    id: str
    chapter: str
    title: str | dict[str, str]
    description: str | dict[str, str] | None
    owner: str
    duration_days: int
    depends_on: list[str]
    always: bool
    triggers: list[PlainCondition]
    deliverables: list[str | dict[str, str]]
    metrics: list[str]
    seminar: str | None
    level: str
    taught_in: str | None
    new_community: bool
    region_triggers: list[PlainRegionTrigger]
    _SPEC = (
        ("id", None, None),
        ("chapter", None, None),
        ("title", None, None),
        ("description", None, None),
        ("owner", None, None),
        ("duration_days", None, None),
        ("depends_on", list, None),
        ("always", False, None),
        ("triggers", list, _many(PlainCondition)),
        ("deliverables", list, None),
        ("metrics", list, None),
        ("seminar", None, None),
        ("level", "community", None),
        ("taught_in", None, None),
        ("new_community", False, None),
        ("region_triggers", list, _many(PlainRegionTrigger)),
    )


def plain_actions(data: list[dict[str, Any]]) -> list[PlainAction]:
    """The roadmap's actions from ``Roadmap.model_dump(mode="json")["actions"]``."""
    return [PlainAction.from_data(item) for item in data]


def plain_answers(data: dict[str, Any]) -> dict[str, PlainAnswer]:
    """The ``answers`` of an answers file as read (``q: 4`` is short for ``q: {value: 4}``)."""
    made: dict[str, PlainAnswer] = {}
    for qid, entry in data.items():
        if type(entry) is dict:
            value = entry.get("value")
            made[qid] = PlainAnswer(
                entry.get("status", "answered"),
                list(value) if type(value) is list else value,
                entry.get("note"),
            )
        else:
            made[qid] = PlainAnswer("answered", list(entry) if type(entry) is list else entry)
    return made


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def _partial_date(value: Any) -> str:
    """A founding date as the model keeps it: ``2020``, ``2020-08`` or ``2020-08-15``."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(int(value))
    return str(value)


class PlainChecklistRef(_FromData):
    __slots__ = ("hash", "id", "version")
    id: str
    version: str
    hash: str | None
    _SPEC = (("id", None, None), ("version", None, str), ("hash", None, None))


class PlainCommunity(_FromData):
    __slots__ = ("formalised", "founded", "name", "new", "region", "slug")
    name: str | dict[str, str]
    slug: str | None
    region: str | dict[str, str] | None
    formalised: bool | None
    new: bool | None
    founded: str | None
    _SPEC = (
        ("name", None, None),
        ("slug", None, None),
        ("region", None, None),
        ("formalised", None, None),
        ("new", None, None),
        ("founded", None, _partial_date),
    )


class PlainAnswers(_FromData):
    """An answers file (the ``Answers`` model's fields; ``rater`` and ``draft`` as given)."""

    __slots__ = (
        "answers",
        "checklist",
        "community",
        "complete",
        "date",
        "draft",
        "kind",
        "language",
        "rater",
        "version",
    )
    kind: str
    version: str
    checklist: PlainChecklistRef
    community: PlainCommunity
    date: dt.date | None
    language: str
    rater: dict[str, Any] | None
    complete: bool
    draft: dict[str, Any] | None
    answers: dict[str, PlainAnswer]
    _SPEC = (
        ("kind", "answers", None),
        ("version", None, str),
        ("checklist", None, _one(PlainChecklistRef)),
        ("community", None, _one(PlainCommunity)),
        ("date", None, _date),
        ("language", "en", None),
        ("rater", None, None),
        ("complete", True, None),
        ("draft", None, None),
        ("answers", dict, plain_answers),
    )


def plain_answers_file(data: dict[str, Any]) -> PlainAnswers:
    """A whole answers file as read from YAML or JSON (see the module's docstring)."""
    return PlainAnswers.from_data(data)


if TYPE_CHECKING:
    from typing import TypeAlias

    from commkit.model.answers import Answers
    from commkit.model.checklist import Checklist, Question
    from commkit.model.condition import Condition

    AnyChecklist: TypeAlias = Checklist | PlainChecklist
    """What the engine scores with: a checklist model or its plain data."""
    AnyQuestion: TypeAlias = Question | PlainQuestion
    AnyCondition: TypeAlias = Condition | PlainCondition
    AnyAnswers: TypeAlias = Answers | PlainAnswers

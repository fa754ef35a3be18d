"""Answers (and drafts) to a checklist, and the scored assessment."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import (
    ConfigDict,
    Field,
    ValidatorFunctionWrapHandler,
    WithJsonSchema,
    WrapValidator,
    field_validator,
    model_validator,
)

from commkit.model.common import (
    ID_RE,
    LANG_RE,
    NOTE_MAX,
    Header,
    Id,
    Name,
    Note,
    PartialDate,
    StrictModel,
    built,
    check_text_map,
    json_pattern,
)
from commkit.model.common import AnswerValue as AnswerValue  # its home before; still read here


class ChecklistRef(StrictModel):
    """Which checklist the answers were given to; ``hash`` detects edited content."""

    id: Id
    version: str
    hash: str | None = None


class CommunityRef(StrictModel):
    """The community the answers are about. Its name and region may read differently per
    language (``{en: ..., ru: ...}``); a plain string, as the wizard writes, is the name in
    every language."""

    name: Name = Field(description="The community's name: a plain string, or {en, ru}.")
    slug: Id | None = None
    region: Name | None = Field(default=None, description="A plain string, or {en, ru}.")
    formalised: bool | None = None
    new: bool | None = Field(default=None, description="A new community rather than existing.")
    founded: PartialDate | None = Field(
        default=None,
        description="When the community started (YYYY, YYYY-MM or YYYY-MM-DD): counts over the "
        "last 12 months are scaled up for a community younger than that.",
    )


class Rater(StrictModel):
    """Who answered: one member of the community's team (several raters make a team view)."""

    name: str = Field(min_length=1, max_length=200)
    role: Name | None = Field(default=None, description="A plain string, or {en, ru}.")


class Answer(StrictModel):
    """A value, "don't know" or "not applicable", each kept apart; plus an evidence note."""

    status: Literal["answered", "dont_know", "not_applicable"] = "answered"
    value: AnswerValue | None = None
    note: Note | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        # ``q: 4`` is short for ``q: {value: 4}``
        if not isinstance(data, dict):
            return {"value": data}
        return data

    @field_validator("value", mode="before")
    @classmethod
    def _languages(cls, value: Any) -> Any:
        return check_text_map(value)

    @model_validator(mode="after")
    def _value_fits_status(self) -> Answer:
        if self.status == "answered" and self.value is None:
            raise ValueError("an answered question needs a 'value'")
        if self.status != "answered" and self.value is not None:
            raise ValueError(f"a '{self.status}' answer takes no 'value'")
        return self


_TEXT_MAP: dict[str, Any] = {
    "type": "object",
    "minProperties": 1,
    "propertyNames": {"pattern": json_pattern(LANG_RE)},
    "additionalProperties": {"type": "string"},
}
_NOTE_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": ["string", "null"], "maxLength": NOTE_MAX},
        {**_TEXT_MAP, "additionalProperties": {"type": "string", "maxLength": NOTE_MAX}},
    ]
}
_ANSWER_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": ["string", "number", "boolean"]},
        {"type": "array", "items": {"type": "string"}},
        {
            "type": "object",
            "properties": {
                "status": {"enum": ["answered", "dont_know", "not_applicable"]},
                "value": {
                    "anyOf": [
                        {"type": ["string", "number", "boolean", "null"]},
                        {"type": "array", "items": {"type": "string"}},
                        _TEXT_MAP,
                    ]
                },
                "note": _NOTE_SCHEMA,
            },
            "additionalProperties": False,
            # answered (the default) needs a value; dont_know and not_applicable take none
            "if": {"properties": {"status": {"const": "answered"}}},
            "then": {"required": ["value"], "properties": {"value": {"not": {"type": "null"}}}},
            "else": {"properties": {"value": {"type": "null"}}},
        },
    ],
    "description": "A value (shorthand), or {value, note}, or {status: dont_know | "
    "not_applicable, note}. A note, and a text question's value, may be {en, ru}.",
}
AnswerEntry = Annotated[Answer, WithJsonSchema(_ANSWER_SCHEMA)]

_STATUSES = frozenset({"answered", "dont_know", "not_applicable"})
_ENTRY_KEYS = frozenset({"status", "value", "note"})
_SCALARS = frozenset({str, int, float, bool})
_NO: Any = object()
"""Not a value :func:`_common_entries` makes: pydantic decides."""
_IDS: set[str] = set()
"""Question ids already found valid (bounded: cleared when it grows past ``_IDS_LIMIT``)."""
_IDS_LIMIT = 10_000


def _text_map(value: dict[Any, Any], longest: int | None) -> dict[str, str] | Any:
    """A copy of ``{language: text}`` that passes the text map's checks, or ``_NO``."""
    if not value:
        return _NO
    for key, text in value.items():
        if type(key) is not str or type(text) is not str or not LANG_RE.fullmatch(key):
            return _NO
        if longest is not None and len(text) > longest:
            return _NO
    return dict(value)


def _value(value: Any) -> Any:
    """An answer's value as pydantic makes it (``AnswerValue``), or ``_NO``."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is list:
        return list(value) if all(type(item) is str for item in value) else _NO
    if kind is dict:
        return _text_map(value, None)
    return _NO


def _entry_fields(data: Any) -> tuple[dict[str, Any], set[str]] | None:
    """One answer's fields as pydantic makes them, and the fields given, when it is of the
    common kinds; else ``None``."""
    if type(data) is not dict:  # the shorthand ``q: 4``
        value = _value(data)
        return (
            None
            if value is _NO
            else ({"status": "answered", "value": value, "note": None}, {"value"})
        )
    if not data.keys() <= _ENTRY_KEYS:
        return None
    status = data.get("status", "answered")
    if type(status) is not str or status not in _STATUSES:
        return None
    value = data.get("value")
    if value is not None:
        value = _value(value)
        if value is _NO:
            return None
    if (value is None) is (status == "answered"):
        return None  # _value_fits_status says why
    note = data.get("note")
    if note is not None:
        if type(note) is str:
            if len(note) > NOTE_MAX:
                return None
        elif type(note) is dict:
            note = _text_map(note, NOTE_MAX)
            if note is _NO:
                return None
        else:
            return None
    return {"status": status, "value": value, "note": note}, set(data)


def _id_fits(qid: Any) -> bool:
    """Whether ``qid`` is a question id (remembered once found so)."""
    if qid in _IDS:
        return True
    if type(qid) is not str or not ID_RE.fullmatch(qid):
        return False
    if len(_IDS) >= _IDS_LIMIT:
        _IDS.clear()
    _IDS.add(qid)
    return True


def common_answers(data: Any) -> dict[str, Answer] | None:
    """The answers as pydantic makes them when every one is of the common kinds (a value, a
    list of options, a text map; with a status and a note), else ``None``: pydantic's way
    through the models' validators then decides, with its own messages."""
    if type(data) is not dict:
        return None
    made: dict[str, Answer] = {}
    for qid, entry in data.items():
        fields = _entry_fields(entry) if _id_fits(qid) else None
        if fields is None:
            return None
        made[qid] = built(Answer, *fields)
    return made


def of_common_kinds(data: Any) -> bool:
    """:func:`common_answers` would make them (checked only, nothing made): the model then
    surely accepts them (a ``False`` says nothing: ask the model)."""
    return type(data) is dict and all(
        _id_fits(qid) and _entry_fields(entry) is not None for qid, entry in data.items()
    )


def _common_entries(data: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    """The answers made by :func:`common_answers` (several times quicker than pydantic's
    way through the models' Python validators), else by pydantic."""
    made = common_answers(data)
    return handler(data) if made is None else made


AnswerEntries = Annotated[dict[Id, AnswerEntry], WrapValidator(_common_entries)]


class DraftRun(StrictModel):
    """How the interrupted ``commkit assess`` was run, so that ``--resume DRAFT`` alone
    continues exactly that run. Only drafts written by commkit carry it."""

    out: str | None = Field(default=None, max_length=4096)
    workspace: str | None = Field(default=None, max_length=4096)
    content: str | None = Field(default=None, max_length=4096)
    community: Id | None = None
    date: dt.date | None = None
    lang: str | None = Field(default=None, pattern=r"^[a-z]{2}$")
    ask: list[Id] | None = Field(
        default=None,
        description="assess --update: the only questions this run asks (a newer checklist's); "
        "every other answer was carried from the old assessment and is kept.",
    )


class Answers(Header):
    kind: Literal["answers"]
    checklist: ChecklistRef
    community: CommunityRef
    date: dt.date | None = None
    language: str = Field(default="en", pattern=r"^[a-z]{2}$")
    rater: Rater | None = Field(default=None, description="Who answered (for team assessments).")
    complete: bool = Field(default=True, description="False for a draft still being filled in.")
    draft: DraftRun | None = Field(
        default=None, description="Written by commkit in its drafts: the options of the run."
    )
    answers: AnswerEntries = {}


class DimensionResult(StrictModel):
    """One dimension's score and counts. Immutable: the scoring engine shares one object
    between the results that have the same figures."""

    model_config = ConfigDict(frozen=True)

    id: Id
    score: float | None = Field(
        default=None, description="0-100; None when nothing in it was scored."
    )
    answered: int = 0
    dont_know: int = 0
    not_applicable: int = 0
    unanswered: int = 0


class Recommendation(StrictModel):
    """Which question calls for a recommendation. ``text`` is the sentence in the language of
    the run (in ``--json`` output); a saved assessment keeps no sentence, since every report
    renders it again from the checklist in its own language.

    Immutable: the scoring engine makes each one once per checklist, language and answer, and
    every result that calls for it shares it."""

    model_config = ConfigDict(frozen=True)

    question: Id
    dimension: Id
    text: str | None = None


class AssessmentResult(StrictModel):
    overall: float = Field(ge=0, le=100)
    stage: Id
    next_stage: Id | None = None
    dimensions: list[DimensionResult]
    strengths: list[Id] = []
    gaps: list[Id] = []
    recommendations: list[Recommendation] = []
    actions: list[Id] = Field(default=[], description="Roadmap actions the answers call for.")
    open_questions: list[Id] = Field(default=[], description="Questions answered 'don't know'.")
    held_back_by: list[str] = Field(
        default=[],
        description="Gates ('requires') of the next stage that do not hold, e.g. "
        "'purpose.common-goal ≥ 3' (empty when only the score is short or at the top).",
    )


class Assessment(Header):
    """What ``assess`` writes and ``plan`` reads: the answers and their scored result."""

    kind: Literal["assessment"]
    checklist: ChecklistRef
    community: CommunityRef
    date: dt.date
    language: str = Field(default="en", pattern=r"^[a-z]{2}$")
    rater: Rater | None = None
    answers: dict[Id, AnswerEntry]
    result: AssessmentResult
    team: TeamSummary | None = Field(
        default=None, description="Set when several raters were merged (assess --team)."
    )


class RaterAnswer(StrictModel):
    """One rater's answer to one question, as given."""

    rater: str
    status: Literal["answered", "dont_know", "not_applicable", "unanswered"]
    value: AnswerValue | None = None
    note: Note | None = None


class QuestionMerge(StrictModel):
    """How the raters' answers to one question became the consensus."""

    question: Id
    raters: list[RaterAnswer]
    tie: bool = Field(default=False, description="The majority or median was split evenly.")
    spread: float | None = Field(
        default=None,
        description="Scales and numbers: highest minus lowest value; other types: highest "
        "minus lowest normalised score (0..1).",
    )
    disagree: bool = False
    reasons: list[str] = Field(
        default=[], description="Why it is flagged: scale-apart, split, dont-know-vs-answer..."
    )


class RaterResult(StrictModel):
    name: str
    role: Name | None = None
    date: dt.date | None = None
    overall: float
    stage: Id


class TeamSummary(StrictModel):
    """The raters, the range of their individual results, and every merged question."""

    raters: list[RaterResult]
    overall_low: float
    overall_high: float
    stage_low: Id
    stage_high: Id
    anonymous: bool = False
    questions: list[QuestionMerge] = []

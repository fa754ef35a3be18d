"""Building blocks shared by every YAML kind: strict models, ids, localised text."""

from __future__ import annotations

import re
import types
from datetime import date
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
)
from pydantic_core import PydanticCustomError

from commkit.i18n.text_pick import DEFAULT_LANG as DEFAULT_LANG
from commkit.i18n.text_pick import tr as tr

LANG_RE = re.compile(r"^[a-z]{2}(-[A-Z]{2})?$")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")


def json_pattern(regex: re.Pattern[str]) -> str:
    """A pattern that means the same in JSON Schema validators using Python's ``re`` (where
    ``$`` also matches before a final newline) and ECMA-262 (editors)."""
    return regex.pattern + r"(?!\n)"


YAML11_BOOLS = {
    **dict.fromkeys(["yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"], True),
    **dict.fromkeys(["no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"], False),
}
"""YAML 1.1 booleans. commkit reads YAML 1.1 (``yes`` is true); editors and check-jsonschema
read YAML 1.2, where a plain ``yes`` is text. A yes/no field takes these words either way, so
both readings of a file agree (the JSON Schema says the same)."""

_SCALARS = (int, float, bool)
_KINDS_CACHE: dict[tuple[type, str], frozenset[type]] = {}


def _scalar_kinds(annotation: Any) -> frozenset[type]:
    """``{int}``, ``{float}``, ``{bool}``... for a field holding only numbers or yes/no;
    ``{date}`` for a field holding only a date."""
    if get_origin(annotation) is Annotated:
        return _scalar_kinds(get_args(annotation)[0])
    if get_origin(annotation) in (Union, types.UnionType):
        parts = [a for a in get_args(annotation) if a is not type(None)]
        kinds = [_scalar_kinds(a) for a in parts]
        found = frozenset().union(*kinds) if all(kinds) else frozenset()
        return found if date not in found or found == {date} else frozenset()
    return frozenset({annotation}) if annotation in (*_SCALARS, date) else frozenset()


M = TypeVar("M", bound=BaseModel)

_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__
_set_dict = object.__setattr__
_new = object.__new__


def built(model: type[M], fields: dict[str, Any], given: set[str] | None = None) -> M:
    """``model.model_construct(**fields)`` for data commkit made or checked itself, every
    field in ``fields`` in the model's order (``given``: the fields set, default all of
    them): what pydantic's own does, without its look at each field's aliases and defaults
    (a sixth of a whole assessment's time). The slots are set through their descriptors,
    a third quicker than ``object.__setattr__``. Made by ``object.__new__`` (no model
    defines its own ``__new__``): ``model.__new__`` is looked up through pydantic's
    metaclass, 1.0k of the 2.2k instructions it takes."""
    made = _new(model)
    _set_dict(made, "__dict__", fields)
    _set_fields_set(made, set(fields) if given is None else given)
    _set_extra(made, None)
    _set_private(made, None)
    return made


class StrictModel(BaseModel):
    """Unknown keys are errors: a typo in a content file must not pass silently.

    Numbers are numbers, yes/no is yes/no and a date is a date: ``"60"`` in quotes, ``1`` for
    yes or ``0`` for a date are refused, as the JSON Schema refuses them, so an editor and
    ``commkit validate`` agree on every file.
    """

    model_config = ConfigDict(extra="forbid", validate_default=True, defer_build=True)

    @field_validator("*", mode="before")
    @classmethod
    def _plain_scalars(cls, value: Any, info: ValidationInfo) -> Any:
        if value is None or info.field_name is None:
            return value
        key = (cls, info.field_name)
        kinds = _KINDS_CACHE.get(key)
        if kinds is None:
            kinds = _scalar_kinds(cls.model_fields[info.field_name].annotation)
            _KINDS_CACHE[key] = kinds
        if not kinds:
            return value
        if kinds == {date}:  # pydantic would read a number as seconds since 1970
            if not isinstance(value, int | float):
                return value
            raise PydanticCustomError(
                "plain_scalar",
                "input should be {expected}, not {given}{quoted}",
                {"expected": "a valid date (YYYY-MM-DD)", "given": repr(value), "quoted": ""},
            )
        if bool in kinds:
            if isinstance(value, str) and value in YAML11_BOOLS:
                return YAML11_BOOLS[value]
            if isinstance(value, bool) or (kinds != {bool} and isinstance(value, int | float)):
                return value
        elif isinstance(value, int | float) and not isinstance(value, bool):
            return value
        if bool in kinds:
            expected = "a valid boolean (true/false or yes/no)"
        else:
            expected = "a valid integer" if kinds == {int} else "a valid number"
        quoted = " (no quotes around numbers)" if _numeric_text(value) else ""
        raise PydanticCustomError(
            "plain_scalar",
            "input should be {expected}, not {given}{quoted}",
            {"expected": expected, "given": repr(value), "quoted": quoted},
        )


def _numeric_text(value: object) -> bool:
    """A number written in quotes (``"12"``): the one mistake the quotes hint is for."""
    if not isinstance(value, str):
        return False
    try:
        float(value)
    except ValueError:
        return False
    return True


def _check_id(value: str) -> str:
    if not ID_RE.fullmatch(value):
        raise ValueError(
            f"{value!r} is not a valid id: use lower-case latin letters, digits, '-', '_' "
            "or '.', starting with a letter or digit, at most 64 characters"
        )
    return value


Id = Annotated[
    str,
    AfterValidator(_check_id),
    WithJsonSchema({"type": "string", "pattern": json_pattern(ID_RE)}),
]
"""A permanent identifier. Ids are never renumbered: old answer files keep their meaning."""


def check_text_map(value: Any) -> Any:
    """A map of language code to string is checked; anything else passes unchanged."""
    return _check_text_map(value)


def _check_text_map(value: Any) -> Any:
    if isinstance(value, dict):
        if not value:
            raise ValueError("a localised text needs at least one language")
        for key, text in value.items():
            if not isinstance(key, str) or not LANG_RE.fullmatch(key):
                raise ValueError(f"{key!r} is not a language code such as 'en' or 'ru'")
            if not isinstance(text, str):
                raise ValueError(f"the {key!r} text must be a string")
    return value


def _localised_schema(**limits: int) -> WithJsonSchema:
    """The JSON Schema of a text that may differ per language: a string, or a map of
    language code to string (both under the same ``limits``)."""
    string = {"type": "string", **limits}
    localised = {
        "type": "object",
        "minProperties": 1,
        "propertyNames": {"pattern": json_pattern(LANG_RE)},
        "additionalProperties": dict(string),
    }
    return WithJsonSchema({"anyOf": [string, localised]})


Text = Annotated[str | dict[str, str], BeforeValidator(_check_text_map), _localised_schema()]
"""Human-readable text: a plain string, or a map of language code to string."""


def _check_name(value: Any) -> Any:
    value = _check_text_map(value)
    for text in value.values() if isinstance(value, dict) else [value]:
        if isinstance(text, str) and not text:
            raise ValueError("a name should have at least 1 character")
        if isinstance(text, str) and len(text) > 200:
            raise ValueError("a name should have at most 200 characters")
    return value


Name = Annotated[
    str | dict[str, str],
    BeforeValidator(_check_name),
    _localised_schema(minLength=1, maxLength=200),
]
"""A name that may read differently per language (``{en: ..., ru: ...}``); a plain string
is the name in every language."""


def _check_note(value: Any) -> Any:
    value = _check_text_map(value)
    for text in value.values() if isinstance(value, dict) else [value]:
        if isinstance(text, str) and len(text) > NOTE_MAX:
            raise ValueError(f"a note should have at most {NOTE_MAX} characters")
    return value


NOTE_MAX = 2000
Note = Annotated[
    str | dict[str, str],
    BeforeValidator(_check_note),
    _localised_schema(maxLength=NOTE_MAX),
]
"""What a person wrote: a plain string, shown as typed in every language, or ``{en, ru}``
when the same note is given in both (as the examples do), shown in the output's language."""


def join_texts(texts: list[str | dict[str, str]], sep: str) -> str | dict[str, str]:
    """Several notes as one: plain strings joined as they are; when one of them is given per
    language, one joined text per language (a plain string taking part in each)."""
    if all(isinstance(t, str) for t in texts):
        return sep.join(t for t in texts if isinstance(t, str))
    langs = sorted({lang for t in texts if isinstance(t, dict) for lang in t})
    return {lang: sep.join(tr(t, lang) for t in texts) for lang in langs}


def _version_to_str(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return str(value)
    return value


Version = Annotated[
    str,
    BeforeValidator(_version_to_str),
    Field(min_length=1, max_length=40),
    WithJsonSchema(
        {
            "title": "Version",
            "description": "Starts with the format number commkit reads (1): 1, 1.0, 1.1-a-pack.",
            "anyOf": [
                {"type": "string", "pattern": "^\\s*1(?![0-9])"},
                {"type": "integer", "const": 1},
                {"type": "number", "minimum": 1, "exclusiveMaximum": 2},
            ],
        }
    ),
]

AnswerValue = str | int | float | bool | list[str] | dict[str, str]
"""The value of an answer. A text question's value may also be ``{en, ru}`` (the same text in
both languages). Here rather than with the answers' models, so that a migration (part of every
content pack) does not build those models."""

NonNegative = Annotated[float, Field(ge=0)]
Count = Annotated[int, Field(ge=0, le=10_000_000)]


def languages_of(text: Text | None) -> set[str] | None:
    """The languages a text is written in; ``None`` for a plain (language-neutral) string."""
    if text is None or isinstance(text, str):
        return None
    return set(text)


PARTIAL_DATE_RE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def _partial_date(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    year = isinstance(value, int | float) and not isinstance(value, bool) and 1000 <= value <= 9999
    if year and value == int(value):  # 2020, or 2020.0 as any integer field takes it
        return str(int(value))
    if isinstance(value, str) and not PARTIAL_DATE_RE.fullmatch(value):
        raise ValueError(f"{value!r} is not a date such as 2020, 2020-08 or 2020-08-15")
    return value


PartialDate = Annotated[
    str,
    BeforeValidator(_partial_date),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": json_pattern(PARTIAL_DATE_RE)},
                {"type": "integer", "minimum": 1000, "maximum": 9999},
            ],
            "description": "YYYY, YYYY-MM or YYYY-MM-DD",
        }
    ),
]
"""A year, a year and month, or a full date: the article often gives only 'summer 2020'."""


class Header(StrictModel):
    """Every file starts with ``kind:`` and ``version:``; subclasses pin ``kind``.

    ``version`` must be a format this commkit reads (:mod:`commkit.model.formats`).
    """

    version: Version

    @field_validator("version")
    @classmethod
    def _readable_format(cls, value: str) -> str:
        from typing import get_args

        from commkit.model.formats import format_problem

        kinds = get_args(cls.model_fields["kind"].annotation) if "kind" in cls.model_fields else ()
        problem = format_problem(str(kinds[0]), value) if kinds else None
        if problem is not None:
            raise ValueError(problem)
        return value


class ContentHeader(Header):
    """The header of a content file that a reader meets by its title: the kind (pinned by
    the subclass), an id, a title and an optional description (a checklist, a roadmap)."""

    kind: str
    id: Id
    title: Text
    description: Text | None = None

"""The JSON Schema of every file kind, saying what ``commkit validate`` accepts, no more, no less.

Editors (the YAML language server) and ``check-jsonschema`` read YAML 1.2, commkit reads YAML
1.1; the schemas are written so that both readings of a file get the same answer: yes/no fields
take the YAML 1.1 words as text, ids and language codes carry their patterns, dates theirs.
What no JSON Schema can say, relations between values (agenda minutes adding up to the
duration, a scale's max above its min, increasing bands, unique option ids), is left to
``commkit validate``.
"""

from __future__ import annotations

from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from commkit.model.common import YAML11_BOOLS

DRAFT = "https://json-schema.org/draft/2020-12/schema"
DATE_PATTERN = r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$(?!\n)"


class _CommkitSchema(GenerateJsonSchema):
    def bool_schema(self, schema: core_schema.BoolSchema) -> JsonSchemaValue:
        return {"anyOf": [{"type": "boolean"}, {"enum": sorted(YAML11_BOOLS)}]}

    def date_schema(self, schema: core_schema.DateSchema) -> JsonSchemaValue:
        return {"type": "string", "format": "date", "pattern": DATE_PATTERN}

    def dict_schema(self, schema: core_schema.DictSchema) -> JsonSchemaValue:
        # Keys with a pattern (ids): every key must match, not only the matching ones checked.
        result = super().dict_schema(schema)
        patterns = result.pop("patternProperties", None)
        if patterns and len(patterns) == 1:
            ((pattern, values),) = patterns.items()
            result["propertyNames"] = {"pattern": pattern}
            result["additionalProperties"] = values
        elif patterns:
            result["patternProperties"] = patterns
        return result


def schemas() -> dict[str, dict[str, Any]]:
    """The JSON Schema of each file kind, by kind (``pack`` for ``pack.yaml``)."""
    from commkit.model import KINDS
    from commkit.model.pack import PackManifest

    result: dict[str, dict[str, Any]] = {}
    for kind, model in {**KINDS, "pack": PackManifest}.items():
        schema = model.model_json_schema(schema_generator=_CommkitSchema)
        schema["$schema"] = DRAFT
        schema["$id"] = f"commkit:{kind}.schema.json"
        result[kind] = schema
    return result

"""``--strict-i18n``: every human-readable text must exist in every required language."""

from __future__ import annotations

from typing import Any, get_args

from pydantic import BaseModel, BeforeValidator

from commkit.errors import Diagnostic
from commkit.model.common import LANG_RE, _check_text_map
from commkit.model.loader import Document, Path_


def _is_text(metadata: list[Any]) -> bool:
    return any(isinstance(m, BeforeValidator) and m.func is _check_text_map for m in metadata)


def _annotation_is_text(annotation: Any) -> bool:
    if hasattr(annotation, "__metadata__") and _is_text(list(annotation.__metadata__)):
        return True
    return any(_annotation_is_text(arg) for arg in get_args(annotation))


def missing_translations(
    model: BaseModel, doc: Document | None, langs: tuple[str, ...] = ("en", "ru")
) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    _walk(model, (), doc, langs, out)
    return out


def _walk(
    model: BaseModel,
    path: Path_,
    doc: Document | None,
    langs: tuple[str, ...],
    out: list[Diagnostic],
) -> None:
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        is_text = _is_text(info.metadata) or _annotation_is_text(info.annotation)
        _visit(value, (*path, name), is_text, doc, langs, out)


def _visit(
    value: Any,
    path: Path_,
    is_text: bool,
    doc: Document | None,
    langs: tuple[str, ...],
    out: list[Diagnostic],
) -> None:
    if isinstance(value, BaseModel):
        _walk(value, path, doc, langs, out)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _visit(item, (*path, i), is_text, doc, langs, out)
    elif is_text and (isinstance(value, str) or _is_text_map(value)):
        have = set(value) if isinstance(value, dict) else set()
        missing = [lang for lang in langs if lang not in have]
        if missing:
            message = f"text missing in: {', '.join(missing)}"
            if doc is not None:
                out.append(doc.diagnostic(path, message))
            else:
                out.append(Diagnostic(message, field=str(path)))
    elif isinstance(value, dict):
        for key, item in value.items():
            _visit(item, (*path, key), is_text, doc, langs, out)


def _is_text_map(value: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(k, str) and LANG_RE.match(k) and isinstance(v, str) for k, v in value.items()
    )

"""The one Jinja2 set-up for every report: sandboxed, compiled once, errors as messages.

Templates from a customised pack are user input: they render in Jinja2's sandbox, and a
broken template is a clean error naming the file and line, never a traceback.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from commkit.errors import UserError
from commkit.render.text import code_block, md_block, md_cell, md_inline, note_text, yaml_str

BUILTIN_TEMPLATES = Path(__file__).resolve().parent / "templates"


def environment(template_dirs: Iterable[Path | str] = ()) -> Any:
    """The environment searching ``template_dirs`` first, then the built-in templates."""
    return _cached_environment(tuple(str(d) for d in template_dirs))


@cache
def _cached_environment(dirs: tuple[str, ...]) -> Any:
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    from commkit.render.template_cache import bytecode_cache

    env = SandboxedEnvironment(
        loader=FileSystemLoader([*dirs, str(BUILTIN_TEMPLATES)]),
        bytecode_cache=bytecode_cache(),
        autoescape=False,  # Markdown output: user text goes through the md_* filters
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
    )
    env.filters.update(
        md=md_inline,
        inline=md_inline,
        cell=md_cell,
        cells=lambda items, sep="; ": md_cell(sep.join(str(i) for i in items)),
        para=md_block,
        note=note_text,
        yaml=yaml_str,
        code=code_block,
    )
    return env


def render_template(
    template_dirs: Iterable[Path | str], name: str, context: Mapping[str, Any]
) -> str:
    """Render ``name``; a broken or unsafe template becomes a :class:`UserError`."""
    return "".join(template_chunks(template_dirs, name, context))


def template_chunks(
    template_dirs: Iterable[Path | str], name: str, context: Mapping[str, Any]
) -> Iterator[str]:
    """The output piece by piece (a large map is written as a stream), errors as messages."""
    from jinja2 import TemplateError, TemplateSyntaxError
    from jinja2.exceptions import SecurityError

    try:
        yield from environment(template_dirs).get_template(name).generate(**context)
    except TemplateSyntaxError as exc:
        where = f"{exc.filename or name}:{exc.lineno}"
        raise UserError(f"{where}: template error: {exc.message}") from None
    except SecurityError as exc:
        raise UserError(f"template {name}: refused by the sandbox: {exc}") from None
    except TemplateError as exc:
        raise UserError(f"template {name}: {exc}") from None

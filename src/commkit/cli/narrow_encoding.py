"""Output to a terminal or file whose encoding cannot show every character commkit prints.

A report's bars (``█``), its dashes and Russian text are not in Latin-1 or Windows-1252:
written strictly, the first such character ended the run with a traceback, after the files
were written. Such a stream now shows ``?`` in their place, and the run ends with one line
saying so and how to see every character (in the run's language when the stream can show
it, else in English). JSON, which is data, is written with escapes there instead."""

from __future__ import annotations

import codecs
import functools
import sys
from typing import Any

_HANDLER = "commkit-narrow"
_narrow: list[str] = []
"""The encodings of the streams set to replace (stdout's first)."""
_replaced: list[bool] = []
"""Whether a character was replaced since the hint was last given."""


def _replace(error: UnicodeError) -> tuple[str, int]:
    """``?`` for each character the encoding lacks."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    if not _replaced:
        import atexit

        _replaced.append(True)
        atexit.register(hint, None)  # for what is printed after the run's own end
    return "?" * (error.end - error.start), error.end


def tolerate_narrow_encodings() -> None:
    """Make stdout and stderr replace what their encoding cannot show (UTF-8 ones, the usual
    case, are left as they are: they show everything)."""
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None)
        reconfigure = getattr(stream, "reconfigure", None)
        if not encoding or reconfigure is None or _is_utf(encoding):
            continue
        if not _narrow:
            codecs.register_error(_HANDLER, _replace)
        _narrow.append(encoding)
        reconfigure(errors=_HANDLER)


@functools.cache
def _is_utf(encoding: str) -> bool:
    try:
        return codecs.lookup(encoding).name.startswith("utf")
    except LookupError:
        return False


def json_for(stream: Any, text: str) -> str:
    """JSON text as ``stream`` carries it whole: on a narrow one, every character beyond
    ASCII written as its escape (``\\u0439``, as ``json.dumps`` writes it by default), which
    reads back as the same data, where ``?`` would change it."""
    encoding = getattr(stream, "encoding", None)
    if not encoding or _is_utf(encoding):
        return text
    import json
    import re

    return re.sub(r"[^\x00-\x7f]", lambda found: json.dumps(found.group())[1:-1], text)


def hint(lang: str | None) -> None:
    """Once characters were shown as ``?``: one line on stderr saying why and what to do,
    in ``lang`` if stderr can show it, else in English."""
    if not _replaced:
        return
    _replaced.clear()
    from commkit.i18n import text

    stream = sys.stderr
    for each in dict.fromkeys((lang or "en", "en")):
        said = text("cli.narrow_encoding", each, encoding=_narrow[0])
        try:
            said.encode(stream.encoding or "ascii")
        except (UnicodeEncodeError, LookupError):
            continue
        stream.write(said + "\n")
        stream.flush()
        return

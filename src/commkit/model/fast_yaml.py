"""Plain YAML documents read faster than ``yaml.load(text, Loader=CSafeLoader)``, same data.

Workspace and answers files are mostly plain block YAML as commkit and its templates write
it. :func:`load` reads the text line by line first (:mod:`commkit.model.line_yaml`: faster
than libyaml composing it, and PyYAML is not even imported) and has libyaml compose only
what that refuses (:mod:`commkit.model.composed_yaml`, imported then). Anything beyond plain
data raises :class:`Refused`; the caller then reads the file with the located loader, which
decides and reports. The data of a document either accepts is what PyYAML's safe loader
gives. ``compose``, ``scalar`` and ``load_composed`` (libyaml's way alone) are
:mod:`commkit.model.composed_yaml`'s, imported on first use.
"""

from __future__ import annotations

from typing import Any

from commkit.model import line_yaml
from commkit.model.line_yaml import Refused as Refused  # one refusal for both readers

_LAZY = {"compose": "compose", "scalar": "scalar", "load_composed": "load"}


def load(text: str) -> Any:
    """The data of the one YAML document in ``text`` (``None`` for an empty one), or
    :class:`Refused`. libyaml's own errors (bad syntax) propagate as PyYAML raises them."""
    try:
        return line_yaml.load(text)
    except Refused:
        pass
    from commkit.model.composed_yaml import load as composed

    return composed(text)


def __getattr__(name: str) -> Any:
    """libyaml's way (and PyYAML) imported only when someone asks for it."""
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from commkit.model import composed_yaml

    value = getattr(composed_yaml, _LAZY[name])
    globals()[name] = value  # found directly from now on
    return value

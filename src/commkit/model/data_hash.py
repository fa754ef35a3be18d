"""The content hash of a model's JSON data, without pydantic: a warm command learns the hash
of a cached checklist's plain data exactly as :func:`commkit.model.pack.content_hash` works
it out from the model."""

from __future__ import annotations

import hashlib
import json
from typing import Any


def data_hash(data: Any) -> str:
    """A hash of ``model_dump(mode="json")`` data (not its formatting or key order)."""
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False)
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]

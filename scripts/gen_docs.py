"""Regenerate every generated page of the documentation site in one command.

    .venv/bin/python scripts/gen_docs.py          # the CLI reference, the method, the schemas
    .venv/bin/python scripts/gen_docs.py --check  # exit 1 when a page is stale

Screenshots are slower (they run Chromium) and have their own command:
``.venv/bin/python scripts/docs_screens.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import gen_cli_docs
import gen_method_docs


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    return gen_cli_docs.main(args) | gen_method_docs.main(args)


if __name__ == "__main__":
    raise SystemExit(main())

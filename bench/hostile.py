"""Hostile files (alias bombs, deep nesting, huge flow collections, long lines and keys, many
keys or documents): how long each commkit reader takes to refuse them, against the floor.

    .venv/bin/python bench/hostile.py
    .venv/bin/python bench/hostile.py --rounds 5 --json
    PYTHONPATH=OTHER/src .venv/bin/python bench/hostile.py ...   # another checkout

Each file is built here (no megabytes in git) under the 2 MiB size limit, and each reader is
timed on its text in one process, rounds alternating with the floor: ``yaml.load(text,
Loader=yaml.CSafeLoader)`` (which shares an alias's object instead of expanding it, so it
is cheap on a bomb). The readers: the located loader (``loader.parse_text``, what
``validate``, ``assess``, ``plan``, ``seminars export`` and the pack read with), the
workspace's (``workspace_loader.load_model``: ``map``, ``progress``), the batch's plain
reader (``warm_assess._read``) and the located loader's quick way (``loader.parse_plain``).
Reports the median wall ms of each, and its ratio to the floor's median.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

HEAD = 'kind: community\nversion: "1"\nslug: a\nname: A\n'


def alias_bomb(width: int = 10, levels: int = 9) -> str:
    """'Billion laughs': each level a list of ``width`` aliases of the level below."""
    lines = [f"topics: &a0 [{', '.join(['x'] * width)}]"]
    for level in range(1, levels):
        lines.append(f"x{level}: &a{level} [{', '.join([f'*a{level - 1}'] * width)}]")
    return HEAD + "\n".join(lines) + "\n"


def mapping_bomb(width: int = 10, levels: int = 9) -> str:
    """The same with mappings: the keys count too."""
    keys = [f"k{i}" for i in range(width)]
    lines = [f"topics: &a0 {{{', '.join(f'{k}: x' for k in keys)}}}"]
    for level in range(1, levels):
        inner = ", ".join(f"{k}: *a{level - 1}" for k in keys)
        lines.append(f"x{level}: &a{level} {{{inner}}}")
    return HEAD + "\n".join(lines) + "\n"


def bomb_in_answers() -> str:
    text = alias_bomb().replace(HEAD, "")
    return 'kind: answers\nversion: "1"\nchecklist: {id: community-health}\n' + text


FILES: dict[str, Callable[[], str]] = {
    "alias-bomb": alias_bomb,
    "mapping-bomb": mapping_bomb,
    "answers-bomb": bomb_in_answers,
    "deep-flow-nesting": lambda: HEAD + "topics: " + "[" * 5000 + "]" * 5000 + "\n",
    "deep-block-nesting": lambda: (
        HEAD + "".join(f"{' ' * 2 * i}k{i}:\n" for i in range(2000)) + " " * 4000 + "x: 1\n"
    ),
    "huge-flow-list": lambda: HEAD + "topics: [" + "a," * 900_000 + "a]\n",
    "many-keys": lambda: HEAD + "".join(f"k{i}: 1\n" for i in range(200_000)),
    "long-line": lambda: HEAD + "about: " + "x" * 2_000_000 + "\n",
    "long-key": lambda: HEAD + "x" * 2_000_000 + ": 1\n",
    "long-quoted": lambda: HEAD + "about: '" + "it''s " * 330_000 + "'\n",
    "many-documents": lambda: HEAD + "---\na: 1\n" * 200_000,
}


SLOW = {"huge-flow-list", "many-keys"}
"""Files whose floor alone takes seconds (libyaml composing ~1,000,000 nodes): timed only
when ``--only`` names them."""


def floor(text: str) -> None:
    with contextlib.suppress(yaml.YAMLError, RecursionError):
        yaml.load(text, Loader=yaml.CSafeLoader)


def readers(path: Path) -> dict[str, Callable[[str], Any]]:
    from commkit.api.warm_assess import _read
    from commkit.errors import ContentError
    from commkit.model.loader import parse_plain, parse_text
    from commkit.model.workspace import Community
    from commkit.model.workspace_loader import load_model

    def located(text: str) -> Any:
        try:
            return parse_text(text, path)
        except ContentError as exc:
            return exc.diagnostics

    return {
        "located": located,
        "workspace": lambda text: load_model(path, Community, remember=False),
        "batch_plain": lambda text: _read(path),
        "parse_plain": lambda text: parse_plain(text, path),
    }


def timed(work: Callable[[], Any]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def paired(text: str, run: Callable[[str], Any], rounds: int) -> tuple[float, float]:
    """Median wall ms of the floor and of ``run`` on ``text``, the order alternating."""
    pairs = []
    for i in range(rounds):
        if i % 2:
            ours, base = timed(lambda: run(text)), timed(lambda: floor(text))
        else:
            base, ours = timed(lambda: floor(text)), timed(lambda: run(text))
        pairs.append((base, ours))
    return (
        statistics.median(p[0] for p in pairs) * 1000,
        statistics.median(p[1] for p in pairs) * 1000,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", nargs="*", help="file names (default: all)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in FILES.items():
            if (name not in args.only) if args.only else (name in SLOW):
                continue
            text = make()
            path = Path(tmp) / f"{name}.yaml"
            path.write_text(text, "utf-8")
            row: dict[str, Any] = {"bytes": len(text.encode())}
            for reader, run in readers(path).items():
                floor_ms, ours_ms = paired(text, run, args.rounds)
                row[reader] = {"ms": round(ours_ms, 1), "ratio": round(ours_ms / floor_ms, 2)}
                row["floor_ms"] = round(floor_ms, 1)
            results[name] = row
            if not args.json:
                cells = "  ".join(
                    f"{r} {row[r]['ms']:8.1f} ms ({row[r]['ratio']:6.2f}x)"
                    for r in ("located", "workspace", "batch_plain", "parse_plain")
                )
                print(f"{name:20} floor {row['floor_ms']:8.1f} ms  {cells}", flush=True)
    if args.json:
        print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()

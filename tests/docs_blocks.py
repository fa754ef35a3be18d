"""Run the code blocks of the documentation site that are marked to run.

A page marks a block with an HTML comment on the line before its fence (invisible on the site):

- ``<!-- run -->`` before a ``console`` block: every ``$ commkit ...`` line runs (optionally
  prefixed with ``VAR=value``; a trailing backslash continues the line); a ``? N`` line says
  the exit code it must end with (default 0); any other line is output that must appear in
  what the command printed (stdout and stderr, spaces collapsed; ``…`` lines are skipped).
- ``<!-- run -->`` before a ``python`` block: the block runs with ``exec``.
- ``<!-- file: PATH -->`` before any block: its text is written to PATH first.

Every page runs in its own temporary folder holding the Perm Krai example as
``examples/perm-krai`` and the default pack's ``checklists`` and ``methodology``, its blocks in
order (a tutorial's later commands read what its earlier ones wrote).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
MARK = re.compile(r"^<!--\s*(run|file:\s*(?P<path>\S+))\s*-->\s*$")
FENCE = re.compile(r"^(```+|~~~+)\s*(?P<lang>[\w-]*)")
ENV = re.compile(r"^[A-Z_][A-Z0-9_]*=")


@dataclass
class Block:
    """One marked block: what to do with it and where it is."""

    page: Path
    line: int
    lang: str
    text: str
    path: str | None = None  # a file to write, for ``<!-- file: PATH -->``


@dataclass
class Command:
    """One ``$ commkit ...`` line of a console block and what it must show."""

    argv: list[str]
    env: dict[str, str]
    code: int = 0
    expect: list[str] = field(default_factory=list)


def marked_blocks(page: Path) -> list[Block]:
    """The marked blocks of one Markdown page, in order."""
    lines = page.read_text("utf-8").splitlines()
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        mark = MARK.match(lines[i].strip())
        fence = FENCE.match(lines[i + 1].strip()) if mark and i + 1 < len(lines) else None
        if not mark or not fence:
            i += 1
            continue
        body: list[str] = []
        j = i + 2
        while j < len(lines) and not lines[j].strip().startswith(fence.group(1)):
            body.append(lines[j])
            j += 1
        blocks.append(Block(page, i + 2, fence.group("lang"), "\n".join(body), mark.group("path")))
        i = j + 1
    return blocks


def commands(text: str) -> list[Command]:
    """The commands of a console block with their expected exit codes and output."""
    found: list[Command] = []
    pending = ""
    for raw in text.splitlines():
        line = raw.rstrip()
        if pending:
            pending += " " + line.strip().removesuffix("\\")
            if not line.endswith("\\"):
                found.append(parse(pending))
                pending = ""
        elif line.startswith("$ "):
            pending = line[2:].removesuffix("\\")
            if not line.endswith("\\"):
                found.append(parse(pending))
                pending = ""
        elif line.startswith("? ") and found:
            found[-1].code = int(line[2:])
        elif line.strip() and line.strip() not in ("…", "...") and found:
            found[-1].expect.append(" ".join(line.split()))
    return found


def parse(line: str) -> Command:
    words = shlex.split(line, comments=True)
    env: dict[str, str] = {}
    while words and ENV.match(words[0]):
        key, _, value = words.pop(0).partition("=")
        env[key] = value
    if not words or words[0] != "commkit":
        raise AssertionError(f"a run block may only run commkit: {line!r}")
    return Command(words[1:], env)


def workspace(tmp: Path) -> Path:
    """A folder as a reader of the docs has it: the example and the pack's folders."""
    shutil.copytree(ROOT / "examples" / "perm-krai", tmp / "examples" / "perm-krai")
    for name in ("checklists", "methodology"):
        (tmp / name).symlink_to(ROOT / name, target_is_directory=True)
    return tmp


def run_page(page: Path, tmp: Path) -> int:
    """Run every marked block of a page in ``tmp``; return how many commands ran."""
    from typer.testing import CliRunner

    from commkit.cli.app import app

    runner = CliRunner()
    ran = 0
    here = os.getcwd()
    os.chdir(workspace(tmp))
    try:
        for block in marked_blocks(page):
            where = f"{page.relative_to(ROOT)}:{block.line}"
            if block.path:
                target = tmp / block.path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(block.text + "\n", "utf-8")
                continue
            if block.lang == "python":
                exec(compile(block.text, where, "exec"), {"__name__": "__docs__"})
                ran += 1
                continue
            for cmd in commands(block.text):
                env = {"NO_COLOR": "1", "COLUMNS": "120", "COMMKIT_LANG": "", **cmd.env}
                result = runner.invoke(app, cmd.argv, env=env, prog_name="commkit")
                shown = " ".join((result.stdout + "\n" + result.stderr).split())
                context = f"{where}: commkit {shlex.join(cmd.argv)}\n{result.output}"
                assert result.exit_code == cmd.code, f"exit {result.exit_code}: {context}"
                for want in cmd.expect:
                    assert want in shown, f"{want!r} not in the output of {context}"
                ran += 1
    finally:
        os.chdir(here)
    return ran

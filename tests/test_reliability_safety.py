"""Safety: YAML cannot build Python objects, pack templates run in Jinja2's sandbox, user text
is escaped in Markdown and HTML, and commkit has no shell and no network code at all.

``multiprocessing`` stays forbidden. ``assess --jobs`` uses
``concurrent.futures.ProcessPoolExecutor`` (api/batch.py): a pool of Python worker processes
running commkit's own functions, started by Python itself with no shell and no other
program; the scan below allows that import on purpose (it names no forbidden module)."""

from __future__ import annotations

import ast
import html
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from commkit.cli.app import app

HERE = Path(__file__).parent
SRC = HERE.parent / "src" / "commkit"
SMALL_PACK = HERE / "fixtures" / "plan" / "pack"
SMALL_ANSWERS = HERE / "fixtures" / "plan" / "answers.yaml"

# ---------------------------------------------------------------- YAML tags

PAYLOADS = [
    '!!python/object/apply:os.system ["touch {marker}"]',
    '!!python/object/apply:subprocess.call [["touch", "{marker}"]]',
    '!!python/object/new:subprocess.Popen [["touch", "{marker}"]]',
    '!!python/name:os.system ""',
    '!<tag:yaml.org,2002:python/object/apply:os.system> ["touch {marker}"]',
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_yaml_tags_never_build_python_objects(
    payload: str, tmp_path: Path, runner: CliRunner
) -> None:
    marker = tmp_path / "pwned"
    value = payload.format(marker=marker)
    community = tmp_path / "ws" / "communities" / "a.yaml"
    community.parent.mkdir(parents=True)
    community.write_text(f'kind: community\nversion: "1"\nslug: a\nname: {value}\n')
    (tmp_path / "ws" / "region.yaml").write_text('kind: region\nversion: "1"\nname: R\n')
    answers = tmp_path / "answers.yaml"
    answers.write_text(SMALL_ANSWERS.read_text().replace("members: 60", f"members: {value}"))
    runs = [
        ["validate", str(community)],
        ["map", str(tmp_path / "ws"), "--strict"],
        ["seminars", "export", "1", "--profile", str(community), "--out", str(tmp_path / "o")],
        ["--content", str(SMALL_PACK), "assess", "-a", str(answers), "-o", str(tmp_path / "o")],
        ["--content", str(SMALL_PACK), "plan", "-a", str(answers), "--out", str(tmp_path / "o")],
    ]
    for args in runs:
        result = runner.invoke(app, args)
        assert result.exit_code == 1, (args, result.output)
        assert "is not allowed" in result.stderr, result.stderr
        assert not marker.exists(), args


# ---------------------------------------------------------------- templates

ESCAPES = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__.os.popen('touch MARKER').read() }}",
    "{{ self._TemplateReference__context.cycler.__init__.__globals__.os.system('touch MARKER') }}",
    "{% for c in [].__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
    "{{ lipsum.__globals__['os'].popen('touch MARKER').read() }}",
    "{{ (lambda: 1) }}",  # not even valid Jinja: a clean syntax error
]


def evil_pack(tmp_path: Path, template: str, body: str) -> Path:
    pack = tmp_path / "pack"
    shutil.copytree(SMALL_PACK, pack)
    (pack / "templates").mkdir()
    (pack / "templates" / template).write_text(body)
    return pack


@pytest.mark.parametrize("body", ESCAPES)
@pytest.mark.parametrize("template", ["plan.md.j2", "assessment.md.j2", "map.md.j2"])
def test_pack_templates_run_in_the_sandbox(
    template: str, body: str, tmp_path: Path, runner: CliRunner
) -> None:
    marker = tmp_path / "pwned"
    pack = evil_pack(tmp_path, template, "# Report\n" + body.replace("MARKER", str(marker)))
    out = tmp_path / "out"
    if template == "plan.md.j2":
        args = ["plan", "-a", str(SMALL_ANSWERS), "--out", str(out), "--start", "2026-01-05"]
    elif template == "assessment.md.j2":
        args = ["assess", "-a", str(SMALL_ANSWERS), "-o", str(out)]
    else:
        args = ["map", str(HERE / "fixtures" / "region" / "ws"), "--out", str(out / "map.md")]
    result = runner.invoke(app, ["--content", str(pack), *args])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert re.search(r"template", result.stderr), result.stderr
    assert not marker.exists()
    assert not (out / "map.md").exists()
    assert not any(p.suffix == ".md" for p in out.rglob("*")) if out.exists() else True


def test_every_jinja_environment_is_sandboxed() -> None:
    offenders = []
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                if name in {"Environment", "Template", "NativeEnvironment"}:
                    offenders.append(f"{path.name}:{node.lineno} {name}(...)")
                if name == "SandboxedEnvironment":
                    kinds = [k.arg for k in node.keywords]
                    assert "loader" in kinds
            if isinstance(node, ast.ImportFrom) and node.module in {"jinja2", "jinja2.nativetypes"}:
                names = {a.name for a in node.names}
                if names & {"Environment", "Template", "NativeEnvironment"}:
                    offenders.append(f"{path.name}:{node.lineno} imports {sorted(names)}")
    assert offenders == []
    templating = (SRC / "render" / "templating.py").read_text("utf-8")
    assert "SandboxedEnvironment" in templating
    # HTML is made by markdown-it with raw HTML off; a Jinja HTML template would need
    # autoescape, which the Markdown environment leaves off on purpose
    html_templates = list((SRC / "render" / "templates").glob("*.html*"))
    assert html_templates == [] or "select_autoescape" in templating
    assert '"html": False' in (SRC / "render" / "html.py").read_text("utf-8")


# ---------------------------------------------------------------- escaping

EVIL = "| # <b>x</b>"


def rendered(markdown: str) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)


def check_escaped(markdown: str) -> None:
    out = rendered(markdown)
    assert "<b>x</b>" not in out
    assert html.escape(EVIL, quote=False) in out  # the whole name, as text, in one piece
    for line in markdown.splitlines():
        assert not line.startswith("# <b>") and not line.startswith("| # <b>")


def test_markdown_escapes_user_text_in_reports_plans_and_maps(
    tmp_path: Path, runner: CliRunner
) -> None:
    import json

    name = json.dumps(EVIL)
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        SMALL_ANSWERS.read_text("utf-8").replace('name: "Test Club: Perm"', f"name: {name}"),
        "utf-8",
    )
    out = tmp_path / "out"
    common = ["--content", str(SMALL_PACK)]
    result = runner.invoke(app, [*common, "assess", "-a", str(answers), "-o", str(out)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(
        app, [*common, "plan", "-a", str(answers), "--out", str(out), "--start", "2026-01-05"]
    )
    assert result.exit_code == 0, result.output
    ws = tmp_path / "ws"
    shutil.copytree(HERE / "fixtures" / "region" / "ws", ws)
    profile = ws / "communities" / "alpha-club.yaml"
    profile.write_text(
        re.sub(r"(?m)^name: .*$", f"name: {name}", profile.read_text("utf-8")), "utf-8"
    )
    result = runner.invoke(app, ["map", str(ws), "--out", str(out / "map.md")])
    assert result.exit_code == 0, result.output
    reports = sorted(out.glob("*.md"))
    assert len(reports) == 3, reports  # report, plan, map
    for report in reports:
        check_escaped(report.read_text("utf-8"))


def test_html_is_escaped(tmp_path: Path, runner: CliRunner) -> None:
    profile = tmp_path / "club.yaml"
    profile.write_text(
        'kind: community\nversion: "1"\nslug: club\nname: "<script>alert(1)</script> & Co"\n'
    )
    out = tmp_path / "out"
    args = ["seminars", "export", "1", "--format", "html", "--out", str(out)]
    result = runner.invoke(app, [*args, "--profile", str(profile)])
    assert result.exit_code == 0, result.output
    pages = list(out.rglob("*.html"))
    assert pages
    for page in pages:
        text = page.read_text("utf-8")
        assert "<script>alert" not in text
    assert any("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in p.read_text() for p in pages)


# ---------------------------------------------------------------- no shell, no network

FORBIDDEN_MODULES = {
    "subprocess", "socket", "urllib", "urllib.request", "http", "http.client", "ftplib",
    "smtplib", "requests", "httpx", "aiohttp", "webbrowser", "pty", "telnetlib", "ssl",
    "xmlrpc", "asyncio.subprocess", "multiprocessing",
}  # fmt: skip
FORBIDDEN_CALLS = {"system", "popen", "spawnl", "spawnv", "execv", "execvp", "startfile", "fork"}


def scan(source: str, where: str) -> list[str]:
    """Imports of shell/network modules and calls of os.system & co in ``source``."""
    offenders = []
    for node in ast.walk(ast.parse(source)):
        modules: list[str] = []
        if isinstance(node, ast.Import):
            modules = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        for module in modules:
            if module in FORBIDDEN_MODULES or module.split(".")[0] in FORBIDDEN_MODULES:
                offenders.append(f"{where}:{node.lineno} import {module}")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            base = getattr(node.func.value, "id", "")
            if base == "os" and node.func.attr in FORBIDDEN_CALLS:
                offenders.append(f"{where}:{node.lineno} os.{node.func.attr}")
        if isinstance(node, ast.Name) and node.id in {"eval", "exec", "__import__"}:
            offenders.append(f"{where}:{node.lineno} {node.id}")
    return offenders


def test_no_shell_and_no_network_anywhere_in_commkit() -> None:
    files = list(SRC.rglob("*.py"))
    assert len(files) > 30
    offenders = [o for p in files for o in scan(p.read_text("utf-8"), str(p.relative_to(SRC)))]
    assert offenders == []


@pytest.mark.parametrize(
    "source",
    [
        "import subprocess",
        "from urllib.request import urlopen",
        "import http.client as h",
        "import os\nos.system('ls')",
        "from socket import socket",
        "eval('1')",
    ],
)
def test_the_scan_catches_shell_and_network_code(source: str) -> None:
    assert scan(source, "x.py") != []

"""Regenerate the tutorials' screenshots: real commkit runs against the Perm Krai example.

    .venv/bin/python scripts/docs_screens.py            # every shot, English and Russian
    .venv/bin/python scripts/docs_screens.py map-html   # only the shots named

Terminal shots: each command runs in a tmux pane 100 columns wide (a real terminal, so
colours and progress bars end as a person sees them) in a copy of examples/perm-krai; the
pane's screen goes through rich (``Console(record=True)``, ``export_html``) into a page that
headless Chromium turns into a PNG. HTML shots: Chromium opens the page commkit wrote. The
PNGs go to docs/images/<name>-<lang>.png, which the tutorials show.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"
COMMKIT = Path(sys.executable).parent / "commkit"
CHROMIUM = os.environ.get("COMMKIT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]
COLUMNS = 100
REPORT = "reports/fashiontechperm-assessment-2020-10-15"


@dataclass
class Shot:
    """One step of the walk-through: a command, and what to capture of it.

    ``html`` names the page the command wrote (captured instead of the terminal);
    ``show`` is False for a step that only prepares files for later ones.
    """

    name: str
    command: str
    html: str | None = None
    size: tuple[int, int] = (1200, 900)
    show: bool = True
    paths: bool = False
    """The command prints paths inside the work folder, which the picture shows without
    the folder: its pane is wider by the folder's name, so that a line folds where it
    would in a 100-column terminal of a person in their own folder."""
    files: tuple[tuple[str, str], ...] = ()  # (path, text) written before the command


OVERLAY = (
    "kama-pack/checklists/self-identification.yaml",
    """kind: checklist
version: "1.1"
id: self-identification
questions:
  - id: platform.single-platform
    text: {ru: "Собраны ли все участники на одной площадке (например, в одном канале Telegram)?"}
""",
)


def steps(lang: str) -> list[Shot]:
    """The walk-through of the three tutorials, in order, as a user in ``lang`` runs it."""
    g = "commkit" if lang == "en" else f"commkit --lang {lang}"
    r = f"commkit --lang {lang}"  # the region's language is Russian: English must be asked for
    ws = "examples/perm-krai"
    return [
        # A community leader
        Shot(
            "checklist-form",
            f"{g} checklist export --format html --out forms",
            "forms/*.html",
            (1200, 1100),
        ),
        Shot(
            "assess",
            f"{g} assess --answers {ws}/answers/fashiontechperm.yaml --out reports "
            "--date 2020-10-15 --html --charts",
        ),
        Shot("report-html", "true", f"{REPORT}.html", (1200, 1500)),
        Shot("plan", f"{g} plan -a {REPORT}.yaml --start 2026-01-12 --out plans --ics plan.ics"),
        Shot(
            "plan-html",
            f"{g} plan -a {REPORT}.yaml --start 2026-01-12 --out plans-html --html plan.html",
            "plan.html",
            (1200, 1300),
        ),
        # A community manager
        Shot("seminars-list", f"{g} seminars list"),
        Shot(
            "seminars-export",
            f"{g} seminars export --all --out materials --date 2026-02-02 --time 18:00 "
            "--format html",
        ),
        Shot("seminar-html", "true", "materials/03-seminar-3/index.html", (1200, 1300)),
        Shot("map", f"{r} map {ws} --date 2020-12-01"),
        Shot(
            "map-html",
            f"{r} map {ws} --date 2020-12-01 --out map.md --charts --html map.html",
            "map.html",
            (1200, 1500),
        ),
        Shot("public-map", f"{r} map {ws} --public --html public.html", "public.html"),
        Shot("progress", f"{r} progress business-mentor -w {ws}"),
        Shot(
            "regional-plan",
            f"{r} plan --workspace {ws} --start 2021-01-11 --out regional --html regional.html",
            "regional.html",
            (1200, 1400),
        ),
        # A consultant
        Shot("region-init", f"{g} region init kama --name Kama --country Russia --lang {lang}"),
        Shot("overlay", f"{g} content init kama-pack --overlay"),
        Shot("overlay-validate", f"{g} validate kama-pack", files=(OVERLAY,)),
        Shot(
            "batch",
            f"{g} assess --answers '{ws}/answers/*.yaml' --out batch --date 2020-10-15",
            paths=True,
        ),
        Shot(
            "team",
            f"{g} assess --team --workspace {ws} --community fashiontechperm --date 2020-10-20",
        ),
        Shot("export-sqlite", f"{r} export sqlite {ws} perm.db"),
    ]


TERMINAL_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><style>
body {{ margin: 0; background: #0c0c0c; }}
.term {{ margin: 0; padding: 14px 18px; background: #0c0c0c; color: #d9d9d9;
  font: 15px/18px 'DejaVu Sans Mono', monospace; white-space: pre; border-radius: 6px; }}
.prompt {{ color: #8ae234; }}
</style></head><body><div class="term"><span class="prompt">$</span> @COMMAND@
{code}</div></body></html>
"""
LINE_PX, CHAR_PX = 18, 9.04


def terminal_page(command: str, output: str) -> tuple[str, tuple[int, int]]:
    """The output as a dark terminal page (rich's HTML export), and the window it needs."""
    import html

    from rich.console import Console
    from rich.terminal_theme import MONOKAI
    from rich.text import Text

    console = Console(record=True, width=COLUMNS, file=io.StringIO(), force_terminal=True)
    text = Text.from_ansi(output.rstrip("\n"))
    console.print(text, crop=False, soft_wrap=False)
    import textwrap

    wrapped = textwrap.wrap(command, COLUMNS - 4, break_long_words=False, break_on_hyphens=False)
    shown = " \\\n    ".join(html.escape(part) for part in wrapped)
    shown = shown.replace("{", "{{").replace("}", "}}")
    page = TERMINAL_PAGE.replace("@COMMAND@", shown)
    lines = console.export_text(clear=False).rstrip("\n").count("\n") + 1 + len(wrapped)
    exported = console.export_html(theme=MONOKAI, code_format=page, inline_styles=True)
    width = int(COLUMNS * CHAR_PX) + 36
    return exported, (width, lines * LINE_PX + 30)


def chromium(url: str, png: Path, size: tuple[int, int]) -> None:
    """A PNG of the page; a window under ~200 px high can hang headless Chromium."""
    window = f"--window-size={size[0]},{max(size[1], 200)}"
    png.unlink(missing_ok=True)
    for attempt in range(3):
        # A profile of its own: a second Chromium on a shared profile hands the page to the
        # first one and exits without a screenshot.
        with tempfile.TemporaryDirectory(prefix="commkit-chromium-") as profile:
            args = [CHROMIUM, *CHROMIUM_ARGS, f"--user-data-dir={profile}"]
            try:
                subprocess.run(
                    [*args, f"--screenshot={png}", window, url],
                    check=True,
                    capture_output=True,
                    timeout=90,
                )
            except subprocess.TimeoutExpired:
                if attempt == 2:
                    raise
        if png.is_file():
            return
    raise SystemExit(f"Chromium wrote no screenshot of {url}")


TMUX = ["tmux", "-L", f"commkit-docs-{os.getpid()}"]  # a tmux server of this run only


def run(command: str, cwd: Path, lang: str, *, paths: bool = False) -> str:
    """Run one command line in a tmux pane 100 columns wide, a real terminal, and return
    the screen it leaves (with colours): live progress bars end as a person sees them."""
    env = {"COMMKIT_LANG": "", "PATH": f"{COMMKIT.parent}{os.pathsep}{os.environ['PATH']}"}
    exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    status = cwd / ".status"
    status.unlink(missing_ok=True)
    script = f"export {exports}; unset NO_COLOR; {command}; echo $? > {shlex.quote(str(status))}"
    session = f"shot{os.getpid()}"
    shell = f"sleep 0.5; bash -c {shlex.quote(script)}"
    columns = COLUMNS + (len(str(cwd)) + 1 if paths else 0)
    size = ["-x", str(columns), "-y", "50", "-c", str(cwd)]
    subprocess.run([*TMUX, "new-session", "-d", "-s", session, *size, shell], check=True)
    try:
        for option, value in (("remain-on-exit", "on"), ("history-limit", "20000")):
            subprocess.run([*TMUX, "set-option", "-t", session, option, value], check=True)
        deadline = time.monotonic() + 300
        while not status.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(0.5)
        screen = subprocess.run(
            [*TMUX, "capture-pane", "-p", "-e", "-S", "-", "-E", "-", "-t", session],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    finally:
        subprocess.run([*TMUX, "kill-session", "-t", session], check=False, capture_output=True)
    code = status.read_text().strip() if status.exists() else "timeout"
    lines = [line for line in screen.rstrip().splitlines() if "Pane is dead" not in line]
    output = "\n".join(lines).strip("\n")
    if code != "0":
        raise SystemExit(f"[{lang}] {command} failed ({code}):\n{output}")
    # The work folder's path, even where the terminal broke it across two lines.
    folder = "\n?".join(re.escape(c) for c in str(cwd) + os.sep)
    # The default pack of this checkout stands for the one inside an installed commkit.
    pack = "\n?".join(re.escape(c) for c in str(ROOT) + os.sep)
    return re.sub(pack, "<commkit>/", re.sub(folder, "", output))


def form_page(form: Path, png: Path, size: tuple[int, int]) -> None:
    """The HTML form at its first questions, as a rater sees it after the start screen
    (Playwright drives the same Chromium)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS[1:])
        page = browser.new_page(viewport={"width": size[0], "height": size[1]})
        page.goto(form.as_uri())
        page.fill("#meta-community", "FashionTechPerm")
        page.fill("#meta-rater", "Anna")
        page.fill("#meta-role", "founder")
        page.fill("#meta-date", "2020-10-15")
        page.click("#next")
        page.screenshot(path=str(png))
        browser.close()


def capture(shot: Shot, work: Path, lang: str) -> Path | None:
    for name, text in shot.files:
        (work / name).parent.mkdir(parents=True, exist_ok=True)
        (work / name).write_text(text, "utf-8")
    output = run(shot.command, work, lang, paths=shot.paths)
    if not shot.show:
        return None
    png = IMAGES / f"{shot.name}-{lang}.png"
    if shot.name == "checklist-form":
        form_page(sorted(work.glob(shot.html or ""))[0], png, shot.size)
    elif shot.html:
        page = sorted(work.glob(shot.html))[0]
        chromium(page.as_uri(), png, shot.size)
    else:
        page, size = terminal_page(shot.command, output)
        page_file = work / f".{shot.name}.html"
        page_file.write_text(page, "utf-8")
        chromium(page_file.as_uri(), png, size)
    return png


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("names", nargs="*", help="only these shots (default: all)")
    parser.add_argument("--lang", choices=("en", "ru"), action="append")
    args = parser.parse_args(argv)
    IMAGES.mkdir(parents=True, exist_ok=True)
    # One session lives for the whole run, so the server does not exit between shots.
    subprocess.run([*TMUX, "new-session", "-d", "-s", "keep", "sleep 86400"], check=True)
    try:
        shoot(args.lang or ["en", "ru"], args.names)
    finally:
        subprocess.run([*TMUX, "kill-server"], check=False, capture_output=True)
    return 0


def shoot(langs: list[str], names: list[str]) -> None:
    for lang in langs:
        with tempfile.TemporaryDirectory(prefix="commkit-screens-") as tmp:
            work = Path(tmp)
            shutil.copytree(ROOT / "examples" / "perm-krai", work / "examples" / "perm-krai")
            walk = steps(lang)
            if names:  # the steps up to the last one asked for (earlier ones feed it)
                last = max(i for i, shot in enumerate(walk) if shot.name in names)
                walk = walk[: last + 1]
            for shot in walk:
                if names and shot.name not in names:
                    shot.show = False
                png = capture(shot, work, lang)
                if png:
                    print(f"wrote {png.relative_to(ROOT)}")


if __name__ == "__main__":
    raise SystemExit(main())

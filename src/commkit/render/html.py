"""Markdown -> self-contained HTML: inline CSS, a print stylesheet, no request to any host.

Markdown is rendered with markdown-it-py with raw HTML disabled (a ``<script>`` in user text
comes out as text), images disabled, and only relative links allowed (no scheme, no
``//host``), so a page can never load anything from elsewhere.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from commkit.render.text import html_text

FILL_MARK = "…" * 40
"""A line of the handout's answer space; the HTML shows it as a ruled line."""

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def is_local_link(url: str) -> bool:
    """A relative link (a file next to the page or an in-page anchor), nothing else."""
    url = url.strip()
    if not url or url.startswith(("//", "\\\\", "/\\", "\\/")):
        return False
    if "\\" in url or any(ord(ch) < 32 for ch in url):
        return False
    return _SCHEME.match(url) is None


@cache
def _markdown() -> Any:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.disable("image")
    md.validateLink = is_local_link  # type: ignore[method-assign]
    return md


def markdown_to_html(text: str, *, shift_headings: int = 0) -> str:
    """Render Markdown to an HTML fragment; headings move down ``shift_headings`` levels."""
    md = _markdown()
    tokens = md.parse(text)
    if shift_headings:
        for token in tokens:
            if token.type in ("heading_open", "heading_close"):
                level = min(int(token.tag[1]) + shift_headings, 6)
                token.tag = f"h{level}"
    body: str = md.renderer.render(tokens, md.options, {})
    body = body.replace(f"<p>{FILL_MARK}</p>", '<div class="fill" aria-hidden="true"></div>')
    body = body.replace("<li>[ ] ", '<li class="task"><span class="box" aria-hidden="true"></span>')
    return body


CSS = """
:root { --ink: #1d2330; --muted: #5b6577; --line: #d5dae3; --accent: #1f5fbf;
  --paper: #ffffff; --soft: #f4f6fa; --note: #fff8e1; --note-line: #e6c65c; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--soft); color: var(--ink);
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans",
  Arial, sans-serif; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
header.page { background: var(--ink); color: #fff; padding: 1.75rem 1.25rem 1.5rem; }
header.page .inner { max-width: 60rem; margin: 0 auto; }
header.page .kicker { text-transform: uppercase; letter-spacing: .08em; font-size: .8rem;
  color: #b9c6dd; margin: 0 0 .35rem; }
header.page h1 { margin: 0 0 .6rem; font-size: 1.9rem; line-height: 1.2; }
header.page .meta { margin: 0; color: #dbe3f1; }
header.page .meta span + span::before { content: "\\00b7"; margin: 0 .5em; color: #8a99b5; }
nav.toc { position: sticky; top: 0; z-index: 1; background: var(--paper);
  border-bottom: 1px solid var(--line); }
nav.toc ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem;
  max-width: 60rem; margin: 0 auto; padding: .6rem 1.25rem; }
nav.toc a { color: var(--accent); text-decoration: none; font-weight: 600; }
nav.toc a:hover { text-decoration: underline; }
section.doc { background: var(--paper); border: 1px solid var(--line); border-radius: 10px;
  padding: .5rem 1.75rem 1.5rem; margin: 0 0 1.5rem; }
h2 { font-size: 1.45rem; } h3 { font-size: 1.15rem; margin-top: 1.6rem; }
h4 { font-size: 1rem; }
p, li { overflow-wrap: anywhere; }
a { color: var(--accent); }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: .95rem; }
th, td { border: 1px solid var(--line); padding: .4rem .6rem; text-align: left;
  vertical-align: top; }
th { background: var(--soft); }
td:first-child { white-space: nowrap; }
pre { background: var(--soft); border: 1px solid var(--line); border-radius: 6px;
  padding: .9rem 1rem; white-space: pre-wrap; overflow-wrap: anywhere;
  font: .92rem/1.5 ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas,
  monospace; }
code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
blockquote { margin: 1rem 0; padding: .5rem 1rem; border-left: 4px solid var(--accent);
  background: var(--soft); }
hr { border: 0; border-top: 1px solid var(--line); margin: 1.5rem 0; }
.fill { height: 2.1rem; border-bottom: 1px solid #9aa5b8; }
li.task { list-style: none; margin-left: -1.3rem; }
li.task .box { display: inline-block; width: .95em; height: .95em; border: 1.5px solid var(--muted);
  border-radius: 2px; margin-right: .55em; vertical-align: -0.12em; }
.section-label { text-transform: uppercase; letter-spacing: .08em; font-size: .75rem;
  font-weight: 600; color: var(--accent); margin: 1rem 0 0; }
section.doc > .section-label + h2 { margin-top: .2rem; padding-bottom: .4rem;
  border-bottom: 2px solid var(--accent); }
#invitation pre, #invitation pre code { font-family: inherit; font-size: .97rem;
  line-height: 1.55; }
.slides { display: grid; gap: 1.25rem; align-items: start;
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 24rem), 1fr)); }
.slide { border: 1px solid var(--line); border-radius: 8px; overflow: hidden;
  background: var(--paper); display: flex; flex-direction: column; }
.slide .frame { min-height: 13.5rem; padding: 1rem 1.4rem; flex: 1; font-size: .9rem; }
.slide.lead .frame { display: flex; flex-direction: column; justify-content: center;
  text-align: center; background: linear-gradient(135deg, #eef3fb, #ffffff); }
.slide .frame h2 { font-size: 1.35rem; margin: .2rem 0 .6rem; border: 0; }
.slide .frame h3 { font-size: 1.1rem; margin: .2rem 0 .6rem; }
.slide .frame p, .slide .frame li { font-size: .9rem; }
.slide .frame ul { padding-left: 1.2rem; }
.slide .number { font-size: .75rem; color: var(--muted); padding: .3rem .75rem;
  border-top: 1px solid var(--line); background: var(--soft); }
.slide aside.notes { background: var(--note); border-top: 1px solid var(--note-line);
  padding: .6rem 1rem; font-size: .92rem; }
.slide aside.notes p { margin: .25rem 0; }
.slide aside.notes .label { font-weight: 600; color: #7a5b00; }
footer.page { color: var(--muted); font-size: .85rem; text-align: center; padding: 1rem; }
.hint { color: var(--muted); font-size: .9rem; }
figure.chart { margin: 1.25rem 0; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
figure.chart figcaption { color: var(--muted); font-size: .85rem; margin-top: .3rem; }
@media (max-width: 40rem) {
  section.doc { padding: .25rem 1rem 1rem; }
  header.page h1 { font-size: 1.5rem; }
}
@media print {
  @page { size: A4; margin: 16mm 14mm; }
  body { background: #fff; font-size: 11pt; }
  header.page { background: none; color: #000; padding: 0 0 6mm; border-bottom: 2px solid #000; }
  header.page .kicker, header.page .meta { color: #333; }
  nav.toc, .hint, footer.page { display: none; }
  main { max-width: none; padding: 0; }
  section.doc { border: 0; border-radius: 0; padding: 0; margin: 0; break-before: page; }
  section.doc:first-of-type { break-before: auto; }
  a { color: #000; text-decoration: none; }
  h2, h3, h4 { break-after: avoid; }
  tr, pre, .slide, li, blockquote, figure.chart { break-inside: avoid; }
  thead { display: table-header-group; }
  .slide { margin-bottom: 8mm; }
  .fill { border-bottom-color: #555; }
}
"""


def page(*, title: str, lang: str, header: str, body: str, nav: list[tuple[str, str]]) -> str:
    """A whole HTML5 document. ``title`` is plain text; ``header``/``body`` are HTML."""
    links = "".join(
        f'<li><a href="#{html_text(anchor)}">{html_text(label)}</a></li>' for anchor, label in nav
    )
    nav_html = f'<nav class="toc"><ul>{links}</ul></nav>\n' if nav else ""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html_text(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">\n"
        f"<title>{html_text(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"{header}\n{nav_html}<main>\n{body}\n</main>\n"
        f'<footer class="page">commkit</footer>\n</body>\n</html>\n'
    )

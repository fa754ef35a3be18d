"""The public Business Community Map as one self-contained page entrepreneurs can browse.

Every card is in the HTML itself (it reads and prints without script); a small vanilla
script, allowed by its hash in the Content-Security-Policy and nothing else, filters the
cards by words, topic and format. All text is escaped; only ``https:``, ``http:``,
``mailto:`` and ``tel:`` contacts become links.
"""

from __future__ import annotations

import base64
import hashlib

from commkit.core.public_map import PublicEntry, PublicMap
from commkit.i18n import section
from commkit.model.common import tr
from commkit.render.text import html_text

SCRIPT = """(function () {
  var form = document.getElementById("filters");
  var q = document.getElementById("q"), topic = document.getElementById("topic");
  var format = document.getElementById("format"), count = document.getElementById("count");
  var empty = document.getElementById("empty");
  var cards = Array.prototype.slice.call(document.querySelectorAll("article.card"));
  function norm(s) { return (s || "").toLowerCase().replace(/\\u0451/g, "\\u0435"); }
  function apply() {
    var words = norm(q.value).split(/\\s+/).filter(Boolean);
    var t = topic.value, f = format.value, shown = 0;
    cards.forEach(function (card) {
      var text = card.getAttribute("data-text");
      var ok = words.every(function (w) { return text.indexOf(w) >= 0; });
      if (t && card.getAttribute("data-topics").split("|").indexOf(t) < 0) { ok = false; }
      if (f && card.getAttribute("data-format") !== f) { ok = false; }
      card.hidden = !ok;
      if (ok) { shown += 1; }
    });
    count.textContent = count.getAttribute("data-template").replace("{n}", String(shown));
    empty.hidden = shown > 0;
  }
  if (location.hash.indexOf("#q=") === 0) {
    try { q.value = decodeURIComponent(location.hash.slice(3).replace(/\\+/g, " ")); }
    catch (e) { q.value = ""; }
  }
  form.hidden = false;
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  [q, topic, format].forEach(function (el) {
    el.addEventListener("input", apply);
    el.addEventListener("change", apply);
  });
  apply();
})();
"""

CSS = """
:root { --ink: #1d2330; --muted: #5b6577; --line: #d5dae3; --accent: #1f5fbf;
  --paper: #fff; --soft: #f4f6fa; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--soft); color: var(--ink);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans",
  Arial, sans-serif; }
header.page { background: var(--ink); color: #fff; padding: 1.75rem 1.25rem 1.5rem; }
header.page .inner, main, form.filters .inner { max-width: 68rem; margin: 0 auto; }
header.page .kicker { text-transform: uppercase; letter-spacing: .08em; font-size: .8rem;
  color: #b9c6dd; margin: 0 0 .35rem; }
header.page h1 { margin: 0 0 .5rem; font-size: 1.9rem; line-height: 1.2; }
header.page p.intro { margin: 0; color: #dbe3f1; max-width: 46rem; }
form.filters { position: sticky; top: 0; z-index: 1; background: var(--paper);
  border-bottom: 1px solid var(--line); padding: .75rem 1.25rem; }
form.filters .inner { display: flex; flex-wrap: wrap; gap: .6rem 1rem; align-items: end; }
form.filters label { display: flex; flex-direction: column; font-size: .8rem;
  color: var(--muted); font-weight: 600; }
form.filters input, form.filters select { font: inherit; font-size: 1rem; padding: .4rem .55rem;
  border: 1px solid #aab4c5; border-radius: 6px; background: #fff; color: var(--ink);
  min-width: 12rem; font-weight: 400; }
form.filters input { min-width: 18rem; }
#count { margin-left: auto; color: var(--muted); font-size: .9rem; }
main { padding: 1.25rem; }
.cards { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(19rem, 1fr)); }
article.card { background: var(--paper); border: 1px solid var(--line); border-radius: 10px;
  padding: 1rem 1.2rem; display: flex; flex-direction: column; gap: .35rem; }
article.card[hidden] { display: none; }
article.card h2 { margin: 0 0 .2rem; font-size: 1.2rem; line-height: 1.25; }
article.card p { margin: 0; overflow-wrap: anywhere; }
article.card .label { font-weight: 600; font-size: .78rem; text-transform: uppercase;
  letter-spacing: .05em; color: var(--muted); margin-top: .45rem; }
.tags { display: flex; flex-wrap: wrap; gap: .3rem; margin: .2rem 0 0; padding: 0;
  list-style: none; }
.tags li { background: #e8eef7; color: #21406f; border-radius: 999px; padding: .05rem .6rem;
  font-size: .85rem; }
.meta { color: var(--muted); font-size: .9rem; }
ul.contacts { margin: .1rem 0 0; padding-left: 1.1rem; }
ul.contacts li { overflow-wrap: anywhere; }
a { color: var(--accent); }
#empty { color: var(--muted); padding: 2rem 0; text-align: center; }
footer.page { color: var(--muted); font-size: .85rem; text-align: center; padding: 1rem; }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { background: #fff; font-size: 10.5pt; }
  header.page { background: none; color: #000; border-bottom: 2px solid #000; padding: 0 0 4mm; }
  header.page .kicker, header.page p.intro { color: #333; }
  form.filters, #count, #empty { display: none; }
  main { padding: 4mm 0 0; max-width: none; }
  .cards { grid-template-columns: 1fr 1fr; gap: 4mm; }
  article.card, article.card[hidden] { display: flex; break-inside: avoid; }
  a { color: #000; text-decoration: none; }
}
"""

LINK_SCHEMES = ("https://", "http://", "mailto:", "tel:")


def labels(lang: str) -> dict[str, str]:
    """The page's words in ``lang`` (section ``public`` of :mod:`commkit.i18n`)."""
    return section("public", lang)


def _norm(text: str) -> str:
    return text.casefold().replace("ё", "е")


def _contact(value: str) -> str:
    safe = html_text(value)
    lowered = value.strip().lower()
    if lowered.startswith(LINK_SCHEMES) and not any(ord(c) < 33 for c in value.strip()):
        return f'<a href="{safe}" rel="noopener noreferrer">{safe}</a>'
    return safe


def _card(entry: PublicEntry, lang: str) -> str:
    lab = labels(lang)
    topics = [tr(t, lang) for t in entry.topics]
    purpose = tr(entry.purpose, lang)
    join = tr(entry.how_to_join, lang)
    form = lab.get(entry.format, entry.format)
    name = tr(entry.name, lang)
    searchable = " ".join(
        [name, purpose, join, " ".join(topics), tr(entry.city, lang), tr(entry.platform, lang)]
    )
    parts = [
        f'<article class="card" data-format="{html_text(entry.format)}" '
        f'data-topics="{html_text("|".join(topics))}" '
        f'data-text="{html_text(_norm(searchable))}">',
        f"<h2>{html_text(name)}</h2>",
    ]
    meta = [form, tr(entry.city, lang), tr(entry.platform, lang)]
    parts.append(f'<p class="meta">{html_text(" · ".join(m for m in meta if m))}</p>')
    if purpose:
        parts.append(f'<p class="label">{lab["purpose"]}</p><p>{html_text(purpose)}</p>')
    if topics:
        tags = "".join(f"<li>{html_text(t)}</li>" for t in topics)
        parts.append(f'<p class="label">{lab["topics"]}</p><ul class="tags">{tags}</ul>')
    if join:
        parts.append(f'<p class="label">{lab["how_to_join"]}</p><p>{html_text(join)}</p>')
    if entry.contacts:
        items = "".join(
            f"<li>{html_text(tr(c.label, lang))}: {_contact(c.value)}</li>" for c in entry.contacts
        )
        parts.append(f'<p class="label">{lab["contacts"]}</p><ul class="contacts">{items}</ul>')
    parts.append("</article>")
    return "\n".join(parts)


def _options(values: list[tuple[str, str]], first: str) -> str:
    rows = [f'<option value="">{html_text(first)}</option>']
    rows += [f'<option value="{html_text(v)}">{html_text(t)}</option>' for v, t in values]
    return "".join(rows)


def public_map_html(data: PublicMap, lang: str = "en") -> str:
    """The whole page: header, the (script-enabled) filters, one card per listed community."""
    lab = labels(lang)
    title = lab["title"].format(region=tr(data.region, lang))
    topics = sorted({tr(t, lang) for e in data.entries for t in e.topics}, key=str.casefold)
    used = {e.format for e in data.entries}
    formats = [f for f in ("online", "offline", "mixed") if f in used]
    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")
    csp = f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'"
    cards = "\n".join(_card(e, lang) for e in data.entries)
    script = f"<script>{SCRIPT}</script>\n" if data.entries else ""
    count = html_text(lab["found"])
    filters = (
        '<form id="filters" class="filters" role="search" hidden><div class="inner">'
        f'<label>{lab["search"]}<input id="q" type="search" '
        f'placeholder="{html_text(lab["placeholder"])}" autocomplete="off"></label>'
        f'<label>{lab["topic"]}<select id="topic">'
        f"{_options([(t, t) for t in topics], lab['all_topics'])}</select></label>"
        f'<label>{lab["format"]}<select id="format">'
        f"{_options([(f, lab[f]) for f in formats], lab['any_format'])}</select></label>"
        f'<span id="count" data-template="{count}" aria-live="polite"></span>'
        "</div></form>"
    )
    body = (
        f'<div class="cards">\n{cards}\n</div>\n<p id="empty" hidden>{html_text(lab["empty"])}</p>'
        if data.entries
        else f'<p id="empty">{html_text(lab["none"])}</p>'
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html_text(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        f"<title>{html_text(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        '<header class="page"><div class="inner">'
        f'<p class="kicker">{html_text(lab["kicker"])}</p><h1>{html_text(title)}</h1>'
        f'<p class="intro">{html_text(lab["intro"])}</p></div></header>\n'
        f"{filters if data.entries else ''}\n<main>\n{body}\n</main>\n"
        f'<footer class="page">{html_text(lab["footer"])}</footer>\n'
        f"{script}</body>\n</html>\n"
    )

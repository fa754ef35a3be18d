"""What a reader of one language must not meet: English sentences in Russian output, Cyrillic
in English output. The English check is the heuristic of the team's ``english_in_ru`` tool:
four Latin words in a row, two of them lower-case words (names and titles pass), outside code
blocks, URLs, file names and inline code."""

from __future__ import annotations

import re

RUN = re.compile(r"[A-Za-z][A-Za-z'’-]+(?:[ ,;:()/]+[A-Za-z][A-Za-z'’-]+){3,}")
ALLOW = re.compile(
    r"https?://\S+|\S+\.(?:md|html|yaml|ics|csv|json|zip)\b|`[^`]*`|\{[^}]*\}|<[^>]*>"
)
CYRILLIC = re.compile(r"[А-Яа-яЁё]")
SKIP_PREFIXES = ("marp:", "theme:", "paginate:", "<!--", "<style", "@", "%%")


def english_phrases(text: str, allowed: tuple[str, ...] = ()) -> list[str]:
    """English phrases in ``text`` (each as ``line: phrase``); ``allowed`` text is ignored."""
    found = []
    fence = False
    for n, line in enumerate(text.splitlines(), 1):
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
            continue
        if fence or line.lstrip().startswith(SKIP_PREFIXES):
            continue
        for item in allowed:
            line = line.replace(item, " ")
        for m in RUN.finditer(ALLOW.sub(" ", line)):
            words = re.findall(r"[A-Za-z'’-]+", m.group(0))
            if sum(1 for w in words if len(w) >= 3 and w[0].islower()) >= 2:
                found.append(f"{n}: {m.group(0)[:80]}")
    return found


def cyrillic_lines(text: str, allowed: tuple[str, ...] = ()) -> list[str]:
    """Lines of ``text`` with Cyrillic letters (``allowed`` text removed first)."""
    found = []
    for n, line in enumerate(text.splitlines(), 1):
        for item in allowed:
            line = line.replace(item, " ")
        if CYRILLIC.search(line):
            found.append(f"{n}: {line.strip()[:80]}")
    return found

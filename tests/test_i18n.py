"""The one message catalog: complete in both languages, every key used, one lookup rule."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from commkit import i18n

SRC = Path(i18n.__file__).resolve().parents[1]
EN = i18n.catalog("en")
RU = i18n.catalog("ru")
PLURAL_FORMS = {"en": {"one", "other"}, "ru": {"one", "few", "many"}}


def _fields(value: str | dict[str, str]) -> set[str]:
    texts = [value] if isinstance(value, str) else list(value.values())
    return {
        name.split(".")[0].split("[")[0].split(":")[0]
        for t in texts
        for _, name, _, _ in string.Formatter().parse(t)
        if name
    }


def test_every_key_exists_in_both_languages_with_the_same_placeholders() -> None:
    assert set(EN) == set(RU), set(EN) ^ set(RU)
    for key in EN:
        assert _fields(EN[key]) == _fields(RU[key]), key
        for lang, value in (("en", EN[key]), ("ru", RU[key])):
            if isinstance(value, dict):
                assert set(value) == PLURAL_FORMS[lang], (lang, key)
            assert isinstance(value, dict) == isinstance(EN[key], dict), key


def test_russian_texts_are_russian_and_english_texts_have_no_cyrillic() -> None:
    cyrillic = re.compile(r"[А-Яа-яЁё]")
    # the form's language switch names the other language in that language: «Русский»
    own_name = {"htmlform.switch"}
    for key, value in EN.items():
        if key in own_name:
            continue
        for t in [value] if isinstance(value, str) else value.values():
            assert not cyrillic.search(t), key
    # a Russian text differs from the English one unless it is a name or a symbol
    same = {k for k in EN if EN[k] == RU[k] and isinstance(EN[k], str)}
    words = {k: re.sub(r"\{[^}]*\}|MeetUp", "", str(EN[k])) for k in same}
    assert not [k for k, w in words.items() if re.search(r"[a-z]{3}", w)], same


def _code() -> str:
    parts = []
    for path in SRC.rglob("*"):
        if path.suffix not in {".py", ".j2", ".js"}:
            continue
        parts.append(path.read_text(encoding="utf-8"))
    return "\n".join(parts)


def test_every_key_is_used() -> None:
    """A key is used when the code names it whole (``"report.title"``), by a computed tail
    (``f"date.month_{n}"``), or by its short name within its section (``t["title"]``,
    ``t.title`` in a template)."""
    code = _code()
    prefixes = set(re.findall(r"f[\"']([a-z_.]+)\{", code))
    prefixes |= set(re.findall(r"[\"']([a-z_.]+[_.])[\"']\s*\+", code))
    sections = set(re.findall(r"section\(\s*\"([a-z_]+)\"", code))
    # every quoted text (overlapping: each pair of quotes) and every ``t.name`` tail, found
    # once: a short name is used when it is one of them (a tail may go on: ``t.name.more``)
    quoted = set(re.findall(r"(?=[\"']([^\"'\n]*)[\"'])", code))
    tails = set(re.findall(r"\b(?:t|L|lab|label|labels|m)\.([A-Za-z0-9_.]+)", code))
    unused = []
    for key in EN:
        ns, name = key.split(".", 1)
        if ns == "msg":
            continue  # errors in the run's language: tests/test_messages_ru.py
        if f'"{key}"' in code or f"'{key}'" in code or any(key.startswith(p) for p in prefixes):
            continue
        if ns in sections and any(name.startswith(p) for p in prefixes if "." not in p):
            continue
        if ns in sections and (
            name in quoted or name in tails or any(tail.startswith(f"{name}.") for tail in tails)
        ):
            continue
        unused.append(key)
    assert not unused, "\n".join(unused)


@pytest.mark.parametrize(
    ("n", "en", "ru"),
    [
        (0, "0 communities", "0 сообществ"),
        (1, "1 community", "1 сообщество"),
        (2, "2 communities", "2 сообщества"),
        (5, "5 communities", "5 сообществ"),
        (11, "11 communities", "11 сообществ"),
        (21, "21 communities", "21 сообщество"),
        (22, "22 communities", "22 сообщества"),
        (112, "112 communities", "112 сообществ"),
    ],
)
def test_plural_forms(n: int, en: str, ru: str) -> None:
    assert i18n.plural("count.communities", n, "en") == en
    assert i18n.plural("count.communities", n, "ru") == ru


def test_numbers_per_language() -> None:
    assert i18n.number(62.5, "en") == "62.5"
    assert i18n.number(62.5, "ru") == "62,5"
    assert i18n.number(2026, "ru") == "2026"
    assert i18n.number(12500, "ru") == "12\u202f500"
    assert i18n.number(12500, "en") == "12,500"
    assert i18n.number(100000.25, "ru", 1) == "100\u202f000,2"
    assert i18n.number(None, "ru") == "—"


def test_one_lookup_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    assert i18n.text("report.stage", "ru-RU") == RU["report.stage"]
    assert i18n.text("report.stage", "de") == EN["report.stage"]
    with pytest.raises(KeyError):
        i18n.text("report.no-such-key", "ru")
    monkeypatch.delenv(i18n.ENV, raising=False)
    assert i18n.resolve_lang(None, None) == "en"
    assert i18n.resolve_lang(None, "ru") == "ru"
    monkeypatch.setenv(i18n.ENV, "ru")
    assert i18n.resolve_lang(None, "en") == "ru"
    assert i18n.resolve_lang("en", "ru") == "en"


@pytest.mark.parametrize(
    ("n", "en", "ru"),
    [(1, "1 leader", "1 лидер"), (3, "3 leaders", "3 лидера"), (5, "5 leaders", "5 лидеров"),
     (21, "21 leaders", "21 лидер"), (2.5, "2.5 leaders", "2,5 лидера")],
)  # fmt: skip
def test_counts_take_the_plural_form_of_their_unit(n: float, en: str, ru: str) -> None:
    unit = {"en": "leaders", "ru": "лидеров"}
    assert (i18n.counted(n, unit, "en"), i18n.counted(n, unit, "ru")) == (en, ru)
    # a unit the catalog does not know is written as the content writes it
    assert i18n.counted(40, {"en": "% of members", "ru": "% участников"}, "ru") == "40 % участников"


def test_every_unit_of_the_pack_has_plural_forms() -> None:
    from commkit.model.pack import load_pack

    pack = load_pack(None)
    units = [q.number.unit for q in pack.checklist.questions if q.number and q.number.unit]
    units += [m.unit for m in pack.methodology.metrics if m.unit]
    english = {u if isinstance(u, str) else u["en"] for u in units}
    unknown = [u for u in english if "%" not in u and f"unit.{u.replace(' ', '_')}" not in EN]
    assert unknown == []

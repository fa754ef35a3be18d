"""Write the method's pages (docs/method/*.md and *.ru.md) and the JSON Schema page
(docs/concepts/schemas*.md) from the content pack and the code, so they cannot drift.

    .venv/bin/python scripts/gen_method_docs.py          # rewrite the pages
    .venv/bin/python scripts/gen_method_docs.py --check  # exit 1 when one is stale

Everything comes from the default pack through ``commkit.api.load_content`` and from
``commkit schema``; tests/test_docs_generated.py fails while a committed page is stale.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
LANGS = ("en", "ru")

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "generated": "Generated from the content pack by `scripts/gen_method_docs.py`: do not "
        "edit by hand. The same in the terminal: `{command}`.",
        "method": "The method",
        "source": "Source",
        "objectives": "Objectives",
        "concepts": "Key concepts",
        "metrics": "The seven final metrics",
        "metric": "metric",
        "unit": "unit",
        "level": "counted for",
        "how": "how to count",
        "level.region": "the region",
        "level.community": "each community",
        "roles": "Roles",
        "functions": "Functions",
        "kinds": "Kinds of community",
        "approach": "What the method does",
        "prerequisites": "Prerequisites",
        "examples": "Examples",
        "chapters": "Chapters",
        "chapter": "Chapter",
        "purpose": "Purpose",
        "owner": "Owner",
        "duration": "Typical duration",
        "days": "{n} working days",
        "inputs": "Inputs",
        "activities": "Activities",
        "deliverables": "Deliverables",
        "steps": "Steps",
        "checklist": "The self-identification checklist",
        "dimensions": "Dimensions",
        "dimension": "dimension",
        "weight": "weight",
        "questions": "questions",
        "stages": "Stages",
        "stage": "stage",
        "min_score": "overall score from",
        "gates": "Conditions to reach it",
        "none": "none",
        "meaning": "What it means",
        "focus": "Focus",
        "descriptors": "What a community looks like at this stage",
        "all_questions": "Questions",
        "type": "type",
        "question": "question",
        "type.yes_no": "yes / no",
        "type.scale": "scale",
        "type.number": "number",
        "type.choice": "one option",
        "type.multi": "several options",
        "type.text": "text",
        "seminars": "Seminars and the MeetUp",
        "week": "week",
        "format": "format",
        "minutes": "minutes",
        "audience": "Audience",
        "goals": "Goals",
        "agenda": "Agenda",
        "block": "block",
        "exercises": "Exercises",
        "homework": "Homework",
        "method_chapters": "Chapters of the method",
        "lifts": "Checklist dimensions it lifts",
        "is": "is",
        "at_least": "at least",
        "below": "below",
        "one_of": "one of",
        "score_below": "score below",
        "stage_in": "stage is one of",
        "schemas": "File formats and their JSON Schemas",
        "schemas_intro": "Every file commkit reads starts with `kind:` and `version:`. "
        "`commkit schema --out schemas/` writes one JSON Schema per kind; a file passes the "
        "schema exactly when `commkit validate` accepts its structure. With the YAML language "
        "server, one line at the top of a file gives completion and checks in your editor:",
        "schemas_versions": "Which format versions this commkit reads, and what happens to a "
        "file from a newer one: [format versions](../formats.md).",
        "kind": "Kind `{kind}`",
        "field": "field",
        "required": "required",
        "description": "description",
        "yes": "yes",
    },
    "ru": {
        "generated": "Создано из пакета содержания скриптом `scripts/gen_method_docs.py`: не "
        "правьте вручную. То же в терминале: `{command}`.",
        "method": "Методика",
        "source": "Источник",
        "objectives": "Цели",
        "concepts": "Основные понятия",
        "metrics": "Семь итоговых показателей",
        "metric": "показатель",
        "unit": "единица",
        "level": "считается для",
        "how": "как считать",
        "level.region": "региона",
        "level.community": "каждого сообщества",
        "roles": "Роли",
        "functions": "Функции",
        "kinds": "Виды сообществ",
        "approach": "Что делает методика",
        "prerequisites": "Предпосылки",
        "examples": "Примеры",
        "chapters": "Главы",
        "chapter": "Глава",
        "purpose": "Назначение",
        "owner": "Ответственный",
        "duration": "Обычная длительность",
        "days": "рабочих дней: {n}",
        "inputs": "Что нужно на входе",
        "activities": "Что делать",
        "deliverables": "Результаты",
        "steps": "Шаги",
        "checklist": "Чек-лист самоидентификации",
        "dimensions": "Измерения",
        "dimension": "измерение",
        "weight": "вес",
        "questions": "вопросов",
        "stages": "Стадии",
        "stage": "стадия",
        "min_score": "общий балл от",
        "gates": "Условия перехода",
        "none": "нет",
        "meaning": "Что это значит",
        "focus": "На чём сосредоточиться",
        "descriptors": "Описание стадии по измерениям",
        "all_questions": "Вопросы",
        "type": "тип",
        "question": "вопрос",
        "type.yes_no": "да / нет",
        "type.scale": "шкала",
        "type.number": "число",
        "type.choice": "один вариант",
        "type.multi": "несколько вариантов",
        "type.text": "текст",
        "seminars": "Семинары и митап",
        "week": "неделя",
        "format": "формат",
        "minutes": "минут",
        "audience": "Для кого",
        "goals": "Цели",
        "agenda": "Программа",
        "block": "блок",
        "exercises": "Упражнения",
        "homework": "Домашнее задание",
        "method_chapters": "Главы методики",
        "lifts": "Какие измерения чек-листа развивает",
        "is": "—",
        "at_least": "не меньше",
        "below": "меньше",
        "one_of": "одно из",
        "score_below": "балл меньше",
        "stage_in": "стадия одна из",
        "schemas": "Форматы файлов и их JSON-схемы",
        "schemas_intro": "Каждый файл, который читает commkit, начинается с `kind:` и "
        "`version:`. `commkit schema --out schemas/` записывает по одной JSON-схеме на каждый "
        "вид файла; файл проходит схему ровно тогда, когда `commkit validate` принимает его "
        "структуру. С языковым сервером YAML одна строка в начале файла даёт в редакторе "
        "подсказки и проверки:",
        "schemas_versions": "Какие версии форматов читает этот commkit и что будет с файлом "
        "более новой версии: [версии форматов](../formats.md).",
        "kind": "Вид `{kind}`",
        "field": "поле",
        "required": "обязательное",
        "description": "описание",
        "yes": "да",
    },
}

FORMATS = {"online": ("online", "онлайн"), "offline": ("offline", "офлайн")}
FORMATS["mixed"] = ("mixed", "смешанный")


def tr(text: Any, lang: str) -> str:
    """A content text in one language (English when the language is missing)."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    return str(text.get(lang) or text.get("en") or next(iter(text.values())))


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return " ".join(text.split()).replace("|", "\\|")


def number(value: float, lang: str) -> str:
    shown = f"{value:g}"
    return shown.replace(".", ",") if lang == "ru" else shown


class Page:
    """Lines of Markdown with the generated-page notice under the title."""

    def __init__(self, title: str, lang: str, command: str) -> None:
        notice = WORDS[lang]["generated"].format(command=command)
        self.lines = [f"# {title}", "", f"*{notice}*", ""]

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        self.add("| " + " | ".join(header) + " |", "|" + " --- |" * len(header))
        self.add(*("| " + " | ".join(cell(c) for c in row) + " |" for row in rows))
        self.add("")

    def bullets(self, items: list[str]) -> None:
        self.add(*(f"- {' '.join(item.split())}" for item in items), "")

    def text(self) -> str:
        return "\n".join(self.lines).rstrip("\n") + "\n"


def overview(pack: Any, lang: str) -> str:
    w = WORDS[lang]
    m = pack.methodology
    page = Page(tr(m.title, lang), lang, f"commkit --lang {lang} methodology")
    page.add(tr(m.summary, lang), "")
    if m.source:
        page.add(f"**{w['source']}:** {tr(m.source, lang)}", "")
    page.add(f"## {w['objectives']}", "")
    page.bullets([f"**{tr(o.title, lang)}**. {tr(o.description, lang)}" for o in m.objectives])
    page.add(f"## {w['metrics']}", "")
    rows = [
        [f"`{x.id}`", tr(x.name, lang), tr(x.unit, lang), w[f"level.{x.level}"]] for x in m.metrics
    ]
    page.table(["id", w["metric"], w["unit"], w["level"]], rows)
    for x in m.metrics:
        page.add(f"### {tr(x.name, lang)}", "", tr(x.how_to_count, lang), "")
    page.add(f"## {w['concepts']}", "")
    page.table(
        [w["concepts"], ""],
        [[f"**{tr(c.term, lang)}**", tr(c.definition, lang)] for c in m.concepts],
    )
    page.add(f"## {w['roles']}", "")
    for role in m.roles:
        page.add(f"### {tr(role.name, lang)}", "", tr(role.description, lang), "")
        if role.functions:
            page.add(f"**{w['functions']}**", "")
            page.bullets(
                [f"**{tr(f.name, lang)}**: {tr(f.description, lang)}" for f in role.functions]
            )
    if m.community_kinds:
        page.add(f"## {w['kinds']}", "")
        for kind in m.community_kinds:
            page.add(f"### {tr(kind.name, lang)}", "", tr(kind.description, lang), "")
            page.add(f"**{w['approach']}:** {tr(kind.approach, lang)}", "")
    page.add(f"## {w['prerequisites']}", "")
    for pre in m.prerequisites:
        page.add(f"### {tr(pre.title, lang)}", "", tr(pre.description, lang), "")
        if pre.examples:
            page.bullets([tr(e, lang) for e in pre.examples])
    return page.text()


def chapters(pack: Any, lang: str) -> str:
    w = WORDS[lang]
    roles = {r.id: tr(r.name, lang) for r in pack.methodology.roles}
    page = Page(w["chapters"], lang, f"commkit --lang {lang} methodology CHAPTER")
    for ch in pack.methodology.chapters:
        page.add(f"## {ch.number}. {tr(ch.title, lang)}", "")
        page.add(f"`{ch.id}` · {w['owner']}: {roles.get(ch.owner, ch.owner)} · ")
        page.add(f"{w['duration']}: {w['days'].format(n=ch.duration_days)}", "")
        page.add(f"**{w['purpose']}.** {tr(ch.purpose, lang)}", "")
        for key in ("inputs", "activities", "deliverables"):
            items = getattr(ch, key)
            if items:
                page.add(f"**{w[key]}**", "")
                page.bullets([tr(i, lang) for i in items])
        if ch.steps:
            page.add(f"**{w['steps']}**", "")
            page.add(
                *(
                    f"{n}. **{tr(s.title, lang)}**"
                    + (f": {' '.join(tr(s.description, lang).split())}" if s.description else "")
                    for n, s in enumerate(ch.steps, 1)
                ),
                "",
            )
    return page.text()


def condition(cond: Any, questions: dict[str, Any], dims: dict[str, str], lang: str) -> str:
    w = WORDS[lang]
    if cond.stage:
        return f"{w['stage_in']} {', '.join(cond.stage)}"
    if cond.dimension:
        subject = f"«{dims[cond.dimension]}»" if lang == "ru" else f'"{dims[cond.dimension]}"'
    else:
        q = questions[cond.question]
        subject = f"`{cond.question}` ({tr(q.text, lang).rstrip('?')})"
    if cond.equals is not None:
        value = w["yes"] if cond.equals in ("yes", True) else str(cond.equals)
        return f"{subject} {w['is']} {value}"
    if cond.any_of is not None:
        return f"{subject}: {w['one_of']} {', '.join(str(v) for v in cond.any_of)}"
    if cond.at_least is not None:
        return f"{subject} {w['at_least']} {number(cond.at_least, lang)}"
    if cond.below is not None:
        return f"{subject} {w['below']} {number(cond.below, lang)}"
    return f"{subject} {w['score_below']} {number(cond.score_below, lang)}"


def checklist(pack: Any, lang: str) -> str:
    w = WORDS[lang]
    cl = pack.checklist
    dims = {d.id: tr(d.title, lang) for d in cl.dimensions}
    questions = {q.id: q for q in cl.questions}
    page = Page(tr(cl.title, lang), lang, f"commkit --lang {lang} assess")
    page.add(f"`{cl.id}` {cl.version}", "")
    if cl.description:
        page.add(tr(cl.description, lang), "")
    page.add(f"## {w['dimensions']}", "")
    count = {d: sum(q.dimension == d for q in cl.questions) for d in dims}
    rows = [
        [f"`{d.id}`", dims[d.id], tr(d.description, lang), number(d.weight, lang), str(count[d.id])]
        for d in cl.dimensions
    ]
    page.table(["id", w["dimension"], "", w["weight"], w["questions"]], rows)
    page.add(f"## {w['stages']}", "")
    page.table(
        ["id", w["stage"], w["min_score"]],
        [[f"`{s.id}`", tr(s.title, lang), number(s.min_score, lang)] for s in cl.stages],
    )
    for stage in cl.stages:
        page.add(f"### {tr(stage.title, lang)}", "")
        page.add(f"**{w['meaning']}.** {tr(stage.meaning, lang)}", "")
        page.add(f"**{w['focus']}.** {tr(stage.focus, lang)}", "")
        gates = [condition(c, questions, dims, lang) for c in stage.requires]
        page.add(f"**{w['gates']}**" + (":" if gates else f": {w['none']}."), "")
        if gates:
            page.bullets(gates)
        if stage.descriptors:
            page.add(f"**{w['descriptors']}**", "")
            page.table(
                [w["dimension"], ""],
                [[dims.get(d, d), tr(t, lang)] for d, t in stage.descriptors.items()],
            )
    page.add(f"## {w['all_questions']}", "")
    for dim in cl.dimensions:
        page.add(f"### {dims[dim.id]}", "")
        rows = [
            [f"`{q.id}`", tr(q.text, lang), w[f"type.{q.type}"]]
            for q in cl.questions
            if q.dimension == dim.id
        ]
        page.table(["id", w["question"], w["type"]], rows)
    return page.text()


def seminars(pack: Any, lang: str) -> str:
    w = WORDS[lang]
    chapter_titles = {c.id: f"{c.number}. {tr(c.title, lang)}" for c in pack.methodology.chapters}
    dims = {d.id: tr(d.title, lang) for d in pack.checklist.dimensions}
    page = Page(w["seminars"], lang, f"commkit --lang {lang} seminars show ID")
    rows = [
        [
            str(s.number),
            f"`{s.id}`",
            tr(s.title, lang),
            str(s.week),
            FORMATS.get(s.format, (s.format, s.format))[LANGS.index(lang)],
            str(s.duration_minutes),
        ]
        for s in pack.seminars
    ]
    page.table(["#", "id", "", w["week"], w["format"], w["minutes"]], rows)
    for s in pack.seminars:
        page.add(f"## {s.number}. {tr(s.title, lang)}", "")
        page.add(f"**{w['audience']}:** {' '.join(tr(s.audience, lang).split())}", "")
        page.add(f"**{w['goals']}**", "")
        page.bullets([tr(g, lang) for g in s.goals])
        page.add(f"**{w['agenda']}**", "")
        page.table(
            [w["minutes"], w["block"]], [[str(b.minutes), tr(b.title, lang)] for b in s.agenda]
        )
        if s.exercises:
            page.add(f"**{w['exercises']}**", "")
            page.bullets(
                [f"**{tr(e.title, lang)}**: {tr(e.instructions, lang)}" for e in s.exercises]
            )
        if s.homework:
            page.add(f"**{w['homework']}**", "")
            page.bullets([tr(h, lang) for h in s.homework])
        page.add(
            f"**{w['method_chapters']}:** "
            + "; ".join(chapter_titles.get(c, c) for c in s.chapters),
            "",
        )
        if s.dimensions:
            page.add(f"**{w['lifts']}:** " + "; ".join(dims.get(d, d) for d in s.dimensions), "")
    return page.text()


SCHEMA_FILES = {
    "methodology": "methodology/methodology.yaml",
    "checklist": "checklists/*.yaml",
    "roadmap": "methodology/roadmaps/*.yaml",
    "seminar": "methodology/seminars/*.yaml",
    "migration": "checklists/migrations/*.yaml",
    "pack": "pack.yaml",
    "region": "region.yaml",
    "community": "communities/*.yaml",
    "answers": "answers, drafts",
    "assessment": "assessments/*/*.yaml",
}


def all_schemas() -> dict[str, Any]:
    """Every kind's JSON Schema, as ``commkit schema`` prints them."""
    from typer.testing import CliRunner

    from commkit.cli.app import app

    result = CliRunner().invoke(app, ["schema"], env={"NO_COLOR": "1", "COLUMNS": "200"})
    if result.exit_code != 0:
        raise SystemExit(f"commkit schema failed:\n{result.output}")
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def shape(prop: dict[str, Any]) -> str:
    """A short name for what a schema property holds: ``string``, ``list of Chapter``..."""
    if "$ref" in prop:
        return str(prop["$ref"]).rsplit("/", 1)[-1]
    if "const" in prop:
        return json.dumps(prop["const"], ensure_ascii=False)
    if "enum" in prop:
        if {str(v).lower() for v in prop["enum"]} <= {"true", "false", "yes", "no", "on", "off"}:
            return "yes/no word"
        return " or ".join(json.dumps(v, ensure_ascii=False) for v in prop["enum"])
    if prop.get("type") == "array":
        return f"list of {shape(prop.get('items', {}))}"
    if prop.get("type") == "object" and "additionalProperties" in prop:
        extra = prop["additionalProperties"]
        return f"map of {shape(extra) if isinstance(extra, dict) else 'any'}"
    if "type" in prop:
        kind = prop["type"]
        return " or ".join(kind) if isinstance(kind, list) else str(kind)
    options = prop.get("anyOf") or prop.get("oneOf")
    if options:
        return " or ".join(dict.fromkeys(shape(o) for o in options))
    return "any"


def schemas(_pack: Any, lang: str) -> str:
    w = WORDS[lang]
    page = Page(w["schemas"], lang, "commkit schema --out schemas/")
    page.add(w["schemas_intro"], "", "```yaml")
    found = all_schemas()
    for kind in found:
        line = f"# yaml-language-server: $schema=schemas/{kind}.schema.json"
        page.add(f"{line:<66}# {SCHEMA_FILES.get(kind, kind)}")
    page.add("```", "", w["schemas_versions"], "")
    for kind, schema in found.items():
        page.add(f"## {w['kind'].format(kind=kind)}", "")
        if schema.get("description"):
            page.add(" ".join(str(schema["description"]).split()), "")
        required = set(schema.get("required", []))
        rows = [
            [f"`{name}`", w["yes"] if name in required else "", f"`{shape(prop)}`"]
            + ([str(prop.get("description", ""))] if lang == "en" else [])
            for name, prop in schema.get("properties", {}).items()
        ]
        header = [w["field"], w["required"], w["type"]]
        page.table(header + ([w["description"]] if lang == "en" else []), rows)
    return page.text()


PAGES: dict[str, Callable[[Any, str], str]] = {
    "method/index": overview,
    "method/chapters": chapters,
    "method/checklist": checklist,
    "method/seminars": seminars,
    "concepts/schemas": schemas,
}


def pages() -> dict[Path, str]:
    """Every generated page by its path, in both languages."""
    from commkit import api

    pack = api.load_content()
    out: dict[Path, str] = {}
    for name, make in PAGES.items():
        for lang in LANGS:
            suffix = ".md" if lang == "en" else f".{lang}.md"
            out[DOCS / f"{name}{suffix}"] = make(pack, lang)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a page is stale")
    args = parser.parse_args(argv)
    stale = 0
    for target, text in pages().items():
        if not args.check:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, "utf-8")
        elif not target.exists() or target.read_text("utf-8") != text:
            sys.stderr.write(f"{target} is stale: run .venv/bin/python scripts/gen_docs.py\n")
            stale = 1
    return stale


if __name__ == "__main__":
    raise SystemExit(main())

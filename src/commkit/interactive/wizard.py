"""The ``commkit assess`` wizard: start screen, questions dimension by dimension, review.

It asks through a :class:`~commkit.interactive.prompts.Prompter` and saves a draft after
every answer (through ``save``). It returns the completed :class:`Answers`; scoring,
writing the report and the summary are the caller's job.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from commkit.core.conditions import normalise_value
from commkit.core.scoring import asked_questions
from commkit.errors import InterruptedWithDraft
from commkit.i18n import plural
from commkit.interactive.messages import (
    BACK_TOKEN,
    DONT_KNOW_TOKENS,
    HELP_TOKEN,
    NOT_APPLICABLE_TOKENS,
    messages,
)
from commkit.interactive.prompts import OPTION_KEYS, Heading, Item, Prompter, shorten
from commkit.model.answers import Answer, Answers, ChecklistRef, CommunityRef
from commkit.model.checklist import Checklist, Question
from commkit.model.common import PARTIAL_DATE_RE, tr
from commkit.render.report import answer_text

BACK = "__back__"
HELP = "__help__"
DONT_KNOW = "__dont_know__"
NOT_APPLICABLE = "__not_applicable__"
SKIP = "__skip__"
FINISH = "__finish__"
RETRY = "__retry__"
SPECIALS = {BACK, HELP, DONT_KNOW, NOT_APPLICABLE, SKIP}

Saver = Callable[[Answers], Path | None]


@dataclass
class Wizard:
    checklist: Checklist
    prompter: Prompter
    save: Saver
    lang: str = "en"
    checklist_hash: str | None = None
    ask_notes: bool = False
    answers: Answers | None = None
    draft_path: Path | None = None
    history: list[str] = field(default_factory=list)
    hint: str | None = None
    """Printed under the welcome line of a new assessment (where the draft goes)."""
    only: list[str] | None = None
    """Ask only these questions (``assess --update``: the ones a newer checklist needs);
    every other answer of the draft is kept as it is."""

    @property
    def m(self) -> dict[str, str]:
        """The wizard's texts; every prompt reads them, so the prompter's own texts (hints,
        yes/no keys) follow the language chosen on the start screen from here."""
        self.prompter.lang = self.lang
        return messages(self.lang)

    # ------------------------------------------------------------ entry points

    def run(self, draft: Answers | None = None) -> Answers:
        """Ask everything (continuing ``draft`` when given) and return complete answers."""
        try:
            if draft is None:
                self.answers = self.start_screen()
            else:
                self.answers = draft
                self.lang = draft.language
                if self.only is None:
                    self.prompter.say(
                        self.m["resumed"].format(
                            name=tr(draft.community.name, self.lang),
                            answers=plural("count.answers", len(draft.answers), self.lang),
                        ),
                        "bold",
                    )
            self._save()
            if self.only is not None:
                self.ask_only(self.only)
            else:
                self.ask_all()
            while True:
                self.review()
                missing = self.missing_required()
                if not missing:
                    break
                self.prompter.say(self.m["missing"].format(ids=", ".join(missing)), "fg:ansiyellow")
                self.ask_missing(missing)
        except (KeyboardInterrupt, EOFError):
            raise InterruptedWithDraft(
                draft_path=self.draft_path,
                answered=len(self.answers.answers) if self.answers else 0,
            ) from None
        assert self.answers is not None
        asked = {q.id for q in asked_questions(self.checklist, self.answers.answers)}
        final = self.answers.model_copy(
            update={
                "complete": True,
                "draft": None,
                "answers": {k: v for k, v in self.answers.answers.items() if k in asked},
            }
        )
        return final

    def start_screen(self) -> Answers:
        m = self.m
        p = self.prompter
        p.say(m["welcome"], "bold")
        if self.hint:
            p.say(self.hint, "fg:ansibrightblack")
        p.say(m["start_title"], "bold fg:ansicyan")
        name = p.text(
            m["name"], validate=lambda s: True if s.strip() else m["name_required"]
        ).strip()
        region = p.text(m["region"]).strip() or None
        formalised = p.select(
            m["legal"],
            [Item(m["formalised"], True, "1"), Item(m["informal"], False, "2")],
            default=False,
        )
        new = p.select(
            m["age"], [Item(m["new"], True, "1"), Item(m["existing"], False, "2")], default=False
        )
        founded = (
            p.text(
                m["founded"],
                validate=lambda s: (
                    True
                    if not s.strip() or PARTIAL_DATE_RE.fullmatch(s.strip())
                    else m["founded_bad"]
                ),
            ).strip()
            or None
        )
        self.lang = p.select(
            m["language"],
            [Item("English", "en", "1"), Item("Русский", "ru", "2")],
            default=self.lang,
        )
        self.ask_notes = p.confirm(self.m["notes"], default=False)
        from commkit.fsutil import slugify

        return Answers(
            kind="answers",
            version="1",
            checklist=ChecklistRef(
                id=self.checklist.id, version=self.checklist.version, hash=self.checklist_hash
            ),
            community=CommunityRef(
                name=name,
                slug=slugify(name),
                region=region,
                formalised=formalised,
                new=new,
                founded=founded,
            ),
            date=None,
            language=self.lang,
            complete=False,
            answers={},
        )

    # ------------------------------------------------------------ the question loop

    def _save(self) -> None:
        assert self.answers is not None
        path = self.save(self.answers)
        if path is not None:
            self.draft_path = path

    def _asked(self) -> list[Question]:
        assert self.answers is not None
        return asked_questions(self.checklist, self.answers.answers)

    def missing_required(self) -> list[str]:
        assert self.answers is not None
        return [q.id for q in self._asked() if q.required and q.id not in self.answers.answers]

    def ask_all(self) -> None:
        """Ask from where the answers stop to the end; '← Back' steps back.

        A fresh run starts at the first question; a resumed draft after the last answered
        question (optional questions skipped before it stay skipped: the review shows them).
        """
        assert self.answers is not None
        asked = self._asked()
        answered = [i for i, q in enumerate(asked) if q.id in self.answers.answers]
        start = answered[-1] + 1 if answered else 0
        if start >= len(asked):
            return
        self.history = [q.id for q in asked[:start]]
        current: str | None = asked[start].id
        last_dim: str | None = None
        while current is not None:
            q = next(x for x in self.checklist.questions if x.id == current)
            if q.dimension != last_dim:
                self._dimension_header(q)
                last_dim = q.dimension
            outcome = self.ask(q, can_go_back=bool(self.history))
            if outcome == BACK:
                current = self.history.pop()
                continue
            self.history.append(q.id)
            current = self._next_after(q.id)

    def ask_only(self, only: list[str]) -> None:
        """Ask the listed questions that apply and have no answer yet, in checklist order
        (an answer can make another one apply); nothing else is asked."""
        from commkit.i18n import plural

        assert self.answers is not None
        wanted = set(only)
        pending = [
            q.id for q in self._asked() if q.id in wanted and q.id not in self.answers.answers
        ]
        self.prompter.say(plural("wizard.update_need", len(pending), self.lang), "bold")
        done: set[str] = set()
        last_dim: str | None = None
        while True:
            q = next(
                (
                    x
                    for x in self._asked()
                    if x.id in wanted and x.id not in self.answers.answers and x.id not in done
                ),
                None,
            )
            if q is None:
                return
            if q.dimension != last_dim:
                self._dimension_header(q)
                last_dim = q.dimension
            self.history = []
            self.ask(q, can_go_back=False)
            done.add(q.id)

    def ask_missing(self, missing: list[str]) -> None:
        """Ask the required questions still without an answer (after the review)."""
        self.history = []
        for qid in missing:
            q = next(x for x in self.checklist.questions if x.id == qid)
            self.ask(q, can_go_back=False)

    def _next_after(self, qid: str) -> str | None:
        ids = [q.id for q in self._asked()]
        order = [q.id for q in self.checklist.questions]
        after = order.index(qid)
        for candidate in order[after + 1 :]:
            if candidate in ids:
                return candidate
        return None

    def _dimension_header(self, q: Question) -> None:
        dims = self.checklist.dimensions
        index = next(i for i, d in enumerate(dims) if d.id == q.dimension)
        dim = dims[index]
        self.prompter.say("")
        self.prompter.say(
            self.m["dimension_header"].format(
                index=index + 1, total=len(dims), title=tr(dim.title, self.lang)
            ),
            "bold fg:ansicyan",
        )
        if dim.description is not None:
            self.prompter.say(tr(dim.description, self.lang), "italic")

    def _progress(self, q: Question) -> str:
        dims = [d.id for d in self.checklist.dimensions]
        order = [x.id for x in self.checklist.questions]
        return self.m["progress"].format(
            dim=dims.index(q.dimension) + 1,
            dims=len(dims),
            q=order.index(q.id) + 1,
            qs=len(order),
        )

    def ask(self, q: Question, *, can_go_back: bool) -> str:
        """Ask one question until it has an answer; returns ``"ok"``, ``SKIP`` or ``BACK``."""
        assert self.answers is not None
        lang, m = self.lang, self.m
        while True:
            self.prompter.say(self._progress(q), "fg:ansibrightblack")
            message = tr(q.text, lang)
            current = self.answers.answers.get(q.id)
            if q.type in ("number", "text"):
                result = self._ask_typed(q, message, current)
            elif q.type == "multi":
                result = self._ask_multi(q, message, current)
            else:
                result = self._ask_select(q, message, current, can_go_back)
            if result == RETRY:
                continue
            if result == HELP:
                self.prompter.say(tr(q.help, lang) or m["no_help"], "italic")
                for line in self._options_in_full(q):
                    self.prompter.say(line)
                continue
            if result == BACK:
                if can_go_back:
                    return BACK
                self.prompter.say(m["first_question"], "fg:ansiyellow")
                continue
            if result == SKIP:
                self.answers.answers.pop(q.id, None)
                self._save()
                return SKIP
            assert isinstance(result, Answer)
            if current is not None and current.note:
                result = result.model_copy(update={"note": current.note})
            # saved the moment it is given: a Ctrl-C at the note prompt keeps it
            self.answers.answers[q.id] = result
            self._save()
            if self.ask_notes:
                kept = current.note if current is not None else None
                shown = tr(kept, self.lang)
                typed = self.prompter.text(m["note"], default=shown)
                typed = " ".join(typed.split())[:2000]
                # a note given in both languages stays whole unless the person changes it
                note = kept if kept is not None and typed == " ".join(shown.split()) else typed
                self.answers.answers[q.id] = result.model_copy(update={"note": note or None})
                self._save()
            return "ok"

    def _options_in_full(self, q: Question) -> list[str]:
        """Every answer option of ``q`` in full: the list shortens a long one to fit its line
        (at 80 columns most scale descriptions), so help shows them whole."""
        if q.type == "scale":
            spec = q.scale_spec
            return [
                f"  {v} — {tr(spec.labels[v], self.lang)}"
                for v in range(spec.min, spec.max + 1)
                if v in spec.labels
            ]
        if q.type in ("choice", "multi"):
            return [f"  • {tr(o.label, self.lang)}" for o in q.options]
        return []

    def _specials(self, q: Question, can_go_back: bool) -> list[Item]:
        m = self.m
        items = [
            Item(m["help"], HELP, "h"),
            Item(m["dont_know"], DONT_KNOW, "d"),
            Item(m["not_applicable"], NOT_APPLICABLE, "n"),
        ]
        if not q.required:
            items.append(Item(m["skip"], SKIP, "s"))
        if can_go_back:
            items.append(Item(m["back"], BACK, "b"))
        return items

    @staticmethod
    def _special_answer(value: object) -> Answer | None:
        if value == DONT_KNOW:
            return Answer(status="dont_know")
        if value == NOT_APPLICABLE:
            return Answer(status="not_applicable")
        return None

    def _ask_select(
        self, q: Question, message: str, current: Answer | None, can_go_back: bool
    ) -> Answer | str:
        lang, m = self.lang, self.m
        entries: list[Item | Heading] = []
        if q.type == "yes_no":
            entries = [Item(m["yes"], "yes", "1"), Item(m["no"], "no", "2")]
        elif q.type == "scale":
            spec = q.scale_spec
            for i, v in enumerate(range(spec.min, spec.max + 1)):
                label = spec.labels.get(v)
                title = f"{v}" + (f" — {tr(label, lang)}" if label is not None else "")
                entries.append(Item(title, v, OPTION_KEYS[i] if i < len(OPTION_KEYS) else None))
        else:
            entries = [
                Item(tr(o.label, lang), o.id, OPTION_KEYS[i] if i < len(OPTION_KEYS) else None)
                for i, o in enumerate(q.options)
            ]
        entries.append(Heading("  ──────"))
        entries.extend(self._specials(q, can_go_back))
        default: object = None
        if current is not None:
            if current.status == "dont_know":
                default = DONT_KNOW
            elif current.status == "not_applicable":
                default = NOT_APPLICABLE
            else:
                default = normalise_value(current.value)
        value = self.prompter.select(
            message, entries, default=default, instruction=m["select_hint"]
        )
        special = self._special_answer(value)
        if special is not None:
            return special
        if value in SPECIALS:
            return str(value)
        return Answer(value=value)

    def _ask_typed(self, q: Question, message: str, current: Answer | None) -> Answer | str:
        m = self.m
        default = ""
        if current is not None:
            if current.status == "dont_know":
                default = "dk" if self.lang != "ru" else "нз"
            elif current.status == "not_applicable":
                default = "na" if self.lang != "ru" else "нп"
            elif current.value is not None:
                v = current.value
                default = str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)
        if q.type == "number" and q.number is not None and q.number.unit is not None:
            message = f"{message} ({self.m['unit'].format(unit=tr(q.number.unit, self.lang))})"
        typed = self.prompter.text(
            message,
            default=default,
            validate=lambda s: self.check_typed(q, s),
            instruction=m["text_hint" if q.required else "text_hint_optional"],
        ).strip()
        token = typed.lower()
        if token == HELP_TOKEN:
            return HELP
        if token == BACK_TOKEN:
            return BACK
        if token in DONT_KNOW_TOKENS:
            return Answer(status="dont_know")
        if token in NOT_APPLICABLE_TOKENS:
            return Answer(status="not_applicable")
        if not typed:
            return SKIP
        if q.type == "text":
            return Answer(value=" ".join(typed.split())[:2000])
        if self.check_typed(q, typed, final=True) is not True:
            # a prefix of a special token ('d' on the way to 'dk') passes while typing
            self.prompter.say(m["number_invalid"], "fg:ansiyellow")
            return RETRY
        number = float(typed.replace(",", "."))
        return Answer(value=int(number) if number.is_integer() else number)

    def check_typed(self, q: Question, typed: str, *, final: bool = False) -> bool | str:
        """Validation as the user types: ``True`` or the message to show.

        While typing, the beginning of a special token ('d' of 'dk') passes; ``final``
        checks the submitted text, where only whole tokens do.
        """
        m = self.m
        token = typed.strip().lower()
        specials = {HELP_TOKEN, BACK_TOKEN, *DONT_KNOW_TOKENS, *NOT_APPLICABLE_TOKENS}
        if token in specials:
            return True
        if not final and token and any(s.startswith(token) for s in specials):
            return True
        if not token:
            return True if not q.required else m["required_text"]
        if q.type == "text":
            return True
        assert q.number is not None
        try:
            number = float(token.replace(",", "."))
        except ValueError:
            return m["number_invalid"]
        if number != number or number in (float("inf"), float("-inf")):
            return m["number_invalid"]
        spec = q.number
        if spec.integer and not number.is_integer():
            return m["number_whole"]
        low = f"{spec.min:g}"
        if number < spec.min or (spec.max is not None and number > spec.max):
            if spec.max is not None:
                return m["number_range"].format(min=low, max=f"{spec.max:g}")
            return m["number_min"].format(min=low)
        return True

    def _ask_multi(self, q: Question, message: str, current: Answer | None) -> Answer | str:
        lang, m = self.lang, self.m
        chosen: set[str] = set()
        if current is not None and isinstance(current.value, list):
            chosen = set(current.value)
        entries: list[Item | Heading] = [
            Item(tr(o.label, lang), o.id, checked=o.id in chosen) for o in q.options
        ]
        entries.append(Heading("  ──────"))
        entries.extend(
            Item(
                i.title, i.value, checked=current is not None and _status_value(current) == i.value
            )
            for i in self._specials(q, can_go_back=bool(self.history))
        )

        def validate(values: list[object]) -> bool | str:
            if not values and q.required:
                return m["multi_required"]
            specials = [v for v in values if v in SPECIALS]
            if specials and (len(specials) > 1 or len(values) > 1):
                return m["multi_mixed"]
            alone = [o for o in q.options if o.exclusive and o.id in values]
            if alone and len(values) > 1:
                return m["multi_exclusive"].format(option=tr(alone[0].label, lang))
            return True

        values = self.prompter.checkbox(
            message, entries, validate=validate, instruction=m["multi_hint"]
        )
        if len(values) == 1 and values[0] in SPECIALS:
            special = self._special_answer(values[0])
            return special if special is not None else str(values[0])
        return Answer(value=[str(v) for v in values])

    # ------------------------------------------------------------ review

    def review(self) -> None:
        """List every answer by dimension; picking one asks it again; Finish ends."""
        assert self.answers is not None
        import shutil

        m, lang = self.m, self.lang
        width = shutil.get_terminal_size((80, 24)).columns - 8  # pointer, key and margins
        while True:
            # Finish heads the list (and ends it): the pointer starts on it, so the screen
            # shows the list from the first dimension, not scrolled to its end.
            entries: list[Item | Heading] = [Item(m["finish"], FINISH)]
            asked = self._asked()
            for dim in self.checklist.dimensions:
                qs = [q for q in asked if q.dimension == dim.id]
                if not qs:
                    continue
                entries.append(Heading(f"── {tr(dim.title, lang)} ──"))
                for q in qs:
                    answer = self.answers.answers.get(q.id)
                    shown = answer_text(q, answer, lang) if answer is not None else m["unanswered"]
                    if answer is not None and answer.note:
                        shown += f" [{tr(answer.note, lang)}]"
                    shown = shorten(shown, max(12, width // 2))
                    question = shorten(tr(q.text, lang), max(12, width - len(shown) - 3))
                    entries.append(Item(f"{question} → {shown}", q.id))
            entries.append(Item(m["finish"], FINISH))
            picked = self.prompter.select(m["review_title"], entries, default=FINISH)
            if picked == FINISH:
                return
            q = next(x for x in self.checklist.questions if x.id == picked)
            self.history = []
            self.ask(q, can_go_back=False)


def _status_value(answer: Answer) -> str | None:
    if answer.status == "dont_know":
        return DONT_KNOW
    if answer.status == "not_applicable":
        return NOT_APPLICABLE
    return None


def choose_draft(prompter: Prompter, drafts: list[tuple[Path, Answers]], lang: str) -> Path | None:
    """Offer to resume one of the drafts found; ``None`` starts a new assessment."""
    m = messages(lang)
    if not drafts:
        return None
    if len(drafts) == 1:
        path, draft = drafts[0]
        ok = prompter.confirm(
            m["resume_one"].format(
                name=tr(draft.community.name, lang), count=len(draft.answers), path=path.name
            ),
            default=True,
        )
        return path if ok else None
    entries: list[Item | Heading] = [
        Item(
            m["resume_item"].format(
                name=tr(d.community.name, lang), count=len(d.answers), path=p.name
            ),
            str(p),
        )
        for p, d in drafts
    ]
    entries.append(Item(m["resume_new"], ""))
    picked = prompter.select(m["resume_pick"], entries)
    return Path(picked) if picked else None


def today() -> dt.date:
    return dt.date.today()

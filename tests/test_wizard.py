"""The assess wizard driven through prompt_toolkit's pipe input, as a person would type.

Keys: a digit or letter picks the entry with that shortcut, '\\r' is Enter, ' ' ticks a
checkbox, DOWN moves down, CTRL_U clears a typed line, CTRL_C interrupts.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from commkit.errors import InterruptedWithDraft
from commkit.interactive.drafts import DraftStore, find_drafts, load_draft
from commkit.interactive.prompts import Prompter
from commkit.interactive.wizard import Wizard, choose_draft
from commkit.model.answers import Answers, DraftRun
from commkit.model.common import tr
from commkit.model.pack import ContentPack, load_pack_uncached

FIX = Path(__file__).parent / "fixtures" / "assess"
DOWN = "\x1b[B"
CTRL_U = "\x15"
CTRL_C = "\x03"

# The default key bindings loaded once, not per question (conftest.py).
pytestmark = pytest.mark.usefixtures("shared_key_bindings")


class Recorder(Prompter):
    """A prompter that also remembers what was said between prompts."""

    def __init__(self, inp: Any) -> None:
        super().__init__(input=inp, output=DummyOutput())
        self.said: list[str] = []

    def say(self, text: str = "", style: str = "") -> None:
        self.said.append(text)


@pytest.fixture(autouse=True)
def no_hang() -> Iterator[None]:
    """A wizard waiting for keys that never come fails the test instead of hanging."""
    import signal

    def fail(*_: object) -> None:
        raise TimeoutError("the wizard waited for more input than the test sent")

    old = signal.signal(signal.SIGALRM, fail)
    signal.alarm(90)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


@pytest.fixture(scope="module")
def pack() -> ContentPack:
    return load_pack_uncached(FIX / "pack")


@pytest.fixture
def pipe() -> Iterator[Any]:
    with create_pipe_input() as inp:
        yield inp


def make(pack: ContentPack, pipe: Any, folder: Path) -> tuple[Wizard, Recorder]:
    prompter = Recorder(pipe)
    store = DraftStore(folder=folder, run=DraftRun(out=str(folder)))
    return Wizard(checklist=pack.checklist, prompter=prompter, save=store.save, lang="en"), prompter


# name, region, informal, new, founded (skipped), English, no notes
START = "Fashion Tech\rPerm\r2\r1\r\r1\rn\r"
# q1 scale 4; q2 choice 'draft'; q3 optional text skipped; q4 yes; q5 number 3 (asked
# because q4 is yes); q6 yes; q7 150; q8 tick chat + calendar; q9 don't know; q10 no
REST = "4\r2\r\r1\r3\r1\r150\r" + " " + DOWN + " \r" + "d\r2\r"
FINISH = "\r"


def values(answers: Answers) -> dict[str, Any]:
    return {
        k: (v.value if v.status == "answered" else v.status) for k, v in answers.answers.items()
    }


def test_happy_path(pack: ContentPack, pipe: Any, tmp_path: Path) -> None:
    wizard, prompter = make(pack, pipe, tmp_path)
    pipe.send_text(START + REST + FINISH)
    answers = wizard.run()
    assert answers.complete is True
    assert answers.community.name == "Fashion Tech" and answers.community.region == "Perm"
    assert answers.community.formalised is False and answers.community.new is True
    assert values(answers) == {
        "purpose.common-goal": 4,
        "purpose.value-proposition": "draft",
        "leadership.identified-leader": "yes",
        "leadership.leader-count": 3,
        "platform.single-platform": "yes",
        "platform.members": 150,
        "platform.tools": ["chat", "calendar"],
        "ecosystem.government-contact": "dont_know",
        "ecosystem.conflicts": "no",
    }
    assert "dimension 3/4 · question 7/10" in prompter.said
    assert "Dimension 2/4: Leadership" in prompter.said
    # the draft on disk holds every answer, marked incomplete
    draft = load_draft(tmp_path / "fashion-tech-assessment-draft.yaml")
    assert draft.complete is False and values(draft) == values(answers)


def test_going_back_changes_the_previous_answer(
    pack: ContentPack, pipe: Any, tmp_path: Path
) -> None:
    wizard, _ = make(pack, pipe, tmp_path)
    # q1 = 2, then on q2 go back ('b'), q1 = 5, then q2 again
    pipe.send_text(START + "2\rb\r5\r" + REST[2:] + FINISH)
    answers = wizard.run()
    assert values(answers)["purpose.common-goal"] == 5
    assert values(answers)["purpose.value-proposition"] == "draft"


def test_back_from_a_typed_question(pack: ContentPack, pipe: Any, tmp_path: Path) -> None:
    wizard, _ = make(pack, pipe, tmp_path)
    # at q5 (number) type '<' to go back to q4, answer yes again, then q5 = 2
    keys = START + "4\r2\r\r1\r<\r1\r2\r1\r150\r \r1\r2\r"
    pipe.send_text(keys + FINISH)
    answers = wizard.run()
    assert values(answers)["leadership.leader-count"] == 2


def test_conditional_question_is_skipped_when_its_condition_fails(
    pack: ContentPack, pipe: Any, tmp_path: Path
) -> None:
    wizard, prompter = make(pack, pipe, tmp_path)
    # q4 'no' -> q5 (leader count) is not asked: the next key answers q6
    keys = START + "4\r2\r\r2\r1\r150\r \r1\r2\r"
    pipe.send_text(keys + FINISH)
    answers = wizard.run()
    assert "leadership.leader-count" not in answers.answers
    assert values(answers)["platform.single-platform"] == "yes"
    assert "dimension 2/4 · question 5/10" not in prompter.said


def test_invalid_number_is_asked_again(pack: ContentPack, pipe: Any, tmp_path: Path) -> None:
    wizard, _ = make(pack, pipe, tmp_path)
    # q5 (1..50, whole): 'abc', '0', '2.5' and '99' are refused; Enter does nothing
    # 'd' passes while typing (it may become 'dk') but is asked again once submitted
    bad = "abc\r" + CTRL_U + "0\r" + CTRL_U + "2.5\r" + CTRL_U + "99\r" + CTRL_U + "d\r"
    keys = START + "4\r2\r\r1\r" + bad + "2\r1\r150\r \r1\r2\r"
    pipe.send_text(keys + FINISH)
    answers = wizard.run()
    assert values(answers)["leadership.leader-count"] == 2


def test_typed_values_are_validated_as_documented(pack: ContentPack, tmp_path: Path) -> None:
    wizard = Wizard(checklist=pack.checklist, prompter=Prompter(), save=lambda a: None)
    q = next(x for x in pack.checklist.questions if x.id == "leadership.leader-count")
    assert wizard.check_typed(q, "3") is True
    assert wizard.check_typed(q, "d") is True  # on the way to 'dk'
    assert wizard.check_typed(q, "d", final=True) != True  # noqa: E712
    assert wizard.check_typed(q, "2.5") == "Type a whole number."
    assert wizard.check_typed(q, "60") == "Type a number from 1 to 50."
    assert wizard.check_typed(q, "x1") == "Not a number: type digits (or ? < dk na)."
    assert wizard.check_typed(q, "") == "This question needs an answer (or dk / na)."


def test_help_dont_know_and_not_applicable(pack: ContentPack, pipe: Any, tmp_path: Path) -> None:
    wizard, prompter = make(pack, pipe, tmp_path)
    # q1: help then 4; q2: not applicable; q7 typed 'dk'
    keys = START + "h\r4\rn\r\r1\r3\r1\rdk\r \r1\r2\r"
    pipe.send_text(keys + FINISH)
    answers = wizard.run()
    assert "1 = no shared goal, 5 = everyone can say it in one sentence." in prompter.said
    # the list shortens long scale descriptions to a line: help shows every point in full
    spec = pack.checklist.questions[0].scale_spec
    assert spec.labels
    assert [f"  {v} — {tr(spec.labels[v], 'en')}" for v in sorted(spec.labels)] == [
        line for line in prompter.said if line.startswith("  ") and " — " in line
    ]
    assert values(answers)["purpose.value-proposition"] == "not_applicable"
    assert values(answers)["platform.members"] == "dont_know"


def test_review_changes_an_answer(pack: ContentPack, pipe: Any, tmp_path: Path) -> None:
    wizard, _ = make(pack, pipe, tmp_path)
    # review opens on 'Finish' (first); DOWN goes to the first answer (q1): change it to 2
    review = DOWN + "\r" + "2\r" + "\r"
    pipe.send_text(START + REST + review)
    answers = wizard.run()
    assert values(answers)["purpose.common-goal"] == 2


def test_review_shows_the_list_from_the_first_dimension(
    pack: ContentPack, pipe: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pointer starts on the first line (Finish), so the terminal shows the list from
    its top: the first dimension, not the last one scrolled into view."""
    wizard, prompter = make(pack, pipe, tmp_path)
    shown: list[tuple[list[Any], Any]] = []
    ask = prompter.select

    def select(message: str, entries: Any, **options: Any) -> Any:
        if message == wizard.m["review_title"]:
            shown.append((list(entries), options.get("default")))
        return ask(message, entries, **options)

    monkeypatch.setattr(prompter, "select", select)
    pipe.send_text(START + REST + FINISH)
    wizard.run()
    (entries, default), *_ = shown
    first_item = next(e for e in entries if hasattr(e, "value"))
    assert first_item.value == default
    assert entries[1].title.startswith("── ")
    dims = [e.title for e in entries if not hasattr(e, "value")]
    assert dims[0] == f"── {pack.checklist.dimensions[0].title['en']} ──"


def test_review_can_open_a_conditional_question(
    pack: ContentPack, pipe: Any, tmp_path: Path
) -> None:
    wizard, prompter = make(pack, pipe, tmp_path)
    keys = START + "4\r2\r\r2\r1\r150\r \r1\r2\r"
    # review: DOWN goes to q1; 3 more DOWNs reach q4 (q1, q2, q3, q4); change it to yes
    review = DOWN * 4 + "\r" + "1\r" + "\r"
    # the leader count (now asked and required) comes next, then the review again
    pipe.send_text(keys + review + "2\r" + FINISH)
    answers = wizard.run()
    assert values(answers)["leadership.leader-count"] == 2
    assert "Still to answer: leadership.leader-count" in prompter.said


def test_evidence_notes(pack: ContentPack, pipe: Any, tmp_path: Path) -> None:
    wizard, _ = make(pack, pipe, tmp_path)
    start = START[:-2] + "y\r"
    # after each answer a note prompt: only the first gets a note
    rest = "4\rminutes of 2020-08-01\r2\r\r\r1\r\r3\r\r1\r\r150\r\r \r\rd\r\r2\r\r"
    pipe.send_text(start + rest + FINISH)
    answers = wizard.run()
    assert answers.answers["purpose.common-goal"].note == "minutes of 2020-08-01"
    assert answers.answers["purpose.value-proposition"].note is None


def test_ctrl_c_keeps_the_draft_and_resume_continues(pack: ContentPack, tmp_path: Path) -> None:
    with create_pipe_input() as inp:
        wizard, _ = make(pack, inp, tmp_path)
        inp.send_text(START + "4\r2\r\r1\r" + CTRL_C)
        with pytest.raises(InterruptedWithDraft) as info:
            wizard.run()
    draft_file = tmp_path / "fashion-tech-assessment-draft.yaml"
    assert info.value.draft_path == draft_file and info.value.answered == 3
    draft = load_draft(draft_file)
    assert draft.complete is False
    assert values(draft) == {
        "purpose.common-goal": 4,
        "purpose.value-proposition": "draft",
        "leadership.identified-leader": "yes",
    }
    # a plain run in this folder offers the draft
    found = find_drafts(tmp_path)
    assert [p for p, _ in found] == [draft_file]
    with create_pipe_input() as inp:
        inp.send_text("n\r")
        assert choose_draft(Recorder(inp), found, "en") is None
    with create_pipe_input() as inp:
        inp.send_text("y\r")
        assert choose_draft(Recorder(inp), found, "en") == draft_file
    # resume: continues at the first unanswered question (q5), keeps the rest
    with create_pipe_input() as inp:
        wizard, prompter = make(pack, inp, tmp_path)
        inp.send_text("3\r1\r150\r \r1\r2\r" + FINISH)
        answers = wizard.run(draft)
    assert "Resuming the draft for Fashion Tech: 3 answers so far." in prompter.said
    assert values(answers)["purpose.common-goal"] == 4
    assert values(answers)["leadership.leader-count"] == 3
    assert values(answers)["ecosystem.conflicts"] == "no"
    assert answers.complete is True


def test_resuming_a_draft_of_one_answer_says_one_answer(pack: ContentPack, tmp_path: Path) -> None:
    with create_pipe_input() as inp:
        wizard, _ = make(pack, inp, tmp_path)
        inp.send_text(START + "4\r" + CTRL_C)
        with pytest.raises(InterruptedWithDraft) as info:
            wizard.run()
    assert info.value.answered == 1
    draft = load_draft(tmp_path / "fashion-tech-assessment-draft.yaml")
    with create_pipe_input() as inp:
        wizard, prompter = make(pack, inp, tmp_path)
        inp.send_text(CTRL_C)
        with pytest.raises(InterruptedWithDraft):
            wizard.run(draft)
    assert "Resuming the draft for Fashion Tech: 1 answer so far." in prompter.said


def test_ctrl_c_on_the_start_screen_keeps_nothing(
    pack: ContentPack, pipe: Any, tmp_path: Path
) -> None:
    wizard, _ = make(pack, pipe, tmp_path)
    pipe.send_text("Fash" + CTRL_C)
    with pytest.raises(InterruptedWithDraft) as info:
        wizard.run()
    assert info.value.draft_path is None and list(tmp_path.iterdir()) == []


def test_russian_wizard(pack: ContentPack, pipe: Any, tmp_path: Path) -> None:
    wizard, prompter = make(pack, pipe, tmp_path)
    wizard.lang = "ru"
    start = "Новый клуб\rПермь\r2\r1\r\r2\rn\r"
    # q8 (checkbox): five steps down to 'Неприменимо' (past the separator), tick, Enter
    keys = "2\r1\r\r2\r2\r8\r" + DOWN * 5 + " \r" + "1\rd\r"
    pipe.send_text(start + keys + FINISH)
    answers = wizard.run()
    assert answers.language == "ru" and answers.community.slug == "novyi-klub"
    assert "измерение 1/4 · вопрос 1/10" in prompter.said
    assert "Измерение 1/4: Цель" in prompter.said
    assert values(answers)["platform.tools"] == "not_applicable"


def test_n_and_enter_at_a_yes_no_question_answer_nothing_else(
    pack: ContentPack, pipe: Any, tmp_path: Path
) -> None:
    """The habit 'n' + Enter at the evidence-note question leaves question 1 unanswered."""
    wizard, prompter = make(pack, pipe, tmp_path)
    pipe.send_text(START + CTRL_C)
    with pytest.raises(InterruptedWithDraft) as info:
        wizard.run()
    assert wizard.ask_notes is False
    assert info.value.answered == 0
    assert info.value.draft_path is not None
    assert load_draft(info.value.draft_path).answers == {}
    assert "dimension 1/4 · question 1/10" in prompter.said


def test_a_required_tick_list_is_not_passed_with_nothing_ticked(
    pack: ContentPack, pipe: Any, tmp_path: Path
) -> None:
    wizard, _ = make(pack, pipe, tmp_path)
    tools = next(q for q in pack.checklist.questions if q.type == "multi")
    required = tools.model_copy(update={"required": True})
    wizard.checklist = pack.checklist.model_copy(
        update={"questions": [required if q is tools else q for q in pack.checklist.questions]}
    )
    # q8: Enter with nothing ticked is refused; then tick the first option
    pipe.send_text(START + "4\r2\r\r1\r3\r1\r150\r" + "\r" + " \r" + "d\r2\r" + FINISH)
    answers = wizard.run()
    assert values(answers)[tools.id] == ["chat"]


def test_the_founding_date_is_asked_and_checked(
    pack: ContentPack, pipe: Any, tmp_path: Path
) -> None:
    wizard, _ = make(pack, pipe, tmp_path)
    start = "Fashion Tech\rPerm\r2\r1\r" + "August 2020\r" + CTRL_U + "2020-08\r" + "1\rn\r"
    pipe.send_text(start + REST + FINISH)
    answers = wizard.run()
    assert answers.community.founded == "2020-08"
    draft = load_draft(tmp_path / "fashion-tech-assessment-draft.yaml")
    assert draft.community.founded == "2020-08"  # kept for the 12-month scaling and date checks


def test_a_note_in_both_languages_survives_an_unchanged_enter(
    pack: ContentPack, tmp_path: Path
) -> None:
    """The note prompt shows a bilingual note in the wizard's language; Enter keeps both
    languages, a changed note replaces it with what was typed."""
    from commkit.model.answers import Answer, ChecklistRef, CommunityRef

    both = {"en": "minutes of 2020-08-01", "ru": "протокол от 2020-08-01"}
    q1 = pack.checklist.questions[0]
    for keys, expected in (("4\r\r", both), ("4\r" + CTRL_U + "новое\r", "новое")):
        with create_pipe_input() as inp:
            wizard, _ = make(pack, inp, tmp_path)
            wizard.lang, wizard.ask_notes = "ru", True
            wizard.answers = Answers(
                kind="answers",
                version="1",
                checklist=ChecklistRef(id=pack.checklist.id, version=pack.checklist.version),
                community=CommunityRef(name="Клуб"),
                answers={q1.id: Answer(value=3, note=both)},
            )
            inp.send_text(keys)
            assert wizard.ask(q1, can_go_back=False) == "ok"
        answer = wizard.answers.answers[q1.id]
        assert answer.value == 4 and answer.note == expected


@pytest.mark.parametrize(
    ("lang", "question", "shown"),
    [
        ("en", "Which tools does the community use?", "Group chat; Shared calendar"),
        ("ru", "Какими инструментами пользуется сообщество?", "Общий чат; Общий календарь"),
    ],
)
def test_a_tick_list_leaves_its_answer_on_screen_in_the_wizards_language(
    lang: str, question: str, shown: str
) -> None:
    """questionary itself leaves "done (2 selections)" on screen, in English."""
    import io

    import pyte
    from prompt_toolkit.data_structures import Size
    from prompt_toolkit.output.vt100 import Vt100_Output

    from commkit.interactive.prompts import Heading, Item

    screen = pyte.Screen(80, 24)
    stream = pyte.Stream(screen)
    written = io.StringIO()
    terminal = Vt100_Output(written, lambda: Size(rows=24, columns=80), term="xterm")
    options = {
        "en": ["Group chat", "Shared calendar", "CRM"],
        "ru": ["Общий чат", "Общий календарь", "CRM"],
    }
    with create_pipe_input() as keys:
        prompter = Prompter(input=keys, output=terminal, lang=lang)
        keys.send_text(" " + DOWN + " \r")
        ticked = prompter.checkbox(
            question,
            [*(Item(t, t) for t in options[lang]), Heading("──"), Item("—", "none")],
            instruction="(Space, Enter)",
        )
    assert ticked == options[lang][:2]
    stream.feed(written.getvalue().replace("\n", "\r\n"))
    lines = [line.rstrip() for line in screen.display if line.strip()]
    assert lines == [f"? {question} {shown}"]


def test_a_long_answer_option_in_help_continues_under_its_text() -> None:
    from commkit.interactive.prompts import wrap

    scale = "  1 — Участники пришли с разными, не связанными между собой целями; общей цели нет"
    assert wrap(scale, 80).splitlines() == [
        "  1 — Участники пришли с разными, не связанными между собой целями; общей цели",
        "      нет",
    ]
    option = "  • Free expertise and mentoring that saved money, and suppliers found through it"
    assert wrap(option, 60).splitlines() == [
        "  • Free expertise and mentoring that saved money, and",
        "    suppliers found through it",
    ]
    assert wrap("  plain text that is long enough to be wrapped here", 30).splitlines() == [
        "  plain text that is long",
        "  enough to be wrapped here",
    ]

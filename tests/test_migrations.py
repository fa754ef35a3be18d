"""Method versions: migrations carry 1.0 answers to 1.1, and validate checks their coverage."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from commkit.cli.app import app
from commkit.core.migrate import carry_answers, chain, migrate
from commkit.core.scoring import check_answers
from commkit.errors import ContentError, UserError
from commkit.model.answers import Answer, Answers
from commkit.model.checklist import Checklist, Question
from commkit.model.loader import load_file
from commkit.model.migration import Migration, value_key
from commkit.model.pack import ContentPack, load_pack_uncached

ROOT = Path(__file__).resolve().parent.parent
# The Perm Krai answers as they were written for checklist 1.0 (the example now keeps only its
# first round in 1.0), so the migration is checked against every real 1.0 answer set.
EXAMPLES = sorted((ROOT / "tests" / "fixtures" / "answers-1.0").rglob("*.yaml"))
MIGRATION = ROOT / "checklists" / "migrations" / "self-identification-1.0-1.1.yaml"


@pytest.fixture(scope="module")
def pack() -> ContentPack:
    return load_pack_uncached(None)


@pytest.fixture(scope="module")
def old(pack: ContentPack) -> Checklist:
    found = pack.checklist_version("self-identification", "1.0")
    assert found is not None, "checklist 1.0 is kept in checklists/history/"
    return found


@pytest.fixture(scope="module")
def migration(pack: ContentPack) -> Migration:
    (found,) = [m for m in pack.migrations if m.from_version == "1.0"]
    return found


def one_zero_answers() -> list[Answers]:
    files = [load_file(p, Answers) for p in EXAMPLES]
    return [a for a in files if a.checklist.version == "1.0"]


def test_the_default_pack_ships_the_1_0_to_1_1_migration(pack: ContentPack) -> None:
    assert pack.checklist.version == "1.1"
    assert [(m.from_version, m.to_version) for m in pack.migrations] == [("1.0", "1.1")]
    assert [m.to_version for m in chain(pack.migrations, "self-identification", "1.0", "1.1")] == [
        "1.1"
    ]


def test_every_1_0_example_is_carried_as_the_migration_says(
    pack: ContentPack, migration: Migration
) -> None:
    examples = one_zero_answers()
    assert len(examples) >= 4
    steps = migration.all_steps()
    for answers in examples:
        result = migrate(pack.migrations, "self-identification", "1.0", "1.1", answers.answers)
        by_new = {m.new: m for m in result.moves if m.new}
        for step in steps:
            for new_id in step.new:
                move = by_new[new_id]
                assert move.how == step.how
                given = [answers.answers[o] for o in step.old if o in answers.answers]
                if step.how == "asked":
                    assert new_id not in result.answers and move.reason
                elif not given:
                    assert new_id not in result.answers
                elif given[0].status != "answered":
                    targets = step.statuses_to or step.new
                    assert (new_id in result.answers) == (new_id in targets)
                elif step.values is None:
                    assert result.answers[new_id].value == given[0].value
                else:
                    expected = step.values.get(value_key(given[0].value))
                    if expected is None:
                        assert new_id not in result.answers and move.reason
                    else:
                        assert result.answers[new_id].value == expected
                        assert move.before == [given[0].value] and move.after == expected
                if given and given[0].note and new_id in result.answers:
                    assert result.answers[new_id].note == given[0].note
        # the one carry path (an empty 1.0 tick list meant "none of these": it becomes that
        # option of 1.1) gives answers 1.1 accepts
        carried, _ = carry_answers(pack, answers)
        assert all(a.value != [] for a in carried.answers.values())
        problems = check_answers(pack.checklist, carried, require_complete=False)
        assert [p for p in problems if p.severity == "error"] == []
        needed = {q.id for q in result.need_answer(pack.checklist)}
        asked = {s.new[0] for s in steps if s.how == "asked"}
        required = {q.id for q in pack.checklist.questions if q.required}
        # beyond the questions asked again and the required ones, only a 1.0 answer with no 1.1
        # value (a "no" in a split) leaves a question to answer, and the move says why
        others = needed - asked - required
        assert all(by_new[n].before and by_new[n].reason for n in others), others
        assert all(q not in result.answers for q in needed)


def _answer(question: Question) -> st.SearchStrategy[Answer]:
    if question.type == "yes_no":
        value: st.SearchStrategy[object] = st.booleans()
    elif question.type == "scale":
        spec = question.scale_spec
        value = st.integers(spec.min, spec.max)
    elif question.type == "number":
        assert question.number is not None
        top = question.number.max if question.number.max is not None else 10_000
        value = st.integers(int(question.number.min), int(top))
    elif question.type == "choice":
        value = st.sampled_from([o.id for o in question.options])
    elif question.type == "multi":
        value = st.lists(st.sampled_from([o.id for o in question.options]), min_size=1, unique=True)
    else:
        value = st.text(min_size=1, max_size=20)
    answered = value.map(lambda v: Answer(value=v))  # type: ignore[arg-type]
    statuses = st.sampled_from(["dont_know", "not_applicable"]).map(lambda s: Answer(status=s))
    note = st.none() | st.text(max_size=30)
    return st.tuples(answered | statuses, note).map(
        lambda pair: pair[0].model_copy(update={"note": pair[1]})
    )


def complete_1_0_answer_sets(checklist: Checklist) -> st.SearchStrategy[dict[str, Answer]]:
    # Each question's strategy built once, not at every draw: hypothesis validated a new
    # strategy per question per example, and that (not the migration) was 0.7 s an example.
    return st.fixed_dictionaries({q.id: _answer(q) for q in checklist.questions})


def test_any_complete_1_0_answer_set_becomes_a_valid_1_1_answer_set(
    pack: ContentPack, old: Checklist
) -> None:
    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(complete_1_0_answer_sets(old))
    def check(answers: dict[str, Answer]) -> None:
        result = migrate(pack.migrations, "self-identification", "1.0", "1.1", answers)
        migrated = Answers(
            kind="answers",
            version="1",
            checklist={"id": "self-identification", "version": "1.1"},  # type: ignore[arg-type]
            community={"name": "Any"},  # type: ignore[arg-type]
            answers=result.answers,
        )
        problems = check_answers(pack.checklist, migrated, require_complete=False)
        assert [p.message for p in problems if p.severity == "error"] == []

    check()


def test_no_migration_is_a_clear_error(pack: ContentPack) -> None:
    with pytest.raises(
        UserError, match=r"no migration leads from checklist 'self-identification' version 0\.9"
    ):
        chain(pack.migrations, "self-identification", "0.9", "1.1")


@pytest.fixture
def pack_copy(tmp_path: Path) -> Path:
    root = tmp_path / "pack"
    for sub in ("methodology", "checklists"):
        shutil.copytree(ROOT / sub, root / sub)
    return root


def _rewrite(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_validate_names_an_old_question_the_migration_forgets(pack_copy: Path) -> None:
    path = pack_copy / MIGRATION.relative_to(ROOT)
    _rewrite(path, "  - purpose.mission-text\n", "")
    with pytest.raises(ContentError) as info:
        load_pack_uncached(pack_copy)
    (diag,) = [d for d in info.value.diagnostics if "not handled" in d.message]
    assert diag.file == path and diag.line is not None
    assert "purpose.mission-text" in diag.message
    unanswered = next(d.message for d in info.value.diagnostics if "no step answers" in d.message)
    assert "purpose.mission-text" in unanswered


def test_validate_refuses_a_mapped_value_the_new_question_cannot_take(
    pack_copy: Path, runner: CliRunner
) -> None:
    path = pack_copy / MIGRATION.relative_to(ROOT)
    _rewrite(path, "5: 50}", "5: 500}")
    result = runner.invoke(app, ["validate", str(pack_copy)])
    assert result.exit_code == 1
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if "5: 500}" in text)
    assert f"{path.name}:{line}" in result.output.replace("\n", "")
    assert "rhythm.attendance-share" in result.output and "500" in result.output


def test_validate_refuses_an_unknown_question_id(pack_copy: Path) -> None:
    path = pack_copy / MIGRATION.relative_to(ROOT)
    _rewrite(path, "  - new: [ecosystem.regional-contact]", "  - new: [ecosystem.regional-contakt]")
    with pytest.raises(ContentError) as info:
        load_pack_uncached(pack_copy)
    (diag,) = [d for d in info.value.diagnostics if "regional-contakt" in d.message]
    assert diag.file == path and diag.line is not None


def test_progress_shows_each_version_and_figures_re_scored_under_the_current_one(
    pack: ContentPack,
) -> None:
    from commkit.core.progress import community_progress
    from commkit.model.workspace_loader import load_workspace

    workspace = load_workspace(ROOT / "examples" / "perm-krai")
    result = community_progress(workspace, "business-mentor", pack)
    assert result.current_version == pack.checklist.version
    assert result.not_comparable == []
    for point in result.stages:
        if point.version != pack.checklist.version:
            assert point.rescored_overall is not None and point.rescored_stage is not None
    no_migrations = ContentPack(**{**pack.__dict__, "migrations": []})
    plain = community_progress(workspace, "business-mentor", no_migrations)
    old = {p.version for p in plain.stages} - {pack.checklist.version}
    assert plain.not_comparable == sorted(old)
    assert all(p.rescored_overall is None for p in plain.stages)

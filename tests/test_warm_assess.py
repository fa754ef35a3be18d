"""A warm one-file ``assess`` (no pydantic) writes and prints what the full path does.

Byte for byte: the report, the result file and the final screen, for every example answers
file in English and Russian, with ``--date`` and ``--community``, and for answers generated
from the examples (values taken from another file, "don't know", "not applicable", notes,
Russian answers); every bad-input answers file gives the same message and exit code with the
cache as without it. The pack's plain data follows every edit of the pack, and a fresh warm
run imports no pydantic.
"""

from __future__ import annotations

import copy
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from commkit.api.warm_assess import assess_pack_data, warm_assess
from commkit.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").rglob("answers/**/*.yaml"))
SMALL_PACK = ROOT / "tests" / "fixtures" / "assess" / "pack"
SMALL_ANSWERS = ROOT / "tests" / "fixtures" / "assess" / "answers" / "fashion-tech.yaml"
BAD = sorted(p for p in (ROOT / "tests" / "bad_inputs").glob("*.yaml") if p.name != "expected.yaml")


@pytest.fixture(scope="module")
def filled_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache folder for the module's comparisons: the first run fills it and the others
    read it, as a user's runs do (a folder per test made every test build the pack's data
    again). The tests about the cache itself take ``cache`` (conftest: a folder of their own)."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture
def warm_cache(filled_cache: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("COMMKIT_CACHE_DIR", str(filled_cache))
    monkeypatch.delenv("COMMKIT_NO_CACHE", raising=False)
    monkeypatch.delenv("COMMKIT_LANG", raising=False)
    return filled_cache


def run(args: list[str], *, cached: bool, monkeypatch: pytest.MonkeyPatch) -> Any:
    with monkeypatch.context() as patched:
        if not cached:
            patched.setenv("COMMKIT_NO_CACHE", "1")
        return CliRunner().invoke(app, args)


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())} if folder.is_dir() else {}


def same_both_ways(
    answers: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *extra: str
) -> tuple[Any, Any]:
    """The CLI run with the cache (warm when it may) and without it, into two folders;
    asserts the same exit code, output (folder names aside) and files."""
    runs = []
    for name, cached in (("warm", True), ("full", False)):
        out = tmp_path / name
        args = [*extra[:2], "assess", "--answers", str(answers), "--out", str(out), *extra[2:]]
        result = run(args, cached=cached, monkeypatch=monkeypatch)
        runs.append((result, out))
    (warm, warm_out), (full, full_out) = runs
    assert warm.exit_code == full.exit_code, (warm.output, full.output)
    assert warm.output.replace(str(warm_out), "OUT") == full.output.replace(str(full_out), "OUT")
    assert files_of(warm_out) == files_of(full_out)
    return warm, full


def took_the_warm_way(answers: Path, tmp_path: Path, *, lang: str | None = None) -> bool:
    return warm_assess(answers, out=tmp_path / "probe", lang=lang, force=True) is not None


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("answers", EXAMPLES, ids=lambda p: p.name)
def test_every_example_is_written_and_shown_as_the_full_path_does(
    answers: Path, lang: str, warm_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    same_both_ways(answers, tmp_path, monkeypatch, "--lang", lang)


def test_the_common_examples_take_the_warm_way(warm_cache: Path, tmp_path: Path) -> None:
    taken = [p.name for p in EXAMPLES if took_the_warm_way(p, tmp_path, lang="ru")]
    assert {"business-mentor.yaml", "franchising-world.yaml", "fashiontechperm.yaml"} <= {*taken}


def test_date_and_community_options_match(
    warm_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = ROOT / "examples" / "perm-krai" / "answers" / "business-mentor.yaml"
    for extra in (["--date", "2021-03-01"], ["--community", "other-club"]):
        same_both_ways(answers, tmp_path / extra[0][2:], monkeypatch, "--lang", "en", *extra)


def test_an_existing_file_is_refused_alike_and_overwritten_with_force(
    warm_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = ROOT / "examples" / "perm-krai" / "answers" / "business-mentor.yaml"
    same_both_ways(answers, tmp_path, monkeypatch, "--lang", "en")
    warm, _ = same_both_ways(answers, tmp_path, monkeypatch, "--lang", "en")
    assert warm.exit_code == 1 and "already exists" in warm.output
    warm, _ = same_both_ways(answers, tmp_path, monkeypatch, "--lang", "en", "--force")
    assert warm.exit_code == 0


def test_every_bad_input_is_left_to_the_full_path(warm_cache: Path, tmp_path: Path) -> None:
    """The full path's messages for each of them are the corpus tests' concern."""
    assert len(BAD) > 30
    for bad in BAD:
        out = tmp_path / bad.stem
        assert warm_assess(bad, out=out, lang="en") is None, bad.name
        assert not out.exists(), bad.name


@pytest.mark.parametrize(
    "name", ["answers-out-of-range.yaml", "bad-date.yaml", "answers-unknown-question.yaml"]
)
def test_a_bad_input_gives_the_same_message_and_exit_code(
    name: str, warm_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = ROOT / "tests" / "bad_inputs" / name
    warm, _ = same_both_ways(bad, tmp_path, monkeypatch, "--lang", "en")
    assert warm.exit_code == 1


def generated(rng: random.Random, sources: list[dict[str, Any]]) -> dict[str, Any]:
    """Answers made from the examples: each question's answer taken from one of them, or
    turned into "don't know" / "not applicable", some with notes, in either language."""
    data = copy.deepcopy(rng.choice(sources))
    pool: dict[str, list[Any]] = {}
    for source in sources:
        for qid, entry in source["answers"].items():
            pool.setdefault(qid, []).append(entry)
    answers: dict[str, Any] = {}
    for qid, entries in pool.items():
        roll = rng.random()
        if roll < 0.08:
            answers[qid] = {"status": "dont_know"}
        elif roll < 0.12:
            answers[qid] = {"status": "not_applicable", "note": "нет данных"}
        else:
            entry = copy.deepcopy(rng.choice(entries))
            if rng.random() < 0.2:
                value = entry.get("value") if isinstance(entry, dict) else entry
                if value is not None:
                    entry = {"value": value, "note": rng.choice(["ok", "см. протокол"])}
            answers[qid] = entry
    data["answers"] = answers
    data["language"] = rng.choice(["en", "ru"])
    if rng.random() < 0.3:
        data["community"]["name"] = {"en": "Club", "ru": "Клуб"}
    return data


GENERATED = int(os.environ.get("COMMKIT_WARM_GENERATED", "12"))


def test_generated_answers_are_written_and_shown_as_the_full_path_does(
    warm_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = ROOT / "examples" / "perm-krai" / "answers"
    sources = [
        yaml.safe_load(p.read_text(encoding="utf-8"))
        for p in sorted(folder.glob("*.yaml"))  # the current checklist's files
    ]
    rng = random.Random(8)
    warm = 0
    for number in range(GENERATED):
        answers = tmp_path / f"generated-{number}.yaml"
        data = generated(rng, sources)
        answers.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        warm += took_the_warm_way(answers, tmp_path / f"probe-{number}")
        same_both_ways(answers, tmp_path / f"run-{number}", monkeypatch)
    assert warm >= GENERATED // 2  # most take the warm way: the comparison is not vacuous


def test_the_pack_data_is_the_models_and_follows_every_edit(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from commkit.model import pack as pack_module
    from commkit.model.pack import load_pack_uncached

    pack = tmp_path / "pack"
    shutil.copytree(SMALL_PACK, pack)
    models = load_pack_uncached(pack)
    data = assess_pack_data(pack)
    assert data["checklists"][models.checklist.id]["data"] == models.checklist.model_dump(
        mode="json"
    )
    assert data["actions"] == [a.model_dump(mode="json") for a in models.roadmap.actions]
    answers = SMALL_ANSWERS
    assert warm_assess(answers, content=pack, out=tmp_path / "probe") is not None
    same_both_ways(answers, tmp_path / "before", monkeypatch, "--content", str(pack))
    checklist = next((pack / "checklists").glob("*.yaml"))
    text = checklist.read_text(encoding="utf-8")
    title = models.checklist.dimensions[0].title
    first = title["en"] if isinstance(title, dict) else title
    assert first in text
    checklist.write_text(text.replace(first, "Edited dimension title", 1), encoding="utf-8")
    edited = assess_pack_data(pack)
    assert edited != data
    pack_module._load_cached.cache_clear()  # the full path's copy of the pack in this process
    warm, _ = same_both_ways(answers, tmp_path / "after", monkeypatch, "--content", str(pack))
    assert "Edited dimension title" in warm.output


def test_a_fresh_warm_assess_imports_no_pydantic(cache: Path, tmp_path: Path) -> None:
    answers = ROOT / "examples" / "perm-krai" / "answers" / "business-mentor.yaml"
    code = (
        "import sys, atexit\n"
        "atexit.register(lambda: print(sorted(m for m in sys.modules if m == 'pydantic'"
        " or m.startswith(('pydantic.main', 'pydantic_core', 'commkit.model.answers')))))\n"
        "from commkit.cli.app import main\n"
        f"sys.argv = ['commkit', 'assess', '--answers', {str(answers)!r}, '--out',"
        f" {str(tmp_path)!r}, '--force']\n"
        "main()\n"
    )
    env = {**os.environ, "COMMKIT_CACHE_DIR": str(cache)}
    env.pop("COMMKIT_NO_CACHE", None)
    subprocess.run([sys.executable, "-c", code], check=True, env=env, capture_output=True)
    done = subprocess.run(
        [sys.executable, "-c", code], check=True, env=env, capture_output=True, text=True
    )
    assert done.stdout.splitlines()[-1] == "[]"


def test_any_doubt_goes_the_full_way(
    warm_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = ROOT / "examples" / "perm-krai" / "answers" / "business-mentor.yaml"
    data = yaml.safe_load(answers.read_text(encoding="utf-8"))
    odd = {
        "yes-word.yaml": {**data, "community": {**data["community"], "formalised": "yes"}},
        "rater.yaml": {**data, "rater": {"name": "Anna"}},
        "draft.yaml": {**data, "complete": False},
        "future.yaml": {**data, "date": "2999-01-01"},
    }
    for name, content in odd.items():
        path = tmp_path / name
        path.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
        assert not took_the_warm_way(path, tmp_path), name
        same_both_ways(path, tmp_path / name.removesuffix(".yaml"), monkeypatch)
    monkeypatch.setenv("COMMKIT_NO_CACHE", "1")
    assert not took_the_warm_way(answers, tmp_path)
    monkeypatch.delenv("COMMKIT_NO_CACHE")

    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError("unforeseen")

    from commkit.render import report

    monkeypatch.setattr(report, "render_report_files", broken)
    assert warm_assess(answers, out=tmp_path / "broken") is None
    assert not (tmp_path / "broken").exists()  # nothing written before the full path runs


def test_the_pack_data_is_never_stale(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Worked out again for a changed byte or another commkit; read back for a touched but
    unchanged file; a damaged entry, a cache folder that cannot be made and ``COMMKIT_NO_CACHE``
    give the same data (new and deleted files: the same key as ``validate``'s, in
    tests/test_pack_cache.py)."""
    from commkit.api import warm_assess as warm_module
    from commkit.model import pack_cache

    pack = tmp_path / "pack"
    shutil.copytree(SMALL_PACK, pack)
    made: list[Path | None] = []
    compute = warm_module._from_models

    def counted(content: Path | None) -> dict[str, Any]:
        made.append(content)
        return compute(content)

    monkeypatch.setattr(warm_module, "_from_models", counted)
    first = assess_pack_data(pack)
    assert assess_pack_data(pack) == first and len(made) == 1
    checklist = pack / "checklists" / "self-identification.yaml"
    os.utime(checklist, (1, 1))
    assert assess_pack_data(pack) == first and len(made) == 1
    checklist.write_text(checklist.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert assess_pack_data(pack) == first and len(made) == 2  # a byte more: read again
    for entry in (cache / "data").glob("*.json"):
        entry.write_bytes(entry.read_bytes()[:100])
    assert assess_pack_data(pack) == first and len(made) == 3
    with monkeypatch.context() as patched:
        patched.setattr(pack_cache, "package_identity", lambda: b"another commkit")
        assert assess_pack_data(pack) == first and len(made) == 4
    with monkeypatch.context() as patched:
        patched.setenv("COMMKIT_NO_CACHE", "1")
        assert assess_pack_data(pack) == first and len(made) == 5
    blocker = tmp_path / "blocked"  # a file where the folder should be (root writes anywhere)
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("COMMKIT_CACHE_DIR", str(blocker / "cache"))
    assert assess_pack_data(pack) == first and len(made) == 6
    assert assess_pack_data(pack) == first and len(made) == 7

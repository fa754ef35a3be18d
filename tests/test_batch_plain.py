"""A batch's answers files assessed on plain objects give the bytes the full path gives.

``commkit.api.batch_plain`` is a shortcut for plain, valid, complete answers files: the same
two files, score, stage, language and ``--json`` text as the models' way, in English and
Russian; any file with something to say (an error, a warning, a date to warn about), and a
batch with a workspace, charts, a page or ``--explain``, goes the full way and says it as
before.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from commkit import api
from commkit.api import batch
from commkit.api.batch import BatchOptions, prepare, writer_for
from commkit.api.batch_plain import plain_item

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples" / "perm-krai" / "answers").glob("*.yaml"))
BAD = ROOT / "tests" / "bad_inputs"


def full_way(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "_plain_way", lambda options, writer: False)


def variants(folder: Path, count: int) -> list[Path]:
    """The examples with their answers moved about at random (seeded): values within each
    question's options or range, some answers 'don't know' or 'not applicable', some
    notes, names in Cyrillic, several founding dates."""
    pack = api.load_content(None)
    questions = {q.id: q for q in pack.checklist.questions}
    rng = random.Random(8)
    made = []
    for k in range(count):
        data = yaml.safe_load(EXAMPLES[k % len(EXAMPLES)].read_text(encoding="utf-8"))
        data["community"]["slug"] = f"variant-{k}"
        if k % 3 == 0:
            data["community"]["name"] = f"Клуб предпринимателей №{k}"
        data["community"]["founded"] = rng.choice(["2018", "2019-05", "2020-01-15"])
        data["language"] = rng.choice(["en", "ru"])
        for qid, answer in list(data["answers"].items()):
            question = questions.get(qid)
            if question is None or rng.random() < 0.6:
                continue
            roll = rng.random()
            if roll < 0.1 and not question.required:
                data["answers"][qid] = {"status": "dont_know"}
            elif roll < 0.2:
                entry = dict(answer) if isinstance(answer, dict) else {"value": answer}
                data["answers"][qid] = {**entry, "note": f"note {k}"}
        path = folder / f"variant-{k}.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        made.append(path)
    return made


def _utf8(files: list[tuple[str, Path, str | bytes]]) -> list[tuple[str, Path, bytes]]:
    """``(role, path, text)`` with the text as it is written: in UTF-8."""
    return [(role, path, t.encode() if isinstance(t, str) else t) for role, path, t in files]


@pytest.mark.parametrize("lang", [None, "ru"])
def test_the_plain_way_gives_the_bytes_of_the_full_way(
    tmp_path: Path, lang: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = api.load_content(None)
    options = BatchOptions(as_json=True, assessments=False, lang=lang, out=tmp_path / "out")
    writer = writer_for(options, pack)
    names = [str(p) for p in EXAMPLES + variants(tmp_path, 40)]
    plain = {
        name: plain_item(name, pack=pack, writer=writer, lang=lang, when=None, as_json=True)
        for name in names
    }
    assert sum(item is not None for item in plain.values()) >= 30  # most of them
    full_way(monkeypatch)
    for name, mine in plain.items():
        if mine is None:
            continue
        item = prepare(name, pack=pack, writer=writer, options=options)
        assert item.error is None and item.warnings == []
        assert item.rendered is not None and item.json is not None and mine.json is not None
        assert _utf8(mine.files) == _utf8(item.rendered.files), name
        assert mine.json.utf8() == item.json.text.encode(), name
        assert mine.json.text == item.json.text, name
        assert (mine.overall, mine.stage, mine.lang) == (item.overall, item.stage, item.lang)


def test_a_file_with_something_to_say_goes_the_full_way(tmp_path: Path) -> None:
    pack = api.load_content(None)
    options = BatchOptions(as_json=True, assessments=False, out=tmp_path / "out")
    writer = writer_for(options, pack)
    future = tmp_path / "future.yaml"
    text = EXAMPLES[0].read_text(encoding="utf-8")
    future.write_text(text.replace("date: 2020-", "date: 2999-", 1), encoding="utf-8")
    older = ROOT / "examples" / "perm-krai" / "answers" / "first-round" / EXAMPLES[0].name
    for name, what in (
        (BAD / "answers-out-of-range.yaml", "error"),
        (BAD / "answers-unknown-question.yaml", "error"),
        (future, "warning"),  # a date in the future
        (older, "warning"),  # made with an earlier checklist
    ):
        kwargs = {"pack": pack, "writer": writer, "lang": None, "when": None, "as_json": True}
        assert plain_item(str(name), **kwargs) is None  # type: ignore[arg-type]
        item = prepare(str(name), pack=pack, writer=writer, options=options)
        if what == "error":
            assert item.error is not None and str(name) in str(item.error)
        else:
            assert item.error is None and item.warnings, name


@pytest.mark.parametrize(
    "settings",
    [
        {"workspace": "ws"},
        {"charts": True},
        {"html": True},
        {"explain": True},
        {"assessments": True},
        {"as_json": False},
    ],
)
def test_only_the_two_files_in_an_output_folder_go_the_plain_way(
    tmp_path: Path, settings: dict[str, object], monkeypatch: pytest.MonkeyPatch
) -> None:
    from commkit.api import batch_plain

    given = {"assessments": False, "out": tmp_path / "out", **settings}
    if "workspace" in settings:
        given["workspace"] = tmp_path / "ws"
    options = BatchOptions(**given)  # type: ignore[arg-type]
    writer = writer_for(options, api.load_content(None))
    taken: list[str] = []
    original = batch_plain.plain_item

    def spy(name: str, **kwargs: object) -> object:
        taken.append(name)
        return original(name, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(batch_plain, "plain_item", spy)
    item = prepare(str(EXAMPLES[0]), pack=writer.pack, writer=writer, options=options)
    assert item.error is None and item.rendered is not None
    assert bool(taken) is (settings == {"as_json": False}), settings


def test_a_float_pydantic_writes_otherwise_is_written_as_commkit_writes_it(
    tmp_path: Path,
) -> None:
    import json

    from commkit.api.batch_plain import assessment_json
    from commkit.api.warm_assess import _Assessment, _read, _Ref
    from commkit.core.plain import PlainAnswer, plain_answers_file
    from commkit.core.scoring import breakdown

    pack = api.load_content(None)
    data = _read(EXAMPLES[0])
    assert data is not None
    answers = plain_answers_file(data)
    info = breakdown(pack.checklist, answers.answers, lang="en", months=None)
    tiny = {**answers.answers, "extra": PlainAnswer(value=1e-05)}
    for given, written in ((answers.answers, None), (tiny, '"value": 1e-05')):
        assessment = _Assessment(
            checklist=_Ref("c", "1", None),
            community=answers.community,
            date=answers.date,
            language="en",
            answers=given,
            result=info.plain,
        )
        text = assessment_json(assessment).text
        assert json.loads(text)["answers"].keys() == given.keys()
        if written is not None:
            assert written in text  # json.dumps's way; pydantic writes 1e-5
            assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2)

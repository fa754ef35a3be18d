"""The scoring engine runs on plain objects without pydantic, and its plain results turn into
the same models as before."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from commkit.core.plain import PlainResult, result_model
from commkit.core.scoring import breakdown, score, score_plain
from commkit.model.answers import Answer, AssessmentResult
from commkit.model.pack import load_pack

SCORE_WITHOUT_PYDANTIC = textwrap.dedent(
    """
    import sys

    from commkit.core.plain import PlainAnswer, PlainResult
    from commkit.core.scoring import breakdown, check_answers, score_plain

    class N:  # an attribute object (the engine keeps weak references to content objects)
        def __init__(self, **fields):
            self.__dict__.update(fields)

    def q(qid, qtype, **more):
        fields = dict(id=qid, dimension="d", type=qtype, weight=1.0, required=False,
                      when=None, options=[], recommendation="do more", yes_is_good=True,
                      number=None, scale_spec=N(min=1, max=5))
        return N(**{**fields, **more})

    def cond(**test):
        fields = dict(question=None, dimension=None, stage=None, equals=None, any_of=None,
                      at_least=None, below=None, score_below=None)
        return N(**{**fields, **test})

    checklist = N(
        id="c", version="1", earlier_wordings=[], content_hash="sha256:0",
        dimensions=[N(id="d", weight=1.0)],
        questions=[
            q("a", "yes_no"),
            q("b", "scale", when=cond(question="a", equals="yes")),
            q("c", "number", number=N(integer=True, min=0, max=None, period_months=12,
                                      bands=[N(min=0, score=0.0), N(min=5, score=1.0)])),
        ],
        stages=[N(id="s1", min_score=0.0, requires=[]),
                N(id="s2", min_score=50.0, requires=[cond(question="b", at_least=4)])],
    )
    answers = {"a": PlainAnswer(value=True), "b": PlainAnswer(value=3),
               "c": PlainAnswer("dont_know")}
    result = score_plain(checklist, answers)
    assert isinstance(result, PlainResult)
    assert (result.overall, result.stage, result.open_questions) == (75.0, "s1", ["c"])
    assert result.held_back_by == ["b ≥ 4"]
    info = breakdown(checklist, answers, months=2.0)
    assert [r.question for r in info.plain_recommendations("en")] == ["b"]
    answers_file = N(checklist=N(id="c", version="1", hash="sha256:0"), answers=answers)
    assert check_answers(checklist, answers_file) == []
    answers_file.answers = {**answers, "b": PlainAnswer(value=9), "x": PlainAnswer(value=1)}
    found = [(d.field, d.message) for d in check_answers(checklist, answers_file)]
    assert found == [
        ("answers.b.value", "question b: 9 is out of range: expected 1 to 5"),
        ("answers.x", "unknown question 'x'"),
    ], found
    loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("pydantic", "pydantic_core"))
    print(loaded)
    """
)


def test_scoring_plain_objects_imports_no_pydantic() -> None:
    run = subprocess.run(
        [sys.executable, "-c", SCORE_WITHOUT_PYDANTIC],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"


def test_plain_results_become_the_same_models() -> None:
    pack = load_pack()
    checklist = pack.checklist
    answers = {q.id: Answer(status="dont_know") for q in checklist.questions[::3]}
    for q in checklist.questions[1::3]:
        if q.type == "yes_no":
            answers[q.id] = Answer(value="no")
        elif q.type == "scale":
            answers[q.id] = Answer(value=q.scale_spec.min)
    for lang in ("en", "ru"):
        info = breakdown(checklist, answers, lang=lang, months=4.0)
        plain = score_plain(checklist, answers, lang=lang)
        model = score(checklist, answers, lang=lang)
        assert isinstance(plain, PlainResult) and isinstance(model, AssessmentResult)
        assert plain.recommendations and plain.open_questions
        assert result_model(plain) == model
        assert plain.data() == model.model_dump(mode="json")
        validated = AssessmentResult.model_validate(plain.data())
        assert validated == model
        assert info.result is info.result  # made once
        assert info.recommendations(lang) == info.result.recommendations
        assert [r.data() for r in info.plain_recommendations(lang)] == [
            r.model_dump(mode="json") for r in info.result.recommendations
        ]

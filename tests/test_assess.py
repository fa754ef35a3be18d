"""`commkit assess --answers`: replays, reports, errors, batches, JSON and workspaces."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from commkit.cli.app import app
from commkit.model.answers import Assessment

FIX = Path(__file__).parent / "fixtures" / "assess"
PACK = FIX / "pack"
ANSWERS = FIX / "answers"


def run(runner: CliRunner, *args: str, input: str | None = None) -> Any:
    return runner.invoke(app, ["--content", str(PACK), "assess", *args], input=input)


def replay(runner: CliRunner, out: Path, name: str = "fashion-tech.yaml", *extra: str) -> Any:
    return run(runner, "--answers", str(ANSWERS / name), "--out", str(out), *extra)


def tables(markdown: str) -> list[list[list[str]]]:
    """Every table as rows of cell texts (header row first)."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    found: list[list[list[str]]] = []
    in_cell = False
    for tok in tokens:
        if tok.type == "table_open":
            found.append([])
        elif tok.type == "tr_open":
            found[-1].append([])
        elif tok.type in ("th_open", "td_open"):
            in_cell = True
        elif tok.type == "inline" and in_cell:
            found[-1][-1].append(tok.content)
            in_cell = False
    return found


def headings(markdown: str) -> list[str]:
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    return [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]


def test_replay_writes_report_and_yaml(runner: CliRunner, tmp_path: Path) -> None:
    result = replay(runner, tmp_path)
    assert result.exit_code == 0, result.output
    md = tmp_path / "fashion-tech-perm-assessment-2020-10-15.md"
    data = tmp_path / "fashion-tech-perm-assessment-2020-10-15.yaml"
    assert md.is_file() and data.is_file()
    assert "Stage: Mature" in result.stdout
    assert str(md) in result.stdout
    assessment = Assessment.model_validate(yaml.safe_load(data.read_text(encoding="utf-8")))
    assert assessment.result.stage == "mature"
    assert assessment.result.overall == 90.5
    assert assessment.answers["purpose.value-proposition"].note == (
        "Mission is being formulated (Y. Suntseva)"
    )


def test_assessment_yaml_is_valid_against_its_json_schema(
    runner: CliRunner, tmp_path: Path
) -> None:
    import jsonschema

    assert replay(runner, tmp_path).exit_code == 0
    data = yaml.safe_load(next(tmp_path.glob("*.yaml")).read_text(encoding="utf-8"))
    jsonschema.validate(data, Assessment.model_json_schema())


def test_report_is_valid_gfm_with_the_right_table_columns(
    runner: CliRunner, tmp_path: Path
) -> None:
    assert replay(runner, tmp_path).exit_code == 0
    text = next(tmp_path.glob("*.md")).read_text(encoding="utf-8")
    found = tables(text)
    assert len(found) == 2
    dims, appendix = found
    assert dims[0] == ["Dimension", "Score", "Bar", "Answered", "Don't know", "N/A"]
    assert all(len(r) == 6 for r in dims) and len(dims) == 1 + 4
    assert appendix[0] == ["Id", "Question", "Answer", "Evidence"]
    assert all(len(r) == 4 for r in appendix) and len(appendix) == 1 + 10


def test_user_text_is_escaped(runner: CliRunner, tmp_path: Path) -> None:
    assert replay(runner, tmp_path).exit_code == 0
    text = next(tmp_path.glob("*.md")).read_text(encoding="utf-8")
    # the name has a pipe, the mission text a leading '#', a newline and a pipe
    assert headings(text)[0] == "Self-identification of Fashion Tech \\| Perm"
    assert not any(h.startswith("Fashion meets") for h in headings(text))
    row = next(r for r in tables(text)[1] if "mission" in r[1].lower())
    # (the table parser already turned the escaped '\\|' back into '|': one cell)
    assert row[2] == "\\# Fashion meets tech at the crossroads | of industries"
    rendered = MarkdownIt("commonmark").enable("table").render(text)
    assert "<h1>Self-identification of Fashion Tech | Perm</h1>" in rendered
    assert "# Fashion meets tech at the crossroads | of industries</td>" in rendered


def test_russian_answers_give_a_russian_report(runner: CliRunner, tmp_path: Path) -> None:
    result = replay(runner, tmp_path, "new-club.yaml")
    assert result.exit_code == 0, result.output
    assert "Стадия: Ядро" in result.stdout
    text = (tmp_path / "novyi-klub-assessment-2020-10-15.md").read_text(encoding="utf-8")
    assert headings(text)[0] == "Самоидентификация: Новый клуб"
    assert tables(text)[0][0][0] == "Измерение"
    # --lang overrides the language of the answers file
    result = run(
        runner, "--answers", str(ANSWERS / "new-club.yaml"), "--out", str(tmp_path), "--force"
    )
    assert result.exit_code == 0
    en = runner.invoke(
        app,
        [
            "--content",
            str(PACK),
            "--lang",
            "en",
            "assess",
            "--answers",
            str(ANSWERS / "new-club.yaml"),
            "--out",
            str(tmp_path),
            "--force",
        ],
    )
    assert en.exit_code == 0, en.output
    assert "Stage: Core" in en.stdout


def test_existing_report_is_not_overwritten_without_force(
    runner: CliRunner, tmp_path: Path
) -> None:
    assert replay(runner, tmp_path).exit_code == 0
    md = next(tmp_path.glob("*.md"))
    md.write_text("my edits", encoding="utf-8")
    again = replay(runner, tmp_path)
    assert again.exit_code == 1
    assert "already exists" in again.stderr and "--force" in again.stderr
    assert md.read_text(encoding="utf-8") == "my edits"
    forced = replay(runner, tmp_path, "fashion-tech.yaml", "--force")
    assert forced.exit_code == 0
    assert md.read_text(encoding="utf-8").startswith("# Self-identification")


def test_bad_answers_exit_1_with_file_line_and_question(runner: CliRunner, tmp_path: Path) -> None:
    result = replay(runner, tmp_path, "bad.yaml")
    assert result.exit_code == 1
    err = result.stderr
    assert "Traceback" not in result.output
    assert (
        "bad.yaml:6:24: error: answers.purpose.common-goal.value: question "
        "purpose.common-goal: 9 is out of range: expected 1 to 5" in err
    )
    assert "bad.yaml:7:3: error" in err and "'purpose.value-propositon'" in err
    assert "required questions not answered: purpose.value-proposition, ecosystem.conflicts" in err
    assert list(tmp_path.iterdir()) == []


def test_broken_yaml_and_wrong_kind_are_clean_errors(runner: CliRunner, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("kind: answers\nanswers: [\n", encoding="utf-8")
    result = run(runner, "--answers", str(broken), "--out", str(tmp_path))
    assert result.exit_code == 1 and "broken.yaml:" in result.stderr
    assert "Traceback" not in result.output
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text("kind: region\nversion: 1\nname: Perm\n", encoding="utf-8")
    result = run(runner, "--answers", str(wrong), "--out", str(tmp_path))
    assert result.exit_code == 1 and "wrong.yaml:1:7" in result.stderr
    assert "expected 'kind: answers'" in result.stderr
    missing = run(runner, "--answers", str(tmp_path / "nope.yaml"))
    assert missing.exit_code == 1 and "no such file" in missing.stderr


def test_json_from_stdin(runner: CliRunner, tmp_path: Path) -> None:
    data = yaml.safe_load((ANSWERS / "fashion-tech.yaml").read_text(encoding="utf-8"))
    data["date"] = "2020-10-15"
    result = run(runner, "--answers", "-", "--out", str(tmp_path), "--json", input=json.dumps(data))
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)  # exactly one JSON document, nothing else
    assert doc["assessment"]["result"]["stage"] == "mature"
    assert doc["source"] == "-"
    assert Path(doc["files"]["markdown"]).is_file()
    assert "Stage:" in result.stderr  # the human summary went to stderr


def test_glob_gives_one_report_each_and_exit_1_if_one_fails(
    runner: CliRunner, tmp_path: Path
) -> None:
    result = run(runner, "--answers", str(ANSWERS / "*.yaml"), "--out", str(tmp_path), "--json")
    assert result.exit_code == 1
    docs = json.loads(result.stdout)
    assert sorted(Path(d["source"]).name for d in docs) == ["fashion-tech.yaml", "new-club.yaml"]
    assert len(list(tmp_path.glob("*.md"))) == 2
    assert "bad.yaml:6:24" in result.stderr and "1 file failed" in result.stderr


def test_several_files_without_json_list_the_reports(runner: CliRunner, tmp_path: Path) -> None:
    result = run(
        runner,
        "--answers",
        str(ANSWERS / "fashion-tech.yaml"),
        str(ANSWERS / "new-club.yaml"),
        "--out",
        str(tmp_path),
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    # each report, its score and its stage as a person reads it (the title the pack gives it)
    assert any(line.endswith("90.5  Mature") for line in lines)
    assert any(line.endswith("2.5  Core") for line in lines)
    assert "2 assessments written" in result.stderr


def test_unmatched_glob_is_an_error(runner: CliRunner, tmp_path: Path) -> None:
    result = run(runner, "--answers", str(tmp_path / "*.yaml"))
    assert result.exit_code == 1 and "no file matches" in result.stderr


def test_workspace_layout(runner: CliRunner, tmp_path: Path) -> None:
    result = run(
        runner,
        "--answers",
        str(ANSWERS / "fashion-tech.yaml"),
        "--workspace",
        str(tmp_path),
        "--community",
        "fashiontechperm",
        "--date",
        "2020-11-01",
    )
    assert result.exit_code == 0, result.output
    folder = tmp_path / "assessments" / "fashiontechperm"
    assert sorted(p.name for p in folder.iterdir()) == ["2020-11-01.md", "2020-11-01.yaml"]
    data = yaml.safe_load((folder / "2020-11-01.yaml").read_text(encoding="utf-8"))
    assert data["community"]["slug"] == "fashiontechperm" and data["date"] == "2020-11-01"


def test_community_slug_cannot_escape_the_workspace(runner: CliRunner, tmp_path: Path) -> None:
    result = run(
        runner,
        "--answers",
        str(ANSWERS / "fashion-tech.yaml"),
        "--workspace",
        str(tmp_path),
        "--community",
        "../../etc",
    )
    assert result.exit_code == 1
    assert "Traceback" not in result.output


def test_explain_shows_every_number(runner: CliRunner, tmp_path: Path) -> None:
    result = replay(runner, tmp_path, "fashion-tech.yaml", "--explain")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "  How clearly do members share a common goal: 4 → 0.750 × weight 1\n" in out
    assert "  How often do you talk to the regional government: don't know (left out)\n" in out
    assert "Purpose: Σ(weight × score) 1.250 / Σweight 2 × 100 = 62.5" in out
    assert 'stage "Mature" (from 80): reached' in out


def test_explain_shows_a_failing_gate(runner: CliRunner, tmp_path: Path) -> None:
    result = replay(runner, tmp_path, "new-club.yaml", "--explain")
    assert "стадия «Общая ценность» (от 40): не достигнута" in result.stdout


def test_explain_names_the_stage_and_the_answer_a_gate_needs_in_words(
    runner: CliRunner, tmp_path: Path
) -> None:
    """FashionTechPerm scores past 35 but a gate holds it back: the stage lines say the
    question and the answer it needs in words, in both languages, never ids; each question's
    own line names it the same way."""
    answers = Path(__file__).resolve().parent.parent / "examples/perm-krai/answers"
    expected = {
        "ru": (
            "  стадия «Общая ценность складывается» (от 35): не достигнута, для неё нужно ещё:",
            "    • Насколько ясно участники разделяют общий интерес или цель: не меньше 3",
            "  Насколько ясно участники разделяют общий интерес или цель: 2 → 0,250 × вес 1",
        ),
        "en": (
            '  stage "Shared value taking shape" (from 35): not reached, it also needs:',
            "    • How clearly do members share a common interest or goal: 3 or more",
            "  How clearly do members share a common interest or goal: 2 → 0.250 × weight 1",
        ),
    }
    for lang, (stage, gate, question) in expected.items():
        result = runner.invoke(
            app,
            ["--lang", lang, "assess", "--answers", str(answers / "fashiontechperm.yaml"),
             "--explain", "-o", str(tmp_path / lang)],
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        lines = result.stdout.splitlines()
        assert lines[lines.index(stage) + 1] == gate
        assert lines[1] == question
        explained = lines[: lines.index(stage) + 2]
        assert not any("shared-value" in x or "purpose." in x for x in explained)
        assert not any(re.search(r"\b[a-z]+(-[a-z]+)*\.[a-z]", x) for x in explained), explained


def test_same_input_same_bytes(runner: CliRunner, tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    assert replay(runner, a, "fashion-tech.yaml", "--date", "2021-01-02").exit_code == 0
    assert replay(runner, b, "fashion-tech.yaml", "--date", "2021-01-02").exit_code == 0
    for f in a.iterdir():
        assert f.read_bytes() == (b / f.name).read_bytes()
    assert {f.name for f in a.iterdir()} == {
        "fashion-tech-perm-assessment-2021-01-02.md",
        "fashion-tech-perm-assessment-2021-01-02.yaml",
    }


def test_bad_date_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = replay(runner, tmp_path, "fashion-tech.yaml", "--date", "15.10.2020")
    assert result.exit_code == 2 and "--date" in result.output


def test_other_checklist_version_is_rescored_with_a_warning(
    runner: CliRunner, tmp_path: Path
) -> None:
    data = yaml.safe_load((ANSWERS / "fashion-tech.yaml").read_text(encoding="utf-8"))
    data["checklist"] = {"id": "self-identification", "version": "0.1", "hash": "sha256:00"}
    data["answers"]["purpose.retired"] = 3
    old = tmp_path / "old.yaml"
    old.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = run(runner, "--answers", str(old), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "warning" in result.stderr
    assert "no longer in the checklist: purpose.retired" in result.stderr


def test_template_can_be_overridden_by_the_pack(runner: CliRunner, tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(PACK, pack)
    (pack / "templates").mkdir()
    (pack / "templates" / "assessment.md.j2").write_text(
        "# Custom report for {{ view.community | md }}: {{ view.stage.title }}\n",
        encoding="utf-8",
    )
    result = runner.invoke(
        app,
        [
            "--content",
            str(pack),
            "assess",
            "--answers",
            str(ANSWERS / "fashion-tech.yaml"),
            "--out",
            str(tmp_path),
        ],
    )
    assert result.exit_code == 0, result.output
    text = next(tmp_path.glob("*.md")).read_text(encoding="utf-8")
    assert text == "# Custom report for Fashion Tech \\| Perm: Mature\n"


def test_without_a_terminal_the_wizard_refuses_cleanly(runner: CliRunner) -> None:
    result = run(runner)
    assert result.exit_code == 1
    assert "no terminal" in result.stderr and "--answers" in result.stderr


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_assess_help(runner: CliRunner, lang: str) -> None:
    result = runner.invoke(app, ["--lang", lang, "assess", "--help"])
    assert result.exit_code == 0
    for option in (
        "--answers",
        "--resume",
        "--out",
        "--json",
        "--force",
        "--explain",
        "--date",
        "--workspace",
        "--community",
    ):
        assert option in result.stdout


def test_two_files_for_the_same_community_and_date_do_not_overwrite_each_other(
    runner: CliRunner, tmp_path: Path
) -> None:
    copy = tmp_path / "copy.yaml"
    shutil.copy(ANSWERS / "fashion-tech.yaml", copy)
    result = run(
        runner,
        "--answers",
        str(ANSWERS / "fashion-tech.yaml"),
        str(copy),
        "--out",
        str(tmp_path / "out"),
        "--force",
    )
    assert result.exit_code == 1
    assert "already written in this run from" in result.stderr
    assert len(list((tmp_path / "out").glob("*.md"))) == 1


def test_explain_adds_up_to_the_score_for_a_young_community(
    runner: CliRunner, tmp_path: Path
) -> None:
    """A community a few months old has its 12-month counts scaled: --explain shows the same
    scaled figures the score is made of, so its overall line is the overall in the result."""
    example = Path(__file__).resolve().parent.parent / "examples/perm-krai/answers"
    answers = example / "fashiontechperm.yaml"
    assert "founded:" in answers.read_text(encoding="utf-8")
    result = runner.invoke(
        app, ["assess", "--answers", str(answers), "--explain", "--json", "-o", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    overall = json.loads(result.stdout)["assessment"]["result"]["overall"]
    line = next(x for x in result.stderr.splitlines() if x.strip().startswith("overall:"))
    assert line.rstrip().endswith(f"= {overall:.1f}"), (line, overall)

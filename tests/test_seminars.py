"""`commkit seminars list | show | export`: what a community manager gets on disk."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from commkit.model.common import tr
from commkit.model.pack import ContentPack, load_pack
from seminars_helpers import (
    EVIL,
    FOLDERS,
    MD_FILES,
    PACK,
    PROFILE,
    SEMINAR_IDS,
    WORKSPACE,
    export,
    export_json,
    files_under,
    run,
)


@pytest.fixture(scope="module")
def pack() -> ContentPack:
    return load_pack(PACK)


# --------------------------------------------------------------------------- list / show


def test_list_shows_every_seminar_with_its_facts() -> None:
    result = run("list")
    assert result.exit_code == 0, result.output
    for seminar_id in SEMINAR_IDS:
        assert seminar_id in result.stdout
    assert "MeetUp with business" in result.stdout
    assert "Seminar programme" in result.stdout


def test_list_in_russian_uses_russian_titles_and_labels() -> None:
    result = run("list", lang="ru")
    assert result.exit_code == 0, result.output
    assert "Программа семинаров" in result.stdout
    assert "Бизнес-сообщества" in result.stdout
    assert "Неделя" in result.stdout


def test_list_json_is_one_document_with_every_field(pack: ContentPack) -> None:
    result = run("list", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    rows = data["seminars"]
    assert [r["id"] for r in rows] == SEMINAR_IDS
    first = rows[0]
    assert set(first) >= {"number", "id", "title", "week", "format", "minutes", "chapters"}
    assert first["minutes"] == 90 and first["week"] == 1
    assert first["chapters"] == ["ecosystem-models", "online-seminars"]
    assert rows[2]["type"] == "meetup"


def test_show_prints_agenda_goals_and_exercises() -> None:
    result = run("show", "seminar-1")
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert "Welcome and how the programme works" in text
    assert "Draw the ecosystem as it is" in text
    assert "Goals" in text and "Homework" in text
    assert "+0:00–+0:10" in text  # relative clock: no --time for show
    assert "90" in text


def test_show_by_number_and_json_minutes_add_up(pack: ContentPack) -> None:
    result = run("show", "9", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["id"] == "meetup"
    assert sum(b["minutes"] for b in data["agenda"]) == data["minutes"] == 120
    assert [b["offset"] for b in data["agenda"]] == [0, 20, 80]


def test_show_unknown_seminar_is_a_clean_error() -> None:
    result = run("show", "seminar-3x")
    assert result.exit_code == 1
    assert "no seminar 'seminar-3x'" in result.output
    assert "Traceback" not in result.output


# --------------------------------------------------------------------------- export: files


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("formats", ["md", "html", "md,html"])
@pytest.mark.parametrize("seminar_id", SEMINAR_IDS)
def test_every_seminar_exports_in_both_languages_and_formats(
    tmp_path: Path, lang: str, formats: str, seminar_id: str
) -> None:
    export(tmp_path, seminar_id, "--format", formats, lang=lang)
    folder = FOLDERS[seminar_id]
    expected = {"index.md"}
    if "md" in formats:
        expected |= {f"{folder}/{name}" for name in MD_FILES}
    if "html" in formats:
        expected |= {f"{folder}/index.html", "index.html"}
    assert files_under(tmp_path) == expected
    for name in expected:
        text = (tmp_path / name).read_text(encoding="utf-8")
        assert text.strip(), name
        assert text.endswith("\n") and not text.endswith("\n\n"), name


def test_export_all_writes_a_folder_per_seminar_and_the_series_index(tmp_path: Path) -> None:
    data = export_json(tmp_path, "--all")
    assert data["seminars"] == SEMINAR_IDS
    assert set(data["files"]) == files_under(tmp_path)
    assert len(data["files"]) == 3 * 5 + 2
    assert data["zip"] is None


def _run_sheet(text: str) -> list[list[str]]:
    rows = [
        [c.strip() for c in line.strip().strip("|").split("|")]
        for line in text.splitlines()
        if re.match(r"^\| (\d\d:\d\d|\+\d+:\d\d)–", line)
    ]
    return rows


@pytest.mark.parametrize("seminar_id", SEMINAR_IDS)
def test_run_sheet_minutes_add_up_and_clock_runs_on(
    tmp_path: Path,
    pack: ContentPack,
    seminar_id: str,
) -> None:
    seminar = pack.seminar(seminar_id)
    export(tmp_path, seminar_id, "--time", "9:30", "--format", "md")
    text = (tmp_path / FOLDERS[seminar_id] / "facilitator.md").read_text(encoding="utf-8")
    rows = _run_sheet(text)
    assert len(rows) == len(seminar.agenda)
    assert [int(r[1]) for r in rows] == [b.minutes for b in seminar.agenda]
    assert sum(int(r[1]) for r in rows) == seminar.duration_minutes
    clock = datetime(2000, 1, 1, 9, 30)
    for row, block in zip(rows, seminar.agenda, strict=True):
        start, end = row[0].split("–")
        assert start == clock.strftime("%H:%M")
        clock += timedelta(minutes=block.minutes)
        assert end == clock.strftime("%H:%M")
    assert f"**End {clock:%H:%M}** | **{seminar.duration_minutes}** | **Total**" in text


def test_run_sheet_without_time_counts_from_zero(tmp_path: Path) -> None:
    export(tmp_path, "seminar-1", "--format", "md")
    text = (tmp_path / "01-seminar-1" / "facilitator.md").read_text(encoding="utf-8")
    rows = _run_sheet(text)
    assert rows[0][0] == "+0:00–+0:10"
    assert rows[-1][0] == "+1:15–+1:30"
    assert "give --time HH:MM" in text


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("seminar_id", SEMINAR_IDS)
def test_slides_are_marp_with_front_matter_separators_and_notes(
    tmp_path: Path,
    pack: ContentPack,
    lang: str,
    seminar_id: str,
) -> None:
    seminar = pack.seminar(seminar_id)
    export(tmp_path, seminar_id, "--format", "md", lang=lang)
    text = (tmp_path / FOLDERS[seminar_id] / "slides.md").read_text(encoding="utf-8")
    assert text.startswith("---\nmarp: true\n")
    front, _, body = text[4:].partition("\n---\n")
    assert "marp: true" in front and f"lang: {lang}" in front
    assert "\n---\n" not in front
    slides = body.split("\n---\n")
    # title, goals, agenda overview, one per agenda block, exercises, closing at least
    assert len(slides) >= 3 + len(seminar.agenda) + len(seminar.exercises) + 1
    for sep in re.finditer(r"\n---\n", body):
        assert body[sep.start() - 1] == "\n" and body[sep.end()] == "\n", "blank lines round ---"
    for i, block in enumerate(seminar.agenda, 1):
        heads = [s for s in slides if f"## {i}. " in s]
        assert len(heads) == 1, f"one slide for agenda block {i}"
        assert f"{block.minutes} " in heads[0]
        if block.notes:
            assert "<!--" in heads[0] and "-->" in heads[0]
    for comment in re.findall(r"<!--(.*?)-->", body, flags=re.S):
        assert "--" not in comment, "speaker notes cannot end the comment early"


def test_notes_that_contain_comment_markers_stay_inside_the_comment(tmp_path: Path) -> None:
    export(tmp_path, "seminar-2", "--format", "md")
    text = (tmp_path / "02-seminar-2" / "slides.md").read_text(encoding="utf-8")
    note = re.search(r"<!--\n(Notes: watch out.*?)\n-->", text)
    assert note is not None
    assert "this must not close the comment" in note.group(1)
    # the '---' in a block title does not split the deck
    assert "## 2. \\--- not a separator" in text


def test_handout_has_exercises_space_homework_and_dimensions(
    tmp_path: Path,
    pack: ContentPack,
) -> None:
    export(tmp_path, "seminar-1", "--format", "md")
    text = (tmp_path / "01-seminar-1" / "handout.md").read_text(encoding="utf-8")
    assert "### 1. Draw the ecosystem as it is (25 min)" in text
    assert "### 2. One change towards TO-BE (20 min)" in text
    assert text.count("…" * 40) >= 1 + 2 * 6  # name line + six lines per exercise
    assert "## Homework" in text and "- [ ] Finish the AS-IS map" in text
    dims = {d.id: tr(d.title, "en") for d in pack.checklist.dimensions}
    assert "## Checklist dimensions this seminar lifts" in text
    for dim_id in pack.seminar("seminar-1").dimensions:
        assert f"- **{dims[dim_id]}**" in text
    assert "## Three working definitions" in text


def test_facilitator_has_preparation_materials_and_questions(tmp_path: Path) -> None:
    export(tmp_path, "seminar-1", "--format", "md")
    text = (tmp_path / "01-seminar-1" / "facilitator.md").read_text(encoding="utf-8")
    assert "## Preparation checklist" in text
    assert "- [ ] Prepare an online whiteboard" in text
    assert "## Materials" in text and "- Participant intake form" in text
    assert "## Questions to ask the group" in text
    assert "1. Whom do you contact first" in text
    assert "> **Speaker notes:** Keep it short and concrete." in text


def test_invitation_has_post_email_date_time_and_registration(tmp_path: Path) -> None:
    export(tmp_path, "seminar-1", "--format", "md", "--date", "2026-12-01", "--time", "18:00")
    text = (tmp_path / "01-seminar-1" / "invitation.md").read_text(encoding="utf-8")
    assert "## Post for Telegram or VK" in text and "## E-mail" in text
    assert text.count("When: Tuesday, 1 December 2026, 18:00–19:30") == 2
    assert text.count("Registration: [registration link]") == 2
    assert "**Subject:** Seminar 1 of 2: Business communities" in text


def test_invitation_without_date_keeps_placeholders(tmp_path: Path) -> None:
    export(tmp_path, "seminar-1", "--format", "md", lang="ru")
    text = (tmp_path / "01-seminar-1" / "invitation.md").read_text(encoding="utf-8")
    assert "Когда: [дата], [время]" in text
    assert "Регистрация: [ссылка на регистрацию]" in text


def test_invitation_fence_survives_backticks_in_text(tmp_path: Path) -> None:
    export(tmp_path, "seminar-2", "--format", "md")
    text = (tmp_path / "02-seminar-2" / "invitation.md").read_text(encoding="utf-8")
    # the exercise text holds ``` so the post is fenced with four backticks
    assert "````text\n" in text or "```text\n" in text
    fences = re.findall(r"^(`{3,})text$", text, flags=re.M)
    assert len(fences) == 2
    for fence in fences:
        assert text.count("\n" + fence + "\n") >= 1


def test_series_schedule_follows_programme_weeks(tmp_path: Path) -> None:
    export(tmp_path, "--all", "--date", "2026-12-01", "--time", "18:00", "--format", "md")
    index = (tmp_path / "index.md").read_text(encoding="utf-8")
    start = date(2026, 12, 1)
    assert "| 1 | **Seminar 1 of 2**" in index and "Tue, 1 Dec 2026" in index
    assert start + timedelta(weeks=2) == date(2026, 12, 15)
    assert "Tue, 15 Dec 2026" in index  # seminar-2 is in week 3
    assert "Tue, 2 Feb 2027" in index  # the MeetUp is in week 10
    assert "[handout](01-seminar-1/handout.md)" in index
    assert "index.html" not in index
    meetup = (tmp_path / "09-meetup" / "invitation.md").read_text(encoding="utf-8")
    assert "Tuesday, 2 February 2027, 18:00–20:00" in meetup


def test_date_is_the_first_exported_seminars_date(tmp_path: Path) -> None:
    export(tmp_path, "seminar-2", "--date", "2026-12-03", "--format", "md")
    text = (tmp_path / "02-seminar-2" / "invitation.md").read_text(encoding="utf-8")
    assert "Thursday, 3 December 2026" in text


def test_russian_export_has_russian_labels_only(tmp_path: Path) -> None:
    export(
        tmp_path, "--all", "--format", "md", "--date", "2026-12-01", "--time", "18:00", lang="ru"
    )
    for seminar_id in SEMINAR_IDS:
        folder = tmp_path / FOLDERS[seminar_id]
        facilitator = (folder / "facilitator.md").read_text(encoding="utf-8")
        handout = (folder / "handout.md").read_text(encoding="utf-8")
        invitation = (folder / "invitation.md").read_text(encoding="utf-8")
        assert "## Сценарий по минутам" in facilitator and "## Подготовка" in facilitator
        assert "Ваш ответ" in handout
        assert "Пост для Telegram или VK" in invitation
        for english in ("Run sheet", "Homework", "Your answer", "Registration", "When:", "min |"):
            for doc in (facilitator, handout, invitation):
                assert english not in doc
    assert "вторник, 1 декабря 2026" in (tmp_path / "01-seminar-1" / "invitation.md").read_text(
        encoding="utf-8"
    )


def test_community_profile_weaves_name_leaders_and_gaps(tmp_path: Path) -> None:
    export(tmp_path, "seminar-1", "--format", "md", "--profile", str(PROFILE))
    folder = tmp_path / "01-seminar-1"
    handout = (folder / "handout.md").read_text(encoding="utf-8")
    invitation = (folder / "invitation.md").read_text(encoding="utf-8")
    # gaps come from the workspace's latest assessment next to the profile
    gaps = "“Ecosystem” and “Business value”"
    assert f"FashionTechPerm: your assessment shows gaps in {gaps}." in handout
    assert "> Pay special attention to “Ecosystem”: the assessment marks it as a gap." in handout
    assert "Yuliya Suntseva (Rasena brand), Oscar Yagafarov and Natalya Karpova" in handout
    assert "- **Ecosystem** (**a gap of FashionTechPerm**)" in handout
    assert "For FashionTechPerm, we will work on what matters most right now: “Ecosystem”." in (
        invitation
    )
    assert "With the community's leaders: Yuliya Suntseva (Rasena brand)" in invitation
    slides = (folder / "slides.md").read_text(encoding="utf-8")
    assert "For the community FashionTechPerm" in slides


def test_community_from_assessment_in_russian(tmp_path: Path) -> None:
    export(tmp_path, "meetup", "--format", "md", "--profile", str(EVIL), lang="ru")
    handout = (tmp_path / "09-meetup" / "handout.md").read_text(encoding="utf-8")
    assert "«Экосистема» и «Лидерство»" in handout
    assert "\\<script\\>alert(1)\\</script\\> & Co \\| x" in handout


def test_community_of_another_kind_is_refused(tmp_path: Path) -> None:
    seminar_file = PACK / "methodology" / "seminars" / "meetup.yaml"
    result = run("export", "--all", "--out", str(tmp_path), "--profile", str(seminar_file))
    assert result.exit_code == 1
    assert "expected a community profile" in result.output
    assert files_under(tmp_path) == set()


def test_community_is_a_slug_of_the_workspace_as_in_every_command(tmp_path: Path) -> None:
    """``--community SLUG`` names the same files as ``--profile`` on its profile."""
    by_slug, by_file = tmp_path / "slug", tmp_path / "file"
    slug = PROFILE.stem
    export(by_slug, "seminar-1", "--format", "md", "-w", str(WORKSPACE), "--community", slug)
    export(by_file, "seminar-1", "--format", "md", "--profile", str(PROFILE))
    for path in sorted(by_file.rglob("*.md")):
        assert path.read_bytes() == (by_slug / path.relative_to(by_file)).read_bytes(), path


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_file_given_to_community_says_to_use_profile(tmp_path: Path, lang: str) -> None:
    result = run(
        "export", "--all", "-o", str(tmp_path / "o"), "--community", str(PROFILE), lang=lang
    )
    assert result.exit_code == 2
    assert f"--profile {PROFILE}" in result.output
    assert ("slug" if lang == "en" else "краткое имя сообщества") in result.output
    assert not (tmp_path / "o").exists()


def test_an_unknown_community_slug_names_the_missing_profile(tmp_path: Path) -> None:
    result = run(
        "export", "1", "-o", str(tmp_path / "o"), "-w", str(WORKSPACE), "--community", "nope"
    )
    assert result.exit_code == 1
    assert "no community 'nope'" in result.output and "nope.yaml is missing" in result.output


def test_missing_community_file_is_a_clean_error(tmp_path: Path) -> None:
    result = run("export", "--all", "--out", str(tmp_path / "o"), "--profile", "nope.yaml")
    assert result.exit_code == 1
    assert "nope.yaml: no such file" in result.output
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "name the seminars to export"),
        (["seminar-1", "--all"], "not both"),
        (["--all", "--time", "25:00"], "--time '25:00'"),
        (["--all", "--format", "pdf"], "--format 'pdf'"),
        (["seminar-9"], "no seminar 'seminar-9'"),
    ],
)
def test_bad_export_arguments_write_nothing(tmp_path: Path, args: list[str], message: str) -> None:
    out = tmp_path / "out"
    result = run("export", "--out", str(out), *args)
    assert result.exit_code == 1, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


@pytest.mark.parametrize("day", ["01.12.2026", "2026-02-30"])
def test_a_bad_date_is_a_usage_error_like_every_date_option(tmp_path: Path, day: str) -> None:
    out = tmp_path / "out"
    result = run("export", "--out", str(out), "--all", "--date", day)
    assert result.exit_code == 2, result.output
    assert f"'{day}' is not a date such as 2026-01-12" in result.output
    assert not out.exists()


def test_export_is_deterministic(tmp_path: Path) -> None:
    args = [
        "--all",
        "--date",
        "2026-12-01",
        "--time",
        "18:00",
        "--profile",
        str(PROFILE),
        "--zip",
    ]
    export(tmp_path / "a", *args)
    export(tmp_path / "b", *args)
    names = files_under(tmp_path / "a")
    assert names == files_under(tmp_path / "b")
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_human_summary_names_the_folders(tmp_path: Path) -> None:
    result = export(tmp_path, "seminar-1", "meetup")
    assert "Exported 2 seminars, 12 files" in result.stdout
    assert "01-seminar-1/" in result.stdout and "09-meetup/" in result.stdout
    assert "index.html to start" in result.stdout


def test_help_lists_the_three_commands() -> None:
    result = run("--help")
    assert result.exit_code == 0
    for command in ("list", "show", "export"):
        assert command in result.stdout


def test_a_customised_pack_can_override_a_template(tmp_path: Path) -> None:
    import shutil

    pack = tmp_path / "pack"
    shutil.copytree(PACK, pack)
    (pack / "templates").mkdir()
    (pack / "templates" / "seminar_invitation.md.j2").write_text(
        "# Our own invitation: {{ title|md }}\n\n{{ date_text }} {{ registration }}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    export(out, "seminar-1", "--format", "md", pack=pack)
    text = (out / "01-seminar-1" / "invitation.md").read_text(encoding="utf-8")
    assert (
        text == "# Our own invitation: Business communities and the SME support ecosystem: "
        "the AS-IS and TO-BE models\n\n[date] [registration link]\n"
    )
    assert (
        (out / "01-seminar-1" / "handout.md")
        .read_text(encoding="utf-8")
        .startswith("# Business communities")
    )


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("{% if %}", "seminar_slides.md.j2:1: template error"),
        ("{{ no_such_thing }}", "'no_such_thing' is undefined"),
        ("{{ ''.__class__.__mro__ }}", "template seminar_slides.md.j2"),
    ],
)
def test_a_broken_template_is_a_clean_error(tmp_path: Path, template: str, message: str) -> None:
    import shutil

    pack = tmp_path / "pack"
    shutil.copytree(PACK, pack)
    (pack / "templates").mkdir()
    (pack / "templates" / "seminar_slides.md.j2").write_text(template, encoding="utf-8")
    result = run("export", "--all", "--out", str(tmp_path / "out"), pack=pack)
    assert result.exit_code == 1, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()

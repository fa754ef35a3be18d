"""Export safety: the zip, overwrite refusal, and nothing written outside --out."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from commkit.api.seminars import check_targets
from commkit.errors import UserError
from commkit.model.seminar import Seminar
from commkit.render.seminars import ZIP_NAME, folder_name, zip_bytes
from seminars_helpers import PACK, PROFILE, export, export_json, files_under, run


def test_zip_holds_exactly_the_files_written(tmp_path: Path) -> None:
    data = export_json(tmp_path, "--all", "--zip", "--profile", str(PROFILE))
    assert data["zip"] == str(tmp_path / ZIP_NAME)
    on_disk = files_under(tmp_path) - {ZIP_NAME}
    with zipfile.ZipFile(tmp_path / ZIP_NAME) as archive:
        names = archive.namelist()
        assert sorted(names) == sorted(on_disk) == sorted(data["files"])
        assert len(names) == len(set(names))
        for info in archive.infolist():
            assert info.date_time == (1980, 1, 1, 0, 0, 0)
            assert archive.read(info) == (tmp_path / info.filename).read_bytes()
        assert archive.testzip() is None


def test_zip_of_one_seminar_md_only(tmp_path: Path) -> None:
    export(tmp_path, "seminar-2", "--format", "md", "--zip")
    with zipfile.ZipFile(tmp_path / ZIP_NAME) as archive:
        assert sorted(archive.namelist()) == sorted(files_under(tmp_path) - {ZIP_NAME})
        assert "index.html" not in archive.namelist()


def test_zip_bytes_do_not_depend_on_time_or_folder() -> None:
    files = {"b/x.md": "x\n", "a.md": "a\n"}
    assert zip_bytes(files) == zip_bytes(dict(files))
    with zipfile.ZipFile(__import__("io").BytesIO(zip_bytes(files))) as archive:
        assert archive.namelist() == ["b/x.md", "a.md"]


def test_existing_files_are_kept_without_force(tmp_path: Path) -> None:
    export(tmp_path, "seminar-1")
    handout = tmp_path / "01-seminar-1" / "handout.md"
    handout.write_text("my notes\n", encoding="utf-8")
    before = files_under(tmp_path)
    result = run("export", "seminar-1", "meetup", "--out", str(tmp_path), "--zip")
    assert result.exit_code == 1
    assert "already exist" in result.output and "--force" in result.output
    assert "nothing was written" in result.output
    # refused before writing anything: the meetup folder and the zip were not created
    assert files_under(tmp_path) == before
    assert handout.read_text(encoding="utf-8") == "my notes\n"


def test_force_overwrites(tmp_path: Path) -> None:
    export(tmp_path, "seminar-1", "--zip")
    handout = tmp_path / "01-seminar-1" / "handout.md"
    handout.write_text("my notes\n", encoding="utf-8")
    export(tmp_path, "seminar-1", "--zip", "--force")
    assert handout.read_text(encoding="utf-8").startswith("# Business communities")
    assert not list(tmp_path.rglob("*.tmp")), "no temp files left behind"


def test_out_that_is_a_file_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "file.txt"
    target.write_text("x", encoding="utf-8")
    result = run("export", "--all", "--out", str(target))
    assert result.exit_code == 1
    assert "is not a folder" in result.output
    assert target.read_text(encoding="utf-8") == "x"


@pytest.mark.parametrize(
    "name",
    ["../evil.md", "/etc/evil.md", "a/../../evil.md", "a//b.md", "./a.md", "..", "a/.."],
)
def test_check_targets_refuses_paths_outside_or_odd(tmp_path: Path, name: str) -> None:
    out = tmp_path / "out"
    with pytest.raises(UserError):
        check_targets(out, ["ok.md", name], force=False)
    assert not out.exists()


def test_check_targets_refuses_a_symlink_escape(tmp_path: Path) -> None:
    out = tmp_path / "out"
    outside = tmp_path / "outside"
    out.mkdir()
    outside.mkdir()
    (out / "01-seminar-1").symlink_to(outside, target_is_directory=True)
    with pytest.raises(UserError, match="outside"):
        check_targets(out, ["01-seminar-1/slides.md"], force=True)


@pytest.mark.parametrize(
    "seminar_id",
    ["../../etc/passwd", "/abs/path", "..", "семинар/../../x", "a\u202e\u200b..\\..\\b", ""],
)
def test_folder_names_are_safe_whatever_the_id(seminar_id: str) -> None:
    seminar = Seminar.model_construct(id=seminar_id, number=3)
    name = folder_name(seminar)
    assert name.startswith("03-")
    assert "/" not in name and "\\" not in name and ".." not in name
    assert name.isascii()


def _walk(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*")}


def test_traversal_in_community_name_and_slug_writes_only_under_out(tmp_path: Path) -> None:
    sandbox = tmp_path / "sandbox"
    out = sandbox / "deep" / "out"
    sandbox.mkdir()
    evil = sandbox / "evil.yaml"
    evil.write_text(
        "kind: assessment\nversion: '1'\n"
        "checklist: {id: self-identification, version: '1'}\n"
        "community: {name: '../../../../../escaped /etc/passwd \\u202e ..\\\\..', slug: x}\n"
        "date: 2026-10-01\nanswers: {}\n"
        "result: {overall: 1, stage: core, dimensions: [], gaps: [ecosystem]}\n",
        encoding="utf-8",
    )
    before = _walk(sandbox)
    export(out, "--all", "--profile", str(evil), "--zip")
    after = _walk(sandbox)
    new = after - before
    assert new, "something was written"
    assert all(p.startswith("deep/out") or p == "deep" for p in new), new
    assert not (tmp_path / "escaped").exists()


def test_traversal_slug_in_a_profile_is_rejected_cleanly(tmp_path: Path) -> None:
    profile = tmp_path / "evil.yaml"
    profile.write_text(
        "kind: community\nversion: '1'\nslug: ../../evil\nname: Evil\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    result = run("export", "--all", "--out", str(out), "--profile", str(profile))
    assert result.exit_code == 1
    assert "evil.yaml" in result.output and "slug" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_customised_pack_with_odd_seminar_file_stays_inside(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(PACK, pack)
    odd = pack / "methodology" / "seminars" / "odd.yaml"
    text = (pack / "methodology" / "seminars" / "meetup.yaml").read_text(encoding="utf-8")
    odd.write_text(
        text.replace("id: meetup", "id: a..b").replace("number: 9", "number: 42"),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    export(out, "--all", "--format", "md", pack=pack)
    assert (out / "42-a-b" / "slides.md").is_file()
    assert all(out in p.resolve().parents for p in out.rglob("*"))


def test_a_file_where_a_folder_goes_is_refused_before_writing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "09-meetup").write_text("not a folder", encoding="utf-8")
    result = run("export", "--all", "--out", str(out))
    assert result.exit_code == 1
    assert "09-meetup" in result.output and "not a folder" in result.output
    assert files_under(out) == {"09-meetup"}

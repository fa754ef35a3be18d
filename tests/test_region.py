"""`commkit region init` and `commkit community add`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from commkit.cli.app import app
from commkit.i18n import text
from commkit.model.loader import load_file
from commkit.model.workspace import Community, Region

runner = CliRunner()


def run(*args: str) -> Any:
    return runner.invoke(app, list(args))


def test_region_init_scaffolds_a_valid_workspace(tmp_path: Path) -> None:
    ws = tmp_path / "kazan"
    result = run("region", "init", str(ws), "--name", "Kazan", "--country", "Russia")
    assert result.exit_code == 0, result.output
    for name in ("region.yaml", "README.md", "communities", "assessments"):
        assert (ws / name).exists(), name
    region = load_file(ws / "region.yaml", Region)
    assert region.name == "Kazan" and region.country == "Russia" and region.language == "en"
    sectors = {a.sector for a in region.ecosystem.actors}
    assert sectors == {"state", "commercial", "non-profit", "public", "development"}
    assert any(a.status == "to-be" for a in region.ecosystem.actors)
    actor_ids = {a.id for a in region.ecosystem.actors}
    assert all(
        link.source in actor_ids and link.target in actor_ids for link in region.ecosystem.links
    )
    readme = (ws / "README.md").read_text(encoding="utf-8")
    assert "# Kazan" in readme and "commkit map" in readme
    # what `validate` says about it
    checked = run("validate", str(ws))
    assert checked.exit_code == 0, checked.output
    assert "0 failed" in checked.output


def test_region_init_russian_and_quoting(tmp_path: Path) -> None:
    ws = tmp_path / "perm"
    name = 'Пермский край: "тест" #1'
    result = run("region", "init", str(ws), "--name", name, "--lang", "ru")
    assert result.exit_code == 0, result.output
    region = load_file(ws / "region.yaml", Region)
    assert region.name == name and region.language == "ru"
    assert "рабочая папка" in (ws / "README.md").read_text(encoding="utf-8")


def test_region_init_uses_global_lang(tmp_path: Path) -> None:
    result = run("--lang", "ru", "region", "init", str(tmp_path / "w"), "--name", "X")
    assert result.exit_code == 0, result.output
    assert load_file(tmp_path / "w" / "region.yaml", Region).language == "ru"


def test_region_init_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    ws = tmp_path / "w"
    assert run("region", "init", str(ws), "--name", "One").exit_code == 0
    again = run("region", "init", str(ws), "--name", "Two")
    assert again.exit_code == 1
    assert "already exists" in again.output and "--force" in again.output
    assert load_file(ws / "region.yaml", Region).name == "One"
    forced = run("region", "init", str(ws), "--name", "Two", "--force")
    assert forced.exit_code == 0, forced.output
    assert load_file(ws / "region.yaml", Region).name == "Two"


def test_region_init_bad_lang_is_usage_error(tmp_path: Path) -> None:
    result = run("region", "init", str(tmp_path / "w"), "--name", "X", "--lang", "de")
    assert result.exit_code == 2
    assert not (tmp_path / "w" / "region.yaml").exists()


def test_community_add_by_flags(tmp_path: Path) -> None:
    ws = tmp_path / "w"
    run("region", "init", str(ws), "--name", "R")
    result = run(
        "community", "add", "--workspace", str(ws), "--name", "Клуб «Дело» | 2",
        "--leader", "Anna Petrova", "--leader", "Иван Смирнов", "--platform", "Telegram",
        "--members", "40", "--events", "3", "--format", "mixed", "--formalised",
        "--founded", "2020-08", "--date", "2026-01-15",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    slug = result.stdout.strip()
    assert slug == "klub-delo-2"
    profile = load_file(ws / "communities" / f"{slug}.yaml", Community)
    assert profile.name == "Клуб «Дело» | 2"
    assert [leader.name for leader in profile.leaders] == ["Anna Petrova", "Иван Смирнов"]
    assert profile.formalised and profile.format == "mixed" and profile.founded == "2020-08"
    snap = profile.snapshots[0]
    assert (snap.date.isoformat(), snap.members, snap.events) == ("2026-01-15", 40, 3)
    raw = yaml.safe_load((ws / "communities" / f"{slug}.yaml").read_text(encoding="utf-8"))
    assert list(raw)[:2] == ["kind", "version"]
    # a second add with the same name does not overwrite the profile
    again = run("community", "add", "-w", str(ws), "--name", "Клуб «Дело» | 2")
    assert again.exit_code == 1 and "already exists" in again.output


def test_community_add_without_name_off_terminal_fails(tmp_path: Path) -> None:
    run("region", "init", str(tmp_path / "w"), "--name", "R")
    result = run("community", "add", "-w", str(tmp_path / "w"), "--members", "3")
    assert result.exit_code == 1
    assert "--name is required" in result.output


def test_community_add_rejects_bad_values(tmp_path: Path) -> None:
    run("region", "init", str(tmp_path / "w"), "--name", "R")
    negative = run("community", "add", "-w", str(tmp_path / "w"), "--name", "A", "--members", "-1")
    assert negative.exit_code == 2
    fmt = run("community", "add", "-w", str(tmp_path / "w"), "--name", "A", "--format", "tv")
    assert fmt.exit_code == 2
    founded = run(
        "community", "add", "-w", str(tmp_path / "w"), "--name", "A", "--founded", "summer"
    )
    assert founded.exit_code == 1 and "founded" in founded.output
    assert not list((tmp_path / "w" / "communities").glob("*.yaml"))


def test_community_add_asks_for_missing_fields(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tier 1 of the prompt tests: the flow asks only for what flags did not give."""
    import commkit.interactive.community as flow

    asked: list[str] = []
    replies = {
        text("community.name", "en"): "Prompted Club",
        text("community.leaders", "en"): "Anna Petrova, Ivan Smirnov",
        text("community.format", "en"): "offline",
        text("community.formalised", "en"): True,
        text("community.members", "en"): "25",
        text("community.founded", "en"): "",
    }

    class Prompter:
        def __init__(self, **_: Any) -> None:
            pass

        def ask(self, message: str, *_: Any, **__: Any) -> Any:
            asked.append(message)
            return replies[message]

        text = select = confirm = ask

    monkeypatch.setattr(flow, "Prompter", Prompter)
    monkeypatch.setattr("commkit.cli.community._interactive", lambda: True)
    run("region", "init", str(tmp_path / "w"), "--name", "R")
    result = run("community", "add", "-w", str(tmp_path / "w"), "--platform", "VK")
    assert result.exit_code == 0, result.output
    assert text("community.platform", "en") not in asked  # given by a flag
    profile = load_file(tmp_path / "w" / "communities" / "prompted-club.yaml", Community)
    assert [leader.name for leader in profile.leaders] == ["Anna Petrova", "Ivan Smirnov"]
    assert profile.platform == "VK" and profile.format == "offline" and profile.formalised
    assert profile.snapshots[0].members == 25 and profile.founded is None


@pytest.mark.slow
def test_community_add_in_a_real_terminal(tmp_path: Path) -> None:
    """Tier 3: the real `commkit` in a pty, answered as a person would type."""
    import pexpect

    commkit = Path(sys.executable).parent / "commkit"  # the venv running the tests
    ws = tmp_path / "w"
    assert run("region", "init", str(ws), "--name", "R").exit_code == 0
    child = pexpect.spawn(
        str(commkit),
        ["community", "add", "-w", str(ws), "--format", "online", "--informal"],
        env={
            "TERM": "xterm",
            "PATH": "/usr/bin:/bin",
            "NO_COLOR": "1",
            "PROMPT_TOOLKIT_NO_CPR": "1",
        },
        encoding="utf-8",
        timeout=20,
        dimensions=(40, 120),
    )
    child.expect("Community name")
    child.sendline("Terminal Club")
    child.expect("Leaders")
    child.sendline("Anna Petrova, Ivan Smirnov")
    child.expect("Platform")
    child.sendline("Telegram")
    child.expect("Members")
    child.sendline("12")
    child.expect("Founded")
    child.sendline("2021")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    profile = load_file(ws / "communities" / "terminal-club.yaml", Community)
    assert [leader.name for leader in profile.leaders] == ["Anna Petrova", "Ivan Smirnov"]
    assert profile.platform == "Telegram" and profile.founded == "2021"
    assert profile.snapshots[0].members == 12 and not profile.formalised

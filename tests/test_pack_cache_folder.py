"""Where the cache lives: the XDG rule commkit writes out is the one platformdirs applies."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from platformdirs import user_cache_dir

from commkit.model import pack_cache

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the rule written out is Linux's")

HOMES = [None, "", "/home/someone", "/home/someone/", "/", "relative/home"]
XDGS = [None, "", "/var/tmp/xdg", "/var/tmp/xdg/", "relative/xdg", "~/xdg"]


@pytest.mark.parametrize("home", HOMES)
@pytest.mark.parametrize("xdg", XDGS)
def test_the_user_cache_folder_is_platformdirs_own(
    home: str | None, xdg: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COMMKIT_CACHE_DIR", raising=False)
    monkeypatch.delenv("ANDROID_DATA", raising=False)
    for name, value in (("HOME", home), ("XDG_CACHE_HOME", xdg)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    assert pack_cache.cache_dir() == Path(user_cache_dir("commkit", appauthor=False))


def test_the_cache_folder_can_be_chosen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMMKIT_CACHE_DIR", str(tmp_path / "mine"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert pack_cache.cache_dir() == tmp_path / "mine"


def test_a_warm_command_does_not_import_platformdirs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COMMKIT_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delitem(sys.modules, "platformdirs", raising=False)
    assert pack_cache.cache_dir() == tmp_path / "commkit"
    assert "platformdirs" not in sys.modules

"""The wheel ships the content pack: installed outside the repo, ``commkit validate`` passes."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_installs_and_validates_its_packaged_content(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)],
        check=True,
        cwd=tmp_path,
    )
    wheel = next(dist.glob("commkit-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "commkit/_pack/checklists/self-identification.yaml" in names
    assert "commkit/_pack/methodology/methodology.yaml" in names
    assert any(n.startswith("commkit/render/templates/") for n in names)

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = venv / "bin" / "pip"
    subprocess.run([str(pip), "install", "-q", str(wheel)], check=True, cwd=tmp_path)
    env = {k: v for k, v in os.environ.items() if k != "COMMKIT_CONTENT"}
    done = subprocess.run(
        [str(venv / "bin" / "commkit"), "validate", "--strict-i18n"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "_pack" in done.stdout  # it checked the packaged copy, not this checkout
    assert "0 failed" in done.stdout

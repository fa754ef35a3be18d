"""The wheel ships the content pack: installed outside the repo, ``commkit validate`` passes.

The wheel is built without a build environment of its own (the build backend is a test
dependency) and installed without the index: its declared dependencies, and theirs, are taken
from this environment's installed copies, and the new environment sees only those. So the run
needs no network and no second install of every dependency, and a dependency the wheel forgets to
declare still fails ``commkit validate`` there.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from email.parser import HeaderParser
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
PIP = [sys.executable, "-m", "pip"]
OFFLINE = ["--no-index", "--no-deps", "--no-compile"]


def declared_requirements(wheel: Path) -> list[Requirement]:
    """The wheel's own ``Requires-Dist`` lines, as pip reads them."""
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        headers = HeaderParser().parsestr(archive.read(name).decode("utf-8"))
    return [Requirement(line) for line in headers.get_all("Requires-Dist") or []]


def installed_closure(requirements: list[Requirement]) -> list[metadata.Distribution]:
    """The installed distributions these requirements need (no extras asked), and theirs; each
    installed version must satisfy every requirement that names it, as pip would check."""
    found: dict[str, metadata.Distribution] = {}
    todo = [(req, "") for req in requirements]
    while todo:
        req, extra = todo.pop()
        if req.marker is not None and not req.marker.evaluate({"extra": extra}):
            continue
        dist = metadata.distribution(req.name)
        assert req.specifier.contains(dist.version, prereleases=True), (str(req), dist.version)
        key = canonicalize_name(req.name)
        if key not in found:
            found[key] = dist
            todo.extend((Requirement(line), "") for line in dist.requires or [])
        for wanted in req.extras:
            todo.extend((Requirement(line), wanted) for line in dist.requires or [])
    return list(found.values())


def link_site(distributions: list[metadata.Distribution], folder: Path) -> None:
    """A folder holding only these distributions' top-level files (links to the installed
    ones), for the new environment's path: what pip would have installed, nothing else."""
    folder.mkdir()
    for dist in distributions:
        for file in dist.files or []:
            top = file.parts[0]
            if top in ("..", "__pycache__") or (folder / top).exists():
                continue
            (folder / top).symlink_to(Path(str(dist.locate_file(top))))


@pytest.mark.slow
def test_wheel_installs_and_validates_its_packaged_content(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [*PIP, "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(dist), str(ROOT)],
        check=True,
        cwd=tmp_path,
    )
    wheel = next(dist.glob("commkit-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "commkit/_pack/checklists/self-identification.yaml" in names
    assert "commkit/_pack/methodology/methodology.yaml" in names
    assert any(n.startswith("commkit/render/templates/") for n in names)

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert site != sysconfig.get_path("purelib")
    link_site(installed_closure(declared_requirements(wheel)), tmp_path / "dependencies")
    (Path(site) / "dependencies.pth").write_text(f"{tmp_path / 'dependencies'}\n")
    subprocess.run(
        [*PIP, "--python", str(python), "install", "-q", *OFFLINE, str(wheel)],
        check=True,
        cwd=tmp_path,
    )
    env = {k: v for k, v in os.environ.items() if k not in ("COMMKIT_CONTENT", "PYTHONPATH")}
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

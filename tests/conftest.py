"""Shared fixtures: run the CLI in-process, and locate the repository's files."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent

# Every test run (and every commkit it starts) gets a cache folder of its own, so the suite
# neither reads nor fills the user's cache.
os.environ.setdefault("COMMKIT_CACHE_DIR", tempfile.mkdtemp(prefix="commkit-test-cache-"))


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def repo_root() -> Path:
    return ROOT

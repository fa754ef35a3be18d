"""Shared fixtures: run the CLI in-process, and locate the repository's files."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent

# Fixtures for the render tier (Chromium, marp, mmdc, Playwright); see render_clients.py.
pytest_plugins = ["render_clients"]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def repo_root() -> Path:
    return ROOT

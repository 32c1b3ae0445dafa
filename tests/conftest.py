"""Shared test helpers: run the real CLI in a scratch project folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli import app

REPO = Path(__file__).resolve().parent.parent
"""The repository root."""
SHARED = REPO.parent / "shared"
"""The shared folder beside the repository (read-only corpora)."""


@dataclass
class Run:
    """What a CLI run produced."""

    exit_code: int
    stdout: str
    stderr: str

    def __str__(self) -> str:  # shown when an assertion fails
        return f"exit {self.exit_code}\n--- stdout\n{self.stdout}\n--- stderr\n{self.stderr}"


def run_cli(*args: str) -> Run:
    """Run argmap in-process with the given arguments (cwd as is)."""
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return Run(result.exit_code, result.stdout, result.stderr)


def run_process(*args: str, cwd: Path | None = None, timeout: float = 300) -> Run:
    """Run argmap as a real process (`python -m argmap`); it must end within *timeout* seconds.

    The timeout is a generous bound against hangs, never a measure of speed.
    """
    proc = subprocess.run(
        [sys.executable, "-m", "argmap", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "100"},
        check=False,
        timeout=timeout,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty project folder as the working directory, with claims/ inside."""
    (tmp_path / "claims").mkdir()
    monkeypatch.chdir(tmp_path)
    yield tmp_path


def write(path: Path, text: str) -> Path:
    """Write *text* (dedented by the caller) to *path*, creating folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def copy_seed(dest: Path) -> Path:
    """A copy of the repository's claims/ in *dest*; returns the copy's path."""
    target = dest / "claims"
    shutil.copytree(REPO / "claims", target, dirs_exist_ok=True)
    return target

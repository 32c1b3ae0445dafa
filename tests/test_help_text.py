"""`argmap --help` printed from help.txt is exactly what typer prints, and only then used.

The executable answers `argmap --help` from ``src/argmap/cli/help.txt``
without importing typer (a tenth of the start-up). These tests hold the file
to typer's own output, show that typer is really skipped for it, and that
every other request (another width, another program name, any other
argument) still goes through typer.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.cli import HELP_FILE, terminal_columns
from conftest import REPO

TYPER_HELP = """
import sys
from argmap.cli.program import main
sys.argv = ["argmap", *sys.argv[1:]]
main()
"""
"""typer's answer, through the full program (never the stored text)."""

EXECUTABLE_HELP = """
import sys
sys.argv = ["/some/bin/argmap", *sys.argv[1:]]
from argmap.cli import run
run()
"""
"""The executable's answer, as the console script calls it."""


def _run(script: str, *args: str, columns: str | None, importtime: bool = False) -> tuple[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    if columns is not None:
        env["COLUMNS"] = columns
    command = [sys.executable, *(["-X", "importtime"] if importtime else []), "-c", script, *args]
    proc = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout, proc.stderr


def _stored() -> str:
    return Path(HELP_FILE).read_text(encoding="utf-8")


@pytest.mark.parametrize("columns", ["80", "120", "400", None])
def test_the_stored_help_is_typers_help_at_full_width(columns: str | None) -> None:
    typer_says, _ = _run(TYPER_HELP, "--help", columns=columns)
    assert typer_says == _stored(), "run scripts/update-help.sh"


@pytest.mark.parametrize("columns", ["80", "200"])
def test_the_executable_prints_it_without_importing_typer(columns: str) -> None:
    printed, imports = _run(EXECUTABLE_HELP, "--help", columns=columns, importtime=True)
    assert printed == _stored()
    imported = {line.rsplit("|", 1)[-1].strip() for line in imports.splitlines()}
    assert "argmap.cli" in imported  # the probe sees imports
    assert not {"typer", "argmap.cli.program", "argmap.cli.app"} & imported


@pytest.mark.parametrize(
    ("columns", "args"),
    [("60", ("--help",)), ("79", ("--help",)), ("100", ("check", "--help")), ("100", ("-h",))],
)
def test_everything_else_is_typers(columns: str, args: tuple[str, ...]) -> None:
    if args == ("-h",):  # not an option of argmap: typer says so, with exit code 2
        proc = subprocess.run(
            [sys.executable, "-c", EXECUTABLE_HELP, *args],
            capture_output=True,
            text=True,
            env={**os.environ, "COLUMNS": columns},
            check=False,
        )
        assert proc.returncode == 2 and "No such option: -h" in proc.stderr, proc
        return
    printed, imports = _run(EXECUTABLE_HELP, *args, columns=columns, importtime=True)
    assert printed == _run(TYPER_HELP, *args, columns=columns)[0]
    assert printed != _stored()
    assert "typer" in {line.rsplit("|", 1)[-1].strip() for line in imports.splitlines()}


def test_python_dash_m_names_itself_as_typer_does() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "argmap", "--help"],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "100"},
        cwd=REPO,
        check=False,
    )
    assert proc.stdout.startswith("Usage: python -m argmap [OPTIONS]"), proc.stdout


def test_columns_are_counted_as_shutil_counts_them(monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    for value in ("80", "79", "200", "0", "-3", "wide", None):
        if value is None:
            monkeypatch.delenv("COLUMNS", raising=False)
        else:
            monkeypatch.setenv("COLUMNS", value)
        assert terminal_columns() == shutil.get_terminal_size().columns, value


def test_a_full_disk_on_stdout_is_an_io_error_here_too(tmp_path: Path) -> None:
    fd = os.open("/dev/full", os.O_RDWR)
    try:
        proc = subprocess.run(
            [sys.executable, "-c", EXECUTABLE_HELP, "--help"],
            stdout=fd,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "COLUMNS": "100"},
            check=False,
        )
    finally:
        os.close(fd)
    assert proc.returncode == 2
    assert proc.stderr == (
        f"argmap: error: cannot write to standard output: {os.strerror(errno.ENOSPC)}\n"
    )

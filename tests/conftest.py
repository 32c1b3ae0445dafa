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

from argmap.cli.program import app

REPO = Path(__file__).resolve().parent.parent
"""The repository root."""
SHARED = Path(os.environ.get("ARGMAP_TEST_SHARED") or REPO.parent / "shared")
"""The shared folder beside the repository (read-only corpora); ARGMAP_TEST_SHARED moves it."""


def shared_skips_line(reasons: list[str]) -> str | None:
    """The closing line for tests skipped because ../shared is missing, or None if none were."""
    count = sum(str(SHARED) in reason for reason in reasons)
    if not count:
        return None
    tests = "1 test" if count == 1 else f"{count} tests"
    return (
        f"{tests} skipped: they need the shared corpora in {SHARED} (../shared beside the "
        "repository), which this checkout lacks; put the project's shared/ folder there, or "
        "point ARGMAP_TEST_SHARED at it, to run them (under CI=true they fail instead)"
    )


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say in one line how many tests skipped for want of ../shared, and how to get it."""
    reasons = [
        str(report.longrepr[2])
        for report in terminalreporter.stats.get("skipped", [])
        if isinstance(report.longrepr, tuple)
    ]
    line = shared_skips_line(reasons)
    if line:
        terminalreporter.write_line(line, yellow=True, bold=True)


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


SEED_NAME = "us-sanctions-on-pakistan"
"""The seed document's namespace (its file name without .yaml)."""


def reword_seed_claim(claims: Path) -> str:
    """Change one claim's wording in the seed file under *claims* ("could target the United
    States" becomes "could reach …"): an edit every render must show. Returns the old text."""
    seed = claims / f"{SEED_NAME}.yaml"
    text = seed.read_text(encoding="utf-8")
    edited = text.replace(
        "text: Pakistan's long-range missiles could target the United States.",
        "text: Pakistan's long-range missiles could reach the United States.",
    )
    assert edited != text
    seed.write_text(edited, encoding="utf-8")
    return text


def copy_seed(dest: Path) -> Path:
    """A claims/ folder in *dest* holding only the seed document and its text; returns it.

    Tests of the seed select it, so their counts and golden files stay the seed's
    however many commentaries the repository's claims/ holds.
    """
    target = dest / "claims"
    (target / "sources").mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "claims" / f"{SEED_NAME}.yaml", target)
    shutil.copy(REPO / "claims" / "sources" / f"{SEED_NAME}.txt", target / "sources")
    return target


def interop(kind: str) -> Path:
    """The shared interop corpus folder *kind* (argdown, aif, kialo).

    Read from ../shared, never copied. Missing: a failure under CI, a skip elsewhere.
    """
    folder = SHARED / "interop" / kind
    if not folder.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"the shared corpus {folder} is missing (CI=true)")
        pytest.skip(f"the shared corpus {folder} is not here")
    return folder


def import_and_check(source: Path, dest: Path, *extra: str) -> tuple[Run, Run]:
    """Run `argmap import SOURCE -o DEST`, then `argmap check DEST`, as real processes."""
    imported = run_process("import", str(source), "-o", str(dest), *extra)
    checked = run_process("check", "--no-cache", str(dest))
    return imported, checked


@pytest.fixture(scope="session")
def argdown_cli() -> list[str]:
    """The command line of the real Argdown CLI (@argdown/cli 2.0.0), installed on first use.

    Installed exactly as the benchmarks install it (benchmarks/bench/tools.py: npm,
    with the @argdown/markdown-it-plugin 1.7.7 override) into benchmarks/.peer/.
    Without node or npm this fails under CI and skips elsewhere.
    """
    import shutil

    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        from bench.tools import ARGDOWN_JS, ensure_peer
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    node = shutil.which("node")
    why_not = ensure_peer(node)
    if why_not:
        if os.environ.get("CI") == "true":
            pytest.fail(f"the Argdown CLI is needed under CI: {why_not}")
        pytest.skip(f"the Argdown CLI is not available: {why_not}")
    return [node or "node", str(ARGDOWN_JS)]

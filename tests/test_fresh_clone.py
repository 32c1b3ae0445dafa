"""A fresh clone without ../shared: the skipped tests are counted in one closing line."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import REPO, shared_skips_line


def test_the_run_ends_by_saying_how_many_tests_need_shared(tmp_path: Path) -> None:
    missing = tmp_path / "no-shared-here"
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["ARGMAP_TEST_SHARED"] = str(missing)
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/test_bundled_corpus.py",
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    skipped = int(re.search(r"(\d+) skipped", proc.stdout).group(1))  # type: ignore[union-attr]
    assert skipped >= 1
    lines = [line for line in proc.stdout.splitlines() if "need the shared corpora" in line]
    assert lines == [
        f"{skipped} test{'s' if skipped > 1 else ''} skipped: they need the shared corpora in "
        f"{missing} (../shared beside the repository), which this checkout lacks; put the "
        "project's shared/ folder there, or point ARGMAP_TEST_SHARED at it, to run them "
        "(under CI=true they fail instead)"
    ]


def test_no_line_when_nothing_skipped_for_shared() -> None:
    assert shared_skips_line(["the Argdown CLI is not available: no node"]) is None

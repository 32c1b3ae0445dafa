"""Light commands do not import what they do not need (graphviz, markdown-it)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import REPO

HEAVY = ("graphviz", "markdown_it", "mdit_py_plugins")

PROBE = """
import sys
from argmap.cli import main
sys.argv = ["argmap", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
heavy = sorted(m for m in sys.modules if m.split(".")[0] in {heavy!r})
sys.stderr.write("HEAVY=" + ",".join(heavy) + "\\n")
"""


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["check", "claims"],
        ["audit", "claims"],
        ["export", "claims"],
        ["codes"],
        ["paragraphs", "commentary", "claims"],
        ["fmt", "--check", "claims"],
        ["rename", "jon-finer", "finer", "--dry-run", "claims"],
    ],
)
def test_light_commands_stay_light(args: list[str]) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=set(HEAVY)), *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "HEAVY=\n" in proc.stderr, proc.stderr


def test_the_probe_can_see_heavy_imports() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=set(HEAVY)), "map", "claims", "-o", "/dev/null"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "HEAVY=graphviz" in proc.stderr, proc.stderr

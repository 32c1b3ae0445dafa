"""Issue 21, section 5: renders running at once lose no file.

Each run builds every document in a hidden folder of its own
(``.DOC.argmap-new-PID-RANDOM``), puts right only what runs that are gone left,
and renders into one folder are locked to swap one at a time. The runs are real
processes started together; a generous timeout bounds each against hangs.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_process, write

HANG = 240
"""Seconds after which a run counts as hung."""

CLAIMS = (
    "claims:\n"
    "  - id: a\n    text: A\n    type: fact\n    standalone: true\n"
    "  - id: b\n    text: B\n    type: fact\n    supports: [a]\n"
)

OUTPUTS = {
    "map.dot",
    "map.svg",
    "map.png",
    "map.html",
    "deck.pdf",
    "brief.md",
    "perspectives.md",
    "audit.md",
    "evaluation.md",
}
"""The files `argmap render` writes for each document."""

DOCUMENTS = ("x", "y", "z")


def _dead_pid() -> int:
    """The id of a process that has ended (and been waited for)."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


@pytest.mark.parametrize("runs", [2, 4])
@pytest.mark.parametrize("into", ["the same folder", "separate folders"])
def test_5_concurrent_renders_keep_every_file(project: Path, runs: int, into: str) -> None:
    for name in DOCUMENTS:
        write(project / f"claims/{name}.yaml", CLAIMS.replace("text: A", f"text: A of {name}"))
    outs = ["renders"] * runs if into == "the same folder" else [f"out{i}" for i in range(runs)]
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "argmap", "render", "claims", "--out", out],
            cwd=project,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for out in outs
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=HANG)
        assert proc.returncode == 0, err
    for out in sorted(set(outs)):
        for name in DOCUMENTS:
            assert {p.name for p in (project / out / name).iterdir()} == OUTPUTS
        assert sorted(p.name for p in (project / out).iterdir()) == list(DOCUMENTS)  # no leftovers
        check = run_process("render", "claims", "--out", out, "--check", timeout=HANG)
        assert check.exit_code == 0, check


def test_5_a_dead_runs_build_folder_is_put_right_and_a_live_runs_is_kept(project: Path) -> None:
    write(project / "claims/x.yaml", CLAIMS)
    assert run_process("render", timeout=HANG).exit_code == 0
    renders = project / "renders"
    before = {p.name: p.read_bytes() for p in (renders / "x").iterdir()}
    dead = renders / f".x.argmap-new-{_dead_pid()}-0123abcd"
    write(dead / "map.dot", "half a map")  # killed after writing one new file ...
    write(dead / "notes.txt", "the user's")  # ... and carrying one entry across
    live = renders / f".x.argmap-new-{os.getpid()}-89abcdef"
    write(live / "map.dot", "another run's work")
    old_of_dead = renders / f".y.argmap-old-{_dead_pid()}-0a0b0c0d"
    write(old_of_dead / "kept.txt", "y before the crash")  # killed between its two renames

    result = run_process("render", timeout=HANG)
    assert result.exit_code == 0, result
    assert not dead.exists()
    assert (renders / "x/notes.txt").read_text(encoding="utf-8") == "the user's"
    assert (live / "map.dot").read_text(encoding="utf-8") == "another run's work"
    assert old_of_dead.exists()  # not a document of this run: not its business
    after = {p.name: p.read_bytes() for p in (renders / "x").iterdir()}
    assert after == {**before, "notes.txt": b"the user's"}  # outputs unchanged, byte for byte
    assert sorted(p.name for p in renders.iterdir()) == [live.name, old_of_dead.name, "x"]

    write(project / "claims/y.yaml", CLAIMS.replace("text: A", "text: Why"))
    result = run_process("render", timeout=HANG)
    assert result.exit_code == 0, result
    assert not old_of_dead.exists()  # its folder went back before y was rendered into it
    assert {p.name for p in (renders / "y").iterdir()} == {*OUTPUTS, "kept.txt"}
    assert (renders / "y/kept.txt").read_text(encoding="utf-8") == "y before the crash"
    assert live.exists()
    check = run_process("render", "--check", timeout=HANG)
    assert check.exit_code == 0, check

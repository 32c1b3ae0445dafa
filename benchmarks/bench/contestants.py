"""The command lines a workload compares, and running one of them ready to be measured.

A run of a contestant starts from a known state (cold cache, no old outputs) and
counts only when it wrote what it should; the timing itself is ``process``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bench.paths import cache_dirs, remove
from bench.process import Run, run_process


@dataclass
class Contestant:
    """One command line timed within a workload."""

    key: str
    """Column id, e.g. "argmap-cold"."""
    label: str
    """Column heading."""
    argv: list[str]
    cwd: Path
    cold: bool = False
    """Delete the argmap cache in *cwd* before each run."""
    available: str = ""
    """Empty when runnable, else why not (reported as n/a)."""
    outputs: list[Path] = field(default_factory=list)
    """Files or folders removed before each run and required (non-empty) after it."""
    svg: bool = False
    """The output must be a complete SVG document."""
    ok_codes: tuple[int, ...] = (0,)
    before: Callable[[], None] | None = None
    """Run just before each run, untimed (e.g. edit a claims file)."""


@dataclass
class Workload:
    """Contestants compared on one corpus; titles and ratios live in `tables.TABLES`."""

    key: str
    contestants: list[Contestant]
    finish: Callable[[], None] | None = None
    """Run once after the last repetition (e.g. undo an edit)."""


def run_contestant(contestant: Contestant, log_dir: Path, timeout: float) -> Run:
    """Prepare (cold cache, clean outputs), run and verify one contestant."""
    if contestant.available:
        return Run(0.0, 0.0, "n/a", contestant.available)
    if contestant.cold:
        for path in cache_dirs(contestant.cwd):
            remove(path)
    for path in contestant.outputs:
        remove(path)
    if contestant.before is not None:
        contestant.before()
    run = run_process(
        contestant.argv, contestant.cwd, log_dir / contestant.key, timeout, contestant.ok_codes
    )
    if run.ok:
        for path in contestant.outputs:
            if not _nonempty(path) or (contestant.svg and not _complete_svg(path)):
                run.status = "incomplete output"
                run.stderr_tail = f"{path.name} missing, empty or truncated"
    return run


def _nonempty(path: Path) -> bool:
    if path.is_dir():
        return any(path.iterdir())
    return path.is_file() and path.stat().st_size > 0


def _complete_svg(path: Path) -> bool:
    with path.open("rb") as handle:
        handle.seek(max(0, path.stat().st_size - 64))
        return handle.read().rstrip().endswith(b"</svg>")

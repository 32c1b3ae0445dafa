"""Where the harness reads and writes, and the one guarded way it deletes anything.

Everything it writes goes under ``benchmarks/.work/`` (corpora, logs, the seed copy)
or ``benchmarks/.peer/`` (the Argdown CLI); ``remove`` refuses anything outside .work.
"""

from __future__ import annotations

import shutil
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent
"""The benchmarks/ folder."""
REPO = BENCHMARKS.parent
WORK = BENCHMARKS / ".work"
PEER = BENCHMARKS / ".peer"
GENERATOR = BENCHMARKS / "generate.py"
SEED_CLAIMS = REPO / "claims"
CORPUS_PACKAGE = BENCHMARKS / "bench" / "corpus"
"""The generator's modules; with GENERATOR, what a corpus stamp hashes."""

CACHE_DIR = ".argmap-cache"


def remove(path: Path) -> None:
    """Delete a file or folder under benchmarks/.work (and nowhere else)."""
    if not path.resolve().is_relative_to(WORK.resolve()):
        raise ValueError(f"refusing to delete {path}: outside {WORK}")
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


def cache_dirs(cwd: Path) -> list[Path]:
    """Where argmap may put its cache when run in *cwd* on ``claims``."""
    return [cwd / CACHE_DIR, cwd / "claims" / CACHE_DIR]

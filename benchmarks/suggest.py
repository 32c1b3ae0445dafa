"""Time `argmap track --suggest` on a generated corpus against `argmap check` in the same run.

Usage: ``.venv/bin/python benchmarks/suggest.py [--size 20000] [--repeat 3]``

The target (issue 17): suggestions over the 20k-claim benchmark corpus in at most
5 s, by blocking candidates rather than comparing every pair. Each repetition runs,
back to back in fresh processes, a warm `check` (the peer: the same load of cached
facts, no suggestions), a warm `track --suggest`, a cold `check` and a cold `track
--suggest` (cache deleted before each). The report gives medians, and the warm
suggestion time as a ratio of the warm check measured in the same run, so a slower or
busier machine shows in both.
The corpus is the one `run.py` uses (``benchmarks/.work/corpus-N``), generated once.
This script measures and prints; it asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.paths import CACHE_DIR, remove
from bench.workspace import describe_corpus, ensure_corpus

ARGMAP = Path(sys.executable).with_name("argmap")
"""The argmap beside this Python (run the script with the venv's Python)."""


def timed(args: list[str], cwd: Path) -> tuple[float, str]:
    """Wall seconds of one argmap process, and its stdout."""
    start = time.perf_counter()
    done = subprocess.run(
        [str(ARGMAP), *args], cwd=cwd, capture_output=True, text=True, check=False
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"argmap {' '.join(args)} failed:\n{done.stderr}")
    return elapsed, done.stdout


def main(argv: list[str] | None = None) -> int:
    """Measure and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--size", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    root = ensure_corpus(args.size)
    cache = root / CACHE_DIR
    timed(["check", "claims"], root)  # warm the facts cache once
    check, warm, cold, check_cold = [], [], [], []
    found = ""
    for _ in range(args.repeat):
        check.append(timed(["check", "claims"], root)[0])
        seconds, found = timed(["track", "--suggest", "claims", "--format", "json"], root)
        warm.append(seconds)
        if cache.exists():
            remove(cache)
        check_cold.append(timed(["check", "claims"], root)[0])
        if cache.exists():
            remove(cache)
        cold.append(timed(["track", "--suggest", "claims", "--format", "json"], root)[0])
    pairs = found.count('"score"')
    ratio = statistics.median(warm) / statistics.median(check)
    print(f"corpus: {args.size} claims ({describe_corpus(root)}); {pairs} pair(s) proposed")
    print()
    print("| run | median of", args.repeat, "|")
    print("|---|---|")
    print(f"| `check` warm (peer) | {statistics.median(check):.2f} s |")
    print(f"| `track --suggest` warm | {statistics.median(warm):.2f} s ({ratio:.2f}× check) |")
    print(f"| `check` cold (peer) | {statistics.median(check_cold):.2f} s |")
    print(f"| `track --suggest` cold | {statistics.median(cold):.2f} s |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

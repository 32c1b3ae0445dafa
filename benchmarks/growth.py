"""Time hostile inputs at doubling sizes: linear or not (issue 21, section 2).

Usage: ``.venv/bin/python benchmarks/growth.py [--steps 3] [--repeat 1] [--out F]``

Runs the cases of ``bench/growth.py`` (Kialo `-> See` chains, a one-line
commentary for `ingest`, `rename` of a much-cited id, many Argdown includes)
at base, 2×base, 4×base … and prints each time with its growth per doubling
above the start-up floor. It measures and reports; it asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bench.growth import measure, report

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=3, help="sizes per case (doublings + 1)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per size; medians reported")
    parser.add_argument("--timeout", type=float, default=600, help="seconds per process")
    parser.add_argument("--out", type=Path, help="also write the table to this file")
    options = parser.parse_args()
    argmap = Path(sys.executable).parent / "argmap"
    rows = measure(
        argmap, HERE / ".work" / "growth", options.steps, options.repeat, options.timeout
    )
    text = report(rows)
    print(text, end="")
    if options.out:
        options.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

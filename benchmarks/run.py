"""Time argmap against the Argdown CLI and a raw YAML-parse floor, and write RESULTS.md.

Usage: ``.venv/bin/python benchmarks/run.py [--quick] [--sizes 1000,10000,100000]
[--repeat 3] [--out benchmarks/RESULTS.md]``

Every measurement is one whole process: wall time from spawn to exit, and the
child's peak RSS from ``os.wait4``. Within a repetition the contestants of a
workload run back to back (argmap cold, argmap warm, Argdown, floor, then the
next workload), so drift on a noisy machine hits all of them alike; the report
gives medians. Corpora come from ``generate.py`` into ``benchmarks/.work/``
and are reused while the generator is unchanged; the Argdown CLI is installed
into ``benchmarks/.peer/`` on first use. argmap commands that do not exist yet
are reported as "n/a". This script measures and reports; it asserts nothing.
It is the command line of the harness in ``bench/`` (``bench.cli``).
"""

from __future__ import annotations

import sys

from bench.cli import main

if __name__ == "__main__":
    sys.exit(main())

"""Write a synthetic, deterministic argmap corpus of N claims, plus the same map as Argdown.

Usage: ``python benchmarks/generate.py N OUTDIR``

The corpus looks like real mapped commentaries: one YAML file per document
(``OUTDIR/claims/doc-00001.yaml`` …) of 20–60 claims each, a shared
``OUTDIR/claims/_common.yaml`` with speakers, perspectives and questions, and
about 1.3 links per claim (60% supports, 40% opposes; mostly the
``supports:``/``opposes:`` shorthand, some explicit ``links:`` entries with
co-premises; about 10% reach into earlier documents). Every link points from a
claim to one with a lower global index, so there are no support cycles.
``OUTDIR/map.argdown`` holds the same claims and relations in Argdown syntax
(co-premises become one relation per premise), for the Argdown CLI, and
``OUTDIR/single/doc-00001.yaml`` is the first document made self-contained (it
has no cross-document links; the shared entities it uses are copied in), for
timing work on one document file.

Everything comes from ``random.Random(N)``: the same N gives byte-identical
files. This script only writes files; it never runs argmap or measures anything.
It is the command line of ``bench.corpus``, where the generator lives.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bench.corpus import generate


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and write the corpus."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("n", type=int, metavar="N", help="number of claims")
    parser.add_argument("outdir", type=Path, metavar="OUTDIR", help="folder to write into")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("N must be at least 1")
    files, links = generate(args.n, args.outdir)
    print(
        f"wrote {args.n} claims, {links} links in {files} files under {args.outdir}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

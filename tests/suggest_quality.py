"""How good `argmap track --suggest` is on the labelled sets in fixtures/tracking/.

Two sets: `labelled` (written while the features were built: development data) and
`heldout` (written after they were fixed, measured once). `quality` gives the precision
of every pair proposed and the top-1 recall: the share of the claims that have a
restatement whose best suggestion is one of them. Run it as a script to print both for
a range of `--min-score` values (the tables in docs/tracking.md):
``.venv/bin/python tests/suggest_quality.py``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import yaml

FIXTURES = Path(__file__).parent / "fixtures" / "tracking"
"""Each set: claims in NAME/, the pairs that make one claim in NAME-pairs.yaml."""

SETS = ("labelled", "heldout")
"""The labelled sets."""


def gold_pairs(name: str) -> set[frozenset[str]]:
    """The pairs of set *name* that make one claim."""
    labels = yaml.safe_load((FIXTURES / f"{name}-pairs.yaml").read_text(encoding="utf-8"))
    return {frozenset(pair) for pair in labels["same"]}


def quality(suggestions: list[dict[str, object]], name: str) -> tuple[float, float]:
    """(precision, top-1 recall) of *suggestions* (best first) against set *name*."""
    gold = gold_pairs(name)
    pairs = [frozenset((str(s["a"]), str(s["b"]))) for s in suggestions]
    precision = sum(pair in gold for pair in pairs) / len(pairs) if pairs else 0.0
    best: dict[str, str] = {}
    for s in suggestions:  # best first: the first pair naming a claim is its top-1
        best.setdefault(str(s["a"]), str(s["b"]))
        best.setdefault(str(s["b"]), str(s["a"]))
    partners: dict[str, set[str]] = {}
    for pair in gold:
        a, b = sorted(pair)
        partners.setdefault(a, set()).add(b)
        partners.setdefault(b, set()).add(a)
    recall = sum(best.get(claim) in found for claim, found in partners.items()) / len(partners)
    return precision, recall


def main() -> None:
    """Print pairs proposed, precision and top-1 recall for a few --min-score values."""
    argmap = Path(sys.executable).with_name("argmap")
    print("| set | `--min-score` | pairs proposed | precision | top-1 recall |")
    print("|---|---|---|---|---|")
    for name in SETS:
        for least in ("0.4", "0.5", "0.6", "0.7"):
            command = [str(argmap), "track", "--suggest", str(FIXTURES / name)]
            command += ["--format", "json", "--min-score", least]
            found = json.loads(subprocess.run(command, capture_output=True, check=True).stdout)
            precision, recall = quality(found, name)
            print(f"| {name} | {least} | {len(found)} | {precision:.2f} | {recall:.2f} |")


if __name__ == "__main__":
    main()

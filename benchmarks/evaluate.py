"""Time `argmap evaluate`'s engines against loading, measured in the same run; write a report.

Usage: ``.venv/bin/python benchmarks/evaluate.py [--sizes 100000] [--densities 0.003,0.004,0.005]
[--repeat 3] [--timeout 300] [--out benchmarks/EVALUATION.md]``

Two workloads, each run in a fresh child process per repetition (medians reported):

- **grounded on a corpus**: the benchmark corpus of N claims (``generate.py``, kept in
  ``benchmarks/.work/eval-N/``) is loaded as `argmap evaluate` loads it (every file
  parsed, facts merged into the fact table; no cache), then translated to a framework and
  labelled. Reported: loading, the evaluation beyond it, and their ratio. Target: the
  evaluation takes at most 1 s beyond loading at 100k claims.
- **preferred and stable on a 1,000-argument framework**: ICCMA-style Erdős–Rényi
  frameworks (as pygarg's ER generator: each ordered pair attacks with probability p,
  seeded), written as `.apx`. Reported: reading the file, then grounded, preferred and
  stable as `argmap evaluate --af` computes them (clingo for large undecided parts when
  installed), and each against reading. Target: preferred and stable take at most 2 s.

This script measures and reports; it asserts nothing, and no test runs it.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORK = HERE / ".work"

_CORPUS_PROBE = """
import gc, json, sys, time
gc.disable()
from pathlib import Path
start = time.perf_counter()
from argmap.check.project import open_claims
project = open_claims(Path(sys.argv[1]), None, models=False)
table = project.table
loaded = time.perf_counter()
from argmap.evaluate.evaluation import Settings, evaluate
from argmap.evaluate.from_table import claim_graph
from argmap.evaluate.names import Semantics
result = evaluate(claim_graph(table), Semantics.grounded, Settings())
done = time.perf_counter()
counts = {label: list(result.labels.values()).count(label) for label in ("in", "out", "undec")}
print(json.dumps({"load": loaded - start, "evaluate": done - loaded, "labels": counts}))
"""

_FRAMEWORK_PROBE = """
import gc, json, sys, time
gc.disable()
from pathlib import Path
start = time.perf_counter()
from argmap.evaluate.iccma import read_af
path = Path(sys.argv[1])
framework = read_af(path.name, path.read_text(encoding="utf-8"))
read = time.perf_counter()
from argmap.evaluate import clingo_backend
from argmap.evaluate.grounded import grounded
from argmap.evaluate.search import core_parts, labellings
large = clingo_backend.solve_with_clingo if clingo_backend.available() else None
ground = grounded(framework)
out = {"read": read - start, "grounded": time.perf_counter() - read}
parts = core_parts(framework, ground)
out["core"] = sum(map(len, parts))
out["largest_part"] = max(map(len, parts), default=0)
for semantics in ("preferred", "stable"):
    t = time.perf_counter()
    found = labellings(framework, ground, semantics, large)
    out[semantics] = time.perf_counter() - t
    out[semantics + "_count"] = len(found)
out["clingo"] = large is not None
print(json.dumps(out))
"""


def _run(probe: str, arg: Path, timeout: float) -> dict[str, object] | None:
    """One child process; its JSON line, or None when it ran out of time."""
    try:
        proc = subprocess.run(
            [sys.executable, "-c", probe, str(arg)],
            capture_output=True,
            text=True,
            check=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return None
    data: dict[str, object] = json.loads(proc.stdout)
    return data


def corpus(size: int) -> Path:
    """The benchmark corpus of *size* claims, generated on first use."""
    folder = WORK / f"eval-{size}"
    if not (folder / "claims").is_dir():
        sys.path.insert(0, str(HERE))
        from bench.corpus import generate

        generate(size, folder)
    return folder / "claims"


def framework(n: int, p: float, seed: int = 1) -> Path:
    """An Erdős–Rényi framework of *n* arguments as `.apx` (seeded, so reproducible)."""
    path = WORK / f"er-{n}-{p}-{seed}.apx"
    if not path.is_file():
        rng = random.Random(seed)
        lines = [f"arg(a{i})." for i in range(n)]
        lines += [f"att(a{a},a{b})." for a in range(n) for b in range(n) if rng.random() < p]
        WORK.mkdir(exist_ok=True)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _median(runs: list[dict[str, object]], key: str) -> float:
    return statistics.median(float(str(r[key])) for r in runs)


def main(argv: list[str] | None = None) -> int:
    """Run both workloads and write the report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sizes", default="100000", help="corpus sizes, comma-separated")
    parser.add_argument("--densities", default="0.003,0.004,0.005", help="ER attack probabilities")
    parser.add_argument("--arguments", type=int, default=1000, help="framework size")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per child")
    parser.add_argument("--out", type=Path, default=HERE / "EVALUATION.md")
    args = parser.parse_args(argv)
    lines = [
        "# Evaluation benchmarks",
        "",
        f"`{' '.join(['benchmarks/evaluate.py', *(argv or sys.argv[1:])])}`",
        "",
    ]
    lines += ["## Grounded on the benchmark corpus (target: ≤ 1 s beyond loading)", ""]
    lines += [
        "| claims | loading s | grounded beyond loading s | ratio | labels (in/out/undec) |",
        "|---|---|---|---|---|",
    ]
    for size in (int(s) for s in args.sizes.split(",") if s):
        claims = corpus(size)
        runs = [
            r for r in (_run(_CORPUS_PROBE, claims, args.timeout) for _ in range(args.repeat)) if r
        ]
        if not runs:
            lines.append(f"| {size} | timed out | | | |")
            continue
        load, work = _median(runs, "load"), _median(runs, "evaluate")
        counts = runs[0]["labels"]
        assert isinstance(counts, dict)
        lines.append(
            f"| {size} | {load:.2f} | {work:.2f} | {work / load:.1%} | "
            f"{counts['in']}/{counts['out']}/{counts['undec']} |"
        )
        print(lines[-1], flush=True)
    lines += [
        "",
        f"## Preferred and stable on {args.arguments}-argument ER frameworks (target: ≤ 2 s)",
        "",
    ]
    lines += [
        "| p | attacks | undecided core (largest part) | read s | grounded s "
        "| preferred s (count) | stable s (count) | preferred / read | stable / read |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for p in (float(d) for d in args.densities.split(",") if d):
        path = framework(args.arguments, p)
        attacks = sum(
            1 for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("att(")
        )
        runs = [
            r for r in (_run(_FRAMEWORK_PROBE, path, args.timeout) for _ in range(args.repeat)) if r
        ]
        if not runs:
            lines.append(f"| {p} | {attacks} | | | | timed out ({args.timeout:g} s) | | | |")
            print(lines[-1], flush=True)
            continue
        read = _median(runs, "read")
        pref, stab = _median(runs, "preferred"), _median(runs, "stable")
        first = runs[0]
        lines.append(
            f"| {p} | {attacks} | {first['core']} ({first['largest_part']}) | {read:.3f} | "
            f"{_median(runs, 'grounded'):.3f} | {pref:.2f} ({first['preferred_count']}) | "
            f"{stab:.2f} ({first['stable_count']}) | {pref / read:.0f}× | {stab / read:.0f}× |"
        )
        print(lines[-1], flush=True)
    clingo = "with clingo" if _has_clingo() else "without clingo (large parts refused)"
    lines += ["", f"Medians of {args.repeat} runs, {clingo}, on this machine."]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


def _has_clingo() -> bool:
    import importlib.util

    return importlib.util.find_spec("clingo") is not None


if __name__ == "__main__":
    sys.exit(main())

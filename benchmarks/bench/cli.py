"""The run.py command line: parse the options, run every workload, write the report.

Decides what runs and in which order (start-up, seed, then each corpus, contestants
interleaved within each repetition); how each piece runs lives in the other modules.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from bench.contestants import Workload, run_contestant
from bench.formatting import fmt_run, label
from bench.paths import BENCHMARKS, WORK, cache_dirs
from bench.process import run_process
from bench.report import report
from bench.results import Results
from bench.tools import compile_argmap, find_tools
from bench.workloads import LARGE, corpus_workloads, startup_workloads
from bench.workspace import describe_corpus, ensure_corpus, prepare_seed


def run_workloads(
    results: Results, corpus: str, workloads: list[Workload], repeat: int, timeout: float
) -> None:
    """Run every workload *repeat* times, contestants interleaved within each repetition."""
    log_dir = WORK / "logs" / corpus
    for rep in range(1, repeat + 1):
        for workload in workloads:
            for contestant in workload.contestants:
                run = run_contestant(contestant, log_dir / workload.key, timeout)
                results.add(corpus, workload, contestant, run)
                if contestant.cold and run.ok:
                    seen = any(p.exists() for p in cache_dirs(contestant.cwd))
                    results.cache_seen[corpus] = results.cache_seen.get(corpus, False) or seen
                if run.status != "n/a" or rep == 1:
                    print(
                        f"[{corpus}] {workload.key:10} {contestant.label:18} "
                        f"{rep}/{repeat}: {fmt_run(run)}",
                        file=sys.stderr,
                    )
    for workload in workloads:
        if workload.finish is not None:
            workload.finish()


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(
        description="Time argmap against the Argdown CLI and a raw YAML-parse floor."
    )
    parser.add_argument(
        "--sizes",
        default="1000,10000,100000",
        help="comma-separated corpus sizes in claims (default: %(default)s)",
    )
    parser.add_argument(
        "--map-size",
        type=int,
        default=20_000,
        help="extra corpus for the map comparison with Argdown; 0 skips it (default: %(default)s)",
    )
    parser.add_argument(
        "--argdown-max",
        type=int,
        default=20_000,
        help="run Argdown only on corpora up to this size (default: %(default)s)",
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="repetitions per workload (default: %(default)s)"
    )
    parser.add_argument(
        "--large-repeat",
        type=int,
        default=1,
        help=f"repetitions at ≥{LARGE} claims (default: %(default)s)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=600.0,
        help="seconds before a process is killed (default: %(default)s)",
    )
    parser.add_argument(
        "--quick", action="store_true", help="1k claims only, one repetition, no 20k map comparison"
    )
    parser.add_argument("--no-peer", action="store_true", help="do not run the Argdown CLI")
    parser.add_argument(
        "--only",
        default="",
        help="comma-separated workloads to run on each corpus, e.g. evaluate,track "
        "(default: all; start-up and the seed check always run)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=BENCHMARKS / "RESULTS.md",
        help="where to write the report (default: benchmarks/RESULTS.md)",
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.repeat, args.large_repeat, args.map_size = "1000", 1, 1, 0
    try:
        args.size_list = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    except ValueError:
        parser.error("--sizes takes comma-separated integers, e.g. 1000,10000")
    if not args.size_list or min(args.size_list) < 1 or args.repeat < 1 or args.large_repeat < 1:
        parser.error("sizes and repeats must be positive")
    return args


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and write the report."""
    args = parse_args(argv)
    WORK.mkdir(parents=True, exist_ok=True)
    tools = find_tools(args.no_peer)
    compile_argmap()
    if tools.argdown_why_not:
        print(f"Argdown workloads are n/a: {tools.argdown_why_not}", file=sys.stderr)
    results = Results()
    true = shutil.which("true") or "/bin/true"
    results.baseline_rss = run_process([true], WORK, WORK / "logs" / "true", 10).rss_mib

    seed = prepare_seed()
    results.corpora["seed"] = describe_corpus(seed) + " (a copy of the project's claims/)"
    startup, seed_check = startup_workloads(tools, seed)
    run_workloads(results, "start-up", [startup], args.repeat, args.timeout)
    run_workloads(results, "seed", [seed_check], args.repeat, args.timeout)

    sizes = [(size, True) for size in args.size_list]
    if args.map_size and args.map_size not in args.size_list:
        sizes.append((args.map_size, False))
    for size, full in sorted(sizes):
        root = ensure_corpus(size)
        name = label(size)
        results.corpora[name] = describe_corpus(root) + ("" if full else " (map only)")
        repeat = args.large_repeat if size >= LARGE else args.repeat
        workloads = corpus_workloads(tools, root, size, full, args.argdown_max)
        if args.only:
            wanted = {key.strip() for key in args.only.split(",")}
            workloads = [w for w in workloads if w.key in wanted]
        run_workloads(results, name, workloads, repeat, args.timeout)

    text = report(results, tools, args)
    args.out.write_text(text + "\n", encoding="utf-8")
    sys.stderr.flush()
    print(text, flush=True)
    print(f"\nwrote {args.out}", file=sys.stderr)
    return 0

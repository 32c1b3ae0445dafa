"""Assemble the whole RESULTS.md text: header, machine, targets, corpora, tables, failures.

Returns text; ``cli`` prints it and writes the file.
"""

from __future__ import annotations

import argparse

from bench.formatting import label
from bench.machine import machine_lines
from bench.memory import memory_table
from bench.results import Results
from bench.tables import TABLES, combined_table, workload_table
from bench.targets import TARGETS
from bench.tools import Tools
from bench.workloads import LARGE


def report(results: Results, tools: Tools, args: argparse.Namespace) -> str:
    """The whole RESULTS.md."""
    lines = [
        "# argmap benchmark results",
        "",
        "Written by `benchmarks/run.py`"
        + (" `--quick`" if args.quick else "")
        + f" (repeat {args.repeat}, {args.large_repeat} at ≥{label(LARGE)} claims). "
        "Each cell is the median wall time · median peak RSS of whole-process runs; "
        "contestants ran interleaved within each repetition. This machine is noisy: "
        "compare ratios from one run, not absolute figures across runs.",
        "",
        "| | |",
        "|---|---|",
        *machine_lines(tools),
        "",
        "**Cold** = the corpus's `.argmap-cache/` deleted before the run; **warm** = run again "
        "right after the cold run. **Floor** = a fresh Python process that only parses every "
        "claims file with `yaml.load(…, Loader=yaml.CSafeLoader)` (gc disabled). Argdown "
        "reads `map.argdown`, the same claims and relations written by `generate.py`. "
        "Peak RSS counts what the harness held when it forked the child "
        f"({results.baseline_rss:.0f} MiB, measured with `true`); figures near that "
        "say nothing about the tool.",
        "",
        "## Targets",
        "",
        "| target | goal | measured | verdict |",
        "|---|---|---|---|",
    ]
    for target in TARGETS:
        measured, verdict = target.judge(results)
        lines.append(f"| {target.name} | {target.goal} | {measured} | {verdict} |")
    lines += ["", "## Corpora", ""]
    for corpus, text in results.corpora.items():
        cache = results.cache_seen.get(corpus)
        cache_note = (
            ""
            if cache is None
            else ("; argmap wrote a cache" if cache else "; no argmap cache appeared (warm = cold)")
        )
        lines.append(f"- **{corpus}**: {text}{cache_note}")
    lines += ["", "## Workloads", ""]
    for key, title, ratios in TABLES:
        lines += workload_table(results, key, title, ratios)
        if key == "audit":
            lines += combined_table(results)
    lines += memory_table(results)
    failures = []
    for corpus, table in results.runs.items():
        for workload, cells in table.items():
            for key, runs in cells.items():
                bad = [run for run in runs if not run.ok]
                if bad:
                    why = " ".join(bad[0].stderr_tail.split())[-300:]
                    failures.append(
                        f"- {corpus} / {workload} / {key}: {len(bad)} of "
                        f"{len(runs)} runs {bad[0].status}: {why}"
                    )
    if failures:
        lines += ["## Not run or failed", "", *failures, ""]
    return "\n".join(lines)

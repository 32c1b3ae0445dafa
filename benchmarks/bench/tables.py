"""The workload tables of the report: one Markdown table per workload over every corpus."""

from __future__ import annotations

from bench.formatting import fmt_cell, fmt_ratio
from bench.results import Results, combined, median_seconds
from bench.workloads import EDITED

TABLES: list[tuple[str, str, list[tuple[str, str]]]] = [
    ("startup", "Start-up: `argmap --help` vs `argdown --version`", [("argmap", "argdown")]),
    ("seed-check", "`argmap check` of the seed corpus (project claims/)", []),
    (
        "check",
        "`argmap check` vs `argdown json` and the floor",
        [("argmap-cold", "argdown"), ("argmap-cold", "floor"), ("argmap-warm", "floor")],
    ),
    ("audit", "`argmap audit` vs the floor", [("argmap-cold", "floor"), ("argmap-warm", "floor")]),
    (
        "check-edit",
        f"`argmap check`, warm, and warm after editing one file ({EDITED})",
        [("argmap-edited", "argmap-warm")],
    ),
    (
        "diff",
        f"`argmap diff HEAD` after rewording one claim in {EDITED}, vs `git diff --stat`",
        [("argmap-diff", "git-diff")],
    ),
    (
        "map-dot",
        "`argmap map --format dot` vs `argdown map --format dot` (whole corpus)",
        [("argmap-cold", "argdown"), ("argmap-warm", "argdown")],
    ),
    ("export", "`argmap export --format json` (whole corpus)", []),
    ("render", "`argmap render` of one document (single/doc-00001.yaml, self-contained)", []),
    ("evaluate", "`argmap evaluate` (grounded semantics, whole corpus)", []),
    ("track", "`argmap track --all` (every tracked claim)", []),
    ("map-svg", "10k claims: `argmap map --layout auto --format svg`", []),
]
"""Each workload table in report order: key, title, and (numerator, denominator) ratios."""


def workload_table(
    results: Results, key: str, title: str, ratios: list[tuple[str, str]]
) -> list[str]:
    """A Markdown table of one workload over every corpus it ran on."""
    corpora = [c for c in results.runs if key in results.runs[c]]
    if not corpora:
        return []
    columns = list(results.labels.get(key, {}))
    names = results.labels[key]
    head = [
        "corpus",
        *(names[c] for c in columns),
        *(f"{names[a]} / {names[b]}" for a, b in ratios),
    ]
    lines = [f"### {title}", "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for corpus in corpora:
        cells = [corpus, *(fmt_cell(results.get(corpus, key, c)) for c in columns)]
        for a, b in ratios:
            cells.append(
                fmt_ratio(
                    median_seconds(results.get(corpus, key, a)),
                    median_seconds(results.get(corpus, key, b)),
                )
            )
        lines.append("| " + " | ".join(cells) + " |")
    return [*lines, ""]


def combined_table(results: Results) -> list[str]:
    """check + audit (sum of the two processes) against the floor."""
    lines = [
        "### `check` + `audit` (sum of the two processes) vs the raw YAML parse",
        "",
        "| corpus | cold | warm | floor | cold / floor | warm / floor "
        "| yaml-rs floor | cold / yaml-rs floor |",
        "|---|---|---|---|---|---|---|---|",
    ]
    rows = 0
    for corpus in results.runs:
        if "check" not in results.runs[corpus] or "audit" not in results.runs[corpus]:
            continue
        cold, warm = combined(results, corpus, "cold"), combined(results, corpus, "warm")
        floor = results.get(corpus, "check", "floor")
        fast = results.get(corpus, "check", "fast-floor")
        lines.append(
            f"| {corpus} | {fmt_cell(cold)} | {fmt_cell(warm)} | {fmt_cell(floor)} | "
            f"{fmt_ratio(median_seconds(cold), median_seconds(floor))} | "
            f"{fmt_ratio(median_seconds(warm), median_seconds(floor))} | "
            f"{fmt_cell(fast)} | {fmt_ratio(median_seconds(cold), median_seconds(fast))} |"
        )
        rows += 1
    return [*lines, ""] if rows else []

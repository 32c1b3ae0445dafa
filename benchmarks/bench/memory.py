"""Peak memory per command at 100k claims: the table of RESULTS.md and the 512 MiB target.

Every argmap command the run measured at 100k gets one row: its cold and warm
peak RSS (the median of the runs), judged against :data:`LIMIT_MIB`.
"""

from __future__ import annotations

from bench.formatting import fmt_seconds
from bench.results import Results, median_rss, median_seconds

LIMIT_MIB = 512
"""The most memory any argmap command may take at 100k claims."""

CORPUS = "100k"
"""The corpus the memory target is judged on."""


def command_peaks(results: Results) -> dict[str, tuple[float, str]]:
    """Per argmap command run at 100k (workload / contestant): its median peak RSS and time."""
    peaks: dict[str, tuple[float, str]] = {}
    labels = results.labels
    for workload, cells in results.runs.get(CORPUS, {}).items():
        for key, runs in cells.items():
            if not key.startswith("argmap"):
                continue
            rss, seconds = median_rss(runs), median_seconds(runs)
            if rss is None or seconds is None:
                continue
            name = labels.get(workload, {}).get(key, key)
            peaks[f"{workload}: {name}"] = (rss, fmt_seconds(seconds))
    return peaks


def memory_table(results: Results) -> list[str]:
    """A Markdown table of every argmap command's peak RSS at 100k."""
    peaks = command_peaks(results)
    if not peaks:
        return []
    lines = [
        f"### Peak RSS of every argmap command at {CORPUS} (goal ≤ {LIMIT_MIB} MiB)",
        "",
        "| command | peak RSS | time | within the goal |",
        "|---|---|---|---|",
    ]
    for name, (rss, seconds) in sorted(peaks.items(), key=lambda item: -item[1][0]):
        lines.append(
            f"| {name} | {rss:.0f} MiB | {seconds} | {'yes' if rss <= LIMIT_MIB else 'no'} |"
        )
    return [*lines, ""]


def every_command_within(results: Results) -> tuple[str, str]:
    """The target: the largest peak at 100k, and the commands over the limit."""
    peaks = command_peaks(results)
    if not peaks:
        return "—", "not run"
    worst = max(peaks.items(), key=lambda item: item[1][0])
    over = [name for name, (rss, _) in peaks.items() if rss > LIMIT_MIB]
    measured = f"largest {worst[1][0]:.0f} MiB ({worst[0]})"
    if over:
        measured += f"; over: {', '.join(sorted(over))}"
    return measured, "met" if not over else "missed"

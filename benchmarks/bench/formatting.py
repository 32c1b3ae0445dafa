"""Turn runs and figures into the short strings of the progress log and the tables."""

from __future__ import annotations

from bench.process import Run
from bench.results import median_rss, median_seconds


def label(size: int) -> str:
    """1000 -> "1k", 100000 -> "100k"."""
    return f"{size // 1000}k" if size % 1000 == 0 else str(size)


def fmt_seconds(seconds: float) -> str:
    """Seconds with sensible precision."""
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def fmt_run(run: Run) -> str:
    """One run for the progress log."""
    if run.status == "n/a":
        return f"n/a ({run.stderr_tail})"
    text = f"{fmt_seconds(run.seconds)}, {run.rss_mib:.0f} MiB"
    return text if run.ok else f"{text} [{run.status}]"


def fmt_cell(runs: list[Run]) -> str:
    """A table cell: median time and RSS, or why there is none."""
    if not runs:
        return "—"
    seconds, rss = median_seconds(runs), median_rss(runs)
    if seconds is None or rss is None:
        statuses = sorted({r.status for r in runs})
        return "n/a" if statuses == ["n/a"] else ", ".join(statuses)
    failed = sum(not r.ok for r in runs)
    note = f" ({failed} failed)" if failed else ""
    return f"{fmt_seconds(seconds)} · {rss:.0f} MiB{note}"


def fmt_ratio(num: float | None, den: float | None) -> str:
    """num/den as "0.42×", or "—"."""
    if num is None or den is None or den == 0:
        return "—"
    return f"{num / den:.2f}×"

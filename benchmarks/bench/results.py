"""Every recorded run, by corpus, workload and contestant, and the medians drawn from them.

Numbers only; turning them into text is ``formatting``, ``tables`` and ``report``.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from bench.contestants import Contestant, Workload
from bench.process import Run


@dataclass
class Results:
    """Every run, by corpus label, workload and contestant."""

    runs: dict[str, dict[str, dict[str, list[Run]]]] = field(default_factory=dict)
    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    """Contestant labels by workload key."""
    corpora: dict[str, str] = field(default_factory=dict)
    """A one-line description of each corpus."""
    cache_seen: dict[str, bool] = field(default_factory=dict)
    """Per corpus: did a cold argmap run leave a cache folder behind?"""
    baseline_rss: float = 0.0
    """Peak RSS reported for `true`: what a child inherits from this process at fork."""

    def add(self, corpus: str, workload: Workload, contestant: Contestant, run: Run) -> None:
        """Record one run."""
        table = self.runs.setdefault(corpus, {}).setdefault(workload.key, {})
        table.setdefault(contestant.key, []).append(run)
        self.labels.setdefault(workload.key, {})[contestant.key] = contestant.label

    def get(self, corpus: str, workload: str, contestant: str) -> list[Run]:
        """The runs of one cell (empty when not run)."""
        return self.runs.get(corpus, {}).get(workload, {}).get(contestant, [])


def median_seconds(runs: list[Run]) -> float | None:
    """Median wall time of the successful runs, None when there are none."""
    good = [r.seconds for r in runs if r.ok]
    return statistics.median(good) if good else None


def median_rss(runs: list[Run]) -> float | None:
    """Median peak RSS of the successful runs."""
    good = [r.rss_mib for r in runs if r.ok]
    return statistics.median(good) if good else None


def combined(results: Results, corpus: str, kind: str) -> list[Run]:
    """check + audit per repetition (cold or warm), as one summed run each."""
    checks = results.get(corpus, "check", f"argmap-{kind}")
    audits = results.get(corpus, "audit", f"argmap-{kind}")
    out = []
    for c, a in zip(checks, audits, strict=False):
        status = "ok" if c.ok and a.ok else (c.status if not c.ok else a.status)
        out.append(Run(c.seconds + a.seconds, max(c.rss_mib, a.rss_mib), status))
    return out

"""The project's performance targets, and how each is judged met or missed from the runs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bench.formatting import fmt_seconds
from bench.memory import LIMIT_MIB, every_command_within
from bench.process import Run
from bench.results import Results, combined, median_seconds


@dataclass
class Target:
    """One performance target and how to judge it."""

    name: str
    goal: str
    judge: Callable[[Results], tuple[str, str]]
    """Returns (measured, verdict)."""


def _verdict(ok: bool) -> str:
    return "met" if ok else "missed"


def _why_missing(runs: list[Run]) -> str:
    if not runs:
        return "not run"
    statuses = sorted({r.status for r in runs if not r.ok})
    return "n/a" if statuses == ["n/a"] else "failed: " + ", ".join(statuses)


def _seconds_at_most(
    corpus: str, workload: str, contestant: str, limit: float
) -> Callable[[Results], tuple[str, str]]:
    def judge(results: Results) -> tuple[str, str]:
        runs = results.get(corpus, workload, contestant)
        seconds = median_seconds(runs)
        if seconds is None:
            return "—", _why_missing(runs)
        return fmt_seconds(seconds), _verdict(seconds <= limit and all(r.ok for r in runs))

    return judge


def _speedup_over_argdown(
    corpus: str, contestant: str, factor: float
) -> Callable[[Results], tuple[str, str]]:
    def judge(results: Results) -> tuple[str, str]:
        ours = results.get(corpus, "map-dot", contestant)
        theirs = results.get(corpus, "map-dot", "argdown")
        a, b = median_seconds(ours), median_seconds(theirs)
        if a is None or b is None:
            return "—", _why_missing(ours if a is None else theirs)
        return (
            f"{b / a:.1f}× faster ({fmt_seconds(a)} vs {fmt_seconds(b)})",
            _verdict(b / a >= factor),
        )

    return judge


def _startup(results: Results) -> tuple[str, str]:
    a = median_seconds(results.get("start-up", "startup", "argmap"))
    b = median_seconds(results.get("start-up", "startup", "argdown"))
    if a is None or b is None:
        return "—", _why_missing(
            results.get("start-up", "startup", "argmap" if a is None else "argdown")
        )
    return f"{fmt_seconds(a)} vs {fmt_seconds(b)} = 1/{b / a:.1f}", _verdict(a * 15 <= b)


def _check_audit_cold(results: Results) -> tuple[str, str]:
    runs = combined(results, "100k", "cold")
    a = median_seconds(runs)
    b = median_seconds(results.get("100k", "check", "floor"))
    if a is None or b is None:
        return "—", _why_missing(runs)
    fast = median_seconds(results.get("100k", "check", "fast-floor"))
    also = "" if fast is None else f"; {a / fast:.2f}× the yaml-rs floor ({fmt_seconds(fast)})"
    text = f"{fmt_seconds(a)} = {a / b:.2f}× floor ({fmt_seconds(b)}){also}"
    return text, _verdict(a <= 1.3 * b)


def _check_audit_warm(results: Results) -> tuple[str, str]:
    runs = combined(results, "100k", "warm")
    a = median_seconds(runs)
    if a is None:
        return "—", _why_missing(runs)
    return fmt_seconds(a), _verdict(a <= 1.5)


def _check_cold_fast_floor(results: Results) -> tuple[str, str]:
    ours = results.get("100k", "check", "argmap-cold")
    a = median_seconds(ours)
    b = median_seconds(results.get("100k", "check", "fast-floor"))
    if a is None or b is None:
        return "—", _why_missing(ours)
    return f"{fmt_seconds(a)} = {a / b:.2f}× ({fmt_seconds(b)})", _verdict(a <= 2 * b)


def _peak_rss(results: Results) -> tuple[str, str]:
    peaks = [
        run.rss_mib
        for table in results.runs.get("100k", {}).values()
        for key, runs in table.items()
        if key.startswith("argmap")
        for run in runs
        if run.ok
    ]
    if not peaks:
        return "—", "not run"
    return f"{max(peaks):.0f} MiB", _verdict(max(peaks) <= 1024)


TARGETS = [
    Target("`argmap --help`", "≥ 15× faster than `argdown --version`", _startup),
    Target(
        "`check` of the seed corpus (claims/), cold",
        "≤ 0.3 s",
        _seconds_at_most("seed", "seed-check", "argmap-cold", 0.3),
    ),
    Target(
        "20k-claim `map --format dot`, cold",
        "≥ 3× faster than Argdown",
        _speedup_over_argdown("20k", "argmap-cold", 3),
    ),
    Target(
        "20k-claim `map --format dot`, warm",
        "≥ 10× faster than Argdown",
        _speedup_over_argdown("20k", "argmap-warm", 10),
    ),
    Target("100k `check` + `audit`, cold", "≤ 1.3× the raw CSafeLoader parse", _check_audit_cold),
    Target("100k `check` + `audit`, warm", "≤ 1.5 s", _check_audit_warm),
    Target(
        "100k warm `check` after editing one file",
        "≤ 1.0 s",
        _seconds_at_most("100k", "check-edit", "argmap-edited", 1.0),
    ),
    Target("peak RSS of any argmap run at 100k", "≤ 1 GiB", _peak_rss),
    Target(
        "every argmap command at 100k, peak RSS",
        f"≤ {LIMIT_MIB} MiB each",
        every_command_within,
    ),
    Target("100k `check`, cold", "≤ 2× the yaml-rs floor", _check_cold_fast_floor),
    Target(
        "10k-node map, `--layout auto`, to SVG, cold",
        "complete SVG in ≤ 15 s",
        _seconds_at_most("10k", "map-svg", "argmap-cold", 15.0),
    ),
]

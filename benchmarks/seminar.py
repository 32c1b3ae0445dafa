"""Time the seminar outputs against their budgets, in headless Chromium.

Usage: ``.venv/bin/python benchmarks/seminar.py [--map-claims 1000] [--search-claims 10000]
[--out benchmarks/SEMINAR.md]``

Budgets (issue 19):
- the seed's HTML map (each document of ``claims/``) is at most 300 KB;
- a 1,000-claim map is interactive within 1 s of load: the first frame painted after
  the page's script ran (from then on it answers input), in ms from navigation start and
  after the load event; the floor beside it is the first frame painted of the same page
  with its script removed, once parsed, in the same browser;
- a search over 10,000 claims answers within 200 ms: ``argmap.search(q)`` (match,
  highlight, list) timed in the page, median of several queries.

Corpora come from ``generate.py`` (the whole corpus of N claims as one map) and
live under ``benchmarks/.work/seminar/``. Needs Debian's Chromium and the Python
``playwright`` package (``scripts/setup.sh`` installs both). Measures and reports;
asserts nothing.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.paths import REPO, WORK

ARGMAP = Path(sys.executable).parent / "argmap"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]  # fmt: skip
QUERIES = ("sanction", "pakistan", "minister", "zz-none", "trade", "a")
SEED_BUDGET = 300 * 1024
READY_BUDGET_MS = 1000.0
SEARCH_BUDGET_MS = 200.0


def run(*args: str) -> float:
    """Run argmap with *args*; return the seconds it took."""
    start = time.perf_counter()
    subprocess.run([str(ARGMAP), *args], check=True, capture_output=True)
    return time.perf_counter() - start


def corpus_map(claims: int) -> tuple[Path, float]:
    """The HTML map of a generated corpus of *claims* claims, and the seconds `html` took."""
    folder = WORK / "seminar" / str(claims)
    if not (folder / "claims").is_dir():
        generator = Path(__file__).resolve().parent / "generate.py"
        subprocess.run([sys.executable, str(generator), str(claims), str(folder)], check=True)
    out = folder / "map.html"
    return out, run("html", str(folder / "claims"), "-o", str(out), "--layout-timeout", "900")


PAINTED = """(() => {
  const tick = () => (%s)
    ? setTimeout(() => { window.__framed = performance.now(); }, 0)
    : requestAnimationFrame(tick);
  requestAnimationFrame(tick);
})();"""
"""Run before the page: on the first animation frame where the condition holds, a task
queued behind that frame's style, layout and paint records the time (so a main thread
still busy laying out the map delays it)."""


def load(browser: Any, path: Path, ready: str = "window.argmap && window.argmap.ready") -> Any:
    """A page with *path* loaded until *ready* holds and a frame was painted after it
    (``window.__framed``). The context bypasses the page's CSP (timing only)."""
    page = browser.new_page(viewport={"width": 1600, "height": 1000}, bypass_csp=True)
    page.add_init_script(PAINTED % ready)
    page.goto(path.resolve().as_uri(), timeout=600_000, wait_until="commit")
    page.wait_for_function("window.__framed > 0", timeout=600_000)
    return page


def ready_ms(browser: Any, path: Path, repeat: int) -> tuple[float, float, float, float]:
    """Medians, in ms from navigation start: the first frame painted after the script ran (it
    answers input from then on), when the script started, the page's load event, and the
    first frame painted after the same page without its script was parsed."""
    ready, started, loaded, floor = [], [], [], []
    bare = path.with_name("noscript.html")
    text = path.read_text(encoding="utf-8")
    bare.write_text(re.sub(r"<script>.*?</script>", "", text, flags=re.DOTALL), encoding="utf-8")
    load_end = "performance.getEntriesByType('navigation')[0].loadEventEnd"
    for _ in range(repeat):
        page = load(browser, path)
        page.wait_for_function(f"{load_end} > 0")
        ready.append(page.evaluate("window.__framed"))
        started.append(page.evaluate("window.argmap.startedAt"))
        loaded.append(page.evaluate(load_end))
        page.close()
        page = load(browser, bare, "document.readyState !== 'loading'")
        floor.append(page.evaluate("window.__framed"))
        page.close()
    medians = [statistics.median(x) for x in (ready, started, loaded, floor)]
    return medians[0], medians[1], medians[2], medians[3]


def search_ms(browser: Any, path: Path) -> tuple[float, dict[str, int]]:
    """Median ms of one search (match, highlight, list) over QUERIES, and each one's count."""
    page = load(browser, path)
    times, counts = [], {}
    for query in QUERIES * 3:
        took, count = page.evaluate(
            "q => { const t = performance.now(); const n = window.argmap.search(q);"
            " return [performance.now() - t, n]; }",
            query,
        )
        times.append(took)
        counts[query] = count
    page.close()
    return statistics.median(times), counts


def main(argv: list[str] | None = None) -> int:
    """Measure, print and write the report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--map-claims", type=int, default=1000)
    parser.add_argument("--search-claims", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "SEMINAR.md")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    lines = [
        "# Seminar outputs: budgets",
        "",
        "| what | measured | budget | met |",
        "|---|---|---|---|",
    ]
    (WORK / "seminar").mkdir(parents=True, exist_ok=True)
    for yaml in sorted((REPO / "claims").glob("*.yaml")):
        out = WORK / "seminar" / f"seed-{yaml.stem}.html"
        run("html", str(yaml), "-o", str(out))
        size = out.stat().st_size
        met = "yes" if size <= SEED_BUDGET else "no"
        lines.append(f"| seed HTML, {yaml.stem} | {size / 1024:.0f} KB | 300 KB | {met} |")
    big, big_s = corpus_map(args.map_claims)
    huge, huge_s = corpus_map(args.search_claims)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        ready, started, loaded, floor = ready_ms(browser, big, args.repeat)
        search, counts = search_ms(browser, huge)
        browser.close()
    after = max(0.0, ready - loaded)
    met = "yes" if after <= READY_BUDGET_MS else "no"
    lines.append(
        f"| {args.map_claims:,}-claim map: interactive after its load event | {after:.0f} ms "
        f"(script started at {started:.0f} ms, first frame painted after it at {ready:.0f} ms, "
        f"load event at {loaded:.0f} ms) "
        f"| 1,000 ms | {met} |"
    )
    met = "yes" if ready <= READY_BUDGET_MS else "no"
    lines.append(
        f"| {args.map_claims:,}-claim map: interactive from navigation start | {ready:.0f} ms "
        f"(the page without its script: {floor:.0f} ms, so {ready / floor:.2f}×) "
        f"| 1,000 ms | {met} |"
    )
    met = "yes" if search <= SEARCH_BUDGET_MS else "no"
    lines.append(
        f"| search over {args.search_claims:,} claims (median of {len(QUERIES) * 3}) "
        f"| {search:.1f} ms | 200 ms | {met} |"
    )
    lines += [
        "",
        f"`argmap html` took {big_s:.1f} s for {args.map_claims:,} claims "
        f"({big.stat().st_size / 1e6:.1f} MB) and {huge_s:.1f} s for {args.search_claims:,} "
        f"({huge.stat().st_size / 1e6:.1f} MB), Graphviz included.",
        f"Matches per query: {', '.join(f'{q!r}: {n}' for q, n in counts.items())}.",
        "",
        "Made by `benchmarks/seminar.py`; Chromium from /usr/bin/chromium, headless.",
    ]
    report = "\n".join(lines) + "\n"
    print(report)
    args.out.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

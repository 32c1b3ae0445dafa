"""Time argmap against the Argdown CLI and a raw YAML-parse floor, and write RESULTS.md.

Usage: ``.venv/bin/python benchmarks/run.py [--quick] [--sizes 1000,10000,100000]
[--repeat 3] [--out benchmarks/RESULTS.md]``

Every measurement is one whole process: wall time from spawn to exit, and the
child's peak RSS from ``os.wait4``. Within a repetition the contestants of a
workload run back to back (argmap cold, argmap warm, Argdown, floor, then the
next workload), so drift on a noisy machine hits all of them alike; the report
gives medians. Corpora come from ``generate.py`` into ``benchmarks/.work/``
and are reused while the generator is unchanged; the Argdown CLI is installed
into ``benchmarks/.peer/`` on first use. argmap commands that do not exist yet
are reported as "n/a". This script measures and reports; it asserts nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
WORK = HERE / ".work"
PEER = HERE / ".peer"
GENERATOR = HERE / "generate.py"
SEED_CLAIMS = REPO / "claims"

ARGDOWN_CLI_VERSION = "2.0.0"
PEER_PACKAGE_JSON = {
    "name": "argmap-bench-peer",
    "private": True,
    "description": "The Argdown CLI, installed by benchmarks/run.py for side-by-side timing.",
    "dependencies": {"@argdown/cli": ARGDOWN_CLI_VERSION},
    # cli 2.0.0 asks for a 2.x markdown-it plugin the registry does not have; 1.7.7 is
    # only used by the `markdown` command (it prints a harmless TypeError at start-up).
    "overrides": {"@argdown/markdown-it-plugin": "1.7.7"},
}
ARGDOWN_JS = PEER / "node_modules" / "@argdown" / "cli" / "dist" / "cli.js"

FLOOR_SCRIPT = (
    "import gc, sys, pathlib, yaml\n"
    "gc.disable()\n"
    "root = pathlib.Path(sys.argv[1])\n"
    "for p in sorted(root.rglob('*.yaml')):\n"
    "    if not any(s.startswith('.') for s in p.relative_to(root).parts):\n"
    "        yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)\n"
)
"""The floor: parse every claims file with libyaml in a fresh process, nothing else."""

CACHE_DIR = ".argmap-cache"
LARGE = 100_000
"""Corpora this big are repeated --large-repeat times instead of --repeat."""


# --- running one process ----------------------------------------------------


@dataclass
class Run:
    """One whole-process measurement."""

    seconds: float
    """Wall time from spawn to exit."""
    rss_mib: float
    """Peak resident set size of the child (and its waited-for children)."""
    status: str
    """One of: ok, exit N, timeout, incomplete output, n/a."""
    stderr_tail: str = ""
    """The end of stderr, kept when the run failed."""

    @property
    def ok(self) -> bool:
        """True when the process exited 0 and wrote what it should."""
        return self.status == "ok"


def _kill_group(pid: int, fired: list[bool]) -> None:
    fired.append(True)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)


def run_process(
    argv: list[str], cwd: Path, log_stem: Path, timeout: float, ok_codes: tuple[int, ...] = (0,)
) -> Run:
    """Run *argv* in *cwd*, stdout/stderr to log files; measure wall time and peak RSS."""
    log_stem.parent.mkdir(parents=True, exist_ok=True)
    out_path, err_path = log_stem.with_suffix(".out"), log_stem.with_suffix(".err")
    fired: list[bool] = []
    with out_path.open("wb") as out, err_path.open("wb") as err:
        start = time.perf_counter()
        try:
            proc = subprocess.Popen(
                argv,
                cwd=cwd,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=err,
                start_new_session=True,
            )
        except OSError as exc:
            return Run(0.0, 0.0, "n/a", f"cannot start {argv[0]}: {exc}")
        timer = threading.Timer(timeout, _kill_group, (proc.pid, fired))
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:
            _kill_group(proc.pid, fired)
            proc.wait()
            raise
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    rss_mib = usage.ru_maxrss / 1024  # KiB on Linux
    if fired:
        return Run(seconds, rss_mib, "timeout")
    if proc.returncode not in ok_codes:
        tail = err_path.read_text(encoding="utf-8", errors="replace")[-600:]
        return Run(seconds, rss_mib, f"exit {proc.returncode}", tail)
    return Run(seconds, rss_mib, "ok")


# --- contestants and workloads ----------------------------------------------


@dataclass
class Contestant:
    """One command line timed within a workload."""

    key: str
    """Column id, e.g. "argmap-cold"."""
    label: str
    """Column heading."""
    argv: list[str]
    cwd: Path
    cold: bool = False
    """Delete the argmap cache in *cwd* before each run."""
    available: str = ""
    """Empty when runnable, else why not (reported as n/a)."""
    outputs: list[Path] = field(default_factory=list)
    """Files or folders removed before each run and required (non-empty) after it."""
    svg: bool = False
    """The output must be a complete SVG document."""
    ok_codes: tuple[int, ...] = (0,)


@dataclass
class Workload:
    """Contestants compared on one corpus; titles and ratios live in TABLES."""

    key: str
    contestants: list[Contestant]


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


def remove(path: Path) -> None:
    """Delete a file or folder under benchmarks/.work (and nowhere else)."""
    if not path.resolve().is_relative_to(WORK.resolve()):
        raise ValueError(f"refusing to delete {path}: outside {WORK}")
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


def cache_dirs(cwd: Path) -> list[Path]:
    """Where argmap may put its cache when run in *cwd* on ``claims``."""
    return [cwd / CACHE_DIR, cwd / "claims" / CACHE_DIR]


def run_contestant(contestant: Contestant, log_dir: Path, timeout: float) -> Run:
    """Prepare (cold cache, clean outputs), run and verify one contestant."""
    if contestant.available:
        return Run(0.0, 0.0, "n/a", contestant.available)
    if contestant.cold:
        for path in cache_dirs(contestant.cwd):
            remove(path)
    for path in contestant.outputs:
        remove(path)
    run = run_process(
        contestant.argv, contestant.cwd, log_dir / contestant.key, timeout, contestant.ok_codes
    )
    if run.ok:
        for path in contestant.outputs:
            if not _nonempty(path) or (contestant.svg and not _complete_svg(path)):
                run.status = "incomplete output"
                run.stderr_tail = f"{path.name} missing, empty or truncated"
    return run


def _nonempty(path: Path) -> bool:
    if path.is_dir():
        return any(path.iterdir())
    return path.is_file() and path.stat().st_size > 0


def _complete_svg(path: Path) -> bool:
    with path.open("rb") as handle:
        handle.seek(max(0, path.stat().st_size - 64))
        return handle.read().rstrip().endswith(b"</svg>")


# --- the tools --------------------------------------------------------------


@dataclass
class Tools:
    """The executables, and which argmap commands and options exist."""

    argmap: Path
    python: Path
    node: str | None
    argdown_why_not: str
    """Empty when the Argdown CLI is runnable, else the reason."""
    commands: dict[str, str] = field(default_factory=dict)
    """`--help` text of each argmap command that exists."""

    def argmap_missing(self, command: str, *options: str) -> str:
        """Empty when `argmap COMMAND` (with *options*) exists, else why it is n/a."""
        if command not in self.commands:
            return f"argmap has no '{command}' command yet"
        missing = [o for o in options if o not in self.commands[command]]
        return f"argmap {command} has no {', '.join(missing)} yet" if missing else ""

    def argdown(self, *args: str) -> list[str]:
        """An Argdown CLI command line."""
        return [self.node or "node", str(ARGDOWN_JS), *args]


def find_tools(skip_peer: bool) -> Tools:
    """Locate argmap (beside this Python), node and the Argdown CLI; install the peer."""
    python = Path(sys.executable)
    argmap = python.parent / "argmap"
    if not argmap.exists():
        sys.exit(
            f"run.py: no argmap beside {python}; run it with the venv's python, "
            f"e.g. .venv/bin/python benchmarks/run.py"
        )
    commands: dict[str, str] = {}
    for command in ("check", "audit", "map", "render"):
        proc = subprocess.run(
            [str(argmap), command, "--help"], capture_output=True, text=True, check=False
        )
        if proc.returncode == 0:
            commands[command] = proc.stdout
    node = shutil.which("node")
    why_not = "skipped (--no-peer)" if skip_peer else ensure_peer(node)
    return Tools(argmap, python, node, why_not, commands)


def ensure_peer(node: str | None) -> str:
    """Install @argdown/cli into benchmarks/.peer when missing; return why it is unusable."""
    if node is None:
        return "node is not installed"
    if ARGDOWN_JS.exists():
        return ""
    npm = shutil.which("npm")
    if npm is None:
        return "npm is not installed"
    PEER.mkdir(parents=True, exist_ok=True)
    (PEER / "package.json").write_text(json.dumps(PEER_PACKAGE_JSON, indent=2) + "\n")
    print(f"installing @argdown/cli {ARGDOWN_CLI_VERSION} into {PEER} …", file=sys.stderr)
    proc = subprocess.run(
        [npm, "install", "--no-audit", "--no-fund", "--loglevel=error"],
        cwd=PEER,
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    if proc.returncode != 0 or not ARGDOWN_JS.exists():
        print(proc.stderr[-2000:], file=sys.stderr)
        return f"npm install failed (exit {proc.returncode})"
    return ""


# --- corpora ----------------------------------------------------------------


def corpus_dir(size: int) -> Path:
    """Where the generated corpus of *size* claims lives."""
    return WORK / f"corpus-{size}"


def ensure_corpus(size: int) -> Path:
    """Generate the corpus of *size* claims unless an up-to-date one is present."""
    root = corpus_dir(size)
    marker = root / ".complete"
    stamp = f"{size} {hashlib.sha256(GENERATOR.read_bytes()).hexdigest()}\n"
    if marker.exists() and marker.read_text() == stamp:
        return root
    print(f"generating {size} claims into {root} …", file=sys.stderr)
    if root.exists():
        remove(root)
    root.mkdir(parents=True)
    subprocess.run([sys.executable, str(GENERATOR), str(size), str(root)], check=True)
    marker.write_text(stamp)
    return root


def describe_corpus(root: Path) -> str:
    """Files and megabytes of a corpus."""
    files = sorted((root / "claims").glob("*.yaml"))
    size = sum(p.stat().st_size for p in files) / 1e6
    text = f"{len(files)} YAML file{'' if len(files) == 1 else 's'}, {size:.1f} MB"
    argdown_file = root / "map.argdown"
    if argdown_file.exists():
        text += f"; map.argdown {argdown_file.stat().st_size / 1e6:.1f} MB"
    return text


def prepare_seed() -> Path:
    """A fresh copy of the project's claims/ under .work, so runs never touch the repo."""
    root = WORK / "seed"
    if root.exists():
        remove(root)
    root.mkdir(parents=True)
    if SEED_CLAIMS.is_dir():
        shutil.copytree(SEED_CLAIMS, root / "claims", ignore=shutil.ignore_patterns(CACHE_DIR))
    return root


# --- the workloads ----------------------------------------------------------


def argmap_pair(
    tools: Tools,
    command: str,
    args: list[str],
    cwd: Path,
    options: tuple[str, ...] = (),
    outputs: list[Path] | None = None,
    svg: bool = False,
    ok_codes: tuple[int, ...] = (0,),
) -> list[Contestant]:
    """argmap *command* cold (cache deleted first) and warm (cache from the cold run)."""
    missing = tools.argmap_missing(command, *options)
    argv = [str(tools.argmap), command, *args]
    return [
        Contestant(
            f"argmap-{kind}",
            f"argmap {kind}",
            argv,
            cwd,
            cold=kind == "cold",
            available=missing,
            outputs=list(outputs or []),
            svg=svg,
            ok_codes=ok_codes,
        )
        for kind in ("cold", "warm")
    ]


def startup_workloads(tools: Tools, seed: Path) -> list[Workload]:
    """Start-up, and `check` of the project's own claims."""
    argdown = Contestant(
        "argdown",
        "argdown --version",
        tools.argdown("--version"),
        WORK,
        available=tools.argdown_why_not,
    )
    help_ = Contestant("argmap", "argmap --help", [str(tools.argmap), "--help"], WORK)
    seed_check = argmap_pair(tools, "check", ["claims"], seed)
    return [Workload("startup", [help_, argdown]), Workload("seed-check", seed_check)]


def corpus_workloads(
    tools: Tools, root: Path, size: int, full: bool, argdown_max: int
) -> list[Workload]:
    """The workloads run on one generated corpus (*full* False: the map comparison only)."""
    peer = tools.argdown_why_not or (
        f"Argdown only up to {argdown_max} claims" if size > argdown_max else ""
    )
    out, adout = root / "out", root / "argdown-out"
    floor = Contestant(
        "floor", "CSafeLoader floor", [str(tools.python), "-c", FLOOR_SCRIPT, "claims"], root
    )
    dot_map = Workload(
        "map-dot",
        [
            *argmap_pair(
                tools,
                "map",
                ["claims", "--format", "dot", "-o", str(out / "map.dot")],
                root,
                outputs=[out / "map.dot"],
            ),
            Contestant(
                "argdown",
                "argdown map",
                tools.argdown("map", "map.argdown", str(adout), "--format", "dot"),
                root,
                available=peer,
                outputs=[adout / "map.dot"],
            ),
        ],
    )
    if not full:
        return [dot_map]
    render_out = out / "render"
    workloads = [
        Workload(
            "check",
            [
                *argmap_pair(tools, "check", ["claims"], root),
                Contestant(
                    "argdown",
                    "argdown json",
                    tools.argdown("json", "map.argdown", str(adout)),
                    root,
                    available=peer,
                    outputs=[adout / "map.json"],
                ),
                floor,
            ],
        ),
        Workload("audit", [*argmap_pair(tools, "audit", ["claims"], root), floor]),
        dot_map,
        Workload(
            "render",
            argmap_pair(
                tools,
                "render",
                ["single/doc-00001.yaml", "--out", str(render_out)],
                root,
                outputs=[render_out],
            ),
        ),
    ]
    if size == 10_000:
        svg = out / "map.svg"
        workloads.append(
            Workload(
                "map-svg",
                argmap_pair(
                    tools,
                    "map",
                    ["claims", "--layout", "auto", "--format", "svg", "-o", str(svg)],
                    root,
                    options=("--layout",),
                    outputs=[svg],
                    svg=True,
                ),
            )
        )
    return workloads


# --- running everything -----------------------------------------------------


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


def label(size: int) -> str:
    """1000 -> "1k", 100000 -> "100k"."""
    return f"{size // 1000}k" if size % 1000 == 0 else str(size)


# --- reporting --------------------------------------------------------------


def fmt_seconds(seconds: float) -> str:
    """Seconds with sensible precision."""
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def fmt_run(run: Run) -> str:
    """One run for the progress log."""
    if run.status == "n/a":
        return f"n/a ({run.stderr_tail})"
    text = f"{fmt_seconds(run.seconds)}, {run.rss_mib:.0f} MiB"
    return text if run.ok else f"{text} [{run.status}]"


def median_seconds(runs: list[Run]) -> float | None:
    """Median wall time of the successful runs, None when there are none."""
    good = [r.seconds for r in runs if r.ok]
    return statistics.median(good) if good else None


def median_rss(runs: list[Run]) -> float | None:
    """Median peak RSS of the successful runs."""
    good = [r.rss_mib for r in runs if r.ok]
    return statistics.median(good) if good else None


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


def combined(results: Results, corpus: str, kind: str) -> list[Run]:
    """check + audit per repetition (cold or warm), as one summed run each."""
    checks = results.get(corpus, "check", f"argmap-{kind}")
    audits = results.get(corpus, "audit", f"argmap-{kind}")
    out = []
    for c, a in zip(checks, audits, strict=False):
        status = "ok" if c.ok and a.ok else (c.status if not c.ok else a.status)
        out.append(Run(c.seconds + a.seconds, max(c.rss_mib, a.rss_mib), status))
    return out


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
        "| corpus | cold | warm | floor | cold / floor | warm / floor |",
        "|---|---|---|---|---|---|",
    ]
    rows = 0
    for corpus in results.runs:
        if "check" not in results.runs[corpus] or "audit" not in results.runs[corpus]:
            continue
        cold, warm = combined(results, corpus, "cold"), combined(results, corpus, "warm")
        floor = results.get(corpus, "check", "floor")
        lines.append(
            f"| {corpus} | {fmt_cell(cold)} | {fmt_cell(warm)} | {fmt_cell(floor)} | "
            f"{fmt_ratio(median_seconds(cold), median_seconds(floor))} | "
            f"{fmt_ratio(median_seconds(warm), median_seconds(floor))} |"
        )
        rows += 1
    return [*lines, ""] if rows else []


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
    return f"{fmt_seconds(a)} vs {fmt_seconds(b)} = 1/{b / a:.1f}", _verdict(a * 6 <= b)


def _check_audit_cold(results: Results) -> tuple[str, str]:
    runs = combined(results, "100k", "cold")
    a = median_seconds(runs)
    b = median_seconds(results.get("100k", "check", "floor"))
    if a is None or b is None:
        return "—", _why_missing(runs)
    return f"{fmt_seconds(a)} = {a / b:.2f}× floor ({fmt_seconds(b)})", _verdict(a <= 1.3 * b)


def _check_audit_warm(results: Results) -> tuple[str, str]:
    runs = combined(results, "100k", "warm")
    a = median_seconds(runs)
    if a is None:
        return "—", _why_missing(runs)
    return fmt_seconds(a), _verdict(a <= 1.5)


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
    Target("`argmap --help`", "≤ 1/6 of `argdown --version`", _startup),
    Target(
        "`check` of the seed corpus (claims/), cold",
        "≤ 0.4 s",
        _seconds_at_most("seed", "seed-check", "argmap-cold", 0.4),
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
    Target("peak RSS of any argmap run at 100k", "≤ 1 GiB", _peak_rss),
    Target(
        "10k-node map, `--layout auto`, to SVG, cold",
        "complete SVG in ≤ 15 s",
        _seconds_at_most("10k", "map-svg", "argmap-cold", 15.0),
    ),
]


def capture(argv: list[str], cwd: Path = REPO) -> str:
    """First line of a command's output (stdout, else stderr), or "not found"."""
    try:
        proc = subprocess.run(
            argv, capture_output=True, text=True, check=False, cwd=cwd, timeout=60
        )
    except (OSError, subprocess.TimeoutExpired):
        return "not found"
    text = (proc.stdout.strip() or proc.stderr.strip()).splitlines()
    return text[0] if text else "not found"


def machine_lines(tools: Tools) -> list[str]:
    """Machine and software versions, as Markdown table rows."""
    cpu = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    ram = "unknown"
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    yaml_info = capture(
        [
            str(tools.python),
            "-c",
            "import yaml; print(yaml.__version__, 'with libyaml' "
            "if yaml.__with_libyaml__ else 'WITHOUT libyaml (pure Python)')",
        ]
    )
    argmap_version = capture(
        [str(tools.python), "-c", "import importlib.metadata as m; print(m.version('argmap'))"]
    )
    commit = capture(["git", "rev-parse", "--short", "HEAD"])
    dirty = capture(["git", "status", "--porcelain", "--", "src"])
    if dirty != "not found":
        commit += " + uncommitted changes in src/"
    peer_version = "not installed"
    with contextlib.suppress(OSError, ValueError):
        cli = json.loads((ARGDOWN_JS.parent.parent / "package.json").read_text())
        core = json.loads((PEER / "node_modules/@argdown/core/package.json").read_text())
        peer_version = f"{cli['version']} (core {core['version']})"
    cpus = len(os.sched_getaffinity(0))
    return [
        f"| machine | {cpus} CPUs ({os.cpu_count()} online), {cpu}, {ram} RAM, "
        f"{platform.system()} {platform.release()} |",
        f"| Python | {platform.python_version()} ({sys.executable}) |",
        f"| argmap | {argmap_version} at {commit}; commands found: "
        f"{', '.join(sorted(tools.commands)) or 'none'} |",
        f"| PyYAML | {yaml_info} |",
        f"| Graphviz | {capture(['dot', '-V'])} |",
        f"| Node | {capture([tools.node or 'node', '--version'])} |",
        f"| @argdown/cli | {peer_version} |",
        f"| date | {dt.datetime.now(dt.UTC).strftime('%Y-%m-%d %H:%M UTC')} |",
    ]


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
        "map-dot",
        "`argmap map --format dot` vs `argdown map --format dot` (whole corpus)",
        [("argmap-cold", "argdown"), ("argmap-warm", "argdown")],
    ),
    ("render", "`argmap render` of one document (single/doc-00001.yaml, self-contained)", []),
    ("map-svg", "10k claims: `argmap map --layout auto --format svg`", []),
]
"""Each workload table in report order: key, title, and (numerator, denominator) ratios."""


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


# --- command line -----------------------------------------------------------


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
        "--out",
        type=Path,
        default=HERE / "RESULTS.md",
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
        run_workloads(results, name, workloads, repeat, args.timeout)

    text = report(results, tools, args)
    args.out.write_text(text + "\n", encoding="utf-8")
    sys.stderr.flush()
    print(text, flush=True)
    print(f"\nwrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Time a cold load against the yaml-rs parse floor, or profile it per phase and per file.

Usage: ``.venv/bin/python benchmarks/coldload.py CORPUS [--repeat 3]``,
``... CORPUS --per-file [--repeat 3]`` and ``... CORPUS --profile [--command map]``

CORPUS is a folder with ``claims/`` (one made by ``generate.py``; use a copy,
since its ``.argmap-cache/`` is deleted). The timing mode runs, in each
repetition and back to back, three whole processes: the yaml-rs floor (a fresh
Python that only parses every claims file with ``yaml_rs.loads``, gc off, as
``run.py`` does), a cold ``argmap check claims`` and a cold ``argmap map claims
--format dot -o /dev/null`` (the cache deleted before each); it prints medians of
wall time and of CPU time (the process and its parse workers), each with its ratio
to the floor of the same run. On a busy machine the CPU ratio is the steadier one.

The per-file mode times, in this process and without a profiler, what a parse
worker does for each file (``warm_file``: read, hash, scan, parse, validate,
extract, store the facts) against ``yaml_rs.loads`` alone on the same texts, in
CPU time, which a busy machine disturbs least.

The profile mode runs one cold command in this process under cProfile, with
the parse workers' jobs run here too, in order, so their work shows; it prints
what each phase of the load costs per claims file (cumulative time of the
functions that do it) and the functions with the most time of their own. Timings grow under
the profiler; compare phases with each other, not with the timing mode.

It measures and reports; it asserts nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from bench.tools import compile_argmap
from bench.workloads import FAST_FLOOR_SCRIPT

COMMANDS = {
    "check": ["check", "claims"],
    "map": ["map", "claims", "--format", "dot", "-o", os.devnull],
}
"""The cold commands timed, by name, as argmap's arguments (run in the corpus folder)."""

T = TypeVar("T")
R = TypeVar("R")

PHASES = (
    ("parse workers' share (all below)", "incremental.py", "warm_file"),
    ("  read the file", "files.py", "read_regular"),
    ("  slow-path scan", "fast.py", "needs_slow_path"),
    ("  yaml-rs parse", "~", "<built-in method yaml_rs._yaml_rs._loads>"),
    ("  depth bound", "bounds.py", "deeper_than"),
    ("  pydantic validation", "loader.py", "_validate"),
    ("  extract facts", "extract.py", "extract"),
    ("  store facts", "facts_cache.py", "put_payload"),
    ("  store models", "parse_cache.py", "put"),
    ("  hash the bytes", "parse_cache.py", "digest"),
    ("facts read back (not handed over)", "facts_cache.py", "get_many"),
    ("  checked_facts", "facts_check.py", "checked_facts"),
    ("scan and hash the files", "discovery.py", "scan"),
    ("fact table", "tabulate.py", "build_table"),
    ("checks", "checks.py", "run_checks"),
)
"""What the profile mode reports: a label, and the file and function whose cumulative
time is that phase (a phase whose function is gone is left out)."""


def _argmap() -> Path:
    return Path(sys.executable).parent / "argmap"


def _cold(corpus: Path) -> None:
    shutil.rmtree(corpus / ".argmap-cache", ignore_errors=True)


@dataclass
class _Run:
    """One whole process, measured."""

    wall: float
    """Seconds from spawn to exit."""
    cpu: float
    """User and system seconds of the process and the children it waited for (workers)."""
    rss_mib: float
    """Peak resident set size."""
    code: int
    """The exit status."""


def _run(argv: list[str], cwd: Path, log: Path) -> _Run:
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out, stderr=out)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    return _Run(wall, cpu, usage.ru_maxrss / 1024, proc.returncode)


def _time(corpus: Path, repeat: int) -> None:
    logs = corpus / "out" / "coldload-logs"
    runs: dict[str, list[_Run]] = {"yaml-rs floor": [], **{name: [] for name in COMMANDS}}
    floor = [sys.executable, "-c", FAST_FLOOR_SCRIPT, str(corpus / "claims")]
    for at in range(repeat):
        runs["yaml-rs floor"].append(_run(floor, corpus, logs / f"floor-{at}.log"))
        for name, args in COMMANDS.items():
            _cold(corpus)
            runs[name].append(_run([str(_argmap()), *args], corpus, logs / f"{name}-{at}.log"))
    wall = statistics.median(run.wall for run in runs["yaml-rs floor"])
    cpu = statistics.median(run.cpu for run in runs["yaml-rs floor"])
    print(f"{corpus}: medians of {repeat} (cold: .argmap-cache deleted before each)")
    print(f"{'':14} {'wall s':>7} {'× floor':>7} {'CPU s':>7} {'× floor':>7} {'MiB':>5}  wall each")
    for name, done in runs.items():
        seconds = statistics.median(run.wall for run in done)
        used = statistics.median(run.cpu for run in done)
        rss = statistics.median(run.rss_mib for run in done)
        each = " ".join(f"{run.wall:.2f}" for run in done)
        bad = sorted({f"exit {run.code}" for run in done if run.code not in (0, 1)})
        note = f"  ({', '.join(bad)})" if bad else ""
        print(
            f"{name:14} {seconds:7.2f} {seconds / wall:7.2f} {used:7.2f} {used / cpu:7.2f} "
            f"{rss:5.0f}  {each}{note}"
        )


def _per_file(corpus: Path, repeat: int) -> None:
    """A worker's work per file, unprofiled, against yaml-rs alone on the same files."""
    import gc
    import tempfile

    import yaml_rs

    from argmap.load.cache.parse_cache import ParseCache
    from argmap.load.incremental import warm_file
    from argmap.load.limits import Limits

    gc.disable()  # as in argmap and the floor
    paths = sorted((corpus / "claims").rglob("*.yaml"))
    texts = [path.read_text(encoding="utf-8") for path in paths]
    parse, work, system = [], [], []
    for _ in range(repeat):
        start = time.process_time()
        for text in texts:
            yaml_rs.loads(text)
        parse.append(time.process_time() - start)
        with tempfile.TemporaryDirectory(dir=corpus) as folder:
            cache = ParseCache(Path(folder))
            start, before = time.process_time(), os.times().system
            for path in paths:
                warm_file(path, cache, limits=Limits(), models=False)
            work.append(time.process_time() - start)
            system.append(os.times().system - before)
    each, alone = statistics.median(work), statistics.median(parse)
    kernel = statistics.median(system) / len(paths) * 1000
    print(f"{len(paths)} files, CPU per file, medians of {repeat}:")
    print(f"yaml_rs.loads alone  {alone / len(paths) * 1000:.3f} ms")
    print(f"a worker's warm_file {each / len(paths) * 1000:.3f} ms = {each / alone:.2f}x")
    print(f"  of which system    {kernel:.3f} ms (reading the file, writing its entry)")


class _InProcess:
    """Stands in for the parse workers' pool: runs each job here, in order, profiled."""

    def __init__(self, *args: object, **options: object) -> None:
        pass

    def __enter__(self) -> _InProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def map(self, function: Callable[[T], R], jobs: Iterable[T]) -> Iterator[R]:
        """Each job's result, computed now."""
        return iter([function(job) for job in jobs])


def _profile(corpus: Path, command: str, top: int) -> None:
    from argmap.cli.program import main
    from argmap.load.cache import prewarm

    files = sum(1 for _ in (corpus / "claims").rglob("*.yaml"))
    _cold(corpus)
    prewarm.usable_cores = lambda: 2  # as on two cores, but the "workers" run here
    setattr(prewarm, "ProcessPoolExecutor", _InProcess)  # noqa: B010 (a private name)
    sys.argv = ["argmap", *COMMANDS[command]]
    os.chdir(corpus)
    profiler = cProfile.Profile()
    with (
        open(os.devnull, "w") as quiet,
        contextlib.redirect_stdout(quiet),
        contextlib.suppress(SystemExit),
    ):
        profiler.runcall(main)
    stats = pstats.Stats(profiler)
    # {(file, line, function): (primitive calls, calls, own time, cumulative, callers)}
    table = stats.stats  # type: ignore[attr-defined]
    total = sum(entry[2] for entry in table.values())
    print(f"cold `argmap {' '.join(COMMANDS[command])}` on one core, {files} files")
    print(f"all: {total:.2f} s = {total / files * 1000:.2f} ms per file\n")
    print(f"{'phase (cumulative)':36} {'s':>6} {'ms/file':>8}")
    for label, file, name in PHASES:
        found = [
            entry[3]
            for (path, _, function), entry in table.items()
            if function == name and path.endswith(file)
        ]
        if found:
            seconds = max(found)
            print(f"{label:36} {seconds:6.2f} {seconds / files * 1000:8.3f}")
    print(f"\n{'own time (tottime)':60} {'s':>6} {'ms/file':>8} {'calls':>9}")
    ranked = sorted(table.items(), key=lambda item: item[1][2], reverse=True)[:top]
    for (path, line, name), (_, calls, own, _, _) in ranked:
        where = f"{Path(path).name}:{line}({name})" if path != "~" else name
        print(f"{where[:60]:60} {own:6.2f} {own / files * 1000:8.3f} {calls:9}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a corpus folder with claims/ (a copy)")
    parser.add_argument("--repeat", type=int, default=3, help="repetitions; medians reported")
    parser.add_argument("--profile", action="store_true", help="profile one cold run instead")
    parser.add_argument(
        "--per-file", action="store_true", help="time a worker's work per file instead"
    )
    parser.add_argument("--command", choices=sorted(COMMANDS), default="check")
    parser.add_argument("--top", type=int, default=25, help="functions listed when profiling")
    options = parser.parse_args()
    corpus = options.corpus.resolve()
    if not (corpus / "claims").is_dir():
        parser.error(f"{corpus} has no claims/ folder")
    compile_argmap()
    if options.profile:
        _profile(corpus, options.command, options.top)
    elif options.per_file:
        _per_file(corpus, options.repeat)
    else:
        _time(corpus, options.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())

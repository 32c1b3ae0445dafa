"""Filling the parse cache on every core before a large cold load.

Parsing YAML is most of a cold load and runs on one core. When many bytes
are not yet in the parse cache, worker processes (one per core) parse and
validate those files and store them in the cache; the main process then
loads everything through the cache as usual. Workers may hand back what
they made for each file (the loader's facts, as marshal bytes), which the
main process takes as it comes instead of reading it back from the cache:
they are forks of it, running its code, so what they send is trusted as
its own work would be. Any failure here only means the main process reads
or parses those files itself: this is an optimisation, never a source of
results or diagnostics of its own.

Workers never outlive the command: each asks the kernel to kill it when its
parent dies (``prctl(PR_SET_PDEATHSIG)`` on Linux, a watching thread
elsewhere), and each lets go of the parent's standard streams at once, so
``argmap check | cat`` sees the end of its input as soon as argmap is gone.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from argmap import progress
from argmap.load.cache.parse_cache import ParseCache

PARSING = "parsing claims files"
"""The progress label of parsing (here on every core, or in the loader on one)."""

PARALLEL_MIN_BYTES = 2_000_000
"""Below this many uncached bytes, starting workers costs more than it saves."""


def usable_cores() -> int:
    """How many cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


ParseIntoCache = Callable[[Path, ParseCache], object]
"""Parses one file and stores it in the cache (the loader's ``load_file``); what it returns
goes to *keep* (see :func:`prewarm`) when the caller asks for it."""


def prewarm(
    keys: dict[Path, tuple[str, int]],
    cache: ParseCache,
    parse: ParseIntoCache,
    workers: int | None = None,
    min_bytes: int = PARALLEL_MIN_BYTES,
    done: Callable[[str], bool] | None = None,
    keep: Callable[[Any], None] | None = None,
) -> int:
    """Parse the files of *keys* (path -> cache key, size) that *cache* lacks, in parallel.

    *parse* runs in the workers, once per file; it must be a module-level function.
    *done* says which keys need no parsing (default: those *cache* has). With *keep*,
    what *parse* returns for each file (unless None) is sent back and given to *keep*,
    in the main process, as the workers finish.

    Returns how many files were given out to workers.
    """
    workers = usable_cores() if workers is None else workers
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return 0
    done = done or cache.has
    todo = [(size, path) for path, (key, size) in keys.items() if not done(key)]
    if not todo or sum(size for size, _ in todo) < min_bytes:
        return 0
    batches: list[list[Path]] = [[] for _ in range(workers * 4)]
    loads = [0] * len(batches)
    for size, path in sorted(todo, reverse=True):  # biggest first onto the lightest batch
        lightest = loads.index(min(loads))
        batches[lightest].append(path)
        loads[lightest] += size
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(
            workers, mp_context=context, initializer=start_worker, initargs=(os.getpid(),)
        ) as pool:
            jobs = [(batch, cache, parse, keep is not None) for batch in batches if batch]
            parsed = 0
            progress.step(PARSING, 0, len(todo))
            for count, made in pool.map(_warm, jobs):
                parsed += count
                if keep is not None:
                    for value in made:
                        keep(value)
                progress.step(PARSING, parsed, len(todo))
    except Exception:
        return 0
    return len(todo)


def _warm(job: tuple[list[Path], ParseCache, ParseIntoCache, bool]) -> tuple[int, list[Any]]:
    batch, cache, parse, send = job  # the run's own cache: its entry size and parse limits
    made = [parse(path, cache) for path in batch]
    return len(batch), [value for value in made if value is not None] if send else []


_PR_SET_PDEATHSIG = 1


def start_worker(parent: int) -> None:
    """Tie a worker's life to *parent*'s, and detach it from the parent's streams."""
    try:
        armed = (
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
        )
    except (OSError, AttributeError):  # not Linux
        armed = False
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)
    if not armed:
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    quiet = os.open(os.devnull, os.O_RDWR)  # opened for reading and writing, never replaced
    for stream in (0, 1, 2):
        os.dup2(quiet, stream)
    if quiet > 2:
        os.close(quiet)


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)

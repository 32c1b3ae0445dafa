"""The progress line argmap draws on a terminal's stderr during long work.

One line, redrawn in place (carriage return, then erase to the end of the
line): the work under way, a bar and a count when the work is counted, and
the seconds it has taken so far. A ticking thread keeps the seconds moving
while nothing reports (a Graphviz layout). Work that ends before
:data:`SHOW_AFTER` seconds never draws, so quick commands look as before.
The line is wiped before anything else is written and when the work ends.
The command line installs it (:func:`install`) only when stderr is a terminal
and `--quiet` is not given; `rich` is not used, as its console costs start-up time.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from typing import TextIO

from argmap import progress

SHOW_AFTER = 0.5
"""Seconds a stretch of work runs before its line is drawn (ARGMAP_PROGRESS_AFTER)."""

TICK = 0.2
"""Seconds between redraws."""

BAR_WIDTH = 20
"""Cells of the bar of counted work."""


class ProgressLine:
    """A :class:`argmap.progress.Sink` drawing one line on *stream*."""

    def __init__(self, stream: TextIO, show_after: float = SHOW_AFTER) -> None:
        self.stream = stream
        """The terminal drawn on."""
        self.show_after = show_after
        """Seconds before a stretch of work is drawn."""
        self.label: str | None = None
        """The work under way; None when there is none."""
        self.counts: tuple[int | None, int | None] = (None, None)
        """Done and total items of the work under way (None, None: not counted)."""
        self.started = 0.0
        """When the work under way started (monotonic seconds)."""
        self.since = 0.0
        """When the present run of work began, after the last :meth:`finish`."""
        self.drawn = False
        """True while a line is on the screen."""
        self.last = 0.0
        """When the line was last drawn."""
        self._lock = threading.Lock()
        self._ticker: threading.Thread | None = None
        if hasattr(os, "register_at_fork"):  # no fork while the ticker is mid-write (a
            # worker would inherit stderr's lock held, and hang flushing it at exit)
            os.register_at_fork(
                before=self._lock.acquire,
                after_in_parent=self._lock.release,
                after_in_child=self._lock.release,
            )

    def show(self, label: str, done: int | None, total: int | None) -> None:
        with self._lock:
            now = time.monotonic()
            fresh = label != self.label
            if fresh:
                self.since = now if self.label is None else self.since
                self.label, self.started = label, now
            self.counts = (done, total)
            if fresh or now - self.last >= TICK:  # thousands of files: not a draw each
                self._draw()
        if self._ticker is None:
            self._ticker = threading.Thread(target=self._tick, daemon=True)
            self._ticker.start()

    def finish(self) -> None:
        with self._lock:
            self.label = None
            self._wipe()

    def wipe(self) -> None:
        """Take the line away (before other text is written); the next report redraws."""
        with self._lock:
            self._wipe()

    def text(self, now: float, columns: int) -> str:
        """The line for the work under way at *now*, cut to *columns* - 1 characters."""
        elapsed = f"{now - self.started:.1f} s"
        done, total = self.counts
        if done is None or not total:
            line = f"argmap: {self.label} … {elapsed}"
        else:
            filled = min(BAR_WIDTH, BAR_WIDTH * done // total)
            bar = "#" * filled + "." * (BAR_WIDTH - filled)
            line = f"argmap: {self.label} [{bar}] {done}/{total} {elapsed}"
        return line[: max(columns - 1, 10)]

    def _draw(self) -> None:
        now = time.monotonic()
        if self.label is None or now - self.since < self.show_after:
            return
        try:
            columns = os.get_terminal_size(self.stream.fileno()).columns or 80
        except (OSError, ValueError):
            columns = 80  # a terminal that does not say its size
        self._write("\r" + self.text(now, columns) + "\x1b[K")
        self.drawn, self.last = True, now

    def _wipe(self) -> None:
        if self.drawn:
            self._write("\r\x1b[K")
            self.drawn = False

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):  # a closed terminal: progress is not worth an error
            pass

    def _tick(self) -> None:
        while True:
            time.sleep(TICK)
            with self._lock:
                self._draw()


_line: ProgressLine | None = None


def install() -> None:
    """Show progress on stderr (the caller knows it is a terminal and `--quiet` is not set)."""
    global _line
    try:
        after = float(os.environ.get("ARGMAP_PROGRESS_AFTER", SHOW_AFTER))
    except ValueError:
        after = SHOW_AFTER
    _line = ProgressLine(sys.stderr, after)
    progress.install(_line)


def wipe() -> None:
    """Clear the progress line, if one is drawn, before writing to the terminal."""
    if _line is not None:
        _line.wipe()

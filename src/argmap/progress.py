"""Progress of long work, reported by the stages and shown (or not) by the command line.

Loading, rendering and layout call :func:`step` (so many of so many done)
and :func:`running` (a stretch of work of unknown length, such as a Graphviz
layout). By default nothing happens: no sink is installed, and a call costs a
global lookup. The command line installs a sink (:mod:`argmap.cli.progress_bar`)
only when stderr is a terminal and `--quiet` was not given. Nothing here prints.

A forked worker process starts with no sink, so workers never draw on the
parent's terminal.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol


class Sink(Protocol):
    """Where progress goes: the command line's bar."""

    def show(self, label: str, done: int | None, total: int | None) -> None:
        """*label* is under way: *done* of *total* items (None: counted in seconds)."""

    def finish(self) -> None:
        """The current stretch of work is over: take its line away."""


_sink: Sink | None = None


def install(sink: Sink | None) -> None:
    """Send progress to *sink* from now on (None: show nothing)."""
    global _sink
    _sink = sink


def active() -> bool:
    """True when progress is shown (callers may then skip counting work)."""
    return _sink is not None


def step(label: str, done: int, total: int) -> None:
    """*done* of *total* items of *label* are finished."""
    if _sink is not None:
        _sink.show(label, done, total)


def finish() -> None:
    """The work reported last is over."""
    if _sink is not None:
        _sink.finish()


@contextmanager
def running(label: str) -> Iterator[None]:
    """Report *label* as running, with its elapsed time, for the length of the block."""
    if _sink is None:
        yield
        return
    _sink.show(label, None, None)
    try:
        yield
    finally:
        finish()


def _forget_in_child() -> None:
    install(None)


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_in_child)

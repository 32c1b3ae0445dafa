"""The typer app with every command registered, and the entry point that runs it.

:mod:`argmap.cli.app` holds the typer app and the helpers every command shares;
each other module registers one group of commands on it. Commands import the
library lazily, inside their bodies, so `argmap --help` and light commands do
not pay for graphviz or markdown-it. Exit codes: 0 clean, 1 problems found,
2 usage or I/O error.
"""

from __future__ import annotations

import errno
import gc
import io
import os
import sys
from typing import NoReturn

from argmap.cli.app import EXIT_USAGE, OutputError, app, echo, keep_until_exit
from argmap.cli.commands import (
    check,
    diff,
    edit,
    edit_entries,
    evaluate,
    info,
    ingest,
    interchange,
    listing,
    map_command,
    render,
    seminar,
    track,
)

__all__ = ["app", "main", "run"]

map_command.register(app)
render.register(app)
seminar.register(app)
_COMMAND_MODULES = (
    check,
    diff,
    edit,
    edit_entries,
    evaluate,
    info,
    ingest,
    interchange,
    listing,
    map_command,
    render,
    seminar,
    track,
)


def main() -> None:
    """Entry point: run the app, turning unexpected errors into one line, not a traceback."""
    # One short-lived process that builds millions of objects and no garbage cycles:
    # the cycle collector would only rescan them (about 40% of a 100k-claim map).
    gc.disable()
    _stand_in_for_closed_streams()
    code: int | str | None = 0
    try:
        app()
    except SystemExit as done:
        code = done.code
    except KeyboardInterrupt:
        code = 130
    except OutputError as exc:
        code = _output_failed(exc)
    except Exception as exc:
        if os.environ.get("ARGMAP_DEBUG"):
            raise
        echo(f"argmap: internal error: {type(exc).__name__}: {exc}", err=True)
        echo("  hint: set ARGMAP_DEBUG=1 for a traceback, and report it", err=True)
        code = EXIT_USAGE
    try:
        sys.stdout.flush()
    except OSError as exc:
        code = _output_failed(exc)
    sys.exit(code)


def run() -> NoReturn:
    """The `argmap` executable: :func:`main`, then leave at once.

    Python would otherwise free what the command built object by object before
    the process ends (a tenth of a second at 100,000 claims); the operating
    system takes the memory back in one go. Output is flushed first (by
    :func:`main`); anything unusual leaves the ordinary way.
    """
    keep_until_exit()
    code: int | str | None = 0
    try:
        main()
    except SystemExit as done:
        code = done.code
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        sys.exit(code)
    if not isinstance(code, int | None):
        sys.exit(code)
    os._exit(code or 0)


def _output_failed(exc: OSError) -> int:
    """Report that stdout cannot be written, and stop Python from trying again at exit."""
    if exc.errno != errno.EPIPE:  # a closed pipe (`| head`) is no news to the reader
        echo(f"argmap: error: cannot write to standard output: {exc.strerror or exc}", err=True)
    try:  # the unwritten rest must not fail again at exit: send it nowhere
        quiet = os.open(os.devnull, os.O_WRONLY)
        os.dup2(quiet, sys.stdout.fileno())
        os.close(quiet)
    except (OSError, ValueError):  # no descriptor to redirect (stdout was closed at start)
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (kept to exit)
    return EXIT_USAGE


class _Closed(io.RawIOBase):
    """What stands in for a standard stream that was closed when argmap started
    (`argmap check >&-`): writing it fails like writing any unwritable output."""

    def writable(self) -> bool:
        return True

    def write(self, data: object) -> int:
        raise OSError(errno.EBADF, "it is closed")


def _stand_in_for_closed_streams() -> None:
    """Python sets a stream closed at start to None, and the first print would fail with
    an AttributeError: a closed stdout fails on write instead (reported like a full disk,
    exit 2, and only when there is something to write); a closed stderr drops messages."""
    if sys.stdout is None:
        sys.stdout = io.TextIOWrapper(io.BufferedWriter(_Closed()), encoding="utf-8")
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (kept to exit)

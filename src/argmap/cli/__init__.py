"""The argmap command line: the only layer that prints, writes or picks exit codes.

:func:`run` is the `argmap` executable. It imports typer and the commands
(:mod:`argmap.cli.program`) for everything but one request: `argmap --help` at
the width click would give it anyway (a terminal of 80 columns or more, or
none), which it answers from ``help.txt``, the text typer prints for it,
kept beside this module. That takes a tenth of the time of importing typer;
tests/test_help_text.py requires the file to equal typer's output, and
``scripts/update-help.sh`` rewrites it. Nothing else is answered here.
Exit codes: 0 clean, 1 problems found, 2 usage or I/O error.
"""

from __future__ import annotations

import errno
import os
import sys
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    from argmap.cli.program import main

__all__ = ["main", "run"]

HELP_FILE = os.path.join(os.path.dirname(__file__), "help.txt")
"""typer's `argmap --help` at click's widest text (78 columns), kept as a file."""

HELP_COLUMNS = 80
"""Click wraps help to min(terminal columns, 80) - 2: from 80 columns on, the text is one."""


def run() -> NoReturn:
    """The `argmap` executable: the stored help when that is all that is asked, else typer."""
    if sys.argv[1:] == ["--help"] and _is_stored_help_current():
        _print_stored_help()
    from argmap.cli.program import run as run_app

    run_app()


def _is_stored_help_current() -> bool:
    """True when typer would print exactly the stored text: the program is called
    `argmap` (click names it after the file run) and the help gets the full width."""
    return os.path.basename(sys.argv[0]) == "argmap" and terminal_columns() >= HELP_COLUMNS


def terminal_columns() -> int:
    """The columns click sizes help for: :func:`shutil.get_terminal_size`'s, without
    importing shutil (COLUMNS, else the terminal on stdout, else 80)."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
        columns = columns or 80
    return columns


def _print_stored_help() -> None:
    """Print help.txt and leave; if it cannot be read, return and let typer answer."""
    try:
        with open(HELP_FILE, "rb") as handle:
            text = handle.read()
    except OSError:
        return
    try:
        view = memoryview(text)
        while view:
            view = view[os.write(1, view) :]
    except OSError as exc:  # as typer's path: a closed pipe is no news, the rest is said
        if exc.errno != errno.EPIPE:
            message = f"argmap: error: cannot write to standard output: {exc.strerror or exc}\n"
            os.write(2, message.encode("utf-8", "replace"))
        os._exit(2)
    os._exit(0)


def __getattr__(name: str) -> Any:
    """`main` comes from :mod:`argmap.cli.program`, imported on first use (the typer app
    is :data:`argmap.cli.program.app`: ``argmap.cli.app`` is the module that defines it)."""
    if name == "main":
        from argmap.cli import program

        return program.main
    raise AttributeError(f"module 'argmap.cli' has no attribute {name!r}")

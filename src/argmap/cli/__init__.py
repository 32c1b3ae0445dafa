"""The argmap command line: the only layer that prints, writes or picks exit codes.

:mod:`argmap.cli.app` holds the typer app and the helpers every command shares;
each other module registers one group of commands on it. Commands import the
library lazily, inside their bodies, so `argmap --help` and light commands do
not pay for graphviz or markdown-it. Exit codes: 0 clean, 1 problems found,
2 usage or I/O error.
"""

from __future__ import annotations

import gc
import os
import sys
from typing import NoReturn

import typer

from argmap.cli import check, edit, info, ingest, interchange, render
from argmap.cli.app import EXIT_USAGE, app, keep_until_exit

__all__ = ["app", "main", "run"]

render.register(app)
_COMMAND_MODULES = (check, edit, info, ingest, interchange, render)


def main() -> None:
    """Entry point: run the app, turning unexpected errors into one line, not a traceback."""
    # One short-lived process that builds millions of objects and no garbage cycles:
    # the cycle collector would only rescan them (about 40% of a 100k-claim map).
    gc.disable()
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:
        if os.environ.get("ARGMAP_DEBUG"):
            raise
        typer.echo(f"argmap: internal error: {type(exc).__name__}: {exc}", err=True)
        typer.echo("  hint: set ARGMAP_DEBUG=1 for a traceback, and report it", err=True)
        sys.exit(EXIT_USAGE)


def run() -> NoReturn:
    """The `argmap` executable: :func:`main`, then leave at once.

    Python would otherwise free what the command built object by object before
    the process ends (a tenth of a second at 100,000 claims); the operating
    system takes the memory back in one go. Output is flushed first.
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
        sys.exit(code)  # let Python report it and clean up as usual
    if isinstance(code, str):
        sys.exit(code)
    os._exit(code or 0)

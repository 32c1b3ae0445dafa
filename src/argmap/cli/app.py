"""The typer app and what every command shares: options, exit codes, errors, output.

Command modules beside this one register their commands on :data:`app`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

if TYPE_CHECKING:
    from argmap.check.project import Project
    from argmap.diagnostics import Diagnostic

app = typer.Typer(
    name="argmap",
    help="Claims as code: check, audit and map the arguments of policy commentaries.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        from argmap import __version__

        typer.echo(f"argmap {__version__}")
        raise typer.Exit(0)


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Claims as code: check, audit and map the arguments of policy commentaries."""


EXIT_PROBLEMS, EXIT_USAGE = 1, 2
"""Exit codes besides 0 (clean): problems found; usage or I/O error."""

PathArg = Annotated[Path, typer.Argument(help="Claims folder or file.", show_default=True)]
DEFAULT_PATH = Path("claims")
Output = Annotated[Path | None, typer.Option("--output", "-o", help="Write to FILE.")]
NoCache = Annotated[
    bool, typer.Option("--no-cache", help="Neither read nor write the .argmap-cache/ parse cache.")
]


def fail(message: str, code: int = EXIT_USAGE, hint: str | None = None) -> NoReturn:
    """Print an error line (and hint) to stderr and exit."""
    typer.echo(f"argmap: error: {message}", err=True)
    if hint:
        typer.echo(f"  hint: {hint}", err=True)
    raise typer.Exit(code)


def print_diagnostics(diagnostics: list[Diagnostic], err: bool = True) -> None:
    """Print diagnostics in the located format."""
    for diagnostic in diagnostics:
        typer.echo(diagnostic.format(), err=err)


_kept: list[object] | None = None


def keep_until_exit() -> None:
    """Keep every project a command opens alive until the process ends (see ``main``)."""
    global _kept
    _kept = []


def load_project(path: Path, no_cache: bool, models: bool = True) -> Project:
    """Open the claims at *path*, through the cache unless *no_cache*; *models* as in
    :func:`~argmap.check.project.open_claims`."""
    from argmap.check.project import open_claims
    from argmap.load.cache import CACHE_DIR_NAME
    from argmap.load.yamlsource import HAVE_LIBYAML

    if not HAVE_LIBYAML:
        typer.echo(
            "argmap: warning: PyYAML has no libyaml here, so loading is 5-10x slower\n"
            "  hint: install libyaml (apt-get install libyaml-dev), then "
            "pip install --force-reinstall --no-binary pyyaml pyyaml",
            err=True,
        )
    project = open_claims(path, None if no_cache else Path(CACHE_DIR_NAME), models)
    if _kept is not None:
        _kept.append(project)
    return project


def open_or_exit(path: Path, no_cache: bool = False, models: bool = True) -> Project:
    """Open the claims at *path*; on load or check errors, print them and exit."""
    project = load_project(path, no_cache, models)
    if project.missing:
        print_diagnostics(project.diagnostics)
        raise typer.Exit(EXIT_USAGE)
    if project.errors:
        print_diagnostics(project.diagnostics)
        fail(
            f"{len(project.errors)} error(s) in the claims",
            EXIT_PROBLEMS,
            f"run 'argmap check {path}' for details",
        )
    return project


def write_output(text: str | bytes | Iterable[str], output: Path | None) -> None:
    """Write *text* (whole or in chunks) atomically to *output*, or to stdout when None."""
    if output is None:
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
        else:
            sys.stdout.writelines([text] if isinstance(text, str) else text)
        return
    from argmap.load.files import write_atomic

    try:
        write_atomic(output, text)
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")

"""The typer app and what every command shares: options, exit codes, errors, output.

Command modules beside this one register their commands on :data:`app`.
Everything argmap prints passes through the output helpers here, which is
the one place that makes text safe for a terminal or a log: control
characters (C0, C1, DEL) and bidirectional overrides from claims, ids or
file names are shown as escapes (``\x1b``, ``\u202e``), and a newline inside a
message cannot start a forged line.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from argmap.cli.terminal import json_safe as json_safe
from argmap.cli.terminal import json_text as json_text
from argmap.cli.terminal import terminal_safe as terminal_safe
from argmap.load.limits import MAX_ALIAS_NODES, MAX_DEPTH, MAX_FILE_BYTES, MB, Limits

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

        echo(f"argmap {__version__}")
        raise typer.Exit(0)


def positive_seconds(value: float) -> float:
    """Refuse a time that is not a finite number above zero (nan, inf, -5)."""
    if not math.isfinite(value) or value <= 0:
        raise typer.BadParameter(f"{value:g} is not a number of seconds above 0")
    return value


def _positive_megabytes(value: float) -> float:
    if not math.isfinite(value) or value <= 0:
        raise typer.BadParameter(f"{value:g} is not a size in MB above 0")
    return value


@app.callback()
def _options(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
    max_file_size: Annotated[
        float,
        typer.Option(
            "--max-file-size",
            metavar="MB",
            callback=_positive_megabytes,
            help="Largest claims file or text_file read, in MB.",
        ),
    ] = MAX_FILE_BYTES / MB,
    max_alias_nodes: Annotated[
        int,
        typer.Option(
            "--max-alias-nodes", min=0, help="Most YAML values aliases may add to one file."
        ),
    ] = MAX_ALIAS_NODES,
    max_depth: Annotated[
        int, typer.Option("--max-depth", min=1, help="Deepest nesting of lists and mappings.")
    ] = MAX_DEPTH,
    text_root: Annotated[
        Path | None,
        typer.Option(
            "--text-root",
            exists=True,
            file_okay=False,
            help="Folder text_file copies must lie in (default: the claims folder).",
        ),
    ] = None,
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", help="No progress line on stderr during long work."),
    ] = False,
) -> None:
    """Claims as code: check, audit and map the arguments of policy commentaries."""
    if not quiet and sys.stderr is not None and sys.stderr.isatty():
        __import__("argmap.cli.progress_bar").cli.progress_bar.install()
    ctx.obj = Limits(int(max_file_size * MB), max_alias_nodes, max_depth, text_root)


EXIT_PROBLEMS, EXIT_USAGE = 1, 2
"""Exit codes besides 0 (clean): problems found; usage or I/O error."""

PathArg = Annotated[Path, typer.Argument(help="Claims folder or file.", show_default=True)]
DEFAULT_PATH = Path("claims")
Output = Annotated[Path | None, typer.Option("--output", "-o", help="Write to FILE.")]
NoCache = Annotated[
    bool, typer.Option("--no-cache", help="Neither read nor write the .argmap-cache/ parse cache.")
]


class OutputError(OSError):
    """Standard output could not be written (a full disk, /dev/full, a closed pipe)."""


def _print(text: str, *, err: bool, nl: bool = True) -> None:
    _wipe_progress()
    try:
        typer.echo(text, err=err, nl=nl)
    except OSError as exc:
        if not err:  # nothing can be said about a broken stderr
            raise OutputError(exc.errno, exc.strerror) from None


def _wipe_progress() -> None:
    """Take the progress line away (if one may be drawn) before text reaches the terminal."""
    if bar := sys.modules.get("argmap.cli.progress_bar"):
        bar.wipe()


def echo(text: str, *, err: bool = False) -> None:
    """Print one line, made safe: nothing in *text* can move the cursor or start a line."""
    _print(terminal_safe(text), err=err)


def echo_block(text: str, *, err: bool = False, nl: bool = True) -> None:
    """Print text of several lines (a table, a claim), each made safe."""
    _print(terminal_safe(text, keep_newlines=True), err=err, nl=nl)


def echo_data(text: str) -> None:
    """Print machine-readable text (JSON made by :func:`json_text`) to stdout as it is."""
    _print(text, err=False)


def shown_path(path: Path | str, limit: int = 120) -> str:
    """A path for a message, its middle cut out when it is longer than *limit*."""
    text = str(path)
    return text if len(text) <= limit else f"{text[: limit // 2]}…{text[-limit // 2 :]}"


def fail(message: str, code: int = EXIT_USAGE, hint: str | None = None) -> NoReturn:
    """Print an error line (and hint) to stderr and exit."""
    echo(f"argmap: error: {message}", err=True)
    if hint:
        echo(f"  hint: {hint}", err=True)
    raise typer.Exit(code)


def print_diagnostics(diagnostics: list[Diagnostic], err: bool = True) -> None:
    """Print diagnostics in the located format, each line made safe."""
    for diagnostic in diagnostics:
        for line in diagnostic.lines():
            echo(line, err=err)


_kept: list[object] | None = None


def keep_until_exit() -> None:
    """Keep every project a command opens alive until the process ends (see ``cli.run``)."""
    global _kept
    _kept = []


def load_project(
    ctx: typer.Context,
    path: Path,
    no_cache: bool,
    models: bool = True,
    warnings: bool = True,
) -> Project:
    """Open the claims at *path*, through the cache unless *no_cache*; *models* and
    *warnings* as in :func:`~argmap.check.project.open_claims`.

    The limits are those the options before the command set (kept on *ctx*).
    """
    from argmap.check.project import open_claims
    from argmap.load.cache.parse_cache import CACHE_DIR_NAME

    limits = ctx.find_object(Limits) or Limits()
    cache_dir = None if no_cache else Path(CACHE_DIR_NAME)
    project = open_claims(path, cache_dir, limits, models, warnings)
    # Only a run that parsed files imported the YAML reader; a warm run needs no warning.
    yamlsource = sys.modules.get("argmap.load.yaml.source")
    if yamlsource is not None and not yamlsource.HAVE_LIBYAML:
        echo("argmap: warning: PyYAML has no libyaml here, so loading is 5-10x slower", err=True)
        echo(
            "  hint: install libyaml (apt-get install libyaml-dev), then "
            "pip install --force-reinstall --no-binary pyyaml pyyaml",
            err=True,
        )
    if _kept is not None:
        _kept.append(project)
    return project


def open_or_exit(
    ctx: typer.Context,
    path: Path,
    no_cache: bool = False,
    models: bool = True,
) -> Project:
    """Open the claims at *path*; on load or check errors, print them and exit.

    Warnings are printed only with errors, so they are looked for only then.
    """
    project = load_project(ctx, path, no_cache, models, warnings=False)
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


def write_output(
    text: str | bytes | Iterable[str],
    output: Path | None,
    *,
    human: bool = False,
    force: bool | None = None,
) -> None:
    """Write *text* (whole or in chunks) atomically to *output*, or to stdout when None.

    Text for people (*human*: a table) is always made safe line by line, as is
    any text shown on a terminal; a document format into a file or pipe goes
    byte for byte, as written to renders/. With *force* given (a command with a
    `--force` option), an existing output or a symlink is refused unless it is True;
    without it, an existing file is replaced and a symlink's target written.
    """
    if human and not isinstance(text, bytes):
        text = terminal_safe(text if isinstance(text, str) else "".join(text), keep_newlines=True)
    if output is None:
        _wipe_progress()
        tty = sys.stdout.isatty()
        try:
            if isinstance(text, bytes):
                if tty:
                    safe = terminal_safe(text.decode("utf-8", "replace"), keep_newlines=True)
                    text = safe.encode()
                sys.stdout.buffer.write(text)
            else:
                chunks = [text] if isinstance(text, str) else text
                if tty:
                    chunks = (terminal_safe(chunk, keep_newlines=True) for chunk in chunks)
                sys.stdout.writelines(chunks)
            sys.stdout.flush()
        except OSError as exc:
            raise OutputError(exc.errno, exc.strerror) from None
        return
    from argmap.load.writes import WriteRefused, write_atomic

    try:
        if force is None:
            write_atomic(output, text, links="follow")
        else:
            write_atomic(output, text, force=force, replace=False)
    except WriteRefused as refused:
        fail(refused.message, EXIT_USAGE, refused.hint)
    except OSError as exc:
        fail(f"cannot write {shown_path(output)}: {exc.strerror or exc}")

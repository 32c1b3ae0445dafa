"""The argmap command line: the only place that prints, writes or picks exit codes.

Commands import the library lazily, inside their bodies, so `argmap --help`
and light commands do not pay for graphviz or markdown-it. Exit codes:
0 clean, 1 problems found, 2 usage or I/O error.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

if TYPE_CHECKING:
    from argmap.diagnostics import Diagnostic
    from argmap.project import Project

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


class CheckFormat(StrEnum):
    """Output formats of `check`."""

    text = "text"
    json = "json"


class AuditFormat(StrEnum):
    """Output formats of `audit`."""

    table = "table"
    json = "json"
    markdown = "markdown"


class ExportFormat(StrEnum):
    """Output formats of `export`."""

    json = "json"


class FailOn(StrEnum):
    """Audit findings that can fail the run."""

    unsourced = "unsourced"


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


def load_project(path: Path, no_cache: bool) -> Project:
    """Open the claims at *path*, through the parse cache unless *no_cache*."""
    from argmap.cache import CACHE_DIR_NAME
    from argmap.project import open_claims
    from argmap.yamlsource import HAVE_LIBYAML

    if not HAVE_LIBYAML:
        typer.echo(
            "argmap: warning: PyYAML has no libyaml here, so loading is 5-10x slower\n"
            "  hint: install libyaml (apt-get install libyaml-dev), then "
            "pip install --force-reinstall --no-binary pyyaml pyyaml",
            err=True,
        )
    return open_claims(path, None if no_cache else Path(CACHE_DIR_NAME))


def open_or_exit(path: Path, no_cache: bool = False) -> Project:
    """Open the claims at *path*; on load or check errors, print them and exit."""
    project = load_project(path, no_cache)
    if project.loaded.missing:
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
    from argmap.files import write_atomic

    try:
        write_atomic(output, text)
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")


@app.command()
def check(
    path: PathArg = DEFAULT_PATH,
    strict: Annotated[bool, typer.Option(help="Fail on warnings too.")] = False,
    format: Annotated[CheckFormat, typer.Option("--format", help="Output format.")] = (
        CheckFormat.text
    ),
    no_cache: NoCache = False,
) -> None:
    """Check claims files: syntax, fields, ids, references, cycles and quotes."""
    import json

    project = load_project(path, no_cache)
    errors, warnings = len(project.errors), len(project.warnings)
    files = len(project.loaded.files)
    if format is CheckFormat.json:
        payload = {
            "files": files,
            "errors": errors,
            "warnings": warnings,
            "diagnostics": [d.to_json() for d in project.diagnostics],
        }
        typer.echo(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        print_diagnostics(project.diagnostics, err=False)
        claims = len(project.corpus.claims)
        typer.echo(
            f"{files} file(s), {claims} claim(s): {errors} error(s), {warnings} warning(s)",
            err=True,
        )
    if project.loaded.missing:
        raise typer.Exit(EXIT_USAGE)
    if errors or (strict and warnings):
        raise typer.Exit(EXIT_PROBLEMS)


@app.command()
def audit(
    path: PathArg = DEFAULT_PATH,
    format: Annotated[AuditFormat, typer.Option("--format", help="Output format.")] = (
        AuditFormat.table
    ),
    fail_on: Annotated[
        FailOn | None, typer.Option("--fail-on", help="Exit 1 when this finding occurs.")
    ] = None,
    output: Output = None,
    no_cache: NoCache = False,
) -> None:
    """Audit sourcing: unsourced claims, citation gaps, uncited sources, coverage."""
    from argmap.audit import audit as run_audit
    from argmap.audit_format import FORMATTERS

    project = open_or_exit(path, no_cache)
    report = run_audit(project.index)
    write_output(FORMATTERS[format.value](report, project.corpus), output)
    if fail_on is FailOn.unsourced and report.unsourced:
        typer.echo(f"argmap: {len(report.unsourced)} unsourced claim(s)", err=True)
        raise typer.Exit(EXIT_PROBLEMS)


@app.command()
def export(
    path: PathArg = DEFAULT_PATH,
    format: Annotated[ExportFormat, typer.Option("--format", help="Export format.")] = (
        ExportFormat.json
    ),
    output: Output = None,
    no_cache: NoCache = False,
) -> None:
    """Export the whole resolved corpus (see README for the shape)."""
    import json

    from argmap.export import export_corpus

    project = open_or_exit(path, no_cache)
    text = json.dumps(export_corpus(project.index), indent=2, ensure_ascii=False) + "\n"
    write_output(text, output)


@app.command()
def schema() -> None:
    """Print the JSON Schema of a claims file, for editors' YAML language servers."""
    import json

    from argmap.model import ClaimFile

    data = ClaimFile.model_json_schema(by_alias=True)
    data["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False))


@app.command()
def codes() -> None:
    """List every diagnostic code with its severity and meaning."""
    from argmap.codes import CODES

    width = max(len(code) for code in CODES)
    for info in CODES.values():
        typer.echo(f"{info.code:<{width}}  {info.severity.value:<7}  {info.summary}")


@app.command()
def show(
    claim_id: Annotated[str, typer.Argument(metavar="ID", help="Claim id.")],
    path: PathArg = DEFAULT_PATH,
    no_cache: NoCache = False,
) -> None:
    """Show one claim: speakers, citations, and what supports and opposes it."""
    from argmap.diagnostics import did_you_mean
    from argmap.show import format_claim

    project = open_or_exit(path, no_cache)
    if claim_id in project.corpus.links:
        link = project.corpus.links[claim_id]
        fail(
            f"'{claim_id}' is a link, not a claim",
            hint=f"show one of its ends: argmap show {link.from_[0]}",
        )
    if claim_id not in project.corpus.claims:
        fail(f"no claim '{claim_id}'", hint=did_you_mean(claim_id, project.corpus.claims))
    typer.echo(format_claim(project.index, claim_id), nl=False)


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


from argmap import cli_render  # noqa: E402  (registers map, brief, perspectives, render)

cli_render.register(app)

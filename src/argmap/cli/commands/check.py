"""Commands that read and judge the claims: check and audit."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from argmap.cli.app import (
    DEFAULT_PATH,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    NoCache,
    Output,
    PathArg,
    app,
    echo,
    echo_data,
    json_text,
    load_project,
    open_or_exit,
    print_diagnostics,
    write_output,
)


class CheckFormat(StrEnum):
    """Output formats of `check`."""

    text = "text"
    json = "json"


class AuditFormat(StrEnum):
    """Output formats of `audit`."""

    table = "table"
    json = "json"
    markdown = "markdown"


class FailOn(StrEnum):
    """Audit findings that can fail the run."""

    unsourced = "unsourced"


@app.command()
def check(
    ctx: typer.Context,
    path: PathArg = DEFAULT_PATH,
    strict: Annotated[bool, typer.Option(help="Fail on warnings too.")] = False,
    format: Annotated[CheckFormat, typer.Option("--format", help="Output format.")] = (
        CheckFormat.text
    ),
    no_cache: NoCache = False,
) -> None:
    """Check claims files: syntax, fields, ids, references, cycles and quotes."""
    project = load_project(ctx, path, no_cache, models=False)
    errors, warnings = len(project.errors), len(project.warnings)
    files = project.file_count
    if format is CheckFormat.json:
        payload = {
            "files": files,
            "errors": errors,
            "warnings": warnings,
            "diagnostics": [d.to_json() for d in project.diagnostics],
        }
        echo_data(json_text(payload))
    else:
        print_diagnostics(project.diagnostics, err=False)
        claims = project.claim_count
        echo(
            f"{files} file(s), {claims} claim(s): {errors} error(s), {warnings} warning(s)",
            err=True,
        )
    if project.missing:
        raise typer.Exit(EXIT_USAGE)
    if errors or (strict and warnings):
        raise typer.Exit(EXIT_PROBLEMS)


@app.command()
def audit(
    ctx: typer.Context,
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
    from argmap.render.markdown.audit_format import FORMATTERS

    project = open_or_exit(ctx, path, no_cache, models=False)
    report = project.audit()
    text = FORMATTERS[format.value](report)
    write_output(text, output, human=format is AuditFormat.table)
    if fail_on is FailOn.unsourced and report.unsourced:
        echo(f"argmap: {len(report.unsourced)} unsourced claim(s)", err=True)
        raise typer.Exit(EXIT_PROBLEMS)

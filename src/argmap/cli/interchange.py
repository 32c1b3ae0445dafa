"""Interchange commands: import Argdown, AIF or Kialo into a claims file; export the corpus.

`import` prints the importer's diagnostics, writes nothing when any is an
error (exit 1), and otherwise writes the claims file and runs `argmap check`
on it, so what it wrote is known to load. `export` writes the whole corpus in
one of the formats of :mod:`argmap.formats.exporters`.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

import typer

from argmap.cli.app import (
    DEFAULT_PATH,
    EXIT_PROBLEMS,
    NoCache,
    Output,
    PathArg,
    app,
    fail,
    open_or_exit,
    print_diagnostics,
    write_output,
)
from argmap.formats.exporters import ExportFormat
from argmap.formats.importers import ImportFormat


@app.command("import")
def import_command(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="Argdown, AIF JSON or Kialo text.")],
    format: Annotated[
        ImportFormat | None,
        typer.Option("--format", help="Input format; default: from the extension or content."),
    ] = None,
    output: Output = None,
) -> None:
    """Import an Argdown, AIF/xAIF or Kialo file as a claims file (YAML)."""
    from argmap.check.project import open_claims
    from argmap.diagnostics import sorted_diagnostics
    from argmap.formats.importers import import_file
    from argmap.formats.yaml_write import emit_claim_file

    try:
        raw = file.read_bytes()
    except OSError as exc:
        fail(f"cannot read {file}: {exc.strerror or exc}")
    fmt, imported = import_file(file, raw, format)
    print_diagnostics(sorted_diagnostics(imported.diagnostics))
    if imported.failed:
        errors = sum(1 for d in imported.diagnostics if d.severity.value == "error")
        fail(f"{errors} error(s) in {file}; nothing written", EXIT_PROBLEMS)
    text = emit_claim_file(imported)
    name = (output.name if output else f"{file.stem}.yaml").replace(" ", "-")
    with tempfile.TemporaryDirectory(prefix="argmap-import-") as scratch:
        target = Path(scratch) / name
        target.write_text(text, encoding="utf-8")
        project = open_claims(target)
        shown = str(output or "<stdout>")
        problems = [
            d.format().replace(d.location.path, shown, 1)
            for d in project.diagnostics
            if d.severity.value == "error"
        ]
    write_output(text, output)
    content = imported.content
    links = len(content.links) + sum(len(c.supports) + len(c.opposes) for c in content.claims)
    where = output or "stdout"
    typer.echo(
        f"imported {file} ({fmt.value}): {len(content.claims)} claim(s), {links} link(s)"
        f" -> {where}; check: {len(problems)} error(s)",
        err=True,
    )
    if problems:
        typer.echo("\n".join(problems), err=True)
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
    """Export the whole corpus: JSON, Argdown, AIF, GraphML, CSL-JSON or ClaimReview."""
    from argmap.formats.exporters import EXPORTERS

    project = open_or_exit(path, no_cache)
    write_output(EXPORTERS[format](project.index), output)

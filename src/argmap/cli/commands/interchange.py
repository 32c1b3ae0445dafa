"""Interchange commands: import Argdown, AIF or Kialo into a claims file; export the corpus.

`import` prints the importer's diagnostics, writes nothing when any is an
error (exit 1), and otherwise writes the claims file and runs `argmap check`
on it, so what it wrote is known to load. `export` writes the whole corpus in
one of the formats of :mod:`argmap.formats.exporters`.
"""

from __future__ import annotations

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
    echo,
    fail,
    json_safe,
    open_or_exit,
    print_diagnostics,
    shown_path,
    write_output,
)
from argmap.formats.names import ExportFormat, ImportFormat
from argmap.load.limits import Limits


@app.command("import")
def import_command(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="FILE", help="Argdown, AIF JSON or Kialo text.")],
    format: Annotated[
        ImportFormat | None,
        typer.Option("--format", help="Input format; default: from the extension or content."),
    ] = None,
    output: Output = None,
    include_root: Annotated[
        Path | None,
        typer.Option(
            "--include-root",
            help="The folder Argdown @include files must lie in; default: FILE's folder.",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace an existing -o file, or a link there.")
    ] = False,
) -> None:
    """Import an Argdown, AIF/xAIF or Kialo file as a claims file (YAML)."""
    from argmap import progress
    from argmap.check.project import open_claims
    from argmap.diagnostics import sorted_diagnostics
    from argmap.formats.importers import import_file
    from argmap.formats.yaml_write import emit_claim_file
    from argmap.load.files import UnreadableFile, read_regular

    limits = ctx.find_object(Limits) or Limits()
    try:
        raw = read_regular(file, limits.max_file_bytes)
    except UnreadableFile as exc:
        fail(f"cannot read {shown_path(file)}: {exc.reason}")
    with progress.running(f"importing {file.name}"):
        fmt, imported = import_file(file, raw, format, limits, include_root)
    print_diagnostics(sorted_diagnostics(imported.diagnostics))
    if imported.failed:
        errors = sum(1 for d in imported.diagnostics if d.severity.value == "error")
        fail(f"{errors} error(s) in {file}; nothing written", EXIT_PROBLEMS)
    text = emit_claim_file(imported)
    name = (output.name if output else f"{file.stem}.yaml").replace(" ", "-")
    import tempfile

    with tempfile.TemporaryDirectory(prefix="argmap-import-") as scratch:
        target = Path(scratch) / name
        target.write_text(text, encoding="utf-8")
        with progress.running(f"checking what {file.name} became"):
            project = open_claims(target, None, limits)
        shown = str(output or "<stdout>")
        problems = [
            d.format().replace(d.location.path, shown, 1)
            for d in project.diagnostics
            if d.severity.value == "error"
        ]
    write_output(text, output, force=force)
    content = imported.content
    links = len(content.links) + sum(len(c.supports) + len(c.opposes) for c in content.claims)
    where = output or "stdout"
    echo(
        f"imported {file} ({fmt.value}): {len(content.claims)} claim(s), {links} link(s)"
        f" -> {where}; check: {len(problems)} error(s)",
        err=True,
    )
    if problems:
        for problem in problems:
            for line in problem.splitlines():
                echo(line, err=True)
        raise typer.Exit(EXIT_PROBLEMS)


@app.command()
def export(
    ctx: typer.Context,
    path: PathArg = DEFAULT_PATH,
    format: Annotated[ExportFormat, typer.Option("--format", help="Export format.")] = (
        ExportFormat.json
    ),
    output: Output = None,
    no_cache: NoCache = False,
) -> None:
    """Export the whole corpus: JSON, Argdown, AIF, GraphML, CSL-JSON or ClaimReview."""
    from argmap.formats.exporters import EXPORTERS

    project = open_or_exit(ctx, path, no_cache, models=False)
    text = EXPORTERS[format](project.plain)
    if format in _JSON_FORMATS:  # the same data, with control characters as \u escapes
        text = json_safe(text) if isinstance(text, str) else map(json_safe, text)
    write_output(text, output)


_JSON_FORMATS = {
    ExportFormat.json,
    ExportFormat.aif,
    ExportFormat.csl_json,
    ExportFormat.claimreview,
}

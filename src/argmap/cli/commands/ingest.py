"""The `ingest` command: draft a claims file from a commentary's text."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from argmap.cli.app import EXIT_PROBLEMS, EXIT_USAGE, app, echo, fail, print_diagnostics

TextArg = Annotated[
    Path, typer.Argument(metavar="TEXT", help="The commentary: plain text or Markdown (.md).")
]
DraftOutput = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", help="The claims file to write; default claims/<TEXT name>.yaml."
    ),
]
Force = Annotated[
    bool, typer.Option("--force", help="Replace an existing claims file or text copy.")
]


@app.command()
def ingest(
    ctx: typer.Context, text: TextArg, output: DraftOutput = None, force: Force = False
) -> None:
    """Draft a claims file from a commentary (sources, speakers, one claim per sentence)."""
    from argmap.ingest.document import FrontMatterProblem, read_document
    from argmap.ingest.draft import draft
    from argmap.load.files import UnreadableFile, read_regular
    from argmap.load.limits import Limits
    from argmap.load.writes import Locks, WriteRefused
    from argmap.load.yaml.source import parse_yaml
    from argmap.model import ClaimFile

    limits = ctx.find_object(Limits) or Limits()
    try:
        raw = read_regular(text, limits.max_file_bytes)
        content = raw.decode("utf-8").removeprefix("\ufeff")
    except UnreadableFile as exc:
        fail(f"cannot read {text}: {exc.reason}")
    except UnicodeDecodeError:
        fail(f"{text} is not UTF-8", hint="save it as UTF-8 first")
    target = output if output is not None else Path("claims") / f"{text.stem}.yaml"
    copy = target.parent / "sources" / text.name
    if target.exists() and not target.is_symlink() and not force:
        fail(f"{target} exists", hint="choose another file with -o, or pass --force to replace it")
    if copy.is_file() and not copy.is_symlink() and copy.read_bytes() != raw and not force:
        fail(f"{copy} exists with other content", hint="pass --force to replace it")
    try:
        document_read = read_document(text, content)
    except FrontMatterProblem as bad:
        print_diagnostics([bad.diagnostic])
        fail(f"nothing drafted from {text}", EXIT_PROBLEMS)
    drafted = draft(document_read, f"sources/{text.name}")
    document = drafted.to_yaml(text.name)
    ClaimFile.model_validate(parse_yaml(document).data)  # a failure here is a bug
    try:
        with Locks("refuse") as locks:
            locks.cover([copy, target])
            if not force:  # a link is replaced only with --force, and never written through
                locks.files[copy].check()
                locks.files[target].check()
            locks.files[copy].write(raw, force=force)
            locks.files[target].write(document, force=force)
    except WriteRefused as refused:
        fail(refused.message, EXIT_USAGE, refused.hint)
    except OSError as exc:
        fail(f"cannot write {exc.filename or target}: {exc.strerror or exc}", EXIT_USAGE)
    stats = drafted.stats
    echo(f"ingest: wrote {target} and {copy}", err=True)
    echo(f"ingest: {stats.summary()}", err=True)
    for problem in stats.unparsed:
        echo(f"ingest: could not parse {problem}", err=True)

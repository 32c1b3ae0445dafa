"""`argmap list`: every claim, link, source, speaker, perspective or question, one a line."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from argmap.cli.app import (
    DEFAULT_PATH,
    NoCache,
    Output,
    PathArg,
    app,
    echo_block,
    echo_data,
    fail,
    json_text,
    open_or_exit,
    write_output,
)


class ListKind(StrEnum):
    """What `list` lists."""

    claims = "claims"
    links = "links"
    sources = "sources"
    speakers = "speakers"
    perspectives = "perspectives"
    questions = "questions"


class ListSort(StrEnum):
    """Orders of `list`."""

    written = "written"
    date = "date"


class ListFormat(StrEnum):
    """Output formats of `list`."""

    text = "text"
    json = "json"


@app.command("list")
def list_command(
    ctx: typer.Context,
    kind: Annotated[ListKind, typer.Argument(help="What to list.")],
    path: PathArg = DEFAULT_PATH,
    output_format: Annotated[
        ListFormat, typer.Option("--format", help="text (a table) or json (one object a row).")
    ] = ListFormat.text,
    sort: Annotated[
        ListSort,
        typer.Option("--sort", help="written (file order) or date (claims, sources)."),
    ] = ListSort.written,
    output: Output = None,
    no_cache: NoCache = False,
) -> None:
    """List every entity of one kind: claims, links, sources, speakers, perspectives, questions."""
    from argmap.render.listing import DATED, rows, table

    by_date = sort is ListSort.date
    if by_date and kind.value not in DATED:
        fail(f"{kind.value} have no date to sort by", hint="--sort date sorts claims or sources")
    project = open_or_exit(ctx, path, no_cache)
    found = rows(project.index, kind.value, by_date)
    text = json_text(found) + "\n" if output_format is ListFormat.json else table(found)
    if output is not None:
        write_output(text, output)
    elif output_format is ListFormat.json:
        echo_data(json_text(found))
    else:
        echo_block(text, nl=False)

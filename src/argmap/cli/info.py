"""Commands that describe: schema, codes, and show for one claim or link."""

from __future__ import annotations

from typing import Annotated

import typer

from argmap.cli.app import (
    DEFAULT_PATH,
    NoCache,
    PathArg,
    app,
    echo,
    echo_block,
    echo_data,
    fail,
    json_text,
    open_or_exit,
)


@app.command()
def schema() -> None:
    """Print the JSON Schema of a claims file, for editors' YAML language servers."""
    from argmap.model import ClaimFile

    data = ClaimFile.model_json_schema(by_alias=True)
    data["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    echo_data(json_text(data))


@app.command()
def codes() -> None:
    """List every diagnostic code with its severity and meaning."""
    from argmap.codes import CODES

    width = max(len(code) for code in CODES)
    for info in CODES.values():
        echo(f"{info.code:<{width}}  {info.severity.value:<7}  {info.summary}")


@app.command()
def show(
    ctx: typer.Context,
    claim_id: Annotated[str, typer.Argument(metavar="ID", help="Claim id.")],
    path: PathArg = DEFAULT_PATH,
    no_cache: NoCache = False,
) -> None:
    """Show one claim: speakers, citations, and what supports and opposes it."""
    from argmap.diagnostics import did_you_mean
    from argmap.render.show import format_claim

    project = open_or_exit(ctx, path, no_cache)
    if claim_id in project.corpus.links:
        link = project.corpus.links[claim_id]
        fail(
            f"'{claim_id}' is a link, not a claim",
            hint=f"show one of its ends: argmap show {link.from_[0]}",
        )
    if claim_id not in project.corpus.claims:
        fail(f"no claim '{claim_id}'", hint=did_you_mean(claim_id, project.corpus.claims))
    echo_block(format_claim(project.index, claim_id), nl=False)

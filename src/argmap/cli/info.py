"""Commands that describe: schema, codes, and show for one claim or link."""

from __future__ import annotations

from typing import Annotated

import typer

from argmap.cli.app import DEFAULT_PATH, NoCache, PathArg, app, fail, open_or_exit


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
    ident: Annotated[
        str, typer.Argument(metavar="ID", help="Claim or link id, bare or NAMESPACE/ID.")
    ],
    path: PathArg = DEFAULT_PATH,
    no_cache: NoCache = False,
) -> None:
    """Show one claim (speakers, citations, links in and out) or one link (ends, undercuts)."""
    from argmap.render.select import SelectionError, find_id
    from argmap.render.show import format_claim, format_link

    project = open_or_exit(path, no_cache)
    corpus = project.corpus
    try:
        key = find_id(corpus, "claim", ident, {**corpus.claims, **corpus.links}, "claim or link")
    except SelectionError as exc:
        fail(exc.message, hint=exc.hint)
    shown = format_link if key in corpus.links else format_claim
    typer.echo(shown(project.index, key), nl=False)

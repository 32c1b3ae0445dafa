"""Commands that describe: schema, codes, show for one claim or link, and paragraphs."""

from __future__ import annotations

from typing import Annotated

import typer

from argmap.cli.app import (
    DEFAULT_PATH,
    EXIT_USAGE,
    NoCache,
    PathArg,
    app,
    echo,
    echo_block,
    echo_data,
    fail,
    json_text,
    load_project,
    open_or_exit,
    print_diagnostics,
)
from argmap.cli.editing import Kind


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
    ident: Annotated[
        str, typer.Argument(metavar="ID", help="Claim or link id, bare or NAMESPACE/ID.")
    ],
    path: PathArg = DEFAULT_PATH,
    no_cache: NoCache = False,
    kind: Annotated[
        Kind | None, typer.Option("--kind", help="Which kind of id, when ID names several.")
    ] = None,
) -> None:
    """Show one claim (speakers, date, questions, citations, links in and out), one link
    (ends, undercuts), or one source, speaker, perspective or question."""
    from argmap.render.select import SelectionError, find_id
    from argmap.render.show import format_claim, format_link
    from argmap.render.show_entities import SHOWN

    project = open_or_exit(ctx, path, no_cache)
    corpus = project.corpus
    tables = {
        "claim": {**corpus.claims, **corpus.links},
        "source": corpus.sources,
        "speaker": corpus.speakers,
        "perspective": corpus.perspectives,
        "question": corpus.questions,
    }
    found, problem = {}, None
    for group, table in tables.items():
        if kind is None or kind.value == group:
            try:
                noun = "claim or link" if group == "claim" else group
                found[group] = find_id(corpus.scopes, group, ident, table, noun)  # type: ignore[arg-type]
            except SelectionError as exc:
                if problem is None or not exc.message.startswith("no "):
                    problem = exc  # a bare id in several files says more than "no claim"
    if not found:
        assert problem is not None
        fail(problem.message, hint=problem.hint)
    if len(found) > 1:
        fail(f"'{ident}' names a {' and a '.join(found)}", hint="choose one with --kind")
    group, key = next(iter(found.items()))
    shown = {**SHOWN, "claim": format_link if key in corpus.links else format_claim}[group]
    echo_block(shown(project.index, key), nl=False)


@app.command()
def paragraphs(
    ctx: typer.Context,
    source_id: Annotated[str, typer.Argument(metavar="SOURCE_ID", help="Source id.")],
    path: PathArg = DEFAULT_PATH,
    no_cache: NoCache = False,
) -> None:
    """Print a source's text_file with its paragraphs (para N) and footnotes (fn N) numbered."""
    from argmap.render.select import SelectionError, find_id
    from argmap.texts.source import numbered

    project = load_project(ctx, path, no_cache)
    if project.missing:
        print_diagnostics(project.diagnostics)
        raise typer.Exit(EXIT_USAGE)
    corpus = project.corpus
    try:
        key = find_id(corpus.scopes, "source", source_id, corpus.sources)
    except SelectionError as exc:
        fail(exc.message, hint=exc.hint)
    text = corpus.source_texts.get(key)
    if text is None:
        text_file = corpus.sources[key].text_file
        if text_file is None:
            fail(f"source '{source_id}' has no text_file", hint="add 'text_file:' to it")
        fail(
            f"cannot read text_file '{text_file}' of source '{source_id}'",
            hint=f"run 'argmap check {path}' for details",
        )
    echo_block(numbered(text), nl=False)

"""`argmap track`: one claim across documents, speakers and time; `--all`; `--suggest`.

Parses options, calls the library (:mod:`argmap.track`, the formatters in
:mod:`argmap.render.track_format`), prints and exits. Nothing is computed here.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from argmap.cli.app import (
    DEFAULT_PATH,
    NoCache,
    app,
    echo,
    echo_block,
    echo_data,
    fail,
    json_text,
    open_or_exit,
)

if TYPE_CHECKING:
    from argmap.check.project import Project
    from argmap.track.appearances import Filters


class TrackFormat(StrEnum):
    """What `track --format` can print."""

    table = "table"
    markdown = "markdown"
    json = "json"
    claimreview = "claimreview"


def _day(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"{option} {value!r} is not a date", hint="write it as YYYY-MM-DD, e.g. 2025-01-31")


@app.command()
def track(
    ctx: typer.Context,
    claim: Annotated[
        str | None,
        typer.Argument(metavar="[CLAIM]", help="A claim id, bare or NAMESPACE/ID."),
    ] = None,
    path: Annotated[
        Path | None, typer.Argument(metavar="[PATH]", help="Claims folder (default: claims).")
    ] = None,
    every: Annotated[bool, typer.Option("--all", help="List every tracked claim.")] = False,
    suggest: Annotated[
        bool, typer.Option("--suggest", help="Propose pairs that look like the same claim.")
    ] = False,
    min_score: Annotated[
        float | None,
        typer.Option("--min-score", help="--suggest: lowest score shown, 0-1 (default 0.5)."),
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Only appearances on or after YYYY-MM-DD.")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Only appearances on or before YYYY-MM-DD.")
    ] = None,
    speaker: Annotated[
        str | None, typer.Option("--speaker", help="Only appearances with this speaker (id/name).")
    ] = None,
    output: Annotated[
        TrackFormat, typer.Option("--format", help="table, markdown, json or claimreview.")
    ] = TrackFormat.table,
    no_cache: NoCache = False,
) -> None:
    """Track one claim (or --all) across documents: appearances, history, flags; --suggest more."""
    from argmap.track.appearances import Filters

    if (every or suggest) and claim is not None and path is None:
        path, claim = Path(claim), None  # `track --all PATH`
    if claim is None and not (every or suggest):
        fail("name a claim, or give --all or --suggest", hint="e.g. argmap track my-claim claims")
    if min_score is not None and not 0 <= min_score <= 1:
        fail(f"--min-score {min_score} is not between 0 and 1")
    folder = path or DEFAULT_PATH
    filters = Filters(_day(since, "--since"), _day(until, "--until"), speaker)
    if suggest and (since or until or speaker):
        fail("--since, --until and --speaker filter appearances; --suggest takes none")
    if min_score is not None and not suggest:
        fail("--min-score goes with --suggest")
    if suggest:
        _suggest(ctx, folder, no_cache, output, min_score)
    elif every:
        _all(open_or_exit(ctx, folder, no_cache, models=False), filters, output)
    else:
        assert claim is not None
        _one(open_or_exit(ctx, folder, no_cache, models=False), claim, filters, output)


def _one(project: Project, claim: str, filters: Filters, output: TrackFormat) -> None:
    from argmap.render.select import SelectionError, find_id
    from argmap.render.track_format import format_json, format_markdown, format_table, to_data
    from argmap.track.appearances import tracked_claim_of
    from argmap.track.claimreview import tracked_reviews

    index = project.plain
    try:
        key = find_id(index.scopes, "claim", claim, index.claims)
    except SelectionError as exc:
        fail(exc.message, hint=exc.hint)
    tracked = filters.apply(index, tracked_claim_of(index, key))
    if tracked is None:
        fail(f"no appearance of '{key}' passes the filters", hint="widen --since/--until/--speaker")
    if output is TrackFormat.json:
        echo_data(format_json(to_data(tracked)))
    elif output is TrackFormat.claimreview:
        echo_data(json_text(tracked_reviews(index, [tracked])))
    else:
        shown = format_markdown if output is TrackFormat.markdown else format_table
        echo_block(shown(tracked), nl=False)


def _all(project: Project, filters: Filters, output: TrackFormat) -> None:
    from argmap.render.track_format import (
        format_all_markdown,
        format_all_table,
        format_json,
        to_data,
    )
    from argmap.track.appearances import tracked_claims
    from argmap.track.claimreview import tracked_reviews

    index = project.plain
    found = [t for t in (filters.apply(index, c) for c in tracked_claims(index)) if t]
    if output is TrackFormat.json:
        echo_data(format_json([to_data(t) for t in found]))
    elif output is TrackFormat.claimreview:
        echo_data(json_text(tracked_reviews(index, found)))
    elif not found:
        echo("no tracked claims (record one with 'argmap add same-as A B')", err=True)
    else:
        shown = format_all_markdown if output is TrackFormat.markdown else format_all_table
        echo_block(shown(found), nl=False)


def _suggest(
    ctx: typer.Context, folder: Path, no_cache: bool, output: TrackFormat, least: float | None
) -> None:
    from argmap.track.suggest import DEFAULT_MIN_SCORE, suggest

    if output not in (TrackFormat.table, TrackFormat.json):
        fail(f"--suggest prints table or json, not {output.value}")
    project = open_or_exit(ctx, folder, no_cache, models=False)
    found = suggest(project.table, DEFAULT_MIN_SCORE if least is None else least)
    if output is TrackFormat.json:
        echo_data(json_text([{"a": s.a, "b": s.b, "score": s.score} for s in found]))
        return
    texts = _texts(project)
    for s in found:
        echo(f"{s.score:.3f}  {s.a}  ~  {s.b}")
        echo(f"       {texts.get(s.a, '')}")
        echo(f"       {texts.get(s.b, '')}")
    echo(
        f"{len(found)} suggestion(s); record each with 'argmap add same-as A B' "
        "or 'argmap add not-same-as A B'",
        err=True,
    )


def _texts(project: Project) -> dict[str, str]:
    """Each claim's text by qualified id, from the facts."""
    table = project.table
    return {
        key: loaded.facts.claim_texts[i]
        for f, loaded in enumerate(table.files)
        for i, key in enumerate(table.claim_keys[f])
    }

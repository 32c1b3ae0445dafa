"""What the render commands share: the layout options and the view of the selected claims.

:mod:`argmap.cli.commands.map_command` (`map`) and :mod:`argmap.cli.commands.render` (`brief`,
`perspectives`, `render`) take the same Graphviz options and build a map view
the same way; both come from here, and so do the scope options (`--focus`, `--depth`,
`--question`, `--perspective`, `--speaker`) that `map`, `html` and `evaluate` share.
The library is imported lazily.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from argmap.cli.app import EXIT_USAGE, fail, positive_seconds
from argmap.evaluate.names import Semantics
from argmap.render.names import Layout

if TYPE_CHECKING:
    from argmap.check.project import Project
    from argmap.render.select import Filters
    from argmap.render.view import MapView

FocusOpt = Annotated[str | None, typer.Option(help="Only claims near this claim id.")]
DepthOpt = Annotated[int, typer.Option(min=0, help="Links away from --focus.")]
QuestionOpt = Annotated[str | None, typer.Option(help="Only claims on this question.")]
PerspectiveOpt = Annotated[str | None, typer.Option(help="Only this perspective.")]
SpeakerOpt = Annotated[str | None, typer.Option(help="Only this speaker's claims.")]
LayoutOpt = Annotated[
    Layout,
    typer.Option("--layout", help="auto picks dot, fast dot or sfdp by map size."),
]
TimeoutOpt = Annotated[
    float,
    typer.Option(
        "--layout-timeout",
        callback=positive_seconds,
        help="Seconds Graphviz may run before giving up.",
    ),
]


EvaluateOpt = Annotated[
    Semantics | None,
    typer.Option(
        "--evaluate", help="Show labels (or DF-QuAD strength) under this semantics, with why."
    ),
]


def map_view(
    project: Project,
    filters: Filters,
    semantics: Semantics | None = None,
    slide: bool = False,
) -> MapView:
    """The view of the claims *filters* select, with verdicts under *semantics* if given; a
    bad selection (an unknown id), a search that cannot finish, or a *slide* of claims from
    several documents (a slide shows one) is a usage error."""
    from argmap.evaluate.search import SearchLimit
    from argmap.render.select import (
        SelectionError,
        apply_filters,
        map_title,
        resolve,
        spanned_documents,
    )
    from argmap.render.view import build_view
    from argmap.render.view_verdicts import attach_evaluation

    try:
        index = project.plain
        filters = resolve(index, filters)
        claim_ids = apply_filters(index, list(index.claims), filters)
    except SelectionError as exc:
        fail(exc.message, EXIT_USAGE, exc.hint)
    spanned = spanned_documents(index, claim_ids) if slide else []
    if len(spanned) > 1:
        fail(
            f"a slide shows one document; these claims come from {len(spanned)}: "
            + ", ".join(spanned),
            EXIT_USAGE,
            f"pick one with --document (e.g. --document {spanned[0]}), "
            "or write a slide per document with 'argmap render --slide'",
        )
    title = map_title(index, claim_ids, filters)
    view = build_view(index, claim_ids, title, filters.focus)
    if semantics is not None:
        try:
            attach_evaluation(view, project.table, semantics)
        except SearchLimit as exc:
            fail(str(exc), EXIT_USAGE, exc.hint)
    return view

"""The view a drawing command shows: claims chosen by filters, evaluated when asked.

Shared by `map`, `brief` and `perspectives` (and any later drawing command): a layer
below the command modules and above the app, so they can share it without importing
each other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from argmap.cli.app import EXIT_USAGE, fail
from argmap.evaluate.names import Semantics as Semantics

if TYPE_CHECKING:
    from argmap.check.project import Project
    from argmap.render.select import Filters
    from argmap.render.view import MapView

EvaluateOpt = Annotated[
    Semantics | None,
    typer.Option(
        "--evaluate", help="Show labels (or DF-QuAD strength) under this semantics, with why."
    ),
]


def view_of(project: Project, filters: Filters, semantics: Semantics | None = None) -> MapView:
    """The view of the claims *filters* keep, with verdicts under *semantics* if given."""
    from argmap.evaluate.search import SearchLimit
    from argmap.render.select import SelectionError, apply_filters, map_title, resolve
    from argmap.render.view import build_view
    from argmap.render.view_verdicts import attach_evaluation

    try:
        filters = resolve(project.index, filters)
        claim_ids = apply_filters(project.index, list(project.corpus.claims), filters)
    except SelectionError as exc:
        fail(exc.message, EXIT_USAGE, exc.hint)
    title = map_title(project.index, claim_ids, filters)
    view = build_view(project.index, claim_ids, title, filters.focus)
    if semantics is not None:
        try:
            attach_evaluation(view, project.table, semantics)
        except SearchLimit as exc:
            fail(str(exc), EXIT_USAGE, exc.hint)
    return view

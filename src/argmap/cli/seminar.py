"""Seminar commands (html, deck): the interactive map and the slide deck of a document.

Both take the scope options of `map`; the library builds the page or the PDF
and these commands only parse options, report and write.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from argmap.cli.app import (
    DEFAULT_PATH,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    NoCache,
    Output,
    PathArg,
    fail,
    open_or_exit,
    positive_seconds,
    write_output,
)
from argmap.render.names import Layout

if TYPE_CHECKING:
    from argmap.check.project import Project
    from argmap.render.select import Filters
    from argmap.render.view import MapView

Focus = Annotated[str | None, typer.Option(help="Only claims near this claim id.")]
Depth = Annotated[int, typer.Option(min=0, help="Links away from --focus.")]
QuestionOpt = Annotated[str | None, typer.Option(help="Only claims on this question.")]
PerspectiveOpt = Annotated[str | None, typer.Option(help="Only this perspective.")]
SpeakerOpt = Annotated[str | None, typer.Option(help="Only this speaker's claims.")]
LayoutOpt = Annotated[
    Layout, typer.Option("--layout", help="auto picks dot, fast dot or sfdp by map size.")
]
TimeoutOpt = Annotated[
    float,
    typer.Option(
        "--layout-timeout", callback=positive_seconds, help="Seconds Graphviz may run per drawing."
    ),
]


def _scoped(project: Project, filters: Filters) -> MapView:
    from argmap.check.project import ClaimsChanged
    from argmap.render.scoped import scoped_view
    from argmap.render.select import SelectionError

    try:
        return scoped_view(project.index, filters)
    except SelectionError as exc:
        fail(exc.message, EXIT_USAGE, exc.hint)
    except ClaimsChanged as exc:
        fail(str(exc), EXIT_USAGE, "run the command again")


def _need_graphviz() -> None:
    from argmap.render.layout import INSTALL_HINT, dot_available

    if not dot_available():
        fail("Graphviz is not installed; this output needs it", EXIT_PROBLEMS, INSTALL_HINT)


def html(
    ctx: typer.Context,
    path: PathArg = DEFAULT_PATH,
    output: Output = None,
    focus: Focus = None,
    depth: Depth = 1,
    question: QuestionOpt = None,
    perspective: PerspectiveOpt = None,
    speaker: SpeakerOpt = None,
    layout: LayoutOpt = Layout.auto,
    layout_timeout: TimeoutOpt = 120.0,
    no_cache: NoCache = False,
) -> None:
    """Write the interactive map: one offline HTML file (search, filters, details, keyboard)."""
    from argmap.render.html.page import emit_html
    from argmap.render.layout import LayoutError
    from argmap.render.select import Filters

    project = open_or_exit(ctx, path, no_cache)
    view = _scoped(project, Filters(focus, depth, question, perspective, speaker))
    _need_graphviz()
    try:
        page = emit_html(view, layout, layout_timeout)
    except LayoutError as exc:
        fail(exc.message, EXIT_PROBLEMS, exc.hint)
    write_output(page, output)


def deck(
    ctx: typer.Context,
    path: PathArg = DEFAULT_PATH,
    output: Output = None,
    layout: LayoutOpt = Layout.auto,
    layout_timeout: TimeoutOpt = 120.0,
    no_cache: NoCache = False,
) -> None:
    """Write the seminar deck: a 16:9 PDF, title, overview and one slide per question."""
    from argmap.render.deck.pdf import build_deck
    from argmap.render.deck.plan import plan_deck
    from argmap.render.layout import LayoutError
    from argmap.render.select import Filters

    if output is None and sys.stdout.isatty():
        fail("a deck is a PDF; not writing it to a terminal", hint="add -o deck.pdf")
    project = open_or_exit(ctx, path, no_cache)
    view = _scoped(project, Filters())
    _need_graphviz()
    claim_ids = [node.id for node in view.claims]
    try:
        data = build_deck(
            project.index, plan_deck(project.index, claim_ids, view.title), layout, layout_timeout
        )
    except LayoutError as exc:
        fail(exc.message, EXIT_PROBLEMS, exc.hint)
    write_output(data, output)


def register(app: typer.Typer) -> None:
    """Add the seminar commands to *app*."""
    app.command()(html)
    app.command()(deck)

"""Seminar commands (html, deck): the interactive map and the slide deck of a document.

Both take the scope options of `map`; the library builds the page or the PDF
and these commands only parse options, report and write.
"""

from __future__ import annotations

import sys

import typer

from argmap.cli.app import (
    DEFAULT_PATH,
    EXIT_PROBLEMS,
    NoCache,
    Output,
    PathArg,
    fail,
    open_or_exit,
    write_output,
)
from argmap.cli.render_options import (
    DepthOpt,
    EvaluateOpt,
    FocusOpt,
    LayoutOpt,
    PerspectiveOpt,
    QuestionOpt,
    SpeakerOpt,
    TimeoutOpt,
    map_view,
)
from argmap.render.names import Layout


def _need_graphviz() -> None:
    from argmap.render.dot.layout import INSTALL_HINT, dot_available

    if not dot_available():
        fail("Graphviz is not installed; this output needs it", EXIT_PROBLEMS, INSTALL_HINT)


def html(
    ctx: typer.Context,
    path: PathArg = DEFAULT_PATH,
    output: Output = None,
    focus: FocusOpt = None,
    depth: DepthOpt = 1,
    question: QuestionOpt = None,
    perspective: PerspectiveOpt = None,
    speaker: SpeakerOpt = None,
    layout: LayoutOpt = Layout.auto,
    layout_timeout: TimeoutOpt = 120.0,
    evaluate: EvaluateOpt = None,
    no_cache: NoCache = False,
) -> None:
    """Write the interactive map: one offline HTML file (search, filters, details, keyboard)."""
    from argmap.render.dot.layout import LayoutError
    from argmap.render.html.extras import claim_extras
    from argmap.render.html.page import emit_html
    from argmap.render.select import Filters

    project = open_or_exit(ctx, path, no_cache, models=False)
    view = map_view(project, Filters(focus, depth, question, perspective, speaker), evaluate)
    _need_graphviz()
    try:
        page = emit_html(view, layout, layout_timeout, claim_extras(view, project.plain))
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
    from argmap.render.dot.layout import LayoutError
    from argmap.render.select import Filters

    if output is None and sys.stdout.isatty():
        fail("a deck is a PDF; not writing it to a terminal", hint="add -o deck.pdf")
    project = open_or_exit(ctx, path, no_cache, models=False)
    view = map_view(project, Filters())
    _need_graphviz()
    claim_ids = [node.id for node in view.claims]
    try:
        data = build_deck(
            project.plain, plan_deck(project.plain, claim_ids, view.title), layout, layout_timeout
        )
    except LayoutError as exc:
        fail(exc.message, EXIT_PROBLEMS, exc.hint)
    write_output(data, output)


def register(app: typer.Typer) -> None:
    """Add the seminar commands to *app*."""
    app.command()(html)
    app.command()(deck)

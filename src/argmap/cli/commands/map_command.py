"""The `map` command: the argument map drawn with Graphviz, as DOT, SVG, PNG or PDF.

A DOT map of unchanged inputs comes from the map cache without building models;
other formats run the real Graphviz (``--slide`` packs the map into 16:9). Like
every command module, it imports the library lazily.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import astuple
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from argmap.cli.app import (
    DEFAULT_PATH,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    NoCache,
    Output,
    PathArg,
    echo,
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

if TYPE_CHECKING:
    from argmap.check.project import Project
    from argmap.evaluate.names import Semantics
    from argmap.render.dot.map_cache import Option
    from argmap.render.dot.style import Preset
    from argmap.render.select import Filters


class MapFormat(StrEnum):
    """Output formats of `map`."""

    dot = "dot"
    svg = "svg"
    png = "png"
    pdf = "pdf"


class Direction(StrEnum):
    """Rank directions of the map."""

    TB = "TB"
    LR = "LR"


SlideOpt = Annotated[
    bool,
    typer.Option("--slide", help="16:9 slide preset: bigger type, packed to fit 1920×1080."),
]


def _dot_map(
    project: Project,
    filters: Filters,
    rankdir: str,
    preset: Preset,
    options: tuple[Option, ...] | None,
    semantics: Semantics | None = None,
) -> str | Iterable[str]:
    """The DOT map: with *options* (the command's, as plain values), from the map cache
    when it was drawn before from the same inputs, else drawn now and kept there."""
    from argmap.render.dot.map_cache import MapCache

    store = (
        None
        if options is None or project.results is None
        else MapCache(project.results, "dot", options)
    )
    text = None if store is None else store.get()
    if text is not None:
        return text
    from argmap.check.project import ClaimsChanged
    from argmap.render.dot.emit import dot_chunks

    try:
        view = map_view(project, filters, semantics, slide=preset.name == "slide")
    except ClaimsChanged as exc:
        fail(str(exc), EXIT_USAGE, "run the command again")
    steady = project.loaded.steady
    project.release()  # only the view is needed from here: free the models before the text
    chunks = dot_chunks(view, rankdir, preset)
    if store is None:
        return chunks
    lines = list(chunks)  # not joined: a 100k-claim map's text alone is 75 MB
    if steady:
        store.put(lines)
    return lines


def map_command(
    ctx: typer.Context,
    path: PathArg = DEFAULT_PATH,
    format: Annotated[MapFormat, typer.Option("--format", help="Output format.")] = MapFormat.dot,
    output: Output = None,
    focus: FocusOpt = None,
    depth: DepthOpt = 1,
    question: QuestionOpt = None,
    perspective: PerspectiveOpt = None,
    speaker: SpeakerOpt = None,
    document: Annotated[
        str | None,
        typer.Option("--document", help="Only this document (a claims file's name)."),
    ] = None,
    direction: Annotated[
        Direction | None,
        typer.Option(help="Rank direction [default: TB; with --slide, whichever fits better]."),
    ] = None,
    slide: SlideOpt = False,
    layout: LayoutOpt = Layout.auto,
    layout_timeout: TimeoutOpt = 120.0,
    evaluate: EvaluateOpt = None,
    no_cache: NoCache = False,
) -> None:
    """Draw the argument map with Graphviz (DOT, SVG, PNG or PDF)."""
    from argmap.render.dot.layout import (
        INSTALL_HINT,
        LayoutError,
        dot_available,
        dot_on_path,
        lay_out,
    )
    from argmap.render.dot.style import SCREEN, SLIDE
    from argmap.render.select import Filters

    cached = format is MapFormat.dot and not no_cache
    # A map is drawn from the facts (plain records), never from models.
    project = open_or_exit(ctx, path, no_cache, models=False)
    filters = Filters(focus, depth, question, perspective, speaker, document)
    preset = SLIDE if slide else SCREEN
    rankdir = direction.value if direction else "TB"
    if format is MapFormat.dot:
        options = (str(path), *astuple(filters), rankdir, slide, evaluate) if cached else None
        write_output(_dot_map(project, filters, rankdir, preset, options, evaluate), output)
        if not dot_on_path():
            echo(f"argmap: warning: Graphviz is not installed; {INSTALL_HINT}", err=True)
        return
    from argmap.render.dot.emit import emit_dot

    view = map_view(project, filters, evaluate, slide=slide)
    dot_text = emit_dot(view, rankdir, preset)
    if output is None and format is not MapFormat.svg and sys.stdout.isatty():
        fail(
            f"{format.value} is binary; not writing it to a terminal",
            hint=f"add -o map.{format.value}",
        )
    if not dot_available():
        fallback = (output or Path("map")).with_suffix(".dot")
        write_output(dot_text, fallback)
        fail(
            f"Graphviz is not installed, so no {format.value} was made; wrote {fallback} instead",
            EXIT_PROBLEMS,
            INSTALL_HINT,
        )
    try:
        if slide:
            from argmap.render.dot.slide import lay_out_slide, slide_digest, slide_dot

            directions = (rankdir,) if direction else ("TB", "LR")
            placed = slide_dot(view, layout, layout_timeout, directions)
            data = lay_out_slide(placed, format.value, layout_timeout, slide_digest(view))
        else:
            data = lay_out(dot_text, format.value, layout, layout_timeout)
    except LayoutError as exc:
        fail(exc.message, EXIT_PROBLEMS, exc.hint)
    write_output(data, output)


def register(app: typer.Typer) -> None:
    """Add the `map` command to *app*."""
    app.command("map")(map_command)

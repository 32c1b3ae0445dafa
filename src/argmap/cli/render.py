"""Render commands (map, brief, perspectives, render), registered on the main app.

Like every command module, these
commands import the library lazily and are the only code that writes renders.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
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
    positive_seconds,
    print_diagnostics,
    shown_path,
    write_output,
)
from argmap.render.names import Layout

if TYPE_CHECKING:
    from argmap.check.project import Project
    from argmap.render.dot_style import Preset
    from argmap.render.map_cache import Option
    from argmap.render.select import Filters
    from argmap.render.view import MapView


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


SlideOpt = Annotated[
    bool,
    typer.Option("--slide", help="16:9 slide preset: bigger type, packed to fit 1920×1080."),
]


def _view(project: Project, filters: Filters, slide: bool = False) -> MapView:
    """The view of the claims *filters* keep; a slide of several documents is refused."""
    from argmap.render.select import (
        SelectionError,
        apply_filters,
        map_title,
        resolve,
        spanned_documents,
    )
    from argmap.render.view import build_view

    try:
        filters = resolve(project.index, filters)
        claim_ids = apply_filters(project.index, list(project.corpus.claims), filters)
    except SelectionError as exc:
        fail(exc.message, EXIT_USAGE, exc.hint)
    spanned = spanned_documents(project.index, claim_ids) if slide else []
    if len(spanned) > 1:
        fail(
            f"a slide shows one document; these claims come from {len(spanned)}: "
            + ", ".join(spanned),
            EXIT_USAGE,
            f"pick one with --document (e.g. --document {spanned[0]}), "
            "or write a slide per document with 'argmap render --slide'",
        )
    title = map_title(project.index, claim_ids, filters)
    return build_view(project.index, claim_ids, title, filters.focus)


def _dot_map(
    project: Project,
    filters: Filters,
    rankdir: str,
    preset: Preset,
    options: tuple[Option, ...] | None,
) -> str | Iterator[str]:
    """The DOT map: with *options* (the command's, as plain values), from the map cache
    when it was drawn before from the same inputs, else drawn now and kept there."""
    from argmap.render.map_cache import MapCache

    store = (
        None
        if options is None or project.results is None
        else MapCache(project.results, "dot", options)
    )
    text = None if store is None else store.get()
    if text is not None:
        return text
    from argmap.check.project import ClaimsChanged
    from argmap.render.emit_dot import dot_chunks

    try:
        view = _view(project, filters, preset.name == "slide")
    except ClaimsChanged as exc:
        fail(str(exc), EXIT_USAGE, "run the command again")
    steady = project.loaded.steady
    project.release()  # only the view is needed from here: free the models before the text
    chunks = dot_chunks(view, rankdir, preset)
    if store is None:
        return chunks
    text = "".join(chunks)
    if steady:
        store.put(text)
    return text


def map_command(
    ctx: typer.Context,
    path: PathArg = DEFAULT_PATH,
    format: Annotated[MapFormat, typer.Option("--format", help="Output format.")] = MapFormat.dot,
    output: Output = None,
    focus: Annotated[str | None, typer.Option(help="Only claims near this claim id.")] = None,
    depth: Annotated[int, typer.Option(min=0, help="Links away from --focus.")] = 1,
    question: Annotated[str | None, typer.Option(help="Only claims on this question.")] = None,
    perspective: Annotated[str | None, typer.Option(help="Only this perspective.")] = None,
    speaker: Annotated[str | None, typer.Option(help="Only this speaker's claims.")] = None,
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
    no_cache: NoCache = False,
) -> None:
    """Draw the argument map with Graphviz (DOT, SVG, PNG or PDF)."""
    from argmap.render.dot_style import SCREEN, SLIDE
    from argmap.render.layout import (
        INSTALL_HINT,
        LayoutError,
        dot_available,
        dot_on_path,
        lay_out,
    )
    from argmap.render.select import Filters

    cached = format is MapFormat.dot and not no_cache
    # A cached DOT map needs no models, so they are built only when it must be drawn.
    project = open_or_exit(ctx, path, no_cache, models=not cached, store_models=True)
    filters = Filters(focus, depth, question, perspective, speaker, document)
    preset = SLIDE if slide else SCREEN
    rankdir = direction.value if direction else "TB"
    if format is MapFormat.dot:
        options = (str(path), *astuple(filters), rankdir, slide) if cached else None
        write_output(_dot_map(project, filters, rankdir, preset, options), output)
        if not dot_on_path():
            echo(f"argmap: warning: Graphviz is not installed; {INSTALL_HINT}", err=True)
        return
    from argmap.render.emit_dot import emit_dot

    view = _view(project, filters, slide)
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
            from argmap.render.slide import lay_out_slide, slide_digest, slide_dot

            directions = (rankdir,) if direction else ("TB", "LR")
            placed = slide_dot(view, layout, layout_timeout, directions)
            data = lay_out_slide(placed, format.value, layout_timeout, slide_digest(view))
        else:
            data = lay_out(dot_text, format.value, layout, layout_timeout)
    except LayoutError as exc:
        fail(exc.message, EXIT_PROBLEMS, exc.hint)
    write_output(data, output)


def brief(
    ctx: typer.Context,
    path: PathArg = DEFAULT_PATH,
    output: Output = None,
    no_cache: NoCache = False,
) -> None:
    """Write the Markdown brief: questions, argument trees, footnoted sources."""
    from argmap.render.emit_brief import emit_brief
    from argmap.render.select import Filters

    write_output(emit_brief(_view(open_or_exit(ctx, path, no_cache), Filters())), output)


def perspectives(
    ctx: typer.Context,
    path: PathArg = DEFAULT_PATH,
    output: Output = None,
    no_cache: NoCache = False,
) -> None:
    """Write the side-by-side perspectives brief."""
    from argmap.render.emit_perspectives import emit_perspectives
    from argmap.render.select import Filters

    write_output(emit_perspectives(_view(open_or_exit(ctx, path, no_cache), Filters())), output)


def render(
    ctx: typer.Context,
    path: PathArg = DEFAULT_PATH,
    out: Annotated[Path, typer.Option("--out", help="Folder for the renders.")] = Path("renders"),
    check: Annotated[
        bool, typer.Option("--check", help="Write nothing; exit 1 if renders are stale.")
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Rewrite every output, even those up to date.")
    ] = False,
    document: Annotated[
        list[str] | None,
        typer.Option("--document", help="Only this document (a claims file's name without .yaml)."),
    ] = None,
    slide: Annotated[
        bool,
        typer.Option(
            "--slide",
            help="Also write slide.svg and slide.png (16:9); once written, kept current.",
        ),
    ] = False,
    layout: LayoutOpt = Layout.auto,
    layout_timeout: TimeoutOpt = 120.0,
    no_cache: NoCache = False,
) -> None:
    """Write every output of every document into renders/ (or check it is current)."""
    from argmap.diagnostics import did_you_mean
    from argmap.render.layout import INSTALL_HINT, LayoutError, dot_available
    from argmap.render.renders import collisions, plan, stale_outputs, write_renders
    from argmap.render.select import documents

    project = open_or_exit(ctx, path, no_cache)
    docs = documents(project.index)
    clashes = collisions(docs)
    if clashes:
        print_diagnostics(clashes)
        fail(f"{len(clashes)} render folder(s) claimed twice", EXIT_PROBLEMS)
    names = [doc.name for doc in docs]
    for wanted in document or []:
        if wanted not in names:
            fail(f"no document '{wanted}'", EXIT_USAGE, did_you_mean(wanted, names))
    renders = plan(project.index, document or (), slide, out)
    if check:
        stale = stale_outputs(renders, out)
        for entry in stale:
            echo(f"{entry.path}: stale: {entry.why}", err=True)
            for line in entry.diff:
                echo(line, err=True)
        if stale:
            again = f"argmap render {path}" + (" --slide" if slide else "")
            fail(f"{len(stale)} render(s) out of date", EXIT_PROBLEMS, f"run '{again}'")
        echo(f"{out}: {len(renders)} document(s) up to date", err=True)
        return
    if not dot_available():
        fail(
            "Graphviz is not installed; renders need it for SVG and PNG",
            EXIT_PROBLEMS,
            INSTALL_HINT,
        )
    try:
        written = write_renders(renders, out, layout, layout_timeout, force)
    except LayoutError as exc:
        fail(exc.message, EXIT_PROBLEMS, exc.hint)
    except OSError as exc:
        where = f" {shown_path(exc.filename)}" if exc.filename else ""
        fail(f"cannot write renders:{where}: {exc.strerror or exc}", EXIT_USAGE)
    total = sum(len(r.texts) + len(r.laid_out()) for r in renders)
    echo(
        f"wrote {len(written)} file(s) for {len(renders)} document(s) to {out}"
        f" ({total - len(written)} already up to date)",
        err=True,
    )


def register(app: typer.Typer) -> None:
    """Add the render commands to *app*."""
    app.command("map")(map_command)
    app.command()(brief)
    app.command()(perspectives)
    app.command()(render)

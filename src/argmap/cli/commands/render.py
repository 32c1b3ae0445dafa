"""Render commands (brief, perspectives, render), registered on the main app.

`brief` and `perspectives` write one Markdown brief; `render` writes or checks
every output of every document in renders/. Like every command module, these
commands import the library lazily and are the only code that writes renders.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

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
    print_diagnostics,
    shown_path,
    write_output,
)
from argmap.cli.render_options import EvaluateOpt, LayoutOpt, TimeoutOpt, map_view
from argmap.render.names import Layout


def brief(
    ctx: typer.Context,
    path: PathArg = DEFAULT_PATH,
    output: Output = None,
    evaluate: EvaluateOpt = None,
    no_cache: NoCache = False,
) -> None:
    """Write the Markdown brief: questions, argument trees, footnoted sources."""
    from argmap.render.markdown.brief import emit_brief
    from argmap.render.select import Filters

    view = map_view(open_or_exit(ctx, path, no_cache, models=False), Filters(), evaluate)
    write_output(emit_brief(view), output)


def perspectives(
    ctx: typer.Context,
    path: PathArg = DEFAULT_PATH,
    output: Output = None,
    evaluate: EvaluateOpt = None,
    no_cache: NoCache = False,
) -> None:
    """Write the side-by-side perspectives brief."""
    from argmap.render.markdown.perspectives import emit_perspectives
    from argmap.render.select import Filters

    view = map_view(open_or_exit(ctx, path, no_cache, models=False), Filters(), evaluate)
    write_output(emit_perspectives(view), output)


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
    from argmap.render.dot.layout import INSTALL_HINT, LayoutError, dot_available
    from argmap.render.renders import collisions, plan, stale_outputs, write_renders
    from argmap.render.select import documents
    from argmap.render.tracking_render import stale_tracking, tracking_text, write_tracking

    project = open_or_exit(ctx, path, no_cache, models=False)
    docs = documents(project.plain)
    clashes = collisions(docs)
    if clashes:
        print_diagnostics(clashes)
        fail(f"{len(clashes)} render folder(s) claimed twice", EXIT_PROBLEMS)
    names = [doc.name for doc in docs]
    for wanted in document or []:
        if wanted not in names:
            fail(f"no document '{wanted}'", EXIT_USAGE, did_you_mean(wanted, names))
    renders = plan(project.plain, document or (), slide, out)
    tracking = None if document else tracking_text(project.plain)
    if check:
        stale = stale_outputs(renders, out)
        stale += [] if document else stale_tracking(tracking, out)
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
        written += [] if document else write_tracking(tracking, out, force)
    except LayoutError as exc:
        fail(exc.message, EXIT_PROBLEMS, exc.hint)
    except OSError as exc:
        where = f" {shown_path(exc.filename)}" if exc.filename else ""
        fail(f"cannot write renders:{where}: {exc.strerror or exc}", EXIT_USAGE)
    total = sum(len(r.texts) + len(r.laid_out()) for r in renders) + (tracking is not None)
    echo(
        f"wrote {len(written)} file(s) for {len(renders)} document(s) to {out}"
        f" ({total - len(written)} already up to date)",
        err=True,
    )


def register(app: typer.Typer) -> None:
    """Add the render commands to *app*."""
    app.command()(brief)
    app.command()(perspectives)
    app.command()(render)

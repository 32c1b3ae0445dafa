"""`argmap evaluate`: which claims stand, under a semantics, and why.

Reads a claims folder (scoped as `map` is, by `--question` and `--focus`) or, with
`--af`, an abstract framework in an ICCMA format. Prints a table, Markdown or JSON.
No stable labelling is an answer (exit 0); a core too large without clingo is a usage
error naming the extra. The work is in :mod:`argmap.evaluate`.
"""

from __future__ import annotations

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
    app,
    fail,
    json_text,
    load_project,
    print_diagnostics,
    write_output,
)
from argmap.cli.render_options import DepthOpt, FocusOpt, QuestionOpt
from argmap.evaluate.names import Semantics, SupportMode

if TYPE_CHECKING:
    from argmap.check.project import Project
    from argmap.evaluate.evaluation import Evaluation, Settings
    from argmap.evaluate.search import PartSolver


class EvalFormat(StrEnum):
    """Output formats of `evaluate`."""

    table = "table"
    markdown = "markdown"
    json = "json"


class BaseFrom(StrEnum):
    """Where DF-QuAD base scores come from, besides `base:`."""

    default = "default"
    sourcing = "sourcing"


SemanticsOpt = Annotated[
    Semantics, typer.Option("--semantics", help="grounded, complete, preferred, stable or dfquad.")
]


@app.command()
def evaluate(
    ctx: typer.Context,
    path: PathArg = DEFAULT_PATH,
    semantics: SemanticsOpt = Semantics.grounded,
    format: Annotated[EvalFormat, typer.Option("--format", help="Output format.")] = (
        EvalFormat.table
    ),
    output: Output = None,
    af: Annotated[
        Path | None, typer.Option("--af", help="Evaluate an ICCMA framework (.apx, .tgf, .af).")
    ] = None,
    question: QuestionOpt = None,
    focus: FocusOpt = None,
    depth: DepthOpt = 1,
    support: Annotated[
        SupportMode, typer.Option("--support", help="Read supports as deductive or necessary.")
    ] = SupportMode.deductive,
    base_from: Annotated[
        BaseFrom, typer.Option("--base-from", help="DF-QuAD base scores: 0.5, or by sourcing.")
    ] = BaseFrom.default,
    sourced: Annotated[float, typer.Option(min=0, max=1, help="Base of sourced claims.")] = 0.7,
    paragraph_sourced: Annotated[
        float, typer.Option(min=0, max=1, help="Base of paragraph-sourced claims.")
    ] = 0.6,
    unsourced: Annotated[float, typer.Option(min=0, max=1, help="Base of unsourced claims.")] = 0.4,
    no_cache: NoCache = False,
) -> None:
    """Say which claims stand (grounded, complete, preferred, stable; DF-QuAD strength) and why."""
    from argmap.evaluate.evaluation import Settings

    tiers = (
        ("sourced", sourced),
        ("paragraph-sourced", paragraph_sourced),
        ("unsourced", unsourced),
    )
    settings = Settings(support, base_from is BaseFrom.sourcing, tiers, _large_solver())
    if af is not None:
        write_output(_framework_answer(af, semantics, settings, format), output)
        return
    project = _open(ctx, path, no_cache)
    result, claims = evaluate_project(project, semantics, settings, question, focus, depth)
    write_output(format_evaluation(result, claims, format, _namespace(project, claims)), output)


def _open(ctx: typer.Context, path: Path, no_cache: bool) -> Project:
    """The checked claims; expectation failures are shown but do not stop an evaluation."""
    project = load_project(ctx, path, no_cache, models=False, warnings=False)
    if project.missing:
        print_diagnostics(project.diagnostics)
        raise typer.Exit(EXIT_USAGE)
    blocking = [d for d in project.errors if d.code != "expectation-failed"]
    if project.errors:
        print_diagnostics(project.errors)
    if blocking:
        fail(f"{len(blocking)} error(s) in the claims", EXIT_PROBLEMS, f"run 'argmap check {path}'")
    return project


def _large_solver() -> PartSolver | None:
    from argmap.evaluate import clingo_backend

    return clingo_backend.solve_with_clingo if clingo_backend.available() else None


def run_evaluation(
    project: Project, claims: list[str], semantics: Semantics, settings: Settings
) -> Evaluation:
    """Evaluate the framework of *claims*; a search that cannot finish is a usage error."""
    from argmap.evaluate.evaluation import evaluate as run
    from argmap.evaluate.from_table import claim_graph
    from argmap.evaluate.search import SearchLimit

    try:
        scope = None if len(claims) == project.claim_count else set(claims)
        graph = claim_graph(project.table, scope, settings.base_from_sourcing)
        return run(graph, semantics, settings)
    except SearchLimit as exc:
        fail(str(exc), EXIT_USAGE, exc.hint)


def evaluate_project(
    project: Project,
    semantics: Semantics,
    settings: Settings,
    question: str | None = None,
    focus: str | None = None,
    depth: int = 1,
) -> tuple[Evaluation, list[str]]:
    """The evaluation of the claims in scope, and those claims in corpus order."""
    from argmap.render.select import Filters, SelectionError, apply_filters, resolve

    claims = project.table.ordered_claims()
    if question or focus:
        try:
            filters = resolve(project.plain, Filters(focus=focus, depth=depth, question=question))
            claims = apply_filters(project.plain, claims, filters)
        except SelectionError as exc:
            fail(exc.message, EXIT_USAGE, exc.hint)
    return run_evaluation(project, claims, semantics, settings), claims


def _namespace(project: Project, claims: list[str]) -> str | None:
    spaces = {claim.rsplit("/", 1)[0] for claim in claims if "/" in claim}
    return spaces.pop() if len(spaces) == 1 else None


def format_evaluation(
    result: Evaluation, claims: list[str], format: EvalFormat, namespace: str | None
) -> str:
    """*result* as the chosen output format."""
    from argmap.render.markdown.evaluation import markdown, table

    if format is EvalFormat.json:
        return json_text(result.to_json()) + "\n"
    if format is EvalFormat.markdown:
        return markdown(result, claims, namespace, level=1)
    return table(result, claims, namespace)


def _framework_answer(
    af: Path, semantics: Semantics, settings: Settings, format: EvalFormat
) -> str:
    """The extensions of the framework in *af*, as JSON or a short listing."""
    from argmap.evaluate.framework import extension
    from argmap.evaluate.grounded import grounded
    from argmap.evaluate.iccma import AfError, read_af
    from argmap.evaluate.search import SearchLimit, labellings
    from argmap.load.files import UnreadableFile, read_regular

    if semantics is Semantics.dfquad:
        fail(
            "--af takes grounded, complete, preferred or stable",
            EXIT_USAGE,
            "DF-QuAD needs claims with supports; evaluate a claims folder",
        )
    try:
        text = read_regular(af, 1 << 30).decode("utf-8")
    except (UnreadableFile, UnicodeDecodeError) as exc:
        fail(f"cannot read {af}: {exc}", EXIT_USAGE)
    try:
        framework = read_af(af.name, text)
    except AfError as exc:
        fail(f"{af}:{exc.line}: {exc.message}", EXIT_PROBLEMS, exc.hint)
    ground = grounded(framework)
    try:
        found = (
            [ground]
            if semantics is Semantics.grounded
            else labellings(framework, ground, semantics.value, settings.large)
        )
    except SearchLimit as exc:
        fail(str(exc), EXIT_USAGE, exc.hint)
    extensions = sorted(extension(labels, framework.names) for labels in found)
    if format is EvalFormat.json:
        return json_text({"semantics": semantics.value, "extensions": extensions}) + "\n"
    if not extensions:
        return f"no {semantics.value} extension: the framework has none (an odd cycle)\n"
    return "".join("{" + ", ".join(e) + "}\n" for e in extensions)

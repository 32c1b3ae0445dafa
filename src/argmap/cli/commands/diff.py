"""Commands over the claims' git history: diff (two versions) and history (one claim)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from argmap.cli.app import (
    DEFAULT_PATH,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    PathArg,
    app,
    echo,
    echo_data,
    fail,
    json_text,
    print_diagnostics,
    write_output,
)
from argmap.load.limits import Limits

if TYPE_CHECKING:
    from argmap.revisions.sides import Side


class DiffFormat(StrEnum):
    """How `argmap diff` prints."""

    text = "text"
    markdown = "markdown"
    json = "json"


class FailOn(StrEnum):
    """What `--fail-on` can name."""

    lost_source = "lost-source"


class HistoryFormat(StrEnum):
    """How `argmap history` prints."""

    table = "table"
    json = "json"


ClaimsPath = Annotated[
    Path, typer.Option("--path", help="The claims folder (in the work tree).", show_default=True)
]


@app.command()
def diff(
    ctx: typer.Context,
    sides: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="A [B]",
            help="Git revisions or folders; B defaults to the work tree.",
            show_default=False,
        ),
    ] = None,
    path: ClaimsPath = DEFAULT_PATH,
    format_: Annotated[DiffFormat, typer.Option("--format", help="Output format.")] = (
        DiffFormat.text
    ),
    exit_code: Annotated[
        bool, typer.Option("--exit-code", help="Exit 1 when anything changed, as git diff does.")
    ] = False,
    fail_on: Annotated[
        FailOn | None,
        typer.Option("--fail-on", help="Exit 1 when a claim lost its last source."),
    ] = None,
    git_driver: Annotated[
        bool,
        typer.Option(
            "--git-driver",
            help="Take the 7 arguments git gives a diff.<driver>.command (see docs/diff.md).",
        ),
    ] = False,
) -> None:
    """Compare two versions of the claims: what was added, removed, renamed or changed."""
    from argmap.revisions.diff import diff_sides
    from argmap.revisions.emit import diff_json, diff_markdown, diff_text
    from argmap.revisions.git import GitError
    from argmap.revisions.sides import open_side

    limits = ctx.find_object(Limits) or Limits()
    words = sides or []
    if path.is_file():
        fail(f"--path names a file: {path}", hint="give the claims folder, e.g. --path claims")
    try:
        if git_driver:
            old, new, folder = _driver_sides(words, path)
        else:
            if not 1 <= len(words) <= 2:
                fail("give one or two revisions or folders: argmap diff A [B]")
            old = open_side(words[0], path)
            new = open_side(words[1] if len(words) > 1 else None, path)
            folder = "" if len(words) > 1 and Path(words[1]).is_dir() else f"{path.as_posix()}/"
        found = diff_sides(old, new, limits)
    except GitError as exc:
        fail(exc.message, EXIT_USAGE, exc.hint)
    except OSError as exc:
        fail(f"cannot read the claims: {exc.strerror or exc}")
    print_diagnostics(found.diagnostics)
    for skipped in found.skipped:
        echo(
            f"argmap: warning: {folder}{skipped} could not be read on one side; "
            "its changes are not shown",
            err=True,
        )
    old_name, new_name = old.label, ("work tree" if len(words) < 2 else new.label)
    if format_ is DiffFormat.json:
        echo_data(json_text(diff_json(found.changes)))
    elif format_ is DiffFormat.markdown:
        write_output(diff_markdown(found.changes, old_name, new_name, folder), None)
    else:
        write_output(diff_text(found.changes, old_name, new_name, folder), None, human=True)
    if git_driver:
        return  # git stops at a driver's non-zero exit
    if fail_on is FailOn.lost_source and any(change.lost_source for change in found.changes):
        raise typer.Exit(EXIT_PROBLEMS)
    if exit_code and found.changes:
        raise typer.Exit(EXIT_PROBLEMS)


def _driver_sides(words: list[str], path: Path) -> tuple[Side, Side, str]:
    """The two sides of one file, from git's `path old-file old-hex old-mode new-file
    new-hex new-mode` (plus two more words for a rename)."""
    from argmap.revisions.git import GitError, repository_of
    from argmap.revisions.sides import Files

    if len(words) not in (7, 9):
        fail(
            f"--git-driver takes the 7 arguments git passes, not {len(words)}",
            hint="set it up as docs/diff.md shows: git config diff.argmap.command "
            "'argmap diff --git-driver'",
        )
    shown_old = shown_new = words[0]
    if len(words) == 9:
        shown_new = words[7]
    try:
        prefix = repository_of(path).prefix
    except GitError:
        prefix = ""
    cut = f"{prefix}/" if prefix else ""

    def under(name: str) -> str:
        return name[len(cut) :] if cut and name.startswith(cut) else name

    def file(name: str) -> Path | None:
        return None if name == "/dev/null" else Path(name)

    old = Files({under(shown_old): file(words[1])}, "a")
    new = Files({under(shown_new): file(words[4])}, "b")
    return old, new, cut


@app.command()
def history(
    ctx: typer.Context,
    claim: Annotated[str, typer.Argument(metavar="CLAIM", help="Claim id, bare or NAMESPACE/ID.")],
    path: PathArg = DEFAULT_PATH,
    format_: Annotated[HistoryFormat, typer.Option("--format", help="Output format.")] = (
        HistoryFormat.table
    ),
) -> None:
    """List the commits that changed a claim, back through its renames to its first."""
    from argmap.revisions.git import GitError, repository_of
    from argmap.revisions.history import claim_history, history_json, history_table

    limits = ctx.find_object(Limits) or Limits()
    try:
        repo = repository_of(path)
        qualified = claim if "/" in claim else _qualified(ctx, claim, path)
        steps = claim_history(repo, qualified, limits)
    except GitError as exc:
        fail(exc.message, EXIT_USAGE, exc.hint)
    if format_ is HistoryFormat.json:
        echo_data(json_text(history_json(steps)))
    else:
        write_output(history_table(steps, qualified), None, human=True)


def _qualified(ctx: typer.Context, claim: str, path: Path) -> str:
    """The qualified id of a bare *claim*, as the claims in the work tree declare it."""
    from argmap.cli.app import load_project

    project = load_project(ctx, path, no_cache=False, models=False, warnings=False)
    found = project.table.scopes.find("claim", claim)
    if len(found) == 1:
        return found[0]
    if found:
        fail(
            f"'{claim}' names a claim in several files: {', '.join(found)}",
            hint=f"write it qualified, e.g. '{found[0]}'",
        )
    echo(f"argmap: error: no claim '{claim}' in {path}", err=True)
    echo(
        "  hint: a claim that no longer exists is found by its qualified id, NAMESPACE/ID", err=True
    )
    raise typer.Exit(EXIT_USAGE)

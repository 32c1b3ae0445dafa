"""Commands that change or take out one entity: set and remove.

Both name the entity by id (bare or `NAMESPACE/ID`, `--kind` when the id names
several kinds), plan the new texts with the library (:mod:`argmap.edit.setfield`,
:mod:`argmap.edit.remove`), and write them through :func:`argmap.cli.commands.edit.commit`:
re-checked first, each file atomically, comments kept.
"""

from __future__ import annotations

from typing import Annotated

import typer

from argmap.cli.app import DEFAULT_PATH, PathArg, app, echo
from argmap.cli.editing import Kind, commit

_KIND = typer.Option("--kind", help="Which kind of id, when ID names several.")


@app.command("set")
def set_command(
    ident: Annotated[str, typer.Argument(metavar="ID", help="The id, bare or NAMESPACE/ID.")],
    field: Annotated[str, typer.Argument(metavar="FIELD", help="The field, e.g. status.")],
    value: Annotated[
        str, typer.Argument(metavar="VALUE", help="Text as written; a list as [a, b] or a, b.")
    ],
    path: PathArg = DEFAULT_PATH,
    kind: Annotated[Kind | None, _KIND] = None,
) -> None:
    """Set one field of a claim, link, source, speaker, perspective or question.

    For example `argmap set c12 status retracted` or `argmap set c12 speakers '[putin]'`.
    A list value replaces the whole list. Comments are kept; the claims are re-checked
    before anything is written.
    """
    from argmap.edit.rename import Change, load_files
    from argmap.edit.setfield import set_field

    def plan() -> list[Change]:
        files = load_files(path, str(path))
        return [set_field(files, ident, field, value, None if kind is None else kind.value)]

    (change,) = commit(path, plan)
    echo(f"set: {ident} {field} in {change.file.shown}", err=True)


@app.command()
def remove(
    ident: Annotated[str, typer.Argument(metavar="ID", help="The id, bare or NAMESPACE/ID.")],
    path: PathArg = DEFAULT_PATH,
    kind: Annotated[Kind | None, _KIND] = None,
    cascade: Annotated[
        bool, typer.Option("--cascade", help="Remove what refers to it too (list items, links).")
    ] = False,
) -> None:
    """Remove a claim, link, source, speaker, perspective or question.

    Refused, with every reference listed, while anything refers to it, unless --cascade.
    """
    from argmap.edit.remove import remove as plan_remove
    from argmap.edit.rename import Change, load_files

    def plan() -> list[Change]:
        files = load_files(path, str(path))
        return plan_remove(files, ident, None if kind is None else kind.value, cascade)

    changes = commit(path, plan)
    echo(f"remove: {ident}: changed {len(changes)} file(s)", err=True)

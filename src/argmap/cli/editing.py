"""What the editing commands share: the kinds of id, refusing an edit, and writing one.

Every edit (`add`, `set`, `remove`, `rename`, `fmt`) ends here: :func:`commit` re-checks
the planned texts (:mod:`argmap.edit.recheck`) and writes each file atomically, or
refuses with the errors the edit would bring; :func:`refuse` prints why an edit cannot
be made. Nothing here knows a command.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

from argmap.cli.app import EXIT_PROBLEMS, echo, fail, print_diagnostics

if TYPE_CHECKING:
    from argmap.edit.yamlio import EditError


class Kind(StrEnum):
    """Kinds of id `--kind` can pick (rename, set, remove, show)."""

    source = "source"
    speaker = "speaker"
    perspective = "perspective"
    question = "question"
    claim = "claim"


def refuse(error: EditError) -> NoReturn:
    """Print why an edit cannot be made (and what it is about), then exit 1."""
    echo(f"argmap: error: {error.message}", err=True)
    for line in error.details:
        echo(f"  {line}", err=True)
    if error.hint:
        echo(f"  hint: {error.hint}", err=True)
    raise typer.Exit(EXIT_PROBLEMS)


def write(path: Path, text: str) -> None:
    from argmap.load.files import write_atomic

    try:
        write_atomic(path, text)
    except OSError as exc:
        fail(f"cannot write {path}: {exc.strerror or exc}")


def commit(root: Path, texts: dict[Path, str]) -> None:
    """Write the planned *texts*, each atomically, unless they bring `argmap check` errors."""
    from argmap.edit.recheck import new_errors

    brought = new_errors(root, texts)
    if brought:
        print_diagnostics(brought)
        fail(
            f"the edit would bring {len(brought)} error(s); nothing was written",
            EXIT_PROBLEMS,
            "fix the value, or the entries it refers to, and run again",
        )
    for path, text in texts.items():
        write(path, text)

"""What the editing commands share: the kinds of id, refusing an edit, and writing one.

Every edit (`add`, `set`, `remove`, `rename`, `fmt`) ends here: :func:`commit` re-checks
the planned texts (:mod:`argmap.edit.recheck`) and writes each file atomically, or
refuses with the errors the edit would bring; :func:`refuse` prints why an edit cannot
be made. Nothing here knows a command.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

from argmap.cli.app import EXIT_PROBLEMS, echo, fail, print_diagnostics

if TYPE_CHECKING:
    from argmap.edit.rename import Change
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


def rechecked(root: Path, texts: dict[Path, str]) -> None:
    """Refuse (exit 1, printing them) when the planned *texts* bring `argmap check` errors."""
    from argmap.edit.recheck import new_errors

    brought = new_errors(root, texts)
    if brought:
        print_diagnostics(brought)
        fail(
            f"the edit would bring {len(brought)} error(s); nothing was written",
            EXIT_PROBLEMS,
            "fix the value, or the entries it refers to, and run again",
        )


def commit(root: Path, plan: Callable[[], list[Change]]) -> list[Change]:
    """Lock the files *plan* changes, plan again under the locks (until the files the plan
    changes are all held), re-check, and write them all or none. Returns the changes."""
    from argmap.edit.yamlio import EditError
    from argmap.load.writes import Locks, WriteRefused, write_together

    with Locks() as locks:
        try:
            while True:
                changes = plan()
                if locks.cover(change.file.path for change in changes):
                    break
        except EditError as error:
            refuse(error)
        except OSError as exc:
            fail(f"cannot lock {exc.filename or root}: {exc.strerror or exc}")
        rechecked(root, {change.file.path: change.text for change in changes})
        writes = [(locks.files[c.file.path], c.text, c.file.text) for c in changes]
        try:
            write_together(writes)
        except WriteRefused as refused:
            fail(refused.message, EXIT_PROBLEMS, refused.hint)
        except OSError as exc:
            fail(f"cannot write {exc.filename or root}: {exc.strerror or exc}")
    return changes

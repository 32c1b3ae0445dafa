"""Commands that edit claims files safely: rename, add and fmt (set and remove: edit_entries)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperCommand

from argmap.cli.app import (
    DEFAULT_PATH,
    EXIT_PROBLEMS,
    PathArg,
    app,
    echo,
    echo_block,
    fail,
    load_project,
    print_diagnostics,
)
from argmap.cli.editing import Kind, rechecked, refuse

if TYPE_CHECKING:
    from argmap.load.writes import LockedFile


class AddKind(StrEnum):
    """What `add` can append."""

    claim = "claim"
    source = "source"
    speaker = "speaker"
    perspective = "perspective"
    question = "question"
    link = "link"
    same_as = "same-as"
    not_same_as = "not-same-as"


class _AddCommand(TyperCommand):
    """`add --help` ends with the fields of each kind, read from the model when asked."""

    def format_epilog(self, ctx: Any, formatter: Any) -> None:  # typer's own click types
        from argmap.edit.add import field_help

        pairs = (AddKind.same_as, AddKind.not_same_as)
        for kind in AddKind:
            if kind not in pairs:
                with formatter.section(f"Fields of a {kind.value}"):
                    formatter.write_dl(field_help(kind.value))
        with formatter.section("Pairs of claims (no fields)"):
            formatter.write_dl(
                [
                    ("same-as A B [PATH]", "A and B, in different documents, are one claim"),
                    ("not-same-as A B [PATH]", "A and B are judged different claims"),
                ]
            )


_refuse = refuse


def _write(target: LockedFile, text: str) -> None:
    _write_all([(target, text, "")])


def _write_all(writes: list[tuple[LockedFile, str, str]]) -> None:
    """Write each (file, new text, old text): all, or none (see `write_together`)."""
    from argmap.load.writes import WriteRefused, write_together

    try:
        write_together(writes)
    except WriteRefused as refused:
        fail(refused.message, EXIT_PROBLEMS, refused.hint)
    except OSError as exc:
        fail(f"cannot write {exc.filename or writes[0][0].path}: {exc.strerror or exc}")


@app.command()
def rename(
    old: Annotated[str, typer.Argument(metavar="OLD", help="The id, bare or NAMESPACE/ID.")],
    new: Annotated[str, typer.Argument(metavar="NEW", help="The new id.")],
    path: PathArg = DEFAULT_PATH,
    kind: Annotated[
        Kind | None, typer.Option("--kind", help="Which kind of id, when OLD names several.")
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print the diff; change nothing.")
    ] = False,
) -> None:
    """Rename an id and every reference to it, in every file, keeping comments and layout."""
    import difflib

    from argmap.edit.rename import load_files
    from argmap.edit.rename import rename as plan_rename
    from argmap.edit.yamlio import EditError
    from argmap.load.writes import Locks

    with Locks() as locks:
        try:
            while True:  # plan, lock what the plan changes, plan again under the locks
                changes = plan_rename(
                    load_files(path, str(path)), old, new, None if kind is None else kind.value
                )
                if dry_run or locks.cover(change.file.path for change in changes):
                    break
        except EditError as error:
            _refuse(error)
        except OSError as exc:
            fail(f"cannot lock {exc.filename or path}: {exc.strerror or exc}")
        if dry_run:
            for change in changes:
                diff = difflib.unified_diff(
                    change.file.text.splitlines(keepends=True),
                    change.text.splitlines(keepends=True),
                    f"a/{change.file.path}",
                    f"b/{change.file.path}",
                )
                echo_block("".join(diff), nl=False)
        else:
            _write_all([(locks.files[c.file.path], c.text, c.file.text) for c in changes])
    done = "would change" if dry_run else "changed"
    echo(f"rename: {old} -> {new}: {done} {len(changes)} file(s)", err=True)


@app.command(
    cls=_AddCommand,
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
)
def add(
    ctx: typer.Context,
    kind: Annotated[
        AddKind,
        typer.Argument(
            metavar="claim|source|speaker|perspective|question|link|same-as|not-same-as"
        ),
    ],
    file: Annotated[
        Path, typer.Argument(metavar="FILE|A", help="The claims file to add to (or claim A).")
    ],
) -> None:
    """Append an entry given as --field value options (e.g. --id x --text "…" --type fact).

    A text value keeps its commas and colons; a list takes [a, b] or a, b. The file is
    re-checked before it is written: nothing is written if the entry brings an error.
    `add same-as A B [PATH]` records that claims A and B (in different documents) are one
    claim, `add not-same-as A B [PATH]` that they are not; then the claims are checked.
    """
    from argmap.edit.add import append, entry_id, parse_fields, validate
    from argmap.edit.rename import load_files
    from argmap.edit.yamlio import EditError

    if kind in (AddKind.same_as, AddKind.not_same_as):
        _add_pair(ctx, kind.value, str(file), ctx.args)
        return
    pairs = _pairs(ctx.args)
    root = _claims_root(file)
    with _locked(file) as locked_file:
        try:
            files = load_files(root, str(root))
            target = next((f for f in files if f.path.resolve() == file.resolve()), None)
            if target is None:
                raise EditError(f"{file} is not a claims file under {root}")
            entry = parse_fields(kind.value, pairs)
            validate(kind.value, entry, target, files)
            text = append(target, kind.value, entry)
        except EditError as error:
            _refuse(error)
        rechecked(root, {file: text})
        _write(locked_file, text)
    if kind is AddKind.link and "id" not in entry:
        echo(entry_id(kind.value, entry))  # the id to undercut it by, on stdout
    echo(f"add: {kind.value} '{entry_id(kind.value, entry)}' added to {file}", err=True)


@contextmanager
def _locked(file: Path) -> Iterator[LockedFile]:
    """Hold *file*'s lock while it is read, edited and written."""
    from argmap.load.writes import locked

    try:
        lock = locked(file, "follow")
        target = lock.__enter__()
    except OSError as exc:
        fail(f"cannot lock {file}: {exc.strerror or exc}")
    try:
        yield target
    finally:
        lock.__exit__(None, None, None)


def _add_pair(ctx: typer.Context, key: str, a: str, args: list[str]) -> None:
    """Record `A key B` in A's file, then check the claims again."""
    from argmap.edit.rename import load_files
    from argmap.edit.same_as import record_pair
    from argmap.edit.yamlio import EditError

    if not args or len(args) > 2 or any(arg.startswith("-") for arg in args):
        fail(f"usage: argmap add {key} A B [PATH]", hint=f"e.g. argmap add {key} doc-a/x doc-b/y")
    root = Path(args[1]) if len(args) == 2 else DEFAULT_PATH
    if not root.is_dir():
        fail(f"claims path '{root}' is not a folder")
    try:
        file, text = record_pair(load_files(root, str(root)), key, a, args[0])
    except EditError as error:
        _refuse(error)
    with _locked(file.path) as locked_file:
        _write(locked_file, text)
    echo(f"add: {key} '{args[0]}' added to claim '{a}' in {file.shown}", err=True)
    project = load_project(ctx, root, no_cache=False)
    if project.diagnostics:
        print_diagnostics(project.diagnostics)
    if project.errors:
        fail(f"{len(project.errors)} error(s) in the claims after the edit", EXIT_PROBLEMS)


def _pairs(args: list[str]) -> list[tuple[str, str]]:
    """`--name value` pairs (or `--name=value`) from the extra arguments."""
    pairs: list[tuple[str, str]] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if not arg.startswith("--") or len(arg) == 2:
            fail(f"expected --field value, got {arg!r}", hint="e.g. --id my-claim --type fact")
        if "=" in arg:
            name, value = arg[2:].split("=", 1)
            i += 1
        elif i + 1 < len(args):
            name, value = arg[2:], args[i + 1]
            i += 2
        else:
            fail(f"{arg} has no value")
        pairs.append((name, value))
    if not pairs:
        fail("no fields given", hint="e.g. argmap add claim FILE --id x --text '…' --type fact")
    return pairs


def _claims_root(file: Path) -> Path:
    """The claims folder a file belongs to: `claims/` above it, else its own folder."""
    for parent in file.resolve().parents:
        if parent.name == "claims":
            return parent
    return file.parent


@app.command()
def fmt(
    path: PathArg = DEFAULT_PATH,
    check: Annotated[
        bool, typer.Option("--check", help="Change nothing; exit 1 naming files fmt would change.")
    ] = False,
) -> None:
    """Give claims files a canonical key order and indentation, keeping comments."""
    from argmap.edit.fmt import format_text
    from argmap.edit.yamlio import EditError, read_yaml
    from argmap.load.loader import discover

    if not path.exists():
        fail(f"claims path '{path}' does not exist")
    changed, broken = [], 0
    for file in discover(path):
        with ExitStack() as held:
            locked_file = None if check else held.enter_context(_locked(file))
            try:
                text, _ = read_yaml(file, str(file))
            except EditError as error:
                echo(f"argmap: error: {error.message}", err=True)
                broken += 1
                continue
            formatted = format_text(text)
            if formatted != text:
                changed.append(file)
                if locked_file is None:
                    echo(f"would reformat {file}")
                else:
                    _write(locked_file, formatted)
                    echo(f"reformatted {file}", err=True)
    if broken:
        raise typer.Exit(EXIT_PROBLEMS)
    if check and changed:
        echo(f"fmt: {len(changed)} file(s) would be reformatted", err=True)
        raise typer.Exit(EXIT_PROBLEMS)

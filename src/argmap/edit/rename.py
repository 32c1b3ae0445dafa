"""`argmap rename`: an id and every reference to it, across all files, in place.

The id's definition and each reference that resolves to it are rewritten where
they stand in the text, so comments, key order, quoting and line breaks stay
exactly as they were. A bare reference stays bare when it will still resolve
to the renamed entity, and is written `NAMESPACE/NEW` when a local id would
capture it. The rename is refused when NEW is taken in the namespace, or when
it would change what any other reference means.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path

from argmap.diagnostics import display_path
from argmap.edit.refs import ClaimsFile, Group, Place, Resolver, index_file, references
from argmap.edit.yamlio import EditError, line_starts, read_yaml, scalar_span
from argmap.load.loader import discover
from argmap.model import ID_PATTERN


@dataclass
class Change:
    """A file's new text."""

    file: ClaimsFile
    """The file."""
    text: str
    """Its text after the edit."""


def load_files(root: Path, shown: str) -> list[ClaimsFile]:
    """Every claims file at *root*, loaded for editing (any unreadable file stops the edit)."""
    if not root.exists():
        raise EditError(f"claims path '{shown}' does not exist")
    files = []
    for path in discover(root):
        text, data = read_yaml(path, display_path(path))
        file = ClaimsFile(path, text, data)
        index_file(file, root)
        files.append(file)
    if not files:
        raise EditError(f"no .yaml files under '{shown}'")
    return files


def rename(files: list[ClaimsFile], old: str, new: str, group: Group | None) -> list[Change]:
    """The changes that rename *old* to *new*; raises EditError when it cannot be done."""
    if not re.fullmatch(ID_PATTERN, new):
        raise EditError(f"'{new}' is not a valid id", "ids are lowercase slugs: a-z 0-9 . _ -")
    resolver = Resolver(files)
    found = [(f, g) for f, g in resolver.definitions(old) if group is None or g == group]
    if not found:
        raise EditError(f"no id '{old}'" + (f" among {group}s" if group else ""))
    if len({g for _, g in found}) > 1:
        kinds = " and a ".join(sorted({g for _, g in found}))
        raise EditError(f"'{old}' names a {kinds}", "choose one with --kind")
    if len(found) > 1:
        where = ", ".join(f.namespace for f, _ in found)
        raise EditError(f"'{old}' is defined in {where}", "name one as NAMESPACE/ID")
    home, group = found[0]
    bare = old.rsplit("/", 1)[-1]
    if new in home.defined.get(group, {}):
        raise EditError(f"'{new}' is already a {group} id in {home.shown}")
    target = (home.namespace, bare)
    before = [
        (ref, resolver.resolve(ref.file, ref.group, ref.value))
        for f in files
        for ref in references(f)
    ]
    edits: dict[int, list[tuple[Place, str]]] = {id(f): [] for f in files}
    edits[id(home)].append((home.defined[group][bare], new))
    home.defined[group][new] = home.defined[group].pop(bare)
    after = Resolver(files)  # the same files with the id renamed
    kept: dict[int, list[Place]] = {id(f): [] for f in files}
    for ref, meaning in before:
        if ref.group != group or meaning != target:
            kept[id(ref.file)].append(ref.place)  # a shared (aliased) text must not change
        if ref.group != group:
            continue
        if meaning == target:
            value = new if "/" not in ref.value else f"{home.namespace}/{new}"
            if after.resolve(ref.file, group, value) != (home.namespace, new):
                value = f"{home.namespace}/{new}"
            edits[id(ref.file)].append((ref.place, value))
        elif after.resolve(ref.file, group, ref.value) != meaning:
            raise EditError(
                f"renaming would change what '{ref.value}' means in {ref.file.shown}",
                "choose another new id",
            )
    home.defined[group][bare] = home.defined[group].pop(new)
    changes = (_apply(f, edits[id(f)], kept[id(f)]) for f in files)
    return [change for change in changes if change is not None]


def _apply(file: ClaimsFile, edits: list[tuple[Place, str]], kept: list[Place]) -> Change | None:
    """*file* with each edit made once: references reached through an alias (`*s` of a
    `&s [b]`) are the anchored text itself, so they share one span and one edit. Refused
    when that text must change for one use and stay (or change otherwise) for another."""
    if not edits:
        return None
    starts = line_starts(file.text)
    spans: dict[tuple[int, int], str] = {}
    for place, value in edits:
        span = scalar_span(file.text, starts, place.container, place.key)
        if spans.setdefault(span, value) != value:
            _shared(file, starts, span)
    for place in kept:
        if (span := scalar_span(file.text, starts, place.container, place.key)) in spans:
            _shared(file, starts, span)
    text = file.text
    for (start, end), value in sorted(spans.items(), reverse=True):
        text = text[:start] + value + text[end:]
    return Change(file, text)


def _shared(file: ClaimsFile, starts: list[int], span: tuple[int, int]) -> None:
    line = bisect_right(starts, span[0])
    raise EditError(
        f"{file.shown}:{line}:{span[0] - starts[line - 1] + 1}: this anchored value is also "
        "used through an alias, where the rename must not change it",
        "write the value out in place of the '*name' alias, then rename",
    )

"""Finding the one entity an edit names, and writing a file's round-trip data back.

`rename`, `set` and `remove` name an entity by id (bare or `NAMESPACE/ID`),
optionally with its kind. :func:`find` says which file defines it and where,
or refuses with the reason (no such id, several kinds, several files).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from argmap.corpus.scope import GROUP_OF_SECTION
from argmap.edit.refs import ClaimsFile, Group, Reference, Resolver, references
from argmap.edit.yamlio import EditError


@dataclass
class Found:
    """The entity an edit names."""

    file: ClaimsFile
    """The file that defines it."""
    group: Group
    """Its id space."""
    bare: str
    """Its id without namespace."""
    section: str
    """The section its entry is in (`claims`, `links`, `sources` …)."""
    entry: Any
    """Its round-trip mapping."""

    @property
    def key(self) -> tuple[str, str]:
        """(namespace, id), as :meth:`Resolver.resolve` answers."""
        return self.file.namespace, self.bare


def find(resolver: Resolver, ident: str, group: Group | None) -> Found:
    """The one entity *ident* names (of *group*, when given), or EditError saying why not."""
    found = [(f, g) for f, g in resolver.definitions(ident) if group is None or g == group]
    if not found:
        raise EditError(f"no id '{ident}'" + (f" among {group}s" if group else ""))
    if len({g for _, g in found}) > 1:
        kinds = " and a ".join(sorted({g for _, g in found}))
        raise EditError(f"'{ident}' names a {kinds}", "choose one with --kind")
    if len(found) > 1:
        where = ", ".join(f.namespace for f, _ in found)
        raise EditError(f"'{ident}' is defined in {where}", "name one as NAMESPACE/ID")
    file, group = found[0]
    bare = ident.rsplit("/", 1)[-1]
    entry = file.defined[group][bare].container
    section = next(
        s
        for s, g in GROUP_OF_SECTION.items()
        if g == group and any(e is entry for e in file.data.get(s) or [])
    )
    return Found(file, group, bare, section, entry)


def referrers(resolver: Resolver, target: Found) -> list[Reference]:
    """Every reference, in every file, that names *target*."""
    return [
        ref
        for file in resolver.files
        for ref in references(file)
        if ref.group == target.group and resolver.resolve(file, ref.group, ref.value) == target.key
    ]


def where(ref: Reference) -> str:
    """`file:line:col` of a reference's value."""
    container, key = ref.place
    line, col = container.lc.value(key) if isinstance(key, str) else container.lc.item(key)
    return f"{ref.file.shown}:{line + 1}:{col + 1}"

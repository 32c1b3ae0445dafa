"""Namespaces: which entity a written id means, seen from the file that writes it.

Every id declared in a file belongs to that file's namespace (its path under
the claims root without `.yaml`, or its `namespace:` field), so two
commentaries may both say `commentary` or `author`. A bare reference resolves
first in its own file, then in the shared files (files with no `document:`);
`NAMESPACE/ID` reaches any file. Entities are keyed by their qualified id,
`NAMESPACE/ID`, everywhere after loading. This module only answers lookups;
it records ambiguities for the checks and never reports anything itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from argmap.diagnostics import PathPart

Group = Literal["source", "speaker", "perspective", "question", "claim"]
"""Id spaces: claims and links share one ("claim"), every other kind has its own."""

GROUP_OF_SECTION: dict[str, Group] = {
    "sources": "source",
    "speakers": "speaker",
    "perspectives": "perspective",
    "questions": "question",
    "claims": "claim",
    "links": "claim",
}
"""The id space each section of a claims file declares its ids in."""


def qualify(namespace: str, ident: str) -> str:
    """The qualified id of *ident* declared in *namespace*."""
    return f"{namespace}/{ident}"


class Ambiguity(NamedTuple):
    """A bare reference that two or more shared files could mean."""

    file: str
    """The file (as shown) that writes the reference."""
    path: tuple[PathPart, ...]
    """Where in that file the reference is written."""
    written: str
    """The reference as written."""
    candidates: tuple[str, ...]
    """The qualified ids it could mean, sorted; the first is used."""


@dataclass
class Scopes:
    """Every declared id by id space, and the shared files' ids by bare id."""

    declared: dict[Group, set[str]] = field(default_factory=dict)
    """Qualified ids declared in each id space (invalid entries included)."""
    shared: dict[Group, dict[str, list[str]]] = field(default_factory=dict)
    """For each id space, bare id -> qualified ids declared in shared files."""
    ambiguities: list[Ambiguity] = field(default_factory=list)
    """Ambiguous bare references met while resolving, in the order met."""
    _batches: list[tuple[Group, str, list[str]]] = field(default_factory=list, repr=False)
    _by_bare: dict[Group, dict[str, list[str]]] | None = field(default=None, repr=False)

    def declare(self, group: Group, namespace: str, ident: str, shared: bool) -> str:
        """Record that *namespace* declares *ident*; return its qualified id."""
        self.declare_many(group, namespace, [ident], shared)
        return qualify(namespace, ident)

    def declare_many(
        self,
        group: Group,
        namespace: str,
        idents: list[str],
        shared: bool,
        keys: list[str] | None = None,
    ) -> None:
        """Record that *namespace* declares each of *idents* (as written, unqualified);
        *keys*, when given, are their qualified ids already made."""
        if not idents:
            return
        prefix = namespace + "/"
        if keys is None:
            keys = [prefix + ident for ident in idents]
        self.declared.setdefault(group, set()).update(keys)
        self._batches.append((group, namespace, idents))
        self._by_bare = None
        if shared:
            table = self.shared.setdefault(group, {})
            for ident in idents:
                keys = table.setdefault(ident, [])
                if prefix + ident not in keys:
                    keys.append(prefix + ident)

    def lookup(self, group: Group, written: str, namespace: str) -> tuple[str, tuple[str, ...]]:
        """What *written* means in *namespace*, and the candidates when it is ambiguous.

        A qualified reference is taken as it stands. A bare one is looked up in
        its own namespace, then among the shared files; when several shared
        files declare it, the first (sorted) is used and all are returned, so
        one mistake gives one error rather than a cascade. An unknown id is
        returned as written. Nothing is recorded.
        """
        if "/" in written:
            return written, ()
        own = namespace + "/" + written
        if own in self.declared.get(group, ()):
            return own, ()
        candidates = self.shared.get(group, {}).get(written)
        if not candidates:
            return written, ()
        if len(candidates) > 1:
            ordered = tuple(sorted(candidates))
            return ordered[0], ordered
        return candidates[0], ()

    def resolve(
        self, group: Group, written: str, namespace: str, file: str, path: tuple[PathPart, ...]
    ) -> str:
        """The qualified id *written* means in *namespace* (see :meth:`lookup`); an ambiguity
        is recorded with *file* and *path*."""
        key, candidates = self.lookup(group, written, namespace)
        if candidates:
            self.ambiguities.append(Ambiguity(file, path, written, candidates))
        return key

    def by_bare(self, group: Group) -> dict[str, list[str]]:
        """Bare id -> qualified ids declared anywhere in *group* (built on first use)."""
        if self._by_bare is None:
            index: dict[Group, dict[str, list[str]]] = {}
            seen: set[tuple[Group, str]] = set()
            for space, namespace, idents in self._batches:
                table = index.setdefault(space, {})
                for ident in idents:
                    key = qualify(namespace, ident)
                    if (space, key) not in seen:
                        seen.add((space, key))
                        table.setdefault(ident, []).append(key)
            self._by_bare = index
        return self._by_bare.get(group, {})

    def elsewhere(self, group: Group, written: str) -> list[str]:
        """Qualified ids in any namespace whose bare id is *written* (for hints)."""
        bare = written.rsplit("/", 1)[-1]
        return sorted(self.by_bare(group).get(bare, ()))

    def find(self, group: Group, written: str) -> list[str]:
        """The qualified ids a user's *written* id may mean: itself if declared, else every
        namespace's entity with that bare id (for command-line arguments such as `show ID`)."""
        if written in self.declared.get(group, ()):
            return [written]
        return self.elsewhere(group, written) if "/" not in written else []

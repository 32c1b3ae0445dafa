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

from argmap.load.yamlsource import PathPart

Group = Literal["source", "speaker", "perspective", "question", "claim"]
"""Id spaces: claims and links share one ("claim"), every other kind has its own."""


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
    by_bare: dict[Group, dict[str, list[str]]] = field(default_factory=dict)
    """For each id space, bare id -> qualified ids declared anywhere (for hints)."""
    ambiguities: list[Ambiguity] = field(default_factory=list)
    """Ambiguous bare references met while resolving, in the order met."""

    def declare(self, group: Group, namespace: str, ident: str, shared: bool) -> str:
        """Record that *namespace* declares *ident*; return its qualified id."""
        key = qualify(namespace, ident)
        ids = self.declared.setdefault(group, set())
        if key not in ids:
            ids.add(key)
            self.by_bare.setdefault(group, {}).setdefault(ident, []).append(key)
            if shared:
                self.shared.setdefault(group, {}).setdefault(ident, []).append(key)
        return key

    def resolve(
        self, group: Group, written: str, namespace: str, file: str, path: tuple[PathPart, ...]
    ) -> str:
        """The qualified id *written* means in *namespace*; unknown ids are returned as written.

        A qualified reference is taken as it stands. A bare one is looked up in
        its own namespace, then among the shared files; when several shared
        files declare it, the ambiguity is recorded and the first (sorted) is used,
        so one mistake gives one error rather than a cascade.
        """
        if "/" in written:
            return written
        declared = self.declared.get(group, ())
        own = qualify(namespace, written)
        if own in declared:
            return own
        candidates = self.shared.get(group, {}).get(written)
        if not candidates:
            return written
        if len(candidates) > 1:
            ordered = tuple(sorted(candidates))
            self.ambiguities.append(Ambiguity(file, path, written, ordered))
            return ordered[0]
        return candidates[0]

    def elsewhere(self, group: Group, written: str) -> list[str]:
        """Qualified ids in any namespace whose bare id is *written* (for hints)."""
        bare = written.rsplit("/", 1)[-1]
        return sorted(self.by_bare.get(group, {}).get(bare, ()))

    def find(self, group: Group, written: str) -> list[str]:
        """The qualified ids a user's *written* id may mean: itself if declared, else every
        namespace's entity with that bare id (for command-line arguments such as `show ID`)."""
        if written in self.declared.get(group, ()):
            return [written]
        return self.elsewhere(group, written) if "/" not in written else []

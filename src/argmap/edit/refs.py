"""Where ids are defined and referenced in round-trip data, and what each reference means.

Each reference is found with its place in the data, so an edit can rewrite
exactly that scalar. What a reference means comes from the corpus's own
namespace rule (:class:`argmap.corpus.scope.Scopes`, the one `argmap check`
uses): a bare id resolves in its own file first, then in shared files (files
without `document:`); `NAMESPACE/ID` names another file's entity. Claims and
links share one group of ids.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from argmap.corpus.scope import GROUP_OF_SECTION, Group, Scopes
from argmap.diagnostics import display_path
from argmap.load.loader import namespace_of

__all__ = ["Group"]


# (section, field, group): fields holding references; "*" marks a list of them
REFERENCE_FIELDS: tuple[tuple[str, str, Group], ...] = (
    ("sources", "authors*", "speaker"),
    ("speakers", "perspective", "perspective"),
    ("claims", "speakers*", "speaker"),
    ("claims", "questions*", "question"),
    ("claims", "supports*", "claim"),
    ("claims", "opposes*", "claim"),
    ("links", "from*", "claim"),
    ("links", "to", "claim"),
    ("links", "speakers*", "speaker"),
)


class Place(NamedTuple):
    """Where a scalar sits: its container and the key or index that holds it."""

    container: Any
    """A round-trip mapping or sequence."""
    key: str | int
    """The key (mapping) or index (sequence)."""


class Reference(NamedTuple):
    """One reference in one file."""

    file: ClaimsFile
    """The file it is written in."""
    group: Group
    """What kind of id it names."""
    value: str
    """As written: bare or `NAMESPACE/ID`."""
    place: Place
    """Where the value sits."""


@dataclass
class ClaimsFile:
    """One claims file, loaded for editing."""

    path: Path
    """Where it is."""
    text: str
    """Its text as read."""
    data: Any
    """Its round-trip data (a mapping, or something else when the file is not a claims file)."""
    namespace: str = ""
    """The namespace its ids belong to."""
    defined: dict[Group, dict[str, Place]] = field(default_factory=dict)
    """Ids it defines, by group, with the place of each `id:` value."""

    @property
    def shown(self) -> str:
        """The path as printed in messages."""
        return display_path(self.path)

    @property
    def shared(self) -> bool:
        """True when the file maps no document, so its ids are reachable bare from every file."""
        return not (isinstance(self.data, dict) and self.data.get("document"))


def index_file(file: ClaimsFile, root: Path) -> None:
    """Fill in the file's namespace and the ids it defines."""
    data = file.data if isinstance(file.data, dict) else {}
    namespace = data.get("namespace")
    if isinstance(namespace, str):
        file.namespace = namespace
    else:
        file.namespace = namespace_of(root, file.path)
    for section, group in GROUP_OF_SECTION.items():
        for entry in _entries(data, section):
            ident = entry.get("id")
            if isinstance(ident, str):
                file.defined.setdefault(group, {}).setdefault(ident, Place(entry, "id"))


def references(file: ClaimsFile) -> Iterator[Reference]:
    """Every reference the file makes, in file order."""
    data = file.data if isinstance(file.data, dict) else {}
    if isinstance(data.get("document"), str):
        yield Reference(file, "source", data["document"], Place(data, "document"))
    for section, name, group in REFERENCE_FIELDS:
        for entry in _entries(data, section):
            yield from _field_refs(file, entry, name, group)
    for section in ("claims", "links"):
        for entry in _entries(data, section):
            citations = entry.get("citations")
            for citation in citations if isinstance(citations, list) else []:
                if isinstance(citation, dict) and isinstance(citation.get("source"), str):
                    yield Reference(file, "source", citation["source"], Place(citation, "source"))
    expect = data.get("expect")
    for expected in expect.values() if isinstance(expect, dict) else ():
        if isinstance(expected, dict):
            for label in ("in*", "out*", "undec*"):
                yield from _field_refs(file, expected, label, "claim")


def _field_refs(file: ClaimsFile, entry: Any, name: str, group: Group) -> Iterator[Reference]:
    key = name.rstrip("*")
    value = entry.get(key)
    if isinstance(value, str):
        yield Reference(file, group, value, Place(entry, key))
    elif isinstance(value, list) and name.endswith("*"):
        for i, item in enumerate(value):
            if isinstance(item, str):
                yield Reference(file, group, item, Place(value, i))


def _entries(data: Any, section: str) -> list[Any]:
    entries = data.get(section) if isinstance(data, dict) else None
    return [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []


class Resolver:
    """Resolves references across a set of files, by the corpus's namespace rule."""

    def __init__(self, files: list[ClaimsFile]) -> None:
        self.files = files
        self.by_namespace = {f.namespace: f for f in files}
        self.scopes = Scopes()
        for file in files:
            for group, ids in file.defined.items():
                for ident in ids:
                    self.scopes.declare(group, file.namespace, ident, file.shared)

    def resolve(self, file: ClaimsFile, group: Group, value: str) -> tuple[str, str] | None:
        """The (namespace, id) a reference names, or None when nothing defines it."""
        key = self.scopes.resolve(group, value, file.namespace, file.shown, ())
        if key not in self.scopes.declared.get(group, ()):
            return None
        namespace, ident = key.rsplit("/", 1)
        return namespace, ident

    def definitions(self, ident: str) -> list[tuple[ClaimsFile, Group]]:
        """Every file and group that defines *ident* (bare) or the qualified *ident*."""
        if "/" in ident:
            namespace, bare = ident.rsplit("/", 1)
            file = self.by_namespace.get(namespace)
            groups = [] if file is None else [g for g, ids in file.defined.items() if bare in ids]
            return [(file, g) for g in groups] if file is not None else []
        return [(f, g) for f in self.files for g, ids in f.defined.items() if ident in ids]

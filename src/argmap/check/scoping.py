"""Checks of namespaces and ids: clashing namespaces, duplicate ids, ambiguous references.

These report root causes: one duplicate id can make every citation of it
resolve to the wrong entity, so their diagnostics sort before all others (see
:attr:`argmap.codes.CodeInfo.root_cause`), and the quote check skips sources
whose id is duplicated.
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.check.duplicate_links import repeated_link
from argmap.corpus.table import FactTable, Kind, Origin
from argmap.diagnostics import Diagnostic, Location
from argmap.load.facts import link_id


def check_namespaces(table: FactTable) -> Iterator[Diagnostic]:
    """Two files with one namespace (x.yaml beside x.yml, or the same `namespace:`)."""
    for namespace, first, later, written in table.namespace_clashes:
        yield Diagnostic(
            table.locate(Origin(later, ("namespace",))) if written else Location(later),
            "duplicate-namespace",
            f"namespace '{namespace}' is already the namespace of {first}",
            "rename one file, or give it its own 'namespace:'",
            related=Location(first),
        )


def check_duplicate_ids(table: FactTable) -> Iterator[Diagnostic]:
    """Ids defined twice in one namespace; both places are named."""
    for kind, key, origin in table.duplicates:
        first_kind: Kind = kind
        if table.origin(kind, key) is None and kind in ("claim", "link"):
            first_kind = "link" if kind == "claim" else "claim"
        first = table.origin(first_kind, key)
        is_shorthand = origin.path[0] == "claims" and len(origin.path) > 2
        if kind == "link" and first is not None and _generated(table, origin):
            yield repeated_link(table, origin, first)
            continue
        where = table.locate(origin) if is_shorthand else table.locate(origin, "id")
        taken_by = "" if first_kind == kind else f" (already a {first_kind} id)"
        yield Diagnostic(
            where,
            "duplicate-id",
            f"{kind} id '{table.bare(first_kind, key)}' is defined twice in namespace "
            f"'{table.namespaces[origin.file]}'{taken_by}",
            "rename one of them; ids must be unique within a file's namespace",
            related=None if first is None else table.locate(first, "id"),
        )


def _generated(table: FactTable, origin: Origin) -> bool:
    """True when the link at *origin* is a `links:` entry written without an id."""
    if origin.path[0] != "links":
        return False
    facts = next(f.facts for f in table.files if f.shown == origin.file)
    i = int(origin.path[1])
    return facts.link_ids[i] == link_id(
        facts.link_from[i], facts.link_relation[i], facts.link_to[i]
    )


def check_ambiguous_refs(table: FactTable) -> Iterator[Diagnostic]:
    """Bare references that two or more shared files declare."""
    for ambiguity in table.scopes.ambiguities:
        candidates = " and ".join(f"'{c}'" for c in ambiguity.candidates)
        yield Diagnostic(
            table.locate(Origin(ambiguity.file, ambiguity.path)),
            "ambiguous-ref",
            f"'{ambiguity.written}' could mean {candidates}",
            f"write it qualified, e.g. '{ambiguity.candidates[0]}', or rename one of them",
        )

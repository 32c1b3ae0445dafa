"""Checks of namespaces and ids: clashing namespaces, duplicate ids, ambiguous references.

These report root causes: one duplicate id can make every citation of it
resolve to the wrong entity, so their diagnostics sort before all others (see
:attr:`argmap.codes.CodeInfo.root_cause`), and the quote check skips sources
whose id is duplicated.
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.corpus.graph import GraphIndex
from argmap.corpus.merge import Kind, Origin
from argmap.diagnostics import Diagnostic, Location


def check_namespaces(index: GraphIndex) -> Iterator[Diagnostic]:
    """Two files with one namespace (x.yaml beside x.yml, or the same `namespace:`)."""
    corpus = index.corpus
    for namespace, first, later, written in corpus.namespace_clashes:
        yield Diagnostic(
            corpus.locate(Origin(later, ("namespace",))) if written else Location(later),
            "duplicate-namespace",
            f"namespace '{namespace}' is already the namespace of {first}",
            "rename one file, or give it its own 'namespace:'",
            related=Location(first),
        )


def check_duplicate_ids(index: GraphIndex) -> Iterator[Diagnostic]:
    """Ids defined twice in one namespace; both places are named."""
    corpus = index.corpus
    for kind, key, origin in corpus.duplicates:
        first_kind: Kind = kind
        if (kind, key) not in corpus.origins and kind in ("claim", "link"):
            first_kind = "link" if kind == "claim" else "claim"
        first = corpus.origins.get((first_kind, key))
        is_shorthand = origin.path[0] == "claims" and len(origin.path) > 2
        where = corpus.locate(origin) if is_shorthand else corpus.locate(origin, "id")
        taken_by = "" if first_kind == kind else f" (already a {first_kind} id)"
        yield Diagnostic(
            where,
            "duplicate-id",
            f"{kind} id '{corpus.bare(first_kind, key)}' is defined twice in namespace "
            f"'{corpus.namespaces[origin.file]}'{taken_by}",
            "rename one of them; ids must be unique within a file's namespace",
            related=None if first is None else corpus.locate(first, "id"),
        )


def check_ambiguous_refs(index: GraphIndex) -> Iterator[Diagnostic]:
    """Bare references that two or more shared files declare."""
    corpus = index.corpus
    for ambiguity in corpus.ambiguities:
        candidates = " and ".join(f"'{c}'" for c in ambiguity.candidates)
        yield Diagnostic(
            corpus.locate(Origin(ambiguity.file, ambiguity.path)),
            "ambiguous-ref",
            f"'{ambiguity.written}' could mean {candidates}",
            f"write it qualified, e.g. '{ambiguity.candidates[0]}', or rename one of them",
        )

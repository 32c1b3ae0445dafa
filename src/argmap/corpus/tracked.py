"""Tracked claims: the classes `same-as:` forms across documents, over the fact table.

`same-as` is symmetric and transitive, so its pairs join claims into classes
(union-find); each class of two or more claims is a *tracked claim* and each
member an *appearance*. `not-same-as` pairs are kept as judged different.
Only pairs between claims that exist and lie in different documents join a
class; the checks (:mod:`argmap.check.tracking`) report the others. Reads the
:class:`~argmap.corpus.table.FactTable` only; no models, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from argmap.corpus.table import FactTable, Origin


@dataclass(frozen=True)
class Pair:
    """One `same-as` or `not-same-as` entry, resolved."""

    claim: str
    """The qualified id of the claim that writes it."""
    target: str
    """The qualified id it names (as written when it names nothing)."""
    origin: Origin
    """The claim's origin; the entry is at `(key, index)` below it."""
    key: str
    """'same-as' or 'not-same-as'."""
    index: int
    """Its index in the claim's list."""


@dataclass
class SameAs:
    """The tracked claims of a corpus and the pairs judged different."""

    classes: list[list[str]] = field(default_factory=list)
    """Each tracked claim's members (qualified ids), in corpus order; classes in order of
    their first member."""
    class_of: dict[str, int] = field(default_factory=dict)
    """For each member, the index of its class."""
    same: list[Pair] = field(default_factory=list)
    """Every `same-as` entry of a claim that won its id, in corpus order."""
    different: list[Pair] = field(default_factory=list)
    """Every `not-same-as` entry of a claim that won its id, in corpus order."""

    def judged_different(self) -> set[frozenset[str]]:
        """The pairs recorded as `not-same-as`."""
        return {frozenset((p.claim, p.target)) for p in self.different}


def document_of(table: FactTable, claim: str) -> str | None:
    """The file (shown) that defines the claim *claim*, or None when it is unknown."""
    origin = table.origin("claim", claim)
    return None if origin is None else origin.file


def same_document(table: FactTable, a: str, b: str) -> bool:
    """True when claims *a* and *b* are in one file, or in two files that map one document."""
    file_a, file_b = document_of(table, a), document_of(table, b)
    if file_a is None or file_b is None:
        return False
    if file_a == file_b:
        return True
    doc_a = table.documents.get(file_a)
    return doc_a is not None and doc_a == table.documents.get(file_b)


def pairs(table: FactTable) -> tuple[list[Pair], list[Pair]]:
    """Every `same-as` and every `not-same-as` entry of the claims that won their id."""
    found: tuple[list[Pair], list[Pair]] = ([], [])
    for f, loaded in enumerate(table.files):
        facts = loaded.facts
        if not facts.same_as_claim and not facts.differ_claim:
            continue
        memo, keys, lost = table.resolved[f]["claim"], table.claim_keys[f], table.claims_lost[f]
        for out, name, owners, lists in (
            (found[0], "same-as", facts.same_as_claim, facts.same_as_targets),
            (found[1], "not-same-as", facts.differ_claim, facts.differ_targets),
        ):
            for i, targets in zip(owners, lists, strict=True):
                if i in lost:
                    continue
                origin = Origin(loaded.shown, ("claims", i))
                for j, target in enumerate(targets):
                    out.append(Pair(keys[i], memo[target], origin, name, j))
    return found


def same_as_classes(table: FactTable) -> SameAs:
    """The tracked claims of *table*: union-find over its valid `same-as` pairs."""
    same, different = pairs(table)
    result = SameAs(same=same, different=different)
    if not same:
        return result
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while x != root:
            parent[x], x = root, parent[x]
        return root

    for pair in same:
        if pair.target not in table.claims or same_document(table, pair.claim, pair.target):
            continue
        a, b = find(pair.claim), find(pair.target)
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        if a != b:
            parent[max(a, b)] = min(a, b)
    members: dict[str, list[str]] = {}
    order = dict.fromkeys(k for keys in table.claim_keys for k in keys if k in parent)
    for key in order:
        members.setdefault(find(key), []).append(key)
    for group in members.values():
        if len(group) > 1:
            for key in group:
                result.class_of[key] = len(result.classes)
            result.classes.append(group)
    return result

"""The claim graph of a checked corpus, read from its fact table (no models needed).

`argmap check` verifies `expect:` blocks on the facts road, and `evaluate`, `map`,
`brief` and `render` read the same graph, so one function serves them all: claims in
corpus order with their status, base score and sourcing tier, and every link resolved.
A scope (the claims a map shows) keeps only those claims and the links among them.
"""

from __future__ import annotations

from collections.abc import Collection

from argmap.corpus.table import FactTable, sourcing_of
from argmap.evaluate.bipolar import ClaimGraph, LinkRow


def claim_graph(
    table: FactTable, scope: Collection[str] | None = None, sourcing: bool = False
) -> ClaimGraph:
    """The claims and links of *table* (only the claims in *scope*, when given); with
    *sourcing*, each claim's sourcing tier too (for `--base-from sourcing`)."""
    graph = ClaimGraph()
    for f, loaded in enumerate(table.files):
        facts, keys = loaded.facts, table.claim_keys[f]
        source_of = table.resolved[f]["source"]
        document = table.documents[loaded.shown]
        for i in table.claim_indexes(f):
            key = keys[i]
            if scope is not None and key not in scope:
                continue
            graph.claims.append(key)
            status = facts.claim_status[i]
            if status is not None:
                graph.status[key] = status
            base = facts.claim_base[i] if i < len(facts.claim_base) else None
            if base is not None:
                graph.base[key] = base
            if sourcing:
                cites = [(source_of.get(c[0], c[0]), c[1]) for c in facts.claim_citations[i]]
                graph.sourcing[key] = sourcing_of(cites, document).value
    links = table.links
    graph.links = list(map(LinkRow, links.keys, links.premises, links.targets, links.relations))
    return graph

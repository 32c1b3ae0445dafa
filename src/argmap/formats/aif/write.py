"""Writing the corpus as AIF JSON (AIFdb shape, with participants as OVA3 writes them).

Each claim is an I-node. Each of its speakers says it in an L-node ("Name: text")
anchored to it by a YA node 'Asserting', with a locution naming the participant.
Each link is an RA (supports) or CA (opposes, undercuts) node; an undercut's CA
aims at the attacked link's S-node. A link's speakers argue it: a TA between
locutions whose YA 'Arguing' anchors the S-node, its target an L-node of that
speaker. Scheme names are the S-nodes' text and `scheme`. Node ids are numbers
(as text), so argmap ids, which may hold '/', never need escaping. Reading the
output back gives the same claims, links and speakers. It is drawn from the plain
records, without models, one section at a time: each section walks the corpus
again, numbering every node and edge the same way but keeping only its own
entries, so the whole graph is never held (100k claims make millions of them).
Nothing here prints.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap.corpus.plain import PlainIndex
from argmap.corpus.plain_details import details_of_link
from argmap.model import Relation


class _Nodes:
    """Numbers nodes and edges as they are added, and keeps the entries of one section."""

    def __init__(self, keep: str) -> None:
        self.keep = keep
        """The section whose entries are kept: nodes, edges, locutions (or none)."""
        self.nodes = 0
        self.edges = 0
        self.ready: list[dict[str, Any]] = []
        """Entries kept since the last :meth:`drain`."""
        self.people: dict[str, int] = {}
        """Each speaker's participant number, in order of first locution."""

    def add(self, kind: str, text: str, scheme: str | None = None) -> str:
        self.nodes += 1
        ident = str(self.nodes)
        if self.keep == "nodes":
            node: dict[str, Any] = {"nodeID": ident, "text": text, "type": kind}
            if scheme:
                node["scheme"] = scheme
            self.ready.append(node)
        return ident

    def edge(self, source: str, target: str) -> None:
        self.edges += 1
        if self.keep == "edges":
            self.ready.append(
                {
                    "edgeID": str(self.edges),
                    "fromID": source,
                    "toID": target,
                    "formEdgeID": None,
                }
            )

    def locution(self, node: str, number: int) -> None:
        if self.keep == "locutions":
            self.ready.append({"nodeID": node, "personID": str(number)})

    def drain(self) -> list[dict[str, Any]]:
        ready, self.ready = self.ready, []
        return ready


def aif_sections(index: PlainIndex) -> list[tuple[str, Iterator[dict[str, Any]]]]:
    """The AIF document's sections, in order, each made one entry at a time."""
    return [
        ("nodes", _walk(index, _Nodes("nodes"))),
        ("edges", _walk(index, _Nodes("edges"))),
        ("locutions", _walk(index, _Nodes("locutions"))),
        ("participants", _participants(index)),
    ]


def export_aif(index: PlainIndex) -> dict[str, Any]:
    """The corpus as AIF JSON data."""
    return {name: list(entries) for name, entries in aif_sections(index)}


def _name(index: PlainIndex, speaker: str) -> str:
    found = index.speakers.get(speaker)
    return found.name if found else speaker


def _participants(index: PlainIndex) -> Iterator[dict[str, Any]]:
    graph = _Nodes("")
    for _ in _walk(index, graph):
        pass
    for speaker, number in graph.people.items():
        yield {"participantID": str(number), "firstname": _name(index, speaker), "surname": ""}


def _walk(index: PlainIndex, graph: _Nodes) -> Iterator[dict[str, Any]]:
    """Every node, edge and locution in order; yields those *graph* keeps."""
    people = graph.people

    def locution(speaker: str, words: str) -> str:
        number = people.setdefault(speaker, len(people) + 1)
        node = graph.add("L", f"{_name(index, speaker)}: {words}")
        graph.locution(node, number)
        return node

    i_nodes: dict[str, str] = {}
    said: dict[tuple[str, str], str] = {}
    for ident, claim in index.claims.items():
        i_nodes[ident] = graph.add("I", claim.text)
        for speaker in index.claim_speakers(ident):
            l_node = locution(speaker, claim.text)
            ya = graph.add("YA", "Asserting", "Asserting")
            graph.edge(l_node, ya)
            graph.edge(ya, i_nodes[ident])
            said[(speaker, ident)] = l_node
        yield from graph.drain()
    # each claim's first locution in `said` order: where a link's premises were said
    first_said: dict[str, tuple[int, str]] = {}
    for at, ((_, claim_id), l_node) in enumerate(said.items()):
        first_said.setdefault(claim_id, (at, l_node))
    s_nodes: dict[str, str] = {}
    for ident, link in index.links.items():
        kind = "RA" if link.relation == Relation.supports else "CA"
        default = "Default Inference" if kind == "RA" else "Default Conflict"
        scheme = details_of_link(index, ident).scheme or default
        s_nodes[ident] = graph.add(kind, scheme, scheme)
    yield from graph.drain()
    for ident, link in index.links.items():
        s_node = s_nodes[ident]
        for premise in link.from_:
            if premise in i_nodes:
                graph.edge(i_nodes[premise], s_node)
        target = i_nodes.get(link.to) or s_nodes.get(link.to)
        if target is not None:
            graph.edge(s_node, target)
        premises = [first_said[p] for p in link.from_ if p in first_said]
        source = min(premises)[1] if premises else None
        for speaker in index.link_speakers(ident):
            arguing = said.get((speaker, link.to)) or locution(speaker, link.warrant or "(argues)")
            ta = graph.add("TA", "Default Transition", "Default Transition")
            if source is not None and source != arguing:
                graph.edge(source, ta)
            graph.edge(ta, arguing)
            ya = graph.add("YA", "Arguing", "Arguing")
            graph.edge(ta, ya)
            graph.edge(ya, s_node)
        yield from graph.drain()

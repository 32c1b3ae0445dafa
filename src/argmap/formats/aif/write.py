"""Writing the corpus as AIF JSON (AIFdb shape, with participants as OVA3 writes them).

Each claim is an I-node. Each of its speakers says it in an L-node ("Name: text")
anchored to it by a YA node 'Asserting', with a locution naming the participant.
Each link is an RA (supports) or CA (opposes, undercuts) node; an undercut's CA
aims at the attacked link's S-node. A link's speakers argue it: a TA between
locutions whose YA 'Arguing' anchors the S-node, its target an L-node of that
speaker. Scheme names are the S-nodes' text and `scheme`. Node ids are numbers
(as text), so argmap ids, which may hold '/', never need escaping. Reading the
output back gives the same claims, links and speakers. Nothing here prints.
"""

from __future__ import annotations

import json
from typing import Any

from argmap.corpus.graph import GraphIndex
from argmap.model import Relation


class _Nodes:
    """Numbers nodes and edges as they are added."""

    def __init__(self) -> None:
        self.nodes: list[dict[str, Any]] = []
        self.edges: list[dict[str, Any]] = []
        self.locutions: list[dict[str, Any]] = []

    def add(self, kind: str, text: str, scheme: str | None = None) -> str:
        ident = str(len(self.nodes) + 1)
        node: dict[str, Any] = {"nodeID": ident, "text": text, "type": kind}
        if scheme:
            node["scheme"] = scheme
        self.nodes.append(node)
        return ident

    def edge(self, source: str, target: str) -> None:
        self.edges.append(
            {
                "edgeID": str(len(self.edges) + 1),
                "fromID": source,
                "toID": target,
                "formEdgeID": None,
            }
        )


def export_aif(index: GraphIndex) -> dict[str, Any]:
    """The corpus as AIF JSON data."""
    corpus = index.corpus
    graph = _Nodes()
    people: dict[str, int] = {}

    def person(speaker: str) -> tuple[int, str]:
        name = corpus.speakers[speaker].name if speaker in corpus.speakers else speaker
        people.setdefault(speaker, len(people) + 1)
        return people[speaker], name

    def locution(speaker: str, words: str) -> str:
        number, name = person(speaker)
        node = graph.add("L", f"{name}: {words}")
        graph.locutions.append({"nodeID": node, "personID": str(number)})
        return node

    i_nodes: dict[str, str] = {}
    said: dict[tuple[str, str], str] = {}
    for ident, claim in corpus.claims.items():
        i_nodes[ident] = graph.add("I", claim.text)
        for speaker in index.claim_speakers(ident):
            l_node = locution(speaker, claim.text)
            ya = graph.add("YA", "Asserting", "Asserting")
            graph.edge(l_node, ya)
            graph.edge(ya, i_nodes[ident])
            said[(speaker, ident)] = l_node
    s_nodes: dict[str, str] = {}
    for ident, link in corpus.links.items():
        kind = "RA" if link.relation is Relation.supports else "CA"
        default = "Default Inference" if kind == "RA" else "Default Conflict"
        s_nodes[ident] = graph.add(kind, link.scheme or default, link.scheme or default)
    for ident, link in corpus.links.items():
        s_node = s_nodes[ident]
        for premise in link.from_:
            if premise in i_nodes:
                graph.edge(i_nodes[premise], s_node)
        target = i_nodes.get(link.to) or s_nodes.get(link.to)
        if target is not None:
            graph.edge(s_node, target)
        for speaker in index.link_speakers(ident):
            source = next((said[(s, p)] for s, p in said if p in link.from_), None)
            arguing = said.get((speaker, link.to)) or locution(speaker, link.warrant or "(argues)")
            ta = graph.add("TA", "Default Transition", "Default Transition")
            if source is not None and source != arguing:
                graph.edge(source, ta)
            graph.edge(ta, arguing)
            ya = graph.add("YA", "Arguing", "Arguing")
            graph.edge(ta, ya)
            graph.edge(ya, s_node)
    participants = []
    for speaker, number in people.items():
        name = corpus.speakers[speaker].name if speaker in corpus.speakers else speaker
        participants.append({"participantID": str(number), "firstname": name, "surname": ""})
    return {
        "nodes": graph.nodes,
        "edges": graph.edges,
        "locutions": graph.locutions,
        "participants": participants,
    }


def emit_aif(index: GraphIndex) -> str:
    """The corpus as AIF JSON text."""
    return json.dumps(export_aif(index), indent=2, ensure_ascii=False) + "\n"

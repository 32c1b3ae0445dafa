"""Writing the corpus as GraphML, with typed attributes that yEd and Gephi read.

Claims are nodes (`kind` claim) carrying their text, type, perspectives,
speakers, tags, status and whether they are unsourced. A link with one premise
that aims at a claim is one edge; a link with co-premises, or one an undercut
aims at, becomes a small `link` node with an edge from each premise and one to
its target, so an undercut can be an edge into it. Every attribute is declared
with a `<key>` and an `attr.type`. Node and edge ids are generated (`n1`,
`e1`): argmap ids may hold '/' and '+', which GraphML ids (NMTOKEN) cannot, so
each element keeps its argmap id in the `argmap_id` attribute. Characters XML
1.0 forbids (most controls, U+FFFE, U+FFFF) are dropped from every value, so
the document is always well-formed. Nothing here prints.
"""

from __future__ import annotations

from argmap.corpus.graph import GraphIndex
from argmap.formats.characters import xml_attribute, xml_text
from argmap.model import Relation

NS = "http://graphml.graphdrawing.org/xmlns"
"""The GraphML namespace."""

KEYS: tuple[tuple[str, str, str, str], ...] = (
    # (id, for, attr.name, attr.type)
    ("d0", "node", "argmap_id", "string"),
    ("d1", "node", "kind", "string"),
    ("d2", "node", "label", "string"),
    ("d3", "node", "claim_type", "string"),
    ("d4", "node", "perspectives", "string"),
    ("d5", "node", "speakers", "string"),
    ("d6", "node", "unsourced", "boolean"),
    ("d7", "node", "status", "string"),
    ("d8", "node", "tags", "string"),
    ("d9", "edge", "argmap_id", "string"),
    ("d10", "edge", "relation", "string"),
    ("d11", "edge", "speakers", "string"),
    ("d12", "edge", "role", "string"),
    ("d13", "node", "relation", "string"),
)
"""Every attribute: GraphML key id, element, name, type."""

_KEY = {(owner, name): ident for ident, owner, name, _type in KEYS}


def _data(owner: str, values: dict[str, str | bool | None]) -> str:
    parts = []
    for name, value in values.items():
        if value is None or value == "":
            continue
        text = ("true" if value else "false") if isinstance(value, bool) else xml_text(value)
        parts.append(f'<data key="{_KEY[(owner, name)]}">{text}</data>')
    return "".join(parts)


def emit_graphml(index: GraphIndex) -> str:
    """The corpus as a GraphML document."""
    corpus = index.corpus
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<graphml xmlns="{NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
        f' xsi:schemaLocation="{NS} {NS}/1.0/graphml.xsd">',
    ]
    for ident, owner, name, attr_type in KEYS:
        lines.append(
            f'  <key id="{ident}" for="{owner}" attr.name="{name}" attr.type="{attr_type}"/>'
        )
    lines.append('  <graph id="argmap" edgedefault="directed">')
    node_of: dict[str, str] = {}
    for ident, claim in corpus.claims.items():
        node = node_of[ident] = f"n{len(node_of) + 1}"
        values: dict[str, str | bool | None] = {
            "argmap_id": ident,
            "kind": "claim",
            "label": claim.text,
            "claim_type": claim.type.value,
            "perspectives": ", ".join(index.claim_perspectives(ident)),
            "speakers": ", ".join(index.claim_speakers(ident)),
            "unsourced": index.is_unsourced(ident),
            "status": claim.status.value if claim.status else None,
            "tags": ", ".join(claim.tags),
        }
        lines.append(f"    <node id={xml_attribute(node)}>{_data('node', values)}</node>")
    targeted = {link.to for link in corpus.links.values() if link.to in corpus.links}
    hubs = [i for i, link in corpus.links.items() if len(link.from_) > 1 or i in targeted]
    for ident in hubs:
        node = node_of[ident] = f"n{len(node_of) + 1}"
        values = {
            "argmap_id": ident,
            "kind": "link",
            "relation": corpus.links[ident].relation.value,
        }
        lines.append(f"    <node id={xml_attribute(node)}>{_data('node', values)}</node>")
    edges = 0

    def edge(source: str, target: str, values: dict[str, str | bool | None]) -> None:
        nonlocal edges
        edges += 1
        ends = f"source={xml_attribute(source)} target={xml_attribute(target)}"
        attrs = f"id={xml_attribute(f'e{edges}')} {ends}"
        lines.append(f"    <edge {attrs}>{_data('edge', values)}</edge>")

    for ident, link in corpus.links.items():
        common: dict[str, str | bool | None] = {
            "argmap_id": ident,
            "relation": link.relation.value,
            "speakers": ", ".join(index.link_speakers(ident)),
        }
        target = node_of.get(link.to)
        if target is None:
            continue
        if ident not in node_of:
            if link.from_[0] in node_of:
                edge(node_of[link.from_[0]], target, {**common, "role": "link"})
            continue
        for premise in link.from_:
            if premise in node_of:
                edge(node_of[premise], node_of[ident], {**common, "role": "premise"})
        role = "undercut" if link.relation is Relation.undercuts else "conclusion"
        edge(node_of[ident], target, {**common, "role": role})
    lines += ["  </graph>", "</graphml>"]
    return "\n".join(lines) + "\n"

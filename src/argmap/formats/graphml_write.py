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
the document is always well-formed. It is written from the plain records, without
models, line by line. Nothing here prints.
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.corpus.plain import PlainIndex
from argmap.corpus.plain_details import details_of_claim
from argmap.corpus.table import Sourcing
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


def emit_graphml(index: PlainIndex) -> Iterator[str]:
    """The corpus as a GraphML document, line by line."""
    yield '<?xml version="1.0" encoding="UTF-8"?>\n'
    yield (
        f'<graphml xmlns="{NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
        f' xsi:schemaLocation="{NS} {NS}/1.0/graphml.xsd">\n'
    )
    for ident, owner, name, attr_type in KEYS:
        yield f'  <key id="{ident}" for="{owner}" attr.name="{name}" attr.type="{attr_type}"/>\n'
    yield '  <graph id="argmap" edgedefault="directed">\n'
    node_of: dict[str, str] = {}
    for ident, claim in index.claims.items():
        node = node_of[ident] = f"n{len(node_of) + 1}"
        values: dict[str, str | bool | None] = {
            "argmap_id": ident,
            "kind": "claim",
            "label": claim.text,
            "claim_type": claim.type,
            "perspectives": ", ".join(index.claim_perspectives(ident)),
            "speakers": ", ".join(index.claim_speakers(ident)),
            "unsourced": index.sourcing(ident) is Sourcing.unsourced,
            "status": claim.status,
            "tags": ", ".join(details_of_claim(index, ident).tags),
        }
        yield f"    <node id={xml_attribute(node)}>{_data('node', values)}</node>\n"
    links = index.links
    targeted = {link.to for link in links.values() if link.to in links}
    hubs = [i for i, link in links.items() if len(link.from_) > 1 or i in targeted]
    for ident in hubs:
        node = node_of[ident] = f"n{len(node_of) + 1}"
        values = {"argmap_id": ident, "kind": "link", "relation": links[ident].relation}
        yield f"    <node id={xml_attribute(node)}>{_data('node', values)}</node>\n"
    edges = 0
    for ident, link in links.items():
        common: dict[str, str | bool | None] = {
            "argmap_id": ident,
            "relation": link.relation,
            "speakers": ", ".join(index.link_speakers(ident)),
        }
        target = node_of.get(link.to)
        if target is None:
            continue
        ends: list[tuple[str, str, str]] = []
        if ident not in node_of:
            if link.from_[0] in node_of:
                ends.append((node_of[link.from_[0]], target, "link"))
        else:
            ends += [(node_of[p], node_of[ident], "premise") for p in link.from_ if p in node_of]
            role = "undercut" if link.relation == Relation.undercuts else "conclusion"
            ends.append((node_of[ident], target, role))
        for source, end, role in ends:
            edges += 1
            where = f"source={xml_attribute(source)} target={xml_attribute(end)}"
            attrs = f"id={xml_attribute(f'e{edges}')} {where}"
            yield f"    <edge {attrs}>{_data('edge', {**common, 'role': role})}</edge>\n"
    yield "  </graph>\n"
    yield "</graphml>\n"

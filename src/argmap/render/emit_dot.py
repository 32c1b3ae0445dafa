"""The DOT emitter: a :class:`~argmap.render.view.MapView` as a Graphviz argument map.

Builds the DOT text with plain string joins (the `graphviz` package's
node-by-node builder is 20× slower on big maps); all styling lives in the
tables below, keyed by claim type and relation. Labels are HTML-like and
every piece of user text goes through :func:`html_text`, so no claim can break
`dot` or inject markup. Running Graphviz happens elsewhere (:mod:`argmap.render.layout`).
"""

from __future__ import annotations

import hashlib
import html
from collections.abc import Iterator

from argmap.render.text import printable, wrap
from argmap.render.view import ClaimNode, LinkEdge, MapView

SHAPES: dict[str, str] = {
    "fact": "box",
    "causal": "box",
    "prediction": "box3d",
    "value": "ellipse",
    "policy": "hexagon",
    "definition": "note",
}
"""Node shape per claim type; `causal` boxes get rounded corners (see STYLES)."""

STYLES: dict[str, str] = {"causal": "rounded,filled"}
"""Node style per claim type, where it differs from plain `filled`."""

PALETTE: tuple[str, ...] = (
    "#A6CEE3",  # light tints of the Okabe–Ito colourblind-safe palette
    "#F7D08A",
    "#A6DBC9",
    "#F2B9A0",
    "#E3BFD7",
    "#F5EE9E",
    "#8FB9DA",
)
"""Fill colour per perspective, by the perspective's index."""
NO_PERSPECTIVE_FILL = "#EEEEEE"

EDGE_STYLES: dict[str, str] = {
    "supports": 'color="#009E73", penwidth=1.6, arrowhead=normal',
    "opposes": 'color="#D55E00", penwidth=1.6, arrowhead=tee, style=bold',
    "undercuts": 'color="#CC79A7", penwidth=1.6, arrowhead=tee, style=dashed',
}
"""Edge attributes per relation: green arrows support, red tee-heads oppose."""

LEGEND_EDGE_WORDS = {
    "supports": "supports",
    "opposes": "opposes",
    "undercuts": "undercuts (attacks a link)",
}

LEGEND_ID = "argmap:legend"
"""The legend's node id. Generated ids hold ':', which no claim id can (see node_id)."""


def html_text(text: str) -> str:
    """Escape user text for an HTML-like label (unprintable characters removed)."""
    return html.escape(printable(text), quote=True)


def quote_id(ident: str) -> str:
    """A DOT double-quoted id."""
    return '"' + ident.replace("\\", "\\\\").replace('"', '\\"') + '"'


_LONGEST_ID = 200
"""Longer ids are replaced by a hash in DOT: Graphviz refuses strings over 16 KB."""


def node_id(claim_id: str) -> str:
    """The quoted DOT id of a claim's node, apart from every generated id.

    Generated nodes (the legend, link junctions) have ids with a ':'. Claim ids
    never hold one, so they are used as they are; were one to, or were it too
    long for Graphviz, it would become 'claim:' and a hash, as no generated id does.
    """
    if ":" in claim_id or len(claim_id) > _LONGEST_ID:
        return quote_id(f"claim:{_hashed(claim_id)}")
    return quote_id(claim_id)


def _hashed(ident: str) -> str:
    return hashlib.blake2b(ident.encode("utf-8"), digest_size=16).hexdigest()


def html_lines(text: str, width: int) -> str:
    """User text for an HTML-like label, wrapped at *width* into <BR/>-separated lines.

    Graphviz refuses a run of text longer than 16 KB between two tags.
    """
    return "<BR/>".join(html_text(line) for line in wrap(text, width))


def claim_label(node: ClaimNode, width: int = 30) -> str:
    """The HTML-like label: badge, wrapped text, speaker line, source markers."""
    badge = node.type.upper() + ("  ·  UNSOURCED" if node.unsourced else "")
    text = html_text("\n".join(wrap(node.text, width))).replace("\n", "<BR/>") or " "
    rows = [
        f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="8">{html_text(badge)}</FONT></TD></TR>',
        f"<TR><TD>{text}</TD></TR>",
    ]
    speaker_lines = wrap(node.map_attribution, width + 8)
    if speaker_lines:
        speaker = html_text("\n".join(speaker_lines)).replace("\n", "<BR/>")
        rows.append(f'<TR><TD><FONT POINT-SIZE="9"><I>{speaker}</I></FONT></TD></TR>')
    if node.source_numbers:
        markers = " ".join(f"[{n}]" for n in node.source_numbers)
        rows.append(f'<TR><TD><FONT POINT-SIZE="9">{markers}</FONT></TD></TR>')
    return '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="1">' + "".join(rows) + "</TABLE>>"


def _node_line(node: ClaimNode, fills: dict[str | None, str]) -> str:
    style = STYLES.get(node.type, "filled")
    extra = ", penwidth=2.2" if node.unsourced else ""
    if node.unsourced:
        style += ",dashed"
    return (
        f"  {node_id(node.id)} [shape={SHAPES.get(node.type, 'box')}, "
        f'style="{style}", fillcolor="{fills.get(node.perspective, NO_PERSPECTIVE_FILL)}"'
        f"{extra}, label={claim_label(node)}];"
    )


def _junction_id(link_id: str) -> str:
    return quote_id("junction:" + (link_id if len(link_id) <= _LONGEST_ID else _hashed(link_id)))


def _needs_junction(link: LinkEdge, undercut_targets: set[str]) -> bool:
    return len(link.premises) > 1 or link.id in undercut_targets


def _edge_lines(link: LinkEdge, undercut_targets: set[str]) -> list[str]:
    style = EDGE_STYLES[link.relation]
    target = _target_id(link)
    if not _needs_junction(link, undercut_targets):
        return [f"  {node_id(link.premises[0])} -> {target} [{style}];"]
    junction = _junction_id(link.id)
    colour = style.split(",")[0]
    lines = [f"  {junction} [shape=point, width=0.08, {colour}];"]
    lines += [
        f"  {node_id(p)} -> {junction} [{colour}, penwidth=1.6, arrowhead=none];"
        for p in link.premises
    ]
    lines.append(f"  {junction} -> {target} [{style}];")
    return lines


def _target_id(link: LinkEdge) -> str:
    """Undercuts aim at the junction in the middle of the link they attack."""
    if link.relation == "undercuts":
        return _junction_id(link.target)
    return node_id(link.target)


def _legend(view: MapView, fills: dict[str | None, str]) -> list[str]:
    rows = ['<TR><TD COLSPAN="2" ALIGN="LEFT"><B>Legend</B></TD></TR>']
    for perspective in view.perspectives:
        rows.append(
            f'<TR><TD BGCOLOR="{fills[perspective.id]}" WIDTH="18"> </TD>'
            f'<TD ALIGN="LEFT">{html_lines(perspective.name, 60)}</TD></TR>'
        )
    if any(node.perspective is None for node in view.claims):
        rows.append(
            f'<TR><TD BGCOLOR="{NO_PERSPECTIVE_FILL}" WIDTH="18"> </TD>'
            '<TD ALIGN="LEFT">No perspective</TD></TR>'
        )
    types = sorted({node.type for node in view.claims}, key=list(SHAPES).index)
    shape_words = ", ".join(f"{t}: {SHAPES[t]}" for t in types)
    rows.append(f'<TR><TD COLSPAN="2" ALIGN="LEFT">Shapes — {html_text(shape_words)}</TD></TR>')
    rows.append(
        '<TR><TD COLSPAN="2" ALIGN="LEFT">Dashed border: UNSOURCED '
        "(cited only to the document itself)</TD></TR>"
    )
    relations = sorted({link.relation for link in view.links}, key=list(EDGE_STYLES).index)
    for relation in relations:
        colour = EDGE_STYLES[relation].split('"')[1]
        arrow = "──▶" if relation == "supports" else "──┤"
        rows.append(
            f'<TR><TD><FONT COLOR="{colour}">{arrow}</FONT></TD>'
            f'<TD ALIGN="LEFT">{LEGEND_EDGE_WORDS[relation]}</TD></TR>'
        )
    if any(len(link.premises) > 1 or link.relation == "undercuts" for link in view.links):
        rows.append(
            '<TR><TD COLSPAN="2" ALIGN="LEFT">• dot: co-premises join, undercuts aim here</TD></TR>'
        )
    if view.sources:
        rows.append('<TR><TD COLSPAN="2" ALIGN="LEFT"><B>Sources</B></TD></TR>')
        for source in view.sources:
            words = wrap(source.title + (f" — {source.publisher}" if source.publisher else ""), 60)
            text = '<BR ALIGN="LEFT"/>'.join(html_text(w) for w in words)
            rows.append(
                f'<TR><TD ALIGN="RIGHT" VALIGN="TOP">[{source.number}]</TD>'
                f'<TD ALIGN="LEFT">{text}<BR ALIGN="LEFT"/></TD></TR>'
            )
    table = '<<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="2" CELLPADDING="3" COLOR="#999999">'
    return [
        "  subgraph cluster_legend {",
        '    label=""; style=invis;',
        f"    {quote_id(LEGEND_ID)} [shape=plaintext, fontsize=10, "
        f"label={table}{''.join(rows)}</TABLE>>];",
        "  }",
    ]


def emit_dot(view: MapView, direction: str = "TB") -> str:
    """The DOT text of the map."""
    return "".join(dot_chunks(view, direction))


def dot_chunks(view: MapView, direction: str = "TB") -> Iterator[str]:
    """The DOT text of the map, line by line, for writing huge maps without holding them."""
    fills: dict[str | None, str] = {
        p.id: PALETTE[p.colour % len(PALETTE)] for p in view.perspectives
    }
    undercut_targets = {link.target for link in view.links if link.relation == "undercuts"}
    head = [
        "digraph argmap {",
        f'  graph [rankdir={direction}, labelloc=t, fontsize=20, fontname="Helvetica", '
        f"label=<<B>{html_lines(view.title, 120)}</B>>, nodesep=0.35, ranksep=0.5, "
        'pack=true, packmode="graph"];',
        '  node [fontname="Helvetica", fontsize=11, margin="0.12,0.06"];',
        '  edge [fontname="Helvetica", fontsize=9];',
    ]
    for line in head:
        yield line + "\n"
    for node in view.claims:
        yield _node_line(node, fills) + "\n"
    for link in view.links:
        for line in _edge_lines(link, undercut_targets):
            yield line + "\n"
    for line in _legend(view, fills):
        yield line + "\n"
    yield "}\n"

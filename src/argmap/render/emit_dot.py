"""The DOT emitter: a :class:`~argmap.render.view.MapView` as a Graphviz argument map.

Builds the DOT text with plain string joins (the `graphviz` package's
node-by-node builder is 20× slower on big maps). Every look comes from the
tables of :mod:`argmap.render.dot_style`, keyed by claim type, sourcing tier,
status and relation, and every size from a :class:`~argmap.render.dot_style.Preset`
(a screen map or a 16:9 slide). Labels are HTML-like and every piece of user
text goes through :func:`html_text`, so no claim can break `dot` or inject
markup. Running Graphviz happens elsewhere (:mod:`argmap.render.layout`).
"""

from __future__ import annotations

import hashlib
import html
from collections.abc import Iterator

from argmap.render.dot_style import (
    BORDERS,
    EDGES,
    FOCUS_COLOUR,
    GREY_TEXT,
    NO_PERSPECTIVE_FILL,
    PALETTE,
    SCREEN,
    SHAPES,
    STATUSES,
    Preset,
)
from argmap.render.text import printable, wrap
from argmap.render.view import ClaimNode, LinkEdge, MapView

_TITLE_WRAP = 90
"""Characters per line of the map's title."""
_ROW_WRAP = 200
"""Characters per line of a legend row: wide, but never a run Graphviz refuses (16 KB)."""

LEGEND_ID = "argmap:legend"
"""The legend's node id. Generated ids hold ':', which no claim id can (see node_id)."""
_LONGEST_ID = 200
"""Longer ids are replaced by a hash in DOT: Graphviz refuses strings over 16 KB."""


def html_text(text: str) -> str:
    """Escape user text for an HTML-like label (control characters removed)."""
    return html.escape(printable(text), quote=True)


def html_lines(text: str, width: int, align: str = "") -> str:
    """User text for an HTML-like label, wrapped at *width* into lines joined by line breaks
    (aligned as *align* says, if given)."""
    brk = f'<BR ALIGN="{align}"/>' if align else "<BR/>"
    return brk.join(html_text(line) for line in wrap(text, width))


def quote_id(ident: str) -> str:
    """A DOT double-quoted id."""
    return '"' + ident.replace("\\", "\\\\").replace('"', '\\"') + '"'


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


def fills(view: MapView) -> dict[str | None, str]:
    """Fill colour per perspective id: its own `color`, else the palette colour of its slot."""
    return {p.id: p.color or PALETTE[p.palette_slot % len(PALETTE)] for p in view.perspectives}


def badge_words(node: ClaimNode) -> list[str]:
    """The badge line's words: type, then sourcing tier and status when they say something."""
    words = [node.type.upper()]
    border = BORDERS[node.sourcing].badge
    if border:
        words.append(border)
    status = STATUSES.get(node.status or "")
    if status:
        words.append(status.badge)
    return words


def claim_label(node: ClaimNode, preset: Preset = SCREEN, named: bool = True) -> str:
    """The HTML-like label: badge, wrapped text, then speaker and source markers.

    *named* False leaves the speaker out: the map's title names the document's
    author once, and the author's claims carry no name.
    """
    small = f'<FONT POINT-SIZE="{preset.small_size:g}">'
    badge_font = f'<FONT POINT-SIZE="{preset.badge_size:g}">'
    status = STATUSES.get(node.status or "")
    badge = "  ·  ".join(
        f"<B>{html_text(w)}</B>" if status and w == status.badge else html_text(w)
        for w in badge_words(node)
    )
    text = html_lines(node.text, preset.wrap) or " "
    if status and status.greyed:
        text = f'<FONT COLOR="{GREY_TEXT}"><S>{text}</S></FONT>'
    rows = [
        f'<TR><TD ALIGN="LEFT">{badge_font}{badge}</FONT></TD></TR>',
        f"<TR><TD>{text}</TD></TR>",
    ]
    speaker = html_lines(node.map_attribution, preset.wrap + 8) if named else ""
    tail = [f"<I>{speaker}</I>"] if speaker else []
    if node.source_numbers:
        tail.append(" ".join(f"[{n}]" for n in node.source_numbers))
    if tail:
        rows.append(f"<TR><TD>{small}{' '.join(tail)}</FONT></TD></TR>")
    return '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="1">' + "".join(rows) + "</TABLE>>"


def node_attributes(
    node: ClaimNode, fill: str, preset: Preset = SCREEN, focus: bool = False
) -> str:
    """The node's attributes but its label: shape, style, fill and border."""
    shape = SHAPES.get(node.type, SHAPES["fact"])
    border = BORDERS[node.sourcing]
    style = ",".join(
        s for s in ("rounded" if shape.rounded else "", "filled", border.style or "") if s
    )
    attributes = [f"shape={shape.shape}", f'style="{style}"', f'fillcolor="{fill}"']
    if border.peripheries != 1:
        attributes.append(f"peripheries={border.peripheries}")
    width = preset.border_width if border.thick else preset.line_width
    status = STATUSES.get(node.status or "")
    if focus:
        attributes.append(f'color="{FOCUS_COLOUR}"')
        width = 2 * preset.border_width
    elif status and status.greyed:
        attributes.append(f'color="{GREY_TEXT}"')
    if width != 1.0:
        attributes.append(f"penwidth={width:g}")
    return ", ".join(attributes)


def _node_line(view: MapView, node: ClaimNode, fill: str, preset: Preset) -> str:
    attributes = node_attributes(node, fill, preset, node.id == view.focus)
    label = claim_label(node, preset, named=not view.by_authors(node))
    return f"  {node_id(node.id)} [{attributes}, label={label}];"


def edge_attributes(relation: str, preset: Preset = SCREEN) -> str:
    """The edge attributes of *relation*: colour, width, arrowhead and line style."""
    look = EDGES[relation]
    width = preset.edge_width * (1.5 if relation == "undercuts" else 1.0)
    style = "" if look.style == "solid" else f", style={look.style}"
    return f'color="{look.colour}", penwidth={width:g}, arrowhead={look.arrowhead}{style}'


def _junction_id(link_id: str) -> str:
    return quote_id("junction:" + (link_id if len(link_id) <= _LONGEST_ID else _hashed(link_id)))


def _needs_junction(link: LinkEdge, undercut_targets: set[str]) -> bool:
    return len(link.premises) > 1 or link.id in undercut_targets


def _edge_lines(link: LinkEdge, undercut_targets: set[str], preset: Preset) -> list[str]:
    attributes = edge_attributes(link.relation, preset)
    target = _target_id(link)
    if not _needs_junction(link, undercut_targets):
        return [f"  {node_id(link.premises[0])} -> {target} [{attributes}];"]
    junction = _junction_id(link.id)
    colour = f'color="{EDGES[link.relation].colour}"'
    size = 0.08 * preset.edge_width / SCREEN.edge_width
    lines = [f"  {junction} [shape=point, width={size:.2f}, {colour}];"]
    lines += [
        f"  {node_id(p)} -> {junction} [{colour}, penwidth={preset.edge_width:g}, arrowhead=none];"
        for p in link.premises
    ]
    lines.append(f"  {junction} -> {target} [{attributes}];")
    return lines


def _target_id(link: LinkEdge) -> str:
    """Undercuts aim at the junction in the middle of the link they attack."""
    if link.relation == "undercuts":
        return _junction_id(link.target)
    return node_id(link.target)


def _legend_row(words: str, swatch: str = "") -> str:
    """One legend row: a swatch cell (or none) and escaped words."""
    if not swatch:
        return f'<TR><TD COLSPAN="2" ALIGN="LEFT">{html_lines(words, _ROW_WRAP)}</TD></TR>'
    return f'<TR>{swatch}<TD ALIGN="LEFT">{html_lines(words, _ROW_WRAP)}</TD></TR>'


def shape_words(types: list[str]) -> str:
    """ "fact: box, causal: rounded box, …" for *types*, in the order of SHAPES."""
    ordered = sorted(set(types), key=list(SHAPES).index)
    return ", ".join(f"{t}: {SHAPES[t].words}" for t in ordered)


def legend_lines(view: MapView, fill: dict[str | None, str], preset: Preset = SCREEN) -> list[str]:
    """The legend: perspectives, shapes, borders, statuses, edges, and the sources."""
    rows = ['<TR><TD COLSPAN="2" ALIGN="LEFT"><B>Legend</B></TD></TR>']
    for perspective in view.perspectives:
        swatch = f'<TD BGCOLOR="{fill[perspective.id]}" WIDTH="18"> </TD>'
        rows.append(_legend_row(perspective.name, swatch))
    if any(node.perspective not in fill for node in view.claims):
        rows.append(
            _legend_row("No perspective", f'<TD BGCOLOR="{NO_PERSPECTIVE_FILL}" WIDTH="18"> </TD>')
        )
    if any(view.by_authors(node) for node in view.claims):
        rows.append(_legend_row("No speaker named: the author's claim"))
    rows.append(_legend_row("Shapes — " + shape_words([node.type for node in view.claims])))
    tiers = {node.sourcing for node in view.claims}
    rows += [
        _legend_row(look.words)
        for tier, look in BORDERS.items()
        if tier in tiers and (look.badge or len(tiers) > 1)
    ]
    statuses = {node.status for node in view.claims}
    rows += [_legend_row(look.words) for status, look in STATUSES.items() if status in statuses]
    if view.focus is not None:
        rows.append(_legend_row("Thick blue border: the claim the map is drawn around"))
    relations = sorted({link.relation for link in view.links}, key=list(EDGES).index)
    for relation in relations:
        arrow = "──▶" if EDGES[relation].arrowhead == "normal" else "──┤"
        swatch = f'<TD><FONT COLOR="{EDGES[relation].colour}">{arrow}</FONT></TD>'
        rows.append(_legend_row(EDGES[relation].words, swatch))
    if any(len(link.premises) > 1 or link.relation == "undercuts" for link in view.links):
        rows.append(_legend_row("• dot: co-premises join, undercuts aim here"))
    if view.sources:
        rows.append('<TR><TD COLSPAN="2" ALIGN="LEFT"><B>Sources</B></TD></TR>')
        for source in view.sources:
            words = source.title + (f" — {source.publisher}" if source.publisher else "")
            rows.append(
                f'<TR><TD ALIGN="RIGHT" VALIGN="TOP">[{source.number}]</TD>'
                f'<TD ALIGN="LEFT">{html_lines(words, 60, "LEFT")}<BR ALIGN="LEFT"/></TD></TR>'
            )
    table = '<<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="2" CELLPADDING="3" COLOR="#999999">'
    return [
        "  subgraph cluster_legend {",
        '    label=""; style=invis;',
        f"    {quote_id(LEGEND_ID)} [shape=plaintext, fontsize={preset.legend_size:g}, "
        f"label={table}{''.join(rows)}</TABLE>>];",
        "  }",
    ]


def emit_dot(view: MapView, direction: str = "TB", preset: Preset = SCREEN) -> str:
    """The DOT text of the map."""
    return "".join(dot_chunks(view, direction, preset))


def dot_chunks(view: MapView, direction: str = "TB", preset: Preset = SCREEN) -> Iterator[str]:
    """The DOT text of the map, line by line, for writing huge maps without holding them."""
    fill = fills(view)
    undercut_targets = {link.target for link in view.links if link.relation == "undercuts"}
    title = f"<B>{html_lines(view.title, _TITLE_WRAP)}</B>"
    if view.authors:
        byline = "by " + "; ".join(a.label for a in view.authors)
        byline = html_lines(byline, _ROW_WRAP)
        title += f'<BR/><FONT POINT-SIZE="{preset.title_size * 0.6:g}">{byline}</FONT>'
    head = [
        "digraph argmap {",
        f"  graph [rankdir={direction}, labelloc=t, fontsize={preset.title_size:g}, "
        f'fontname="Helvetica", label=<{title}>, {preset.graph}];',
        f'  node [fontname="Helvetica", fontsize={preset.text_size:g}, margin="0.12,0.06"];',
        f'  edge [fontname="Helvetica", fontsize={preset.small_size:g}];',
    ]
    for line in head:
        yield line + "\n"
    for node in view.claims:
        colour = fill.get(node.perspective, NO_PERSPECTIVE_FILL)
        yield _node_line(view, node, colour, preset) + "\n"
    for link in view.links:
        for line in _edge_lines(link, undercut_targets, preset):
            yield line + "\n"
    for line in legend_lines(view, fill, preset):
        yield line + "\n"
    yield "}\n"

"""The DOT emitter: a :class:`~argmap.render.view.MapView` as a Graphviz argument map.

Builds the DOT text with plain string joins (the `graphviz` package's
node-by-node builder is 20× slower on big maps). Every look comes from the
tables of :mod:`argmap.render.dot.style`, keyed by claim type, sourcing tier,
status and relation, and every size from a :class:`~argmap.render.dot.style.Preset`
(a screen map or a 16:9 slide). Labels are HTML-like and every piece of user
text goes through :func:`html_text` or :func:`html_lines`, so no claim can break
`dot` or inject markup; a claim's node statement is built in
:mod:`argmap.render.dot.labels`. Running Graphviz happens elsewhere
(:mod:`argmap.render.dot.layout`).
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.render.dot.labels import (
    LONGEST_ID,
    NodeLines,
    claim_label,
    fills,
    hashed,
    html_lines,
    html_text,
    node_attributes,
    node_id,
    quote_id,
)
from argmap.render.dot.style import (
    BORDERS,
    EDGES,
    NO_PERSPECTIVE_FILL,
    SCREEN,
    SHAPES,
    SPLIT_FILL_WORDS,
    STATUSES,
    STRENGTH_WORDS,
    VERDICT_WORDS,
    Preset,
    split_fill,
)
from argmap.render.view import LinkEdge, MapView

__all__ = [
    "LEGEND_ID",
    "claim_label",
    "dot_chunks",
    "edge_attributes",
    "emit_dot",
    "fills",
    "html_lines",
    "html_text",
    "legend_lines",
    "node_attributes",
    "node_id",
    "quote_id",
    "shape_words",
]

_TITLE_WRAP = 90
"""Characters per line of the map's title."""
_ROW_WRAP = 200
"""Characters per line of a legend row: wide, but never a run Graphviz refuses (16 KB)."""

LEGEND_ID = "argmap:legend"
"""The legend's node id. Generated ids hold ':', which no claim id can (see node_id)."""


def edge_attributes(relation: str, preset: Preset = SCREEN) -> str:
    """The edge attributes of *relation*: colour, width, arrowhead and line style."""
    look = EDGES[relation]
    width = preset.edge_width * (1.5 if relation == "undercuts" else 1.0)
    style = "" if look.style == "solid" else f", style={look.style}"
    return f'color="{look.colour}", penwidth={width:g}, arrowhead={look.arrowhead}{style}'


def _junction_id(link_id: str) -> str:
    return quote_id("junction:" + (link_id if len(link_id) <= LONGEST_ID else hashed(link_id)))


def _needs_junction(link: LinkEdge, undercut_targets: set[str]) -> bool:
    return len(link.premises) > 1 or link.id in undercut_targets


class _EdgeLines:
    """Writes the edge statements of one map; each relation's look is built once."""

    def __init__(self, view: MapView, preset: Preset) -> None:
        self.preset = preset
        """The sizes the map is drawn at."""
        self.undercut_targets = {link.target for link in view.links if link.relation == "undercuts"}
        """Links that undercuts aim at: drawn through a junction."""
        self.looks = {relation: edge_attributes(relation, preset) for relation in EDGES}
        """The attributes of each relation's edges."""

    def lines(self, link: LinkEdge) -> str:
        """The statements of *link*, each ending in a newline."""
        if link.relation != "undercuts" and not _needs_junction(link, self.undercut_targets):
            source, target = node_id(link.premises[0]), node_id(link.target)
            return f"  {source} -> {target} [{self.looks[link.relation]}];\n"
        drawn = _edge_lines(link, self.undercut_targets, self.preset)
        return "".join(f"{line}\n" for line in drawn)


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


def _verdict_rows(view: MapView) -> list[str]:
    """The legend's key to the evaluation badges, when the map is evaluated."""
    if view.evaluation is None:
        return []
    head = f"Evaluated: {view.evaluation.semantics}"
    rows = [_legend_row(head)] + [_legend_row(note) for note in view.evaluation.notes]
    if view.evaluation.semantics == "dfquad":
        return [*rows, _legend_row(STRENGTH_WORDS)]
    shown = {v.badge for v in view.evaluation.verdicts.values()}
    return rows + [
        _legend_row(f"{word}: {meaning}")
        for word, meaning in VERDICT_WORDS.items()
        if word in shown
    ]


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
    shared = [node.perspectives for node in view.claims if len(node.perspectives) > 1]
    if shared:
        colours = [fill.get(p, NO_PERSPECTIVE_FILL) for p in shared[0]]
        swatch = f'<TD BGCOLOR="{split_fill(colours)}" WIDTH="18"> </TD>'
        rows.append(_legend_row(SPLIT_FILL_WORDS, swatch))
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
    rows += _verdict_rows(view)
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
    nodes = NodeLines(view, preset)
    for node in view.claims:
        yield nodes.line(node)
    edges = _EdgeLines(view, preset)
    for link in view.links:
        yield edges.lines(link)
    for line in legend_lines(view, fill, preset):
        yield line + "\n"
    yield "}\n"

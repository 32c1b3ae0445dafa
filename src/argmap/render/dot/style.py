"""How the argument map looks, as data: shapes, borders, badges, colours, edges and presets.

Every visual choice of the DOT emitter lives in these tables, keyed by claim
type, sourcing tier, status and relation, so the emitter only looks things up
and the legend (and docs/maps-and-briefs.md, "Reading the map", which a test compares with
these tables) say exactly what the map draws. The two presets size one map
for a screen (:data:`SCREEN`) or for a 16:9 slide (:data:`SLIDE`). Nothing
here writes DOT syntax beyond attribute values.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.corpus.table import Sourcing


@dataclass(frozen=True)
class Shape:
    """How a claim type is drawn."""

    shape: str
    """The Graphviz node shape."""
    rounded: bool
    """True for rounded corners (Graphviz style `rounded`)."""
    words: str
    """What the legend and docs/maps-and-briefs.md call it."""


SHAPES: dict[str, Shape] = {
    "fact": Shape("box", False, "box"),
    "causal": Shape("box", True, "rounded box"),
    "prediction": Shape("box3d", False, "3-D box"),
    "value": Shape("ellipse", False, "ellipse"),
    "policy": Shape("hexagon", False, "hexagon"),
    "definition": Shape("note", False, "note (folded corner)"),
}
"""Node shape per claim type."""


@dataclass(frozen=True)
class Border:
    """How a sourcing tier is drawn."""

    name: str
    """What the legend and docs/maps-and-briefs.md call the border: single, double, dashed."""
    style: str | None
    """Graphviz line style of the border (None: solid)."""
    peripheries: int
    """How many border lines: 2 draws a double border."""
    thick: bool
    """True for a heavier border, so the tier shows at slide size."""
    badge: str | None
    """The word in the claim's badge line, if any."""
    meaning: str
    """What the tier means, as the legend and docs/maps-and-briefs.md say it."""

    @property
    def words(self) -> str:
        """The legend's line: "dashed border: UNSOURCED (cited only to the document itself)"."""
        return f"{self.name} border: {self.badge or 'sourced'} ({self.meaning})"


BORDERS: dict[Sourcing, Border] = {
    Sourcing.sourced: Border(
        "single", None, 1, False, None, "its own sentence cites an outside source"
    ),
    Sourcing.paragraph: Border(
        "double", None, 2, False, "PARA-SOURCED", "only a footnote closing its passage cites one"
    ),
    Sourcing.unsourced: Border(
        "dashed", "dashed", 1, True, "UNSOURCED", "cited only to the document itself"
    ),
}
"""Border per sourcing tier."""


@dataclass(frozen=True)
class StatusLook:
    """How a claim status is drawn."""

    badge: str
    """The word in the claim's badge line, in bold."""
    greyed: bool
    """True when the claim's text is greyed and struck through (no longer in play)."""
    meaning: str
    """What the status means, as the legend and docs/maps-and-briefs.md say it."""

    @property
    def words(self) -> str:
        """The legend's line: "RETRACTED, greyed and struck through: withdrawn by its speaker"."""
        look = ", greyed and struck through" if self.greyed else ""
        return f"{self.badge}{look}: {self.meaning}"


STATUSES: dict[str, StatusLook] = {
    "disputed": StatusLook("DISPUTED", False, "contested in the text"),
    "retracted": StatusLook("RETRACTED", True, "withdrawn by its speaker"),
    "superseded": StatusLook("SUPERSEDED", True, "replaced by a later claim"),
    "draft": StatusLook("DRAFT", False, "an unreviewed draft"),
}
"""Badge per claim status; `asserted` (like no status) draws nothing."""

VERDICT_WORDS: dict[str, str] = {
    "IN": "stands: every attack on it fails",
    "OUT": "defeated by an accepted attacker; drawn muted (grey text, pale fill)",
    "UNDEC": "open: attacks in a cycle leave it undecided",
}
"""Badge word per label of `map --evaluate`, as the legend explains it."""

STRENGTH_WORDS = "0.00–1.00: DF-QuAD strength (base 0.5 unless set)"
"""The legend's line for `map --evaluate dfquad`."""

MUTED_FILL = "#EEEEEE"
"""Fill of a defeated claim on an evaluated map."""

GREY_TEXT = "#666666"
"""Text and border colour of a retracted or superseded claim."""

FOCUS_COLOUR = "#0072B2"
"""Border colour of the claim a focus map is drawn around (Okabe–Ito blue)."""

PALETTE: tuple[str, ...] = (
    "#77AADD",  # Paul Tol's "light" scheme: colourblind-safe, made for filled cells
    "#EE8866",  # under black text; in Tol's order (his pale grey is left out, as
    "#EEDD88",  # it reads as "no perspective")
    "#FFAABB",
    "#99DDFF",
    "#44BB99",
    "#BBCC33",
    "#AAAA00",
)
"""Fill colour per perspective, by its palette slot (modulo 8; see
:func:`argmap.render.view_entries.palette_slots`), unless it names its own `color`."""

NO_PERSPECTIVE_FILL = "#FFFFFF"
"""Fill of claims whose speakers have no perspective."""


@dataclass(frozen=True)
class EdgeLook:
    """How a relation is drawn."""

    colour: str
    """Line colour (Okabe–Ito green and vermilion, Tol's purple: colourblind-safe)."""
    arrowhead: str
    """Graphviz arrowhead."""
    style: str
    """Graphviz line style."""
    words: str
    """What the legend says about it."""
    look: str
    """How docs/maps-and-briefs.md describes the line."""


EDGES: dict[str, EdgeLook] = {
    "supports": EdgeLook("#009E73", "normal", "solid", "supports", "green arrow"),
    "opposes": EdgeLook("#D55E00", "tee", "bold", "opposes", "vermilion tee-headed arrow"),
    "undercuts": EdgeLook(
        "#AA3377",
        "tee",
        "dashed",
        "undercuts (attacks a link)",
        "dashed purple tee-headed arrow, aimed at the dot in the middle of the link it attacks",
    ),
}
"""Edge look per relation: green arrows support, red tee-heads oppose, dashed purple
tee-heads undercut."""


@dataclass(frozen=True)
class Preset:
    """Sizes and Graphviz graph settings for one kind of map."""

    name: str
    """What the preset is for."""
    wrap: int
    """Characters per line of claim text."""
    text_size: float
    """Point size of a claim's text."""
    badge_size: float
    """Point size of a claim's badge line (type, sourcing tier, status)."""
    small_size: float
    """Point size of a claim's speaker and source markers."""
    title_size: float
    """Point size of the map's title."""
    legend_size: float
    """Point size of the legend."""
    edge_width: float
    """Pen width of every edge; undercuts get half as much again."""
    line_width: float
    """Pen width of a plain border."""
    border_width: float
    """Pen width of a thick border (UNSOURCED); the focus claim's is twice as much."""
    graph: str
    """Graphviz graph attributes beyond rank direction and title."""


SCREEN = Preset(
    name="screen",
    wrap=30,
    text_size=11,
    badge_size=8,
    small_size=9,
    title_size=20,
    legend_size=10,
    edge_width=1.6,
    line_width=1.0,
    border_width=2.2,
    graph='nodesep=0.35, ranksep=0.5, pack=true, packmode="graph"',
)
"""The map for reading on a screen, zoomed as needed."""

SLIDE = Preset(
    name="slide",
    wrap=34,
    text_size=14,
    badge_size=11,
    small_size=11,
    title_size=26,
    legend_size=12,
    edge_width=3.0,
    line_width=1.5,
    border_width=3.0,
    graph='nodesep=0.12, ranksep=0.25, pack=true, packmode="graph"',
)
"""The map for a 16:9 slide: bigger type, heavier lines, tight spacing. Each connected
part is laid out apart (`pack`) and :mod:`argmap.render.dot.slide` packs the parts into 16:9.
Measured on the 40-claim seed, 34 characters a line at 14 pt gave the largest text
(26 to 44 tried). `newrank` is left out: Graphviz 2.43 crashes on it together with
`pack`. `size` is given when drawing, so the packing sees the true sizes."""

"""A claim's node in DOT: its id, its look, and its HTML-like label.

Every piece of user text goes through :func:`html_text` or :func:`html_lines`,
so no claim can break `dot` or inject markup. :class:`NodeLines` writes the
node statements of a whole map; most of what a node shows (its badge, its look,
its speakers' names) is shared by thousands of claims, so each distinct piece
is built once per map. The DOT emitter (:mod:`argmap.render.dot.emit`) puts
these statements in order with the edges and the legend.
"""

from __future__ import annotations

import hashlib
import html

from argmap.render.dot.style import (
    BORDERS,
    FOCUS_COLOUR,
    GREY_TEXT,
    MUTED_FILL,
    NO_PERSPECTIVE_FILL,
    PALETTE,
    SCREEN,
    SHAPES,
    STATUSES,
    Preset,
)
from argmap.render.text import printable, wrap
from argmap.render.view import ClaimNode, MapView
from argmap.render.view_verdicts import Verdict

LONGEST_ID = 200
"""Longer ids are replaced by a hash in DOT: Graphviz refuses strings over 16 KB."""
_TABLE = '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="1">'


def html_text(text: str) -> str:
    """Escape user text for an HTML-like label (control characters removed)."""
    return html.escape(printable(text), quote=True)


def html_lines(text: str, width: int, align: str = "") -> str:
    """User text for an HTML-like label, wrapped at *width* into lines joined by line breaks
    (aligned as *align* says, if given)."""
    lines = wrap(text, width)  # one line each, printable, never holding a line break
    if len(lines) == 1:
        return html.escape(lines[0], quote=True)
    brk = f'<BR ALIGN="{align}"/>' if align else "<BR/>"
    return html.escape("\n".join(lines), quote=True).replace("\n", brk)


def quote_id(ident: str) -> str:
    """A DOT double-quoted id."""
    return '"' + ident.replace("\\", "\\\\").replace('"', '\\"') + '"'


def node_id(claim_id: str) -> str:
    """The quoted DOT id of a claim's node, apart from every generated id.

    Generated nodes (the legend, link junctions) have ids with a ':'. Claim ids
    never hold one, so they are used as they are; were one to, or were it too
    long for Graphviz, it would become 'claim:' and a hash, as no generated id does.
    """
    if ":" in claim_id or len(claim_id) > LONGEST_ID:
        return quote_id(f"claim:{hashed(claim_id)}")
    return quote_id(claim_id)


def hashed(ident: str) -> str:
    """A fixed-length stand-in for an id too long for Graphviz."""
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


def _badge_row(node: ClaimNode, preset: Preset, verdict: Verdict | None = None) -> str:
    status = STATUSES.get(node.status or "")
    badge = "  ·  ".join(
        f"<B>{html_text(w)}</B>" if status and w == status.badge else html_text(w)
        for w in badge_words(node)
    )
    if verdict is not None:
        badge = f"<B>{html_text(verdict.badge)}</B>  ·  {badge}"
    return f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="{preset.badge_size:g}">{badge}</FONT></TD></TR>'


def _text_row(node: ClaimNode, preset: Preset, muted: bool = False) -> str:
    text = html_lines(node.text, preset.wrap) or " "
    status = STATUSES.get(node.status or "")
    if status and status.greyed:
        text = f'<FONT COLOR="{GREY_TEXT}"><S>{text}</S></FONT>'
    elif muted:
        text = f'<FONT COLOR="{GREY_TEXT}">{text}</FONT>'
    return f"<TR><TD>{text}</TD></TR>"


def _tail_row(speaker: str, numbers: tuple[int, ...], preset: Preset) -> str:
    """The small last row: the speakers (*speaker*, already escaped) and source numbers."""
    tail = [f"<I>{speaker}</I>"] if speaker else []
    if numbers:
        tail.append(" ".join(f"[{n}]" for n in numbers))
    if not tail:
        return ""
    return f'<TR><TD><FONT POINT-SIZE="{preset.small_size:g}">{" ".join(tail)}</FONT></TD></TR>'


def _speaker_html(node: ClaimNode, preset: Preset) -> str:
    return html_lines(node.map_attribution, preset.wrap + 8)


def claim_label(node: ClaimNode, preset: Preset = SCREEN, named: bool = True) -> str:
    """The HTML-like label: badge, wrapped text, then speaker and source markers.

    *named* False leaves the speaker out: the map's title names the document's
    author once, and the author's claims carry no name.
    """
    speaker = _speaker_html(node, preset) if named else ""
    tail = _tail_row(speaker, node.source_numbers, preset)
    return f"{_TABLE}{_badge_row(node, preset)}{_text_row(node, preset)}{tail}</TABLE>>"


def node_attributes(
    node: ClaimNode, fill: str, preset: Preset = SCREEN, focus: bool = False, muted: bool = False
) -> str:
    """The node's attributes but its label: shape, style, fill and border (*muted*: a
    defeated claim on an evaluated map, pale and grey)."""
    fill = MUTED_FILL if muted else fill
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
    elif (status and status.greyed) or muted:
        attributes.append(f'color="{GREY_TEXT}"')
    if width != 1.0:
        attributes.append(f"penwidth={width:g}")
    return ", ".join(attributes)


class NodeLines:
    """Writes the node statements of one map, building each shared piece once."""

    def __init__(self, view: MapView, preset: Preset = SCREEN) -> None:
        self.preset = preset
        """The sizes the map is drawn at."""
        self.fill = fills(view)
        """Fill colour per perspective id."""
        self.focus = view.focus
        """The claim the map is drawn around, if any."""
        self.author_ids = tuple(author.id for author in view.authors)
        """The document's authors, named in the title rather than on their claims."""
        self.evaluated = view.evaluation
        """The evaluation whose verdicts the nodes show, if any."""
        self._looks: dict[tuple[str, object, str | None, str, bool, bool], str] = {}
        self._badges: dict[tuple[str, object, str | None, str], str] = {}
        self._speakers: dict[str, str] = {}

    def line(self, node: ClaimNode) -> str:
        """The node statement of *node*, newline included."""
        preset = self.preset
        fill = self.fill.get(node.perspective, NO_PERSPECTIVE_FILL)
        focus = node.id == self.focus
        verdict = None if self.evaluated is None else self.evaluated.verdicts.get(node.id)
        muted = verdict is not None and verdict.defeated
        look_key = (node.type, node.sourcing, node.status, fill, focus, muted)
        look = self._looks.get(look_key)
        if look is None:
            look = self._looks[look_key] = node_attributes(node, fill, preset, focus, muted)
        badge_key = (node.type, node.sourcing, node.status, verdict.badge if verdict else "")
        badge = self._badges.get(badge_key)
        if badge is None:
            badge = self._badges[badge_key] = _TABLE + _badge_row(node, preset, verdict)
        speaker = ""
        if not self.author_ids or tuple(s.id for s in node.speakers) != self.author_ids:
            names = node.map_attribution
            speaker = self._speakers.get(names, "")
            if not speaker:
                speaker = self._speakers[names] = _speaker_html(node, preset)
        tail = _tail_row(speaker, node.source_numbers, preset)
        text = _text_row(node, preset, muted)
        return f"  {node_id(node.id)} [{look}, label={badge}{text}{tail}</TABLE>>];\n"

"""The seminar outputs `argmap render` writes for each document: map.html and deck.pdf.

Both are drawn by Graphviz, so like map.svg they are compared by the digest
they carry, never byte for byte: the page's stamp comment
(:func:`argmap.render.html.page.page_digest`) and the deck's metadata
(:func:`argmap.render.deck.plan.deck_digest`). Each digest covers everything
the output is made from except Graphviz, so `render --check` calls an output
stale exactly when the claims (or argmap's drawing of them) changed. The
planner (:mod:`argmap.render.renders`) asks here; nothing here writes files.
"""

from __future__ import annotations

from collections.abc import Callable

from argmap.corpus.plain import PlainIndex
from argmap.render.deck.pdf import build_deck, read_deck_stamp, title_dot
from argmap.render.deck.plan import deck_digest, plan_deck
from argmap.render.html.extras import claim_extras
from argmap.render.html.page import emit_page, node_labels, page_digest, read_page_stamp
from argmap.render.html.svg import draw_svg, html_dot
from argmap.render.names import Layout
from argmap.render.select import Document
from argmap.render.view import MapView

SEMINAR_OUTPUTS: tuple[str, ...] = ("map.html", "deck.pdf")
"""Seminar files written for each document."""

Maker = Callable[[Layout, float], bytes]
"""Draws one output, given the layout strategy and Graphviz's time bound."""


def seminar_outputs(
    index: PlainIndex, document: Document, view: MapView
) -> dict[str, tuple[str, Maker]]:
    """Each seminar output of *document*: the digest it must carry, and how to make it."""
    deck = plan_deck(index, list(document.claim_ids), document.title)
    extras = claim_extras(view, index)
    page = page_digest(view, extras)

    def make_page(layout: Layout, timeout: float) -> bytes:
        svg = draw_svg(html_dot(view, node_labels(extras)), layout, timeout)
        return emit_page(view, svg, extras, digest=page).encode("utf-8")

    def make_deck(layout: Layout, timeout: float) -> bytes:
        return build_deck(index, deck, layout, timeout)

    return {
        "map.html": (page, make_page),
        "deck.pdf": (deck_digest(index, deck, title_dot(deck)), make_deck),
    }


def read_seminar_stamp(name: str, data: bytes) -> str | None:
    """The digest the seminar output *name* carries, or None."""
    return read_page_stamp(data) if name == "map.html" else read_deck_stamp(data)

"""Drawing a deck: each slide from Graphviz's PDF output, merged into one 16:9 PDF with pypdf.

The title slide is a Graphviz label; the overview and the question slides are
:mod:`argmap.render.dot.slide` maps (the `--slide` style, legend included). Every
page is 1440×810 points (1920×1080 pixels at 96 dpi), each drawing centred on
it. The PDF carries no date and no random id, and its metadata holds the
deck's digest (:func:`~argmap.render.deck.plan.deck_digest`), so `render --check`
can tell a stale deck from one drawn by another Graphviz. Returns bytes;
writes nothing.
"""

from __future__ import annotations

import io
import re

from argmap.corpus.plain import PlainIndex
from argmap.render.deck.plan import MIN_TEXT_PX, Deck, deck_digest, split
from argmap.render.dot.labels import html_lines
from argmap.render.dot.layout import run_graphviz
from argmap.render.dot.slide import lay_out_slide, slide_fit
from argmap.render.dot.style import SLIDE
from argmap.render.names import Layout
from argmap.render.view import MapView

PAGE = (1440.0, 810.0)
"""A slide in points: 20 × 11.25 inches, 1920 × 1080 pixels at 96 dpi."""

STAMP_KEY = "/ArgmapDigest"
"""The metadata key holding the deck's digest."""

_STAMP = re.compile(re.escape(STAMP_KEY).encode() + rb"\s*\(([0-9a-f]{64})\)")


def title_dot(deck: Deck) -> str:
    """The title slide as DOT: the title, the authors and the date, centred."""
    rows = [f'<TR><TD><FONT POINT-SIZE="44"><B>{html_lines(deck.title, 40)}</B></FONT></TD></TR>']
    if deck.authors:
        authors = html_lines("; ".join(deck.authors), 70)
        rows.append(f'<TR><TD><FONT POINT-SIZE="26">{authors}</FONT></TD></TR>')
    if deck.date:
        rows.append(f'<TR><TD><FONT POINT-SIZE="22">{html_lines(deck.date, 70)}</FONT></TD></TR>')
    table = f'<TABLE BORDER="0" CELLSPACING="18">{"".join(rows)}</TABLE>'
    return (
        "digraph title {\n  graph [margin=0.5];\n"
        f'  title [shape=plaintext, fontname="Helvetica", label=<{table}>];\n}}\n'
    )


def text_px(fit: float) -> float:
    """Claim text size in pixels at 1920×1080 for a slide fitted at *fit* (never enlarged)."""
    return SLIDE.text_size * min(fit, 96 / 72)


def build_deck(
    index: PlainIndex, deck: Deck, layout: Layout = Layout.auto, timeout: float = 120.0
) -> bytes:
    """The deck as PDF bytes. Raises LayoutError."""
    title = title_dot(deck)
    pages = [run_graphviz("dot", "pdf", title, [], timeout, "title slide")]
    pages.append(_draw(deck.overview, layout, timeout))
    placed: dict[tuple[str, tuple[str, ...]], str] = {}

    def key(view: MapView) -> tuple[str, tuple[str, ...]]:
        return view.title, tuple(node.id for node in view.claims)

    def fits(view: MapView) -> bool:
        fit, dot = slide_fit(view, layout, timeout)
        placed[key(view)] = dot
        return text_px(fit) >= MIN_TEXT_PX

    for question, ids in deck.questions:
        for view in split(index, question, list(ids), fits):
            dot = placed.get(key(view)) or slide_fit(view, layout, timeout)[1]
            pages.append(lay_out_slide(dot, "pdf", timeout, ""))
    return merge(pages, deck, deck_digest(index, deck, title))


def _draw(view: MapView, layout: Layout, timeout: float) -> bytes:
    return lay_out_slide(slide_fit(view, layout, timeout)[1], "pdf", timeout, "")


def merge(pages: list[bytes], deck: Deck, digest: str) -> bytes:
    """One PDF of *pages* (single-page PDFs), each centred on a 16:9 page, stamped."""
    from pypdf import PageObject, PdfReader, PdfWriter, Transformation

    writer = PdfWriter()
    width, height = PAGE
    for data in pages:
        source = PdfReader(io.BytesIO(data)).pages[0]
        box = source.mediabox
        w, h = float(box.width), float(box.height)
        scale = min(1.0, width / w, height / h)
        move = Transformation().translate(-float(box.left), -float(box.bottom)).scale(scale)
        move = move.translate((width - w * scale) / 2, (height - h * scale) / 2)
        page = PageObject.create_blank_page(width=width, height=height)
        page.merge_transformed_page(source, move)
        writer.add_page(page)
    writer.add_metadata(
        {
            "/Title": deck.title,
            "/Author": "; ".join(deck.authors),
            "/Creator": "argmap deck",
            "/Producer": "argmap (Graphviz, pypdf)",
            STAMP_KEY: digest,
        }
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def read_deck_stamp(data: bytes) -> str | None:
    """The digest a deck carries, or None."""
    match = _STAMP.search(data)
    return match.group(1).decode() if match else None

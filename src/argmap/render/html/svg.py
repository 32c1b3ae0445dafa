"""The HTML map's drawing: Graphviz's core SVG of the map, with each claim node addressable.

:func:`html_dot` is the screen map's DOT (:mod:`argmap.render.dot.emit`) with
each claim node given ``id="c-<id>"``, a ``class`` (type, sourcing tier,
status, label) and ``URL="#c-<id>"``; Graphviz's core SVG renderer (``-Tsvg``,
not cairo, which drops them) keeps all three. :func:`page_svg` then makes that
SVG fit for inlining: no XML prolog or comments, no fixed size, and each claim
node a keyboard target with a ``role`` and an ``aria-label``, one of them in the
tab order. Runs Graphviz through :mod:`argmap.render.dot.layout`; writes nothing.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

from argmap.render.dot.emit import dot_chunks
from argmap.render.dot.labels import node_id, quote_id
from argmap.render.dot.layout import lay_out
from argmap.render.html.data import node_classes
from argmap.render.names import Layout
from argmap.render.view import ClaimNode, MapView

DOM_PREFIX = "c-"
"""A claim's element id and deep link are this prefix and its id."""

_NODE_START = re.compile(r'^  ("(?:[^"\\]|\\.)*") \[')
_NODE_GROUP = re.compile(r'<g id="([^"]*)" class="node claim([^"]*)">')
_NODE_LINK = re.compile(r'<g id="a_[^"]*"><a (xlink:href="#[^"]*") xlink:title="[^"]*"')
_COMMENT = re.compile(r"<!--.*?-->\n?", re.DOTALL)
_REDUNDANT = re.compile(
    r'<title>[^<]*</title>\n| font-family="Helvetica,sans-Serif"| text-anchor="start"'
)
"""Node and edge titles (the aria-label names a node), the font every text has (the
page's style gives it) and the default text anchor: a third of the SVG's bytes."""
_SIZE = re.compile(r'<svg width="[^"]*" height="[^"]*"')


def html_dot(view: MapView, labels: Mapping[str, str] | None = None) -> str:
    """The screen map's DOT with id, class, URL and tooltip on every claim node."""
    labels = labels or {}
    by_name = {node_id(node.id): node for node in view.claims}
    out = []
    for chunk in dot_chunks(view):
        match = _NODE_START.match(chunk)
        node = by_name.get(match.group(1)) if match else None
        if match and node is not None and " -> " not in chunk[: match.end()]:
            dom = quote_id(DOM_PREFIX + node.id)
            classes = quote_id(node_classes(node, labels.get(node.id)))
            extra = f"id={dom}, class={classes}, URL={quote_id('#' + DOM_PREFIX + node.id)}, "
            chunk = chunk[: match.end()] + extra + chunk[match.end() :]
        out.append(chunk)
    return "".join(out)


def aria_label(node: ClaimNode) -> str:
    """What a screen reader says for a node: type, text, who says it, tier and status."""
    words = [f"{node.type} claim: {node.text}", f"by {node.attribution}", node.sourcing.value]
    if node.status:
        words.append(node.status)
    return "; ".join(" ".join(w.split()) for w in words)


def draw_svg(dot_text: str, layout: Layout = Layout.auto, timeout: float = 120.0) -> str:
    """Graphviz's core SVG of *dot_text*. Raises LayoutError."""
    return lay_out(dot_text, "svg", layout, timeout).decode("utf-8")


def page_svg(svg: str, view: MapView) -> str:
    """*svg* (from :func:`draw_svg`) ready to inline: nodes focusable and labelled."""
    nodes = {DOM_PREFIX + node.id: node for node in view.claims}
    start = svg.find("<svg")
    svg = _COMMENT.sub("", svg[start:] if start >= 0 else svg).replace("&#45;", "-")
    svg = _REDUNDANT.sub("", svg)
    svg = _SIZE.sub('<svg id="map-svg" role="group" aria-label="Argument map"', svg, count=1)
    first = [True]

    def group(match: re.Match[str]) -> str:
        node = nodes.get(html.unescape(match.group(1)))
        if node is None:
            return match.group(0)
        tab = "0" if first[0] else "-1"
        first[0] = False
        label = html.escape(aria_label(node), quote=True)
        return (
            f'<g id="{match.group(1)}" class="node claim{match.group(2)}" role="button" '
            f'tabindex="{tab}" aria-label="{label}">'
        )

    svg = _NODE_GROUP.sub(group, svg)
    return _NODE_LINK.sub(lambda m: f'<g><a {m.group(1)} tabindex="-1" aria-hidden="true"', svg)

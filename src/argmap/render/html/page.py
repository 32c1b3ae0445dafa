"""One self-contained HTML page: the map's SVG, the claims as JSON, the script and the style.

The page fetches nothing: a Content-Security-Policy meta tag forbids every
network load and lets run only the page's own script and style, named by
their hashes, so text that escaped its escaping still could not run. User text
reaches the page three ways, each made inert: escaped into the SVG by
Graphviz, escaped into the plain list by :func:`html.escape`, and written as
JSON whose ``<``, ``>`` and ``&`` are ``\\u`` escapes, so no ``</script>`` can
end the data block. The page carries a stamp of what it was made from (see
:func:`page_digest`), so `render --check` can tell a stale page from one drawn
by another Graphviz. Returns text; writes nothing.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections.abc import Mapping
from importlib import resources
from typing import Any

from argmap.render.html.data import ClaimExtras, page_data, safe_url
from argmap.render.html.svg import DOM_PREFIX, draw_svg, html_dot, page_svg
from argmap.render.names import Layout
from argmap.render.view import MapView

STAMP_KEY = "argmap-html-sha256"
"""The name of the stamp comment the page carries."""

_STAMP = re.compile(rb"<!-- " + STAMP_KEY.encode() + rb": ([0-9a-f]{64}) -->")


def asset(name: str) -> str:
    """The text of the bundled asset *name* (map.js or map.css)."""
    return (resources.files("argmap.render.html") / "assets" / name).read_text("utf-8")


def json_script(data: Any) -> str:
    """*data* as JSON safe inside a <script> element: no tag, entity or line separator in it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    for char, escape in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escape)
    return text


def _hash(text: str) -> str:
    """A CSP source expression for the inline element whose text is *text*."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def csp(script: str, style: str) -> str:
    """The policy: nothing fetched, only the page's own script and style run."""
    return (
        f"default-src 'none'; script-src {_hash(script)}; style-src {_hash(style)}; "
        "img-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'"
    )


def page_digest(view: MapView, extras: Mapping[str, ClaimExtras] | None = None) -> str:
    """The hash of everything the page is made from but Graphviz: DOT, data and assets."""
    dot = html_dot(view, node_labels(extras))
    parts = (dot, json_script(page_data(view, extras)), asset("map.js"), asset("map.css"))
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def node_labels(extras: Mapping[str, ClaimExtras] | None) -> dict[str, str]:
    """Each evaluated claim's label, for its node's class."""
    return {key: value.label for key, value in (extras or {}).items() if value.label}


def read_page_stamp(data: bytes) -> str | None:
    """The digest a page carries, or None."""
    match = _STAMP.search(data[:512])
    return match.group(1).decode() if match else None


def _options(name: str, label: str, choices: list[tuple[str, str]]) -> str:
    if not choices:
        return ""
    items = "".join(
        f'<option value="{html.escape(v, quote=True)}">{html.escape(t)}</option>'
        for v, t in choices
    )
    return (
        f'<label>{label} <select data-filter="{name}"><option value="">all</option>'
        f"{items}</select></label>"
    )


def _controls(view: MapView) -> str:
    """The search box, the filters and the zoom buttons (shown by the script)."""

    def seen(values: list[str | None]) -> list[tuple[str, str]]:
        return [(v, v) for v in dict.fromkeys(v for v in values if v)]

    filters = [
        _options("perspective", "Perspective", [(p.id, p.name) for p in view.perspectives]),
        _options("question", "Question", [(q.id, q.text) for q in view.questions]),
        _options("type", "Type", seen([n.type for n in view.claims])),
        _options("status", "Status", seen([n.status or "none" for n in view.claims])),
        _options("tier", "Sourcing", seen([n.sourcing.value for n in view.claims])),
    ]
    return (
        '<div id="tools" class="tools" hidden>'
        '<div class="search" role="search"><label for="search">Search</label> '
        '<input id="search" type="search" placeholder="text, id or speaker" autocomplete="off">'
        ' <output id="search-count" for="search" aria-live="polite"></output></div>'
        f'<div class="filters">{"".join(filters)}</div>'
        '<div class="zoom" role="group" aria-label="Zoom">'
        '<button type="button" data-zoom="in" aria-label="Zoom in">+</button>'
        '<button type="button" data-zoom="out" aria-label="Zoom out">−</button>'
        '<button type="button" data-zoom="fit">Fit</button></div>'
        '<ul id="search-results" class="results" aria-label="Search results"></ul>'
        "</div>"
    )


def _claim_list(view: MapView, data: dict[str, Any]) -> str:
    """The plain list of claims, for readers without JavaScript (the script builds the same
    list from the data once the map is drawn, so parsing it never delays the map)."""
    items = []
    for record in data["claims"]:
        speakers = "; ".join(
            s["name"] + (f", {s['role']}" if s["role"] else "") for s in record["speakers"]
        )
        meta = " · ".join(
            w for w in (record["type"], record["tier"], record["status"], speakers) if w
        )
        cites = []
        for citation in record["citations"]:
            title = html.escape(citation["source"])
            url = safe_url(citation["url"])
            if url:
                href = html.escape(url, quote=True)
                title = f'<a href="{href}" rel="noopener noreferrer">{title}</a>'
            where = f", {html.escape(citation['locator'])}" if citation["locator"] else ""
            quote = (
                f"<blockquote>{html.escape(citation['quote'])}</blockquote>"
                if citation["quote"]
                else ""
            )
            cites.append(f"<li>{quote}{title}{where}</li>")
        cited = f'<ul class="cites">{"".join(cites)}</ul>' if cites else ""
        ident = html.escape(record["id"], quote=True)
        items.append(
            f'<li id="list-{DOM_PREFIX}{ident}"><p class="text">{html.escape(record["text"])}'
            f" <code>{html.escape(record['id'])}</code></p>"
            f'<p class="meta">{html.escape(meta)}</p>{cited}</li>'
        )
    return (
        '<section id="claims" class="claims" aria-labelledby="claims-title">'
        f'<h2 id="claims-title">All claims ({len(items)})</h2><ol>{"".join(items)}</ol></section>'
    )


def emit_page(
    view: MapView,
    svg: str,
    extras: Mapping[str, ClaimExtras] | None = None,
    digest: str | None = None,
) -> str:
    """The page for *view*, with *svg* as Graphviz drew :func:`html_dot`."""
    data = page_data(view, extras)
    script, style = asset("map.js"), asset("map.css")
    title = html.escape(view.title)
    byline = (
        f'<p class="byline">by {html.escape("; ".join(data["authors"]))}</p>'
        if data["authors"]
        else ""
    )
    stamp = f"<!-- {STAMP_KEY}: {digest or page_digest(view, extras)} -->\n"
    return (
        f"<!DOCTYPE html>\n{stamp}"
        '<html lang="en"><head><meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp(script, style)}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{style}</style>\n</head>\n<body>\n"
        '<a class="skip" href="#claims">Skip to the list of claims</a>\n'
        f"<header><h1>{title}</h1>{byline}</header>\n{_controls(view)}\n"
        f'<main class="stage"><div id="map" class="map">{page_svg(svg, view)}</div>\n'
        '<aside id="panel" class="panel" hidden tabindex="-1" aria-labelledby="panel-title">'
        '<button type="button" id="panel-close" class="close" aria-label="Close details">×</button>'
        '<div id="panel-body"></div></aside></main>\n'
        f'<noscript id="claims-plain">{_claim_list(view, data)}</noscript>\n'
        f'<script type="application/json" id="argmap-data">{json_script(data)}</script>\n'
        f"<script>{script}</script>\n</body></html>\n"
    )


def emit_html(
    view: MapView,
    layout: Layout = Layout.auto,
    timeout: float = 120.0,
    extras: Mapping[str, ClaimExtras] | None = None,
) -> str:
    """The whole page for *view*, Graphviz run included. Raises LayoutError."""
    return emit_page(view, draw_svg(html_dot(view, node_labels(extras)), layout, timeout), extras)

"""Slide maps: the map packed into 16:9, so a 30–40-claim map reads at 1920×1080.

Graphviz lays out every connected part of the map on its own (the slide
preset's `pack`), but packs the parts into a square with wide gaps. Here the
parts are packed again as rectangles, bottom-left on a skyline, at many
widths, keeping the arrangement whose text comes out largest once the whole
map is fitted to 1920×1080. Each part is moved there unchanged (nodes and
edge splines), and Graphviz draws the result with positions fixed
(`neato -n2`), at most 1920×1080 pixels (20×11.25 inches at 96 dpi). Both
rank directions are tried unless the user chose one; the one with larger
text wins. Runs Graphviz; writes nothing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from argmap.render.dot.emit import emit_dot, quote_id
from argmap.render.dot.layout import dot_hash, run_graphviz, stamp, strategy_args
from argmap.render.dot.style import SLIDE
from argmap.render.names import Layout
from argmap.render.view import MapView

SLIDE_PIXELS = (1920, 1080)
"""The slide the map is fitted to."""
SLIDE_GRAPH_ARGS = ("-Gsize=20,11.25", "-Gpack=false")
"""Draw at most 20×11.25 inches (1920×1080 CSS pixels in an SVG); keep the packed positions."""
PNG_ARGS = ("-Gdpi=96",)
"""A PNG at 96 dpi: at most 1920×1080 pixels."""
GAP = 18.0
"""Points between packed parts."""

_EDGE = re.compile(r"^(\s+\S+ -> \S+ \[)", re.MULTILINE)


@dataclass
class _Part:
    """One connected part of a laid-out map: its nodes, edges and bounding box (points)."""

    nodes: list[int]
    edges: list[int]
    box: list[float]  # left, bottom, right, top

    @property
    def width(self) -> float:
        return self.box[2] - self.box[0]

    @property
    def height(self) -> float:
        return self.box[3] - self.box[1]


def slide_digest(view: MapView) -> str:
    """The hash slide outputs carry: that of the top-to-bottom slide DOT of *view*."""
    return dot_hash(emit_dot(view, "TB", SLIDE))


def slide_dot(
    view: MapView, layout: Layout, timeout: float, directions: Sequence[str] = ("TB", "LR")
) -> str:
    """DOT text with every node and edge placed: the slide, ready for `neato -n2`."""
    return slide_fit(view, layout, timeout, directions)[1]


def slide_fit(
    view: MapView, layout: Layout, timeout: float, directions: Sequence[str] = ("TB", "LR")
) -> tuple[float, str]:
    """The slide's scale from points to pixels at 1920×1080 (:func:`fit_scale`), and the
    placed DOT of :func:`slide_dot`."""
    best: tuple[float, str] | None = None
    for direction in directions:
        tagged = _tag_edges(emit_dot(view, direction, SLIDE))
        strategy, engine, args = strategy_args(layout, tagged)
        laid = json.loads(run_graphviz(engine, "json", tagged, args, timeout, strategy.value))
        placed, fit = _packed(tagged, laid)
        if best is None or fit > best[0] + 1e-9:
            best = (fit, placed)
    assert best is not None, "at least one direction"
    return best


def lay_out_slide(placed_dot: str, fmt: str, timeout: float, digest: str) -> bytes:
    """Draw *placed_dot* from :func:`slide_dot` as *fmt*, stamped with *digest*."""
    args = ["-n2", *SLIDE_GRAPH_ARGS, *(PNG_ARGS if fmt == "png" else ())]
    data = run_graphviz("neato", fmt, placed_dot, args, timeout, "slide")
    return stamp(fmt, data, digest)


def fit_scale(width: float, height: float) -> float:
    """How much a *width* × *height* drawing is scaled to fit the slide."""
    return min(SLIDE_PIXELS[0] / width, SLIDE_PIXELS[1] / height)


def _tag_edges(dot_text: str) -> str:
    """Give each edge statement an id, so its laid-out route can be found again."""
    count = iter(range(1, 1 << 62))
    return _EDGE.sub(lambda m: f'{m.group(1)}id="slide-e{next(count)}", ', dot_text)


def _parts(laid: dict[str, object]) -> list[_Part]:
    """The connected parts of Graphviz's JSON layout, in order of their first node."""
    objects, edges = _listed(laid, "objects"), _listed(laid, "edges")
    parent = {o["_gvid"]: o["_gvid"] for o in objects if "pos" in o}

    def root(gvid: int) -> int:
        while parent[gvid] != gvid:
            parent[gvid] = parent[parent[gvid]]
            gvid = parent[gvid]
        return gvid

    for edge in edges:
        a, b = root(edge["tail"]), root(edge["head"])
        parent[max(a, b)] = min(a, b)
    parts: dict[int, _Part] = {}
    for o in objects:
        if "pos" not in o:
            continue
        x, y = _point(o["pos"])
        w, h = float(o["width"]) * 36, float(o["height"]) * 36
        part = parts.setdefault(root(o["_gvid"]), _Part([], [], [x - w, y - h, x + w, y + h]))
        part.nodes.append(o["_gvid"])
        _grow(part.box, x - w, y - h, x + w, y + h)
    for n, edge in enumerate(edges):
        part = parts[root(edge["tail"])]
        part.edges.append(n)
        for x, y in _spline(edge.get("pos", "")):
            _grow(part.box, x, y, x, y)
    return list(parts.values())


def _listed(laid: dict[str, object], key: str) -> list[dict[str, Any]]:
    """The list *key* of Graphviz's JSON output (absent when the map has none)."""
    found = laid.get(key, [])
    assert isinstance(found, list)
    return found


def _point(text: str) -> tuple[float, float]:
    x, y = text.split(",")[-2:]
    return float(x), float(y)


def _spline(text: str) -> list[tuple[float, float]]:
    return [_point(p) for p in text.split()]


def _grow(box: list[float], left: float, bottom: float, right: float, top: float) -> None:
    box[0], box[1] = min(box[0], left), min(box[1], bottom)
    box[2], box[3] = max(box[2], right), max(box[3], top)


def _packed(tagged: str, laid: dict[str, object]) -> tuple[str, float]:
    """*tagged* with every node and edge placed in the best 16:9 packing, and its fit."""
    parts = _parts(laid)
    title = float(str(laid.get("lheight", "0"))) * 72 + GAP
    places, width, height = _best_packing([(p.width, p.height) for p in parts], title)
    objects, edges = _listed(laid, "objects"), _listed(laid, "edges")
    positions: list[str] = []
    routes: dict[str, str] = {}
    for part, (left, top) in zip(parts, places, strict=True):
        dx = left - part.box[0]
        dy = (height - title - top) - part.box[3]
        for gvid in part.nodes:
            x, y = _point(objects[gvid]["pos"])
            positions.append(
                f'  {quote_id(objects[gvid]["name"])} [pos="{x + dx:.2f},{y + dy:.2f}"];'
            )
        for n in part.edges:
            edge = edges[n]
            routes[edge["id"]] = " ".join(_shift(p, dx, dy) for p in edge.get("pos", "").split())
    placed = re.sub(
        r'id="(slide-e\d+)", ',
        lambda m: f'id="{m.group(1)}", pos="{routes[m.group(1)]}", ',
        tagged,
    )
    placed = placed.rstrip().removesuffix("}") + "\n".join(positions) + "\n}\n"
    return placed, fit_scale(width, height)


def _shift(point: str, dx: float, dy: float) -> str:
    prefix = point[:2] if point[:2] in ("e,", "s,") else ""
    x, y = _point(point)
    return f"{prefix}{x + dx:.2f},{y + dy:.2f}"


def _best_packing(
    sizes: list[tuple[float, float]], title: float
) -> tuple[list[tuple[float, float]], float, float]:
    """Top-left corners (from the top) of *sizes*, and the total width and height."""
    widest = max(w for w, _ in sizes)
    total = sum(w for w, _ in sizes) + GAP * len(sizes)
    best: tuple[float, list[tuple[float, float]], float, float] | None = None
    steps = 60
    for k in range(steps + 1):
        limit = widest + (total - widest) * k / steps
        places = _skyline(sizes, limit)
        width = max(x + w for (x, _), (w, _) in zip(places, sizes, strict=True))
        height = max(y + h for (_, y), (_, h) in zip(places, sizes, strict=True)) + title
        fit = fit_scale(width, height)
        if best is None or fit > best[0] + 1e-9:
            best = (fit, places, width, height)
    assert best is not None
    return best[1], best[2], best[3]


def _skyline(sizes: list[tuple[float, float]], limit: float) -> list[tuple[float, float]]:
    """Bottom-left skyline packing (y grows downward), biggest parts first."""
    sky = [(0.0, limit + GAP, 0.0)]  # segments: x, width, height reached
    places: list[tuple[float, float]] = [(0.0, 0.0)] * len(sizes)
    order = sorted(range(len(sizes)), key=lambda i: (-sizes[i][0] * sizes[i][1], i))
    for i in order:
        w, h = sizes[i]
        spot: tuple[float, float] | None = None
        for start in range(len(sky)):
            x = sky[start][0]
            if x + w > limit + 1e-6:
                break
            y, covered, j = 0.0, 0.0, start
            while covered < w + GAP - 1e-6 and j < len(sky):
                y, covered, j = max(y, sky[j][2]), covered + sky[j][1], j + 1
            if spot is None or (y, x) < (spot[1], spot[0]):
                spot = (x, y)
        x, y = spot if spot is not None else (0.0, max(s[2] for s in sky))
        places[i] = (x, y)
        sky = _raise(sky, x, w + GAP, y + h + GAP)
    return places


def _raise(
    sky: list[tuple[float, float, float]], x: float, w: float, top: float
) -> list[tuple[float, float, float]]:
    """The skyline with [x, x + w) raised to *top*, neighbours merged."""
    cut: list[tuple[float, float, float]] = []
    for sx, sw, sy in sky:
        for lo, hi in ((sx, min(sx + sw, x)), (max(sx, x + w), sx + sw)):
            if hi - lo > 1e-6:
                cut.append((lo, hi - lo, sy))
    cut.append((x, w, top))
    cut.sort()
    merged: list[tuple[float, float, float]] = []
    for segment in cut:
        if merged and abs(merged[-1][2] - segment[2]) < 1e-6:
            last = merged.pop()
            segment = (last[0], last[1] + segment[1], last[2])
        merged.append(segment)
    return merged

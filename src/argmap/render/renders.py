"""What `argmap render` writes, and whether renders/ is current.

For every document (claims file) the plan holds the map as DOT, SVG and PNG,
the brief, the perspectives brief and the audit, under ``OUT/<file stem>/``.
Text outputs are compared byte for byte; laid-out outputs by the DOT hash
they carry (see :mod:`argmap.render.layout`), because pixels depend on the local
Graphviz and fonts. Writing is atomic. This module and the CLI are the only
places that touch renders/.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path

from argmap.check.audit import audit
from argmap.corpus.graph import GraphIndex
from argmap.load.files import write_atomic
from argmap.render.audit_format import format_markdown
from argmap.render.emit_brief import emit_brief
from argmap.render.emit_dot import emit_dot
from argmap.render.emit_perspectives import emit_perspectives
from argmap.render.layout import Layout, dot_hash, lay_out, read_stamp
from argmap.render.select import Document, documents
from argmap.render.view import MapView, build_view

Emitter = Callable[[GraphIndex, Document, MapView], str]

TEXT_OUTPUTS: dict[str, Emitter] = {
    "map.dot": lambda index, document, view: emit_dot(view),
    "brief.md": lambda index, document, view: emit_brief(view),
    "perspectives.md": lambda index, document, view: emit_perspectives(view),
    "audit.md": lambda index, document, view: format_markdown(
        audit(index, document.claim_ids), index.corpus
    ),
}
"""Each text file written for a document, and what makes it."""

LAYOUT_OUTPUTS: tuple[str, ...] = ("map.svg", "map.png")
"""Laid-out files written for each document."""


@dataclass
class DocumentRender:
    """The outputs of one document, computed in memory."""

    document: Document
    """What is rendered."""
    texts: dict[str, str] = field(default_factory=dict)
    """File name to text, for TEXT_OUTPUTS."""

    @property
    def dot(self) -> str:
        """The DOT text the laid-out files come from."""
        return self.texts["map.dot"]


def plan(index: GraphIndex, only: Collection[str] = ()) -> list[DocumentRender]:
    """The text outputs of every document, or of the documents named in *only*."""
    renders = []
    for document in documents(index):
        if only and document.name not in only:
            continue
        view = build_view(index, list(document.claim_ids), document.title)
        texts = {name: emit(index, document, view) for name, emit in TEXT_OUTPUTS.items()}
        renders.append(DocumentRender(document, texts))
    return renders


def write_renders(
    renders: list[DocumentRender],
    out: Path,
    layout: Layout = Layout.auto,
    timeout: float = 120.0,
    force: bool = False,
) -> list[Path]:
    """Write the outputs that are stale (all of them with *force*); return those paths.

    An output that is already current is left alone, so re-rendering a large
    corpus only lays out the maps whose DOT changed. Raises LayoutError, OSError.
    """
    stale = {path for path, _ in stale_outputs(renders, out)}
    written = []
    for render in renders:
        folder = out / render.document.name
        for name, text in render.texts.items():
            if force or folder / name in stale:
                write_atomic(folder / name, text)
                written.append(folder / name)
        for name in LAYOUT_OUTPUTS:
            if force or folder / name in stale:
                fmt = name.rsplit(".", 1)[1]
                write_atomic(folder / name, lay_out(render.dot, fmt, layout, timeout))
                written.append(folder / name)
    return written


def stale_outputs(renders: list[DocumentRender], out: Path) -> list[tuple[Path, str]]:
    """Outputs under *out* that differ from what the claims produce, with why."""
    stale = []
    for render in renders:
        folder = out / render.document.name
        for name, text in render.texts.items():
            path = folder / name
            if not path.is_file():
                stale.append((path, "missing"))
            elif path.read_bytes() != text.encode("utf-8"):
                stale.append((path, "differs"))
        expected = dot_hash(render.dot)
        for name in LAYOUT_OUTPUTS:
            path = folder / name
            fmt = name.rsplit(".", 1)[1]
            if not path.is_file():
                stale.append((path, "missing"))
            elif read_stamp(fmt, path.read_bytes()) != expected:
                stale.append((path, "laid out from an older map.dot"))
    return stale

"""What `argmap render` writes, and whether renders/ is current.

For every document (claims file) the plan holds the map as DOT, SVG and PNG,
the brief, the perspectives brief and the audit, under ``OUT/<path>/``, where
<path> is the file's path under the claims root without its suffix (so
``claims/a/x.yaml`` renders into ``OUT/a/x/``). Two files that would share a
folder (``x.yaml`` and ``x.yml``) are refused with a located diagnostic.

Text outputs are compared byte for byte; laid-out outputs by the DOT hash
they carry (see :mod:`argmap.render.layout`), because pixels depend on the local
Graphviz and fonts. Anything in a folder that is not a regular file, such as a
symlink planted in renders/, is stale and gets replaced, never written
through. A document's folder is swapped in whole
(:func:`argmap.load.folders.replace_folder`), so a run killed midway never
leaves new and old outputs side by side. This module and the CLI are the only
places that touch renders/.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from argmap.check.audit import audit
from argmap.corpus.graph import GraphIndex
from argmap.diagnostics import Diagnostic, Location
from argmap.load.files import UnreadableFile, read_regular
from argmap.load.folders import recover, replace_folder
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


def collisions(docs: list[Document]) -> list[Diagnostic]:
    """A diagnostic for each document whose folder another document (or its output) takes."""
    taken: dict[str, Document] = {}
    outputs = {*TEXT_OUTPUTS, *LAYOUT_OUTPUTS}
    found = []
    for document in docs:
        path = PurePosixPath(document.name)
        clash = taken.get(document.name)
        owner = taken.get(str(path.parent)) if path.name in outputs else None
        first = clash or owner
        if first is not None:
            what = "the same folder" if clash else f"a folder where it writes {path.name}"
            found.append(
                Diagnostic(
                    Location(document.file),
                    "render-collision",
                    f"'{document.file}' would render into {what} as '{first.file}': "
                    f"renders/{document.name}/",
                    "rename one of the two files; each renders into its path under claims/",
                    related=Location(first.file),
                )
            )
        taken.setdefault(document.name, document)
    return found


def write_renders(
    renders: list[DocumentRender],
    out: Path,
    layout: Layout = Layout.auto,
    timeout: float = 120.0,
    force: bool = False,
) -> list[Path]:
    """Write the outputs that are stale (all of them with *force*); return those paths.

    An output that is already current is kept (hard-linked into the new
    folder), so re-rendering a large corpus only lays out the maps whose DOT
    changed. Each document's folder is replaced in one step. Raises
    LayoutError, OSError.
    """
    stale = {path for path, _ in stale_outputs(renders, out)}
    written = []
    for render in renders:
        folder = out / render.document.name
        if folder.parent.is_dir():
            recover(folder, {*render.texts, *LAYOUT_OUTPUTS})
        files: dict[str, bytes | None] = {}
        for name, text in render.texts.items():
            fresh = force or folder / name in stale
            files[name] = text.encode("utf-8") if fresh else None
        for name in LAYOUT_OUTPUTS:
            if force or folder / name in stale:
                fmt = name.rsplit(".", 1)[1]
                files[name] = lay_out(render.dot, fmt, layout, timeout)
            else:
                files[name] = None
        if any(data is not None for data in files.values()):
            replace_folder(out, render.document.name, files)
            written += [folder / name for name, data in files.items() if data is not None]
    return written


_LARGEST_OUTPUT = 1 << 31
"""Outputs larger than this are stale unread (no render is that big)."""


def stale_outputs(renders: list[DocumentRender], out: Path) -> list[tuple[Path, str]]:
    """Outputs under *out* that differ from what the claims produce, with why."""
    stale = []
    for render in renders:
        folder = out / render.document.name
        linked = _linked_folder(out, render.document.name)
        expected = dot_hash(render.dot)
        wanted: list[tuple[str, bytes | None]]
        wanted = [(name, text.encode("utf-8")) for name, text in render.texts.items()]
        wanted += [(name, None) for name in LAYOUT_OUTPUTS]
        for name, data in wanted:
            path = folder / name
            if linked is not None:
                stale.append((path, f"{linked} is a symbolic link"))
                continue
            try:
                current = read_regular(path, _LARGEST_OUTPUT, follow_symlinks=False)
            except UnreadableFile as exc:
                missing = not os.path.lexists(path)
                stale.append((path, "missing" if missing else exc.reason))
                continue
            if data is not None and current != data:
                stale.append((path, "differs"))
            elif data is None and read_stamp(name.rsplit(".", 1)[1], current) != expected:
                stale.append((path, "laid out from an older map.dot"))
    return stale


def _linked_folder(out: Path, name: str) -> Path | None:
    """The first folder below *out* on the way to *name* that is a symlink, if any."""
    here = out
    for part in PurePosixPath(name).parts:
        here = here / part
        try:
            if stat.S_ISLNK(os.lstat(here).st_mode):
                return here
        except OSError:
            return None
    return None

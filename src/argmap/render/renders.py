"""What `argmap render` writes, and whether renders/ is current.

For every document (claims file) the plan holds the map as DOT, SVG and PNG,
the brief, the perspectives brief, the audit and the evaluation, under ``OUT/<namespace>/``
(the file's path under the claims root without its suffix, unless it names
another namespace), so ``claims/a/x.yaml`` renders into ``OUT/a/x/``. A
document whose folder would be another's output file is refused with a
located diagnostic.

Text outputs are compared byte for byte; laid-out outputs by the DOT hash
they carry (see :mod:`argmap.render.dot.layout`), because pixels depend on the local
Graphviz and fonts. Anything in a folder that is not a regular file, such as a
symlink planted in renders/, is stale and gets replaced, never written
through. A document's folder is swapped in whole
(:func:`argmap.load.folders.replace_folder`), so a run killed midway never
leaves new and old outputs side by side; each run builds in hidden folders of
its own, and renders into one folder are locked to run one at a time. This
module and the CLI are the only places that touch renders/.
"""

from __future__ import annotations

import difflib
import os
import stat
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from argmap import progress
from argmap.check.audit import audit
from argmap.corpus.plain import PlainIndex
from argmap.diagnostics import Diagnostic, Location
from argmap.load.files import UnreadableFile, read_regular
from argmap.load.folders import Leftovers, check_outputs, replace_folder
from argmap.load.writes import holding
from argmap.render.dot.emit import emit_dot
from argmap.render.dot.layout import dot_hash, lay_out, read_stamp
from argmap.render.dot.slide import lay_out_slide, slide_digest, slide_dot
from argmap.render.markdown.audit_format import format_markdown
from argmap.render.markdown.brief import emit_brief
from argmap.render.markdown.evaluation import document_evaluation
from argmap.render.markdown.perspectives import emit_perspectives
from argmap.render.names import Layout
from argmap.render.select import Document, documents
from argmap.render.seminar import SEMINAR_OUTPUTS, Maker, read_seminar_stamp, seminar_outputs
from argmap.render.view import MapView, build_view

Emitter = Callable[[PlainIndex, Document, MapView], str]

TEXT_OUTPUTS: dict[str, Emitter] = {
    "map.dot": lambda index, document, view: emit_dot(view),
    "brief.md": lambda index, document, view: emit_brief(view),
    "perspectives.md": lambda index, document, view: emit_perspectives(view),
    "audit.md": lambda index, document, view: format_markdown(
        audit(index.table, document.claim_ids)
    ),
    "evaluation.md": lambda index, document, view: document_evaluation(
        index.table, document.title, list(document.claim_ids), document.name
    ),
}
"""Each text file written for a document, and what makes it."""

LAYOUT_OUTPUTS: tuple[str, ...] = ("map.svg", "map.png")
"""Laid-out files written for each document."""

SLIDE_OUTPUTS: tuple[str, ...] = ("slide.svg", "slide.png")
"""16:9 slide files, written with `render --slide` and kept current once a folder has them."""

DIFF_LINES = 40
"""How many lines of unified diff `render --check` shows for a stale text output."""

DIFF_MAX_LINES = 5000
"""Files longer than this are not diffed (difflib's time grows with the square of it)."""

_LARGEST_OUTPUT = 1 << 31
"""Outputs larger than this are stale unread (no render is that big)."""


@dataclass
class DocumentRender:
    """The outputs of one document, computed in memory."""

    document: Document
    """What is rendered."""
    view: MapView
    """The view every output of the document comes from."""
    texts: dict[str, str] = field(default_factory=dict)
    """File name to text, for TEXT_OUTPUTS."""
    slides: bool = False
    """True when the slide outputs belong to the document's renders."""
    seminar: dict[str, tuple[str, Maker]] = field(default_factory=dict)
    """map.html and deck.pdf: the digest each must carry and what draws it."""

    @property
    def dot(self) -> str:
        """The DOT text the laid-out files come from."""
        return self.texts["map.dot"]

    def laid_out(self) -> dict[str, str]:
        """Each laid-out file and the hash of the DOT it must be laid out from."""
        digests = dict.fromkeys(LAYOUT_OUTPUTS, dot_hash(self.dot))
        if self.slides:
            digests.update(dict.fromkeys(SLIDE_OUTPUTS, slide_digest(self.view)))
        digests.update({name: digest for name, (digest, _) in self.seminar.items()})
        return digests


@dataclass(frozen=True)
class Stale:
    """An output that differs from what the claims produce."""

    path: Path
    """The file."""
    why: str
    """"missing", "differs", or "laid out from an older map.dot" (or "slide map")."""
    diff: tuple[str, ...] = ()
    """For a text output, the start of a unified diff from the file to what it should be."""


def plan(
    index: PlainIndex, only: Collection[str] = (), slides: bool = False, out: Path | None = None
) -> list[DocumentRender]:
    """The text outputs of every document, or of the documents named in *only*.

    Slide outputs are planned with *slides*, and for every document whose folder
    under *out* already holds one, so a plain `render` keeps them current.
    """
    renders = []
    chosen = [d for d in documents(index) if not only or d.name in only]
    for at, document in enumerate(chosen):
        progress.step("preparing documents", at, len(chosen))
        view = build_view(index, list(document.claim_ids), document.title)
        texts = {name: emit(index, document, view) for name, emit in TEXT_OUTPUTS.items()}
        has_slides = out is not None and any(
            (out / document.name / name).is_file() for name in SLIDE_OUTPUTS
        )
        seminar = seminar_outputs(index, document, view)
        renders.append(DocumentRender(document, view, texts, slides or has_slides, seminar))
    progress.finish()
    return renders


def collisions(docs: list[Document]) -> list[Diagnostic]:
    """A diagnostic for each document whose folder another document (or its output) takes.

    Files with the same namespace are refused by `check` already; what is left
    is a folder that is another document's output file (`a/map.dot` beside `a`).
    """
    taken: dict[str, Document] = {}
    outputs = {*TEXT_OUTPUTS, *LAYOUT_OUTPUTS, *SLIDE_OUTPUTS, *SEMINAR_OUTPUTS}
    found = []
    for document in docs:
        path = PurePosixPath(document.name)
        folder = f"renders/{document.name}/"
        first = taken.get(document.name)
        if first is not None:
            message = f"'{document.file}' and '{first.file}' would both render into {folder}"
        elif path.name in outputs and str(path.parent) in taken:
            first = taken[str(path.parent)]
            message = (
                f"'{document.file}' would render into {folder}, "
                f"where '{first.file}' writes its {path.name}"
            )
        if first is not None:
            found.append(
                Diagnostic(
                    Location(document.file),
                    "render-collision",
                    message,
                    "rename one of the two files; each renders into its path under claims/",
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
    with holding(out):  # one render of a folder at a time
        return _write_renders(renders, out, layout, timeout, force)


def _write_renders(
    renders: list[DocumentRender], out: Path, layout: Layout, timeout: float, force: bool
) -> list[Path]:
    stale = {entry.path for entry in stale_outputs(renders, out)}
    for render in renders:  # refuse before writing anything
        owned = {*render.texts, *render.laid_out()}
        check_outputs(out / render.document.name, owned)
    written = []
    leftovers = Leftovers()  # of runs that are gone; a live run's build folder is kept
    for at, render in enumerate(renders):
        progress.step("rendering documents", at, len(renders))
        folder = out / render.document.name
        owned = {*render.texts, *LAYOUT_OUTPUTS, *SLIDE_OUTPUTS, *SEMINAR_OUTPUTS}
        leftovers.recover(folder, owned)
        files: dict[str, bytes | None] = {}
        for name, text in render.texts.items():
            fresh = force or folder / name in stale
            files[name] = text.encode("utf-8") if fresh else None
        placed: str | None = None
        for name, digest in render.laid_out().items():
            files[name] = None
            if not (force or folder / name in stale):
                continue
            fmt = name.rsplit(".", 1)[1]
            if name in render.seminar:
                files[name] = render.seminar[name][1](layout, timeout)
            elif name in SLIDE_OUTPUTS:
                placed = placed or slide_dot(render.view, layout, timeout)
                files[name] = lay_out_slide(placed, fmt, timeout, digest)
            else:
                files[name] = lay_out(render.dot, fmt, layout, timeout)
        if any(data is not None for data in files.values()):
            replace_folder(out, render.document.name, files, leftovers)
            written += [folder / name for name, data in files.items() if data is not None]
    progress.finish()
    return written


def stale_outputs(renders: list[DocumentRender], out: Path) -> list[Stale]:
    """Outputs under *out* that differ from what the claims produce, with why."""
    stale = []
    for render in renders:
        folder = out / render.document.name
        linked = _linked_folder(out, render.document.name)
        wanted: list[tuple[str, bytes | None, str | None]]
        wanted = [(name, text.encode("utf-8"), None) for name, text in render.texts.items()]
        wanted += [(name, None, digest) for name, digest in render.laid_out().items()]
        for name, data, expected in wanted:
            path = folder / name
            if linked is not None:
                stale.append(Stale(path, f"{linked} is a symbolic link"))
                continue
            try:
                current = read_regular(path, _LARGEST_OUTPUT, follow_symlinks=False)
            except UnreadableFile as exc:
                stale.append(Stale(path, "missing" if exc.missing else exc.reason))
                continue
            if data is not None and current != data:
                stale.append(Stale(path, "differs", _diff(path, current, data.decode("utf-8"))))
            elif expected is not None and _stamp(name, current) != expected:
                older = {"map.html": "map", "deck.pdf": "deck"}.get(name, "slide map")
                older = "map.dot" if name in LAYOUT_OUTPUTS else older
                stale.append(Stale(path, f"laid out from an older {older}"))
    return stale


def _stamp(name: str, data: bytes) -> str | None:
    """The digest the laid-out file *name* carries."""
    if name in SEMINAR_OUTPUTS:
        return read_seminar_stamp(name, data)
    return read_stamp(name.rsplit(".", 1)[1], data)


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


def _diff(path: Path, old: bytes, new: str) -> tuple[str, ...]:
    """The first DIFF_LINES lines of a unified diff from *old* to *new*, and how many are cut."""
    if max(old.count(b"\n"), new.count("\n")) > DIFF_MAX_LINES:
        return (f"  (not diffed: more than {DIFF_MAX_LINES:,} lines)",)
    lines = list(
        difflib.unified_diff(
            old.decode("utf-8", "replace").splitlines(),
            new.splitlines(),
            f"{path} (on disk)",
            f"{path} (from the claims)",
            lineterm="",
        )
    )
    if len(lines) > DIFF_LINES:
        cut = len(lines) - DIFF_LINES
        return (*lines[:DIFF_LINES], f"… {cut} more diff line{'s' if cut != 1 else ''}")
    return tuple(lines)

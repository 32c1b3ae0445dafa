"""`renders/tracking.md`: every tracked claim of the corpus, written by `argmap render`.

The file exists exactly when the corpus has a tracked claim (a `same-as`
class); it is the Markdown of `argmap track --all --format markdown`. Like
the documents' outputs it is compared byte for byte by `render --check`, and
written atomically; a leftover file of a corpus with no tracked claim is
stale and removed. Only this module and :mod:`argmap.render.renders` touch
renders/.
"""

from __future__ import annotations

from pathlib import Path

from argmap.corpus.plain import PlainIndex
from argmap.load.files import UnreadableFile, read_regular
from argmap.load.writes import write_atomic
from argmap.render.renders import Stale
from argmap.render.track_format import format_all_markdown
from argmap.track.appearances import tracked_claims

NAME = "tracking.md"
"""The file's name under the renders folder."""

_LARGEST = 1 << 31


def tracking_text(index: PlainIndex) -> str | None:
    """The text of tracking.md, or None when the corpus has no tracked claim."""
    found = tracked_claims(index)
    if not found:
        return None
    return format_all_markdown(found, "Tracked claims: one claim across documents")


def stale_tracking(text: str | None, out: Path) -> list[Stale]:
    """tracking.md under *out*, when it differs from *text* (or should not be there)."""
    path = out / NAME
    try:
        current = read_regular(path, _LARGEST, follow_symlinks=False)
    except UnreadableFile as exc:
        if text is None and exc.missing:
            return []
        return [Stale(path, "missing" if exc.missing else exc.reason)]
    if text is None:
        return [Stale(path, "the claims have no tracked claim")]
    if current != text.encode("utf-8"):
        return [Stale(path, "differs")]
    return []


def write_tracking(text: str | None, out: Path, force: bool = False) -> list[Path]:
    """Write (or remove) tracking.md when stale, or always with *force*; the paths changed."""
    path = out / NAME
    if text is None:  # nothing to write; a leftover file goes
        if not stale_tracking(text, out):
            return []
        path.unlink(missing_ok=True)
        return [path]
    if not (force or stale_tracking(text, out)):
        return []
    out.mkdir(parents=True, exist_ok=True)
    write_atomic(path, text, force=True)  # a symlink there is replaced, never written through
    return [path]

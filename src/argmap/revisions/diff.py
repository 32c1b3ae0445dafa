"""`argmap diff` as a library call: two sides in, their changes and the loader's findings out.

:func:`diff_sides` lists the files that differ (see :func:`~argmap.revisions.sides.changed_files`),
loads only those on each side (their shared files among them when they changed;
unchanged files are the same on both sides and cannot change a reference's
meaning) and compares them. Cost grows with the change, not the corpus.
Nothing here prints.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from argmap.diagnostics import Diagnostic
from argmap.load.limits import Limits
from argmap.revisions.changes import Change
from argmap.revisions.compare import compare
from argmap.revisions.sides import Side, changed_files
from argmap.revisions.snapshot import load_files

__all__ = ["Diff", "diff_sides"]


@dataclass
class Diff:
    """What changed between two sides."""

    changes: list[Change] = field(default_factory=list)
    """Every change, grouped by file."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    """What the loader found wrong in the files read (either side)."""
    files: list[str] = field(default_factory=list)
    """The claims files whose bytes differ (paths under the claims folder)."""
    skipped: list[str] = field(default_factory=list)
    """Files left out of the comparison because one side could not be loaded at all (its
    diagnostics say why); comparing them would report every entity as added or removed."""


def diff_sides(old: Side, new: Side, limits: Limits, paths: list[str] | None = None) -> Diff:
    """The changes from *old* to *new*; *paths* (files under the claims folder) when the
    caller already knows which files differ."""
    files = changed_files(old, new, limits) if paths is None else paths
    if not files:
        return Diff()
    with tempfile.TemporaryDirectory(prefix="argmap-diff-") as scratch:
        before = load_files(old, files, limits, Path(scratch) / "old")
        after = load_files(new, files, limits, Path(scratch) / "new")
        skipped = sorted(before.unreadable | after.unreadable)
        for side in (before, after):
            for path in skipped:
                side.files.pop(path, None)
        changes = compare(before, after)
    return Diff(changes, [*before.diagnostics, *after.diagnostics], files, skipped)

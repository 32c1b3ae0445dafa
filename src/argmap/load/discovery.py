"""Finding the claims files under a root, and naming each (its namespace) by its place there.

Every `*.yaml` and `*.yml` below the claims folder is a claims file, hidden
files and folders aside. Nothing is skipped silently: a folder that cannot be
listed is an `unreadable-file` diagnostic, and a file that turns out to be a
dangling or looping symlink is listed so the loader reports it. Symlinked
folders are not entered, so a link cannot make the walk loop.
"""

from __future__ import annotations

import os
from pathlib import Path

from argmap.diagnostics import Diagnostic, Location, display_path

YAML_SUFFIXES = (".yaml", ".yml")
"""File endings read as claims files."""


def discover(root: Path) -> list[Path]:
    """The claims files at *root*, in path order (see :func:`find_claims`)."""
    return find_claims(root)[0]


def find_claims(root: Path) -> tuple[list[Path], list[Diagnostic]]:
    """The claims files at *root* (the file itself, or every YAML file below a folder).

    Returns the files in path order, and an `unreadable-file` diagnostic for
    each folder that could not be listed. Hidden files and folders are
    skipped; symlinked folders are not entered; a symlinked file is listed,
    and the loader judges it.
    """
    if not root.is_dir():
        return [root], []
    found: list[Path] = []
    unlisted: list[tuple[Path, str]] = []

    def refused(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else root
        unlisted.append((where, exc.strerror or str(exc)))

    for folder, folders, names in os.walk(root, onerror=refused):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        here = Path(folder)
        found.extend(
            here / name
            for name in names
            if name.endswith(YAML_SUFFIXES) and not name.startswith(".")
        )
    return sorted(found), [
        Diagnostic(
            Location(display_path(folder)),
            "unreadable-file",
            f"cannot list folder: {reason}",
            "make it readable, or move it out of the claims folder",
        )
        for folder, reason in sorted(unlisted)
    ]


def namespace_of(root: Path, path: Path) -> str:
    """The default namespace of *path*: its path under *root* without suffix, '/'-separated.

    At a file root (PATH is one file), it is the file's stem.
    """
    try:
        relative = path.relative_to(root) if root.is_dir() else Path(path.name)
    except ValueError:
        relative = Path(path.name)
    return relative.with_suffix("").as_posix()

"""Finding the claims files under a root, naming each (its namespace), and hashing them.

Every `*.yaml` and `*.yml` below the claims folder is a claims file, hidden
files and folders aside. Nothing is skipped silently: a folder that cannot be
listed is an `unreadable-file` diagnostic, and a file that turns out to be a
dangling or looping symlink is listed so the loader reports it. Symlinked
folders are not entered, so a link cannot make the walk loop. :func:`scan`
does all of it for a run, and hashes every file when the run caches (see
:mod:`argmap.load.cache.hashes`): that is all a warm run needs to know which files
changed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from argmap.diagnostics import Diagnostic, Location, display_path, display_paths
from argmap.load.cache.hashes import HashBook
from argmap.load.limits import Limits

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


def _names(root: Path, paths: list[Path]) -> list[str]:
    """:func:`namespace_of` each of *paths*, by slicing strings where that is the same."""
    if not root.is_dir():
        return [namespace_of(root, path) for path in paths]
    start = str(root) + os.sep
    names = []
    for path in paths:
        text = str(path)
        relative, dot = text[len(start) :], path.name.rfind(".")
        if os.sep != "/" or not text.startswith(start) or dot <= 0:
            names.append(namespace_of(root, path))
        else:
            names.append(relative[: len(relative) - len(path.name) + dot])
    return names


@dataclass
class Scan:
    """The claims files at a root: found, named and (when caching) hashed, not yet read."""

    root: Path
    """The claims folder or file."""
    paths: list[Path] = field(default_factory=list)
    """Every claims file, in path order."""
    shown: list[str] = field(default_factory=list)
    """Each file's path as diagnostics show it."""
    names: list[str] = field(default_factory=list)
    """Each file's default namespace (its path under the root without suffix)."""
    keys: dict[Path, tuple[str, int]] = field(default_factory=dict)
    """The hash and size of each file that could be read, when hashed."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    """Problems met finding the files (a missing root, folders that cannot be listed)."""
    missing: bool = False
    """True when the root does not exist or cannot be read (a usage error)."""

    @property
    def empty(self) -> bool:
        """True when there is no claims file to load."""
        return not self.paths

    def manifest(self) -> list[tuple[str, str, str]] | None:
        """(shown, default namespace, hash) of every file, then every problem met finding
        them; None when a file could not be hashed."""
        if self.empty or len(self.keys) != len(self.paths):
            return None
        files = zip(self.paths, self.shown, self.names, strict=True)
        found = [(shown, name, self.keys[path][0]) for path, shown, name in files]
        return found + [("", "", diagnostic.format()) for diagnostic in self.diagnostics]


def scan(root: Path, hashed: bool, limits: Limits, book: HashBook | None = None) -> Scan:
    """Find the claims files at *root*; with *hashed*, hash each one (reusing the hashes
    *book* holds for files whose status is unchanged)."""
    found = Scan(root)
    shown_root = display_path(root)
    try:
        root.stat()
    except OSError as exc:
        found.missing = True
        if isinstance(exc, FileNotFoundError):
            message = f"claims path '{shown_root}' does not exist"
            hint = "run from the project folder, or pass the claims folder as PATH"
            code = "no-claims"
        else:
            message = f"cannot read claims path '{_abbreviated(shown_root)}': {exc.strerror or exc}"
            hint, code = "pass a shorter or readable path as PATH", "unreadable-file"
        found.diagnostics.append(
            Diagnostic(Location(_abbreviated(shown_root)), code, message, hint)
        )
        return found
    found.paths, found.diagnostics = find_claims(root)
    if not found.paths:
        found.diagnostics.append(
            Diagnostic(
                Location(shown_root),
                "no-claims",
                f"no .yaml files under '{shown_root}'",
                "add a claims file such as claims/commentary.yaml (see docs/claims-format.md)",
            )
        )
        return found
    found.shown = display_paths(found.paths)
    found.names = _names(root, found.paths)
    if hashed:
        found.keys = (book or HashBook(None, "")).keys(found.paths, limits.max_file_bytes)
    return found


def _abbreviated(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else f"{text[: limit // 2]}…{text[-limit // 2 :]}"

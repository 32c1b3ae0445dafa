"""Located diagnostics: what is wrong, where, and a hint to fix it.

A :class:`Diagnostic` is plain data; checks and the loader create them and
the CLI prints them. Formatting to ``path:line:col: severity: message [code]``
lives here so every command prints the same line.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from argmap.codes import CODES, Severity


@dataclass(frozen=True, order=True)
class Location:
    """A place in a file; line and column count from 1, 0 means unknown."""

    path: str
    """The file's path as shown to the user."""
    line: int = 0
    """1-based line, or 0 when the problem concerns the whole file."""
    col: int = 0
    """1-based column, or 0 when unknown."""

    def __str__(self) -> str:
        if self.line <= 0:
            return self.path
        return f"{self.path}:{self.line}:{self.col or 1}"


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in the claims."""

    location: Location
    """Where the problem is."""
    code: str
    """A code from :data:`argmap.codes.CODES`."""
    message: str
    """What is wrong, as one sentence without a final period."""
    hint: str | None = None
    """How to fix it, when there is something useful to say."""
    related: Location | None = None
    """A second place involved, such as the first definition of a duplicate."""

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"unregistered diagnostic code {self.code!r}")

    @property
    def severity(self) -> Severity:
        """The code's severity."""
        return CODES[self.code].severity

    def format(self) -> str:
        """The text the CLI prints: the located line, then any hint."""
        text = f"{self.location}: {self.severity.value}: {self.message} [{self.code}]"
        if self.related is not None:
            text += f"\n  note: first defined at {self.related}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text

    def to_json(self) -> dict[str, object]:
        """A JSON-ready dict for ``--format json``."""
        return {
            "path": self.location.path,
            "line": self.location.line,
            "col": self.location.col,
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
            "related": None if self.related is None else str(self.related),
        }


def sort_key(diagnostic: Diagnostic) -> tuple[bool, str, int, int, str, str]:
    """Root causes (duplicate ids, …) first; then by file, position and code, for stable output."""
    loc = diagnostic.location
    first = CODES[diagnostic.code].root_cause
    return (not first, loc.path, loc.line, loc.col, diagnostic.code, diagnostic.message)


def sorted_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Diagnostics in stable print order, exact repeats removed."""
    unique = {(d.location, d.code, d.message): d for d in diagnostics}
    return sorted(unique.values(), key=sort_key)


def did_you_mean(word: str, candidates: Iterable[str]) -> str | None:
    """A 'did you mean …?' hint naming the closest candidate, if any is close."""
    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f"did you mean '{matches[0]}'?" if matches else None


def display_path(path: Path) -> str:
    """A path relative to the working directory when it lies below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def display_paths(paths: list[Path]) -> list[str]:
    """:func:`display_path` of each of *paths*, resolving each folder only once.

    A file that is not a symlink resolves to its resolved folder plus its name,
    so a corpus of thousands of files in a few folders costs a few resolutions.
    """
    cwd = Path.cwd().resolve()
    folders: dict[Path, str | None] = {}
    shown = []
    for path in paths:
        if path.name in ("", ".", "..") or os.path.islink(path):
            shown.append(display_path(path))
            continue
        parent = path.parent
        if parent not in folders:
            try:
                folders[parent] = str(parent.resolve().relative_to(cwd))
            except ValueError:
                folders[parent] = None
        prefix = folders[parent]
        if prefix is None:
            shown.append(str(path))
        else:
            shown.append(path.name if prefix == "." else f"{prefix}{os.sep}{path.name}")
    return shown

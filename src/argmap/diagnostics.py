"""Located diagnostics: what is wrong, where, and a hint to fix it.

A :class:`Diagnostic` is plain data; checks and the loader create them and
the CLI prints them. Formatting to ``path:line:col: severity: message [code]``
lives here so every command prints the same line.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from argmap.codes import CODES, Severity

PathPart = str | int
"""One step into parsed YAML: a mapping key or a list index."""


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

    def lines(self) -> list[str]:
        """The lines the CLI prints: the located line, then any note and hint.

        User text inside a line is kept as it is; the CLI escapes each line
        before it reaches a terminal, so a newline in an id cannot start a line.
        """
        lines = [f"{self.location}: {self.severity.value}: {self.message} [{self.code}]"]
        if self.related is not None:
            lines.append(f"  note: first defined at {self.related}")
        if self.hint:
            lines.append(f"  hint: {self.hint}")
        return lines

    def format(self) -> str:
        """The lines of :meth:`lines` as one text."""
        return "\n".join(self.lines())

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


SUGGEST_CUTOFF = 60
"""Least similarity (0–100, rapidfuzz's ratio) for a "did you mean" suggestion."""
_LONGEST_WORD = 200
"""Words longer than this get no suggestion: nothing an id looks like is that long."""


def did_you_mean(word: str, candidates: Iterable[str]) -> str | None:
    """A 'did you mean …?' hint naming the closest candidate, if any is close."""
    return Suggester(candidates).hint(word)


@dataclass
class Suggester:
    """Finds the closest of many candidates, once per distinct word.

    The candidates are prepared once; each word's answer is remembered, so a
    misspelt id referred to 5,000 times costs one search, not 5,000.
    """

    candidates: Iterable[str]
    """The names a suggestion may come from."""
    _choices: list[str] | None = field(default=None, init=False, repr=False)
    _answers: dict[str, str | None] = field(default_factory=dict, init=False, repr=False)

    def closest(self, word: str) -> str | None:
        """The closest candidate to *word*, or None when none is close."""
        if word in self._answers:
            return self._answers[word]
        if self._choices is None:
            self._choices = sorted(set(self.candidates))
        found = None
        if len(word) <= _LONGEST_WORD:
            from rapidfuzz import fuzz, process  # only when a word needs a suggestion

            match = process.extractOne(
                word, self._choices, scorer=fuzz.ratio, score_cutoff=SUGGEST_CUTOFF
            )
            found = None if match is None else match[0]
        self._answers[word] = found
        return found

    def hint(self, word: str) -> str | None:
        """ "did you mean 'x'?" for the closest candidate, or None."""
        found = self.closest(word)
        return f"did you mean '{found}'?" if found is not None else None


def display_path(path: Path) -> str:
    """A path relative to the working directory when it lies below it.

    A symlink is shown by its own name, never by its target's.
    """
    try:
        absolute = Path(os.path.abspath(path))
        cwd = Path.cwd()
        if absolute.is_relative_to(cwd):
            return str(absolute.relative_to(cwd))
        return str((absolute.parent.resolve() / absolute.name).relative_to(cwd.resolve()))
    except (ValueError, OSError, RuntimeError):  # elsewhere, or a symlink loop
        return str(path)


def display_paths(paths: list[Path]) -> list[str]:
    """:func:`display_path` of each of *paths*, by string operations where that is the same.

    A path below the working directory (as written, symlinks not followed) is
    shown relative to it; only the others are resolved, one by one.
    """
    cwd = os.getcwd()
    below = cwd if cwd.endswith(os.sep) else cwd + os.sep
    shown = []
    for path in paths:
        absolute = os.path.abspath(path)
        if absolute.startswith(below):
            shown.append(absolute[len(below) :])
        else:
            shown.append(display_path(path))
    return shown

"""The parsed Argdown document: statements, arguments, relations and sections.

These shapes follow what `argdown json` (@argdown/cli 2.0.0) reports, so that a
parse can be compared with the reference JSON: statements grouped into
equivalence classes by title, arguments with their descriptions and
premise-conclusion structures, and relations between them. They hold no
argmap concepts; :mod:`argmap.formats.argdown.read` maps them onto claims.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

NodeKind = Literal["statement", "argument", "inference"]
"""What a relation end is: an equivalence class, an argument, or an argument's inference."""

RelationType = Literal["support", "attack", "undercut", "contradictory", "entails", "contrary"]
"""Argdown's relation types; entails and contrary arise in its strict mode only."""


@dataclass(frozen=True)
class Place:
    """Where something is written: a file (as shown), a 1-based line and column."""

    file: str
    line: int
    col: int


@dataclass
class Member:
    """One occurrence of a statement, or one description of an argument."""

    title: str
    text: str
    role: str | None
    """top-level-statement, relation-statement, premise, intermediary-conclusion,
    main-conclusion, argument-description, or None for list items."""
    place: Place
    is_reference: bool = False
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    links: list[tuple[str, str]] = field(default_factory=list)
    """(text, url) of Markdown links in the text."""
    section: int | None = None
    """Index of the innermost heading above it."""


@dataclass
class Statement:
    """An equivalence class: every statement sharing one title."""

    title: str
    order: int = 0
    """Position among all statements and arguments, by first appearance."""
    members: list[Member] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The first non-empty text of its members."""
        return next((m.text for m in self.members if m.text), "")


@dataclass
class Inference:
    """The inference line(s) before a conclusion."""

    rules: str
    data: dict[str, Any]
    place: Place


@dataclass
class PcsStep:
    """One numbered statement of a premise-conclusion structure."""

    title: str
    """Title of its equivalence class."""
    role: str
    """premise, intermediary-conclusion or main-conclusion."""
    inference: Inference | None = None
    """The inference that concludes it (conclusions only)."""


@dataclass
class Argument:
    """An argument: descriptions, and perhaps a premise-conclusion structure."""

    title: str
    order: int = 0
    """Position among all statements and arguments, by first appearance."""
    members: list[Member] = field(default_factory=list)
    pcs: list[PcsStep] = field(default_factory=list)
    place: Place | None = None

    @property
    def text(self) -> str:
        """The first non-empty description."""
        return next((m.text for m in self.members if m.text), "")


@dataclass
class Relation:
    """A relation between two nodes, as Argdown reports it."""

    source: tuple[NodeKind, str]
    target: tuple[NodeKind, str]
    """(kind, title); an inference is named by its argument's title and conclusion index."""
    type: RelationType
    place: Place


@dataclass
class Section:
    """A heading."""

    title: str
    level: int
    place: Place
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class ArgdownDocument:
    """Everything one Argdown file (with its includes) says."""

    statements: dict[str, Statement] = field(default_factory=dict)
    arguments: dict[str, Argument] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    frontmatter: dict[str, Any] = field(default_factory=dict)

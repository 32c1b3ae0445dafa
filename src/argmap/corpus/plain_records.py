"""The plain records of :mod:`argmap.corpus.plain`: one entity each, as plain values.

Frozen records (slotted dataclasses for the many claims and links, named tuples for the
rest), with references already resolved to qualified ids. No I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


class PlainCitation(NamedTuple):
    """One citation, its source resolved."""

    source: str
    """Qualified source id (as written when unknown)."""
    paragraph: bool
    """True for a footnote that closes the claim's passage (`scope: paragraph`)."""
    quote: str | None
    """Verbatim words."""
    locator: str | None
    """Paragraph, page or footnote."""


@dataclass(frozen=True, slots=True)
class PlainClaim:
    """A claim that won its id, with its references resolved."""

    text: str
    """The proposition."""
    type: str
    """Its type value (fact, causal, …)."""
    status: str | None
    """Its `status:`, else its history's last status; None when neither is written."""
    speakers: tuple[str, ...]
    """Its own speakers (not its document's authors)."""
    citations: tuple[PlainCitation, ...]
    """Its citations, in written order."""
    questions: tuple[str, ...]
    """The questions it bears on."""
    history: tuple[tuple[str, str, str | None], ...]
    """(ISO date, status, note) of each `history:` entry, oldest first."""
    file: int
    """Index of the file that writes it (in :attr:`FactTable.files`)."""


@dataclass(frozen=True, slots=True)
class PlainLink:
    """A link that won its id (shorthand expanded), with its ends resolved."""

    from_: tuple[str, ...]
    """Its premises."""
    to: str
    """Its target: a claim id, or a link id for an undercut."""
    relation: str
    """supports, opposes or undercuts."""
    speakers: tuple[str, ...]
    """Its own speakers (a shorthand link's are its claim's)."""
    warrant: str | None
    """Why it holds, if written."""
    file: int
    """Index of the file that writes it."""


class PlainSource(NamedTuple):
    """A source that won its id."""

    title: str | None
    """Its title, if written."""
    publisher: str | None
    """Its publisher, if written."""
    url: str | None
    """Its url, if written."""
    accessed: str | None
    """Its access date, if written."""
    published: str | None
    """Its publication date, if written."""
    authors: tuple[str, ...]
    """Its authors, resolved."""


class PlainSpeaker(NamedTuple):
    """A speaker that won its id."""

    name: str
    """Display name."""
    role: str | None
    """Role, if written."""
    perspective: str | None
    """Its perspective, resolved."""
    short: str | None
    """Short attribution for maps, if written."""


class PlainPerspective(NamedTuple):
    """A perspective that won its id."""

    name: str
    """Display name."""
    description: str | None
    """What it is, if written."""
    color: str | None
    """The colour it names itself, if any."""


class PlainQuestion(NamedTuple):
    """A question that won its id."""

    text: str
    """The question."""

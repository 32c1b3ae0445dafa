"""The generated corpus as plain data: documents, claims, links, citations, shared entities.

Dataclasses only; building them is `common` and `documents`, writing them is
`yaml_text` and `argdown`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class Citation:
    """One citation of a claim or link."""

    source: str
    locator: str
    quote: str


@dataclass
class ExplicitLink:
    """A `links:` entry; premises all have a higher global index than the target."""

    id: str
    premises: list[str]
    target: str
    relation: str
    speakers: list[str]
    citations: list[Citation]
    warrant: str | None


@dataclass
class Claim:
    """One generated claim and its shorthand links."""

    id: str
    text: str
    type: str
    speakers: list[str]
    citations: list[Citation]
    questions: list[str]
    tags: list[str]
    date: dt.date | None
    status: str | None
    supports: list[str] = field(default_factory=list)
    opposes: list[str] = field(default_factory=list)


@dataclass
class Document:
    """One commentary: its own source, footnote sources, claims and explicit links."""

    number: int
    id: str
    title: str
    publisher: str
    authors: list[str]
    published: dt.date
    accessed: dt.date
    footnotes: list[tuple[str, str, str, str, str, dt.date]]
    """(id, kind, title, publisher, url, accessed) of each footnote source."""
    claims: list[Claim] = field(default_factory=list)
    links: list[ExplicitLink] = field(default_factory=list)


@dataclass
class Common:
    """The shared file: speakers, perspectives and questions."""

    speakers: list[tuple[str, str, str, str, str, str]]
    """(id, name, kind, role, affiliation, perspective) of each speaker."""
    authors: list[str]
    """Ids of the speakers who write commentaries."""
    questions: list[tuple[str, str]]
    """(id, text) of each question."""

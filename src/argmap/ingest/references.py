"""Footnotes and links into sources: title, publisher, url and dates from a citation string.

A footnote such as ``“Title”, Publisher, https://…, (Access Date: 28.01.2025)``
gives every field. `Ibid.` and `Id.` stand for the previous footnote's source;
footnotes and links that share a url are one source. What cannot be read is
reported, quoted as written, never guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

_URL = re.compile(r"https?://[^\s<>\"“”]+")
_IBID = re.compile(r"(ibid|id)\.?(?:[,;:]\s*.*)?", re.IGNORECASE)
_QUOTED = re.compile(
    r"“([^“”]+)”|\"([^\"]+)\"|‘([^‘’]+)’|«([^«»]+)»"
)  # linear: scans stop at openers
_EMPHASIS = re.compile(r"(?<!\w)[*_]([^*_]+)[*_](?!\w)")
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE = (
    r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{4}"
    rf"|\d{{1,2}}\s+(?:{_MONTH})\.?,?\s+\d{{4}}|(?:{_MONTH})\.?\s+\d{{1,2}},?\s+\d{{4}}"
)
_ACCESSED = re.compile(
    rf"\(?\s*(?:access(?:ed)?(?:\s+(?:date|on))?|retrieved(?:\s+on)?|last\s+accessed)\s*:?\s*"
    rf"({_DATE})\s*\)?",
    re.IGNORECASE,
)
_ANY_DATE = re.compile(rf"\(?({_DATE})\)?", re.IGNORECASE)


@dataclass
class Reference:
    """What one footnote or link says about the document it cites."""

    title: str | None = None
    """The cited document's title."""
    publisher: str | None = None
    """Its outlet or publisher."""
    url: str | None = None
    """Where it can be read."""
    accessed: dt.date | None = None
    """When the author read it."""
    published: dt.date | None = None
    """When it was published, if the citation says."""
    authors: str | None = None
    """Who wrote it, as the citation names them before a quoted title."""
    problems: list[str] = field(default_factory=list)
    """What could not be read from the citation."""


def is_ibid(citation: str) -> bool:
    """True for `Ibid.` and `Id.` (with or without a page after them)."""
    return _IBID.fullmatch(citation.strip()) is not None


def parse_citation(citation: str) -> Reference:
    """The fields of a citation string (see the module docstring)."""
    rest = citation.strip()
    found = Reference()
    if url := _URL.search(rest):
        found.url = url.group(0).rstrip(".,;:)")
        rest = rest[: url.start()] + "," + rest[url.start() + len(found.url) :]
    if accessed := _ACCESSED.search(rest):
        found.accessed = parse_date(accessed.group(1))
        rest = rest[: accessed.start()] + "," + rest[accessed.end() :]
    before = ""
    if title := _QUOTED.search(rest) or _EMPHASIS.search(rest):
        found.title = next(g for g in title.groups() if g).strip().rstrip(",")
        before, rest = rest[: title.start()], rest[title.end() :]
    found.authors = ", ".join(_segments(before)) or None
    segments = _segments(rest)
    if segments and (date := _ANY_DATE.fullmatch(segments[-1])):
        found.published = parse_date(date.group(1))
        segments.pop()
    if found.title is None and segments:
        found.title = segments.pop(0)
    if segments:
        found.publisher = segments.pop(0)
    if found.title is None and found.url is None:
        found.problems.append("no title or url")
    elif found.url is None:
        found.problems.append("no url")
    if segments:
        found.problems.append("left over: " + ", ".join(segments))
    return found


def _segments(text: str) -> list[str]:
    parts = (part.strip(" .;:()[]") for part in text.split(","))
    return [part for part in parts if part and part.lower() not in ("in", "available at", "online")]


def parse_date(text: str) -> dt.date | None:
    """A date written as 2025-01-28, 28.01.2025 (day first), 28 January 2025 or January 28, 2025."""
    text = " ".join(text.lower().replace(",", " ").split())
    try:
        if iso := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
            year, month, day = (int(g) for g in iso.groups())
        elif dotted := re.fullmatch(r"(\d{1,2})[./](\d{1,2})[./](\d{4})", text):
            day, month, year = (int(g) for g in dotted.groups())
        elif named := re.fullmatch(rf"(\d{{1,2}})\s+({_MONTH})\.?\s+(\d{{4}})", text):
            day, month, year = int(named[1]), _MONTHS[named[2]], int(named[3])
        elif named := re.fullmatch(rf"({_MONTH})\.?\s+(\d{{1,2}})\s+(\d{{4}})", text):
            day, month, year = int(named[2]), _MONTHS[named[1]], int(named[3])
        else:
            return None
        return dt.date(year, month, day)
    except ValueError:
        return None


def host_of(url: str) -> str:
    """The host of a url without `www.`, e.g. `thediplomat.com`."""
    return (urlsplit(url).hostname or "").removeprefix("www.")

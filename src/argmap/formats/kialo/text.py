"""The text of a Kialo claim: footnote markers, Markdown links, escapes, `(citation needed)`.

Kialo's new exports number their sources, `[1]` in the text and `[1] url` in a
trailing `Sources:` block, where the lines after a `[1] url` line, up to the next
one, are the quoted excerpt of that source (kept as the citation's quote); the
old ones put Markdown links `[label](url)` in the text and escape parentheses as
`\\(`. This module turns both into argmap sources and citations and leaves a clean
claim text, a marker taken out never gluing two words together. It never prints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from argmap.diagnostics import Diagnostic, Location
from argmap.formats.imported import SlugRegistry, clean_text, slugify
from argmap.load.facts import CITATION_NEEDED_TAG
from argmap.model import Citation, Source

_SOURCE_LINE = re.compile(r"^\[(\d+)\]\s+(\S.*)$")
# `(?<!\s)` starts a match only where a run of spaces starts, and `[^\[\]]` stops at the
# next bracket, so no run is scanned twice (linear time on hostile text).
_MARKER = re.compile(r"(?<!\s)\s*\[(\d+)\]")
_LINK = re.compile(r"\[([^\[\]]+)\]\((https?://[^)\s]+)\)")
_CITATION_NEEDED = re.compile(r"(?<!\s)\s*\(citation needed\)", re.IGNORECASE)
_ESCAPE = re.compile(r"\\([()\[\]*_#\\])")


@dataclass
class Footnote:
    """One entry of the Sources block."""

    url: str
    """What `[n]` points at: a url, or the words Kialo gives instead."""
    line: int
    """1-based line of its `[n] url` line."""
    excerpt: list[str] = field(default_factory=list)
    """The lines quoted from the source below it, as written."""

    @property
    def quote(self) -> str | None:
        """The excerpt on one line, its enclosing quotation marks taken off; None if none."""
        text = clean_text(" ".join(self.excerpt))
        if len(text) > 1 and text[0] in '"“' and text[-1] in '"”':
            text = text[1:-1].strip()
        return text or None


def parse_sources_block(
    lines: list[str], start: int, shown: str, diagnostics: list[Diagnostic]
) -> dict[str, Footnote]:
    """The `[n] url` entries after `Sources:` (each with the excerpt lines below it)."""
    found: dict[str, Footnote] = {}
    current: Footnote | None = None
    for i in range(start, len(lines)):
        stripped = lines[i].strip()
        match = _SOURCE_LINE.match(stripped)
        if match is None and current is not None:
            current.excerpt.append(stripped)
            continue
        if not stripped:
            continue
        if match is None:
            message = f"a line of the Sources block is not '[n] url': {stripped[:40]!r}"
            diagnostics.append(Diagnostic(Location(shown, i + 1, 1), "import-syntax", message))
            continue
        number, url = match.group(1), match.group(2).strip()
        if number in found:
            message = f"source [{number}] is listed twice"
            where = Location(shown, i + 1, 1)
            related = Location(shown, found[number].line, 1)
            diagnostics.append(Diagnostic(where, "duplicate-id", message, related=related))
            current = None
            continue
        current = found[number] = Footnote(url, i + 1)
    return found


def _source_name(url: str) -> str:
    """Words for a source id: the last path segment, else the host."""
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    name = segments[-1] if segments else parts.netloc
    return slugify(re.sub(r"\.[a-z]{2,5}$", "", name)) or slugify(parts.netloc)


@dataclass
class SourceRefs:
    """The export's sources, made into argmap sources once each (one per distinct url)."""

    numbered: dict[str, Footnote]
    """The Sources block: footnote number to its entry."""
    ids: SlugRegistry
    """Source ids handed out so far."""
    by_url: dict[str, Source] = field(default_factory=dict)
    """Sources made so far, by url, in order of first citation."""

    def source_for(self, url: str, title: str | None = None) -> Source:
        """The source of *url*, made on first use."""
        if url not in self.by_url:
            ident = self.ids.take(_source_name(url) or "source")
            self.by_url[url] = Source(id=ident, url=url, title=title)
        return self.by_url[url]

    def used_sources(self) -> list[Source]:
        """Every source cited, plus the numbered ones no claim cites, in a stable order."""
        for _number, note in sorted(self.numbered.items(), key=lambda kv: int(kv[0])):
            self.source_for(note.url)
        return list(self.by_url.values())


@dataclass
class ClaimText:
    """A claim's text once markers and links are taken out."""

    text: str
    citations: list[Citation]
    tags: list[str]
    unknown_markers: list[str]
    """Footnote numbers the text uses that the Sources block lacks."""


def extract_citations(raw: str, refs: SourceRefs) -> ClaimText:
    """Take footnote markers, links and `(citation needed)` out of *raw*."""
    citations: list[Citation] = []
    unknown: list[str] = []
    tags: list[str] = []

    def cite(source: Source, quote: str | None = None) -> None:
        if all((c.source, c.quote) != (source.id, quote) for c in citations):
            citations.append(Citation(source=source.id, quote=quote))

    text = raw
    if _CITATION_NEEDED.search(text):
        tags.append(CITATION_NEEDED_TAG)
        text = _CITATION_NEEDED.sub(_gap, text)
    for match in _MARKER.finditer(text):
        note = refs.numbered.get(match.group(1))
        if note is not None:
            cite(refs.source_for(note.url), note.quote)
        else:
            unknown.append(match.group(1))
    text = _MARKER.sub(_gap, text)
    links = list(_LINK.finditer(text))
    for match in links:
        cite(refs.source_for(match.group(2), _unescape(match.group(1))))
    tail = len(text)
    for match in reversed(links):  # links after the last sentence are only footnotes
        if text[match.end() : tail].strip():
            break
        tail = match.start()
    text = _LINK.sub(lambda m: m.group(1), text[:tail])
    return ClaimText(clean_text(_unescape(text)), citations, tags, unknown)


def _gap(match: re.Match[str]) -> str:
    """What a removed marker leaves: a space when a word follows it (`problems [19]due` reads
    `problems due`), nothing before punctuation or the end (`growth [3].` reads `growth.`)."""
    after = match.string[match.end() : match.end() + 1]
    return " " if after and (after.isalnum() or after in "([\"“‘'") else ""


def _unescape(text: str) -> str:
    return _ESCAPE.sub(r"\1", text)

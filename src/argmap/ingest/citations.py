"""The draft's sources and each sentence's citations: footnotes, links, figures, passages.

Every footnote definition becomes a source (`Ibid.` is the one before; one
source per url). A footnote marker or a link in a sentence cites its source
from that sentence. A footnote covers the passage since the previous footnote
in its paragraph: a sentence without a marker of its own cites the next
footnote of its paragraph, with `scope: paragraph`; sentences after the last
footnote of a paragraph cite none. A link whose text is "Source", "here",
"link" or "report" is never a title: under a figure, the figure's caption is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from argmap.ingest.document import Document
from argmap.ingest.references import Reference, host_of, is_ibid, parse_citation
from argmap.ingest.sentences import Sentence, claim_text, slug, unique

GENERIC_LINK_TEXT = frozenset({"source", "sources", "here", "link", "report", "this", "data"})
"""Link texts that say nothing about what they link to."""


@dataclass
class Sources:
    """The sources of one draft, and how footnotes and urls map to them."""

    entries: list[dict[str, Any]]
    """The `sources:` section, the document first."""
    ids: set[str]
    """Every id taken in the draft (sources and claims share a namespace)."""
    by_note: dict[int, str] = field(default_factory=dict)
    """Source id of each footnote."""
    by_url: dict[str, str] = field(default_factory=dict)
    """Source id of each url."""

    def read_footnotes(self, document: Document, unparsed: list[str]) -> None:
        """A source for every footnote (Ibid. resolved, one source per url)."""
        by_title: dict[str, str] = {}
        previous: str | None = None
        for number, citation in document.notes.items():
            if is_ibid(citation):
                if previous is None:
                    unparsed.append(f'footnote {number}: "Ibid." with no footnote before it')
                else:
                    self.by_note[number] = previous
                continue
            found = parse_citation(citation)
            for problem in found.problems:
                unparsed.append(f'footnote {number}: {problem} in "{citation}"')
            known = self.by_url.get(found.url or "") or by_title.get(found.title or "")
            if known is None:
                known = self.add(found)
                if found.url:
                    self.by_url[found.url] = known
                if found.title:
                    by_title[found.title] = known
            self.by_note[number] = previous = known

    def add(self, found: Reference) -> str:
        """Add a source; returns its new id."""
        host = host_of(found.url) if found.url else ""
        stem = slug(host.split(".")[0], words=1) + "-" if host else ""
        ident = unique(stem + slug(found.title or host or "source", words=3, limit=32), self.ids)
        entry = {
            "id": ident,
            "title": found.title,
            "publisher": found.publisher,
            "url": found.url,
            "accessed": found.accessed,
            "published": found.published,
        }
        self.entries.append({key: value for key, value in entry.items() if value is not None})
        return ident

    def link(self, url: str, label: str, fallback: str) -> str:
        """The source of a link: titled by its text, unless generic, else by *fallback*."""
        if url not in self.by_url:
            title = label if is_title(label) else fallback
            self.by_url[url] = self.add(Reference(title=title, publisher=host_of(url), url=url))
        return self.by_url[url]

    def cite(self, sentence: Sentence) -> list[dict[str, Any]]:
        """Citations for the footnote markers (`fn N`) and links in a sentence, each source once."""
        citations: list[dict[str, Any]] = []
        for mark in sentence.marks:
            if mark.kind == "fn" and int(mark.target) in self.by_note:
                source = self.by_note[int(mark.target)]
                citations.append({"source": source, "locator": f"fn {mark.target}"})
            elif mark.kind == "link" and mark.target.startswith(("http://", "https://")):
                citations.append(
                    {"source": self.link(mark.target, mark.label, claim_text(sentence.quote))}
                )
        unique_citations: list[dict[str, Any]] = []
        for citation in citations:
            if all(c["source"] != citation["source"] for c in unique_citations):
                unique_citations.append(citation)
        return unique_citations


def is_title(label: str) -> bool:
    """True when a link's text can title its source: not a url, not "Source" or "here"."""
    words = label.strip(" .:()[]").lower()
    return bool(words) and "://" not in words and words not in GENERIC_LINK_TEXT


def passage_citations(own: list[list[dict[str, Any]]]) -> list[list[dict[str, Any]]]:
    """For each sentence of a paragraph, the footnotes that cover its passage.

    *own* holds each sentence's own citations. A sentence with no footnote of its
    own is covered by the next footnote in the paragraph (`scope: paragraph`).
    """
    covering: list[list[dict[str, Any]]] = []
    pending: list[dict[str, Any]] = []
    for citations in reversed(own):
        notes = [c for c in citations if str(c.get("locator", "")).startswith("fn")]
        if notes:
            pending = [{**c, "scope": "paragraph"} for c in notes]
            covering.append([])
        else:
            cited = {c["source"] for c in citations}
            covering.append([c for c in pending if c["source"] not in cited])
    return covering[::-1]

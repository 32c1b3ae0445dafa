"""The JSON export: the whole resolved corpus in one documented shape.

Other tools and scripts rely on this shape (see docs/interchange.md, "Export format"), so
change it only by adding keys. Speakers are resolved (a claim without its own
speakers lists its document's authors), shorthand links are expanded, `from`
is always a list and dates are ISO strings. No I/O happens here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap.corpus.graph import GraphIndex
from argmap.model import Citation


def _citations(citations: list[Citation]) -> list[dict[str, Any]]:
    return [
        {"source": c.source, "locator": c.locator, "quote": c.quote, "scope": c.scope.value}
        for c in citations
    ]


def export_corpus(index: GraphIndex) -> dict[str, list[dict[str, Any]]]:
    """The corpus as plain JSON-ready data."""
    return {name: list(entries) for name, entries in export_sections(index)}


def export_sections(index: GraphIndex) -> list[tuple[str, Iterator[dict[str, Any]]]]:
    """The sections of :func:`export_corpus`, in order, each made one entry at a time
    (so a large corpus can be written without holding its whole export)."""
    corpus = index.corpus
    return [
        ("claims", _claims(index)),
        ("links", _links(index)),
        (
            "sources",
            (
                {
                    "id": ident,
                    "title": source.title,
                    "publisher": source.publisher,
                    "url": source.url,
                    "accessed": source.accessed,
                    "published": source.published,
                    "authors": list(source.authors),
                    "kind": source.kind.value,
                }
                for ident, source in corpus.sources.items()
            ),
        ),
        (
            "speakers",
            (
                {
                    "id": ident,
                    "name": speaker.name,
                    "role": speaker.role,
                    "affiliation": speaker.affiliation,
                    "perspective": speaker.perspective,
                    "kind": speaker.kind.value,
                }
                for ident, speaker in corpus.speakers.items()
            ),
        ),
        (
            "perspectives",
            (
                {"id": ident, "name": p.name, "description": p.description, "color": p.color}
                for ident, p in corpus.perspectives.items()
            ),
        ),
        ("questions", ({"id": ident, "text": q.text} for ident, q in corpus.questions.items())),
    ]


def _claims(index: GraphIndex) -> Iterator[dict[str, Any]]:
    corpus = index.corpus
    for ident, claim in corpus.claims.items():
        yield {
            "id": ident,
            "text": claim.text,
            "type": claim.type.value,
            "speakers": index.claim_speakers(ident),
            "citations": _citations(claim.citations),
            "questions": list(claim.questions),
            "tags": list(claim.tags),
            "date": claim.date,
            "status": None if claim.status is None else claim.status.value,
            "document": corpus.document_of_claim(ident),
            "unsourced": index.is_unsourced(ident),
            "sourcing": index.sourcing(ident).value,
            "standalone": claim.standalone,
            "namespace": corpus.namespaces.get(corpus.claim_file.get(ident, "")),
            "same_as": list(claim.same_as),
            "not_same_as": list(claim.not_same_as),
            "canonical": claim.canonical,
            "history": [
                {"date": h.date.isoformat(), "status": h.status.value, "note": h.note}
                for h in claim.history
            ],
        }


def _links(index: GraphIndex) -> Iterator[dict[str, Any]]:
    for ident, link in index.corpus.links.items():
        yield {
            "id": ident,
            "from": list(link.from_),
            "to": link.to,
            "relation": link.relation.value,
            "speakers": index.link_speakers(ident),
            "citations": _citations(link.citations),
            "warrant": link.warrant,
            "scheme": link.scheme,
        }

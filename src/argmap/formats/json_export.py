"""The JSON export: the whole resolved corpus in one documented shape.

Other tools and scripts rely on this shape (see docs/interchange.md, "Export format"), so
change it only by adding keys. Speakers are resolved (a claim without its own
speakers lists its document's authors), shorthand links are expanded, `from`
is always a list and dates are ISO strings. It is written from the plain records
(:mod:`argmap.corpus.plain`), never from models. No I/O happens here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from argmap.corpus.plain import PlainCitation, PlainIndex
from argmap.corpus.plain_details import (
    claim_details,
    link_details,
    source_kind,
    speaker_details,
)
from argmap.corpus.table import Sourcing


def _citations(citations: Iterable[PlainCitation]) -> list[dict[str, Any]]:
    return [
        {
            "source": c.source,
            "locator": c.locator,
            "quote": c.quote,
            "scope": "paragraph" if c.paragraph else "sentence",
        }
        for c in citations
    ]


def export_corpus(index: PlainIndex) -> dict[str, list[dict[str, Any]]]:
    """The corpus as plain JSON-ready data."""
    return {name: list(entries) for name, entries in export_sections(index)}


def export_sections(index: PlainIndex) -> list[tuple[str, Iterator[dict[str, Any]]]]:
    """The sections of :func:`export_corpus`, in order, each made one entry at a time
    (so a large corpus can be written without holding its whole export)."""
    table = index.table
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
                    "kind": source_kind(table, ident),
                }
                for ident, source in index.sources.items()
            ),
        ),
        (
            "speakers",
            (
                {
                    "id": ident,
                    "name": speaker.name,
                    "role": speaker.role,
                    "affiliation": (more := speaker_details(table, ident)).affiliation,
                    "perspective": speaker.perspective,
                    "kind": more.kind,
                }
                for ident, speaker in index.speakers.items()
            ),
        ),
        (
            "perspectives",
            (
                {"id": ident, "name": p.name, "description": p.description, "color": p.color}
                for ident, p in index.perspectives.items()
            ),
        ),
        ("questions", ({"id": ident, "text": q.text} for ident, q in index.questions.items())),
    ]


def _claims(index: PlainIndex) -> Iterator[dict[str, Any]]:
    table = index.table
    for f, loaded in enumerate(table.files):
        keys, namespace = table.claim_keys[f], table.namespaces.get(loaded.shown)
        for i in table.claim_indexes(f):
            ident = keys[i]
            claim, more = index.claims[ident], claim_details(table, f, i)
            sourcing = index.sourcing(ident)
            yield {
                "id": ident,
                "text": claim.text,
                "type": claim.type,
                "speakers": index.claim_speakers(ident),
                "citations": _citations(claim.citations),
                "questions": list(claim.questions),
                "tags": more.tags,
                "date": more.date,
                "status": claim.status,
                "document": index.file_documents[f],
                "unsourced": sourcing is Sourcing.unsourced,
                "sourcing": sourcing.value,
                "standalone": more.standalone,
                "namespace": namespace,
                "same_as": more.same_as,
                "not_same_as": more.not_same_as,
                "canonical": more.canonical,
                "history": [
                    {"date": date, "status": status, "note": note}
                    for date, status, note in claim.history
                ],
            }


def _links(index: PlainIndex) -> Iterator[dict[str, Any]]:
    table, rows = index.table, index.table.links
    for f in range(len(table.files)):
        for row in table.link_rows(f):
            ident = rows.keys[row]
            link, more = index.links[ident], link_details(table, f, rows.places[row])
            yield {
                "id": ident,
                "from": list(link.from_),
                "to": link.to,
                "relation": link.relation,
                "speakers": index.link_speakers(ident),
                "citations": _citations(more.citations),
                "warrant": link.warrant,
                "scheme": more.scheme,
            }

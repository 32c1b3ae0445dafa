"""Argdown `{…}` data blocks and front matter, as argmap fields.

`speaker`, `source`, `url`, `quote`, `locator` and `scope` (or a `citations` list of
such mappings, as argmap's Argdown export writes) become speakers, sources and
citations; `type`, `status` and `date` become the claim's fields when their
values are valid; every other key becomes a comment line, so nothing is lost.
Front matter `title` and `author` describe the document the file maps, and
`argmap: {documents: [...]}` (argmap's export writes it) names the source that is that
document, so citations of it stay citations of the document.
Nothing here prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import TypeAdapter, ValidationError

from argmap.formats.argdown.registry import Registry
from argmap.formats.imported import slugify
from argmap.model import (
    Citation,
    CitationScope,
    ClaimStatus,
    ClaimType,
    PartialDate,
    SpeakerKind,
)

FIELD_KEYS = (
    "speaker",
    "speakers",
    "source",
    "url",
    "quote",
    "locator",
    "citations",
    "type",
    "status",
    "date",
)
"""Data keys that become argmap fields."""


@dataclass
class DataFields:
    """What one data block says, in argmap terms."""

    speakers: list[str] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    type: ClaimType | None = None
    status: ClaimStatus | None = None
    date: str | None = None
    notes: list[str] = field(default_factory=list)


def _texts(value: Any) -> list[str]:
    values = value if isinstance(value, list) else [value]
    return [str(v).strip() for v in values if v is not None and str(v).strip()]


def read_data(data: dict[str, Any], registry: Registry) -> DataFields:
    """The argmap fields of one data block."""
    out = DataFields()
    for key in ("speaker", "speakers"):
        out.speakers += [registry.speaker(name) for name in _texts(data.get(key))]
    source, url = data.get("source"), data.get("url")
    quote, locator = data.get("quote"), data.get("locator")
    if any(v is not None for v in (source, url, quote, locator)):
        ident = (
            registry.source(_first(source), _first(url))
            if source is not None or url is not None
            else registry.document.id
        )
        out.citations.append(Citation(source=ident, quote=_first(quote), locator=_first(locator)))
    extra = data.get("citations")
    for entry in extra if isinstance(extra, list) else []:
        if not isinstance(entry, dict):
            out.notes.append(f"citations: {entry}")
            continue
        name, link = _first(entry.get("source")), _first(entry.get("url"))
        ident = registry.source(name, link) if name or link else registry.document.id
        quote, locator = _first(entry.get("quote")), _first(entry.get("locator"))
        scope = CitationScope.paragraph if entry.get("scope") == "paragraph" else None
        citation = Citation(source=ident, quote=quote, locator=locator)
        if scope is not None:
            citation.scope = scope
        out.citations.append(citation)
    for key, enum in (("type", ClaimType), ("status", ClaimStatus)):
        value = data.get(key)
        if value is None:
            continue
        try:
            setattr(out, key, enum(str(value)))
        except ValueError:
            out.notes.append(f"{key}: {value}")
    date = data.get("date")
    if date is not None:
        try:
            out.date = TypeAdapter(PartialDate).validate_python(date)
        except ValidationError:
            out.notes.append(f"date: {date}")
    for key, value in data.items():
        if key not in FIELD_KEYS:
            out.notes.append(f"{key}: {value}")
    return out


def _first(value: Any) -> str | None:
    texts = _texts(value)
    return texts[0] if texts else None


def document_source(frontmatter: dict[str, Any], stem: str, registry_speakers: Registry) -> None:
    """Fill the document source from front matter `title`, `subTitle` and `author`; with
    `argmap: {documents: [...]}`, the document is the first source named there."""
    document = registry_speakers.document
    named = _documents(frontmatter)
    if named:
        document.id, document.title = slugify(named[0]) or document.id, named[0]
        registry_speakers.documents = named[1:]
        return
    title = frontmatter.get("title")
    if isinstance(title, str) and title.strip():
        document.title = " ".join(title.split())
    subtitle = frontmatter.get("subTitle") or frontmatter.get("subtitle")
    if isinstance(subtitle, str) and subtitle.strip():
        document.title = f"{document.title}: {' '.join(subtitle.split())}"
    authors = _texts(frontmatter.get("author"))
    document.authors = [registry_speakers.speaker(a, SpeakerKind.author) for a in authors]
    del stem


def frontmatter_notes(frontmatter: dict[str, Any]) -> list[str]:
    """Front matter keys that describe no field, as comment lines."""
    skip = {"title", "subTitle", "subtitle", "author"} | (
        {"argmap"} if _documents(frontmatter) else set()
    )
    return [
        f"front matter {key}: {' '.join(str(value).split())}"[:200]
        for key, value in frontmatter.items()
        if key not in skip
    ]


def _documents(frontmatter: dict[str, Any]) -> list[str]:
    """The names under front matter `argmap: {documents: [...]}`, if any."""
    own = frontmatter.get("argmap")
    return _texts(own.get("documents")) if isinstance(own, dict) else []

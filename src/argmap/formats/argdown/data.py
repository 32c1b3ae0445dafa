"""Argdown `{…}` data blocks and front matter, as argmap fields.

`speaker`, `source`, `url`, `quote` and `locator` (or a `citations` list of
such mappings, as argmap's Argdown export writes) become speakers, sources and
citations; `type`, `status` and `date` become the claim's fields when their
values are valid; every other key becomes a comment line, so nothing is lost.
Front matter `title` and `author` describe the document the file maps.
Nothing here prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import TypeAdapter, ValidationError

from argmap.formats.imported import slugify
from argmap.model import (
    Citation,
    ClaimStatus,
    ClaimType,
    PartialDate,
    Source,
    Speaker,
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


@dataclass
class Registry:
    """Speakers and sources named by data blocks, made once each."""

    document: Source
    speakers: dict[str, Speaker] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)

    def speaker(self, name: str, kind: SpeakerKind = SpeakerKind.person) -> str:
        """The id of the speaker called *name*."""
        ident = slugify(name) or "speaker"
        self.speakers.setdefault(ident, Speaker(id=ident, name=name, kind=kind))
        return ident

    def source(self, name: str | None, url: str | None) -> str:
        """The id of the source named *name* (or found at *url*)."""
        label = name or url or ""
        if label.startswith(("http://", "https://")) and url is None:
            url, name = label, None
        ident = slugify(name or url or "") or "source"
        if ident == self.document.id:
            return ident
        found = self.sources.setdefault(ident, Source(id=ident, title=name, url=url))
        if url and found.url is None:
            found.url = url
        return ident


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
        out.citations.append(Citation(source=ident, quote=quote, locator=locator))
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
    """Fill the document source from front matter `title`, `subTitle` and `author`."""
    document = registry_speakers.document
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
    skip = {"title", "subTitle", "subtitle", "author"}
    return [
        f"front matter {key}: {' '.join(str(value).split())}"[:200]
        for key, value in frontmatter.items()
        if key not in skip
    ]

"""A commentary read for ingesting: metadata, numbered paragraphs with their marks, notes.

Paragraphs follow the documented rule of :mod:`argmap.texts.layout`, so the
`para N` locators of a draft are the ones `argmap check` verifies. Each
paragraph keeps its words (for Markdown, without markup) and where footnote
markers and links stand in them. Footnote definitions come from the rule's
footnotes (`[N] …`, `[^label]: …`) or from a trailing numbered list of notes
(`1. …`), which is then not drafted as claims.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from argmap.texts.layout import FOOTNOTE_LINE, is_markdown, split_plain
from argmap.texts.markdown import FRONT_MATTER, Mark, read_markdown

_MARKER = re.compile(r"\[(\d{1,3})\]")
_BARE_URL = re.compile(r"https?://[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"”’]")
_NUMBERED_NOTE = re.compile(r"\s*(\d{1,3})[.)]\s+")
_NOTES_HEADING = re.compile(
    r"\W*(notes|endnotes|footnotes|references|sources|bibliography)\W*", re.IGNORECASE
)
_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


@dataclass
class Paragraph:
    """One numbered paragraph of the document."""

    number: int
    """Its N in `para N`."""
    words: str
    """Its text as quotes are written from it (Markdown without markup)."""
    raw: str
    """Its text as written in the file."""
    marks: list[Mark] = field(default_factory=list)
    """Footnote markers and links in *words*."""
    drafted: bool = True
    """False for paragraphs that are not argument: notes, figures, the author's bio …"""
    start: int = 0
    """Offset of its first character in the text."""
    skipped: str | None = None
    """Why it is not drafted, when a reader would not take it for argument."""
    standfirst: bool = False
    """True for a stand-first (`_…_` before the body): only a thesis sentence is kept."""


@dataclass
class Document:
    """Everything `ingest` reads from one commentary."""

    path: Path
    """The text file."""
    text: str
    """Its whole text."""
    title: str
    """From front matter, a `# heading`, or the file name."""
    author: str | None
    """From front matter, when given."""
    published: dt.date | None
    """From front matter, when given."""
    paragraphs: list[Paragraph]
    """`para 1`, `para 2`, …"""
    notes: dict[int, str]
    """Footnote definitions by number, as written (marker removed, lines joined)."""
    figures: list[tuple[str, str]] = field(default_factory=list)
    """(url, caption) of each source link under a figure."""


def read_document(path: Path, text: str) -> Document:
    """Read *text* (the content of *path*) for ingesting."""
    meta = _front_matter(text)
    if is_markdown(path.name):
        blocks = read_markdown(text)
        numbers = {label: i for i, label in enumerate(blocks.labels, 1)}
        paragraphs = [
            Paragraph(
                block.number,
                block.plain or "",
                text[block.start : block.end],
                _markdown_marks(marks, numbers) + _plain_marks(block.plain or "", links=False),
                start=block.start,
            )
            for block, marks in zip(blocks.layout.paragraphs, blocks.marks, strict=True)
        ]
        notes = {b.number: b.plain or "" for b in blocks.layout.footnotes}
    else:
        layout = split_plain(text)
        paragraphs = [
            Paragraph(b.number, text[b.start : b.end], text[b.start : b.end], start=b.start)
            for b in layout.paragraphs
        ]
        notes = {
            b.number: " ".join(FOOTNOTE_LINE.sub("", text[b.start : b.end], count=1).split())
            for b in layout.footnotes
        }
        for paragraph in paragraphs:
            paragraph.marks = _plain_marks(paragraph.words)
    if not notes:
        notes = _numbered_notes(paragraphs)
    for paragraph in paragraphs:
        paragraph.marks = [m for m in paragraph.marks if m.kind == "link" or int(m.target) in notes]
    front = FRONT_MATTER.match(text)
    heading = _HEADING.search(text, front.end() if front else 0)
    title = _text(meta.get("title")) or (heading.group(1) if heading else None)
    published = meta.get("date")
    if isinstance(published, dt.datetime):
        published = published.date()
    elif isinstance(published, str) and (iso := re.match(r"\d{4}-\d{2}-\d{2}", published)):
        published = dt.date.fromisoformat(iso.group(0))
    return Document(
        path,
        text,
        title or path.stem.replace("-", " ").replace("_", " ").capitalize(),
        _text(meta.get("author")),
        published if isinstance(published, dt.date) else None,
        paragraphs,
        notes,
    )


def _front_matter(text: str) -> dict[str, Any]:
    found = FRONT_MATTER.match(text)
    if not found:
        return {}
    body = found.group(0).strip().removeprefix("---").removesuffix("---")
    try:
        data = yaml.safe_load(body)
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def _text(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _markdown_marks(marks: list[Mark], numbers: dict[str, int]) -> list[Mark]:
    """Footnote marks renumbered from their labels to `fn N`."""
    return [
        m._replace(target=str(numbers[m.target])) if m.kind == "fn" else m
        for m in marks
        if m.kind == "link" or m.target in numbers
    ]


def _plain_marks(words: str, links: bool = True) -> list[Mark]:
    """`[N]` markers, and bare urls when *links*, in plain words."""
    marks = [Mark(m.start(), "fn", m.group(1), "") for m in _MARKER.finditer(words)]
    if links:
        marks += [Mark(m.end(), "link", m.group(0), "") for m in _BARE_URL.finditer(words)]
    return sorted(marks)


def _numbered_notes(paragraphs: list[Paragraph]) -> dict[int, str]:
    """Notes written as a trailing numbered list (`1. …`); those paragraphs are not drafted."""
    notes: dict[int, str] = {}
    i = len(paragraphs)
    while i > 0 and (found := _NUMBERED_NOTE.match(paragraphs[i - 1].raw)):
        i -= 1
        words = paragraphs[i].words
        notes[int(found.group(1))] = words[found.end() :] if words == paragraphs[i].raw else words
    if not notes or not any(m.kind == "fn" for p in paragraphs[:i] for m in p.marks):
        return {}
    for paragraph in paragraphs[i:]:
        paragraph.drafted = False
    if i > 0 and _NOTES_HEADING.fullmatch(paragraphs[i - 1].words):
        paragraphs[i - 1].drafted = False
    return dict(sorted(notes.items()))
